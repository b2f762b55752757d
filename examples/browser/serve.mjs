// The static server the Chromium drivers share (run.mjs, generators.mjs,
// form.mjs): files below one folder on 127.0.0.1, with the content types a
// page and its wasm need, started and stopped by the driver itself.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * Serves `root` (an absolute path, with or without a trailing slash) on a free
 * port of 127.0.0.1; `aliases` maps a URL path ending to a file outside it
 * (a bundle's `../pkg-web/regplan_wasm_bg.wasm`). Resolves to the base URL and
 * a close function.
 */
export async function serveStatic(root, aliases = {}) {
  const dir = root.replace(/\/$/, "");
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const alias = Object.entries(aliases).find(([ending]) => path.endsWith(ending))?.[1];
    const file = alias ?? resolve(dir, "." + path + (path.endsWith("/") ? "index.html" : ""));
    if ((alias === undefined && !file.startsWith(dir + sep)) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response
      .writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" })
      .end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
