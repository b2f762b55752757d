// Vite serves only files under its root by URL; the shared page comes in as a module import.
import "../app.js";
