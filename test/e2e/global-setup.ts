/**
 * Once per run of the browser tests: build the board into web/dist (the service serves it
 * from there), and insist on a browser in CI — a missing chromium must fail there, not skip.
 */
import { existsSync } from "node:fs";
import { build } from "vite";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM) && process.env.CI === "true") {
    throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium (.ci/run installs it)`);
  }
  await build({ configFile: new URL("../../web/vite.config.ts", import.meta.url).pathname, logLevel: "warn" });
}
