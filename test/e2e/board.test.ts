/**
 * The planner's morning in a real browser: log in, open the Westhoek day 2026-11-23, record a
 * late sick call for a fixed coach, see the change highlighted, publish, download the daily
 * registration and check its rows; and HR runs an estimate and sees the chart. Screenshots of
 * the board (laptop and tablet width) and the HR page go to test/e2e/artifacts/.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS, HAVE_CHROMIUM, logIn, LOGINS, startHarness, withPage } from "./browser.ts";
import type { Harness } from "./browser.ts";
import type { Enclave, Plan, Worker } from "../../src/scenario/schema.ts";

const DATE = "2026-11-23";
const SICK_COACH = { id: "C09", name: "Lien E.", home: "E07" };

// Without chromium the tests fail in CI (global-setup) and are skipped on a developer's machine.
describe.skipIf(!HAVE_CHROMIUM && process.env.CI !== "true")("the board in a browser", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("when the planner records a late sick call for a fixed coach, then the board re-plans, highlights the change, publishes and the registration lists the published teams", async () => {
    await withPage(harness, { viewport: { width: 1280, height: 900 }, locale: "nl-BE", acceptDownloads: true }, async (page, errors) => {
      await logIn(page, harness.url, LOGINS.planner);
      await page.goto(`${harness.url}/dag/${DATE}`);
      await page.getByRole("heading", { name: "Ochtendbord" }).waitFor();
      await page.locator("article.card").first().waitFor();

      // The day at a glance: 11 running enclaves as cards, the 2 that do not run folded away.
      expect(await page.locator("article.card").count()).toBe(11);
      await expect(page.locator("details.folded summary", { hasText: "Niet actief op deze dag (2)" }).count()).resolves.toBe(1);
      expect(await page.getByTestId("board-date").innerText()).toMatch(/^maandag 23 november 2026( \(vandaag\))?$/);
      const e07 = page.locator('article.card[data-enclave="E07"]');
      expect(await e07.locator(".headcount").innerText()).toMatch(/^\d+( VM · \d+ NM)? \/ min 8 · doel 10$/);
      expect(await e07.locator(`[data-person="${SICK_COACH.id}"]`).count()).toBe(1);
      await page.screenshot({ path: `${ARTIFACTS}board-1280.png`, fullPage: true });

      // The late sick call, by keyboard: z, the name, Enter to pick, Enter to save.
      await page.keyboard.press("z");
      const dialog = page.getByRole("dialog", { name: "Ziekmelding" });
      await dialog.waitFor();
      await page.keyboard.type("Lien E");
      await page.keyboard.press("Enter");
      expect(await dialog.getByRole("combobox", { name: "Wie belt af?" }).inputValue()).toContain(SICK_COACH.id);
      await page.keyboard.press("Enter");
      await dialog.waitFor({ state: "hidden" });

      // Re-planned: the coach is off E07, the change is highlighted with its reason.
      const fresh = page.getByRole("region", { name: "Nieuwe wijzigingen" });
      await fresh.waitFor();
      expect(await fresh.innerText()).toContain(SICK_COACH.name);
      expect(await e07.locator(`[data-person="${SICK_COACH.id}"]`).count()).toBe(0);
      const sickLine = e07.locator(`.changes li.fresh[data-change-person="${SICK_COACH.id}"]`);
      // The reason is the core's text, in Dutch from the service: C09 is ziek.
      expect(await sickLine.innerText()).toMatch(/valt weg.*C09.*is ziek/s);
      expect(await page.locator("article.card.has-fresh").count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${ARTIFACTS}board-after-sick-call-1280.png`, fullPage: true });

      // Publish, then the registration is there.
      await page.getByRole("button", { name: "Publiceren" }).click();
      await page.getByRole("button", { name: "Gepubliceerd" }).waitFor();
      expect(await page.locator(".pill-ok").innerText()).toMatch(/gepubliceerd/);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "CSV downloaden" }).click(),
      ]);
      const csv = readFileSync(await download.path(), "utf8");
      const [header, ...rows] = parseCsv(csv);
      expect(header?.join(",")).toBe("date,enclaveId,enclaveName,client,address,role,personId,personName,blocks,start,end");

      // Its rows are exactly the published plan's teams, without the sick coach.
      const day = (await (await page.request.get(`${harness.url}/api/days/${DATE}/plan`)).json()) as { plan: Plan; published: number | null };
      expect(day.published).not.toBeNull();
      const expected = new Set<string>();
      for (const e of day.plan.enclaves.filter((x) => x.running)) {
        for (const block of ["am", "pm"] as const) {
          for (const id of e.blocks[block].coachIds) expected.add(`${e.enclaveId},coach,${id}`);
          for (const id of e.blocks[block].workerIds) expected.add(`${e.enclaveId},worker,${id}`);
        }
      }
      expect(rows.every((r) => r[0] === DATE)).toBe(true);
      const got = new Set(rows.map((r) => `${r[1]},${r[5]},${r[6]}`));
      expect(got).toEqual(expected);
      expect([...got].some((r) => r.endsWith(`,${SICK_COACH.id}`))).toBe(false);

      // The printable registration opens from the board.
      const [print] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "afdrukken" }).click()]);
      await print.waitForLoadState();
      expect(await print.locator("body").innerText()).toContain("Klant:");
      await print.close();

      // Tablet width: the cards reflow, nothing runs off the side.
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
      await page.screenshot({ path: `${ARTIFACTS}board-768.png`, fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${ARTIFACTS}board-768-top.png` });

      expect(errors).toEqual([]);
    });
  });

  it("when a move breaks a rule (by keyboard or by dragging), then the card says which rule; a card lists ranked suggestions", async () => {
    await withPage(harness, { viewport: { width: 1280, height: 900 }, locale: "nl-BE" }, async (page) => {
      await logIn(page, harness.url, LOGINS.planner);
      await page.goto(`${harness.url}/dag/${DATE}`);
      await page.locator("article.card").first().waitFor();
      // W001 (E01) is trained for E01 and E02 only: moving them to E09 breaks qualification.
      await openMoveDialog(page, "E01", "W001");
      await page.getByRole("dialog").getByLabel("Naar").selectOption("E09");
      await page.getByRole("dialog").getByRole("button", { name: "Verplaatsen" }).press("Enter");
      const refusal = page.locator('article.card[data-enclave="E09"] .refusal');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain("niet opgeleid voor deze enclave");

      // The same refusal by drag and drop (HTML5), and ranked suggestions for a card.
      await refusal.getByRole("button", { name: "Sluiten" }).click();
      await refusal.waitFor({ state: "detached" });
      await page.locator('article.card[data-enclave="E01"] [data-person="W001"]').dragTo(page.locator('article.card[data-enclave="E09"]'));
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain("niet opgeleid voor deze enclave");

      const e07 = page.locator('article.card[data-enclave="E07"]');
      await e07.getByText("Voorstellen voor extra mensen").click();
      await e07.getByRole("button", { name: "Voorstellen voormiddag" }).click();
      await e07.locator(".suggestion-list, .suggestions p.muted").first().waitFor();
    });
  });

  it("when the planner pins a worker to another enclave they are trained for, then a re-plan keeps them there and the board marks them vastgezet", async () => {
    await withPage(harness, { viewport: { width: 1280, height: 900 }, locale: "nl-BE" }, async (page, errors) => {
      // A day of its own: after the sick call on the 23rd the re-plan fills every team to its ratio.
      const day = "2026-11-26";
      await logIn(page, harness.url, LOGINS.planner);
      await page.goto(`${harness.url}/dag/${day}`);
      await page.locator("article.card").first().waitFor();

      // From the API: a worker placed at A for the whole day, trained for a running enclave B
      // with room under its maximum, and whom the service would allow there.
      const { worker, from, to } = await pickPinCandidate(page, harness.url, day);
      // Published first, so that the re-plan counts against a plan with the worker at A and,
      // without the pin, would send them back there.
      const shown = (await (await page.request.get(`${harness.url}/api/days/${day}/plan`)).json()) as { version: { number: number }; published: number | null };
      if (shown.published !== shown.version.number) {
        await page.getByRole("button", { name: "Publiceren" }).click();
        await page.getByRole("button", { name: "Gepubliceerd" }).waitFor();
      }

      await openMoveDialog(page, from, worker);
      const dialog = page.getByRole("dialog", { name: /Verplaats/ });
      await dialog.getByLabel("Naar").selectOption(to);
      await dialog.getByLabel(/Vastzetten/).check();
      await dialog.getByRole("button", { name: "Verplaatsen" }).press("Enter");
      await dialog.waitFor({ state: "hidden" });

      const chip = page.locator(`article.card[data-enclave="${to}"] [data-person="${worker}"]`);
      await chip.waitFor();
      expect(await chip.getAttribute("data-pinned")).toBe("true");
      expect(await chip.locator(".pin-mark").getAttribute("title")).toBe("vastgezet");
      expect(await chip.getByRole("button").getAttribute("aria-label")).toContain("vastgezet");
      const pinnedVersion = await versionNumber(page);

      // A re-plan (which otherwise sends people home) keeps the pinned worker at B.
      await page.getByRole("button", { name: "Herplannen" }).click();
      await page.waitForFunction((v) => (document.querySelector(".version-line .pill")?.textContent ?? "").includes(`Versie ${v + 1}`), pinnedVersion);
      await page.locator('[role="status"]', { hasText: "Herpland" }).waitFor();
      expect(await chip.getAttribute("data-pinned")).toBe("true");
      expect(await page.locator(`article.card[data-enclave="${from}"] [data-person="${worker}"]`).count()).toBe(0);
      const replanned = (await (await page.request.get(`${harness.url}/api/days/${day}/plan`)).json()) as { plan: Plan };
      expect(replanned.plan.pins).toContainEqual({ personId: worker, enclaveId: to });
      const at = replanned.plan.enclaves.find((e) => e.enclaveId === to);
      expect(at?.blocks.am.workerIds.includes(worker) || at?.blocks.pm.workerIds.includes(worker)).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}board-pinned-1280.png`, fullPage: true });

      // Unpin in place: the dialog opens on the current enclave with the box ticked.
      await openMoveDialog(page, to, worker);
      expect(await dialog.getByLabel("Naar").inputValue()).toBe(to);
      await dialog.getByLabel(/Vastzetten/).uncheck();
      await dialog.getByRole("button", { name: "Losmaken" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.locator('[role="status"]', { hasText: "losgemaakt" }).waitFor();
      expect(await chip.getAttribute("data-pinned")).toBeNull();
      const after = (await (await page.request.get(`${harness.url}/api/days/${day}/plan`)).json()) as { plan: Plan };
      expect(after.plan.pins ?? []).not.toContainEqual({ personId: worker, enclaveId: to });
      expect(errors).toEqual([]);
    });
  });

  it("when the planner switches on 'alleen problemen' (p) on a phone, then only the cards that need action show, and the link remembers it", async () => {
    await withPage(harness, { viewport: { width: 390, height: 844 }, locale: "nl-BE", hasTouch: true }, async (page, errors) => {
      const day = "2026-11-24"; // a day no other test touches
      const visible = async () => new Set(await page.locator("article.card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-enclave") ?? "")));
      const notCovered = async () => {
        const view = (await (await page.request.get(`${harness.url}/api/days/${day}/plan`)).json()) as { plan: Plan };
        return view.plan.enclaves.filter((e) => e.running && !e.covered).map((e) => e.enclaveId);
      };
      await logIn(page, harness.url, LOGINS.planner);
      await page.goto(`${harness.url}/dag/${day}`);
      await page.locator("article.card").first().waitFor();
      const all = await visible();
      expect(page.url()).not.toContain("filter=");

      // Take a worker off a covered card: that card now has a new change.
      const view = (await (await page.request.get(`${harness.url}/api/days/${day}/plan`)).json()) as { plan: Plan };
      const card = view.plan.enclaves.find((e) => e.running && e.covered && e.blocks.am.workerIds.length > 0);
      const worker = card?.blocks.am.workerIds[0];
      if (!card || !worker) throw new Error(`no covered enclave with workers on ${day}`);
      await openMoveDialog(page, card.enclaveId, worker);
      const dialog = page.getByRole("dialog", { name: /Verplaats/ });
      await dialog.getByLabel("Naar").selectOption({ label: "Van de ploeg halen (intern werk / reserve)" });
      await dialog.getByRole("button", { name: "Verplaatsen" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.locator('[role="status"]', { hasText: "is van de ploeg gehaald" }).waitFor();

      // p: only the problems — cards not covered, and the one with the new change.
      await page.keyboard.press("p");
      await page.waitForURL(/\?filter=problemen$/);
      const toggle = page.getByRole("checkbox", { name: "Alleen problemen" });
      expect(await toggle.isChecked()).toBe(true);
      expect(await visible()).toEqual(new Set([card.enclaveId, ...(await notCovered())]));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${ARTIFACTS}board-390-problemen.png`, fullPage: true });

      // The link remembers it; after a reload the planner sees what is not covered.
      await page.reload();
      await page.locator("p.summary").waitFor();
      expect(await toggle.isChecked()).toBe(true);
      const open = await notCovered();
      expect(await visible()).toEqual(new Set(open));
      if (open.length === 0) expect(await page.locator(".all-clear").innerText()).toContain("Geen problemen");

      // Keyboard: the toggle is a checkbox in the tab order; Space shows everything again.
      await toggle.focus();
      await page.keyboard.press("Space");
      await page.waitForURL((u) => !u.search.includes("filter"));
      expect(await visible()).toEqual(all);
      expect(errors).toEqual([]);
    });
  });

  it("when the planner edits an enclave's staffing target and adds and deletes an absence, then the API has the changes", async () => {
    await withPage(harness, { viewport: { width: 1280, height: 900 }, locale: "nl-BE" }, async (page, errors) => {
      const api = async <T,>(path: string): Promise<T> => (await (await page.request.get(`${harness.url}/api${path}`)).json()) as T;
      await logIn(page, harness.url, LOGINS.planner);

      // Enclaves: E12's target one up (or down, at its maximum), saved, read back; then restored.
      const before = await api<Enclave>("/enclaves/E12");
      const { min, target, max } = before.staffing;
      const next = target < max ? target + 1 : target - 1;
      expect(next).toBeGreaterThanOrEqual(min);
      const setTarget = async (value: number) => {
        await page.getByRole("button", { name: `${before.name} bewerken` }).click();
        const dialog = page.getByRole("dialog", { name: `${before.name} bewerken` });
        await dialog.getByLabel("doel", { exact: true }).fill(String(value));
        await dialog.getByRole("button", { name: "Opslaan" }).click();
        await dialog.waitFor({ state: "hidden" });
        await page.locator('[role="status"]', { hasText: `${before.name} opgeslagen.` }).waitFor();
      };
      await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Enclaves" }).click();
      await page.getByRole("heading", { name: "Enclaves", level: 1 }).waitFor();
      await setTarget(next);
      expect((await api<Enclave>("/enclaves/E12")).staffing).toEqual({ min, target: next, max });
      expect(await page.locator("article.enclave-row", { hasText: before.name }).locator(".facts").innerText()).toContain(`doel ${next}`);
      await setTarget(target);
      expect((await api<Enclave>("/enclaves/E12")).staffing).toEqual({ min, target, max });

      // Afwezigheden: the week of 23 November; leave for a worker on Wednesday, then deleted.
      const day = "2026-11-25";
      const workersBody = await api<Worker[] | { workers: Worker[] }>("/workers");
      const worker = (Array.isArray(workersBody) ? workersBody : workersBody.workers).find((w) => w.id === "W010");
      if (!worker) throw new Error("W010 is missing from the demo data");
      type Stored = { id: string; personId: string; from: string; to: string; kind: string; blocks: string[] };
      const absencesOf = async () => (await api<{ absences: Stored[] }>(`/absences?from=${day}&to=${day}`)).absences.filter((a) => a.personId === worker.id);
      expect(await absencesOf()).toEqual([]);

      await page.goto(`${harness.url}/afwezigheden?week=${DATE}`);
      await page.getByRole("heading", { name: "Afwezigheden", level: 1 }).waitFor();
      expect(await page.locator(".toolbar strong").innerText()).toMatch(/^Week van 23 nov\.? tot 29 nov\.?$/);
      const form = page.getByRole("form", { name: "Afwezigheid toevoegen" });
      await form.getByRole("combobox", { name: "Persoon" }).fill(worker.id);
      await page.keyboard.press("Enter");
      expect(await form.getByRole("combobox", { name: "Persoon" }).inputValue()).toContain(worker.name);
      await form.getByLabel("Van").fill(day);
      await form.getByLabel("Tot en met").fill(day);
      await form.getByLabel("Soort").selectOption({ label: "verlof" });
      await form.getByRole("button", { name: "Toevoegen" }).click();
      await page.locator('[role="status"]', { hasText: `verlof voor ${worker.name} van ${day} tot ${day} opgeslagen.` }).waitFor();
      const row = page.locator("table.week-grid tbody tr", { hasText: worker.name });
      await row.waitFor();
      expect(await row.locator("td.kind-leave").count()).toBe(1);
      const added = await absencesOf();
      expect(added).toMatchObject([{ personId: worker.id, from: day, to: day, kind: "leave", blocks: ["am", "pm"] }]);

      page.once("dialog", (confirm) => void confirm.accept());
      await row.getByRole("button", { name: `Afwezigheid ${worker.name} ${day} verwijderen` }).click();
      await page.locator('[role="status"]', { hasText: `Afwezigheid van ${worker.name} verwijderd.` }).waitFor();
      await row.waitFor({ state: "detached" });
      expect(await absencesOf()).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it("when a viewer signs in, then the board shows the day without any button that writes, and the edit pages are read-only", async () => {
    // An English browser on purpose: the board's own words (and the date beside the picker) stay Dutch.
    await withPage(harness, { viewport: { width: 1280, height: 900 }, locale: "en-US" }, async (page, errors) => {
      await logIn(page, harness.url, LOGINS.viewer);
      await page.goto(`${harness.url}/dag/${DATE}`);
      await page.locator("article.card").first().waitFor();
      expect(await page.locator("article.card").count()).toBe(11);
      expect(await page.evaluate(() => navigator.language)).toBe("en-US");
      expect(await page.getByTestId("board-date").innerText()).toMatch(/^maandag 23 november 2026( \(vandaag\))?$/);
      for (const name of ["Ziekmelding", "Herplannen", "Publiceren", "Gepubliceerd"]) {
        expect(await page.getByRole("button", { name }).count(), name).toBe(0);
      }
      expect(await page.getByText("Voorstellen voor extra mensen").count()).toBe(0);
      // People on the cards are readable but not movable: not draggable, the chip says so.
      const chips = page.locator("article.card li.chip");
      expect(await chips.count()).toBeGreaterThan(50);
      expect(await page.locator('article.card li.chip[draggable="true"]').count()).toBe(0);
      expect(await page.locator('article.card .chip-button:not([aria-disabled="true"])').count()).toBe(0);
      await chips.first().getByRole("button").focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("z");
      expect(await page.getByRole("dialog").count()).toBe(0);
      expect(await page.locator("dialog[open]").count()).toBe(0);

      for (const [link, heading] of [["Mensen", "Mensen"], ["Enclaves", "Enclaves"], ["Vervoer", /Vervoer/], ["Afwezigheden", "Afwezigheden"]] as const) {
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: link }).click();
        await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
        await page.locator("main table, main article").first().waitFor();
        expect(await page.getByRole("button", { name: /bewerken|verwijderen|Toevoegen|Opslaan/ }).count(), link).toBe(0);
      }
      expect(await page.getByRole("form", { name: "Afwezigheid toevoegen" }).count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it("when HR runs an estimate, then a progress bar, the coverage chart and the table appear", async () => {
    await withPage(harness, { viewport: { width: 1280, height: 900 }, locale: "nl-BE" }, async (page, errors) => {
      await logIn(page, harness.url, LOGINS.hr);
      await page.getByRole("link", { name: "HR-raming" }).click();
      await page.getByRole("heading", { name: /HR-raming/ }).waitFor();
      await page.getByLabel("Jaar").fill("2027");
      await page.getByLabel("Simulaties").fill("50");
      await page.getByRole("button", { name: "Raming starten" }).click();
      await page.locator(".estimate-result svg[role=img]").waitFor({ timeout: 120_000 });
      expect(await page.locator(".estimate-table tbody tr").count()).toBeGreaterThan(1);
      expect(await page.getByTestId("recommended").innerText()).toMatch(/^\d+$/);
      expect(await page.locator(".estimate-result .series").count()).toBe(2);
      // The what-ifs side by side, explained in Dutch (the estimate document's own notes are English).
      const whatIfs = await page.locator('section[aria-labelledby="whatif-title"]').innerText();
      expect(whatIfs).toContain("voltijdse vaste begeleiders neemt één weekdag vrij");
      expect(whatIfs).toContain("Een lijnenclave (minimum = doel) komt tekort");
      expect(whatIfs).not.toMatch(/full-time|in-house|line enclave|pilot's rule/);
      await page.screenshot({ path: `${ARTIFACTS}hr-1280.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  });
});

async function openMoveDialog(page: Page, enclaveId: string, personId: string): Promise<void> {
  await page.locator(`article.card[data-enclave="${enclaveId}"] [data-person="${personId}"] button`).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: /Verplaats/ }).waitFor();
}

async function versionNumber(page: Page): Promise<number> {
  const text = (await page.locator(".version-line .pill").innerText()) ?? "";
  return Number(/Versie (\d+)/.exec(text)?.[1]);
}

/** A worker who works the whole day at `from` and may be moved to `to` (trained, room, allowed). */
async function pickPinCandidate(page: Page, url: string, date: string): Promise<{ worker: string; from: string; to: string }> {
  const get = async <T,>(path: string): Promise<T> => (await (await page.request.get(`${url}/api${path}`)).json()) as T;
  const day = await get<{ plan: Plan }>(`/days/${date}/plan`);
  const workersBody = await get<Worker[] | { workers: Worker[] }>("/workers");
  const workers = Array.isArray(workersBody) ? workersBody : workersBody.workers;
  const enclavesBody = await get<Enclave[] | { enclaves: Enclave[] }>("/enclaves");
  const enclaves = new Map((Array.isArray(enclavesBody) ? enclavesBody : enclavesBody.enclaves).map((e) => [e.id, e]));
  const running = day.plan.enclaves.filter((e) => e.running);
  const hasRoom = (id: string) => {
    const placed = running.find((e) => e.enclaveId === id);
    const max = enclaves.get(id)?.staffing.max ?? 0;
    return !!placed && placed.blocks.am.workerIds.length < max && placed.blocks.pm.workerIds.length < max;
  };
  for (const worker of workers) {
    const from = running.find((e) => e.blocks.am.workerIds.includes(worker.id) && e.blocks.pm.workerIds.includes(worker.id))?.enclaveId;
    if (!from) continue;
    for (const to of worker.qualifiedEnclaveIds.filter((id) => id !== from && hasRoom(id) && !worker.excludedEnclaveIds.includes(id))) {
      const body = await get<{ suggestions: { personId: string; allowed?: boolean }[] }>(`/days/${date}/suggestions?enclaveId=${to}&block=am`);
      if (body.suggestions.some((s) => s.personId === worker.id && s.allowed !== false)) return { worker: worker.id, from, to };
    }
  }
  throw new Error(`no worker in the demo data can be pinned to another running enclave on ${date}`);
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
