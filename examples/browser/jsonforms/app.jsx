// JSONForms (@jsonforms/react + vanilla renderers) rendering regplan's
// draft-07 schema of one operation (?op=...). JSONForms' default UI schema
// shows a schema's `properties` only (it evaluates no `if`/`then`) and ignores
// `format: "password"`, so uiSchemaOf() derives a UI schema from the regplan
// schema alone: a password cell for each secret, and per kind a group of that
// kind's `config` fields, shown by a rule when `kind` has that value.
// regplan's own messages come in through `additionalErrors`.
import init, { schema, validate } from "regplan-wasm";
import { StrictMode, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { JsonForms } from "@jsonforms/react";
import { vanillaCells, vanillaRenderers } from "@jsonforms/vanilla-renderers";

const root = document.getElementById("app");
const op = new URLSearchParams(location.search).get("op") ?? "gcore.registries.create";
const pointer = (name) => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** A Control for the property at `scope`; a password cell for a secret. */
function control(scope, property) {
  return { type: "Control", scope, ...(property.format === "password" ? { options: { format: "password" } } : {}) };
}

/** The UI schema of a regplan schema: its fields, then each kind's object fields, shown for that kind only. */
export function uiSchemaOf(s) {
  const elements = [];
  for (const [name, property] of Object.entries(s.properties)) {
    // An object whose properties only the branches declare (Qovery's `config`).
    if (property.type === "object" && !property.properties) continue;
    elements.push(control(`#/properties/${pointer(name)}`, property));
  }
  // The root's if/then/else chain: one link per value of one field.
  let at = "#";
  for (let link = s; link?.if; link = link.else, at += "/else") {
    const [field, condition] = Object.entries(link.if.properties)[0];
    for (const [name, property] of Object.entries(link.then.properties ?? {})) {
      if (!property.properties) continue;
      elements.push({
        type: "Group",
        label: property.title,
        rule: { effect: "SHOW", condition: { scope: `#/properties/${pointer(field)}`, schema: { const: condition.const } } },
        elements: Object.entries(property.properties).map(([key, p]) =>
          control(`${at}/then/properties/${pointer(name)}/properties/${pointer(key)}`, p)),
      });
    }
  }
  return { type: "VerticalLayout", elements };
}

/** regplan's report in the shape JSONForms shows next to each field (ajv's). */
function regplanErrors(data) {
  return validate(op, data ?? {}).errors.map((issue) => ({
    instancePath: issue.path, message: issue.message, keyword: `regplan:${issue.code}`, schemaPath: "", params: {},
  }));
}

function App({ s, uischema }) {
  const [data, setData] = useState({});
  const additionalErrors = useMemo(() => regplanErrors(data), [data]);
  return (
    <JsonForms
      schema={s}
      uischema={uischema}
      data={data}
      renderers={vanillaRenderers}
      cells={vanillaCells}
      validationMode="NoValidation"
      additionalErrors={additionalErrors}
      onChange={(e) => setData(e.data)}
    />
  );
}

init()
  .then(() => {
    const s = schema(op, { draft: "draft-07" });
    // ?ui=default: JSONForms' own UI schema, to see what it makes of the schema alone.
    const uischema = new URLSearchParams(location.search).get("ui") === "default" ? undefined : uiSchemaOf(s);
    createRoot(root).render(<StrictMode><App s={s} uischema={uischema} /></StrictMode>);
    root.dataset.op = op;
    root.dataset.state = "ready";
  })
  .catch((error) => {
    root.textContent = String(error?.stack ?? error);
    root.dataset.state = "failed";
  });
