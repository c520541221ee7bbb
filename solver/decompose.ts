/**
 * Solving a large model site by site: a branch and bound over the few rows the sites share.
 *
 * partitionModel cuts the model into parts that share only packing rows (a person trained on
 * two sites: "one place per person"). Every part keeps its share of such a row with the full
 * capacity — a relaxation — and is solved alone, lexicographically, by the exact part solver.
 *
 * - Lexicographic optima add up over independent parts, so the sum of the parts' level values
 *   bounds the whole model (for a maximised level from above, a minimised one from below).
 * - If the parts' answers together keep every shared row (nobody is used twice), that sum is
 *   reached: the answer is lexicographically optimal for the whole model.
 * - Otherwise a shared row is over its capacity. Its capacity is split, in two children: part
 *   A gets at most u − 1 (u: what A uses now), or A keeps u and the other parts share what is
 *   left. Every integral point of the node lies in one child; only the parts whose answer no
 *   longer fits are solved again. Children are searched best bound first; a node whose bound
 *   is no better than the best point found is pruned.
 *
 * A node's bound is a bound on the levels every part in it was proven optimal on (a prefix: a
 * site proven on coverage and shortfalls but not yet on moves bounds the first three levels).
 * Nodes are pruned on that prefix only, and the answer is reported proven on the levels that
 * every node searched was exact on and that no node the time left open can improve. A node
 * whose site solve ran out of time is set aside and solved again with more time once the open
 * nodes are done, rather than limiting the proof for good.
 *
 * A search still open after RIVAL_AFTER_MS may have a rival on another core (a part thread):
 * the whole model solved at once, where the dense simplex can take it, or else the search's
 * best point polished by pairs of sites; the first proof of every level wins, otherwise the
 * better point with the proofs that hold for it (weighAnswers).
 */
import { evaluate, fixOutside, restrictPoint, violatedRows, type LinearModel } from "./linear-model.ts";
import { holdRow, polishSlacks, solveLexicographic, trivialBound, type LexicographicResult } from "./lexicographic-solve.ts";
import { partitionModel, type Partition } from "./partition.ts";
import type { PendingParts } from "./part-threads.ts";
import { nobodyPlaced, type PartsResult } from "./parts-result.ts";

export interface DecomposeOptions {
  deadline: number;
  /** A feasible point of the whole model (the greedy start). */
  incumbent: Map<string, number>;
  /** Most variables per part (see partitionModel). */
  maxPartVariables?: number;
  /**
   * A search left open at its share of the time gives the rest to the whole model, from its
   * best point, instead of to pairs of sites: for models the dense simplex can still solve
   * whole (solveParts decides).
   */
  wholeAfterSearch?: boolean;
  /** The search's share of the time after the root solves (default SEARCH_SHARE, or WHOLE_SEARCH_SHARE). */
  searchShare?: number;
  /**
   * Starts the whole model elsewhere (in a part thread), from a point, to its deadline — or,
   * for a model too large for that, polishes the point by pairs of sites there from the first
   * level not yet settled (`settled`: the levels the search has proven so far): null when
   * nowhere is free. A search not ended RIVAL_AFTER_MS after it began asks for it, with its best
   * point. Against a whole-model rival (wholeAfterSearch) it then searches to the deadline
   * instead of handing the rest to the whole model here, and the first to prove every level
   * wins; a polishing rival leaves the search as it is. Otherwise the better point wins, with
   * the proofs of either that hold for it.
   */
  rival?: (point: Map<string, number>, settled: number) => PendingParts | null;
  /** How long the search runs before it asks for a rival (default RIVAL_AFTER_MS). */
  rivalAfterMs?: number;
  /** The share of its root budget a part solved again in the search gets (default SEARCH_SOLVE_SHARE). */
  searchSolveShare?: number;
}

/** What came of racing the whole model (DecomposeOptions.rival). */
export type RivalOutcome = "none" | "called off" | "taken" | "not taken";

export interface DecomposedResult {
  status: "optimal" | "feasible";
  values: Map<string, number>;
  /** Per level: proven optimal for the whole model. */
  proven: boolean[];
  parts: number;
  linkingRows: number;
  nodes: number;
  partSolves: number;
  /** Part solves in the search stopped after their first levels: their node could not win (cannotWin). */
  stoppedSolves: number;
  /** Pairs of sites whose re-solve improved the best point after the search (polishByPairs). */
  polished: number;
  /** Site solves given more time for a node set aside because one ran out of it (solvedAgain). */
  solvedAgain: number;
  /** "none": no rival started; "called off": the search proved every level first; else whether the rival's point was taken. */
  rival: RivalOutcome;
}

const TOLERANCE = 1e-6;

/** Most variables in one site of a model solved site by site (partitionModel's maxPartVariables). */
export const MAX_SITE_VARIABLES = 450;

/** A part solved again in the search gets this share of its root budget (see solvePart). */
const SEARCH_SOLVE_SHARE = 1 / 4;

