// The planner's board: a React app served by the vlinder service at `/` from web/dist.
// In development, `vite --config web/vite.config.ts` serves it on :5173 and passes /api to
// the service on :3000, so the browser talks to one origin as it does in production.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  resolve: {
    // The Enclaves page shows each enclave's calendar with the core's own rules
    // (src/calendar). Those import rrule's default export as Node does (rrule 2.8 is CommonJS
    // without an exports map); give the browser build the same CommonJS bundle.
    alias: { rrule: fileURLToPath(new URL("../node_modules/rrule/dist/es5/rrule.js", import.meta.url)) },
  },
  build: { outDir: fileURLToPath(new URL("./dist", import.meta.url)), emptyOutDir: true },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
