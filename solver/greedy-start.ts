/**
 * A warm start: the plan a good planner would make by hand, built in a few milliseconds.
 *
 * Everyone starts where they belong; teams above their maximum shed stand-ins first; coach
 * gaps are filled with the free coaches that have the fewest other options (butterflies
 * before fixed coaches, interims last); teams the ratio cannot carry shed the workers with
 * the highest guidance need; routes over capacity drop van riders at the enclaves with the
 * most room above their minimum; finally short teams are filled with idle stand-ins.
 *
 * The result is only a starting point: the lexicographic solve proves it optimal level by
 * level (when it reaches a level's trivial bound, or when no strictly better point exists)
 * or improves on it. Every step keeps the point feasible for every row of the model.
 */
import type { Block } from "./types.ts";
import type { DailyModel } from "./daily-model.ts";
import { evaluate, violatedRows } from "./linear-model.ts";

/**
 * Where the warm start puts people first: where they belong today (`reference`: the plan sent
 * out, when re-planning) or their home enclave (`home`: a fresh plan, which lets stand-ins be
 * chosen anew when a late sick call needs a chain of moves).
 */
export type Anchor = "reference" | "home";

/**
 * Whether both anchors put everyone in the same place: a first plan, where each person's
 * reference is their home enclave (build-day-instance.ts), so that the two warm starts are one.
 */
export function anchorsCoincide(day: DailyModel["index"]["day"]): boolean {
  return (
    day.workers.every((worker) => worker.reference === worker.home) &&
    day.coaches.every((coach) => coach.reference.am === coach.home && coach.reference.pm === coach.home)
  );
}

/** The better of the warm starts from both anchors, compared level by level (one when they coincide). */
export function bestGreedyStart(daily: DailyModel): Map<string, number> {
  const fromReference = greedyStart(daily, "reference");
  // (3-10 ms on generated 40 and 80 enclaves, of a plan HiGHS solves in 80-250.)
  if (anchorsCoincide(daily.index.day)) return fromReference;
  const fromHome = greedyStart(daily, "home");
  for (const objective of daily.model.objectives) {
    const a = evaluate(objective.terms, fromReference);
    const b = evaluate(objective.terms, fromHome);
    if (Math.abs(a - b) < 1e-9) continue;
    const homeBetter = objective.sense === "max" ? b > a : b < a;
    return homeBetter ? fromHome : fromReference;
  }
  return fromReference;
}