/**
 * Share of the time after the root solves that the search over shared rows may use; a search
 * still open then leaves the rest to polishing its best point by pairs of sites (polishByPairs).
 * Generated 160: the search proves coverage and minimum shortfall in its first second and then
 * finds nothing better in the next six (106 move points, HiGHS's optimum 96); pairs re-solved
 * in the last three seconds bring it to 96 (to 106 only, when a pair not finished in 100 ms was
 * dropped for good).
 */
const SEARCH_SHARE = 0.7;
/**
 * The search's share when the whole model takes over after it (wholeAfterSearch): generated
 * 40-enclave company 4's whole solve proves its coverage to moves levels in the last 30% of
 * 10 s, and its stand-in level too in the last 50%; company 8's search, which proves it site
 * by site, ends at 3.3-3.9 s.
 */
const WHOLE_SEARCH_SHARE = 0.5;
/**
 * A search still open this long after it began races the whole model in a part thread
 * (DecomposeOptions.rival). Most days end their search well before (generated 40-enclave
 * companies, seeds 1-10: all but two plans and three re-plans within 0.5 s of solving); the
 * two that do not take seconds: company 8's search proves it in 3.3-4.7 s and the whole model
 * does not in 10 s, company 4's does not in 10 s and the whole model proves it in 5.3 s.
 */
const RIVAL_AFTER_MS = 500;
/** How long a search waits before it asks again for a rival when none could be started. */
const RIVAL_RETRY_MS = 100;
/** Time for one pair of sites in polishByPairs' first round (doubled each round it does not finish in). */
const PAIR_SOLVE_MS = 100;

/** Per shared row and part: the least the part keeps (lo) and the most it may use (hi). */
type Shares = Map<number, Map<number, { lo: number; hi: number }>>;

interface PartAnswer {
  values: Map<string, number>;
  /** Level values of this part (without offsets). */
  levels: number[];
  /** How many leading levels are proven optimal for this part. */
  provenLevels: number;
  /** The time it was solved with (ms): an answer not proven on every level may be solved again with more. */
  budget: number;
  /** Stopped after its first levels because its node could not win (cannotWin): never solved again. */
  stopped: boolean;
}

interface Node {
  shares: Shares;
  answers: PartAnswer[];
  bound: number[];
  /** The bound is valid on this many leading levels: every part's answer is proven on them. */
  exactLevels: number;
  depth: number;
  /** A shared row the parts' answers together put over capacity, or null when they fit. */
  over: number | null;
}

export function solveByDecomposition(model: LinearModel, options: DecomposeOptions): DecomposedResult | null {
  const partition = partitionModel(model, { maxPartVariables: options.maxPartVariables ?? MAX_SITE_VARIABLES });
  if (partition.parts.length <= 1) return null;
  const search = new SharedRowSearch(model, partition, options);
  try {
    return search.run();
  } catch (error) {
    // A rival still at work when the search throws is not waited for.
    search.callOffRival();
    throw error;
  }
}

class SharedRowSearch {
  private readonly model: LinearModel;
  private readonly partition: Partition;
  private readonly options: DecomposeOptions;
  /** For each part, the shared rows it has a share of: index into partition.linking. */
  private readonly rowsOfPart: number[][];
  private readonly cache = new Map<string, PartAnswer>();
  /**
   * Repairs already made (repairUnion): by the point repaired, then by part and capacities. A
   * node's answers are mostly its parent's (only the parts that no longer fit are solved
   * again), so its repairs mostly are too: generated 80, 278 repairs a plan, 66 different.
   */
  private readonly repairs = new WeakMap<Map<string, number>, Map<string, { values: Map<string, number>; loss: number[] }>>();
  private partSolves = 0;
  /** Pairs of sites whose re-solve improved the best point (polishByPairs). */
  private polished = 0;
  private solvedAgainCount = 0;
  /** The rival the search started (DecomposeOptions.rival), if any. */
  private rival: PendingParts | null = null;
  private stoppedSolves = 0;
  private nodes = 0;
  private readonly rootShare: number;
  /** The best point found: at first the greedy start, which keeps every row of the whole model. */
  private best: { values: Map<string, number>; levels: number[] };

  constructor(model: LinearModel, partition: Partition, options: DecomposeOptions) {
    this.model = model;
    this.partition = partition;
    this.options = options;
    this.rowsOfPart = partition.parts.map(() => []);
    this.rootShare = (options.deadline - performance.now()) / partition.parts.length;
    this.best = { values: options.incumbent, levels: this.levelsOf(options.incumbent) };
    partition.linking.forEach((link, r) => {
      for (const share of link.shares) this.rowsOfPart[share.part]!.push(r);
    });
  }

