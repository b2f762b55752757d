// rjsf and JSONForms rendering regplan's draft-07 schemas, driven in Chromium
// (playwright-core + /usr/bin/chromium), with the packed regplan-wasm that
// bindings-wasm/test.sh installs here. Builds rjsf/app.jsx and
// jsonforms/app.jsx once with esbuild, then checks, in each generator, with
// exact values: every input has a <label> with its property's title, secrets
// are password inputs, Qovery's kind ECR shows exactly ECR's config fields and
// DOCKER_HUB exactly its own, no oneOf/anyOf picker anywhere, an invalid name
// shows regplan's own messages (rjsf: regplanCustomValidate +
// regplanTransformErrors; JSONForms: additionalErrors), no console error or
// warning, and axe-core finds no critical or serious violation.
//
//   node examples/browser/generators.mjs
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";
import { schema } from "regplan-wasm";

const here = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const wasmPath = join(here, "node_modules/regplan-wasm/pkg-web/regplan_wasm_bg.wasm");
const GCORE = "gcore.registries.create";
const QOVERY = "qovery.container_registries.create";

// What a person sees: [label, input type], in order.
const EXPECTED = {
  [GCORE]: [["Project ID", "number"], ["Region ID", "number"], ["Name", "text"], ["Storage limit", "number"]],
  qoveryBase: [["Organization ID", "text"], ["Name", "text"], ["Kind", "select-one"], ["Description", "text"], ["URL", "text"]],
  ECR: [["Access key ID", "password"], ["Secret access key", "password"], ["Region", "text"], ["Role ARN", "text"]],
  DOCKER_HUB: [["Username", "text"], ["Password", "password"]],
};
// regplan's own words for name "My_Registry " (core/src/providers/gcore.rs).
const NAME_MESSAGES = [
  "must start with a lowercase letter",
  "may contain only lowercase letters, digits and hyphens",
  "must end with a lowercase letter or digit",
];

let failures = 0;
let checks = 0;
function check(name, actual, expected) {
  checks++;
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) {
    console.log(`ok   ${name}`);
  } else {
    failures++;
    console.log(`FAIL ${name}\n     got      ${a}\n     expected ${e}`);
  }
}

// The titles above are the schema's own (exact strings from schema(op)).
{
  const gcore = schema(GCORE, { draft: "draft-07" });
  const qovery = schema(QOVERY, { draft: "draft-07" });
  const links = [];
  for (let link = qovery; link?.if; link = link.else) links.push(link);
  const config = (kind) => links.find((l) => l.if.properties.kind.const === kind).then.properties.config.properties;
  const titles = (props) => Object.values(props).map((p) => [p.title, p.format === "password" ? "password" : p.enum ? "select-one" : p.type === "integer" ? "number" : "text"]);
  check("schema: Gcore titles and input kinds", titles(gcore.properties), EXPECTED[GCORE]);
  check("schema: Qovery titles (config is per kind)", titles(qovery.properties).slice(0, 5), EXPECTED.qoveryBase);
  check("schema: ECR config titles, secrets as password", titles(config("ECR")), EXPECTED.ECR);
  check("schema: DOCKER_HUB config titles, secrets as password", titles(config("DOCKER_HUB")), EXPECTED.DOCKER_HUB);
}