export function greedyStart({ model, index }: DailyModel, anchor: Anchor = "reference"): Map<string, number> {
  const { day } = index;
  const values = new Map<string, number>();
  for (const name of model.variables.keys()) values.set(name, 0);
  const enclaves = new Map(day.enclaves.map((enclave) => [enclave.id, enclave]));
  const classes = new Map(index.classes.map((group) => [group.index, group]));
  const weight = { low: index.ratioLcm / day.rules.ratios.low, medium: index.ratioLcm / day.rules.ratios.medium, high: index.ratioLcm / day.rules.ratios.high };
  const minCoaches = day.rules.minCoachesPerEnclave;

  // The variables by enclave and block, by class and by coach, looked up many times below.
  const group = <T,>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      for (const key of keys(item)) {
        const list = groups.get(key);
        if (list) list.push(item);
        else groups.set(key, [item]);
      }
    }
    return groups;
  };
  const upperRowsOf = group(
    model.rows.filter((row) => row.sense === "<="),
    (row) => [...row.terms.keys()],
  );
  const workerVarsAt = group(index.workerVars, (v) => v.presence.map((block) => `${v.enclaveId}|${block}`));
  const coachVarsAt = group(index.coachVars, (v) => v.presence.map((block) => `${v.enclaveId}|${block}`));
  const workerVarsOf = group(index.workerVars, (v) => [String(v.classIndex)]);
  const coachVarsOf = group(index.coachVars, (v) => [v.coachId]);
  const workersAt = (enclaveId: string, block: Block) => workerVarsAt.get(`${enclaveId}|${block}`) ?? [];
  const coachesAt = (enclaveId: string, block: Block) =>
    (coachVarsAt.get(`${enclaveId}|${block}`) ?? []).filter((v) => values.get(v.name) === 1).length;
  const headcount = (enclaveId: string, block: Block) =>
    workersAt(enclaveId, block).reduce((sum, v) => sum + values.get(v.name)!, 0);
  const load = (enclaveId: string, block: Block) =>
    workersAt(enclaveId, block).reduce((sum, v) => sum + values.get(v.name)! * weight[classes.get(v.classIndex)!.guidance], 0);
  const placedCount = (classIndex: number) => (workerVarsOf.get(String(classIndex)) ?? []).reduce((sum, v) => sum + values.get(v.name)!, 0);
  const coachBusy = (coachId: string, block: Block) =>
    (coachVarsOf.get(coachId) ?? []).some((v) => v.presence.includes(block) && values.get(v.name) === 1);
  const isStandIn = (classIndex: number, enclaveId: string) => classes.get(classIndex)!.reference !== enclaveId;

  // 1. Everyone where they belong (or at home).
  for (const v of index.workerVars) {
    const group = classes.get(v.classIndex)!;
    const count =
      anchor === "reference"
        ? group.reference === v.enclaveId
          ? group.workers.length
          : 0
        : group.workers.filter((worker) => worker.home === v.enclaveId).length;
    if (count > 0) values.set(v.name, count);
  }
  for (const v of index.coachVars) {
    const coach = day.coaches.find((c) => c.id === v.coachId)!;
    const belongs = (block: Block) => (anchor === "reference" ? coach.reference[block] : coach.home) === v.enclaveId;
    if (v.presence.every(belongs) && !v.presence.some((b) => coachBusy(v.coachId, b))) {
      values.set(v.name, 1);
    }
  }

  // 2. Coach gaps: enclaves with workers but too few coaches get free coaches with the fewest options.
  const coachOptions = (coachId: string) => new Set((coachVarsOf.get(coachId) ?? []).map((v) => v.enclaveId)).size;
  const roleRank = (coachId: string) => {
    const role = day.coaches.find((c) => c.id === coachId)!.role;
    return role === "butterfly" ? 0 : role === "fixed" ? 1 : 2;
  };
  for (const enclave of day.enclaves) {
    for (const block of enclave.blocks) {
      const needed = () => Math.max(minCoaches, Math.ceil(load(enclave.id, block) / index.ratioLcm - 1e-9));
      while (coachesAt(enclave.id, block) < needed()) {
        const candidates = (coachVarsAt.get(`${enclave.id}|${block}`) ?? [])
          .filter((v) => values.get(v.name) === 0)
          .filter((v) => !v.presence.some((b) => coachBusy(v.coachId, b)))
          .sort((a, b) => roleRank(a.coachId) - roleRank(b.coachId) || coachOptions(a.coachId) - coachOptions(b.coachId) || b.presence.length - a.presence.length);
        if (candidates.length > 0) {
          values.set(candidates[0]!.name, 1);
          continue;
        }
        // Nobody free: take a coach from a block that keeps its minimum without them (a second
        // coach there only for the ratio; the team there sheds workers in step 3 if it must).
        const spare = borrowCoach(enclave.id, block);
        if (spare === null) break;
        values.set(spare.from, 0);
        values.set(spare.to, 1);
      }
    }
  }

  // 3. Teams over their maximum, or more than their coaches may supervise, shed workers:
  //    stand-ins first, then the highest guidance need.
  const shed = (enclaveId: string, block: Block, tooMany: () => boolean) => {
    const order = workersAt(enclaveId, block).sort(
      (a, b) =>
        Number(isStandIn(b.classIndex, enclaveId)) - Number(isStandIn(a.classIndex, enclaveId)) ||
        // people who work only this block first: shedding them leaves the other block intact
        a.presence.length - b.presence.length ||
        weight[classes.get(b.classIndex)!.guidance] - weight[classes.get(a.classIndex)!.guidance],
    );
    for (const v of order) {
      while (tooMany() && values.get(v.name)! > 0) values.set(v.name, values.get(v.name)! - 1);
      if (!tooMany()) return;
    }
  };
  for (const enclave of day.enclaves) {
    for (const block of enclave.blocks) {
      shed(enclave.id, block, () => headcount(enclave.id, block) > enclave.max);
      shed(enclave.id, block, () => load(enclave.id, block) > index.ratioLcm * coachesAt(enclave.id, block) + 1e-9);
    }
  }

  // 4. Routes over capacity drop riders where the team has the most room above its minimum.
  for (const row of model.rows.filter((r) => r.name.startsWith("seats_"))) {
    const over = () => [...row.terms].reduce((sum, [name, c]) => sum + c * values.get(name)!, 0) - row.rhs;
    while (over() > 1e-9) {
      const riders = index.workerVars
        .filter((v) => row.terms.has(v.name) && values.get(v.name)! > 0)
        .sort((a, b) => roomAboveMin(b.enclaveId) - roomAboveMin(a.enclaveId));
      if (riders.length === 0) break;
      values.set(riders[0]!.name, values.get(riders[0]!.name)! - 1);
    }
  }
  function roomAboveMin(enclaveId: string): number {
    const enclave = enclaves.get(enclaveId)!;
    return Math.min(...enclave.blocks.map((block) => headcount(enclaveId, block) - enclave.min));
  }

  // 5. Short teams take idle stand-ins, as long as every row still holds.
  for (const target of ["min", "target"] as const) {
    for (const enclave of day.enclaves) {
      if (!enclave.blocks.every((block) => coachesAt(enclave.id, block) >= minCoaches)) continue;
      const short = () => enclave.blocks.some((block) => headcount(enclave.id, block) < enclave[target]);
      const options = index.workerVars
        .filter((v) => v.enclaveId === enclave.id)
        .sort((a, b) => weight[classes.get(a.classIndex)!.guidance] - weight[classes.get(b.classIndex)!.guidance]);
      for (const v of options) {
        while (short() && placedCount(v.classIndex) < classes.get(v.classIndex)!.workers.length) {
          values.set(v.name, values.get(v.name)! + 1);
          if (!violatedRowsNear(v.name)) continue;
          // A full-day stand-in may not fit a block that is already at its maximum: make room
          // by letting someone go who works only that block, if that block stays above its minimum.
          const room = makeRoom(enclave.id, v);
          if (room !== null && !violatedRowsNear(v.name)) continue;
          // The ratio may ask for one more coach in a block the stand-in works: bring a free one.
          const extraCoach = addFreeCoach(enclave.id, v.presence);
          if (extraCoach !== null && !violatedRowsNear(v.name) && !violatedRowsNear(extraCoach)) continue;
          if (extraCoach !== null) values.set(extraCoach, 0);
          if (room !== null) values.set(room, values.get(room)! + 1);
          values.set(v.name, values.get(v.name)! - 1);
          break;
        }
      }
    }
  }
  function borrowCoach(enclaveId: string, block: Block): { from: string; to: string } | null {
    const options = index.coachVars
      .filter((v) => v.enclaveId === enclaveId && v.presence.length === 1 && v.presence[0] === block && values.get(v.name) === 0)
      .sort((a, b) => roleRank(a.coachId) - roleRank(b.coachId));
    for (const v of options) {
      const current = index.coachVars.find(
        (u) => u.coachId === v.coachId && u.presence.length === 1 && u.presence[0] === block && values.get(u.name) === 1,
      );
      if (!current || current.enclaveId === enclaveId) continue;
      if (coachesAt(current.enclaveId, block) - 1 < minCoaches) continue;
      return { from: current.name, to: v.name };
    }
    return null;
  }
  function addFreeCoach(enclaveId: string, blocks: readonly Block[]): string | null {
    for (const block of blocks) {
      if (load(enclaveId, block) <= index.ratioLcm * coachesAt(enclaveId, block) + 1e-9) continue;
      const candidate = index.coachVars
        .filter((c) => c.enclaveId === enclaveId && c.presence.includes(block) && values.get(c.name) === 0)
        .filter((c) => !c.presence.some((b) => coachBusy(c.coachId, b)))
        .sort((a, b) => roleRank(a.coachId) - roleRank(b.coachId) || coachOptions(a.coachId) - coachOptions(b.coachId))[0];
      if (!candidate) return null;
      values.set(candidate.name, 1);
      return candidate.name;
    }
    return null;
  }
  function makeRoom(enclaveId: string, incoming: (typeof index.workerVars)[number]): string | null {
    const enclave = enclaves.get(enclaveId)!;
    for (const block of incoming.presence) {
      if (headcount(enclaveId, block) <= enclave.max) continue;
      if (headcount(enclaveId, block) - 1 < enclave.target) return null;
      const leaving = workersAt(enclaveId, block).find(
        (u) => u !== incoming && u.presence.length === 1 && values.get(u.name)! > 0,
      );
      if (!leaving) return null;
      values.set(leaving.name, values.get(leaving.name)! - 1);
      return leaving.name;
    }
    return null;
  }
  function violatedRowsNear(name: string): boolean {
    for (const row of upperRowsOf.get(name) ?? []) {
      let lhs = 0;
      for (const [other, c] of row.terms) lhs += c * values.get(other)!;
      if (lhs > row.rhs + 1e-9) return true;
    }
    return false;
  }

  completeDerived(model, index, values);
  return violatedRows(model, values).length === 0 ? values : zeroPoint(model, index);
}