  run(): DecomposedResult {
    const began = performance.now();
    const { model, partition } = this;
    const parts = partition.parts;
    const levelCount = model.objectives.length;
    const rootShares: Shares = new Map(partition.linking.map((link, r) => [r, new Map(link.shares.map((s) => [s.part, { lo: 0, hi: link.row.rhs }]))]));
    const rootAnswers: PartAnswer[] = [];
    for (let p = 0; p < parts.length; p++) {
      const start = restrictPoint(this.options.incumbent, parts[p]!);
      rootAnswers.push(this.solvePart(p, rootShares, start, parts.length - p));
    }
    const open: Node[] = [this.node(rootShares, rootAnswers, 0)];
    let provenLevels = levelCount;
    const share = this.options.searchShare ?? (this.options.wholeAfterSearch === true ? WHOLE_SEARCH_SHARE : SEARCH_SHARE);
    const searchUntil = performance.now() + (this.options.deadline - performance.now()) * share;
    let gaveUp = false;
    // Dive first: follow the better child down until the sites' answers fit together, which
    // gives a strong incumbent to prune with; then best bound first.
    let dive: Node | null = null;
    let diving = true;
    /**
     * Nodes whose bound a site solve left short of the last level (it ran out of time), set
     * aside until the open nodes are done, then solved again with more time (solvedAgain).
     */
    const setAside: Node[] = [];
    // Nodes the time left open (or set aside) still prove a prefix: the levels on which their
    // bound is exact and no better than the best point.
    const settled = () => [...open, ...setAside].reduce((prefix, node) => Math.min(prefix, this.settledPrefix(node)), provenLevels);
    let askRivalAt = began + (this.options.rivalAfterMs ?? RIVAL_AFTER_MS);
    let rivalAnswer: PartsResult | null = null;
    /** Whether the rival has answered with every level proven (then the search has lost the race). */
    const rivalWon = (): boolean => {
      if (this.rival === null || (rivalAnswer === null && !this.rival.ready())) return false;
      rivalAnswer ??= answerOfRival(this.rival, levelCount);
      return rivalAnswer.proven.every(Boolean);
    };
    /** Searches the open nodes until `until` (or none is left, or a rival has answered). */
    const search = (until: number) => {
      while (open.length > 0 || setAside.length > 0) {
        if (performance.now() >= until) break;
        if (open.length === 0) {
          setAside.sort((a, b) => this.compare(b.bound, a.bound));
          const retried = this.solvedAgain(setAside[0]!, until);
          // No more time to give before `until`: the nodes stay set aside (and count as open).
          if (retried === null) break;
          setAside.shift();
          open.push(retried);
          continue;
        }
        if (this.rival === null && this.options.rival !== undefined && performance.now() >= askRivalAt) {
          // Asked again a little later while nowhere is free (a part thread still starting).
          askRivalAt = performance.now() + RIVAL_RETRY_MS;
          this.rival = this.options.rival(this.best.values, settled());
        }
        if (rivalWon()) break;
        let node: Node;
        if (dive !== null) {
          node = dive;
          open.splice(open.indexOf(dive), 1);
          dive = null;
        } else {
          // Best bound first; among equal bounds the deepest (nearest a feasible point).
          open.sort((a, b) => this.compare(b.bound, a.bound) || b.depth - a.depth);
          node = open.shift()!;
        }
        this.nodes++;
        // The dive ends at the first node whose parts fit together (node() took its point).
        if (node.over === null) diving = false;
        // A dominated node holds no point better than the best one, on any level: whatever its
        // bound was exact on, it leaves the proof as it is (a site solve stopped early by
        // cannotWin is exact on its first levels only, and its node is dominated on them).
        if (this.dominated(node)) continue;
        if (node.exactLevels < levelCount && shortAnswers(node, levelCount).length > 0) {
          setAside.push(node);
          continue;
        }
        provenLevels = Math.min(provenLevels, node.exactLevels);
        const over = node.over;
        if (over === null) continue;
        const children = this.branch(node, over);
        if (children === null) {
          // Only when a part's answer broke its own share (a part solve that failed): give up
          // on this node rather than claim a proof.
          gaveUp = true;
          continue;
        }
        for (const child of children) {
          if (this.dominated(child)) continue;
          open.push(child);
          if (diving && (dive === null || this.compare(child.bound, dive.bound) > 0)) dive = child;
        }
      }
    };
    search(searchUntil);
    // Racing the whole model: the search goes on to the deadline (or the rival's answer). A
    // rival that only polishes (a model too large to solve whole) races nothing: the search
    // leaves its last share to its own pairs of sites as without it, and the better point wins.
    const racing = this.rival !== null && this.options.wholeAfterSearch === true;
    if (racing) search(this.options.deadline);
    // Nodes still set aside are open: their bounds count on the levels they are exact on.
    open.push(...setAside.splice(0));
    /** Levels the whole model's solve proved (wholeAfterSearch), for its point. */
    let wholeProven: boolean[] = [];
    if (racing) {
      // The rival's answer is weighed below, against the search's proof.
    } else if ((open.length > 0 || gaveUp || settled() < levelCount) && this.options.wholeAfterSearch === true && this.options.deadline - performance.now() > 1) {
      // A search left unproven, by its time or before it (a node whose site solve ran out of
      // time bounds only its first levels: 40-enclave company 4's re-plan ended so at 4 s): the
      // rest of the time to the whole model. Company 4 (1,048 variables, three sites sharing
      // ten people): its target shortfall not proven site by site in 10 s; from the search's
      // point at 5 s the whole model proves every level by 8.8-9.9 s (alone: 3.4 s; HiGHS: 1 s).
      const whole = solveLexicographic(this.model, { timeoutMs: Math.max(1, this.options.deadline - performance.now()), incumbent: this.best.values, neighbourhoodsFirst: false });
      if (whole.status === "optimal" || whole.status === "feasible") {
        // It starts from the best point and only ever improves on it, level by level.
        const levels = this.levelsOf(whole.values);
        if (this.compare(levels, this.best.levels) >= 0 && violatedRows(this.model, whole.values).length === 0) {
          this.best = { values: whole.values, levels };
          wholeProven = whole.levels.map((level) => level.optimal);
        }
      }
    } else if (open.length > 0 && !gaveUp) {
      // A search left open: the rest of the time improves the best point by pairs of sites.
      // Only a better feasible point is taken, so the proof above stands (and may settle more
      // nodes). When the pairs find nothing more, the search goes on with the time left.
      const polished = polishByPairs(this.model, this.partition, this.best.values, settled(), this.options.deadline);
      if (polished.pairs > 0) this.best = { values: polished.values, levels: this.levelsOf(polished.values) };
      this.polished += polished.pairs;
      search(this.options.deadline);
    }
    provenLevels = settled();
    // A level whose best value is its trivial bound cannot be improved, whatever the search
    // left open: once the levels above are proven, so is it (generated 40: no enclave short of
    // its minimum, proven though a site solved again in the search ran out of time there).
    while (provenLevels < levelCount && Math.abs(this.best.levels[provenLevels]! - trivialBound(model, model.objectives[provenLevels]!)) <= TOLERANCE) provenLevels++;
    // Proven on the levels every node's bound was exact on (and no open node can improve).
    let proven = model.objectives.map((_, k) => (!gaveUp && k < provenLevels) || wholeProven[k] === true);
    let rivalOutcome: RivalOutcome = "none";
    if (this.rival !== null) {
      if (proven.every(Boolean)) {
        this.rival.callOff();
        rivalOutcome = "called off";
      } else {
        const chosen = weighAnswers(this.model, { values: this.best.values, proven }, rivalAnswer ?? answerOfRival(this.rival, levelCount));
        rivalOutcome = chosen.values === this.best.values ? "not taken" : "taken";
        this.best = { values: chosen.values, levels: this.levelsOf(chosen.values) };
        proven = chosen.proven;
      }
    }
    return {
      status: proven.every(Boolean) ? "optimal" : "feasible",
      values: this.best.values,
      proven,
      parts: parts.length,
      linkingRows: partition.linking.length,
      nodes: this.nodes,
      partSolves: this.partSolves,
      stoppedSolves: this.stoppedSolves,
      polished: this.polished,
      solvedAgain: this.solvedAgainCount,
      rival: rivalOutcome,
    };
  }

