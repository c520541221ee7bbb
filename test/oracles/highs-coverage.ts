/**
 * MIP oracle: the largest number of enclaves that can be covered on a day, by a plain binary
 * model solved with HiGHS. For days too large for the brute-force oracle.
 *
 * Same rules as brute-force-coverage.ts (see its header), written independently of solver/
 * and of the brute force, as a straightforward model:
 *   x[w,e]        worker w placed at enclave e (for the whole day)
 *   y[c,e,b]      coach c at enclave e in block b
 *   d[c,e]        coach c at e in both blocks (needs a `day` seat rather than two half runs)
 *   s[p,e,k,run]  person p, placed at e, rides route k on that run
 *   z[e]          enclave e covered
 * maximise Σ z[e]. Names use indices (x_3_1), never ids, so any id is safe in LP text.
 */
import type { Block, DayInstance, Run } from "../../solver/types.ts";
import { solveLpWithHighs } from "../reference/highs-runner.ts";

const BLOCKS: readonly Block[] = ["am", "pm"];

export interface CoverageLp {
  lp: string;
  /** Variable name → what it stands for, to read a solution back. */
  workerVariables: Map<string, { worker: string; enclave: string }>;
  coachVariables: Map<string, { coach: string; enclave: string; block: Block }>;
  coverVariables: Map<string, string>;
}

export interface HighsCoverageResult {
  covered: number;
  status: string;
  ms: number;
  /** The placement HiGHS found: worker id → enclave id, coach id → enclave per block. */
  workers: Record<string, string>;
  coaches: Record<string, Partial<Record<Block, string>>>;
}

export async function maxCoveredEnclavesHighs(day: DayInstance): Promise<number> {
  return (await highsCoverage(day)).covered;
}

export async function highsCoverage(day: DayInstance, options: { timeLimitSeconds?: number } = {}): Promise<HighsCoverageResult> {
  const model = buildCoverageLp(day);
  const result = await solveLpWithHighs(model.lp, options);
  if (result.status !== "Optimal" || result.objective === null) {
    throw new Error(`HiGHS coverage oracle: status ${result.status}, no proven optimum`);
  }
  const workers: Record<string, string> = {};
  for (const [name, meaning] of model.workerVariables) if ((result.columns[name] ?? 0) > 0.5) workers[meaning.worker] = meaning.enclave;
  const coaches: Record<string, Partial<Record<Block, string>>> = {};
  for (const [name, meaning] of model.coachVariables) {
    if ((result.columns[name] ?? 0) > 0.5) (coaches[meaning.coach] ??= {})[meaning.block] = meaning.enclave;
  }
  return { covered: Math.round(result.objective), status: result.status, ms: result.ms, workers, coaches };
}

/** Σ coefficient·variable in LP syntax ("2 x_1_0 - y_0_1_am"). */
function sum(terms: readonly (readonly [number, string])[]): string {
  return terms
    .map(([coefficient, name], i) => {
      const sign = coefficient < 0 ? "-" : i === 0 ? "" : "+";
      const magnitude = Math.abs(coefficient);
      return `${sign}${sign ? " " : ""}${magnitude === 1 ? "" : `${magnitude} `}${name}`;
    })
    .join(" ");
}

