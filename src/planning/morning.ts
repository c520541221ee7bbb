/**
 * The morning workflow as use cases: show the day, re-plan after a late sick call, move a
 * person by hand, publish, and the registration of what was published.
 *
 * Each function reads like the planner's steps and talks to storage only through `DayStore`
 * (implemented over the database in src/db), so the story is testable without a database and
 * the database layer holds no planning logic. Plan versions are numbered per date; every edit
 * names the version it was made on, and an edit on a version that is no longer the newest is a
 * VERSION_CONFLICT (two planners on two phones at 07:35). Plans and suggestions are written in
 * the organisation's language (`PlanningOptions.language`); errors stay English (API details).
 */
import type { Block, Plan, Scenario } from "../scenario/schema.ts";
import { applyManualMove } from "./manual-move.ts";
import { planDay } from "./plan-day.ts";
import { PlanningError } from "./planning-error.ts";
import { registrationCsv, registrationHtml, registrationRows } from "./registration.ts";
import { suggestReplacements, violationKey, type Suggestion } from "./suggestions.ts";
import { validatePlan } from "../validation/validate-plan.ts";
import type { Language } from "./phrases.ts";

export interface StoredPlan {
  number: number;
  status: "draft" | "published";
  plan: Plan;
  /** The organisation's data stamp the plan was computed at; older than now = stale. */
  dataStamp: number;
  createdAt: Date;
  createdBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
}

export interface NewPlanVersion {
  plan: Plan;
  dataStamp: number;
  /** The newest number the edit was made on (null: the first version of the day). */
  expectedLatest: number | null;
  basedOn: number | null;
}

/** What the use cases need from storage, for one organisation and one actor. */
export interface DayStore {
  loadScenario(): Promise<Scenario>;
  dataStamp(): Promise<number>;
  latest(date: string): Promise<StoredPlan | null>;
  published(date: string): Promise<StoredPlan | null>;
  /** Stores a new draft; VERSION_CONFLICT when `expectedLatest` is no longer the newest. */
  saveDraft(date: string, version: NewPlanVersion): Promise<StoredPlan>;
  /** Publishes version `number`; VERSION_CONFLICT when it is not the newest. */
  publish(date: string, number: number): Promise<StoredPlan>;
}

export interface DayView {
  date: string;
  version: Omit<StoredPlan, "plan" | "dataStamp">;
  published: number | null;
  stale: boolean;
  plan: Plan;
}

export interface PlanningOptions {
  /** How long the solver may search per plan (it returns its best plan, said to be unproven). */
  timeoutMs: number;
  /** The language of the planner-facing texts in plans and suggestions (the service: "nl"). */
  language: Language;
}

/** The day as the board shows it; the first visit computes and stores a draft. */
export async function showDay(store: DayStore, date: string, options: PlanningOptions): Promise<DayView> {
  const latest = await store.latest(date);
  if (latest) return dayView(store, date, latest);
  // The stamp first: a write that lands in between then shows the plan as stale, never the reverse.
  const stamp = await store.dataStamp();
  const scenario = await store.loadScenario();
  const { plan } = planDay(scenario, date, { timeoutMs: options.timeoutMs, language: options.language });
  try {
    const saved = await store.saveDraft(date, { plan, dataStamp: stamp, expectedLatest: null, basedOn: null });
    return dayView(store, date, saved);
  } catch (error) {
    // Someone else computed the first draft at the same moment: show theirs.
    if (error instanceof Error && "code" in error && error.code === "VERSION_CONFLICT") {
      const theirs = await store.latest(date);
      if (theirs) return dayView(store, date, theirs);
    }
    throw error;
  }
}

/**
 * After new absences: plan again from the current data with the fewest changes to the plan
 * already sent out (the published one; else the one on screen), as a new draft.
 */
export async function replanDay(store: DayStore, date: string, seenVersion: number, options: PlanningOptions): Promise<DayView> {
  const latest = await assertNewest(store, date, seenVersion);
  const published = await store.published(date);
  const sentOut = published ?? latest;
  // The stamp first: a write that lands in between then shows the plan as stale, never the reverse.
  const stamp = await store.dataStamp();
  const scenario = await store.loadScenario();
  // The planner's pins live on the newest version; the changes count against the one sent out.
  const { plan } = planDay(scenario, date, {
    previous: sentOut.plan,
    pins: latest.plan.pins ?? [],
    timeoutMs: options.timeoutMs,
    language: options.language,
  });
  const saved = await store.saveDraft(date, { plan, dataStamp: stamp, expectedLatest: latest.number, basedOn: sentOut.number });
  return dayView(store, date, saved);
}