  /** Calls off the rival the search started, if any (nothing once its answer was collected or called off). */
  callOffRival(): void {
    this.rival?.callOff();
  }

  /**
   * A node set aside with the site answers that ran out of time solved again from where they
   * were, with twice their time or what is left before `until` (shared between them), whichever
   * is less — as long as that is more than they had. A node whose site solve was not proven on
   * a level would otherwise limit the whole search's proof to the levels above it, for good
   * (40-enclave company 8 on a slower machine: one site's target shortfall unproven in a node's
   * 830 ms, and so every level from it on, with 4 s left when the search ended). Null when there
   * is no more time to give.
   */
  private solvedAgain(node: Node, until: number): Node | null {
    const short = shortAnswers(node, this.model.objectives.length);
    if (short.length === 0) return null;
    const had = Math.max(...short.map(({ answer }) => answer.budget));
    const budget = Math.min(2 * had, (until - performance.now()) / short.length);
    if (budget <= had) return null;
    const answers = [...node.answers];
    for (const { answer, p } of short) answers[p] = this.solvePart(p, node.shares, answer.values, 0, undefined, budget);
    this.solvedAgainCount += short.length;
    return this.node(node.shares, answers, node.depth);
  }

  /** Splits the capacity of shared row `r` (over capacity at this node) in two children. */
  private branch(node: Node, r: number): Node[] | null {
    const link = this.partition.linking[r]!;
    const shares = node.shares.get(r)!;
    const usage = new Map(link.shares.map((share) => [share.part, evaluate(share.terms, node.answers[share.part]!.values)]));
    // A part that uses more than it is sure to keep exists whenever the row is over capacity
    // (the keeps add up to at most the capacity). Take the one that uses least: its loss is
    // the likeliest to be cheap.
    let chosen = -1;
    for (const share of link.shares) {
      const used = usage.get(share.part)!;
      if (used <= shares.get(share.part)!.lo + TOLERANCE) continue;
      if (chosen === -1 || used < usage.get(chosen)!) chosen = share.part;
    }
    if (chosen === -1) return null;
    const used = Math.round(usage.get(chosen)!);
    const lower = cloneShares(node.shares);
    lower.get(r)!.get(chosen)!.hi = used - 1;
    const keep = cloneShares(node.shares);
    keep.get(r)!.get(chosen)!.lo = used;
    return [lower, keep].map((shares) => {
      // The parts solved again are under tighter shares than at the parent, so the parent's
      // answers (and those solved again already) bound what this child's parts can reach.
      const answers = [...node.answers];
      answers.forEach((answer, p) => {
        if (!this.fits(p, shares, answer.values)) answers[p] = this.solvePart(p, shares, answer.values, 0, this.cannotWin(answers, p));
      });
      return this.node(shares, answers, node.depth + 1);
    });
  }

