// Answers every shared vector (tests/vectors/answer.mjs; the one matcher in
// core/tests/support/vectors.rs judges them), then runs the hostile-value
// catalogue, against the --target web build (the package's web entry), in the page.
// Served by test/browser.mjs: /js/ is the package's entry, /pkg-web/ the
// build, /vectors/ the shared vectors (index.json lists them), /hostile/
// the catalogue, /test/ the shared checkers; the hostile lines are PUT to
// /results/browser.jsonl and the answers to /results/vectors.jsonl.
import init, * as api from "./js/web.js";
import { answerAll } from "./vectors/answer.mjs";

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
  const answers = answerAll(api, files);
  const sent = await fetch("./results/vectors.jsonl", { method: "PUT", body: answers.join("\n") + "\n" });
  if (!sent.ok) throw new Error(`PUT vectors.jsonl: ${sent.status}`);
  const summary = { userAgent: navigator.userAgent, files: names.length, answers: answers.length, hostile: 0 };
  const catalogue = await fetch("./hostile/cases.json");
  if (catalogue.ok) {
    const { runCatalogue } = await constructors();
    const lines = runCatalogue(api, await catalogue.json(), "browser", realm);
    const put = await fetch("./results/browser.jsonl", { method: "PUT", body: lines.join("\n") + "\n" });
    if (!put.ok) throw new Error(`PUT browser.jsonl: ${put.status}`);
    summary.hostile = lines.length;
  }
  document.getElementById("status").textContent =
    `${summary.answers} vectors answered; ${summary.hostile} hostile cases run`;
  window.__regplanResult = summary;
}

main().catch((error) => {
  window.__regplanResult = { error: String(error?.stack ?? error) };
});
