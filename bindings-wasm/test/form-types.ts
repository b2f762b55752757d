// Compiled with test/types.ts (tsc --noEmit -p test/tsconfig.json): typed use of regplan-wasm/form.
import { RegplanFormElement, type RegplanPlanEvent } from "../js/form.js";

const form = document.createElement("regplan-form");
const typed: RegplanFormElement = form;
typed.operation = "gcore.registries.create";
typed.credentials = { type: "api_key", api_key: "k" };
form.addEventListener("regplan-plan", (event) => {
  const url: string = event.detail.url;
  const body: string | null = event.detail.body;
  const authorization: string | undefined = event.detail.headers["Authorization"];
  void [url, body, authorization];
});
const handler = (event: RegplanPlanEvent): string => event.detail.method;
void handler;
void typed.ready.then(() => typed.value);
// @ts-expect-error: not an operation id
typed.operation = "gcore.registries.make";
// @ts-expect-error: credentials have a type
typed.credentials = { api_key: "k" };
