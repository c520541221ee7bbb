/** The card's status: covered, short of people, or without a coach (the three colours of the board). */
import type { PlanEnclave } from "../api/types.ts";

export type EnclaveStatus = "covered" | "short" | "nocoach";

export function enclaveStatus(enclave: PlanEnclave): EnclaveStatus {
  if (enclave.covered) return "covered";
  const noCoach =
    enclave.problems.some((p) => p.code === "NO_QUALIFIED_COACH") ||
    enclave.blocks.am.coachIds.length === 0 ||
    enclave.blocks.pm.coachIds.length === 0;
  return noCoach ? "nocoach" : "short";
}

export const STATUS_TEXT: Record<EnclaveStatus, string> = {
  covered: "Gedekt",
  short: "Tekort",
  nocoach: "Geen begeleider",
};

export const STATUS_ICON: Record<EnclaveStatus, string> = { covered: "✓", short: "!", nocoach: "✕" };

export function changeKey(change: { personId: string; from: string | null; to: string | null; block?: string }): string {
  return `${change.personId}|${change.from ?? "-"}|${change.to ?? "-"}|${change.block ?? "*"}`;
}
