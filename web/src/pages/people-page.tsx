/** Mensen: the workers (maatwerkers) and coaches (begeleiders), searchable, editable by planners. */
import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.ts";
import type { Coach, Enclave, Guidance, Worker } from "../api/types.ts";
import { Modal } from "../components/modal.tsx";
import { useAsync } from "../lib/use-async.ts";
import { may, useUser } from "../lib/session.ts";
import { COACH_ROLE, GUIDANCE, TRANSPORT } from "../lib/texts.ts";
import { patternText } from "../lib/pattern-text.ts";

type Tab = "workers" | "coaches";
type Editing = { kind: "worker"; value: Worker } | { kind: "coach"; value: Coach } | null;

export function PeoplePage() {
  const user = useUser();
  const canEdit = may(user, "planner");
  const data = useAsync(async () => {
    const [workers, coaches, enclaves] = await Promise.all([api.workers(), api.coaches(), api.enclaves()]);
    return { workers, coaches, enclaves };
  }, []);
  const [tab, setTab] = useState<Tab>("workers");
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const q = filter.trim().toLowerCase();
  const match = (p: { id: string; name: string; homeEnclaveId: string | null }) =>
    !q || `${p.name} ${p.id} ${p.homeEnclaveId ?? ""}`.toLowerCase().includes(q);
  const workers = (data.data?.workers ?? []).filter(match);
  const coaches = (data.data?.coaches ?? []).filter(match);

  return (
    <section className="page" aria-labelledby="people-title">
      <h1 id="people-title">Mensen</h1>
      <div className="toolbar">
        <div role="tablist" aria-label="Soort">
          <button type="button" role="tab" aria-selected={tab === "workers"} onClick={() => setTab("workers")}>
            Maatwerkers ({data.data?.workers.length ?? "…"})
          </button>
          <button type="button" role="tab" aria-selected={tab === "coaches"} onClick={() => setTab("coaches")}>
            Begeleiders ({data.data?.coaches.length ?? "…"})
          </button>
        </div>
        <label>
          Zoeken <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="naam, id of enclave" />
        </label>
      </div>
      {saved && <p className="notice notice-success" role="status">{saved}</p>}
      {data.error && <p className="error" role="alert">{data.error.message}</p>}
      {data.loading && !data.data && <p className="loading" role="status">Laden…</p>}
      {data.data && tab === "workers" && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Maatwerkers</caption>
            <thead><tr><th>Naam</th><th>Id</th><th>Begeleidingsnood</th><th>Enclave</th><th>Ook opgeleid voor</th><th>Nooit naar</th><th>Werkt</th><th>Vervoer</th>{canEdit && <th><span className="sr-only">Acties</span></th>}</tr></thead>
            <tbody>
              {workers.map((w) => (
                <tr key={w.id}>
                  <td>{w.name}</td><td>{w.id}</td>
                  <td><span className={`guidance g-${w.guidance}`}>{GUIDANCE[w.guidance]}</span></td>
                  <td>{w.homeEnclaveId ?? <span className="muted">intern</span>}</td>
                  <td>{w.qualifiedEnclaveIds.join(", ")}</td>
                  <td>{w.excludedEnclaveIds.join(", ")}</td>
                  <td className="small">{patternText(w.workPattern)}</td>
                  <td>{TRANSPORT[w.transport]}</td>
                  {canEdit && <td><button type="button" className="small" onClick={() => setEditing({ kind: "worker", value: w })} aria-label={`${w.name} bewerken`}>Bewerken</button></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.data && tab === "coaches" && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Begeleiders</caption>
            <thead><tr><th>Naam</th><th>Id</th><th>Rol</th><th>Enclave</th><th>Opgeleid voor</th><th>Werkt</th><th>Vervoer</th>{canEdit && <th><span className="sr-only">Acties</span></th>}</tr></thead>
            <tbody>
              {coaches.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}{c.role === "butterfly" && <span className="tag butterfly-tag"> vlinder</span>}</td><td>{c.id}</td>
                  <td>{COACH_ROLE[c.role]}</td>
                  <td>{c.homeEnclaveId ?? "—"}</td>
                  <td>{c.qualifiedEnclaveIds.join(", ")}</td>
                  <td className="small">{patternText(c.workPattern)}</td>
                  <td>{TRANSPORT[c.transport]}</td>
                  {canEdit && <td><button type="button" className="small" onClick={() => setEditing({ kind: "coach", value: c })} aria-label={`${c.name} bewerken`}>Bewerken</button></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal open={editing !== null} title={editing ? `${editing.value.name} bewerken` : ""} labelId="person-edit-title" onClose={() => setEditing(null)}>
        {editing && data.data && (
          <PersonForm
            editing={editing}
            enclaves={data.data.enclaves}
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

function PersonForm({ editing, enclaves, onSaved }: { editing: NonNullable<Editing>; enclaves: Enclave[]; onSaved: (name: string) => void }) {
  const original = editing.value;
  const [name, setName] = useState(original.name);
  const [home, setHome] = useState(original.homeEnclaveId ?? "");
  const [qualified, setQualified] = useState(new Set(original.qualifiedEnclaveIds));
  const [transport, setTransport] = useState(original.transport);
  const [guidance, setGuidance] = useState<Guidance>(editing.kind === "worker" ? editing.value.guidance : "low");
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const common = { name: name.trim(), homeEnclaveId: home || null, qualifiedEnclaveIds: [...qualified].filter((id) => id !== home), transport };
    try {
      if (editing.kind === "worker") await api.saveWorker({ ...editing.value, ...common, guidance });
      else await api.saveCoach({ ...editing.value, ...common });
      onSaved(common.name);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={submit} className="stack">
      <label>Naam <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus /></label>
      {editing.kind === "worker" && (
        <label>
          Begeleidingsnood
          <select value={guidance} onChange={(e) => setGuidance(e.target.value as Guidance)}>
            {(["low", "medium", "high"] as const).map((g) => <option key={g} value={g}>{GUIDANCE[g]}</option>)}
          </select>
        </label>
      )}
      <label>
        Eigen enclave
        <select value={home} onChange={(e) => setHome(e.target.value)}>
          <option value="">{editing.kind === "worker" ? "geen (intern werk)" : "geen (vlinder of interim)"}</option>
          {enclaves.map((e) => <option key={e.id} value={e.id}>{e.id} · {e.name}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>Opgeleid voor</legend>
        <div className="check-grid">
          {enclaves.map((e) => (
            <label key={e.id} className="inline">
              <input
                type="checkbox"
                checked={qualified.has(e.id) || e.id === home}
                disabled={e.id === home}
                onChange={(ev) => {
                  const next = new Set(qualified);
                  if (ev.target.checked) next.add(e.id);
                  else next.delete(e.id);
                  setQualified(next);
                }}
              />
              {e.id}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Vervoer
        <select value={transport} onChange={(e) => setTransport(e.target.value as "van" | "own")}>
          <option value="van">busje</option>
          <option value="own">eigen vervoer</option>
        </select>
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="button-row"><button type="submit" className="primary">Opslaan</button></div>
    </form>
  );
}
