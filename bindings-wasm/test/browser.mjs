// Serves browser/ with the package's web entry, the web build, the shared
// vectors and the hostile catalogue on 127.0.0.1, opens it in Chromium
// (playwright-core + /usr/bin/chromium); the page's answers to the vectors go
// to target/vectors/browser.jsonl (judged by core/tests/vectors.rs), its
// hostile lines to target/hostile/browser.jsonl
// (compared with the Rust reference by tests/hostile/compare.py); then the
// shared linear-time workloads run in the page (tests/hostile/linear.mjs).
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = resolve(fileURLToPath(new URL("..", import.meta.url)));
const vectors = resolve(here, "../tests/vectors");
// What the page PUTs: its hostile lines and its answers to the vectors.
const uploads = {
  "/results/browser.jsonl": resolve(here, "../target/hostile/browser.jsonl"),
  "/results/vectors.jsonl": resolve(here, "../target/vectors/browser.jsonl"),
};
const mounts = [
  ["/js/", join(here, "js")],
  ["/hostile/", resolve(here, "../tests/hostile")],
  ["/pkg-web/", join(here, "pkg-web")],
  ["/test/", join(here, "test")],
  ["/vectors/", vectors],
  ["/", join(here, "browser")],
];
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

function serve(request, response) {
  const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
  const upload = request.method === "PUT" && uploads[path];
  if (upload) {
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => {
      mkdirSync(dirname(upload), { recursive: true });
      writeFileSync(upload, Buffer.concat(chunks));
      response.writeHead(204).end();
    });
    return;
  }
  if (path === "/vectors/index.json") {
    const names = readdirSync(vectors).filter((f) => f.endsWith(".json")).sort();
    response.writeHead(200, { "content-type": types[".json"] }).end(JSON.stringify(names));
    return;
  }
  const [prefix, root] = mounts.find(([p]) => path.startsWith(p));
  const file = resolve(root, "." + path.slice(prefix.length - 1) + (path.endsWith("/") ? "index.html" : ""));
  if (!(file === root || file.startsWith(root + sep)) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    response.writeHead(404).end("not found");
    return;
  }
  response
    .writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" })
    .end(readFileSync(file));
}

const server = createServer(serve);
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const profile = mkdtempSync(join(tmpdir(), "regplan-chromium-"));
let browser;
let exitCode = 1;
try {
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.__regplanResult !== undefined, null, { timeout: 180_000 });
  const result = await page.evaluate(() => window.__regplanResult);
  if (result.error) {
    console.error(`the page failed: ${result.error}`);
  } else {
    console.log(`${result.userAgent}`);
    console.log(`browser: ${result.answers} vector answers (${result.files} files) written to ${uploads["/results/vectors.jsonl"]}; ${result.hostile} hostile cases to ${uploads["/results/browser.jsonl"]}`);
    if (errors.length) console.error(`page errors:\n${errors.join("\n")}`);
    exitCode = result.answers >= 100 && errors.length === 0 ? 0 : 1;
    // The shared linear-time workloads (tests/hostile/linear.json), in the page's own module.
    const { report } = await import("../../tests/hostile/linear.mjs");
    const linear = await page.evaluate(async () => {
      const [{ measure }, api, config] = await Promise.all([
        import("/hostile/linear.mjs"), import("/js/web.js"), fetch("/hostile/linear.json").then((r) => r.json()),
      ]);
      return measure(api, config);
    });
    if (!report("browser", linear)) exitCode = 1;
  }
} finally {
  await browser?.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
