/**
 * The plan as the 07:30 planner reads it in a terminal: one row per enclave (who coaches,
 * how many workers against the contract, the guidance mix, covered or not), then what is
 * wrong and what can be done, who moves and why, who is left idle, how full the vans are,
 * and whether the answer is proven optimal.
 *
 * Laid out for a 100-column terminal. Where the morning and the afternoon differ a cell
 * shows both as `morning·afternoon` (coach `C11·V04`, team `9·8/7–7`); where they agree it
 * shows one value. Everything here is presentation: the plan and the scenario are read, never
 * judged — that is the validator's job.
 */
import { enclaveBlocks } from "../calendar/enclave-calendar.ts";
import type { Block, Enclave, Plan, PlanEnclave, Problem, Scenario } from "../scenario/schema.ts";
import { createPalette, layoutTable, padEnd, truncate, visibleLength, wrapText, type Column, type Palette } from "./text-layout.ts";

export interface FormatPlanOptions {
  /** ANSI colours (only for a terminal; see `wantsColor`). Default off. */
  color?: boolean;
  /** Terminal width the layout aims at. Default 100. */
  width?: number;
}

export type EnclaveStatusLabel = "covered" | "short" | "no coach" | "not notified" | "not running";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const NO_ONE = "–";
/** The enclave column never gets narrower than this, even on a crowded day. */
const MIN_NAME_WIDTH = 20;

/** The whole report for one plan, lines joined with "\n" (no trailing newline). */
export function formatPlanTable(plan: Plan, scenario: Scenario, options: FormatPlanOptions = {}): string {
  const paint = createPalette(options.color ?? false);
  const width = options.width ?? 100;
  const names = personNames(scenario);
  const sections = [
    formatHeading(plan, scenario, paint, width),
    formatEnclaveTable(plan, scenario, paint, width),
    formatProblems(plan, paint, width),
    formatChanges(plan, paint, width),
    formatIdle(plan, names, paint, width),
    formatTransport(plan, scenario, paint),
    formatSolveLine(plan, paint, width),
  ];
  return sections.filter((section) => section !== "").join("\n\n");
}

/** Covered, short, no coach, not notified or not running, from what the plan says. */
export function enclaveStatusLabel(entry: PlanEnclave): EnclaveStatusLabel {
  if (!entry.running) return "not running";
  if (entry.covered) return "covered";
  const codes = new Set(entry.problems.map((problem) => problem.code));
  if (codes.has("NOT_NOTIFIED")) return "not notified";
  if (codes.has("NO_QUALIFIED_COACH")) return "no coach";
  return "short";
}

/** "Monday 23 November 2026", computed in UTC so the process time zone cannot shift it. */
export function longDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
}

function formatHeading(plan: Plan, scenario: Scenario, paint: Palette, width: number): string {
  const title = paint.bold(`${scenario.organisation.name} · plan for ${longDate(plan.date)}`);
  const running = plan.enclaves.filter((entry) => entry.running);
  const covered = running.filter((entry) => entry.covered);
  const idle = plan.enclaves.filter((entry) => !entry.running).map((entry) => entry.enclaveId);
  const notRunning = idle.length === 0 ? "" : `; not running today: ${idle.join(", ")}`;
  let summary: string;
  if (running.length === 0) summary = `No enclave runs today${notRunning}.`;
  else if (plan.status === "covered") {
    const all = running.length === 1 ? "the one running enclave is" : `all ${running.length} running enclaves are`;
    summary = `Covered: ${all} covered${notRunning}.`;
  } else {
    const short = running
      .filter((entry) => !entry.covered)
      .map((entry) => `${entry.enclaveId} (${enclaveStatusLabel(entry)})`)
      .join(", ");
    summary = `Partial: ${covered.length} of ${running.length} running enclaves covered; not covered: ${short}${notRunning}.`;
  }
  const wrapped = wrapText(summary, width, 0);
  const coloured = wrapped.replace(/^(Covered|Partial)/, (word) => (word === "Covered" ? paint.green(word) : paint.red(word)));
  return `${title}\n${coloured}`;
}

// ---------------------------------------------------------------------------------------------
// The enclave table

const TABLE_COLUMNS: readonly Column[] = [
  { header: "ID" },
  { header: "ENCLAVE / CLIENT" },
  { header: "COACHES" },
  { header: "TEAM/MIN–TGT" },
  { header: "MIX L/M/H" },
  { header: "STATUS" },
];

