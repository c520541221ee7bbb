/**
 * The browser and the service for the end-to-end tests: Debian's chromium driven by
 * playwright-core, and the real vlinder service in-process on a fresh SQLite file seeded with
 * the Westhoek demo organisation.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { startService } from "../../src/http/service.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
  // The browser's own language (the native date picker's format follows it, not the context's locale).
  "--lang=nl-BE",
];

export const LOGINS = {
  planner: { email: "planner@westhoek.example", password: "westhoek-planner" },
  hr: { email: "hr@westhoek.example", password: "westhoek-hr" },
  viewer: { email: "viewer@westhoek.example", password: "westhoek-viewer" },
} as const;

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "vlinder-e2e-"));
  const service = await startService({ port: 0, databaseUrl: `file:${join(dir, "e2e.db")}`, seedDemo: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    url: service.url.replace(/\/$/, ""),
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sign in through the login page, as a person would. */
export async function logIn(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel("E-mailadres").fill(who.email);
  await page.getByLabel("Wachtwoord").fill(who.password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("navigation", { name: "Hoofdmenu" }).waitFor();
}

/** Errors the page logs or throws: a test fails on any of them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // The first visit asks /api/auth/me before anyone signed in: that 401 is the expected answer.
    if (message.type() === "error" && !/status of 401/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * A fresh browser context (Brussels time; viewport, locale and the rest from `options`) with one
 * page and its error log, closed afterwards whatever happens.
 */
export async function withPage(
  harness: Harness,
  options: BrowserContextOptions,
  run: (page: Page, errors: string[]) => Promise<void>,
): Promise<void> {
  const context = await harness.browser.newContext({ timezoneId: "Europe/Brussels", ...options });
  try {
    const page = await context.newPage();
    await run(page, collectPageErrors(page));
  } finally {
    await context.close();
  }
}