  /**
   * Whether a node cannot beat the best point once part p's proven levels are `values` (its
   * first levels), given `answers` for the other parts: answers proven on those levels at
   * least, each as good as or better than what that part can reach at the node (the parent's,
   * under looser shares). Lexicographic optima add up, so the node's bound on those levels is
   * at most the sum; strictly worse than the best point there, the node is pruned (dominated)
   * whatever part p's later levels are: its solve can stop. Generated 28-enclave company 10:
   * 16 site solves in the search, most of them for children that lose an enclave or a worker
   * of minimum shortfall, each solved to its last level.
   */
  private cannotWin(answers: PartAnswer[], p: number): (values: number[]) => boolean {
    return (values) => {
      const k = values.length;
      if (answers.some((answer, q) => q !== p && answer.provenLevels < k)) return false;
      const bound = values.map((value, level) => value + answers.reduce((sum, answer, q) => (q === p ? sum : sum + answer.levels[level]!), 0));
      return this.compare(bound, this.best.levels.slice(0, k)) < 0;
    };
  }

  /**
   * A node of the search, and at once the best point it offers: the parts' answers together
   * when they fit, else their repair — so that every solved node counts even when the time
   * runs out before it is searched.
   */
  private node(shares: Shares, answers: PartAnswer[], depth: number): Node {
    const bound = this.model.objectives.map((_, k) => answers.reduce((sum, answer) => sum + answer.levels[k]!, 0));
    const exactLevels = Math.min(...answers.map((answer) => answer.provenLevels));
    const node: Node = { shares, answers, bound, exactLevels, depth, over: null };
    const values = union(answers.map((answer) => answer.values));
    node.over = this.overCapacity(answers.map((answer) => answer.values));
    const candidate = node.over === null ? values : this.repairUnion(node);
    const levels = node.over === null ? bound : this.levelsOf(candidate);
    if (this.compare(levels, this.best.levels) > 0 && violatedRows(this.model, candidate).length === 0) this.best = { values: candidate, levels };
    return node;
  }

  /**
   * A feasible point near the node's answers: for each shared row over capacity, the part
   * that loses least by giving up its excess (its answer repaired under the smaller share)
   * gives it up. Repairing costs no solve, so every node's answers yield a candidate.
   */
  private repairUnion(node: Node): Map<string, number> {
    const answers = node.answers.map((answer) => answer.values);
    const shares = cloneShares(node.shares);
    for (let guard = 0; guard < this.partition.linking.length * 4; guard++) {
      const over = this.overCapacity(answers);
      if (over === null) break;
      const link = this.partition.linking[over]!;
      const usage = link.shares.map((share) => evaluate(share.terms, answers[share.part]!));
      const total = usage.reduce((sum, used) => sum + used, 0);
      let choice: { part: number; values: Map<string, number>; loss: number[] } | null = null;
      link.shares.forEach((share, i) => {
        if (usage[i]! <= TOLERANCE) return;
        const trial = cloneShares(shares);
        trial.get(over)!.get(share.part)!.hi = Math.max(0, Math.round(usage[i]! - (total - link.row.rhs)));
        for (const q of trial.get(over)!.keys()) trial.get(over)!.get(q)!.lo = 0;
        const { values, loss } = this.repaired(share.part, trial, answers[share.part]!);
        if (choice === null || this.compare(loss, choice.loss) > 0) choice = { part: share.part, values, loss };
      });
      if (choice === null) break;
      const chosen: { part: number; values: Map<string, number> } = choice;
      answers[chosen.part] = chosen.values;
    }
    return union(answers);
  }