function formatEnclaveTable(plan: Plan, scenario: Scenario, paint: Palette, width: number): string {
  const enclaves = new Map(scenario.enclaves.map((enclave) => [enclave.id, enclave]));
  const guidance = new Map(scenario.workers.map((worker) => [worker.id, worker.guidance]));
  const rows = plan.enclaves.map((entry) => enclaveRow(entry, enclaves.get(entry.enclaveId), guidance, paint));
  // The name column takes what the other columns leave of the width; names and clients are
  // cut with "…" only when they do not fit.
  const otherWidths = TABLE_COLUMNS.map((column, i) =>
    i === 1 ? 0 : Math.max(visibleLength(column.header), ...rows.map((row) => visibleLength(row.cells[i] ?? ""))),
  );
  const room = width - otherWidths.reduce((sum, w) => sum + w, 0) - 2 * (TABLE_COLUMNS.length - 1);
  const nameWidth = Math.max(MIN_NAME_WIDTH, room);
  const lines: string[][] = [];
  for (const row of rows) {
    const cells = [...row.cells];
    cells[1] = truncate(row.name, nameWidth);
    lines.push(cells);
    if (row.client !== "") lines.push(["", paint.dim(truncate(row.client, nameWidth))]);
  }
  const [header = "", ...body] = layoutTable(TABLE_COLUMNS, lines);
  const legend = paint.dim(
    wrapText(
      "a·b: morning·afternoon where they differ. TEAM: workers placed / contract minimum–target, ✓ when every block reaches the minimum. MIX: workers of low/medium/high guidance need.",
      width,
      0,
    ),
  );
  return [paint.bold(header), ...body, legend].join("\n");
}

interface EnclaveRow {
  cells: string[];
  name: string;
  client: string;
}

function enclaveRow(
  entry: PlanEnclave,
  enclave: Enclave | undefined,
  guidance: Map<string, string>,
  paint: Palette,
): EnclaveRow {
  const name = enclave?.name ?? "(not in the scenario)";
  const client = enclave?.client ?? "";
  const status = enclaveStatusLabel(entry);
  if (!entry.running) {
    return { cells: [paint.dim(entry.enclaveId), "", "", "", "", paint.dim(status)], name, client };
  }
  const blocks: Block[] = enclave ? enclaveBlocks(enclave) : ["am", "pm"];
  const coaches = perBlock(blocks, (block) => entry.blocks[block].coachIds.join(",") || NO_ONE);
  const counts = blocks.map((block) => entry.blocks[block].workerIds.length);
  const mix = perBlock(blocks, (block) => guidanceMix(entry.blocks[block].workerIds, guidance));
  let team = perBlock(blocks, (block) => String(entry.blocks[block].workerIds.length));
  if (enclave) {
    const { min, target } = enclave.staffing;
    const enough = counts.every((count) => count >= min);
    team = `${team}/${min}–${target} ${enough ? paint.green("✓") : paint.red("✗")}`;
  }
  return {
    cells: [entry.enclaveId, "", coaches.replace(/^–$/, paint.red(NO_ONE)), team, mix, statusCell(status, paint)],
    name,
    client,
  };
}

/** One value when every block agrees, else `am·pm`. */
function perBlock(blocks: readonly Block[], value: (block: Block) => string): string {
  const values = blocks.map(value);
  if (values.length === 0) return NO_ONE;
  return values.every((v) => v === values[0]) ? (values[0] ?? NO_ONE) : values.join("·");
}

function guidanceMix(workerIds: readonly string[], guidance: Map<string, string>): string {
  const count = (need: string) => workerIds.filter((id) => guidance.get(id) === need).length;
  return `${count("low")}/${count("medium")}/${count("high")}`;
}

function statusCell(status: EnclaveStatusLabel, paint: Palette): string {
  switch (status) {
    case "covered":
      return paint.green(status);
    case "short":
      return paint.yellow(status);
    case "not running":
      return paint.dim(status);
    default:
      return paint.red(status);
  }
}

// ---------------------------------------------------------------------------------------------
// Problems, changes, idle people, transport

function formatProblems(plan: Plan, paint: Palette, width: number): string {
  const listed = plan.enclaves.flatMap((entry) => entry.problems.map((problem) => ({ enclaveId: entry.enclaveId, problem })));
  if (listed.length === 0) return `${paint.bold("Problems")}: none.`;
  const lines = [paint.bold(`Problems (${listed.length})`)];
  for (const { enclaveId, problem } of listed) lines.push(...problemLines(enclaveId, problem, paint, width));
  return lines.join("\n");
}

function problemLines(enclaveId: string, problem: Problem, paint: Palette, width: number): string[] {
  const indent = 7;
  const head = `  ${padEnd(enclaveId, 4)}${problem.block ?? "day"}  ${paint.red(problem.code)}`;
  const lines = [head, `${" ".repeat(indent)}${wrapText(problem.message, width, indent)}`];
  for (const option of problem.options) {
    lines.push(`${" ".repeat(indent)}→ ${wrapText(option, width, indent + 2)}`);
  }
  return lines;
}

