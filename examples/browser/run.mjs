// Builds every browser example with the packed regplan-wasm (installed into
// node_modules by bindings-wasm/test.sh) and loads each in Chromium
// (playwright-core + /usr/bin/chromium): Vite 5 and Vite 8, `dev` and
// `build`, webpack 5, esbuild, and a plain page with an import map. Each page
// runs app.js; the page must show the same codes, URL and body in every
// one, and its <regplan-form> (regplan-wasm/form, as the bundler built it)
// must behave the same: `My_Registry ` typed into Name shows the core's three
// messages and aria-invalid, the button "Use my-registry" fixes it. Then, on the import-map page, it measures start-up (init to first
// validation, after the module is fetched) and validateField per keystroke.
//
//   node examples/browser/run.mjs
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const expected = JSON.stringify({
  codes: ["pattern", "pattern", "pattern"],
  url: "https://api.gcore.com/cloud/v1/registries/1/76",
  body: '{"name":"reg-home1","storage_limit":5}',
});
// What the page's <regplan-form> must show once `My_Registry ` is typed into Name.
const typedName = {
  value: "My_Registry ",
  invalid: "true",
  errors: [["pattern", "must start with a lowercase letter"],
    ["pattern", "may contain only lowercase letters, digits and hyphens"],
    ["pattern", "must end with a lowercase letter or digit"]],
  suggestions: [["my-registry", "Use my-registry"]],
};
// And once its suggestion is clicked.
const fixedName = { value: "my-registry", invalid: null, errors: [], suggestions: [] };

/** In the page: Name's control in #form's shadow root, its error element's messages and its suggestion buttons. */
function nameControl() {
  const shadow = document.getElementById("form")?.shadowRoot;
  const input = shadow?.querySelector('[name="/name"]');
  if (!input) return "no control [name=\"/name\"] in #form's shadow root";
  const wrapper = input.closest("[part=field]");
  // The first id aria-describedby names is the error element.
  const error = shadow.getElementById((input.getAttribute("aria-describedby") ?? "").split(" ")[0]);
  return {
    value: input.value,
    invalid: input.getAttribute("aria-invalid"),
    errors: error?.getAttribute("part") === "error"
      ? [...error.children].map((m) => [m.dataset.code, m.textContent]) : "no error element",
    suggestions: [...wrapper.querySelectorAll("[part=suggestion]")].map((b) => [b.dataset.value, b.textContent]),
  };
}

/** Types into the page's <regplan-form> as a person would; returns what differs from the expected (empty: all good). */
async function driveForm(page) {
  const differences = [];
  const same = (step, actual, wanted) => {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(wanted);
    if (a !== e) differences.push(`form ${step}:\n     got      ${a}\n     expected ${e}`);
  };
  // A bundler that drops the module (package.json `sideEffects`) leaves the element undefined.
  const defined = await page.evaluate(() => Promise.race([
    customElements.whenDefined("regplan-form").then(() => document.getElementById("form").ready).then(() => "ready"),
    new Promise((ok) => setTimeout(() => ok("<regplan-form> not defined after 10 s"), 10_000)),
  ]));
  if (defined !== "ready") return [`form: ${defined}`];
  const before = await page.evaluate(nameControl);
  same("before any input", before, { value: "", invalid: null, errors: [], suggestions: [] });
  await page.locator('#form [name="/name"]').pressSequentially("My_Registry ");
  same(`after typing "My_Registry "`, await page.evaluate(nameControl), typedName);
  const button = page.locator("#form [part=suggestion]", { hasText: "Use my-registry" });
  if (await button.count()) {
    await button.click();
    same("after clicking \"Use my-registry\"", await page.evaluate(nameControl), fixedName);
  } else {
    differences.push("form: no button \"Use my-registry\"");
  }
  return differences;
}

/** Before any script of the page: counts the wasm instantiations (app.js and the element share one). */
function countInstantiations() {
  window.wasmInstantiations = 0;
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.wasmInstantiations++;
      return original.apply(this, args);
    };
  }
}