export function buildCoverageLp(day: DayInstance): CoverageLp {
  const enclaveIndex = new Map(day.enclaves.map((e, i) => [e.id, i]));
  const works = (e: number, b: Block): boolean => day.enclaves[e]?.blocks.includes(b) === true;
  const { ratios, minCoachesPerEnclave: minCoaches, interimCoachesAllowed } = day.rules;
  const lcm = [ratios.low, ratios.medium, ratios.high].reduce((a, b) => (a * b) / gcd(a, b), 1);

  const rows: string[] = [];
  const binaries: string[] = [];
  const workerVariables = new Map<string, { worker: string; enclave: string }>();
  const coachVariables = new Map<string, { coach: string; enclave: string; block: Block }>();
  const coverVariables = new Map<string, string>();
  let rowNumber = 0;
  const row = (expression: string, sense: "<=" | ">=" | "=", rhs: number): void => {
    rows.push(` r${rowNumber++}: ${expression === "" ? "0 z_dummy" : expression} ${sense} ${rhs}`);
  };

  // Seats: per route and run, the (variable) riders; per rider, the routes that can take them.
  const riders = new Map<string, string[]>(); // `${route}|${run}` → seat variables
  const routesStoppingAt = (e: number, run: Run): number[] =>
    day.routes
      .map((route, k) => ({ route, k }))
      .filter(({ route }) => route.enclaveIds.includes(day.enclaves[e]?.id ?? "") && (route.seats[run] ?? 0) > 0)
      .map(({ k }) => k);
  /** Σ seat variables = `placed` (an expression of the placement), one seat variable per usable route. */
  const seatRow = (person: string, e: number, run: Run, placed: (readonly [number, string])[]): void => {
    const seats: [number, string][] = [];
    for (const k of routesStoppingAt(e, run)) {
      const name = `s_${person}_${e}_${k}_${run}`;
      binaries.push(name);
      seats.push([1, name]);
      const key = `${k}|${run}`;
      riders.set(key, [...(riders.get(key) ?? []), name]);
    }
    row(sum([...seats, ...placed.map(([c, v]) => [-c, v] as const)]), "=", 0);
  };

  // --- Workers ---------------------------------------------------------------------------------
  const workersAt = new Map<string, { name: string; weight: number }[]>(); // `${e}|${b}` → present workers
  day.workers.forEach((worker, w) => {
    const mine: string[] = [];
    for (const id of new Set(worker.eligible)) {
      const e = enclaveIndex.get(id);
      if (e === undefined) continue;
      const present = BLOCKS.filter((b) => worker.blocks.includes(b) && works(e, b));
      if (present.length === 0) continue;
      const name = `x_${w}_${e}`;
      binaries.push(name);
      mine.push(name);
      workerVariables.set(name, { worker: worker.id, enclave: id });
      for (const b of present) {
        const key = `${e}|${b}`;
        workersAt.set(key, [...(workersAt.get(key) ?? []), { name, weight: lcm / ratios[worker.guidance] }]);
      }
      if (worker.needsSeat) {
        const run: Run = present.length === 2 ? "day" : present[0] === "am" ? "morning" : "afternoon";
        seatRow(`w${w}`, e, run, [[1, name]]);
      }
    }
    if (mine.length > 1) row(sum(mine.map((v) => [1, v] as const)), "<=", 1);
  });

  // --- Coaches ---------------------------------------------------------------------------------
  const coachesAt = new Map<string, string[]>(); // `${e}|${b}` → coach variables
  day.coaches.forEach((coach, c) => {
    if (coach.role === "interim" && !interimCoachesAllowed) return;
    const perBlock: Record<Block, { e: number; name: string }[]> = { am: [], pm: [] };
    for (const id of new Set(coach.eligible)) {
      const e = enclaveIndex.get(id);
      if (e === undefined) continue;
      for (const b of BLOCKS) {
        if (!coach.blocks.includes(b) || !works(e, b)) continue;
        const name = `y_${c}_${e}_${b}`;
        binaries.push(name);
        perBlock[b].push({ e, name });
        coachVariables.set(name, { coach: coach.id, enclave: id, block: b });
        const key = `${e}|${b}`;
        coachesAt.set(key, [...(coachesAt.get(key) ?? []), name]);
      }
    }
    for (const b of BLOCKS) if (perBlock[b].length > 1) row(sum(perBlock[b].map((v) => [1, v.name] as const)), "<=", 1);
    if (!coach.canSwitchAtNoon) {
      // Without own transport: am at e and pm elsewhere is impossible.
      for (const am of perBlock.am) {
        const elsewhere = perBlock.pm.filter((pm) => pm.e !== am.e);
        if (elsewhere.length > 0) row(sum([[1, am.name], ...elsewhere.map((pm) => [1, pm.name] as const)]), "<=", 1);
      }
    }
    if (coach.needsSeat) {
      const enclaves = new Set([...perBlock.am, ...perBlock.pm].map((v) => v.e));
      for (const e of enclaves) {
        const am = perBlock.am.find((v) => v.e === e)?.name;
        const pm = perBlock.pm.find((v) => v.e === e)?.name;
        if (am && pm) {
          const both = `d_${c}_${e}`;
          binaries.push(both);
          row(sum([[1, both], [-1, am]]), "<=", 0);
          row(sum([[1, both], [-1, pm]]), "<=", 0);
          row(sum([[1, both], [-1, am], [-1, pm]]), ">=", -1);
          seatRow(`c${c}`, e, "day", [[1, both]]);
          seatRow(`c${c}`, e, "morning", [[1, am], [-1, both]]);
          seatRow(`c${c}`, e, "afternoon", [[1, pm], [-1, both]]);
        } else if (am) {
          seatRow(`c${c}`, e, "morning", [[1, am]]);
        } else if (pm) {
          seatRow(`c${c}`, e, "afternoon", [[1, pm]]);
        }
      }
    }
  });

  // --- Enclaves: hard rules per block and the covered indicator --------------------------------
  const objective: string[] = [];
  day.enclaves.forEach((enclave, e) => {
    const z = `z_${e}`;
    binaries.push(z);
    objective.push(z);
    coverVariables.set(z, enclave.id);
    for (const b of BLOCKS) {
      if (!works(e, b)) continue;
      const present = workersAt.get(`${e}|${b}`) ?? [];
      const coaches = coachesAt.get(`${e}|${b}`) ?? [];
      const coachTerms = coaches.map((v) => [-1, v] as const);
      if (present.length > enclave.max) row(sum(present.map((p) => [1, p.name] as const)), "<=", enclave.max);
      // Any worker present ⇒ at least minCoaches coaches.
      for (const p of present) row(sum([[minCoaches, p.name], ...coachTerms]), "<=", 0);
      // Ratio: Σ lcm/ratio · x ≤ lcm · coaches.
      if (present.length > 0) row(sum([...present.map((p) => [p.weight, p.name] as const), ...coaches.map((v) => [-lcm, v] as const)]), "<=", 0);
      // Covered ⇒ enough coaches and at least the minimum headcount.
      row(sum([[minCoaches, z], ...coachTerms]), "<=", 0);
      if (enclave.min > 0) row(sum([[enclave.min, z], ...present.map((p) => [-1, p.name] as const)]), "<=", 0);
    }
  });

  // --- Seat capacities -------------------------------------------------------------------------
  for (const [key, seats] of riders) {
    const [k, run] = key.split("|") as [string, Run];
    const capacity = day.routes[Number(k)]?.seats[run] ?? 0;
    if (seats.length > capacity) row(sum(seats.map((v) => [1, v] as const)), "<=", capacity);
  }

  const lp = [
    "\\ vlinder coverage oracle: maximise the number of covered enclaves",
    "Maximize",
    ` obj: ${objective.length > 0 ? sum(objective.map((v) => [1, v] as const)) : "0 z_dummy"}`,
    "Subject To",
    ...rows,
    "Binary",
    ...chunk(binaries.length > 0 ? binaries : ["z_dummy"], 20).map((names) => ` ${names.join(" ")}`),
    "End",
    "",
  ].join("\n");
  return { lp, workerVariables, coachVariables, coverVariables };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
