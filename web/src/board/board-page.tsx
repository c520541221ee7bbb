/**
 * The morning board (Ochtendbord): the day at a glance for the planner at 07:15, and the
 * late sick call turned into a covered plan — save, re-plan, see who moved where and why,
 * publish, download the daily registration.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { api, ApiError } from "../api/client.ts";
import type { Absence, DayView, PlanEnclave, Scenario } from "../api/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { addDays, formatDateTime, formatLongDate, isIsoDate, todayInBrussels } from "../lib/dates.ts";
import { navigate, useLocation } from "../lib/router.tsx";
import { may, useUser } from "../lib/session.ts";
import { BLOCK, ERROR_CODE, proofText } from "../lib/texts.ts";
import { EnclaveCard } from "./enclave-card.tsx";
import type { MoveRefusal } from "./enclave-card.tsx";
import { indexPeople, personName } from "./people-index.ts";
import { changeKey, enclaveStatus, STATUS_TEXT } from "./status.ts";
import { SickCallDialog } from "./sick-call-dialog.tsx";
import { MoveDialog } from "./move-dialog.tsx";
import { PersonChip } from "./enclave-card.tsx";

interface Notice {
  kind: "info" | "error" | "success";
  text: string;
}

export function BoardPage({ routeDate }: { routeDate: string | undefined }) {
  const { query } = useLocation();
  const queryDate = query.get("date");
  const date = isIsoDate(routeDate) ? routeDate : isIsoDate(queryDate) ? queryDate : todayInBrussels();
  const onlyProblems = query.get("filter") === PROBLEMS_FILTER;
  const scenario = useAsync(() => api.scenario(), []);
  if (scenario.error) return <PageError error={scenario.error} />;
  if (!scenario.data) return <p className="loading" role="status">Gegevens laden…</p>;
  return <Board key={date} date={date} scenario={scenario.data} onlyProblems={onlyProblems} />;
}

/** `?filter=problemen`: only the cards that need action (remembered in the link, e.g. on a phone's home screen). */
const PROBLEMS_FILTER = "problemen";

/** The board's link for a date, keeping the filter. */
function dayHref(date: string, onlyProblems: boolean): string {
  return `/dag/${date}${onlyProblems ? `?filter=${PROBLEMS_FILTER}` : ""}`;
}

function PageError({ error }: { error: Error }) {
  return (
    <section className="page">
      <p className="error" role="alert">Kon de gegevens niet laden: {error.message}</p>
    </section>
  );
}

