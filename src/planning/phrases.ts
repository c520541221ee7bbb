/**
 * The phrase book: every planner-facing sentence a plan or a suggestion carries, in English
 * and in Flemish Dutch (nl-BE).
 *
 * The core writes texts a planner reads at 07:15 — why someone stands in, why an enclave is
 * short, what the options are. The CLI speaks English (the project's language), the service's
 * board speaks Dutch, so the planning core takes a language and looks every sentence up here.
 * One function per sentence shape, taking the facts (labels, enclave ids, blocks, counts,
 * dates), so both languages build their own word order; `Phrases` makes TypeScript check that
 * both tables have exactly the same keys. Only human text lives here: codes and field names
 * stay the same in every language. Dutch uses the glossary of DOMAIN.md (begeleider,
 * vlinder, maatwerker, voormiddag/namiddag, begeleidingsnorm, minimumbezetting, intern werk,
 * tijdelijke werkloosheid, kennisgeving WSE …) and writes dates as Flemish people do
 * ("maandag 23 november", "gemeld om 07:10").
 */
import type { Absence, Block, Ratios, Run } from "../scenario/schema.ts";
import { weekdayName } from "../calendar/local-date.ts";
import { describeGuidance, type GuidanceCounts } from "../validation/ratio.ts";
import type { RuleCode } from "../validation/violation.ts";