export interface MoveRequest {
  personId: string;
  toEnclaveId: string | null;
  blocks?: Block[];
  pin?: boolean;
}

/** A planner's move on the newest version: checked by the validator, refused with the rules it breaks. */
export async function movePersonInPlan(
  store: DayStore,
  date: string,
  seenVersion: number,
  move: MoveRequest,
  options: Pick<PlanningOptions, "language">,
): Promise<DayView> {
  const latest = await assertNewest(store, date, seenVersion);
  const published = await store.published(date);
  const scenario = await store.loadScenario();
  const { plan, violations } = applyManualMove(scenario, latest.plan, move, published?.plan ?? null, { language: options.language });
  if (violations.length > 0) {
    // Rules the plan on screen already breaks (a coach who called in sick is still placed)
    // are not this move's fault: name only what the move adds, and when it adds nothing, say
    // that the plan must be re-planned first.
    const alreadyBroken = new Set(validatePlan(scenario, latest.plan).map(violationKey));
    const added = violations.filter((v) => !alreadyBroken.has(violationKey(v)));
    const what = `moving ${move.personId} ${move.toEnclaveId ? `to ${move.toEnclaveId}` : "off every enclave"}`;
    if (added.length === 0) {
      throw new PlanningError(
        "PLAN_OUT_OF_DATE",
        `${what} breaks no rule, but the plan itself no longer holds since new data came in (${violations.map((v) => v.message).join("; ")}): re-plan first`,
        violations,
      );
    }
    throw new PlanningError(
      "RULE_BROKEN",
      `${what} breaks ${added.length === 1 ? "a rule" : `${added.length} rules`}: ${added.map((v) => v.message).join("; ")}`,
      added,
    );
  }
  // A hand move does not take in new data: the draft is as current as the version it was made on.
  const saved = await store.saveDraft(date, { plan, dataStamp: latest.dataStamp, expectedLatest: latest.number, basedOn: latest.number });
  return dayView(store, date, saved);
}

/** Freezes the version on screen as the one sent out (and registered). */
export async function publishDay(store: DayStore, date: string, seenVersion: number): Promise<DayView> {
  await assertNewest(store, date, seenVersion);
  const published = await store.publish(date, seenVersion);
  return dayView(store, date, published);
}

/** Who could fill the gap of `enclaveId` in `block` on the newest version. */
export async function suggestionsForGap(
  store: DayStore,
  date: string,
  enclaveId: string,
  block: Block,
  options: Pick<PlanningOptions, "language">,
): Promise<Suggestion[]> {
  const latest = await store.latest(date);
  if (!latest) throw new PlanningError("NOT_FOUND", `there is no plan for ${date} yet: open the day first`);
  const published = await store.published(date);
  return suggestReplacements(await store.loadScenario(), latest.plan, enclaveId, block, published?.plan ?? null, options.language);
}

/** The daily registration of the published plan, as CSV or as a printable page. */
export async function dailyRegistration(store: DayStore, date: string, format: "csv" | "html"): Promise<string> {
  const published = await store.published(date);
  if (!published) {
    throw new PlanningError("NOTHING_PUBLISHED", `nothing is published for ${date}: publish the plan first, then register it`);
  }
  const scenario = await store.loadScenario();
  if (format === "csv") return registrationCsv(registrationRows(scenario, published.plan));
  const when = published.publishedAt ? published.publishedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "";
  return registrationHtml(scenario, published.plan, `versie ${published.number}, gepubliceerd ${when}${published.publishedBy ? ` door ${published.publishedBy}` : ""}`);
}

async function assertNewest(store: DayStore, date: string, seenVersion: number): Promise<StoredPlan> {
  const latest = await store.latest(date);
  if (!latest) throw new PlanningError("NOT_FOUND", `there is no plan for ${date} yet: open the day first`);
  if (latest.number !== seenVersion) {
    throw new PlanningError(
      "VERSION_CONFLICT",
      `the plan of ${date} changed meanwhile: you edited version ${seenVersion}, the newest is version ${latest.number}${latest.createdBy ? ` (by ${latest.createdBy})` : ""}; reload and try again`,
    );
  }
  return latest;
}

async function dayView(store: DayStore, date: string, shown: StoredPlan): Promise<DayView> {
  const [published, stamp] = await Promise.all([shown.status === "published" ? shown : store.published(date), store.dataStamp()]);
  const { plan, dataStamp, ...version } = shown;
  return { date, version, published: published?.number ?? null, stale: dataStamp < stamp, plan };
}
