// webpack 5 needs nothing for regplan-wasm: `new URL("….wasm", import.meta.url)`
// in the package becomes an emitted asset.
import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  entry: fileURLToPath(new URL("../app.js", import.meta.url)),
  output: { path: fileURLToPath(new URL("dist", import.meta.url)), clean: true },
};