  /** Part p's `point` repaired under `shares` (repairPoint), and what that costs it on each level. */
  private repaired(p: number, shares: Shares, point: Map<string, number>): { values: Map<string, number>; loss: number[] } {
    const key = `${p}|${this.rowsOfPart[p]!.map((r) => this.capacity(p, r, shares)).join(",")}`;
    let byKey = this.repairs.get(point);
    if (byKey === undefined) this.repairs.set(point, (byKey = new Map()));
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const model = this.partWith(p, shares);
    const values = repairPoint(model, point);
    const loss = model.objectives.map((objective) => evaluate(objective.terms, values) - evaluate(objective.terms, point));
    const repair = { values, loss };
    byKey.set(key, repair);
    return repair;
  }

  /**
   * The first shared row the parts' points (by part) together put over its capacity, or null:
   * each row summed from its shares, without making the whole model's point.
   */
  private overCapacity(points: Map<string, number>[]): number | null {
    for (let r = 0; r < this.partition.linking.length; r++) {
      const link = this.partition.linking[r]!;
      let used = 0;
      for (const share of link.shares) used += evaluate(share.terms, points[share.part]!);
      if (used > link.row.rhs + TOLERANCE) return r;
    }
    return null;
  }

  /** What part p may use of shared row r: its own most, and what the others' keeps leave. */
  private capacity(p: number, r: number, shares: Shares): number {
    const rowShares = shares.get(r)!;
    let othersKeep = 0;
    for (const [q, share] of rowShares) if (q !== p) othersKeep += share.lo;
    return Math.min(rowShares.get(p)!.hi, this.partition.linking[r]!.row.rhs - othersKeep);
  }

  private fits(p: number, shares: Shares, values: Map<string, number>): boolean {
    return this.rowsOfPart[p]!.every((r) => {
      const terms = this.partition.linking[r]!.shares.find((share) => share.part === p)!.terms;
      return evaluate(terms, values) <= this.capacity(p, r, shares) + TOLERANCE;
    });
  }

  /** Part p with its shares of the shared rows cut to what it may use at this node. */
  private partWith(p: number, shares: Shares): LinearModel {
    const part = this.partition.parts[p]!;
    const shared = new Map(this.rowsOfPart[p]!.map((r) => [this.partition.linking[r]!.row.name, this.capacity(p, r, shares)]));
    return { ...part, rows: part.rows.map((row) => (shared.has(row.name) ? { ...row, rhs: shared.get(row.name)! } : row)) };
  }

  /**
   * Part p under the node's shares, started from `near` (the greedy start at the root, the
   * parent's answer in the search), repaired to fit the shares when it does not.
   * `partsLeft`: parts still to solve at the root (this one included), 0 in the search.
   * `stopAfter`: stops the solve after a proven level (see cannotWin); such an answer is proven
   * on those levels only, and not kept for another node.
   */
  private solvePart(p: number, shares: Shares, near: Map<string, number>, partsLeft: number, stopAfter?: (values: number[]) => boolean, budgetMs?: number): PartAnswer {
    const key = `${p}|${this.rowsOfPart[p]!.map((r) => this.capacity(p, r, shares)).join(",")}`;
    const cached = this.cache.get(key);
    if (cached && budgetMs === undefined) return cached;
    const model = this.partWith(p, shares);
    const feasible = (point: Map<string, number>) => violatedRows(model, point).length === 0;
    let start = near;
    if (!feasible(start)) start = repairPoint(model, near);
    if (!feasible(start)) start = repairPoint(model, new Map());
    // At the root each part gets a fair share of the time left, so one hard site cannot
    // starve the rest; a part solved again in the search gets a quarter of its root share:
    // its coverage and shortfalls are settled in a fraction of that, and what a whole share
    // bought was a lower level of a hard site proven again and again while the search waited
    // (generated 160: 145 of 147 covered in 10 s with the whole share, 147 with a quarter,
    // coverage proven; an eighth: the same; a sixteenth: generated 40's last level unproven).
    const left = this.options.deadline - performance.now();
    const budget = budgetMs ?? Math.max(1, partsLeft > 0 ? left / partsLeft : Math.min(left / 2, this.rootShare * (this.options.searchSolveShare ?? SEARCH_SOLVE_SHARE)));
    this.partSolves++;
    let stopped = false;
    const result: LexicographicResult = solveLexicographic(model, {
      timeoutMs: budget,
      incumbent: start,
      ...(stopAfter ? { stopAfter: (values: number[]) => (stopped = stopAfter(values)) } : {}),
    });
    const values = result.status === "timeout" || result.status === "infeasible" ? start : result.values;
    const answer: PartAnswer = {
      values,
      levels: model.objectives.map((objective) => evaluate(objective.terms, values)),
      provenLevels: result.status === "timeout" || result.status === "infeasible" ? 0 : provenPrefix(result),
      budget,
      stopped,
    };
    if (stopped) this.stoppedSolves++;
    else this.cache.set(key, answer);
    return answer;
  }

