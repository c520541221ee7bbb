/**
 * The errors the repositories throw, each with a code the service's one error translator maps
 * to HTTP: NOT_FOUND → 404, CONFLICT → 409 (a write would leave the data inconsistent, e.g.
 * deleting an enclave people still belong to, or a name already taken), VERSION_CONFLICT →
 * 409 (the plan version changed meanwhile). Invalid scenario data is `ScenarioInputError`
 * (src/scenario/validate-scenario.ts, code INVALID_INPUT → 400 with `issues`), the same class
 * the CLI and the HTTP body validation use.
 */
export type DomainErrorCode = "NOT_FOUND" | "CONFLICT" | "VERSION_CONFLICT";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable facts: the references that block a delete, the newest version number, … */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function notFound(what: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError("NOT_FOUND", `${what} does not exist`, details);
}

/** Prisma's "unique constraint failed" (P2002), from either database. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
