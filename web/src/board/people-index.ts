/** One lookup for everyone the plan names: workers and coaches by id, with what the board shows. */
import type { Coach, Guidance, Scenario, Worker } from "../api/types.ts";

export interface PersonInfo {
  id: string;
  name: string;
  kind: "worker" | "coach";
  guidance?: Guidance;
  role?: Coach["role"];
  homeEnclaveId: string | null;
  transport: Worker["transport"];
}

export type PeopleIndex = Map<string, PersonInfo>;

export function indexPeople(scenario: Pick<Scenario, "workers" | "coaches">): PeopleIndex {
  const index: PeopleIndex = new Map();
  for (const w of scenario.workers) {
    index.set(w.id, { id: w.id, name: w.name, kind: "worker", guidance: w.guidance, homeEnclaveId: w.homeEnclaveId, transport: w.transport });
  }
  for (const c of scenario.coaches) {
    index.set(c.id, { id: c.id, name: c.name, kind: "coach", role: c.role, homeEnclaveId: c.homeEnclaveId, transport: c.transport });
  }
  return index;
}

export function personName(index: PeopleIndex, id: string): string {
  return index.get(id)?.name ?? id;
}

/** "Lien E. (C09)" — names repeat in a company of 900, the id settles it. */
export function personLabel(index: PeopleIndex, id: string): string {
  const p = index.get(id);
  return p ? `${p.name} (${p.id})` : id;
}