export const LANGUAGES = ["en", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

type AbsenceKind = Absence["kind"];

export interface RouteSeats {
  id: string;
  day: number;
  morning: number;
  afternoon: number;
}

/** A broken rule as the validator reports it; `who` is the person's label when there is one. */
export interface BrokenRule {
  rule: RuleCode;
  message: string;
  who?: string;
  enclave?: string;
  block?: Block;
}

/**
 * Every sentence shape. `who` is a person's label ("C01 (Jonas J.)"), `enclave`/`at`/`from`
 * enclave ids, `date` a YYYY-MM-DD day, `reportedAt` a local time "07:10".
 */
export interface Phrases {
  /** "morning" / "voormiddag". */
  block(block: Block): string;
  /** "9 low, 5 medium" / "9 laag, 5 midden". */
  guidance(counts: GuidanceCounts): string;
  /** Names, and how many more were left out. */
  andMore(args: { names: string[]; more: number }): string;

  // Availability
  absent(args: { who: string; kind: AbsenceKind; reportedAt?: string }): string;
  notWorking(args: { who: string; date: string; block: Block }): string;

  // Why a person did not fill a gap
  interimNotAllowed(args: { who: string }): string;
  notTrained(args: { who: string; enclave: string }): string;
  /** `at` null: somewhere, but not at an enclave of this day's plan. */
  neededAt(args: { who: string; at: string | null }): string;
  noVanSeatTo(args: { who: string; enclave: string }): string;
  couldNotBePlaced(args: { who: string; enclave: string }): string;

  // Problems of an enclave, with their options
  mustNotBeStaffed(args: { enclave: string; reason: string }): string;
  notNotified(args: { enclave: string; notifiedOn: string | null; deadline: string; start: string }): string;
  notifyNow(args: { enclave: string }): string;
  sendTeamInHouse(args: { count: number; enclave: string }): string;
  ratioCapped(args: {
    enclave: string;
    block: Block;
    coaches: number;
    supervised: number;
    ratios: Ratios;
    idleIds: string[];
    idleCount: number;
  }): string;
  oneMoreCoachForMin(args: { enclave: string; block: Block }): string;
  interimFor(args: { enclave: string }): string;
  interimNotAllowedOption(): string;
  ratioExceeded(args: { enclave: string; block: Block; workers: number; guidance: GuidanceCounts; needed: number; present: number }): string;
  oneMoreCoach(args: { enclave: string; block: Block }): string;
  fewerWorkers(args: { count: number; enclave: string }): string;
  interimProposed(args: { enclave: string; block: Block; who: string[] }): string;
  confirmInterim(): string;
  noCoach(args: { enclave: string; block: Block; date: string; present: number; min: number; reasons: string[] }): string;
  homeWorkersOut(args: { count: number; enclave: string }): string;
  underMin(args: {
    enclave: string;
    block: Block;
    present: number;
    min: number;
    target: number;
    missing: string[];
    couldNot: string[];
  }): string;
  smallerTeam(args: { present: number; min: number }): string;
  teamOut(args: { count: number }): string;
  noSeatLeft(args: { who: string[]; enclave: string; routes: RouteSeats[] }): string;
  extraSeat(): string;
  ownTransportStandIn(): string;

  // Changes
  goesInHouse(args: { who: string; why: string }): string;
  standsIn(args: { who: string; at: string; from: string | null; why: string }): string;
  atMaximum(args: { enclave: string; max: number; block: Block }): string;
  ratioFull(args: { coaches: number; enclave: string; block: Block }): string;
  noVanRun(args: { run: Run; enclave: string }): string;
  vanSeatsTaken(args: { run: Run; enclave: string; routes: string[] }): string;
  hasCoaches(args: { enclave: string }): string;
  hasWorkers(args: { enclave: string }): string;
  workersNeedCoaches(args: { workers: number; guidance: GuidanceCounts; needed: number }): string;
  wouldFallShort(args: { enclave: string; size: number; block: Block; min: number; target: number }): string;
  needsWorkersIn(args: { enclave: string; block: Block }): string;
  /** A manual move's change: the prefix, then the plan's own reason when there is one. */
  movedByPlanner(args: { reason: string }): string;

  // Replacement suggestions
  ownEnclave(args: { enclave: string }): string;
  trainedAt(args: { enclave: string }): string;
  freeIn(args: { who: string; block: Block; trained: string }): string;
  canBeSpared(args: { who: string; from: string; trained: string }): string;
  wouldLeaveShort(args: { who: string; from: string; trained: string }): string;
  notEnoughAlone(args: { enclave: string }): string;
  breaksRule(args: { who: string; from: string | null; block: Block; rules: BrokenRule[] }): string;
}

// ---------------------------------------------------------------------------------------------
// English: the project's language, and the CLI's. These are the texts plans always had.

const EN_BLOCK: Record<Block, string> = { am: "morning", pm: "afternoon" };

const EN_ABSENCE: Record<AbsenceKind, string> = {
  sick: "is sick",
  leave: "is on leave",
  adv: "has an ADV day",
  training: "is in training",
  other: "is absent",
};

function enDue(deadline: string, start: string): string {
  return `due by ${weekdayName(deadline)} ${deadline}, 1 working day before the start on ${weekdayName(start)} ${start}`;
}

export const en: Phrases = {
  block: (block) => EN_BLOCK[block],
  guidance: (counts) => describeGuidance(counts),
  andMore: ({ names, more }) => names.join(", ") + (more > 0 ? ` and ${more} more` : ""),

  absent: ({ who, kind, reportedAt }) => `${who} ${EN_ABSENCE[kind] ?? "is absent"}${reportedAt ? ` (reported ${reportedAt})` : ""}`,
  notWorking: ({ who, date, block }) => `${who} does not work on ${date} in the ${EN_BLOCK[block]} (work pattern)`,

  interimNotAllowed: ({ who }) => `${who} is an interim coach and the rules do not allow interim coaches`,
  notTrained: ({ who, enclave }) => `${who} is available but not trained for ${enclave}`,
  neededAt: ({ who, at }) => (at === null ? `${who} is available but not placed (taken off by the planner, or in-house work)` : `${who} is needed at ${at}`),
  noVanSeatTo: ({ who, enclave }) => `${who} has no van seat to ${enclave}`,
  couldNotBePlaced: ({ who, enclave }) => `${who} could not be placed at ${enclave}`,

  mustNotBeStaffed: ({ enclave, reason }) => `${enclave} must not be staffed: ${reason}`,
  notNotified: ({ enclave, notifiedOn, deadline, start }) =>
    notifiedOn === null
      ? `${enclave}'s contract was not notified to WSE (${enDue(deadline, start)})`
      : `${enclave}'s contract was notified to WSE on ${notifiedOn}, too late (${enDue(deadline, start)})`,
  notifyNow: ({ enclave }) => `notify the contract to WSE now; ${enclave} can be staffed from the next working day`,
  sendTeamInHouse: ({ count, enclave }) => `send the ${count} workers of ${enclave} to in-house work today`,
  ratioCapped: ({ enclave, block, coaches, supervised, ratios, idleIds, idleCount }) =>
    `${enclave} ${block}: ${coaches} coach(es) present may supervise only ${supervised} of the workers available (ratio 1 per ${ratios.low}/${ratios.medium}/${ratios.high} by guidance need); ` +
    `${idleCount} more trained worker(s) are available (${idleIds.join(", ")}) but ${coaches} coach(es) cannot supervise them`,
  oneMoreCoachForMin: ({ enclave, block }) => `one more coach at ${enclave} in the ${EN_BLOCK[block]} lets the team reach its minimum`,
  interimFor: ({ enclave }) => `an interim coach for ${enclave}`,
  interimNotAllowedOption: () => `an interim coach (not allowed by the current rules: interimCoachesAllowed is false)`,
  ratioExceeded: ({ enclave, block, workers, guidance, needed, present }) =>
    `${enclave} ${block}: ${workers} workers (${describeGuidance(guidance)}) need ${needed} coaches by the ratio norms, ${present} present`,
  oneMoreCoach: ({ enclave, block }) => `one more coach at ${enclave} in the ${EN_BLOCK[block]}`,
  fewerWorkers: ({ count, enclave }) => `${count} worker(s) fewer at ${enclave}`,
  interimProposed: ({ enclave, block, who }) =>
    `${enclave} ${block}: interim coach ${who.join(", ")} proposed (no own coach or butterfly can cover)`,
  confirmInterim: () => "confirm the interim coach with the agency before 08:00",
  noCoach: ({ enclave, block, date, present, min, reasons }) =>
    `${enclave} has no coach in the ${EN_BLOCK[block]} on ${date} (${present} of ${min} needed): ${reasons.join("; ") || "no coach is trained for it"}`,
  homeWorkersOut: ({ count, enclave }) => `${count} workers of ${enclave} to in-house work or temporary unemployment`,
  underMin: ({ enclave, block, present, min, target, missing, couldNot }) =>
    [
      `${enclave} ${block}: ${present} workers, minimum ${min} (target ${target}), ${min - present} short`,
      ...(missing.length > 0 ? [`missing: ${missing.join("; ")}`] : []),
      couldNot.length > 0 ? `not available as stand-in: ${couldNot.join("; ")}` : "no trained stand-in is available",
    ].join(". "),
  smallerTeam: ({ present, min }) => `run with a smaller team: ${present} of minimum ${min}, after agreement with the client`,
  teamOut: ({ count }) => `${count} workers to in-house work or temporary unemployment if the enclave cannot start`,
  noSeatLeft: ({ who, enclave, routes }) =>
    `${who.join(", ")} could work at ${enclave} but no van seat is left: ${
      routes.length === 0
        ? `no route stops at ${enclave}`
        : routes.map((route) => `${route.id} (${route.day} day, ${route.morning} morning, ${route.afternoon} afternoon seats)`).join(", ")
    }`,
  extraSeat: () => "an extra seat or run on the route",
  ownTransportStandIn: () => "a worker with own transport as stand-in",

  goesInHouse: ({ who, why }) => `${who} goes to in-house work: ${why}`,
  standsIn: ({ who, at, from, why }) => `${who} stands in at ${at}${from === null ? "" : ` from ${from}`}${why ? `: ${why}` : ""}`,
  atMaximum: ({ enclave, max, block }) => `${enclave} is at its maximum of ${max} workers in the ${EN_BLOCK[block]}`,
  ratioFull: ({ coaches, enclave, block }) =>
    `${coaches} coach(es) at ${enclave} in the ${EN_BLOCK[block]} may supervise no one more by the ratio norms, and no other coach is free`,
  noVanRun: ({ run, enclave }) => `no ${run} van run stops at ${enclave}`,
  vanSeatsTaken: ({ run, enclave, routes }) => `the ${run} van seats to ${enclave} (${routes.join(", ")}) are all taken`,
  hasCoaches: ({ enclave }) => `${enclave} has the coaches it needs`,
  hasWorkers: ({ enclave }) => `${enclave} has the workers it needs`,
  workersNeedCoaches: ({ workers, guidance, needed }) =>
    `${workers} workers (${describeGuidance(guidance)}) need ${needed} coaches by the ratio norms`,
  wouldFallShort: ({ enclave, size, block, min, target }) =>
    `without stand-ins ${enclave} would have fewer than ${size} workers in the ${EN_BLOCK[block]} (minimum ${min}, target ${target})`,
  needsWorkersIn: ({ enclave, block }) => `${enclave} needs workers who work the ${EN_BLOCK[block]}`,
  movedByPlanner: ({ reason }) => `moved by the planner${reason ? `; ${reason}` : ""}`,

  ownEnclave: ({ enclave }) => `${enclave} is their own enclave`,
  trainedAt: ({ enclave }) => `trained for ${enclave}`,
  freeIn: ({ who, block, trained }) => `${who} is free in the ${EN_BLOCK[block]} and ${trained}`,
  canBeSpared: ({ who, from, trained }) => `${who} can be spared at ${from}, which stays covered without them; ${trained}`,
  wouldLeaveShort: ({ who, from, trained }) => `${who} would leave ${from} short; ${trained}`,
  notEnoughAlone: ({ enclave }) => `on their own they do not make ${enclave} fully covered`,
  breaksRule: ({ who, from, block, rules }) =>
    `${who} ${from ? `is at ${from}` : `is free in the ${EN_BLOCK[block]}`}, but moving them alone breaks a rule: ${rules
      .map((rule) => `${rule.message} (${rule.rule})`)
      .join("; ")}`,
};

// ---------------------------------------------------------------------------------------------
// Vlaams (nl-BE): what the planner reads on the board.

const NL_BLOCK: Record<Block, string> = { am: "voormiddag", pm: "namiddag" };
const NL_GUIDANCE = { low: "laag", medium: "midden", high: "hoog" } as const;
const NL_RUN: Record<Run, string> = { day: "dagrit", morning: "ochtendrit", afternoon: "middagrit" };
const NL_WEEKDAYS = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"] as const;
const NL_MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;

const NL_ABSENCE: Record<AbsenceKind, string> = {
  sick: "is ziek",
  leave: "heeft verlof",
  adv: "heeft een ADV-dag",
  training: "volgt een opleiding",
  other: "is afwezig",
};

/** The validator's rules in the board's words (web/src/lib/texts.ts says the same). */
const NL_RULE: Record<RuleCode, string> = {
  WRONG_DATE: "het plan is voor een andere datum",
  MISSING_ENCLAVE: "een enclave ontbreekt in het plan",
  DUPLICATE_ENCLAVE: "een enclave staat twee keer in het plan",
  UNKNOWN_ID: "onbekende persoon of enclave",
  WRONG_KIND: "verkeerde soort (maatwerker of begeleider)",
  RUNNING_FLAG_WRONG: "het plan zegt verkeerd of de enclave werkt",
  NOT_RUNNING: "de enclave werkt die dag niet",
  BLOCK_NOT_WORKED: "de enclave werkt dat dagdeel niet",
  NOT_NOTIFIED_STAFFED: "contract niet tijdig gemeld aan WSE: niemand inplannen",
  NOT_QUALIFIED: "niet opgeleid voor deze enclave",
  EXCLUDED: "mag nooit naar deze enclave",
  NOT_AVAILABLE: "is niet beschikbaar (afwezig of werkt dan niet)",
  DOUBLE_BOOKED: "staat al ergens anders ingepland",
  WORKER_SWITCHED_AT_NOON: "maatwerkers wisselen niet van enclave over de middag",
  COACH_SWITCHED_WITHOUT_OWN_TRANSPORT: "een begeleider wisselt over de middag alleen met eigen vervoer",
  INTERIM_NOT_ALLOWED: "interimbegeleiders zijn niet toegestaan",
  RATIO_EXCEEDED: "te weinig begeleiders voor de ploeg volgens de begeleidingsnorm",
  NO_COACH_WITH_WORKERS: "permanente begeleiding: geen maatwerkers zonder begeleider",
  OVER_MAX_HEADCOUNT: "meer maatwerkers dan de maximale ploeggrootte",
  NO_SEAT: "geen zitplaats in het busje",
  WRONG_SEAT: "verkeerde rit in het busje",
  DOUBLE_SEATED: "twee zitplaatsen in het busje",
  SEAT_NOT_NEEDED: "een zitplaats in het busje die niemand nodig heeft",
  SEATS_EXCEEDED: "busje vol",
  COVERED_FLAG_WRONG: "het plan zegt verkeerd of de enclave gedekt is",
  SILENT_PROBLEM: "het plan verzwijgt een probleem",
  STATUS_WRONG: "verkeerde status van het plan",
  IDLE_WRONG: "verkeerde lijst van wie vrij is",
};

/** "maandag 23 november"; with `withYear` "maandag 23 november 2026". */
export function dutchDate(date: string, withYear = false): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const weekday = NL_WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  return `${weekday} ${day} ${NL_MONTHS[month - 1]!}${withYear ? ` ${year}` : ""}`;
}

