/**
 * Checks of the van seats (DOMAIN.md rule 7: "most workers travel in collective transport
 * leaving from the company's site … Seats are limited"). Everyone placed who travels by van
 * (workers and coaches with `transport: "van"`, our design choice) sits on exactly one
 * transport row whose route stops at their enclave, on the run that matches the blocks they
 * work; no run carries more people than it has seats; nobody else takes a seat.
 */
import type { Block, Route, Run } from "../scenario/schema.ts";
import type { PlanContext } from "./plan-context.ts";
import { listIds } from "./plan-context.ts";
import type { Violation } from "./violation.ts";

type TransportRow = PlanContext["plan"]["transport"][number];

interface PlacedPerson {
  transport: "van" | "own";
  blocks: Set<Block>;
  enclaveIds: Set<string>;
}

/** Everyone the plan places, with the blocks they work and where. */
function placedPeople(ctx: PlanContext): Map<string, PlacedPerson> {
  const people = new Map<string, PlacedPerson>();
  for (const placement of ctx.placements) {
    const id = placement.person.id;
    const person = people.get(id) ?? { transport: placement.person.transport, blocks: new Set(), enclaveIds: new Set() };
    person.blocks.add(placement.block);
    person.enclaveIds.add(placement.entry.enclaveId);
    people.set(id, person);
  }
  return people;
}

function rowsByPerson(rows: readonly TransportRow[]): Map<string, TransportRow[]> {
  const byPerson = new Map<string, TransportRow[]>();
  for (const row of rows) {
    for (const id of row.personIds) {
      const list = byPerson.get(id) ?? [];
      list.push(row);
      byPerson.set(id, list);
    }
  }
  return byPerson;
}

/** "a day seat when working both blocks, morning when working only am, afternoon when only pm". */
export function runNeeded(blocks: ReadonlySet<Block>): Run {
  if (blocks.has("am") && blocks.has("pm")) return "day";
  return blocks.has("am") ? "morning" : "afternoon";
}

function stopsAtAll(route: Route, enclaveIds: ReadonlySet<string>): boolean {
  return [...enclaveIds].every((id) => route.enclaveIds.includes(id));
}

function during(run: Run): string {
  return run === "day" ? "all day" : run === "morning" ? "in the morning" : "in the afternoon";
}

/**
 * SCENARIO-FORMAT.md: "A van-dependent worker placed at an enclave needs a seat on a route
 * that stops there: a day seat when working both blocks, morning when working only am,
 * afternoon when only pm." Coaches with `transport: "van"` need one too (our design choice:
 * everyone with a van seat).
 */
export function checkVanSeats(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const rows = rowsByPerson(ctx.plan.transport);
  for (const [personId, person] of placedPeople(ctx)) {
    if (person.transport !== "van") continue;
    const run = runNeeded(person.blocks);
    const where = [...person.enclaveIds];
    const fitting = ctx.scenario.routes.filter((r) => stopsAtAll(r, person.enclaveIds) && r.seats[run] > 0);
    const wanted = `a ${run} seat on a route that stops at ${where.join(" and ")} (${listIds(fitting.map((r) => r.id))})`;
    const seats = rows.get(personId) ?? [];
    if (seats.length === 0) {
      violations.push({
        rule: "NO_SEAT",
        personId,
        enclaveId: where[0],
        message: `${personId} travels by van and works at ${where.join(" and ")} ${during(run)} but has no seat: needs ${wanted}`,
      });
      continue;
    }
    if (seats.some((row) => !ctx.routes.has(row.routeId))) continue; // reported as UNKNOWN_ID
    const fits = seats.some((row) => {
      const route = ctx.routes.get(row.routeId);
      return row.run === run && route !== undefined && stopsAtAll(route, person.enclaveIds);
    });
    if (fits) continue;
    const seat = seats[0];
    violations.push({
      rule: "WRONG_SEAT",
      personId,
      enclaveId: where[0],
      message:
        `${personId} has a seat on the ${seat?.run} run of ${seat?.routeId} but works at ${where.join(" and ")} ` +
        `${during(run)}: needs ${wanted}`,
    });
  }
  return violations;
}

/** "each placed van person is on exactly one row": nobody holds two seats. */
export function checkOneSeatPerPerson(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const [personId, seats] of rowsByPerson(ctx.plan.transport)) {
    if (seats.length < 2) continue;
    violations.push({
      rule: "DOUBLE_SEATED",
      personId,
      message: `${personId} has ${seats.length} seats (${seats.map((s) => `${s.routeId} ${s.run}`).join(", ")}); one is expected`,
    });
  }
  return violations;
}

/**
 * "seats: day: out at start, back at end; morning: out at start, back at noon; afternoon:
 * out at noon, back at end. 0 or absent: no such run." (SCENARIO-FORMAT.md): no run of a
 * route carries more people than it has seats.
 */
export function checkSeatCapacity(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const seated = new Map<string, { route: Route; run: Run; ids: Set<string> }>();
  for (const row of ctx.plan.transport) {
    const route = ctx.routes.get(row.routeId);
    if (!route) continue;
    const key = `${row.routeId}|${row.run}`;
    const group = seated.get(key) ?? { route, run: row.run, ids: new Set<string>() };
    for (const id of row.personIds) group.ids.add(id);
    seated.set(key, group);
  }
  for (const { route, run, ids } of seated.values()) {
    const seats = route.seats[run];
    if (ids.size <= seats) continue;
    violations.push({
      rule: "SEATS_EXCEEDED",
      message:
        seats === 0
          ? `${route.id} has no ${run} run, but the plan seats ${ids.size} people on it (${listIds([...ids])})`
          : `The ${run} run of ${route.id} has ${seats} seats but carries ${ids.size} people`,
    });
  }
  return violations;
}

/** Seats are for placed people who travel by van: nobody else is on a transport row. */
export function checkSeatsOnlyForPlaced(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const placed = placedPeople(ctx);
  for (const [personId, seats] of rowsByPerson(ctx.plan.transport)) {
    const known = ctx.workers.get(personId) ?? ctx.coaches.get(personId);
    if (!known) continue; // reported as UNKNOWN_ID
    const seat = seats[0];
    const on = seat ? `the ${seat.run} run of ${seat.routeId}` : "a van";
    if (!placed.has(personId)) {
      violations.push({
        rule: "SEAT_NOT_NEEDED",
        personId,
        message: `${personId} has a seat on ${on} but is not placed at any enclave`,
      });
    } else if (known.transport === "own") {
      violations.push({
        rule: "SEAT_NOT_NEEDED",
        personId,
        message: `${personId} has a seat on ${on} but travels by own transport`,
      });
    }
  }
  return violations;
}
