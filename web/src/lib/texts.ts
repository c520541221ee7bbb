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
  RATIO: "begeleidingsnorm (1 begeleider per 13 laag / 10 midden / 7 hoog)",
  NO_COACH: "permanente begeleiding: minstens één begeleider",
  NO_QUALIFIED_COACH: "permanente begeleiding: minstens één opgeleide begeleider",
  QUALIFICATION: "niet opgeleid voor deze enclave",
  NOT_QUALIFIED: "niet opgeleid voor deze enclave",
  EXCLUDED: "mag nooit naar deze enclave",
  EXCLUSION: "mag nooit naar deze enclave",
  UNAVAILABLE: "is niet beschikbaar (afwezig of werkt niet volgens het contract)",
  AVAILABILITY: "is niet beschikbaar (afwezig of werkt niet volgens het contract)",
  ABSENT: "is afwezig",
  MAX_HEADCOUNT: "maximale ploeggrootte",
  OVER_MAX_HEADCOUNT: "maximale ploeggrootte",
  MIN_HEADCOUNT: "minimale ploeggrootte",
  UNDER_MIN_HEADCOUNT: "minimale ploeggrootte",
  TRANSPORT: "geen vrije plaats in het busje",
  NO_TRANSPORT: "geen vrije plaats in het busje",
  NOT_RUNNING: "de enclave werkt die dag niet",
  NOT_NOTIFIED: "contract niet tijdig gemeld aan WSE",
  DOUBLE_BOOKING: "staat al ergens anders ingepland",
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
  INTERNAL: "Fout in de dienst",
  NETWORK: "Geen verbinding",
};
