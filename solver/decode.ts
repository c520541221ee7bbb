/**
 * Turns a solved model back into people at places: which worker of each class goes where,
 * which coach is where per block, and who rides which route's run.
 *
 * Classes are split deterministically (members sorted by id), and seats are given out by a
 * small augmenting-path assignment so that every van person gets a seat on a route that stops
 * at their enclave whenever the model's seat rows hold (they guarantee such an assignment).
 */
import type { Block, DayInstance, Run } from "./types.ts";
import type { DailyModelIndex } from "./daily-model.ts";

export interface DayAssignment {
  /** enclave id → block → coach ids / worker ids */
  teams: Map<string, Record<Block, { coachIds: string[]; workerIds: string[] }>>;
  /** person id → enclave id per block */
  placement: Map<string, Partial<Record<Block, string>>>;
  transport: { routeId: string; run: Run; personIds: string[] }[];
  /** People whose seat could not be assigned (must stay empty when the model's rows hold). */
  unseated: string[];
}

export function decodeAssignment(index: DailyModelIndex, values: Map<string, number>): DayAssignment {
  const { day } = index;
  const teams: DayAssignment["teams"] = new Map(
    day.enclaves.map((enclave) => [enclave.id, { am: { coachIds: [], workerIds: [] }, pm: { coachIds: [], workerIds: [] } }]),
  );
  const placement: DayAssignment["placement"] = new Map();
  const seatRequests: { personId: string; enclaveId: string; run: Run }[] = [];

  const nextMember = new Map<number, number>();
  const classes = new Map(index.classes.map((group) => [group.index, group]));
  const members = new Map(
    index.classes.map((group) => [group.index, [...group.workers].sort((a, b) => a.id.localeCompare(b.id))]),
  );
  // Members who stay at the class's reference are taken first in id order, then the movers.
  const ordered = [...index.workerVars].sort((a, b) => {
    const refA = classes.get(a.classIndex)!.reference === a.enclaveId ? 0 : 1;
    const refB = classes.get(b.classIndex)!.reference === b.enclaveId ? 0 : 1;
    return refA - refB || a.name.localeCompare(b.name);
  });
  for (const variable of ordered) {
    const count = Math.round(values.get(variable.name) ?? 0);
    if (count <= 0) continue;
    const list = members.get(variable.classIndex)!;
    const start = nextMember.get(variable.classIndex) ?? 0;
    for (const worker of list.slice(start, start + count)) {
      const slot: Partial<Record<Block, string>> = {};
      for (const block of variable.presence) {
        teams.get(variable.enclaveId)![block].workerIds.push(worker.id);
        slot[block] = variable.enclaveId;
      }
      placement.set(worker.id, slot);
      if (variable.run !== null) seatRequests.push({ personId: worker.id, enclaveId: variable.enclaveId, run: variable.run });
    }
    nextMember.set(variable.classIndex, start + count);
  }
  for (const variable of index.coachVars) {
    if (Math.round(values.get(variable.name) ?? 0) !== 1) continue;
    const slot = placement.get(variable.coachId) ?? {};
    for (const block of variable.presence) {
      teams.get(variable.enclaveId)![block].coachIds.push(variable.coachId);
      slot[block] = variable.enclaveId;
    }
    placement.set(variable.coachId, slot);
    if (variable.run !== null) seatRequests.push({ personId: variable.coachId, enclaveId: variable.enclaveId, run: variable.run });
  }
  for (const team of teams.values()) {
    for (const block of ["am", "pm"] as const) {
      team[block].coachIds.sort();
      team[block].workerIds.sort();
    }
  }
  const { transport, unseated } = assignSeats(day, seatRequests);
  return { teams, placement, transport, unseated };
}

/** Gives each request a seat on a route that stops at its enclave, with augmenting paths (Kuhn). */
export function assignSeats(
  day: DayInstance,
  requests: { personId: string; enclaveId: string; run: Run }[],
): { transport: DayAssignment["transport"]; unseated: string[] } {
  const slots: { routeId: string; run: Run }[] = [];
  const slotsByRouteRun = new Map<string, number[]>();
  for (const route of day.routes) {
    for (const run of ["day", "morning", "afternoon"] as const) {
      const indexes: number[] = [];
      for (let s = 0; s < route.seats[run]; s++) {
        indexes.push(slots.length);
        slots.push({ routeId: route.id, run });
      }
      slotsByRouteRun.set(`${route.id}|${run}`, indexes);
    }
  }
  const candidates = requests.map((request) =>
    day.routes
      .filter((route) => route.enclaveIds.includes(request.enclaveId))
      .flatMap((route) => slotsByRouteRun.get(`${route.id}|${request.run}`) ?? []),
  );
  const slotOwner = new Array<number>(slots.length).fill(-1);
  const tryAssign = (r: number, seen: Set<number>): boolean => {
    for (const s of candidates[r]!) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (slotOwner[s] === -1 || tryAssign(slotOwner[s]!, seen)) {
        slotOwner[s] = r;
        return true;
      }
    }
    return false;
  };
  const unseated: string[] = [];
  requests.forEach((request, r) => {
    if (!tryAssign(r, new Set())) unseated.push(request.personId);
  });
  const rows = new Map<string, DayAssignment["transport"][number]>();
  slotOwner.forEach((owner, s) => {
    if (owner === -1) return;
    const slot = slots[s]!;
    const key = `${slot.routeId}|${slot.run}`;
    const row = rows.get(key) ?? { routeId: slot.routeId, run: slot.run, personIds: [] };
    row.personIds.push(requests[owner]!.personId);
    rows.set(key, row);
  });
  const transport = [...rows.values()];
  for (const row of transport) row.personIds.sort();
  transport.sort((a, b) => a.routeId.localeCompare(b.routeId) || a.run.localeCompare(b.run));
  return { transport, unseated };
}
