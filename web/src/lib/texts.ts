/** The board's words (nl-BE) for the codes of the core and the API. */
import type { AbsenceKind, Block, Guidance, Problem, Role } from "../api/types.ts";

export const GUIDANCE: Record<Guidance, string> = { low: "laag", medium: "midden", high: "hoog" };
export const BLOCK: Record<Block, string> = { am: "voormiddag", pm: "namiddag" };
export const BLOCK_SHORT: Record<Block, string> = { am: "VM", pm: "NM" };
export const ABSENCE_KIND: Record<AbsenceKind, string> = {
  sick: "ziek",
  leave: "verlof",
  adv: "ADV-dag",
  training: "opleiding",
  other: "andere",
};
export const COACH_ROLE: Record<string, string> = {
  fixed: "vaste begeleider",
  butterfly: "vlinderbegeleider",
  interim: "interimbegeleider",
  worker: "maatwerker",
};
export const USER_ROLE: Record<Role, string> = { viewer: "lezer", hr: "HR", planner: "planner", admin: "beheerder" };
export const RUN: Record<string, string> = { day: "dagrit", morning: "ochtendrit", afternoon: "middagrit" };
export const TRANSPORT: Record<string, string> = { van: "busje", own: "eigen vervoer" };

/** The plan's priorities (plan.stats.levels, solver/daily-model.ts LEVEL_NAMES); unknown names are shown as they come. */
const LEVEL: Record<string, string> = {
  "enclaves fully covered": "volledig bezette enclaves",
  "shortfall below minimum headcount": "tekort onder de minimumbezetting",
  "shortfall below target headcount": "tekort onder de streefbezetting",
  "moves (stability)": "verschuivingen (stabiliteit)",
  "stand-in blocks used": "ingezette invalblokken",
};

export function levelText(name: string): string {
  return LEVEL[name] ?? name;
}

/**
 * What the board says of a computed plan's proof: "optimaal", or which priorities are proven
 * the best possible and which may still improve (the time limit left them open).
 */
export function proofText(stats: { optimal: boolean; levels?: string[] | undefined; proven?: boolean[] | undefined }): string {
  if (stats.optimal) return "optimaal";
  const { levels, proven } = stats;
  if (!levels || !proven || proven.length !== levels.length || !proven.some(Boolean)) return "niet bewezen optimaal";
  const open = levels.filter((_, i) => !proven[i]).map(levelText);
  return `niet bewezen optimaal: ${open.join(", ")} ${open.length === 1 ? "kan" : "kunnen"} nog beter`;
}

export const PROBLEM: Record<Problem["code"], string> = {
  NO_QUALIFIED_COACH: "Geen opgeleide begeleider",
  RATIO_EXCEEDED: "Te weinig begeleiders voor de ploeg (begeleidingsnorm)",
  UNDER_MIN_HEADCOUNT: "Ploeg onder het minimum",
  NO_TRANSPORT: "Geen plaats in het busje",
  NOT_NOTIFIED: "Niet tijdig gemeld aan WSE",
  INTERIM_PROPOSED: "Interimbegeleider voorgesteld",
};

/** Rule names a refused move may cite (422 violations); unknown names are shown as they come. */
const RULES: Record<string, string> = {
  // the plan validator's rule codes (src/validation/violation.ts)
  NOT_RUNNING: "de enclave werkt die dag niet",
  BLOCK_NOT_WORKED: "werkt dat blok niet volgens het contract",
  NOT_NOTIFIED_STAFFED: "contract niet tijdig gemeld aan WSE: niemand inplannen",
  NOT_QUALIFIED: "niet opgeleid voor deze enclave",
  EXCLUDED: "mag nooit naar deze enclave",
  NOT_AVAILABLE: "is niet beschikbaar (afwezig of werkt niet volgens het contract)",
  DOUBLE_BOOKED: "staat al ergens anders ingepland",
  WORKER_SWITCHED_AT_NOON: "maatwerkers wisselen niet van enclave over de middag",
  COACH_SWITCHED_WITHOUT_OWN_TRANSPORT: "een begeleider wisselt over de middag alleen met eigen vervoer",
  INTERIM_NOT_ALLOWED: "interimbegeleiders zijn niet toegestaan",
  RATIO_EXCEEDED: "begeleidingsnorm: 1 begeleider per 13 (laag), 10 (midden) of 7 (hoog) maatwerkers",
  NO_COACH_WITH_WORKERS: "permanente begeleiding: geen maatwerkers zonder begeleider",
  OVER_MAX_HEADCOUNT: "maximale ploeggrootte",
  NO_SEAT: "geen plaats in het busje",
  WRONG_SEAT: "verkeerde rit in het busje",
  DOUBLE_SEATED: "twee plaatsen in het busje",
  SEATS_EXCEEDED: "busje vol",
  UNKNOWN_ID: "onbekende persoon of enclave",
  WRONG_KIND: "verkeerde soort (maatwerker of begeleider)",
};

export function ruleText(rule: string): string {
  return RULES[rule] ?? rule.toLowerCase().replaceAll("_", " ");
}

export const ERROR_CODE: Record<string, string> = {
  INVALID_INPUT: "Ongeldige invoer",
  UNAUTHENTICATED: "Niet aangemeld",
  FORBIDDEN: "Dat mag uw rol niet",
  NOT_FOUND: "Niet gevonden",
  VERSION_CONFLICT: "Iemand anders heeft het plan intussen gewijzigd; het nieuwste plan is geladen",
  RULE_BROKEN: "Deze verplaatsing breekt een regel",
  PLAN_OUT_OF_DATE: "Het plan klopt niet meer met de nieuwe gegevens (een ziekmelding?): herplan eerst, verplaats daarna",
  INTERNAL: "Fout in de dienst",
  NETWORK: "Geen verbinding",
};
