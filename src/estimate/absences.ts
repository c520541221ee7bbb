/**
 * One simulated year of absences for one person: sickness in episodes, leave and ADV days
 * chosen by the person, training days for butterflies.
 *
 * DOMAIN.md, the yearly question: the simulation must respect "absence patterns (sickness
 * comes in episodes, leave clusters in holidays), butterflies' own absences and training
 * days". Our model, per person and year, on the days their work pattern schedules:
 *
 * - Sickness is a two-state Markov chain over the person's working days (healthy → sick with
 *   probability α, sick → healthy with 1/sickEpisodeMeanDays), started in its stationary
 *   state. Episodes then have geometric lengths with the given mean, and the stationary share
 *   of sick days is sickDays / (working days of a full-time year), so the expected number of
 *   sick working days is exactly `sickDays` for a full-time person and pro rata for a
 *   part-timer. Runs are drawn as whole stretches (two draws per episode, not one per day).
 * - Leave and ADV are booked after sickness (a leave day lost to illness is taken later,
 *   as Belgian law allows), `leaveDays` and `advDays` times the person's work fraction. Start
 *   days are drawn with the preference weights of the year calendar (school holidays 3×,
 *   bridge days 8×); leave that starts in a school holiday is booked as a week (five working
 *   days), other leave as one or two days, ADV as single days.
 * - Butterflies' training days are single working days outside the school holidays, when the
 *   enclaves they train in run normally.
 * Absences are whole days: the model does not book half days.
 */
import type { AbsenceParameters, AbsencePlacement, CoverageModel } from "./coverage-model.ts";
import { geometric, stochasticRound, type Stream } from "./random.ts";

/** Our choice: leave booked in a school holiday is a week; elsewhere one day, sometimes two. */
const HOLIDAY_LEAVE_CHUNK = 5;
const TWO_DAY_LEAVE_CHANCE = 0.3;
/** Upper bound on the sick share, so that the chain stays well defined for silly inputs. */
const MAX_SICK_SHARE = 0.9;

export class AbsenceSampler {
  /** Each person's scheduled days: workStart[p]..workStart[p+1] into workDays. */
  private readonly workStart: Int32Array;
  private readonly workDays: Int32Array;
  /** Cumulative leave preference over the scheduled days of all people, in order. */
  private readonly leaveCum: Float64Array;

  constructor(
    private readonly model: CoverageModel,
    private readonly params: AbsenceParameters,
    private readonly placement: AbsencePlacement,
  ) {
    const { days, schedule, leaveWeight } = model;
    const people = model.memberCount + model.floaterCount;
    this.workStart = new Int32Array(people + 1);
    const list: number[] = [];
    for (let p = 0; p < people; p++) {
      for (let d = 0; d < days; d++) if ((schedule[p * days + d] ?? 0) !== 0) list.push(d);
      this.workStart[p + 1] = list.length;
    }
    this.workDays = Int32Array.from(list);
    // One running sum over everyone: a person's weights are the differences within their range.
    this.leaveCum = new Float64Array(list.length);
    let sum = 0;
    for (let j = 0; j < list.length; j++) {
      sum += leaveWeight[this.workDays[j]!] ?? 0;
      this.leaveCum[j] = sum;
    }
  }

  /** Where `mark` writes: the person's day array and the list of days marked. */
  private absent: Uint8Array = new Uint8Array(0);
  private marks: Int32Array = new Int32Array(0);
  private marked = 0;

  private mark(day: number): void {
    this.absent[day] = 1;
    this.marks[this.marked++] = day;
  }

  /**
   * Marks the person's absent days with 1 in `absent` (indexed by day; the caller clears it),
   * lists them in `marks` (room for every day of the year) and returns how many there are.
   */
  fill(person: number, stream: Stream, absent: Uint8Array, floater: boolean, marks: Int32Array): number {
    this.absent = absent;
    this.marks = marks;
    this.marked = 0;
    this.place(person, stream, absent, floater);
    return this.marked;
  }

