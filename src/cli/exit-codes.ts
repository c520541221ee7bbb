/**
 * The exit statuses of `vlinder`, part of its public contract (scripts and cron jobs test
 * them): 0 ok, 1 `check` found violations, 2 bad input (nothing was written), 70 internal
 * error (sysexits EX_SOFTWARE: a bug in vlinder, never the user's input).
 */
export const EXIT = {
  ok: 0,
  violations: 1,
  badInput: 2,
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