/** "1 maatwerker", "3 maatwerkers". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function nlGuidance(counts: GuidanceCounts): string {
  const parts = (["low", "medium", "high"] as const).filter((need) => counts[need] > 0).map((need) => `${counts[need]} ${NL_GUIDANCE[need]}`);
  return parts.length > 0 ? parts.join(", ") : "geen";
}

/** "E01, voormiddag": the start of a problem about one block. */
function nlWhere(enclave: string, block: Block): string {
  return `${enclave}, ${NL_BLOCK[block]}`;
}

function nlDue(deadline: string, start: string): string {
  return `uiterlijk ${dutchDate(deadline, true)}, 1 werkdag voor de start op ${dutchDate(start, true)}`;
}

export const nl: Phrases = {
  block: (block) => NL_BLOCK[block],
  guidance: nlGuidance,
  andMore: ({ names, more }) => names.join(", ") + (more > 0 ? ` en nog ${more} ${more === 1 ? "andere" : "anderen"}` : ""),

  absent: ({ who, kind, reportedAt }) => `${who} ${NL_ABSENCE[kind] ?? "is afwezig"}${reportedAt ? ` (gemeld om ${reportedAt})` : ""}`,
  notWorking: ({ who, date, block }) => `${who} werkt ${dutchDate(date)} in de ${NL_BLOCK[block]} niet (uurrooster)`,

  interimNotAllowed: ({ who }) => `${who} is interimbegeleider en de regels laten geen interimbegeleiders toe`,
  notTrained: ({ who, enclave }) => `${who} is beschikbaar maar niet opgeleid voor ${enclave}`,
  neededAt: ({ who, at }) => (at === null ? `${who} is beschikbaar maar niet ingepland (door de planner afgezet, of intern werk)` : `${who} is nodig bij ${at}`),
  noVanSeatTo: ({ who, enclave }) => `${who} heeft geen zitplaats in het busje naar ${enclave}`,
  couldNotBePlaced: ({ who, enclave }) => `${who} kon niet bij ${enclave} ingepland worden`,

  mustNotBeStaffed: ({ enclave, reason }) => `${enclave} mag niet bemand worden: ${reason}`,
  notNotified: ({ enclave, notifiedOn, deadline, start }) =>
    notifiedOn === null
      ? `er is geen kennisgeving WSE voor het contract van ${enclave} (${nlDue(deadline, start)})`
      : `de kennisgeving WSE voor het contract van ${enclave} kwam te laat, op ${dutchDate(notifiedOn, true)} (${nlDue(deadline, start)})`,
  notifyNow: ({ enclave }) => `doe nu de kennisgeving van het contract aan WSE; ${enclave} kan vanaf de volgende werkdag bemand worden`,
  sendTeamInHouse: ({ count: n, enclave }) => `stuur ${n === 1 ? "de maatwerker" : `de ${n} maatwerkers`} van ${enclave} vandaag naar intern werk (in het eigen atelier)`,
  ratioCapped: ({ enclave, block, coaches, supervised, ratios, idleIds, idleCount }) =>
    `${nlWhere(enclave, block)}: ${count(coaches, "aanwezige begeleider mag", "aanwezige begeleiders mogen")} maar ${supervised} van de beschikbare maatwerkers begeleiden ` +
    `(begeleidingsnorm 1 per ${ratios.low}/${ratios.medium}/${ratios.high} volgens begeleidingsnood laag/midden/hoog); ` +
    `nog ${count(idleCount, "opgeleide maatwerker is", "opgeleide maatwerkers zijn")} beschikbaar (${idleIds.join(", ")}), ` +
    `maar ${count(coaches, "begeleider mag", "begeleiders mogen")} niet meer maatwerkers begeleiden`,
  oneMoreCoachForMin: ({ enclave, block }) =>
    `met één begeleider extra bij ${enclave} in de ${NL_BLOCK[block]} haalt de ploeg de minimumbezetting`,
  interimFor: ({ enclave }) => `een interimbegeleider voor ${enclave}`,
  interimNotAllowedOption: () => "een interimbegeleider (volgens de huidige regels niet toegestaan: interimCoachesAllowed staat uit)",
  ratioExceeded: ({ enclave, block, workers, guidance, needed, present }) =>
    `${nlWhere(enclave, block)}: ${count(workers, "maatwerker", "maatwerkers")} (${nlGuidance(guidance)}) ${workers === 1 ? "vraagt" : "vragen"} volgens de begeleidingsnorm ` +
    `${count(needed, "begeleider", "begeleiders")}, ${present} aanwezig`,
  oneMoreCoach: ({ enclave, block }) => `één begeleider extra bij ${enclave} in de ${NL_BLOCK[block]}`,
  fewerWorkers: ({ count: n, enclave }) => `${count(n, "maatwerker", "maatwerkers")} minder bij ${enclave}`,
  interimProposed: ({ enclave, block, who }) =>
    `${nlWhere(enclave, block)}: interimbegeleider ${who.join(", ")} voorgesteld (geen eigen begeleider of vlinder kan het overnemen)`,
  confirmInterim: () => "bevestig de interimbegeleider vóór 08:00 bij het interimkantoor",
  noCoach: ({ enclave, block, date, present, min, reasons }) =>
    `${enclave} heeft ${dutchDate(date)} in de ${NL_BLOCK[block]} geen begeleider (${present} van de ${min} nodig): ` +
    (reasons.join("; ") || "er is geen begeleider voor opgeleid"),
  homeWorkersOut: ({ count: n, enclave }) => `${count(n, "maatwerker", "maatwerkers")} van ${enclave} naar intern werk of tijdelijke werkloosheid`,
  underMin: ({ enclave, block, present, min, target, missing, couldNot }) =>
    [
      `${nlWhere(enclave, block)}: ${count(present, "maatwerker", "maatwerkers")}, minimumbezetting ${min} (doelbezetting ${target}), ${min - present} te weinig`,
      ...(missing.length > 0 ? [`Afwezig: ${missing.join("; ")}`] : []),
      couldNot.length > 0 ? `Niet beschikbaar als vervanger: ${couldNot.join("; ")}` : "Er is geen opgeleide vervanger beschikbaar",
    ].join(". "),
  smallerTeam: ({ present, min }) => `met een kleinere ploeg werken: ${present} van minimaal ${min}, na akkoord met de klant`,
  teamOut: ({ count: n }) => `${count(n, "maatwerker", "maatwerkers")} naar intern werk of tijdelijke werkloosheid als de enclave niet kan starten`,
  noSeatLeft: ({ who, enclave, routes }) =>
    `${who.join(", ")} ${who.length === 1 ? "kan" : "kunnen"} bij ${enclave} werken, maar er is geen zitplaats in het busje meer: ${
      routes.length === 0
        ? `geen enkele rit stopt bij ${enclave}`
        : routes
            .map((route) => `${route.id} (${route.day} op de dagrit, ${route.morning} op de ochtendrit, ${route.afternoon} op de middagrit)`)
            .join(", ")
    }`,
  extraSeat: () => "een extra zitplaats of een extra rit op de route",
  ownTransportStandIn: () => "een maatwerker met eigen vervoer als vervanger",

  goesInHouse: ({ who, why }) => `${who} gaat naar intern werk: ${why}`,
  standsIn: ({ who, at, from, why }) => `${who} valt in bij ${at}${from === null ? "" : ` (komt van ${from})`}${why ? `: ${why}` : ""}`,
  atMaximum: ({ enclave, max, block }) => `${enclave} zit in de ${NL_BLOCK[block]} al aan het maximum van ${count(max, "maatwerker", "maatwerkers")}`,
  ratioFull: ({ coaches, enclave, block }) =>
    `${count(coaches, "begeleider", "begeleiders")} bij ${enclave} in de ${NL_BLOCK[block]} ${coaches === 1 ? "mag" : "mogen"} volgens de begeleidingsnorm ` +
    "niemand meer begeleiden, en er is geen andere begeleider vrij",
  noVanRun: ({ run, enclave }) => `er stopt geen ${NL_RUN[run]} van het busje bij ${enclave}`,
  vanSeatsTaken: ({ run, enclave, routes }) => `alle zitplaatsen op de ${NL_RUN[run]} naar ${enclave} (${routes.join(", ")}) zijn bezet`,
  hasCoaches: ({ enclave }) => `${enclave} heeft al genoeg begeleiders`,
  hasWorkers: ({ enclave }) => `${enclave} heeft al genoeg maatwerkers`,
  workersNeedCoaches: ({ workers, guidance, needed }) =>
    `${count(workers, "maatwerker", "maatwerkers")} (${nlGuidance(guidance)}) ${workers === 1 ? "vraagt" : "vragen"} volgens de begeleidingsnorm ${count(needed, "begeleider", "begeleiders")}`,
  wouldFallShort: ({ enclave, size, block, min, target }) =>
    `zonder vervangers had ${enclave} in de ${NL_BLOCK[block]} minder dan ${count(size, "maatwerker", "maatwerkers")} (minimumbezetting ${min}, doelbezetting ${target})`,
  needsWorkersIn: ({ enclave, block }) => `${enclave} heeft maatwerkers nodig die in de ${NL_BLOCK[block]} werken`,
  movedByPlanner: ({ reason }) => `verplaatst door de planner${reason ? `; ${reason}` : ""}`,

  ownEnclave: ({ enclave }) => `${enclave} is de eigen enclave`,
  trainedAt: ({ enclave }) => `opgeleid voor ${enclave}`,
  freeIn: ({ who, block, trained }) => `${who} is vrij in de ${NL_BLOCK[block]} en ${trained}`,
  canBeSpared: ({ who, from, trained }) => `${who} kan gemist worden bij ${from}: die enclave blijft ook zonder hem of haar gedekt; ${trained}`,
  wouldLeaveShort: ({ who, from, trained }) => `als ${who} weggaat, komt ${from} tekort; ${trained}`,
  notEnoughAlone: ({ enclave }) => `deze verplaatsing alleen dekt ${enclave} nog niet volledig`,
  breaksRule: ({ who, from, block, rules }) =>
    `${who} ${from ? `staat bij ${from}` : `is vrij in de ${NL_BLOCK[block]}`}, maar alleen deze verplaatsing breekt een regel: ${rules
      .map((rule) => {
        const about = [rule.who, rule.enclave ? `bij ${rule.enclave}` : "", rule.block ? `in de ${NL_BLOCK[rule.block]}` : ""].filter(Boolean).join(" ");
        return about ? `${about} — ${NL_RULE[rule.rule]}` : NL_RULE[rule.rule];
      })
      .join("; ")}`,
};

const BOOKS: Record<Language, Phrases> = { en, nl };

/** The phrase book of a language. */
export function phrasesFor(language: Language): Phrases {
  return BOOKS[language];
}
