// Runs every shared vector against the --target web build, in the page.
// Served by test/browser.mjs: /pkg-web/ is the build, /vectors/ the shared
// vectors (with index.json listing them), /test/ the shared checker.
import init, * as api from "./pkg-web/regplan_wasm.js";
import { runAll } from "./test/vector-check.mjs";

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
  };
  document.getElementById("status").textContent =
    `${summary.passed} of ${summary.total} vectors passed, ${summary.failed} failed`;
  document.getElementById("failures").textContent = summary.failures.join("\n");
  window.__regplanResult = summary;
}

main().catch((error) => {
  window.__regplanResult = { error: String(error?.stack ?? error) };
});
