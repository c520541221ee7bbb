/**
 * The absence model of one simulated year: expected sick days and episode lengths, leave and
 * ADV counts, the preference for school holidays and bridge days, pro rata for part-timers,
 * butterflies' training days outside the school holidays.
 */
import { describe, expect, it } from "vitest";
import { AbsenceSampler } from "../../src/estimate/absences.ts";
import { AM, PM, buildCoverageModel, buildYearCalendar, type AbsenceParameters, type PersonSpec } from "../../src/estimate/coverage-model.ts";
import { createStream, mixSeed } from "../../src/estimate/random.ts";

const calendar = buildYearCalendar(2027, "BE");
const days = calendar.dates.length;
const fullTime = Uint8Array.from(calendar.workingDay, (w) => (w ? AM | PM : 0));
const fourFifths = Uint8Array.from(calendar.dates, (date, d) => (calendar.workingDay[d] && new Date(`${date}T12:00:00Z`).getUTCDay() !== 3 ? AM | PM : 0));
const person = (id: string, schedule: Uint8Array): PersonSpec => ({ id, home: -1, qualified: [], schedule });

function sample(params: AbsenceParameters, schedule: Uint8Array, floater: boolean, years: number) {
  const model = buildCoverageModel(calendar, [], [person("P", schedule)], []);
  const sampler = new AbsenceSampler(model, params, { kind: "clustered" });
  const perDay = new Float64Array(days);
  const marks = new Int32Array(days);
  let total = 0;
  for (let year = 0; year < years; year++) {
    const absent = new Uint8Array(days);
    total += sampler.fill(0, createStream(mixSeed(11, year, 0)), absent, floater, marks);
    absent.forEach((a, d) => (perDay[d]! += a));
    expect(absent.every((a, d) => a === 0 || schedule[d] !== 0)).toBe(true);
  }
  return { meanDays: total / years, perDay };
}

describe("sickness in episodes", () => {
  const sickOnly = { leaveDays: 0, advDays: 0, sickDays: 15, sickEpisodeMeanDays: 5, trainingDays: 0 };

  it("a full-time person is sick 15 working days a year on average", () => {
    expect(sample(sickOnly, fullTime, false, 3000).meanDays).toBeCloseTo(15, 0);
  });

  it("episodes last 5 working days on average, so sick days come in runs", () => {
    const model = buildCoverageModel(calendar, [], [person("P", fullTime)], []);
    const sampler = new AbsenceSampler(model, sickOnly, { kind: "clustered" });
    const working = calendar.dates.map((_, d) => d).filter((d) => calendar.workingDay[d] === 1);
    let episodes = 0;
    let sickDays = 0;
    for (let year = 0; year < 3000; year++) {
      const absent = new Uint8Array(days);
      sampler.fill(0, createStream(mixSeed(5, year, 0)), absent, false, new Int32Array(days));
      working.forEach((d, i) => {
        if (absent[d] !== 1) return;
        sickDays++;
        if (i === 0 || absent[working[i - 1]!] !== 1) episodes++;
      });
    }
    // Episodes cut by 1 January or 31 December, or touching each other, look a little shorter.
    expect(sickDays / episodes).toBeGreaterThan(4.4);
    expect(sickDays / episodes).toBeLessThan(5.3);
  });
});

describe("leave, ADV and training", () => {
  const params = { leaveDays: 10, advDays: 7, sickDays: 0, sickEpisodeMeanDays: 5, trainingDays: 10 };

  it("books exactly the leave and ADV days, plus training days for a butterfly", () => {
    expect(sample(params, fullTime, false, 200).meanDays).toBe(17);
    expect(sample(params, fullTime, true, 200).meanDays).toBe(27);
  });

  it("a 4/5 part-timer gets four fifths of them (pro rata)", () => {
    const { meanDays } = sample(params, fourFifths, false, 2000);
    expect(meanDays).toBeGreaterThan(17 * 0.8 - 0.3);
    expect(meanDays).toBeLessThan(17 * 0.8 + 0.3);
  });

  it("prefers school holidays and bridge days, and keeps training out of the school holidays", () => {
    const { perDay } = sample({ ...params, trainingDays: 0 }, fullTime, false, 2000);
    let inHolidays = 0;
    let holidayDays = 0;
    let total = 0;
    calendar.dates.forEach((_, d) => {
      if (calendar.workingDay[d] !== 1) return;
      total += perDay[d]!;
      if (calendar.schoolHoliday[d] === 1) {
        inHolidays += perDay[d]!;
        holidayDays++;
      }
    });
    const workingDays = calendar.fullTimeDays;
    // Uniform leave would put holidayDays / workingDays of it in the holidays.
    expect(inHolidays / total).toBeGreaterThan(1.5 * (holidayDays / workingDays));
    const bridge = calendar.dates.indexOf("2027-05-07");
    const ordinary = calendar.dates.indexOf("2027-10-13"); // a Wednesday far from any holiday
    expect(perDay[bridge]!).toBeGreaterThan(4 * perDay[ordinary]!);

    const training = sample({ ...params, leaveDays: 0, advDays: 0 }, fullTime, true, 500).perDay;
    expect(calendar.dates.every((_, d) => calendar.schoolHoliday[d] !== 1 || training[d] === 0)).toBe(true);
  });
});
