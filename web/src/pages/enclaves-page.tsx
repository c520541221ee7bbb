/**
 * Enclaves: each enclave's contract, team size and calendar of the coming weeks (which days
 * it runs: schedule, exceptions, contract dates and Belgian public holidays, computed with the
 * core's own calendar rules so the page and the planner never disagree).
 */
import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.ts";
import type { Enclave, Scenario } from "../api/types.ts";
import { enclaveRunsOn } from "../../../src/calendar/enclave-calendar.ts";
import { Modal } from "../components/modal.tsx";
import { useAsync } from "../lib/use-async.ts";
import { may, useUser } from "../lib/session.ts";
import { addDays, formatDayMonth, formatShortDate, mondayOf, todayInBrussels } from "../lib/dates.ts";
import { Link } from "../lib/router.tsx";

const WEEKS = 4;
const WEEKDAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"];

export function EnclavesPage() {
  const user = useUser();
  const canEdit = may(user, "planner");
  const data = useAsync(() => api.scenario(), []);
  const [start, setStart] = useState(() => mondayOf(todayInBrussels()));
  const [editing, setEditing] = useState<Enclave | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <section className="page" aria-labelledby="enclaves-title">
      <h1 id="enclaves-title">Enclaves</h1>
      <div className="toolbar">
        <span>Kalender vanaf week van {formatDayMonth(start)}</span>
        <button type="button" onClick={() => setStart(addDays(start, -7 * WEEKS))}>‹ Vorige {WEEKS} weken</button>
        <button type="button" onClick={() => setStart(mondayOf(todayInBrussels()))}>Deze week</button>
        <button type="button" onClick={() => setStart(addDays(start, 7 * WEEKS))}>Volgende {WEEKS} weken ›</button>
      </div>
      {saved && <p className="notice notice-success" role="status">{saved}</p>}
      {data.error && <p className="error" role="alert">{data.error.message}</p>}
      {data.loading && !data.data && <p className="loading" role="status">Laden…</p>}
      {data.data && (
        <div className="enclave-list">
          {data.data.enclaves.map((e) => (
            <EnclaveRow key={e.id} enclave={e} scenario={data.data as Scenario} start={start} canEdit={canEdit} onEdit={() => setEditing(e)} />
          ))}
        </div>
      )}
      <Modal open={editing !== null} title={editing ? `${editing.name} bewerken` : ""} labelId="enclave-edit-title" onClose={() => setEditing(null)}>
        {editing && (
          <EnclaveForm
            enclave={editing}
            onSaved={(name) => {
              setEditing(null);
              setSaved(`${name} opgeslagen.`);
              data.reload();
            }}
          />
        )}
      </Modal>
    </section>
  );
}

