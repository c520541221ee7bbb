/** Afwezigheden: one week as a grid (who is away which day, which block, why); add and delete. */
import { useMemo, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.ts";
import type { AbsenceKind, Block, StoredAbsence } from "../api/types.ts";
import { PersonPicker } from "../components/person-picker.tsx";
import { AbsenceKindSelect } from "../components/absence-kind-select.tsx";
import { indexPeople } from "../board/people-index.ts";
import type { PersonInfo } from "../board/people-index.ts";
import { useAsync } from "../lib/use-async.ts";
import { may, useUser } from "../lib/session.ts";
import { addDays, formatDayMonth, formatShortDate, isIsoDate, mondayOf, nowWithOffset, todayInBrussels } from "../lib/dates.ts";
import { navigate, useLocation } from "../lib/router.tsx";
import { ABSENCE_KIND, BLOCK_SHORT } from "../lib/texts.ts";

const DAYS = 7;

export function AbsencesPage() {
  const user = useUser();
  const canEdit = may(user, "hr");
  // ?week=YYYY-MM-DD opens the week of that date (a link from the board, a bookmark).
  const { query } = useLocation();
  const weekParam = query.get("week");
  const monday = mondayOf(isIsoDate(weekParam) ? weekParam : todayInBrussels());
  const setMonday = (next: string) => navigate(`/afwezigheden?week=${next}`, { replace: true });
  const sunday = addDays(monday, DAYS - 1);
  const scenario = useAsync(() => api.scenario(), []);
  const absences = useAsync(() => api.absences(monday, sunday), [monday]);
  const people = useMemo(() => indexPeople(scenario.data ?? { workers: [], coaches: [] }), [scenario.data]);
  const peopleList = useMemo(() => [...people.values()].sort((a, b) => a.name.localeCompare(b.name, "nl-BE")), [people]);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);

  const days = Array.from({ length: DAYS }, (_, i) => addDays(monday, i));
  const byPerson = new Map<string, StoredAbsence[]>();
  for (const a of absences.data ?? []) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  const rows = [...byPerson.keys()].sort((a, b) => (people.get(a)?.name ?? a).localeCompare(people.get(b)?.name ?? b, "nl-BE"));

  const remove = async (a: StoredAbsence) => {
    const name = people.get(a.personId)?.name ?? a.personId;
    if (!window.confirm(`Afwezigheid van ${name} (${a.from} tot ${a.to}) verwijderen?`)) return;
    try {
      await api.deleteAbsence(a.id);
      setMessage({ kind: "success", text: `Afwezigheid van ${name} verwijderd. Herplan de betrokken dagen op het ochtendbord.` });
      absences.reload();
    } catch (err) {
      setMessage({ kind: "error", text: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="page" aria-labelledby="absences-title">
      <h1 id="absences-title">Afwezigheden</h1>
      <div className="toolbar">
        <button type="button" onClick={() => setMonday(addDays(monday, -7))} aria-label="Vorige week">‹ Vorige week</button>
        <strong>Week van {formatDayMonth(monday)} tot {formatDayMonth(sunday)}</strong>
        <button type="button" onClick={() => setMonday(mondayOf(todayInBrussels()))}>Deze week</button>
        <button type="button" onClick={() => setMonday(addDays(monday, 7))} aria-label="Volgende week">Volgende week ›</button>
      </div>
      {message && <p className={`notice notice-${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>{message.text}</p>}
      {absences.error && <p className="error" role="alert">{absences.error.message}</p>}
      <div className="table-wrap">
        <table className="week-grid">
          <caption className="sr-only">Afwezigheden per persoon en dag</caption>
          <thead>
            <tr><th scope="col">Persoon</th>{days.map((d) => <th key={d} scope="col">{formatShortDate(d)}</th>)}</tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={DAYS + 1} className="muted">{absences.loading ? "Laden…" : "Niemand afwezig deze week."}</td></tr>}
            {rows.map((personId) => (
              <tr key={personId}>
                <th scope="row">{people.get(personId)?.name ?? personId} <span className="muted small">{personId}</span></th>
                {days.map((d) => {
                  const here = (byPerson.get(personId) ?? []).filter((a) => a.from <= d && d <= a.to);
                  return (
                    <td key={d} className={here.length ? `absent kind-${here[0]?.kind}` : undefined}>
                      {here.map((a) => (
                        <span key={a.id} className="absence-cell">
                          {ABSENCE_KIND[a.kind]}{a.blocks.length === 1 ? ` (${BLOCK_SHORT[a.blocks[0] as Block]})` : ""}
                          {canEdit && d === (a.from < monday ? monday : a.from) && (
                            <button type="button" className="icon-button small" onClick={() => void remove(a)} aria-label={`Afwezigheid ${people.get(personId)?.name ?? personId} ${a.from} verwijderen`}>✕</button>
                          )}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <AddAbsence
          people={peopleList}
          defaultDate={monday <= todayInBrussels() && todayInBrussels() <= sunday ? todayInBrussels() : monday}
          onAdded={(text) => {
            setMessage({ kind: "success", text });
            absences.reload();
          }}
        />
      )}
    </section>
  );
}

function AddAbsence({ people, defaultDate, onAdded }: { people: PersonInfo[]; defaultDate: string; onAdded: (text: string) => void }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [from, setFrom] = useState(defaultDate);
  const [to, setTo] = useState(defaultDate);
  const [blocks, setBlocks] = useState<"day" | "am" | "pm">("day");
  const [kind, setKind] = useState<AbsenceKind>("leave");
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!personId) return setError("Kies een persoon.");
    if (to < from) return setError("'Tot en met' ligt voor 'van'.");
    try {
      await api.addAbsence({ personId, from, to, kind, blocks: blocks === "day" ? ["am", "pm"] : [blocks], ...(kind === "sick" ? { reportedAt: nowWithOffset() } : {}) });
      const name = people.find((p) => p.id === personId)?.name ?? personId;
      onAdded(`${ABSENCE_KIND[kind]} voor ${name} van ${from} tot ${to} opgeslagen.`);
      setPersonId(null);
      setKey((k) => k + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={submit} className="add-form" aria-labelledby="add-absence-title">
      <h2 id="add-absence-title">Afwezigheid toevoegen</h2>
      <div className="field-row wrap">
        <PersonPicker key={key} label="Persoon" people={people} value={personId} onChange={setPersonId} />
        <label>Van <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required /></label>
        <label>Tot en met <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required /></label>
        <label>
          Blokken
          <select value={blocks} onChange={(e) => setBlocks(e.target.value as "day" | "am" | "pm")}>
            <option value="day">hele dag</option>
            <option value="am">voormiddag</option>
            <option value="pm">namiddag</option>
          </select>
        </label>
        <AbsenceKindSelect value={kind} onChange={setKind} />
        <button type="submit" className="primary">Toevoegen</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
