// <regplan-form>: a framework-free custom element for one operation's input
// (`import "regplan-wasm/form"` defines it). It builds one control per field
// from `operations()` (label, help, input kind, the Qovery kinds a `config`
// key belongs to and is required for), validates on every `input` event with
// `validateField(op, pointer, value, {form: true, input})`, validates the
// whole input on submit, shows the suggestion of a naming rule as a button,
// previews the request (masked, with "Copy as curl") and, on a valid submit
// with `credentials` set, dispatches `regplan-plan` with the planned request.
// It never sends anything itself. Every rule, message and suggestion is the
// core's; this file only lays out the metadata and routes issues by JSON
// Pointer.
//
// Importing this module initialises the wasm (web.js's `init()`, once, when
// the first element connects: no top-level await). Styling: the CSS custom
// properties below and `::part()` (form, field, group, legend, label,
// required, input, help, error, suggestion, summary, actions, submit, status,
// preview, preview-title, preview-code, copy, item, add, remove).
import init, { operations, validate, validateField, plan } from "./web.js";

const TAG = "regplan-form";
const Base = globalThis.HTMLElement ?? class {};

const STYLE = `
:host {
  --regplan-accent: #0b57d0;
  --regplan-accent-text: #ffffff;
  --regplan-error: #b3261e;
  --regplan-text: #1f1f1f;
  --regplan-muted: #545454;
  --regplan-background: #ffffff;
  --regplan-border: #767676;
  --regplan-code-background: #f3f4f6;
  --regplan-radius: 6px;
  --regplan-gap: 0.9rem;
  --regplan-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --regplan-code-font: ui-monospace, "DejaVu Sans Mono", Menlo, monospace;
  display: block;
  color: var(--regplan-text);
  background: var(--regplan-background);
  font: 15px/1.4 var(--regplan-font);
}
:host([hidden]), [hidden] { display: none !important; }
form { display: grid; gap: var(--regplan-gap); }
.field { display: grid; gap: 0.25rem; }
fieldset { display: grid; gap: var(--regplan-gap); margin: 0; padding: 0.75rem; border: 1px solid var(--regplan-border); border-radius: var(--regplan-radius); }
legend { font-weight: 600; padding: 0 0.25rem; }
label { font-weight: 600; }
.required { color: var(--regplan-error); margin-left: 0.2em; }
input:not([type=checkbox]), select, textarea {
  font: inherit; color: inherit; background: var(--regplan-background);
  padding: 0.4rem 0.55rem; border: 1px solid var(--regplan-border); border-radius: var(--regplan-radius);
}
input[type=checkbox] { width: 1.1rem; height: 1.1rem; accent-color: var(--regplan-accent); }
.checkbox { display: flex; align-items: center; gap: 0.5rem; }
input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible {
  outline: 2px solid var(--regplan-accent); outline-offset: 1px;
}
[aria-invalid=true] { border-color: var(--regplan-error) !important; box-shadow: 0 0 0 1px var(--regplan-error); }
.help { margin: 0; color: var(--regplan-muted); font-size: 0.87em; }
.error { color: var(--regplan-error); font-size: 0.92em; }
.error:empty { display: none; }
.error > div::before { content: "\\26A0\\FE0E  "; }
.suggestions:empty { display: none; }
button {
  font: inherit; cursor: pointer; border-radius: var(--regplan-radius);
  border: 1px solid var(--regplan-accent); background: var(--regplan-background); color: var(--regplan-accent);
  padding: 0.3rem 0.7rem; justify-self: start;
}
button:disabled { cursor: default; opacity: 0.55; }
button.primary { background: var(--regplan-accent); color: var(--regplan-accent-text); font-weight: 600; padding: 0.45rem 1rem; }
.summary { border-left: 4px solid var(--regplan-error); padding: 0.4rem 0.75rem; color: var(--regplan-error); }
.summary ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
.actions { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
.status { color: var(--regplan-muted); }
.preview { display: grid; gap: 0.4rem; }
.preview-title { font-weight: 600; margin: 0; }
pre {
  margin: 0; padding: 0.6rem 0.75rem; background: var(--regplan-code-background); border-radius: var(--regplan-radius);
  font: 0.85em/1.45 var(--regplan-code-font); white-space: pre-wrap; overflow-wrap: anywhere;
}
`;

