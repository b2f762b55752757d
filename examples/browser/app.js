// The one page every example builds: instantiate regplan-wasm without
// top-level await, validate a name as a form would, plan a request. The
// driver (run.mjs) reads #out; data-state says when the page is done.
import init, { validate, plan } from "regplan-wasm";

const out = document.getElementById("out");
init()
  .then(() => {
    const report = validate("gcore.registries.create", { project_id: 1, region_id: 76, name: "1-Bad_" });
    const result = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" },
      { credentials: { type: "api_key", api_key: "k3y" } });
    out.textContent = JSON.stringify({ codes: report.errors.map((e) => e.code), url: result.request.url, body: result.request.body });
    out.dataset.state = "done";
  })
  .catch((error) => {
    out.textContent = String(error?.stack ?? error);
    out.dataset.state = "failed";
  });
