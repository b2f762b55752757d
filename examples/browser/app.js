// The one page every example builds: instantiate regplan-wasm without
// top-level await, validate a name as a form would, plan a request, and show
// one <regplan-form> (regplan-wasm/form, which initialises the wasm itself:
// the same module as `init` here, so it is instantiated once). The driver
// (run.mjs) reads #out (data-state says when the page is done), then types
// into the form.
import init, { validate, plan } from "regplan-wasm";
import "regplan-wasm/form";

const out = document.getElementById("out");
const form = document.createElement("regplan-form");
form.id = "form";
form.setAttribute("operation", "gcore.registries.create");
out.after(form);
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