function EnclaveRow({ enclave: e, scenario, start, canEdit, onEdit }: { enclave: Enclave; scenario: Scenario; start: string; canEdit: boolean; onEdit: () => void }) {
  const coachNames = e.fixedCoachIds.map((id) => scenario.coaches.find((c) => c.id === id)?.name ?? id).join(", ");
  const days = Array.from({ length: WEEKS * 7 }, (_, i) => addDays(start, i));
  const runs = days.map((d) => ({ date: d, ...enclaveRunsOn(e, d, scenario.rules) }));
  const runCount = runs.filter((r) => r.runs).length;
  return (
    <article className="enclave-row" aria-labelledby={`enc-${e.id}`}>
      <header className="card-head">
        <div>
          <h2 id={`enc-${e.id}`}>{e.name} <span className="muted id">{e.id}</span></h2>
          <p className="client">{e.client}{e.address ? ` · ${e.address}` : ""} · {e.hours.start}–{e.hours.end}</p>
        </div>
        {canEdit && <button type="button" className="small" onClick={onEdit} aria-label={`${e.name} bewerken`}>Bewerken</button>}
      </header>
      <dl className="facts">
        <div><dt>Ploeg</dt><dd>min {e.staffing.min} · doel {e.staffing.target} · max {e.staffing.max}</dd></div>
        <div><dt>Vaste begeleider(s)</dt><dd>{coachNames || "—"}</dd></div>
        <div><dt>Contract</dt><dd>{e.contract.start} tot {e.contract.end ?? "onbepaald"}; gemeld aan WSE {e.contract.notifiedOn ?? <strong className="text-nocoach">niet</strong>}</dd></div>
        <div><dt>Werkt</dt><dd>{runCount} van {days.length} dagen</dd></div>
      </dl>
      <table className="calendar" aria-label={`Kalender ${e.name}`}>
        <thead><tr><th scope="col">Week</th>{WEEKDAYS.map((d) => <th key={d} scope="col">{d}</th>)}</tr></thead>
        <tbody>
          {Array.from({ length: WEEKS }, (_, w) => (
            <tr key={w}>
              <th scope="row">{formatDayMonth(addDays(start, w * 7))}</th>
              {runs.slice(w * 7, w * 7 + 7).map((r) => (
                <td key={r.date} className={r.runs ? "runs" : "closed"} title={`${formatShortDate(r.date)}: ${r.runs ? "werkt" : "werkt niet"} — ${r.reason}`}>
                  {r.runs ? <Link href={`/dag/${r.date}`} aria-label={`${formatShortDate(r.date)}: werkt — naar het ochtendbord`}>✓</Link> : <span aria-label={`${formatShortDate(r.date)}: werkt niet`}>·</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function EnclaveForm({ enclave, onSaved }: { enclave: Enclave; onSaved: (name: string) => void }) {
  const [name, setName] = useState(enclave.name);
  const [client, setClient] = useState(enclave.client);
  const [min, setMin] = useState(enclave.staffing.min);
  const [target, setTarget] = useState(enclave.staffing.target);
  const [max, setMax] = useState(enclave.staffing.max);
  const [startTime, setStartTime] = useState(enclave.hours.start);
  const [endTime, setEndTime] = useState(enclave.hours.end);
  const [exdates, setExdates] = useState(enclave.schedule.exdates.join(", "));
  const [rdates, setRdates] = useState(enclave.schedule.rdates.join(", "));
  const [error, setError] = useState<string | null>(null);

  const dates = (s: string) => s.split(/[\s,]+/).filter(Boolean);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!(min <= target && target <= max)) {
      setError("Ploeggrootte: min ≤ doel ≤ max.");
      return;
    }
    try {
      await api.saveEnclave({
        ...enclave,
        name: name.trim(),
        client: client.trim(),
        staffing: { min, target, max },
        hours: { start: startTime, end: endTime },
        schedule: { ...enclave.schedule, exdates: dates(exdates), rdates: dates(rdates) },
      });
      onSaved(name.trim());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} className="stack">
      <label>Naam <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus /></label>
      <label>Klant <input value={client} onChange={(e) => setClient(e.target.value)} required /></label>
      <fieldset>
        <legend>Ploeggrootte (maatwerkers per blok)</legend>
        <div className="field-row">
          <label>min <input type="number" min={0} value={min} onChange={(e) => setMin(Number(e.target.value))} /></label>
          <label>doel <input type="number" min={0} value={target} onChange={(e) => setTarget(Number(e.target.value))} /></label>
          <label>max <input type="number" min={0} value={max} onChange={(e) => setMax(Number(e.target.value))} /></label>
        </div>
      </fieldset>
      <div className="field-row">
        <label>Begin <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} /></label>
        <label>Einde <input type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} /></label>
      </div>
      <label>Gesloten dagen (JJJJ-MM-DD, komma's) <input value={exdates} onChange={(e) => setExdates(e.target.value)} /></label>
      <label>Extra open dagen <input value={rdates} onChange={(e) => setRdates(e.target.value)} /></label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="button-row"><button type="submit" className="primary">Opslaan</button></div>
    </form>
  );
}
