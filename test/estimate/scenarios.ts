/**
 * Small scenarios for the estimate tests, built in code: the hearing's company (13 enclaves
 * running every weekday, one full-time fixed coach each) and hand-made cases for the matching.
 */
import { scenarioSchema, type Scenario, type ScenarioInput } from "../../src/scenario/schema.ts";

const WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
const FULL_TIME = [{ dtstart: "2024-01-01", rrule: WEEKDAYS, blocks: ["am", "pm"] as ("am" | "pm")[] }];

export interface SmallCompany {
  enclaves: number;
  /** Enclaves without a fixed coach (always short): the last ones. */
  coachless?: number;
  /** Per butterfly, the enclave numbers (1-based) it is trained for; default: all. */
  butterflies?: (number[] | "all")[];
  absenceModel?: ScenarioInput["absenceModel"];
}

export const enclaveId = (i: number): string => `E${String(i).padStart(2, "0")}`;

export function smallCompany(company: SmallCompany): Scenario {
  const ids = Array.from({ length: company.enclaves }, (_, i) => enclaveId(i + 1));
  const coached = company.enclaves - (company.coachless ?? 0);
  const input: ScenarioInput = {
    version: 1,
    organisation: { name: "Testbedrijf" },
    enclaves: ids.map((id, i) => ({
      id,
      name: `Enclave ${id}`,
      client: `Klant ${id}`,
      contract: { start: "2024-01-01", notifiedOn: "2023-12-01" },
      schedule: { dtstart: "2024-01-01", rrule: WEEKDAYS },
      staffing: { min: 7, target: 7, max: 9 },
      fixedCoachIds: i < coached ? [`C${id}`] : [],
    })),
    workers: [],
    coaches: [
      ...ids.slice(0, coached).map((id) => ({
        id: `C${id}`,
        name: `Coach ${id}`,
        role: "fixed" as const,
        homeEnclaveId: id,
        workPattern: FULL_TIME,
      })),
      ...(company.butterflies ?? []).map((trained, b) => ({
        id: `V${b + 1}`,
        name: `Vlinder ${b + 1}`,
        role: "butterfly" as const,
        homeEnclaveId: null,
        qualifiedEnclaveIds: trained === "all" ? ids : trained.map(enclaveId),
        workPattern: FULL_TIME,
      })),
    ],
    absenceModel: company.absenceModel,
  };
  return scenarioSchema.parse(input);
}

/** The hearing: 13 fixed coaches with 10 leave, 7 ADV and 15 sick days; 4 butterflies. */
export function hearingCompany(): Scenario {
  return smallCompany({
    enclaves: 13,
    butterflies: ["all", "all", "all", "all"],
    absenceModel: { leaveDays: 10, advDays: 7, sickDays: 15, sickEpisodeMeanDays: 5, butterflyTrainingDays: 10 },
  });
}
