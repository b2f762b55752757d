// Drives <regplan-form> (regplan-wasm/form) in Chromium on examples/browser/form/
// (an import map, no bundler), as a person would: types into fields, sees
// errors appear and clear, switches Qovery's kind, accepts a suggestion,
// checks that the preview masks secrets and that `regplan-plan` carries the
// real request, runs axe-core on the element in its error state, and writes
// a screenshot to target/form/regplan-form.png (docs/regplan-form.png is a
// committed copy). Expected reports and requests are the package's own
// answers in Node (the same core), besides the literal values written here.
// The page must send nothing: every request after it loaded is a failure.
//
//   node examples/browser/form.mjs        (bindings-wasm/test.sh, after run.mjs)
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";
import { validate, plan } from "regplan-wasm";

const here = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
const root = resolve(here, "../..");
const shots = join(root, "target/form");
let passed = 0;
let failed = 0;
function same(name, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  // An expected value that is not there (a step that failed) never matches.
  if (a === e && e !== undefined) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}\n     got      ${a}\n     expected ${e}`);
  }
}

const GCORE = "gcore.registries.create";
const QOVERY = "qovery.container_registries.create";
const API_KEY = "k3y-SeCrEt-0451";
const TOKEN = "qv-t0ken-SeCrEt";
const PASSWORD = "pa55-W0rd-SeCrEt";
const ORG = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

/** `fn()`, or what it threw (the expected side of a check must not stop the run). */
function attempt(fn) {
  try {
    return fn();
  } catch (error) {
    return `threw ${error?.code}: ${error?.message}`;
  }
}

// ---- in-page helpers (run with page.evaluate) ----

/** What one form shows: every control, visible or not, with its error and suggestion. */
function snapshot(id) {
  const host = document.getElementById(id);
  const shadow = host.shadowRoot;
  const controls = [...shadow.querySelectorAll("[name]")].map((input) => {
    const wrapper = input.closest("[part=field]");
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    const described = ids.map((i) => shadow.getElementById(i));
    const label = shadow.querySelector(`label[for="${input.id}"]`);
    const mark = label?.querySelector("[part=required]");
    return {
      name: input.name,
      tag: input.localName,
      type: input.type,
      shown: !wrapper.hidden && wrapper.checkVisibility(),
      label: label ? label.firstChild.textContent : null,
      required: mark ? !mark.hidden : null,
      ariaRequired: input.getAttribute("aria-required"),
      invalid: input.getAttribute("aria-invalid"),
      // The first id aria-describedby names is the error element: its messages, each with its code.
      errors: described[0] && described[0].getAttribute("part") === "error"
        ? [...described[0].children].map((m) => [m.dataset.code, m.textContent]) : "no error element",
      help: described[1]?.textContent ?? null,
      suggestions: [...wrapper.querySelectorAll("[part=suggestion]")].map((b) => [b.dataset.value, b.textContent]),
    };
  });
  const groups = [...shadow.querySelectorAll("fieldset[aria-describedby]")].map((g) => ({
    pointer: g.dataset.pointer,
    errors: [...shadow.getElementById(g.getAttribute("aria-describedby")).children].map((m) => [m.dataset.code, m.textContent]),
  }));
  const summary = shadow.querySelector("[part=summary]");
  return {
    controls,
    groups,
    summary: summary.hidden ? null : [...summary.querySelectorAll("li")].map((li) => [li.dataset.code, li.dataset.path, li.textContent]),
    status: shadow.querySelector("[part=status]").textContent,
    preview: shadow.querySelector("[part=preview-code]").textContent,
    previewNote: !shadow.querySelector("[part=preview-note]").hidden,
    focused: shadow.activeElement?.name ?? null,
  };
}

const profile = mkdtempSync(join(tmpdir(), "regplan-form-"));
const server = await serveStatic(here);
const origin = new URL(server.url).origin;
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 820, height: 900 },
});
try {
  await browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  // Every request the page makes; anything not from the static server is refused.
  const requests = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith(origin + "/") ? route.continue() : route.abort();
  });
  await page.goto(server.url + "form/");
  await page.evaluate(async () => {
    await customElements.whenDefined("regplan-form");
    for (const el of document.querySelectorAll("regplan-form")) await el.ready;
    window.planned = [];
    document.addEventListener("regplan-plan", (event) => {
      const d = event.detail;
      // Copied member by member: JSON.stringify(detail) is the masked view.
      window.planned.push({
        target: event.target.id, bubbles: event.bubbles, composed: event.composed,
        method: d.method, url: d.url, headers: { ...d.headers }, body: d.body, json: JSON.stringify(d),
      });
    });
  });
  const loaded = requests.length;
  const form = (id) => page.evaluate(snapshot, id);
  const field = (id, name) => page.locator(`#${id} [name="${name}"]`);
  const control = async (id, name) => (await form(id)).controls.find((c) => c.name === name);

  // ---- Gcore create ----
  let g = await form("gcore");
  same("gcore: one control per field, name = JSON Pointer, input kind from the metadata",
    g.controls.map((c) => [c.name, c.tag, c.type, c.label, c.required, c.ariaRequired]),
    [["/project_id", "input", "number", "Project ID", true, "true"],
      ["/region_id", "input", "number", "Region ID", true, "true"],
      ["/name", "input", "text", "Name", true, "true"],
      ["/storage_limit", "input", "number", "Storage limit", false, null]]);
  same("gcore: help from the metadata, named by aria-describedby",
    g.controls.find((c) => c.name === "/name").help,
    "A name for the container registry. Should be in lowercase, consisting only of numbers, letters and -, with maximum length of 24 characters");
  same("gcore: no error before any input", g.controls.map((c) => [c.invalid, c.errors]), g.controls.map(() => [null, []]));

  await field("gcore", "/name").pressSequentially("My_Registry ");
  let name = await control("gcore", "/name");
  same("gcore: errors appear on input, linked by aria-describedby and aria-invalid",
    [name.invalid, name.errors],
    ["true", [["pattern", "must start with a lowercase letter"],
      ["pattern", "may contain only lowercase letters, digits and hyphens"],
      ["pattern", "must end with a lowercase letter or digit"]]]);
  same("gcore: the errors are validateField's, with the whole input", name.errors,
    validate(GCORE, { name: "My_Registry " }, { form: true }).errors.filter((e) => e.path === "/name").map((e) => [e.code, e.message]));
  same("gcore: the suggestion for \"My_Registry \"", name.suggestions, [["my-registry", "Use my-registry"]]);
  // (Without the button the step above failed; the value is typed so that the rest still runs.)
  if (name.suggestions.length) await page.locator("#gcore [part=suggestion]").click();
  else await field("gcore", "/name").fill("my-registry");
  name = await control("gcore", "/name");
  same("gcore: one click accepts the suggestion; the errors clear",
    [await field("gcore", "/name").inputValue(), name.invalid, name.errors, name.suggestions, (await form("gcore")).focused],
    ["my-registry", null, [], [], "/name"]);

  await field("gcore", "/project_id").fill("0");
  same("gcore: a number field's error", (await control("gcore", "/project_id")).errors, [["out_of_range", "must be at least 1"]]);
  await field("gcore", "/project_id").fill("1");
  same("gcore: and cleared when fixed", (await control("gcore", "/project_id")).errors, []);
  await field("gcore", "/name").fill("");
  await field("gcore", "/project_id").fill("");

  // Submit with nothing filled in: whole-input errors at every field.
  await page.locator("#gcore [part=submit]").click();
  g = await form("gcore");
  same("gcore: submit shows the whole input's errors at each field",
    g.controls.map((c) => [c.name, c.invalid, c.errors]),
    [["/project_id", "true", [["required", "is required"]]],
      ["/region_id", "true", [["required", "is required"]]],
      ["/name", "true", [["required", "is required"]]],
      ["/storage_limit", null, []]]);
  same("gcore: ... as validate reports them",
    g.controls.flatMap((c) => c.errors.map(([code, message]) => [code, c.name, message])),
    validate(GCORE, { project_id: "", region_id: "", name: "", storage_limit: "" }, { form: true }).errors.map((e) => [e.code, e.path, e.message]));
  same("gcore: status, no summary (every error has its control), focus on the first", [g.status, g.summary, g.focused],
    ["3 problems to fix", null, "/project_id"]);

  await field("gcore", "/project_id").fill("1");
  await field("gcore", "/region_id").fill("76");
  await field("gcore", "/name").pressSequentially("my-registry");
  g = await form("gcore");
  same("gcore: the errors clear as the fields are filled", g.controls.map((c) => [c.invalid, c.errors]), g.controls.map(() => [null, []]));
  const gcoreInput = { project_id: "1", region_id: "76", name: "my-registry" };
  same("gcore: the element's value is the raw form value", await page.evaluate(() => document.getElementById("gcore").value), { ...gcoreInput, storage_limit: "" });
  const previewCurl = [
    "curl -X POST 'https://api.gcore.com/cloud/v1/registries/1/76' \\",
    "  -H 'Accept: application/json' \\",
    "  -H 'Authorization: APIKey <api_key>' \\",
    "  -H 'Content-Type: application/json' \\",
    `  --data-raw '{"name":"my-registry","storage_limit":5}'`,
  ].join("\n");
  same("gcore: preview without credentials: a placeholder where the key goes", [g.preview, g.previewNote], [previewCurl, true]);
  same("gcore: ... the core's preview curl", g.preview, attempt(() => plan(GCORE, gcoreInput, { form: true, preview: true }).curl));
  await page.locator("#gcore [part=submit]").click();
  same("gcore: a valid submit without credentials plans nothing",
    [(await form("gcore")).status, await page.evaluate(() => window.planned.length)], ["Valid: set credentials to plan the request", 0]);

  // Credentials of a type Gcore does not take: the core's error, in the summary (no control shows it).
  await page.evaluate(() => { document.getElementById("gcore").credentials = { type: "token", token: "t0k-SeCrEt" }; });
  await page.locator("#gcore [part=submit]").click();
  g = await form("gcore");
  same("gcore: an error with no control goes to the summary", [g.summary, g.status, await page.evaluate(() => window.planned.length)],
    [[["wrong_credentials", "", "gcore does not accept `token` credentials: pass one of api_key"]], "Not planned", 0]);
  same("gcore: ... as the core words it", g.summary[0][2],
    attempt(() => plan(GCORE, gcoreInput, { form: true, credentials: { type: "token", token: "t0k-SeCrEt" } })).replace(/^threw wrong_credentials: /, ""));
  await page.evaluate((key) => { document.getElementById("gcore").credentials = { type: "api_key", api_key: key }; }, API_KEY);
  g = await form("gcore");
  same("gcore: with credentials the preview masks the key", [g.preview, g.previewNote], [previewCurl.replace("<api_key>", "***"), false]);
  await page.locator("#gcore [part=copy]").click({ timeout: 5000 }).catch(() => {});
  await page.waitForFunction(() => document.getElementById("gcore").shadowRoot.querySelector("[part=status]").textContent.startsWith("Copied"),
    null, { timeout: 5000 }).catch(() => {});
  same("gcore: copy as curl puts the masked preview on the clipboard",
    await page.evaluate(() => navigator.clipboard.readText()), previewCurl.replace("<api_key>", "***"));
  await page.locator("#gcore [part=submit]").click();
  const [gcorePlanned] = await page.evaluate(() => window.planned);
  same("gcore: regplan-plan carries the real request (bubbles, composed)", gcorePlanned && { ...gcorePlanned, json: undefined }, {
    target: "gcore", bubbles: true, composed: true, method: "POST",
    url: "https://api.gcore.com/cloud/v1/registries/1/76",
    headers: { Accept: "application/json", Authorization: `APIKey ${API_KEY}`, "Content-Type": "application/json" },
    body: '{"name":"my-registry","storage_limit":5}',
  });
  const real = attempt(() => plan(GCORE, gcoreInput, { form: true, credentials: { type: "api_key", api_key: API_KEY } }).request);
  same("gcore: ... byte for byte the core's request", gcorePlanned && [gcorePlanned.url, gcorePlanned.headers, gcorePlanned.body],
    [real.url, { ...real.headers }, real.body]);
  same("gcore: ... whose JSON is masked (the page's log)", [gcorePlanned?.json.includes('"Authorization":"APIKey ***"'), gcorePlanned?.json.includes(API_KEY),
    (await page.textContent("#log")).includes(API_KEY)], [true, false, false]);
  same("gcore: status after planning", (await form("gcore")).status, "Planned: nothing was sent");

  // An element made by script; its operation changed; an unknown one.
  same("an element made by script follows its operation attribute", await page.evaluate(async () => {
    const el = document.createElement("regplan-form");
    el.setAttribute("operation", "ncloud.registries.create");
    document.querySelector("main").append(el);
    await el.ready;
    const names = () => [...el.shadowRoot.querySelectorAll("[name]")].map((c) => `${c.name}:${c.localName}`);
    const first = names();
    const region = [...el.shadowRoot.querySelector('[name="/region"]').options].map((o) => o.textContent);
    el.operation = "gcore.registries.resize";
    const second = names();
    el.operation = "nope.nothing";
    const unknown = el.shadowRoot.querySelector("[role=alert]").textContent;
    el.remove();
    return { first, region, second, unknown };
  }), {
    first: ["/region:select", "/registry:input", "/bucket:input"],
    region: ["Default (KR)", "KR", "SGN", "JPN"],
    second: ["/project_id:input", "/region_id:input", "/registry_id:input", "/storage_limit:input"],
    unknown: "unknown operation nope.nothing",
  });

  // A list of objects (Gcore's users.create_multiple): one item to start with, added, removed, errors per item.
  same("a list of objects: items added and removed, errors and suggestions per item", await page.evaluate(async () => {
    const el = document.createElement("regplan-form");
    el.operation = "gcore.users.create_multiple";
    document.querySelector("main").append(el);
    await el.ready;
    const shadow = el.shadowRoot;
    const names = () => [...shadow.querySelectorAll("[name]")].map((c) => c.name);
    const first = names();
    shadow.querySelector("[part=add]").click();
    const second = names();
    const type = (name, text) => {
      const input = shadow.querySelector(`[name="${name}"]`);
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    };
    type("/users/0/name", "Bob");
    type("/users/1/name", "alice");
    type("/users/1/duration", "30");
    const errors = (name) => [...shadow.getElementById(shadow.querySelector(`[name="${name}"]`).getAttribute("aria-describedby").split(" ")[0]).children].map((m) => m.textContent);
    const bob = [errors("/users/0/name"), [...shadow.querySelectorAll("[part=suggestion]")].map((b) => b.textContent)];
    shadow.querySelectorAll("[part=remove]")[0].click();
    const after = [names(), el.value.users];
    el.remove();
    return { first, second, bob, after };
  }), {
    first: ["/project_id", "/region_id", "/registry_id", "/users/0/duration", "/users/0/name", "/users/0/read_only", "/users/0/secret"],
    second: ["/project_id", "/region_id", "/registry_id", "/users/0/duration", "/users/0/name", "/users/0/read_only", "/users/0/secret",
      "/users/1/duration", "/users/1/name", "/users/1/read_only", "/users/1/secret"],
    bob: [["may contain only lowercase letters and digits"], ["Use bob"]],
    after: [["/project_id", "/region_id", "/registry_id", "/users/0/duration", "/users/0/name", "/users/0/read_only", "/users/0/secret"],
      [{ duration: "30", name: "alice", secret: "" }]],
  });

  // ---- Qovery create: the config fields follow kind ----
  const shownNames = async () => (await form("qovery")).controls.filter((c) => c.shown).map((c) => c.name);
  same("qovery: no kind, no config field", await shownNames(), ["/organizationId", "/name", "/kind", "/description", "/url"]);
  same("qovery: kind is a select of the documented kinds",
    await page.locator('#qovery [name="/kind"] option').evaluateAll((os) => os.map((o) => o.value)),
    ["", "ECR", "SCALEWAY_CR", "DOCKER_HUB", "GITHUB_CR", "GITHUB_ENTERPRISE_CR", "GITLAB_CR", "PUBLIC_ECR", "GENERIC_CR", "GCP_ARTIFACT_REGISTRY", "AZURE_CR"]);
  await field("qovery", "/kind").selectOption("ECR");
  let q = await form("qovery");
  same("qovery: kind ECR shows its config fields, secrets as password inputs, required ones marked",
    q.controls.filter((c) => c.shown && c.name.startsWith("/config/")).map((c) => [c.name, c.type, c.label, c.required]),
    [["/config/access_key_id", "password", "Access key ID", false],
      ["/config/secret_access_key", "password", "Secret access key", false],
      ["/config/region", "text", "Region", true],
      ["/config/role_arn", "text", "Role ARN", false]]);
  await field("qovery", "/kind").selectOption("DOCKER_HUB");
  same("qovery: kind DOCKER_HUB", await shownNames(),
    ["/organizationId", "/name", "/kind", "/description", "/url", "/config/username", "/config/password"]);
  await field("qovery", "/kind").selectOption("SCALEWAY_CR");
  q = await form("qovery");
  same("qovery: kind SCALEWAY_CR, all four required",
    q.controls.filter((c) => c.shown && c.name.startsWith("/config/")).map((c) => [c.name, c.type, c.required]),
    [["/config/region", "text", true], ["/config/scaleway_access_key", "password", true],
      ["/config/scaleway_secret_key", "password", true], ["/config/scaleway_project_id", "text", true]]);

  // Error state: kind ECR, nothing else, submitted.
  await field("qovery", "/kind").selectOption("ECR");
  await page.locator("#qovery [part=submit]").click();
  q = await form("qovery");
  const qoveryEmpty = { organizationId: "", name: "", kind: "ECR", description: "", url: "", config: { access_key_id: "", secret_access_key: "", region: "", role_arn: "" } };
  const expectedErrors = validate(QOVERY, qoveryEmpty, { form: true }).errors;
  same("qovery: submit: the errors validate reports, each at its field or group",
    [...q.controls.flatMap((c) => c.errors.map(([code, message]) => [code, c.name, message])),
      ...q.groups.flatMap((gr) => gr.errors.map(([code, message]) => [code, gr.pointer, message]))].sort(),
    expectedErrors.map((e) => [e.code, e.path, e.message]).sort());
  same("qovery: ... among them", q.controls.filter((c) => c.errors.length).map((c) => [c.name, c.invalid, c.errors.map((e) => e[0])]),
    [["/organizationId", "true", ["required"]], ["/name", "true", ["required"]],
      ["/url", "true", ["required"]], ["/config/region", "true", ["required"]]]);
  same("qovery: the credentials rule on the config group, other fields named by label",
    q.groups.map((gr) => [gr.pointer, gr.errors]),
    [["/config", [["required", "kind ECR needs credentials: Access key ID + Secret access key or Role ARN"]]]]);
  same("qovery: the kind's own messages", ["/url", "/config/region"].map((n) => q.controls.find((c) => c.name === n).errors),
    [[["required", "is required for kind ECR"]], [["required", "is required for kind ECR"]]]);

  mkdirSync(shots, { recursive: true });
  await page.locator("section:has(#qovery)").screenshot({ path: join(shots, "qovery-errors.png") });

  // axe-core on the element in its error state (and on the whole page).
  await page.addScriptTag({ path: join(here, "node_modules/axe-core/axe.min.js") });
  const axe = await page.evaluate(async () => {
    const element = await window.axe.run(document.getElementById("qovery"));
    const whole = await window.axe.run(document);
    const brief = (r) => r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    return { element: brief(element), whole: brief(whole), passes: element.passes.length };
  });
  same("axe-core: no violation on <regplan-form> in its error state", axe.element, []);
  same("axe-core: none on the page", axe.whole, []);
  console.log(`     (axe-core ${await page.evaluate(() => window.axe.version)}: ${axe.passes} rules passed on the element)`);

  // A valid Qovery input: the secret password is masked in the preview, real in the event.
  await field("qovery", "/kind").selectOption("DOCKER_HUB");
  await field("qovery", "/organizationId").fill(ORG);
  await field("qovery", "/name").fill("hub");
  await field("qovery", "/config/password").pressSequentially(PASSWORD);
  await page.evaluate((token) => { document.getElementById("qovery").credentials = { type: "token", token }; }, TOKEN);
  await page.locator("#qovery [part=submit]").click();
  same("qovery: a rule relating two fields, on submit", [(await control("qovery", "/config/username")).errors, await page.evaluate(() => window.planned.length)],
    [[["required", "is required together with Password"]], 1]);
  await field("qovery", "/config/username").pressSequentially("me");
  same("qovery: ... cleared by typing into the field", (await control("qovery", "/config/username")).errors, []);
  q = await form("qovery");
  const qoveryInput = { organizationId: ORG, name: "hub", kind: "DOCKER_HUB", description: "", url: "", config: { username: "me", password: PASSWORD } };
  const qoveryPlan = attempt(() => plan(QOVERY, qoveryInput, { form: true, credentials: { type: "token", token: TOKEN } }));
  same("qovery: errors cleared, hidden ECR fields without errors", q.controls.filter((c) => c.errors.length).map((c) => c.name), []);
  same("qovery: the preview masks the token and the password",
    [q.preview, q.preview.includes(TOKEN), q.preview.includes(PASSWORD), q.preview.includes(`"password":"***"`), q.preview.includes("Authorization: Token ***")],
    [qoveryPlan?.curl, false, false, true, true]);
  await page.locator("#qovery [part=submit]").click();
  const qoveryPlanned = (await page.evaluate(() => window.planned))[1];
  same("qovery: regplan-plan carries the real token and password", qoveryPlanned && [qoveryPlanned.target, qoveryPlanned.url, qoveryPlanned.headers, qoveryPlanned.body], [
    "qovery",
    `https://api.qovery.com/organization/${ORG}/containerRegistry`,
    { Accept: "application/json", Authorization: `Token ${TOKEN}`, "Content-Type": "application/json" },
    `{"name":"hub","kind":"DOCKER_HUB","url":"https://docker.io","config":{"username":"me","password":"${PASSWORD}"}}`,
  ]);
  same("qovery: ... the core's request", qoveryPlanned && qoveryPlanned.body, qoveryPlan.request?.body);
  same("no secret in the page's DOM", await page.evaluate((secrets) => {
    const text = [document.documentElement.outerHTML, ...[...document.querySelectorAll("regplan-form")].map((el) => el.shadowRoot.innerHTML)].join("\n");
    return secrets.filter((s) => text.includes(s));
  }, [API_KEY, TOKEN]), []);

  // The screenshot, side by side: Gcore's form with an invalid name and its suggestion,
  // Qovery's planned DOCKER_HUB input with its masked preview.
  await field("gcore", "/name").fill("");
  await field("gcore", "/name").pressSequentially("My_Registry ");
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const boxes = await Promise.all(["#gcore", "#qovery"].map((id) => page.locator(`section:has(${id})`).boundingBox()));
  const clip = { x: boxes[0].x - 8, y: boxes[0].y - 8, width: boxes[1].x + boxes[1].width - boxes[0].x + 16,
    height: Math.max(boxes[0].height, boxes[1].height) + 16 };
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, "regplan-form.png"), clip, fullPage: true });
  console.log(`     screenshot: ${join(shots, "regplan-form.png")}`);

  same("the element sent nothing: no request after the page loaded", requests.slice(loaded), []);
  same("no page error", problems, []);
} catch (error) {
  failed++;
  console.log(`FAIL ${error?.stack ?? error}`);
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`regplan-form: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