  private levelsOf(values: Map<string, number>): number[] {
    return levelsOf(this.model, values);
  }

  /**
   * Whether no point of the node can beat the best one: its bound, valid on its first
   * exactLevels levels, is worse there — or, when valid on all levels, no better.
   */
  private dominated(node: Node): boolean {
    const k = node.exactLevels;
    const onPrefix = this.compare(node.bound.slice(0, k), this.best.levels.slice(0, k));
    return k === this.model.objectives.length ? onPrefix <= 0 : onPrefix < 0;
  }

  /**
   * How many leading levels an unsearched node cannot improve on the best point: its bound is
   * exact there, and no better — up to the first level where it is better (it might improve
   * that one), or all its exact levels once it is worse on one (then it cannot win at all).
   */
  private settledPrefix(node: Node): number {
    for (let k = 0; k < node.exactLevels; k++) {
      const difference = node.bound[k]! - this.best.levels[k]!;
      if (Math.abs(difference) <= TOLERANCE) continue;
      const better = this.model.objectives[k]!.sense === "max" ? difference > 0 : difference < 0;
      return better ? k : node.exactLevels;
    }
    return node.exactLevels;
  }

  /** Lexicographic comparison of level vectors: > 0 when `a` is better. */
  private compare(a: number[], b: number[]): number {
    return compareLevels(this.model, a, b);
  }
}

/**
 * Improves a feasible point of a model cut into sites until `deadline` by re-solving two sites
 * that share people at a time, everything else fixed at the point: the pair's levels from
 * `from` on, lexicographically, the levels above held at their values. A pair is a
 * Westhoek-sized model twice over, solved exactly in milliseconds, where the search over shared
 * rows, which splits one shared person at a time, does not get to the combination (generated
 * 160). Pairs sharing the most rows first, in rounds: a pair is solved again only after the
 * point has changed since it was last solved to the end; one that ran out of its time gets
 * twice as long in the next round (generated 160: the pairs around its two hardest sites, 4
 * and 6, need seconds, not the 100 ms the others take). Only a lexicographically better point
 * that keeps every row is taken. `firstPairMs`: a pair's time in the first round. Returns the
 * point and how many pair solves improved it.
 */
export function polishByPairs(
  model: LinearModel,
  partition: Partition,
  start: Map<string, number>,
  from: number,
  deadline: number,
  firstPairMs = PAIR_SOLVE_MS,
): { values: Map<string, number>; pairs: number } {
  const shared = new Map<string, { a: number; b: number; rows: number; limit: number; settled: number }>();
  for (const link of partition.linking) {
    for (const x of link.shares) {
      for (const y of link.shares) {
        if (x.part >= y.part) continue;
        const key = `${x.part},${y.part}`;
        const pair = shared.get(key) ?? { a: x.part, b: y.part, rows: 0, limit: firstPairMs, settled: -1 };
        pair.rows++;
        shared.set(key, pair);
      }
    }
  }
  const pairs = [...shared.values()].sort((x, y) => y.rows - x.rows);
  let best = { values: start, levels: levelsOf(model, start) };
  let improvements = 0;
  /** Each pair remembers the improvement count it was last solved to the end at (`settled`). */
  const waiting = () => pairs.filter((pair) => pair.settled !== improvements);
  for (let round = waiting(); round.length > 0 && performance.now() < deadline; round = waiting()) {
    round.forEach((pair, i) => {
      const left = deadline - performance.now();
      if (left <= 1 || pair.settled === improvements) return;
      const free = new Set([...partition.parts[pair.a]!.variables.keys(), ...partition.parts[pair.b]!.variables.keys()]);
      const fixed = fixOutside(model, free, best.values);
      const held = fixed.objectives.slice(0, from).map((objective) => holdRow(objective, evaluate(objective.terms, best.values)));
      const pairModel: LinearModel = { ...fixed, rows: [...fixed.rows, ...held], objectives: fixed.objectives.slice(from) };
      const seen = improvements;
      const result = solveLexicographic(pairModel, { timeoutMs: Math.min(pair.limit, left / (round.length - i)), incumbent: restrictPoint(best.values, pairModel) });
      if (result.status === "optimal") pair.settled = seen;
      else pair.limit *= 2;
      if (result.status === "timeout" || result.status === "infeasible") return;
      const candidate = new Map(best.values);
      for (const [name, value] of result.values) candidate.set(name, value);
      // In the pair's model the levels above are rows, so its shortfalls are not polished there
      // (a shortfall in two rows is no slack): one at 9.001 of the hold row's slack made a pair's
      // better moves look worse on the minimum shortfall, and they were thrown away.
      polishSlacks(model, candidate);
      const levels = levelsOf(model, candidate);
      if (compareLevels(model, levels, best.levels) > 0 && violatedRows(model, candidate).length === 0) {
        best = { values: candidate, levels };
        improvements++;
        // Its own answer is the optimum of its sites with the rest as it is now.
        if (result.status === "optimal") pair.settled = improvements;
      }
    });
  }
  return { values: best.values, pairs: improvements };
}

