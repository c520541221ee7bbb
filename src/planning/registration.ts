/**
 * The daily registration (dagelijkse registratie): the composition of every enclave team,
 * recorded before the team starts.
 *
 * DOMAIN.md rule 9: "the team composition of each enclave is recorded before it starts, and is
 * what the inspection compares with the people it finds on site." One row per person per
 * enclave — enclave, client, address, role, person, the blocks and the times they are there —
 * so an inspector can tick people off, as CSV for the records and as a printable page.
 */
import type { Block, Plan, Scenario } from "../scenario/schema.ts";

export interface RegistrationRow {
  date: string;
  enclaveId: string;
  enclaveName: string;
  client: string;
  address: string;
  role: "coach" | "worker";
  personId: string;
  personName: string;
  /** "am", "pm" or "am+pm". */
  blocks: string;
  start: string;
  end: string;
}

export const REGISTRATION_COLUMNS: readonly (keyof RegistrationRow)[] = [
  "date",
  "enclaveId",
  "enclaveName",
  "client",
  "address",
  "role",
  "personId",
  "personName",
  "blocks",
  "start",
  "end",
];

/** The rows of the registration of `plan`, enclaves in plan order, coaches before workers. */
export function registrationRows(scenario: Scenario, plan: Plan): RegistrationRow[] {
  const names = new Map<string, string>([...scenario.workers, ...scenario.coaches].map((p) => [p.id, p.name]));
  const rows: RegistrationRow[] = [];
  for (const entry of plan.enclaves) {
    if (!entry.running) continue;
    const enclave = scenario.enclaves.find((e) => e.id === entry.enclaveId);
    if (!enclave) continue;
    const address = enclave.address ?? (enclave.location ? `${enclave.location.lat}, ${enclave.location.lon}` : "");
    for (const role of ["coach", "worker"] as const) {
      const key = role === "coach" ? "coachIds" : "workerIds";
      const blocksOf = new Map<string, Block[]>();
      for (const block of ["am", "pm"] as const) {
        for (const id of entry.blocks[block][key]) blocksOf.set(id, [...(blocksOf.get(id) ?? []), block]);
      }
      for (const [personId, blocks] of [...blocksOf].sort(([a], [b]) => a.localeCompare(b))) {
        rows.push({
          date: plan.date,
          enclaveId: enclave.id,
          enclaveName: enclave.name,
          client: enclave.client,
          address,
          role,
          personId,
          personName: names.get(personId) ?? personId,
          blocks: blocks.join("+"),
          start: blocks[0] === "am" ? enclave.hours.start : "12:00",
          end: blocks[blocks.length - 1] === "pm" ? enclave.hours.end : "12:00",
        });
      }
    }
  }
  return rows;
}

/** RFC 4180 CSV with a header row; fields quoted when they hold a comma, quote or newline. */
export function registrationCsv(rows: readonly RegistrationRow[]): string {
  const line = (values: readonly string[]) => values.map(csvField).join(",");
  return [line(REGISTRATION_COLUMNS), ...rows.map((row) => line(REGISTRATION_COLUMNS.map((c) => row[c])))].join("\r\n") + "\r\n";
}

function csvField(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: defuse it (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A printable page (A4, one table per enclave), in Dutch, for the inspection's folder. */
export function registrationHtml(scenario: Scenario, plan: Plan, publishedNote: string): string {
  const rows = registrationRows(scenario, plan);
  const byEnclave = new Map<string, RegistrationRow[]>();
  for (const row of rows) byEnclave.set(row.enclaveId, [...(byEnclave.get(row.enclaveId) ?? []), row]);
  const date = new Intl.DateTimeFormat("nl-BE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${plan.date}T12:00:00Z`),
  );
  const blockWord = (blocks: string) => (blocks === "am+pm" ? "hele dag" : blocks === "am" ? "voormiddag" : "namiddag");
  const sections = [...byEnclave.values()].map((list) => {
    const first = list[0]!;
    const body = list
      .map(
        (r) =>
          `<tr><td>${r.role === "coach" ? "begeleider" : "maatwerker"}</td><td>${esc(r.personId)}</td><td>${esc(r.personName)}</td><td>${blockWord(r.blocks)}</td><td>${r.start}–${r.end}</td><td class="sign"></td></tr>`,
      )
      .join("\n");
    return `<section>
<h2>${esc(first.enclaveId)} · ${esc(first.enclaveName)}</h2>
<p>Klant: ${esc(first.client)} · Adres: ${esc(first.address || "niet geregistreerd")}</p>
<table><thead><tr><th>Functie</th><th>Id</th><th>Naam</th><th>Aanwezig</th><th>Uren</th><th>Paraaf</th></tr></thead>
<tbody>
${body}
</tbody></table>
</section>`;
  });
  return `<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<title>Dagelijkse registratie ${plan.date} · ${esc(scenario.organisation.name)}</title>
<style>
  body { font: 11pt system-ui, sans-serif; margin: 1.5cm; color: #111; }
  h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1.2em 0 .2em; }
  p { margin: .2em 0 .4em; } table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; } td.sign { width: 6em; }
  section { break-inside: avoid; } @page { size: A4; margin: 1.5cm; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>Dagelijkse registratie · ${esc(scenario.organisation.name)}</h1>
<p>${esc(date)} · ${esc(publishedNote)} · ${byEnclave.size} enclaves, ${rows.length} personen</p>
${sections.join("\n")}
</body>
</html>
`;
}

/** Text made safe inside HTML elements and double-quoted attributes. */
export function esc(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
