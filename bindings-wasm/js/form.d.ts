// Types of regplan-wasm/form: importing it defines the custom element
// <regplan-form> (once) and initialises the wasm. Hand-written: the element
// is JS only and holds no rule (the rule types come from types.d.ts).
import type { Credentials, OperationId, Request } from "./types.js";

/**
 * `<regplan-form operation="gcore.registries.create">`: one control per
 * field (`name` = its JSON Pointer), live validation on `input`, the whole
 * input validated on submit, a masked request preview with "Copy as curl".
 * On a valid submit with `credentials` set it dispatches `regplan-plan`
 * (bubbles, composed) whose `detail` is the planned request with the real
 * values; it never sends anything. Styling: CSS custom properties
 * (`--regplan-accent`, `--regplan-accent-text`, `--regplan-error`,
 * `--regplan-text`, `--regplan-muted`, `--regplan-background`,
 * `--regplan-border`, `--regplan-code-background`, `--regplan-radius`,
 * `--regplan-gap`, `--regplan-font`, `--regplan-code-font`) and `::part()`
 * (`form`, `field`, `group`, `legend`, `label`, `required`, `input`, `help`,
 * `error`, `suggestion`, `summary`, `actions`, `submit`, `status`, `preview`,
 * `preview-title`, `preview-note`, `preview-code`, `copy`, `item`, `add`, `remove`).
 */
export declare class RegplanFormElement extends HTMLElement {
  /** The `operation` attribute. */
  operation: OperationId | null;
  /** Credentials for the planned request; never written to an attribute or the DOM. */
  credentials: Credentials | null;
  /** The form's raw value as the element hands it to the core (`{form: true}`): text as typed. */
  value: Record<string, unknown>;
  /** Resolves once the controls of the current operation are in place. */
  readonly ready: Promise<void>;
  /** Validates the whole input; plans and dispatches `regplan-plan` when it is valid and credentials are set. */
  submit(): void;
}

/** The event `<regplan-form>` dispatches on a valid submit with credentials set. */
export type RegplanPlanEvent = CustomEvent<Request>;

declare global {
  interface HTMLElementTagNameMap {
    "regplan-form": RegplanFormElement;
  }
  interface HTMLElementEventMap {
    "regplan-plan": RegplanPlanEvent;
  }
}