function Board({ date, scenario, onlyProblems }: { date: string; scenario: Scenario; onlyProblems: boolean }) {
  const user = useUser();
  const canPlan = may(user, "planner");
  const canReportAbsence = may(user, "hr");
  const day = useAsync(() => api.day(date), [date]);
  const [view, setView] = useState<DayView | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [sickOpen, setSickOpen] = useState(false);
  const [sickError, setSickError] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, MoveRefusal>>({});

  useEffect(() => {
    if (day.data) setView(day.data);
  }, [day.data]);

  const people = useMemo(() => indexPeople(scenario), [scenario]);
  const peopleList = useMemo(() => [...people.values()].sort((a, b) => a.name.localeCompare(b.name, "nl-BE")), [people]);
  const enclavesById = useMemo(() => new Map(scenario.enclaves.map((e) => [e.id, e])), [scenario]);
  const enclaveNames = useMemo(() => new Map(scenario.enclaves.map((e) => [e.id, e.name])), [scenario]);
  const enclaveLabel = (id: string) => (enclaveNames.has(id) ? `${enclaveNames.get(id)} (${id})` : id);

  /** Show a new day view and mark the changes that were not in the one before. */
  const showNewView = useCallback((next: DayView, previous: DayView | null) => {
    const before = new Set((previous?.plan.changes ?? []).map(changeKey));
    setFresh(new Set(next.plan.changes.map(changeKey).filter((k) => !before.has(k))));
    setView(next);
  }, []);

  const failed = useCallback(async (err: unknown, what: string) => {
    if (err instanceof ApiError && err.code === "VERSION_CONFLICT") {
      setNotice({ kind: "error", text: ERROR_CODE.VERSION_CONFLICT ?? err.message });
      const latest = await api.day(date).catch(() => null);
      if (latest) setView(latest);
      return;
    }
    if (err instanceof ApiError && err.code === "PLAN_OUT_OF_DATE") {
      setNotice({ kind: "error", text: `${what} kan nog niet: ${ERROR_CODE.PLAN_OUT_OF_DATE}.` });
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    setNotice({ kind: "error", text: `${what} mislukt: ${message}` });
  }, [date]);

  const replan = useCallback(async () => {
    if (!view) return;
    setBusy("Herplannen…");
    try {
      const next = await api.replan(date, view.version.number);
      showNewView(next, view);
      setNotice({ kind: "success", text: `Herpland: versie ${next.version.number} (concept). Controleer de wijzigingen en publiceer.` });
    } catch (err) {
      await failed(err, "Herplannen");
    } finally {
      setBusy(null);
    }
  }, [date, view, showNewView, failed]);

  const saveSickCall = async (absence: Absence) => {
    if (!view) return;
    setBusy("Ziekmelding opslaan…");
    setSickError(null);
    try {
      await api.addAbsence(absence);
    } catch (err) {
      setSickError(err instanceof ApiError && err.issues.length > 0
        ? err.issues.map((i) => `${i.path}: ${i.message}`).join("; ")
        : err instanceof Error ? err.message : String(err));
      setBusy(null);
      return;
    }
    setSickOpen(false);
    if (!canPlan) {
      setNotice({ kind: "success", text: `Afwezigheid van ${personName(people, absence.personId)} opgeslagen. Een planner moet herplannen.` });
      setBusy(null);
      day.reload();
      return;
    }
    setBusy("Herplannen…");
    try {
      const next = await api.replan(date, view.version.number);
      showNewView(next, view);
      const count = next.plan.changes.filter((c) => !view.plan.changes.some((o) => changeKey(o) === changeKey(c))).length;
      setNotice({
        kind: "success",
        text: `${personName(people, absence.personId)} is afgemeld. Herpland: ${count} nieuwe wijziging${count === 1 ? "" : "en"} (gemarkeerd). Publiceer als het klopt.`,
      });
    } catch (err) {
      await failed(err, "Herplannen");
    } finally {
      setBusy(null);
    }
  };

  const move = async (personId: string, toEnclaveId: string | null, pin = false) => {
    if (!view) return;
    setMoving(null);
    setBusy("Verplaatsen…");
    try {
      const next = await api.move(date, view.version.number, personId, toEnclaveId, pin);
      showNewView(next, view);
      setRefusals({});
      const name = personName(people, personId);
      const wasPinned = pinnedEnclaveOf(view, personId);
      const what = toEnclaveId === null
        ? "is van de ploeg gehaald"
        : pin
          ? `staat nu vast in ${enclaveLabel(toEnclaveId)} (herplannen houdt ${name} daar)`
          : toEnclaveId === currentEnclaveOf(view, personId) && wasPinned
            ? `is losgemaakt en staat nog in ${enclaveLabel(toEnclaveId)}`
            : `staat nu in ${enclaveLabel(toEnclaveId)}`;
      setNotice({ kind: "success", text: `${name} ${what} (versie ${next.version.number}, concept).` });
    } catch (err) {
      if (err instanceof ApiError && err.code === "RULE_BROKEN") {
        const key = toEnclaveId ?? currentEnclaveOf(view, personId) ?? "";
        setRefusals((r) => ({ ...r, [key]: { message: `${personName(people, personId)} kan niet naar ${toEnclaveId ?? "reserve"}: ${err.message}`, violations: err.violations } }));
        setNotice({ kind: "error", text: `Verplaatsing van ${personName(people, personId)} geweigerd: zie de kaart van ${key}.` });
      } else {
        await failed(err, "Verplaatsen");
      }
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (!view) return;
    setBusy("Publiceren…");
    try {
      const next = await api.publish(date, view.version.number);
      setView(next);
      setNotice({ kind: "success", text: `Versie ${next.version.number} is gepubliceerd. De dagelijkse registratie is klaar.` });
    } catch (err) {
      await failed(err, "Publiceren");
    } finally {
      setBusy(null);
    }
  };

  const setOnlyProblems = useCallback((on: boolean) => navigate(dayHref(date, on), { replace: true }), [date]);

  // Keyboard: "z" opens the sick call from anywhere on the board (not while typing); "p"
  // shows only the problems, or everything again.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "z" && canReportAbsence) {
        event.preventDefault();
        setSickError(null);
        setSickOpen(true);
      } else if (event.key === "p") {
        event.preventDefault();
        setOnlyProblems(!onlyProblems);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [canReportAbsence, onlyProblems, setOnlyProblems]);

  if (day.error && !view) return <PageError error={day.error} />;
  const plan = view?.plan;
  const running = plan?.enclaves.filter((e) => e.running) ?? [];
  const notRunning = plan?.enclaves.filter((e) => !e.running) ?? [];
  const counts = { covered: 0, short: 0, nocoach: 0 };
  for (const e of running) counts[enclaveStatus(e)] += 1;
  const isPublished = view !== null && view.published === view.version.number;
  // "Needs action": not covered, or changed in this session, or (a draft after a published
  // version) changed since what was sent out.
  const unsent = view !== null && view.published != null && !isPublished;
  const needsAction = (e: PlanEnclave) =>
    enclaveStatus(e) !== "covered" ||
    (plan?.changes ?? []).some((c) => (c.to === e.enclaveId || c.from === e.enclaveId) && (unsent || fresh.has(changeKey(c))));
  const shown = onlyProblems ? running.filter(needsAction) : running;
  const hidden = running.length - shown.length;

  return (
    <section className="page board" aria-labelledby="board-title" aria-busy={busy !== null || day.loading}>
      <div className="board-head">
        <h1 id="board-title">Ochtendbord</h1>
        <form className="date-nav" onSubmit={(e) => e.preventDefault()} aria-label="Dag kiezen">
          {/* The day in words by our own code: the native picker follows the browser's language. */}
          <output className="board-date" htmlFor="board-date" data-testid="board-date">
            {formatLongDate(date)}{date === todayInBrussels() ? " (vandaag)" : ""}
          </output>
          <button type="button" onClick={() => navigate(dayHref(addDays(date, -1), onlyProblems))} aria-label="Vorige dag">‹</button>
          <label className="sr-only" htmlFor="board-date">Datum</label>
          <input id="board-date" type="date" value={date} onChange={(e) => isIsoDate(e.target.value) && navigate(dayHref(e.target.value, onlyProblems))} />
          <button type="button" onClick={() => navigate(dayHref(addDays(date, 1), onlyProblems))} aria-label="Volgende dag">›</button>
          <button type="button" onClick={() => navigate(dayHref(todayInBrussels(), onlyProblems))}>Vandaag</button>
        </form>
      </div>

      <div className="toolbar" role="toolbar" aria-label="Acties voor de dag">
        {canReportAbsence && (
          <button type="button" className="primary" onClick={() => { setSickError(null); setSickOpen(true); }} aria-keyshortcuts="z">
            Ziekmelding <kbd>z</kbd>
          </button>
        )}
        {canPlan && <button type="button" onClick={replan} disabled={!view || busy !== null}>Herplannen</button>}
        {canPlan && (
          <button type="button" className={isPublished ? undefined : "publish"} onClick={publish} disabled={!view || busy !== null || isPublished}>
            {isPublished ? "Gepubliceerd" : "Publiceren"}
          </button>
        )}
        <span className="registration">
          Dagelijkse registratie:{" "}
          {view?.published != null ? (
            <>
              <a href={api.registrationUrl(date)} target="_blank" rel="noopener">afdrukken</a>
              {" · "}
              <a href={api.registrationCsvUrl(date)} download={`registratie-${date}.csv`}>CSV downloaden</a>
            </>
          ) : (
            <span className="muted">na publicatie</span>
          )}
        </span>
      </div>

      {view && (
        <p className="version-line">
          <span className={`pill ${view.version.status === "published" ? "pill-ok" : "pill-draft"}`}>
            Versie {view.version.number} · {view.version.status === "published" ? "gepubliceerd" : "concept"}
          </span>{" "}
          {view.published != null && view.published !== view.version.number && <span className="muted">(gepubliceerd: versie {view.published}) </span>}
          <span className="muted">gemaakt {formatDateTime(view.version.createdAt)}{view.version.createdBy ? ` door ${view.version.createdBy === user.email ? user.name : view.version.createdBy}` : ""}</span>
          {/* A manual move is not computed (solveMs 0): say so instead of "berekend in 0 ms". */}
          {plan && (plan.stats.solveMs > 0
            ? <span className="muted"> · berekend in {Math.round(plan.stats.solveMs)} ms ({proofText(plan.stats)})</span>
            : <span className="muted"> · met de hand aangepast</span>)}
        </p>
      )}

      {view?.stale && (
        <div className="notice notice-warning" role="status">
          Er is iets gewijzigd (afwezigheden of gegevens) sinds deze versie berekend werd.
          {canPlan && <> <button type="button" className="small" onClick={replan} disabled={busy !== null}>Nu herplannen</button></>}
        </div>
      )}
      {busy && <p className="notice notice-info" role="status">{busy}</p>}
      {notice && !busy && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
          {notice.text}
          <button type="button" className="icon-button" aria-label="Melding sluiten" onClick={() => setNotice(null)}>✕</button>
        </div>
      )}

      {!plan && day.loading && <p className="loading" role="status">Plan berekenen…</p>}
      {plan && (
        <>
          <p className="summary" data-testid="summary">
            <strong>{counts.covered} van {running.length}</strong> actieve enclaves gedekt
            {counts.short > 0 && <> · <span className="text-short">{counts.short} {STATUS_TEXT.short.toLowerCase()}</span></>}
            {counts.nocoach > 0 && <> · <span className="text-nocoach">{counts.nocoach} zonder begeleider</span></>}
            {" · "}{plan.changes.length} wijzigingen t.o.v. {view?.version.number === 1 ? "de vaste ploegen" : view?.published != null ? "het gepubliceerde plan" : "de vorige versie"}
          </p>

          <div className="filter-line">
            <label className="inline filter-toggle">
              <input
                type="checkbox"
                checked={onlyProblems}
                onChange={(e) => setOnlyProblems(e.target.checked)}
                aria-keyshortcuts="p"
              />
              Alleen problemen <kbd aria-hidden="true">p</kbd>
            </label>
            {onlyProblems && (
              <span className="muted small" role="status">
                {shown.length} van {running.length} kaarten
                {hidden > 0 ? ` · ${hidden} gedekt zonder nieuwe wijzigingen verborgen` : ""}
              </span>
            )}
          </div>

          {fresh.size > 0 && (
            <section className="fresh-summary" aria-label="Nieuwe wijzigingen">
              <h2>Nieuw in deze versie</h2>
              <ul>
                {plan.changes.filter((c) => fresh.has(changeKey(c))).map((c) => (
                  <li key={changeKey(c)}>
                    <strong>{personName(people, c.personId)}</strong>: {c.from ? enclaveLabel(c.from) : "vrij"} → {c.to ? enclaveLabel(c.to) : "niet ingepland"}
                    {c.block ? ` (${BLOCK[c.block]})` : ""}
                    <span className="reason"> — {c.reason}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {onlyProblems && shown.length === 0 && (
            <p className="notice notice-success all-clear">
              Geen problemen: alle {running.length} actieve enclaves zijn gedekt en er zijn geen nieuwe wijzigingen.
              <button type="button" className="small" onClick={() => setOnlyProblems(false)}>Alles tonen</button>
            </p>
          )}

          <div className="cards">
            {shown.map((placed) => (
              <EnclaveCard
                key={placed.enclaveId}
                date={date}
                placed={placed}
                enclave={enclavesById.get(placed.enclaveId)}
                plan={plan}
                routes={scenario.routes}
                people={people}
                enclaveNames={enclaveNames}
                freshChanges={fresh}
                refusal={refusals[placed.enclaveId]}
                canEdit={canPlan && busy === null}
                onMove={(personId, to) => void move(personId, to)}
                onOpenMoveMenu={setMoving}
                onDismissRefusal={() => setRefusals((r) => { const { [placed.enclaveId]: _gone, ...rest } = r; return rest; })}
              />
            ))}
          </div>

          {(plan.idle.workerIds.length > 0 || plan.idle.coachIds.length > 0) && (
            <details className="folded">
              <summary>Niet ingepland maar beschikbaar ({plan.idle.coachIds.length} begeleiders, {plan.idle.workerIds.length} maatwerkers)</summary>
              <p className="muted small">Sleep iemand naar een kaart, of kies "verplaats".</p>
              <ul className="chips">
                {[...plan.idle.coachIds, ...plan.idle.workerIds].map((id) => (
                  <PersonChip key={id} id={id} people={people} blocks={["am", "pm"]} fresh={false} movedIn={false} canEdit={canPlan && busy === null} onOpenMoveMenu={setMoving} />
                ))}
              </ul>
            </details>
          )}

          {notRunning.length > 0 && (
            <details className="folded">
              <summary>Niet actief op deze dag ({notRunning.length})</summary>
              <ul>
                {notRunning.map((e) => {
                  const enclave = enclavesById.get(e.enclaveId);
                  return <li key={e.enclaveId}>{e.enclaveId} · {enclave?.name ?? ""} <span className="muted">({enclave?.client ?? ""})</span></li>;
                })}
              </ul>
            </details>
          )}
        </>
      )}

      <SickCallDialog
        open={sickOpen}
        date={date}
        people={peopleList}
        busy={busy !== null}
        error={sickError}
        onClose={() => setSickOpen(false)}
        onSave={(a) => void saveSickCall(a)}
      />
      <MoveDialog
        personId={moving}
        people={people}
        currentEnclaveId={moving && view ? currentEnclaveOf(view, moving) : null}
        pinnedTo={moving && view ? pinnedEnclaveOf(view, moving) : null}
        enclaves={running.map((e) => ({ id: e.enclaveId, name: enclaveNames.get(e.enclaveId) ?? e.enclaveId }))}
        busy={busy !== null}
        onClose={() => setMoving(null)}
        onMove={(personId, to, pin) => void move(personId, to, pin)}
      />
    </section>
  );
}

function currentEnclaveOf(view: DayView, personId: string): string | null {
  for (const e of view.plan.enclaves) {
    const { am, pm } = e.blocks;
    if ([...am.workerIds, ...am.coachIds, ...pm.workerIds, ...pm.coachIds].includes(personId)) return e.enclaveId;
  }
  return null;
}

function pinnedEnclaveOf(view: DayView, personId: string): string | null {
  return view.plan.pins?.find((p) => p.personId === personId)?.enclaveId ?? null;
}