/** Sets the coverage, shortfall, indicator and seat-flow variables that follow from placements. */
function completeDerived(model: DailyModel["model"], index: DailyModel["index"], values: Map<string, number>): void {
  const { day } = index;
  const minCoaches = day.rules.minCoachesPerEnclave;
  day.enclaves.forEach((enclave, e) => {
    let covered = true;
    for (const block of enclave.blocks) {
      const workers = index.workerVars.filter((v) => v.enclaveId === enclave.id && v.presence.includes(block)).reduce((s, v) => s + values.get(v.name)!, 0);
      const coaches = index.coachVars.filter((v) => v.enclaveId === enclave.id && v.presence.includes(block)).reduce((s, v) => s + values.get(v.name)!, 0);
      if (coaches < minCoaches || workers < enclave.min) covered = false;
      const tag = `${e}_${block}`;
      if (model.variables.has(`a${tag}`)) values.set(`a${tag}`, workers > 0 ? 1 : 0);
      if (model.variables.has(`smin${tag}`)) values.set(`smin${tag}`, Math.max(0, enclave.min - workers));
      if (model.variables.has(`stgt${tag}`)) values.set(`stgt${tag}`, Math.max(0, enclave.target - workers));
    }
    values.set(index.coveredVar.get(enclave.id)!, covered ? 1 : 0);
  });
  // Seat flows: enclaves served by several routes split their demand greedily over them.
  const splits = model.rows.filter((row) => row.name.startsWith("seatsplit_"));
  if (splits.length === 0) return;
  const remaining = new Map<string, number>();
  for (const row of model.rows.filter((r) => r.name.startsWith("seats_"))) {
    let used = 0;
    for (const [name, c] of row.terms) if (!name.startsWith("f")) used += c * values.get(name)!;
    remaining.set(row.name, row.rhs - used);
  }
  for (const split of splits) {
    let demand = 0;
    const flows: string[] = [];
    for (const [name, c] of split.terms) {
      if (name.startsWith("f")) flows.push(name);
      else demand += c * values.get(name)!;
    }
    for (const flow of flows) {
      const seatRow = model.rows.find((r) => r.name.startsWith("seats_") && r.terms.has(flow))!;
      const take = Math.max(0, Math.min(demand, remaining.get(seatRow.name)!));
      values.set(flow, take);
      remaining.set(seatRow.name, remaining.get(seatRow.name)! - take);
      demand -= take;
    }
  }
}

/** Nobody placed: always feasible, the fallback when the greedy point breaks a row. */
function zeroPoint(model: DailyModel["model"], index: DailyModel["index"]): Map<string, number> {
  const values = new Map<string, number>();
  for (const name of model.variables.keys()) values.set(name, 0);
  completeDerived(model, index, values);
  return values;
}
