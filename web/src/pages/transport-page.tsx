/** Vervoer: the van routes from the depot, their stops and seats, and the seats used on a day. */
import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.ts";
import type { Route } from "../api/types.ts";
import { Modal } from "../components/modal.tsx";
import { indexPeople } from "../board/people-index.ts";
import { useAsync } from "../lib/use-async.ts";
import { may, useUser } from "../lib/session.ts";
import { formatLongDate, isIsoDate, todayInBrussels } from "../lib/dates.ts";
import { RUN } from "../lib/texts.ts";

const RUNS = ["day", "morning", "afternoon"] as const;

export function TransportPage() {
  const user = useUser();
  const canEdit = may(user, "planner");
  const [date, setDate] = useState(todayInBrussels());
  const scenario = useAsync(() => api.scenario(), []);
  const day = useAsync(() => api.day(date), [date]);
  const [editing, setEditing] = useState<Route | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const people = indexPeople(scenario.data ?? { workers: [], coaches: [] });
  const enclaveName = (id: string) => scenario.data?.enclaves.find((e) => e.id === id)?.name ?? id;

  return (
    <section className="page" aria-labelledby="transport-title">
      <h1 id="transport-title">Vervoer</h1>
      <div className="toolbar">
        <label>Dag <input type="date" value={date} onChange={(e) => isIsoDate(e.target.value) && setDate(e.target.value)} /></label>
        <span className="muted">{formatLongDate(date)}{day.data ? ` · plan versie ${day.data.version.number}` : ""}</span>
      </div>
      {saved && <p className="notice notice-success" role="status">{saved}</p>}
      {(scenario.error || day.error) && <p className="error" role="alert">{(scenario.error ?? day.error)?.message}</p>}
      {scenario.data && (
        <div className="cards">
          {scenario.data.routes.map((route) => {
            const runs = day.data?.plan.transport.filter((t) => t.routeId === route.id) ?? [];
            return (
              <article key={route.id} className="card" aria-labelledby={`route-${route.id}`}>
                <header className="card-head">
                  <h2 id={`route-${route.id}`}>Route {route.id}</h2>
                  {canEdit && <button type="button" className="small" onClick={() => setEditing(route)} aria-label={`Route ${route.id} bewerken`}>Bewerken</button>}
                </header>
                <p className="client">Vanuit {scenario.data?.organisation.depot?.name ?? "de zetel"} naar: {route.enclaveIds.map((id) => `${id} ${enclaveName(id)}`).join(" · ")}</p>
                <table>
                  <thead><tr><th scope="col">Rit</th><th scope="col">Plaatsen</th><th scope="col">Bezet</th></tr></thead>
                  <tbody>
                    {RUNS.filter((run) => route.seats[run] > 0).map((run) => {
                      const used = runs.filter((t) => t.run === run).flatMap((t) => t.personIds);
                      const full = used.length >= route.seats[run];
                      return (
                        <tr key={run}>
                          <td>{RUN[run]}</td>
                          <td>{route.seats[run]}</td>
                          <td>
                            <meter min={0} max={route.seats[run]} value={used.length} aria-label={`${RUN[run]} bezet`} />{" "}
                            {day.data ? `${used.length} / ${route.seats[run]}${full ? " (vol)" : ""}` : "…"}
                            {used.length > 0 && (
                              <details>
                                <summary>wie</summary>
                                <p className="small">{used.map((id) => people.get(id)?.name ?? id).join(", ")}</p>
                              </details>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </article>
            );
          })}
        </div>
      )}
      <Modal open={editing !== null} title={editing ? `Route ${editing.id} bewerken` : ""} labelId="route-edit-title" onClose={() => setEditing(null)}>
        {editing && scenario.data && (
          <RouteForm
            route={editing}
            enclaves={scenario.data.enclaves.map((e) => ({ id: e.id, name: e.name }))}
            onSaved={() => {
              setSaved(`Route ${editing.id} opgeslagen.`);
              setEditing(null);
              scenario.reload();
            }}
          />
        )}
      </Modal>
    </section>
  );
}

function RouteForm({ route, enclaves, onSaved }: { route: Route; enclaves: { id: string; name: string }[]; onSaved: () => void }) {
  const [seats, setSeats] = useState(route.seats);
  const [stops, setStops] = useState(new Set(route.enclaveIds));
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stops.size === 0) return setError("Een route stopt bij minstens één enclave.");
    try {
      await api.saveRoute({ ...route, seats, enclaveIds: enclaves.map((e) => e.id).filter((id) => stops.has(id)) });
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} className="stack">
      <fieldset>
        <legend>Plaatsen per rit</legend>
        <div className="field-row">
          {RUNS.map((run) => (
            <label key={run}>{RUN[run]} <input type="number" min={0} value={seats[run]} onChange={(e) => setSeats({ ...seats, [run]: Number(e.target.value) })} /></label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Stopt bij</legend>
        <div className="check-grid">
          {enclaves.map((e) => (
            <label key={e.id} className="inline">
              <input type="checkbox" checked={stops.has(e.id)} onChange={(ev) => { const next = new Set(stops); if (ev.target.checked) next.add(e.id); else next.delete(e.id); setStops(next); }} />
              {e.id}
            </label>
          ))}
        </div>
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="button-row"><button type="submit" className="primary" autoFocus>Opslaan</button></div>
    </form>
  );
}