  private place(person: number, stream: Stream, absent: Uint8Array, floater: boolean): void {
    const start = this.workStart[person]!;
    const end = this.workStart[person + 1]!;
    if (end === start) return;
    if (this.placement.kind === "independent") {
      const p = this.placement.probability;
      for (let j = start; j < end; j++) if (stream.next() < p) this.mark(this.workDays[j]!);
      return;
    }
    const fraction = this.model.workFraction[person] ?? 0;
    this.sickness(start, end, stream);
    this.book(start, end, stochasticRound(stream, this.params.leaveDays * fraction), stream, absent, true);
    this.book(start, end, stochasticRound(stream, this.params.advDays * fraction), stream, absent, false);
    if (floater) this.training(start, end, stochasticRound(stream, this.params.trainingDays * fraction), stream, absent);
  }

  private sickness(start: number, end: number, stream: Stream): void {
    const { sickDays, sickEpisodeMeanDays } = this.params;
    const share = Math.min(MAX_SICK_SHARE, this.model.fullTimeDays > 0 ? sickDays / this.model.fullTimeDays : 0);
    if (share <= 0) return;
    const recover = 1 / Math.max(1, sickEpisodeMeanDays);
    const fall = (share * recover) / (1 - share);
    let sick = stream.next() < share;
    let j = start;
    while (j < end) {
      const length = geometric(stream, sick ? recover : fall);
      if (sick) {
        const stop = Math.min(end, j + length);
        for (let i = j; i < stop; i++) this.mark(this.workDays[i]!);
      }
      j += length;
      sick = !sick;
    }
  }

  /** Index in start..end-1 drawn with the leave preference weights, or -1 when none is left. */
  private drawDay(start: number, end: number, stream: Stream): number {
    const before = start > 0 ? this.leaveCum[start - 1]! : 0;
    const total = this.leaveCum[end - 1]! - before;
    if (!(total > 0)) return -1;
    const target = before + stream.next() * total;
    let lo = start;
    let hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.leaveCum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private book(start: number, end: number, count: number, stream: Stream, absent: Uint8Array, leave: boolean): void {
    let remaining = count;
    let misses = 0;
    const { leaveWeight, schoolHoliday } = this.model;
    while (remaining > 0 && misses < 64) {
      const j = this.drawDay(start, end, stream);
      if (j < 0) break;
      const day = this.workDays[j]!;
      if (absent[day] === 1) {
        misses++;
        continue;
      }
      let chunk = 1;
      if (leave) chunk = schoolHoliday[day] === 1 ? HOLIDAY_LEAVE_CHUNK : stream.next() < TWO_DAY_LEAVE_CHANCE ? 2 : 1;
      for (let i = j; i < end && chunk > 0 && remaining > 0; i++) {
        const d = this.workDays[i]!;
        if (absent[d] === 1 || (leaveWeight[d] ?? 0) === 0) continue;
        this.mark(d);
        chunk--;
        remaining--;
      }
    }
    // Almost no free day left (a tiny part-time pattern): take whatever is free, in order.
    for (let i = start; i < end && remaining > 0; i++) {
      const d = this.workDays[i]!;
      if (absent[d] === 1 || (leaveWeight[d] ?? 0) === 0) continue;
      this.mark(d);
      remaining--;
    }
  }

  private training(start: number, end: number, count: number, stream: Stream, absent: Uint8Array): void {
    let remaining = count;
    let misses = 0;
    const { leaveWeight, schoolHoliday } = this.model;
    while (remaining > 0 && misses < 64) {
      const d = this.workDays[start + Math.floor(stream.next() * (end - start))]!;
      if (absent[d] === 1 || schoolHoliday[d] === 1 || (leaveWeight[d] ?? 0) === 0) {
        misses++;
        continue;
      }
      this.mark(d);
      remaining--;
    }
  }
}
