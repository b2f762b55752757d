// rjsf (@rjsf/core + @rjsf/validator-ajv8) rendering regplan's draft-07
// schema of one operation (?op=...), with regplan's own messages through
// regplanCustomValidate / regplanTransformErrors. Nothing but the schema and
// the adapters: no uiSchema, no widgets of our own.
import init, { schema, regplanCustomValidate, regplanTransformErrors } from "regplan-wasm";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import Form from "@rjsf/core";
import validator from "@rjsf/validator-ajv8";

const root = document.getElementById("app");
const op = new URLSearchParams(location.search).get("op") ?? "gcore.registries.create";

function App({ s }) {
  const [formData, setFormData] = useState({});
  return (
    <Form
      schema={s}
      validator={validator}
      formData={formData}
      onChange={(e) => setFormData(e.formData)}
      customValidate={regplanCustomValidate(op)}
      transformErrors={regplanTransformErrors}
      liveValidate="onChange"
      showErrorList={false}
      noHtml5Validate
    />
  );
}

init()
  .then(() => {
    const s = schema(op, { draft: "draft-07" });
    createRoot(root).render(<StrictMode><App s={s} /></StrictMode>);
    root.dataset.op = op;
    root.dataset.state = "ready";
  })
  .catch((error) => {
    root.textContent = String(error?.stack ?? error);
    root.dataset.state = "failed";
  });
