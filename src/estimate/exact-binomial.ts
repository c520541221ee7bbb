/**
 * The textbook case, computed exactly: n enclaves with one fixed coach each, k butterflies
 * trained for all of them, and every person absent on each day independently with
 * probability p. Then the fixed coaches absent A ~ Bin(n, p), the butterflies available
 * B ~ Bin(k, 1 − p), a day is fully covered when A ≤ B and max(0, A − B) enclaves stay
 * uncovered. The simulation must agree with these numbers (issue 4, correctness checks).
 */

/** P(X = i) for X ~ Bin(n, p), i = 0..n. */
export function binomialPmf(n: number, p: number): number[] {
  const pmf: number[] = [];
  let coefficient = 1;
  for (let i = 0; i <= n; i++) {
    pmf.push(coefficient * p ** i * (1 - p) ** (n - i));
    coefficient = (coefficient * (n - i)) / (i + 1);
  }
  return pmf;
}

export interface ExactCoverage {
  /** P(A ≤ B): the share of days on which every enclave is covered. */
  fullDaysShare: number;
  /** E[max(0, A − B)]: uncovered enclaves on an average day. */
  uncoveredPerDay: number;
}

export function exactCoverage(n: number, k: number, p: number): ExactCoverage {
  const absent = binomialPmf(n, p);
  const available = binomialPmf(k, 1 - p);
  let fullDaysShare = 0;
  let uncoveredPerDay = 0;
  absent.forEach((pa, a) => {
    available.forEach((pb, b) => {
      if (a <= b) fullDaysShare += pa * pb;
      else uncoveredPerDay += pa * pb * (a - b);
    });
  });
  return { fullDaysShare, uncoveredPerDay };
}