let instances = 0;
let loading = null;
let catalogue = null;

/** The wasm, instantiated once for every element (web.js shares the promise). */
function loaded() {
  loading ??= init().then(() => {
    catalogue = new Map(operations().map((op) => [op.id, op]));
  });
  return loading;
}

/** A JSON Pointer segment (RFC 6901). */
function segment(name) {
  return String(name).replaceAll("~", "~0").replaceAll("/", "~1");
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function isObjectList(field) {
  return field.type.name === "array" && field.type.items?.name === "object";
}

export class RegplanFormElement extends Base {
  static observedAttributes = ["operation"];

  #id = ++instances;
  #op = null;
  #credentials = null;
  // pointer -> {field, pointer, input, wrapper, error, suggestions, requiredMark}
  #controls = new Map();
  // pointer -> {field, pointer, wrapper, error} for groups (Qovery `config`)
  #groups = new Map();
  // pointer of a list of objects -> number of items shown
  #items = new Map();
  // pointer of a list of objects -> {append(), items}: its item fieldsets
  #lists = new Map();
  // pointer -> the label that names it in the summary
  #labels = new Map();
  #kindField = null;
  #submitted = false;
  #lastPlan = null;
  #ready;
  #resolveReady;
  #parts = {};

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  /** Resolves once the controls of the current operation are in place. */
  get ready() {
    return this.#ready;
  }

  get operation() {
    return this.getAttribute("operation");
  }
  set operation(id) {
    this.setAttribute("operation", id);
  }

  /**
   * Credentials for the planned request (`{type: "api_key", api_key}`...).
   * Never written to an attribute or the DOM; the preview masks them.
   */
  get credentials() {
    return this.#credentials;
  }
  set credentials(value) {
    this.#credentials = value ?? null;
    if (this.#op) this.#updatePreview();
  }

  /** The form's current value as the element hands it to the core (raw text, `{form: true}`). */
  get value() {
    return this.#op ? this.#collect(this.#op.fields, "", {}) : {};
  }
  set value(input) {
    if (!this.#op) return;
    this.#fill(this.#op.fields, "", input ?? {});
    this.#applyKind();
    this.#updatePreview();
  }

  /** Validates the whole input and, when it is valid and credentials are set, dispatches `regplan-plan`. */
  submit() {
    this.#submit();
  }

  connectedCallback() {
    loaded().then(
      // Moved in the document: the controls (and what was typed) stay.
      () => this.#op?.id !== this.operation && this.#render(),
      (error) => this.#fail(`regplan-wasm did not load: ${error?.message ?? error}`),
    );
  }

  attributeChangedCallback(name, before, after) {
    if (name === "operation" && before !== after && catalogue !== null && this.isConnected) this.#render();
  }

  // ---- rendering ----

  #fail(message) {
    this.shadowRoot.replaceChildren(element("style", { text: STYLE }), element("p", { part: "summary", class: "summary", role: "alert", text: message }));
    this.#resolveReady();
  }

  #render() {
    const id = this.operation;
    const op = catalogue?.get(id ?? "");
    this.#controls.clear();
    this.#groups.clear();
    this.#items.clear();
    this.#lists.clear();
    this.#labels.clear();
    this.#submitted = false;
    this.#lastPlan = null;
    this.#op = null;
    if (!op) {
      this.#fail(id ? `unknown operation ${id}` : "no operation: set the operation attribute");
      return;
    }
    this.#op = op;
    this.#kindField = this.#discriminator(op);

    const form = element("form", { part: "form", novalidate: true, "aria-label": op.summary });
    this.#fields(op.fields, "", form);

    const summary = element("div", { part: "summary", class: "summary", role: "alert", hidden: true });
    const submit = element("button", { type: "submit", part: "submit", class: "primary", text: "Plan request" });
    const status = element("span", { part: "status", class: "status", role: "status" });
    const actions = element("div", { part: "actions", class: "actions" }, submit, status);

    const previewTitle = element("p", { part: "preview-title", class: "preview-title", id: `rp${this.#id}-preview-title`, text: "Request preview" });
    const code = element("pre", { part: "preview-code", "aria-labelledby": previewTitle.id });
    const note = element("p", { part: "preview-note", class: "help", hidden: true, text: "A preview: placeholders stand where the credentials go." });
    const copy = element("button", { type: "button", part: "copy", text: "Copy as curl" });
    const preview = element("div", { part: "preview", class: "preview", role: "group", "aria-labelledby": previewTitle.id }, previewTitle, note, code, copy);
    form.append(summary, actions, preview);

    this.#parts = { form, summary, status, code, copy, note };
    form.addEventListener("input", (event) => this.#onInput(event));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#submit();
    });
    copy.addEventListener("click", () => this.#copy());

    this.shadowRoot.replaceChildren(element("style", { text: STYLE }), form);
    this.#applyKind();
    this.#updatePreview();
    this.#resolveReady();
  }

  /** The top-level enum whose values name the kinds the nested fields belong to (Qovery `kind`). */
  #discriminator(op) {
    const kinds = new Set();
    const walk = (fields) => {
      for (const f of fields) {
        for (const k of f.kinds ?? []) kinds.add(k);
        if (f.type.name === "object") walk(f.type.fields);
      }
    };
    walk(op.fields);
    if (kinds.size === 0) return null;
    return op.fields.find((f) => f.type.name === "enum" && [...kinds].every((k) => f.type.values.includes(k))) ?? null;
  }

  #fields(fields, prefix, parent) {
    for (const field of fields) {
      const pointer = `${prefix}/${segment(field.name)}`;
      this.#labels.set(pointer, prefix && this.#labels.has(prefix) ? `${this.#labels.get(prefix)}: ${field.label}` : field.label);
      if (field.type.name === "object") parent.append(this.#group(field, pointer));
      else if (isObjectList(field)) parent.append(this.#list(field, pointer));
      else parent.append(this.#control(field, pointer));
    }
  }

  #ids(pointer) {
    const base = `rp${this.#id}-${pointer.slice(1).replace(/[^A-Za-z0-9_-]/g, "_")}`;
    return { input: `${base}`, help: `${base}-help`, error: `${base}-error` };
  }

  #group(field, pointer) {
    const ids = this.#ids(pointer);
    const error = element("div", { part: "error", class: "error", id: ids.error, "aria-live": "polite" });
    const wrapper = element("fieldset", { part: "group", "data-pointer": pointer, "aria-describedby": ids.error },
      element("legend", { part: "legend", text: field.label }));
    if (field.help && field.help !== field.label) wrapper.append(element("p", { part: "help", class: "help", text: field.help }));
    wrapper.append(error);
    this.#groups.set(pointer, { field, pointer, wrapper, error });
    this.#fields(field.type.fields, pointer, wrapper);
    return wrapper;
  }

  #list(field, pointer) {
    const ids = this.#ids(pointer);
    const error = element("div", { part: "error", class: "error", id: ids.error, "aria-live": "polite" });
    const items = element("div", { class: "items" });
    const add = element("button", { type: "button", part: "add", text: `Add to ${field.label}` });
    const wrapper = element("fieldset", { part: "group", "data-pointer": pointer, "aria-describedby": ids.error },
      element("legend", { part: "legend", text: field.label }), error, items, add);
    this.#groups.set(pointer, { field, pointer, wrapper, error });
    this.#items.set(pointer, 0);
    const append = () => {
      const index = this.#items.get(pointer);
      this.#items.set(pointer, index + 1);
      const itemPointer = `${pointer}/${index}`;
      const item = element("fieldset", { part: "item", "data-pointer": itemPointer }, element("legend", { part: "legend", text: `${field.label} ${index + 1}` }));
      this.#fields(field.type.items.fields, itemPointer, item);
      const remove = element("button", { type: "button", part: "remove", text: `Remove ${field.label} ${index + 1}` });
      remove.addEventListener("click", () => this.#removeItem(field, pointer, index));
      item.append(remove);
      items.append(item);
    };
    add.addEventListener("click", () => {
      append();
      this.#updatePreview();
    });
    this.#lists.set(pointer, { append, items });
    if (field.required || (field.type.min_items ?? 0) > 0) append();
    return wrapper;
  }

  #removeItem(field, pointer, index) {
    const current = this.#collect([field], pointer.slice(0, pointer.lastIndexOf("/")), {})[field.name] ?? [];
    current.splice(index, 1);
    const list = this.#lists.get(pointer);
    for (const key of [...this.#controls.keys()]) if (key.startsWith(`${pointer}/`)) this.#controls.delete(key);
    list.items.replaceChildren();
    this.#items.set(pointer, 0);
    for (let i = 0; i < current.length; i++) list.append();
    this.#fill(field.type.items.fields, pointer, null, current);
    this.#updatePreview();
  }

  #control(field, pointer) {
    const ids = this.#ids(pointer);
    const describedBy = [ids.error, field.help && field.help !== field.label ? ids.help : null].filter(Boolean).join(" ");
    let input;
    if (field.input === "select" || field.type.name === "enum") {
      input = element("select", {});
      const empty = field.default !== undefined ? `Default (${field.default})` : "Choose…";
      input.append(element("option", { value: "", text: empty }));
      for (const value of field.type.values ?? []) input.append(element("option", { value, text: value }));
    } else if (field.input === "checkbox") {
      input = element("input", { type: "checkbox" });
    } else if (field.input === "list") {
      input = element("textarea", { rows: 3 });
    } else {
      const type = field.secret || field.input === "password" ? "password" : field.input === "number" ? "number" : "text";
      input = element("input", {
        type,
        autocomplete: type === "password" ? "new-password" : "off",
        spellcheck: type === "text" ? "false" : undefined,
        step: type === "number" ? "1" : undefined,
        placeholder: field.default !== undefined ? String(field.default) : undefined,
      });
    }
    input.id = ids.input;
    input.name = pointer;
    input.setAttribute("part", "input");
    input.setAttribute("aria-describedby", describedBy);

    const requiredMark = element("span", { part: "required", class: "required", "aria-hidden": "true", text: "*" });
    const label = element("label", { part: "label", for: ids.input, text: field.label }, requiredMark);
    const help = field.help && field.help !== field.label ? element("p", { part: "help", class: "help", id: ids.help, text: field.help }) : null;
    const error = element("div", { part: "error", class: "error", id: ids.error, "aria-live": "polite" });
    const suggestions = element("div", { class: "suggestions" });
    const wrapper = field.input === "checkbox"
      ? element("div", { part: "field", class: "field", "data-pointer": pointer }, element("div", { class: "checkbox" }, input, label), help, error, suggestions)
      : element("div", { part: "field", class: "field", "data-pointer": pointer }, label, input, help, error, suggestions);
    if (field.kinds) wrapper.dataset.kinds = field.kinds.join(" ");
    const control = { field, pointer, input, wrapper, error, suggestions, requiredMark, touched: false };
    this.#setRequired(control, field.required);
    this.#controls.set(pointer, control);
    return wrapper;
  }

  #setRequired(control, required) {
    control.requiredMark.hidden = !required;
    if (required) control.input.setAttribute("aria-required", "true");
    else control.input.removeAttribute("aria-required");
  }

  // ---- values ----

  /** The raw value of one control: text as typed (the core reads it as a form), a checkbox's boolean. */
  #read(control) {
    const { input, field } = control;
    if (field.input === "checkbox") return input.checked ? true : field.required ? false : undefined;
    if (field.input === "list") {
      const lines = input.value.split("\n").map((line) => line.trim()).filter((line) => line !== "");
      return lines.length ? lines : undefined;
    }
    return input.value;
  }

  #collect(fields, prefix, out) {
    for (const field of fields) {
      const pointer = `${prefix}/${segment(field.name)}`;
      if (field.type.name === "object") {
        out[field.name] = this.#collect(field.type.fields, pointer, {});
      } else if (isObjectList(field)) {
        const n = this.#items.get(pointer) ?? 0;
        const list = [];
        for (let i = 0; i < n; i++) list.push(this.#collect(field.type.items.fields, `${pointer}/${i}`, {}));
        out[field.name] = list;
      } else {
        const control = this.#controls.get(pointer);
        if (!control || control.wrapper.hidden) continue;
        const value = this.#read(control);
        if (value !== undefined) out[field.name] = value;
      }
    }
    return out;
  }

  #fill(fields, prefix, input, list) {
    if (list) {
      list.forEach((item, i) => this.#fill(fields, `${prefix}/${i}`, item ?? {}));
      return;
    }
    for (const field of fields) {
      const pointer = `${prefix}/${segment(field.name)}`;
      const value = input?.[field.name];
      if (field.type.name === "object") {
        this.#fill(field.type.fields, pointer, value ?? {});
      } else if (isObjectList(field)) {
        const items = Array.isArray(value) ? value : [];
        const list = this.#lists.get(pointer);
        while ((this.#items.get(pointer) ?? 0) < items.length) list.append();
        this.#fill(field.type.items.fields, pointer, null, items);
      } else {
        const control = this.#controls.get(pointer);
        if (!control) continue;
        if (field.input === "checkbox") control.input.checked = value === true || value === "true";
        else if (field.input === "list") control.input.value = Array.isArray(value) ? value.join("\n") : "";
        else control.input.value = value === undefined || value === null ? "" : String(value);
      }
    }
  }

  /** Shows the `config` fields of the chosen kind (metadata `kinds`), marks the ones it requires. */
  #applyKind() {
    if (!this.#kindField) return;
    const kind = this.#controls.get(`/${segment(this.#kindField.name)}`)?.input.value ?? "";
    for (const control of this.#controls.values()) {
      const { field } = control;
      if (!field.kinds) continue;
      const shown = field.kinds.includes(kind);
      if (!shown && !control.wrapper.hidden) this.#show(control, []);
      control.wrapper.hidden = !shown;
      this.#setRequired(control, field.required || (field.required_for ?? []).includes(kind));
    }
  }

  // ---- validation ----

  #onInput(event) {
    const target = event.target;
    const pointer = target?.name;
    const control = pointer ? this.#controls.get(pointer) : undefined;
    if (!control || control.input !== target) return;
    control.touched = true;
    if (this.#kindField && pointer === `/${segment(this.#kindField.name)}`) this.#applyKind();
    this.#revalidate(pointer);
    this.#updatePreview();
  }

  /** validateField for `pointer` and for every field that shows an error now, against the whole current input. */
  #revalidate(pointer) {
    const input = this.value;
    const pointers = new Set([pointer]);
    for (const [p, c] of [...this.#controls, ...this.#groups]) if (c.error.childElementCount > 0) pointers.add(p);
    for (const p of pointers) {
      const entry = this.#controls.get(p) ?? this.#groups.get(p);
      if (!entry || entry.wrapper.hidden) continue;
      // validateField takes the pointer of a field the operation declares: an item of a list
      // (`/users/0/name`) is checked through its list's pointer (`/users`), the issues at `p` kept.
      const checked = [...this.#lists.keys()].find((list) => p.startsWith(`${list}/`)) ?? p;
      let report;
      try {
        report = validateField(this.#op.id, checked, this.#valueAt(input, checked), { form: true, input });
      } catch (error) {
        this.#show(entry, [{ code: error.code, path: p, message: error.message, params: {} }]);
        continue;
      }
      this.#show(entry, report.errors.filter((issue) => issue.path === p));
    }
    if (this.#submitted) {
      const { errors } = validate(this.#op.id, input, { form: true });
      this.#showSummary(errors);
      this.#parts.status.textContent = this.#problems(errors.length);
    }
  }

  #problems(n) {
    return n === 0 ? "" : `${n} ${n === 1 ? "problem" : "problems"} to fix`;
  }

  #valueAt(input, pointer) {
    let value = input;
    for (const part of pointer.slice(1).split("/")) {
      if (value === null || typeof value !== "object") return undefined;
      value = value[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    }
    return value;
  }

  /** Puts `issues` (all at this entry's pointer) in its error element; a suggestion becomes a button. */
  #show(entry, issues) {
    entry.error.replaceChildren(...issues.map((issue) => element("div", { "data-code": issue.code, text: issue.message })));
    if (entry.input) {
      if (issues.length) entry.input.setAttribute("aria-invalid", "true");
      else entry.input.removeAttribute("aria-invalid");
    }
    if (!entry.suggestions) return;
    const suggested = [...new Set(issues.map((issue) => issue.params?.suggestion).filter((s) => typeof s === "string"))];
    entry.suggestions.replaceChildren(...suggested.map((value) => {
      const button = element("button", { type: "button", part: "suggestion", "data-value": value, text: `Use ${value}` });
      button.addEventListener("click", () => {
        entry.input.value = value;
        entry.input.focus();
        entry.input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      return button;
    }));
  }

  /** Issues no control shows (the whole input, a hidden or unknown field): listed above the submit button. */
  #showSummary(errors) {
    const orphans = errors.filter((issue) => {
      const entry = this.#controls.get(issue.path) ?? this.#groups.get(issue.path);
      return !entry || entry.wrapper.hidden;
    });
    const { summary } = this.#parts;
    summary.hidden = orphans.length === 0;
    summary.replaceChildren();
    if (orphans.length) {
      summary.append(element("div", { text: "Also fix:" }), element("ul", {}, ...orphans.map((issue) =>
        element("li", { "data-code": issue.code, "data-path": issue.path, text: issue.path ? `${this.#labels.get(issue.path) ?? issue.path}: ${issue.message}` : issue.message }))));
    }
  }

  #submit() {
    if (!this.#op) return;
    this.#submitted = true;
    const input = this.value;
    const report = validate(this.#op.id, input, { form: true });
    for (const entry of [...this.#controls.values(), ...this.#groups.values()]) {
      if (!entry.wrapper.hidden) this.#show(entry, report.errors.filter((issue) => issue.path === entry.pointer));
    }
    this.#showSummary(report.errors);
    const { status } = this.#parts;
    if (!report.valid) {
      status.textContent = this.#problems(report.errors.length);
      const first = [...this.#controls.values()].find((c) => !c.wrapper.hidden && c.input.getAttribute("aria-invalid") === "true");
      first?.input.focus();
      this.#updatePreview();
      return;
    }
    if (this.#credentials === null) {
      status.textContent = "Valid: set credentials to plan the request";
      this.#updatePreview();
      return;
    }
    let result;
    try {
      result = plan(this.#op.id, input, { form: true, credentials: this.#credentials });
    } catch (error) {
      this.#showSummary([{ code: error.code, path: "", message: error.message, params: {} }]);
      status.textContent = "Not planned";
      return;
    }
    this.#updatePreview(result);
    if (!result.ok) {
      this.#showSummary(result.errors);
      status.textContent = "Not planned";
      return;
    }
    status.textContent = "Planned: nothing was sent";
    this.dispatchEvent(new CustomEvent("regplan-plan", { bubbles: true, composed: true, detail: result.request }));
  }

  // ---- preview ----

  /** The request as it would be sent, masked: a placeholder where credentials go until they are set. */
  #updatePreview(result) {
    const { code, copy, note } = this.#parts;
    if (!code) return;
    if (result === undefined) {
      const options = this.#credentials === null
        ? { form: true, preview: true }
        : { form: true, credentials: this.#credentials };
      try {
        result = plan(this.#op.id, this.value, options);
      } catch (error) {
        result = { ok: false, message: error.message };
      }
    }
    this.#lastPlan = result.ok ? result : null;
    code.textContent = result.ok ? result.curl : result.message ?? "The request appears here once the form is valid.";
    copy.disabled = !result.ok;
    note.hidden = !(result.ok && result.request.preview === true);
  }

  async #copy() {
    if (!this.#lastPlan) return;
    const text = this.#lastPlan.curl;
    const { status } = this.#parts;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard API or no permission: the old way, from a selected text area.
      const area = element("textarea", { readonly: true, "aria-hidden": "true", style: "position:fixed;opacity:0" });
      area.value = text;
      this.shadowRoot.append(area);
      area.select();
      const ok = document.execCommand?.("copy");
      area.remove();
      if (!ok) {
        status.textContent = "Copy failed: select the preview and copy it";
        return;
      }
    }
    status.textContent = "Copied curl command";
  }
}

if (globalThis.customElements && !customElements.get(TAG)) customElements.define(TAG, RegplanFormElement);