async function viteDev(vite) {
  const server = await vite.createServer({
    root: join(here, "vite"), configFile: false, logLevel: "warn", server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}

async function viteBuild(vite, outDir) {
  await vite.build({ root: join(here, "vite"), configFile: false, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return serveStatic(outDir);
}

async function webpackBuild() {
  const { default: webpack } = await import("webpack");
  const { default: config } = await import("./webpack/webpack.config.js");
  const stats = await new Promise((ok, fail) => webpack(config).run((error, s) => (error ? fail(error) : ok(s))));
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  return serveStatic(join(here, "webpack"));
}

async function esbuildBuild() {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [join(here, "app.js")], bundle: true, splitting: true, format: "esm",
    outdir: join(here, "esbuild/dist"), logLevel: "warning",
  });
  return serveStatic(join(here, "esbuild"));
}

const examples = [
  ["Vite 5 dev", () => import("vite5").then(viteDev)],
  ["Vite 5 build", () => import("vite5").then((v) => viteBuild(v, join(here, "vite/dist5")))],
  ["Vite 8 dev", () => import("vite8").then(viteDev)],
  ["Vite 8 build", () => import("vite8").then((v) => viteBuild(v, join(here, "vite/dist8")))],
  ["webpack 5", webpackBuild],
  ["esbuild", esbuildBuild],
  ["import map", () => serveStatic(here.replace(/\/$/, "")).then((s) => ({ ...s, url: s.url + "importmap/" }))],
  // The quick start of README.md and bindings-wasm/README.md, from the package's own folder.
  ["bindings-wasm/browser/example.html",
    () => serveStatic(resolve(here, "../../bindings-wasm")).then((s) => ({ ...s, url: s.url + "browser/example.html" })),
    [
      "curl -X POST 'https://api.gcore.com/cloud/v1/registries/1/76' \\",
      "  -H 'Accept: application/json' \\",
      "  -H 'Authorization: APIKey ***' \\",
      "  -H 'Content-Type: application/json' \\",
      `  --data-raw '{"name":"reg-home1","storage_limit":5}'`,
    ].join("\n"),
    false], // not app.js: no <regplan-form> there
];

const profile = mkdtempSync(join(tmpdir(), "regplan-examples-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
try {
  for (const [name, start, wanted = expected, withForm = true] of examples) {
    const started = performance.now();
    let server;
    try {
      server = await start();
      const page = await browser.newPage();
      const problems = [];
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.addInitScript(countInstantiations);
      await page.goto(server.url);
      await page.waitForSelector("#out[data-state]", { timeout: 30_000 });
      const state = await page.getAttribute("#out", "data-state");
      const text = await page.textContent("#out");
      const wasm = await page.evaluate(() =>
        performance.getEntriesByType("resource").filter((e) => /\.wasm$|embedded/.test(e.name)).map((e) => e.name.split("/").pop()));
      const differences = state === "done" && withForm ? await driveForm(page) : [];
      // Two copies of the glue (a bundler that split the package in two) would instantiate it twice.
      const instantiations = await page.evaluate(() => window.wasmInstantiations);
      if (instantiations !== 1) differences.push(`the wasm was instantiated ${instantiations} times, not once`);
      await page.close();
      if (state !== "done" || text !== wanted || problems.length) {
        throw new Error(`page says ${state}: ${text} ${problems.join("; ")}`);
      }
      if (differences.length) throw new Error(differences.join("\n"));
      console.log(`ok   ${name} (${Math.round(performance.now() - started)} ms; loaded ${wasm.join(", ")}${withForm ? "; form ok" : ""})`);
    } catch (error) {
      failures++;
      console.log(`FAIL ${name}: ${error?.stack ?? error}`);
    } finally {
      await server?.close();
    }
  }

  // Start-up and keystrokes, on the import-map page: no bundler in between.
  const server = await serveStatic(here.replace(/\/$/, ""));
  try {
    const page = await browser.newPage();
    await page.goto(server.url + "importmap/measure.html");
    await page.waitForSelector("#out[data-state]", { timeout: 30_000 });
    const timing = JSON.parse(await page.textContent("#out"));
    const budget = 50;
    console.log(`start-up: module fetched ${timing.fetchMs} ms, then init + first validation ${timing.initToFirstValidationMs} ms (budget ${budget} ms)`);
    console.log(`validateField per keystroke (${timing.keystrokes} keystrokes): p50 ${timing.p50Us} µs, p99 ${timing.p99Us} µs`);
    if (!(timing.initToFirstValidationMs <= budget)) {
      failures++;
      console.log("FAIL start-up over budget");
    }
  } finally {
    server.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures) {
  console.log(`${failures} example(s) failed`);
  process.exit(1);
}
console.log(`all ${examples.length} examples passed`);