/** A node's site answers that ran out of time short of the last level (not those cannotWin stopped). */
function shortAnswers(node: Node, levelCount: number): { answer: PartAnswer; p: number }[] {
  return node.answers.map((answer, p) => ({ answer, p })).filter(({ answer }) => answer.provenLevels < levelCount && !answer.stopped);
}

/**
 * A rival's answer, or one that is never taken (nobody placed, proven on no level) when the
 * rival failed: a part thread's failure costs the race, not the plan.
 */
function answerOfRival(rival: PendingParts, levelCount: number): PartsResult {
  try {
    return rival.answer();
  } catch {
    return nobodyPlaced([], levelCount);
  }
}

/**
 * The search's answer against a rival's (DecomposeOptions.rival): the lexicographically better
 * point (the search's on a tie; a rival's that is not a plan, or breaks a row, is never taken),
 * proven on each level that its own proof covers, or that the other's covers where the two agree
 * on that level and on every level above it (the same optimum, reached by both).
 */
export function weighAnswers(
  model: LinearModel,
  ours: { values: Map<string, number>; proven: boolean[] },
  theirs: PartsResult,
): { values: Map<string, number>; proven: boolean[] } {
  const usable = (theirs.status === "optimal" || theirs.status === "feasible") && violatedRows(model, theirs.values).length === 0;
  if (!usable) return ours;
  const ourLevels = levelsOf(model, ours.values);
  const theirLevels = levelsOf(model, theirs.values);
  const [chosen, other] = compareLevels(model, theirLevels, ourLevels) > 0 ? [theirs, ours] : [ours, theirs];
  let agreeing = true;
  const proven = chosen.proven.map((own, k) => {
    agreeing &&= Math.abs(ourLevels[k]! - theirLevels[k]!) <= TOLERANCE;
    return own || (agreeing && other.proven[k] === true);
  });
  return { values: chosen.values, proven };
}

/** Each level's value (without offsets) at a point of `model`. */
function levelsOf(model: LinearModel, values: Map<string, number>): number[] {
  return model.objectives.map((objective) => evaluate(objective.terms, values));
}

/** Lexicographic comparison of level vectors of `model`: > 0 when `a` is better. */
function compareLevels(model: LinearModel, a: number[], b: number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const difference = a[k]! - b[k]!;
    if (Math.abs(difference) <= TOLERANCE) continue;
    return model.objectives[k]!.sense === "max" ? difference : -difference;
  }
  return 0;
}

/** How many leading levels of a lexicographic result are proven optimal. */
function provenPrefix(result: LexicographicResult): number {
  const first = result.levels.findIndex((level) => !level.optimal);
  return first === -1 ? result.levels.length : first;
}

function cloneShares(shares: Shares): Shares {
  return new Map([...shares].map(([r, byPart]) => [r, new Map([...byPart].map(([p, share]) => [p, { ...share }]))]));
}

/** The parts' points as one point of the whole model (parts share no variable). */
function union(points: Map<string, number>[]): Map<string, number> {
  const values = new Map<string, number>();
  for (const point of points) for (const [name, value] of point) values.set(name, value);
  return values;
}

/**
 * A feasible point near `point`, by undoing what breaks a row: an integer variable that pushes
 * a `≤` row over (or holds a `≥` row under with a negative coefficient) goes to 0 — a person
 * leaves a place, an enclave is no longer counted covered — and a continuous variable that can
 * make up a `≥` row (a shortfall) rises to what the row needs. For the day model this always
 * ends: nobody placed, every shortfall at its full value, keeps every row.
 */
export function repairPoint(model: LinearModel, point: Map<string, number>): Map<string, number> {
  const values = restrictPoint(point, model);
  for (let pass = 0; pass < 4 * model.rows.length + 10; pass++) {
    let changed = false;
    for (const row of model.rows) {
      const lhs = evaluate(row.terms, values);
      if (row.sense === "<=" ? lhs <= row.rhs + TOLERANCE : lhs >= row.rhs - TOLERANCE) continue;
      changed = true;
      if (row.sense === ">=") {
        // Make up with a continuous variable first (a shortfall), else drop a negative term.
        const slack = [...row.terms].find(([name, c]) => c > 0 && !model.variables.get(name)!.integer);
        if (slack) {
          const [name, c] = slack;
          values.set(name, (values.get(name) ?? 0) + (row.rhs - lhs) / c);
          continue;
        }
        const negative = [...row.terms].find(([name, c]) => c < 0 && (values.get(name) ?? 0) > 0);
        if (negative) values.set(negative[0], 0);
      } else {
        const positive = [...row.terms].find(([name, c]) => c > 0 && (values.get(name) ?? 0) > 0);
        if (positive) values.set(positive[0], 0);
      }
    }
    if (!changed) return values;
  }
  return values;
}