const started = performance.now();
for (const app of ["rjsf", "jsonforms"]) {
  await esbuild.build({
    entryPoints: [join(here, app, "app.jsx")], bundle: true, splitting: true, format: "esm", minify: true,
    outdir: join(here, app, "dist"), jsx: "automatic", logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
}
console.log(`built rjsf/ and jsonforms/ with esbuild (${Math.round(performance.now() - started)} ms)`);

// The glue asks for ../pkg-web/regplan_wasm_bg.wasm next to the bundle: the package's own file.
const server = await serveStatic(here, { "/pkg-web/regplan_wasm_bg.wasm": wasmPath });
const base = server.url;

const profile = mkdtempSync(join(tmpdir(), "regplan-generators-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** Opens `app` for `op`; collects console errors/warnings and page errors. */
async function open(app, op, extra = "") {
  const page = await browser.newPage();
  page.problems = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && page.problems.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => page.problems.push(String(e)));
  await page.goto(`${base}${app}/?op=${op}${extra}`);
  await page.waitForSelector("#app:not([data-state=loading])", { state: "attached", timeout: 30_000 });
  if ((await page.getAttribute("#app", "data-state")) !== "ready") throw new Error(await page.textContent("#app"));
  await page.waitForSelector("#app input, #app select", { timeout: 30_000 });
  return page;
}

/** The visible inputs of the form: [label text, type], the label being the input's own <label> (required mark dropped). */
function visibleInputs(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("#app input, #app select, #app textarea")]
      .filter((e) => e.type !== "submit" && e.checkVisibility())
      .map((e) => {
        const label = e.labels?.[0];
        if (!label) return [`<no label> #${e.id}`, e.type];
        const copy = label.cloneNode(true);
        copy.querySelectorAll(".required").forEach((r) => r.remove());
        return [copy.textContent.trim().replace(/\*$/, ""), e.type];
      }));
}

/** No oneOf/anyOf pickers, no renderer left out. */
async function noPickers(page) {
  const text = await page.evaluate(() => document.querySelector("#app").innerText);
  const pickers = await page.locator("#app .field-one-of, #app .field-any-of, #app [class*=oneOf], #app [class*=anyOf]").count();
  return { optionN: /Option \d/.test(text), noRenderer: /No applicable renderer/i.test(text), pickers };
}

/** axe-core's critical and serious violations, as `rule: target`. */
async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations);
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** The messages shown for the name field. */
function nameMessages(page, app) {
  return app === "rjsf"
    ? page.locator("#root_name__error li").allTextContents()
    : page.evaluate(() => {
        const input = document.getElementById("#/properties/name-input");
        const wrapper = input.closest(".control") ?? input.parentElement;
        return [...wrapper.querySelectorAll(".validation")].map((e) => e.textContent).join("\n").split("\n").filter(Boolean);
      });
}

try {
  for (const app of ["rjsf", "jsonforms"]) {
    // Gcore: labels, then regplan's messages for an invalid name.
    const page = await open(app, GCORE);
    check(`${app} ${GCORE}: each input's <label> is its title`, await visibleInputs(page), EXPECTED[GCORE]);
    check(`${app} ${GCORE}: no pickers`, await noPickers(page), { optionN: false, noRenderer: false, pickers: 0 });
    await page.fill(app === "rjsf" ? "#root_name" : "[id='#/properties/name-input']", "My_Registry ");
    await page.waitForFunction(() => document.body.innerText.includes("must start with a lowercase letter"), null, { timeout: 10_000 })
      .catch(() => {});
    check(`${app} ${GCORE}: name "My_Registry " shows regplan's messages, and only those`, await nameMessages(page, app), NAME_MESSAGES);
    check(`${app} ${GCORE}: axe-core, no critical/serious violations`, await axe(page), []);
    check(`${app} ${GCORE}: no console error or warning`, page.problems, []);
    await page.close();

    // Qovery: exactly the chosen kind's config fields.
    const q = await open(app, QOVERY);
    const kind = app === "rjsf" ? "#root_kind" : "[id='#/properties/kind-input']";
    check(`${app} ${QOVERY}: no kind yet, no config fields`, await visibleInputs(q), EXPECTED.qoveryBase);
    await q.selectOption(kind, "ECR");
    await q.waitForTimeout(100);
    check(`${app} ${QOVERY}: kind ECR shows exactly ECR's config fields`, await visibleInputs(q), [...EXPECTED.qoveryBase, ...EXPECTED.ECR]);
    check(`${app} ${QOVERY}: ECR, no pickers`, await noPickers(q), { optionN: false, noRenderer: false, pickers: 0 });
    check(`${app} ${QOVERY}: ECR, axe-core, no critical/serious violations`, await axe(q), []);
    await q.selectOption(kind, "DOCKER_HUB");
    await q.waitForTimeout(100);
    check(`${app} ${QOVERY}: kind DOCKER_HUB shows exactly its own config fields`, await visibleInputs(q), [...EXPECTED.qoveryBase, ...EXPECTED.DOCKER_HUB]);
    check(`${app} ${QOVERY}: DOCKER_HUB, no pickers`, await noPickers(q), { optionN: false, noRenderer: false, pickers: 0 });
    check(`${app} ${QOVERY}: no console error or warning`, q.problems, []);
    await q.close();
  }

  // JSONForms with its own UI schema (none given): the schema alone is not a blank form.
  const d = await open("jsonforms", QOVERY, "&ui=default");
  check(`jsonforms ${QOVERY} (default UI schema): the top-level fields, labelled`, await visibleInputs(d), EXPECTED.qoveryBase);
  await d.close();
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`generators: ${Math.round(performance.now() - started)} ms`);
console.log(`${checks - failures} passed, ${failures} failed`);
if (failures) process.exit(1);
