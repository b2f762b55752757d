// Runs every shared vector, then the hostile-value catalogue, against the
// --target web build (through the package's web entry), in the page.
// Served by test/browser.mjs: /js/ is the package's entry, /pkg-web/ the
// build, /vectors/ the shared vectors (index.json lists them), /hostile/
// the catalogue, /test/ the shared checkers; the hostile lines are PUT to
// /results/browser.jsonl.
import init, * as api from "./js/web.js";
import { runAll } from "./test/vector-check.mjs";

/** The shared constructors (tests/hostile/construct.mjs) when they are there, else ours. */
async function constructors() {
  try {
    return await import("./hostile/construct.mjs");
  } catch {
    return import("./test/construct.mjs");
  }
}

/** A plain object made in another realm: an iframe's Object. */
let frame;
function realm(members) {
  if (!frame) {
    frame = document.createElement("iframe");
    document.body.appendChild(frame);
  }
  return Object.assign(new frame.contentWindow.Object(), members);
}

async function main() {
  await init();
  const names = await (await fetch("./vectors/index.json")).json();
  const files = await Promise.all(
    names.map(async (name) => [name, await (await fetch(`./vectors/${name}`)).json()]),
  );
  const results = runAll(api, files);
  const failed = results.filter((r) => r.failures.length > 0);
  const summary = {
    userAgent: navigator.userAgent,
    files: names.length,
    total: results.length,
    passed: results.length - failed.length,
    failed: failed.length,
    failures: failed.map((r) => `${r.file} :: ${r.name}\n  ${r.failures.join("\n  ")}`),
    hostile: 0,
  };
  const catalogue = await fetch("./hostile/cases.json");
  if (catalogue.ok) {
    const { runCatalogue } = await constructors();
    const lines = runCatalogue(api, await catalogue.json(), "browser", realm);
    const put = await fetch("./results/browser.jsonl", { method: "PUT", body: lines.join("\n") + "\n" });
    if (!put.ok) throw new Error(`PUT browser.jsonl: ${put.status}`);
    summary.hostile = lines.length;
  }
  document.getElementById("status").textContent =
    `${summary.passed} of ${summary.total} vectors passed, ${summary.failed} failed; ${summary.hostile} hostile cases run`;
  document.getElementById("failures").textContent = summary.failures.join("\n");
  window.__regplanResult = summary;
}

main().catch((error) => {
  window.__regplanResult = { error: String(error?.stack ?? error) };
});
