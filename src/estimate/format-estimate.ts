/**
 * The estimate as HR reads it on a terminal: the curve as a table, the recommendation and the
 * arithmetic minimum beside it, each explained in one sentence, the what-ifs, and the
 * assumptions behind the numbers. Plain text; colour only through the palette it is given.
 */
import type { Estimate } from "../scenario/schema.ts";
import { createPalette, layoutTable, wrapText, type Palette } from "../cli/text-layout.ts";

const WIDTH = 100;

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function target(estimate: Estimate): string {
  const level = `${+(estimate.serviceLevel.target * 100).toFixed(2)}%`;
  return estimate.serviceLevel.metric === "fullDays" ? `≥ ${level} of days have every enclave covered` : `≥ ${level} of enclave-days are covered`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A what-if's first line: two spaces in, continued four spaces in. */
function item(text: string): string {
  return `  ${wrapText(text, WIDTH, 4, 2)}`;
}

function wrap(text: string, indent = 0): string {
  return " ".repeat(indent) + wrapText(text, WIDTH, indent);
}

export function formatEstimate(estimate: Estimate, organisation: string, options: { color?: boolean } = {}): string {
  const palette: Palette = createPalette(options.color ?? false);
  const { demand, recommended, arithmeticMinimum } = estimate;
  const own = estimate.scenarioButterflies;
  const lines: string[] = [];
  lines.push(palette.bold(`${organisation} · butterfly estimate for ${estimate.year}`));
  lines.push(wrap(`${estimate.runs} simulated years (seed ${estimate.seed}). The enclaves run ${demand.enclaveDays} enclave-days; their fixed coaches are absent on about ${demand.coachAbsenceDays} of them; one butterfly works about ${demand.butterflyAvailableDays} days after its own leave, ADV, sickness and training.`));
  lines.push("");
  const rows = estimate.curve.map((row) => {
    const notes = [row.butterflies === recommended ? palette.green("◀ recommended") : "", row.butterflies === own ? "(today)" : ""].filter(Boolean).join(" ");
    return [
      String(row.butterflies),
      pct(row.fullDaysShare),
      pct(row.enclaveDaysCoveredShare),
      row.uncoveredEnclaveDays.mean.toFixed(1),
      String(row.uncoveredEnclaveDays.p50),
      String(row.uncoveredEnclaveDays.p95),
      notes,
    ];
  });
  lines.push(
    ...layoutTable(
      [
        { header: "BUTTERFLIES", align: "right" },
        { header: "FULL DAYS", align: "right" },
        { header: "ENCLAVE-DAYS", align: "right" },
        { header: "UNCOVERED MEAN", align: "right" },
        { header: "P50", align: "right" },
        { header: "P95", align: "right" },
        { header: "" },
      ],
      rows,
    ),
  );
  lines.push(palette.dim("FULL DAYS: share of days with every running enclave covered. ENCLAVE-DAYS: share of enclave-days"));
  lines.push(palette.dim("covered. UNCOVERED: enclave-days a year without enough coaches (a half day counts ½)."));
  lines.push("");
  lines.push(wrap(`${palette.bold(`Recommended: ${plural(recommended, "butterfly", "butterflies")}`)} — the smallest number for which ${target(estimate)} (mean over the simulated years).`));
  lines.push(
    wrap(
      `${palette.bold(`Arithmetic minimum: ${arithmeticMinimum}`)} — ${demand.coachAbsenceDays} coach absence days ÷ ${demand.butterflyAvailableDays} available days of one butterfly, rounded up; it ignores that absences cluster and that a butterfly only covers where trained.`,
    ),
  );
  if (own !== undefined) {
    const today = estimate.curve.find((row) => row.butterflies === own);
    const verdict = own === recommended ? "exactly the recommendation" : own > recommended ? `${own - recommended} more than needed` : `${recommended - own} short of the recommendation`;
    lines.push(wrap(`Today: ${plural(own, "butterfly", "butterflies")}, ${verdict}${today ? ` (${pct(today.enclaveDaysCoveredShare)} of enclave-days covered, ${today.uncoveredEnclaveDays.mean.toFixed(1)} uncovered a year).` : "."}`));
  }
  const whatIfs = formatWhatIfs(estimate, palette);
  if (whatIfs.length > 0) lines.push("", palette.bold("What if…"), ...whatIfs);
  if (estimate.assumptions && estimate.assumptions.length > 0) {
    lines.push("", palette.bold("How this was computed"));
    for (const assumption of estimate.assumptions) lines.push(`  • ${wrapText(assumption, WIDTH, 4)}`);
  }
  return `${lines.join("\n")}\n`;
}

function formatWhatIfs(estimate: Estimate, palette: Palette): string[] {
  const whatIfs = estimate.whatIfs;
  if (!whatIfs) return [];
  const lines: string[] = [];
  const base = estimate.recommended;
  const need = (n: number | null) => (n === null ? "more than the simulation looked at" : plural(n, "butterfly", "butterflies"));
  if (whatIfs.standInWorkers) {
    const w = whatIfs.standInWorkers;
    lines.push(`  ${palette.bold("Stand-in workers for line enclaves")} (${w.lineEnclaveIds.join(", ") || "none"})`);
    if (w.lineEnclaveIds.length > 0) {
      const rows = w.curve.map((row) => [
        row.people === 0 ? `${w.inHouseStandIns} in-house` : `+${row.people}`,
        pct(row.coveredShare),
        pct(row.fullDaysShare),
        row.uncoveredDays.mean.toFixed(1),
        row.people === w.recommendedExtra ? palette.green("◀ meets the service level") : "",
      ]);
      lines.push(
        ...layoutTable(
          [{ header: "    STAND-INS" }, { header: "ENCLAVE-DAYS AT MINIMUM", align: "right" }, { header: "FULL DAYS", align: "right" }, { header: "SHORT/YEAR", align: "right" }, { header: "" }],
          rows.map(([first, ...rest]) => [`    ${first}`, ...rest]),
        ),
      );
    }
    lines.push(wrap(w.note, 4));
  }
  if (whatIfs.fourFifthCoaches) {
    const f = whatIfs.fourFifthCoaches;
    lines.push(item(`${palette.bold("Fixed coaches at 4/5")}: ${f.coaches} full-time coaches each take one day off a week → ${need(f.recommended)} needed instead of ${base}.`));
    lines.push(wrap(f.note, 4));
  }
  if (whatIfs.sharedCoaching) {
    const s = whatIfs.sharedCoaching;
    const groups = s.groups.length > 0 ? s.groups.map((group) => group.join("+")).join(", ") : "no group of small enclaves close enough";
    const saved = s.butterfliesSaved === null ? "" : s.butterfliesSaved > 0 ? `, and ${plural(s.butterfliesSaved, "butterfly", "butterflies")} fewer` : s.butterfliesSaved < 0 ? `, but ${plural(-s.butterfliesSaved, "butterfly", "butterflies")} more` : ", the same number of butterflies";
    lines.push(
      item(
        `${palette.bold("Shared coaching pilot")} (one coach for up to ${s.maxEnclaves} small enclaves within ${s.maxTravelMinutes} minutes): ${groups} → ${plural(s.coachesSaved, "fixed coach", "fixed coaches")} fewer${saved} (${need(s.recommended)}).`,
      ),
    );
    lines.push(wrap(s.note, 4));
  }
  return lines;
}
