/**
 * The solver's input: one day, already reduced to plain facts.
 *
 * Calendars, absences, notification and holidays are resolved before the solver sees the day
 * (src/planning/build-day-instance.ts), so the solver knows nothing of dates or I/O: it gets
 * who is available in which block, who may work where, and how many seats each run has.
 */
export type Block = "am" | "pm";
export type Guidance = "low" | "medium" | "high";
export type Run = "day" | "morning" | "afternoon";

export interface DayEnclave {
  id: string;
  /** The blocks in which the enclave works that day (from its hours: a morning-only enclave has ["am"]). */
  blocks: Block[];
  min: number;
  target: number;
  max: number;
}

export interface DayWorker {
  id: string;
  guidance: Guidance;
  /** Blocks the worker is available (work pattern minus absences). Empty: not available. */
  blocks: Block[];
  /** Enclaves (among the day's staffable ones) the worker may be placed at: home + qualified − excluded. */
  eligible: string[];
  /** Where the worker belongs today: the previous plan's enclave when re-planning, else the home enclave. */
  reference: string | null;
  /** The home enclave (for explanations and move reasons). */
  home: string | null;
  needsSeat: boolean;
}

export interface DayCoach {
  id: string;
  role: "fixed" | "butterfly" | "interim";
  blocks: Block[];
  eligible: string[];
  /** Where the coach belongs in each block: previous plan when re-planning, else the home enclave. */
  reference: { am: string | null; pm: string | null };
  home: string | null;
  needsSeat: boolean;
  /** Only coaches with their own transport may change enclave at noon. */
  canSwitchAtNoon: boolean;
}

export interface DayRoute {
  id: string;
  enclaveIds: string[];
  seats: Record<Run, number>;
}

export interface DayRules {
  /** Workers per coach by guidance need (BVR 17 Feb 2017 art. 46/79): 13 / 10 / 7 by default. */
  ratios: Record<Guidance, number>;
  minCoachesPerEnclave: number;
  interimCoachesAllowed: boolean;
}

export interface DayInstance {
  date: string;
  rules: DayRules;
  /** Enclaves that run and may be staffed today (running, notified in time). */
  enclaves: DayEnclave[];
  workers: DayWorker[];
  coaches: DayCoach[];
  routes: DayRoute[];
}