function formatChanges(plan: Plan, paint: Palette, width: number): string {
  if (plan.changes.length === 0) return `${paint.bold("Changes")}: none — everyone is where they belong.`;
  // The ones the planner has to phone about first: who goes somewhere else.
  const moves = plan.changes.filter((change) => change.to !== null);
  const away = plan.changes.filter((change) => change.to === null);
  const rows = (changes: Plan["changes"]) =>
    changes.map((change) => [
      change.personId,
      `${change.from ?? NO_ONE} → ${change.to ?? NO_ONE}`,
      change.block ?? "day",
      change.reason,
    ]);
  const all = [...rows(moves), ...rows(away)];
  const idWidth = Math.max(...all.map((row) => visibleLength(row[0] ?? "")));
  const routeWidth = Math.max(...all.map((row) => visibleLength(row[1] ?? "")));
  const indent = 2 + idWidth + 2 + routeWidth + 2 + 3 + 2;
  const render = (row: string[]) =>
    `  ${padEnd(row[0] ?? "", idWidth)}  ${padEnd(row[1] ?? "", routeWidth)}  ${padEnd(row[2] ?? "", 3)}  ${wrapText(row[3] ?? "", width, indent)}`;
  const lines = [paint.bold(`Changes (${plan.changes.length})`)];
  if (moves.length > 0) lines.push(paint.dim(`Stand-ins and moves (${moves.length})`), ...rows(moves).map(render));
  if (away.length > 0) lines.push(paint.dim(`Not at their usual enclave (${away.length})`), ...rows(away).map(render));
  return lines.join("\n");
}

function formatIdle(plan: Plan, names: Map<string, string>, paint: Palette, width: number): string {
  const { workerIds, coachIds } = plan.idle;
  const label = (id: string) => (names.has(id) ? `${id} ${names.get(id)}` : id);
  const lines = [`${paint.bold("Idle")} (available, not placed): ${count(coachIds.length, "coach", "coaches")}, ${count(workerIds.length, "worker", "workers")}`];
  if (coachIds.length > 0) lines.push(`  coaches  ${wrapText(coachIds.map(label).join(", "), width, 11)}`);
  if (workerIds.length > 0) lines.push(`  workers  ${wrapText(workerIds.map(label).join(", "), width, 11)}`);
  return lines.join("\n");
}

function formatTransport(plan: Plan, scenario: Scenario, paint: Palette): string {
  if (scenario.routes.length === 0) return `${paint.bold("Transport")}: no routes.`;
  const used = new Map(plan.transport.map((entry) => [`${entry.routeId}/${entry.run}`, entry.personIds.length]));
  const rows = scenario.routes.map((route) => {
    const runs = (["day", "morning", "afternoon"] as const).map((run) => {
      const seats = route.seats[run];
      const taken = used.get(`${route.id}/${run}`) ?? 0;
      if (seats === 0 && taken === 0) return "";
      const text = `${taken}/${seats}`;
      return taken > seats ? paint.red(text) : taken === seats ? paint.yellow(text) : text;
    });
    return [route.id, route.enclaveIds.join(" "), ...runs];
  });
  const columns: Column[] = [
    { header: "ROUTE" },
    { header: "STOPS" },
    { header: "DAY", align: "right" },
    { header: "MORNING", align: "right" },
    { header: "AFTERNOON", align: "right" },
  ];
  const [header = "", ...body] = layoutTable(columns, rows).map((line) => `  ${line}`);
  return [`${paint.bold("Transport")} (seats used/available per run)`, paint.dim(header), ...body].join("\n");
}

function formatSolveLine(plan: Plan, paint: Palette, width: number): string {
  const lines: string[] = [];
  const { levels, objective } = plan.stats;
  if (levels && objective && levels.length === objective.length) {
    const parts = levels.map((level, i) => `${level} ${formatNumber(objective[i] ?? 0)}`);
    lines.push(paint.dim(wrapText(`Objective, by priority: ${parts.join(" · ")}`, width, 2)));
  }
  const { proven } = plan.stats;
  if (!plan.stats.optimal && levels && proven && proven.length === levels.length && proven.some(Boolean)) {
    // Which priorities the time limit left open: the planner knows what may still get better.
    const best = levels.filter((_, i) => proven[i]);
    const open = levels.filter((_, i) => !proven[i]);
    lines.push(wrapText(`Proven the best possible: ${best.join(", ")}; may still improve: ${open.join(", ")}`, width, 2));
  }
  const seconds = plan.stats.solveMs / 1000;
  const time = seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1);
  const verdict = plan.stats.optimal
    ? paint.green("proven optimal")
    : paint.yellow("NOT proven optimal (stopped at the time limit)");
  lines.push(`Solved in ${time} s — ${verdict}`);
  return lines.join("\n");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function personNames(scenario: Scenario): Map<string, string> {
  return new Map([...scenario.coaches, ...scenario.workers].map((person) => [person.id, person.name]));
}
