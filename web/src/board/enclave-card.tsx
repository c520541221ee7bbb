/**
 * One running enclave on the morning board: who is there, whether the team meets its
 * minimum and the ratio norms, the van, what changed and why, and — when something is
 * wrong — the core's message and options with ranked stand-in suggestions.
 */
import { useState } from "react";
import type { DragEvent } from "react";
import type { Block, Enclave, Plan, PlanChange, PlanEnclave, Route, Violation } from "../api/types.ts";
import { BLOCK, BLOCK_SHORT, COACH_ROLE, GUIDANCE, PROBLEM, RUN, ruleText } from "../lib/texts.ts";
import type { PeopleIndex } from "./people-index.ts";
import { personName } from "./people-index.ts";
import { changeKey, enclaveStatus, STATUS_ICON, STATUS_TEXT } from "./status.ts";
import { SuggestionList } from "./suggestion-list.tsx";

export const DRAG_TYPE = "application/x-vlinder-person";

export interface MoveRefusal {
  message: string;
  violations: Violation[];
}

interface Props {
  date: string;
  enclave: Enclave | undefined;
  placed: PlanEnclave;
  plan: Plan;
  routes: Route[];
  people: PeopleIndex;
  enclaveNames: Map<string, string>;
  freshChanges: Set<string>;
  refusal: MoveRefusal | undefined;
  canEdit: boolean;
  onMove: (personId: string, toEnclaveId: string | null) => void;
  onOpenMoveMenu: (personId: string) => void;
  onDismissRefusal: () => void;
}

export function EnclaveCard(props: Props) {
  const { placed, enclave, plan, people, freshChanges, canEdit } = props;
  const [dropping, setDropping] = useState(false);
  const status = enclaveStatus(placed);
  const { am, pm } = placed.blocks;
  const title = enclave?.name ?? placed.enclaveId;
  const headingId = `card-${placed.enclaveId}`;

  const changesHere = plan.changes.filter((c) => c.to === placed.enclaveId || c.from === placed.enclaveId);
  const freshPeople = new Set(changesHere.filter((c) => freshChanges.has(changeKey(c))).map((c) => c.personId));
  const movedIn = new Set(changesHere.filter((c) => c.to === placed.enclaveId).map((c) => c.personId));
  const pinned = new Set((plan.pins ?? []).filter((p) => p.enclaveId === placed.enclaveId).map((p) => p.personId));
  const chip = (id: string, kind: "workerIds" | "coachIds") => (
    <PersonChip
      key={id}
      id={id}
      people={people}
      blocks={blocksOf(id, kind)}
      fresh={freshPeople.has(id)}
      movedIn={movedIn.has(id)}
      pinned={pinned.has(id)}
      canEdit={canEdit}
      onOpenMoveMenu={props.onOpenMoveMenu}
    />
  );

  const workerIds = unique([...am.workerIds, ...pm.workerIds]);
  const coachIds = unique([...am.coachIds, ...pm.coachIds]);
  const blocksOf = (id: string, kind: "workerIds" | "coachIds"): Block[] =>
    (["am", "pm"] as const).filter((b) => placed.blocks[b][kind].includes(id));

  const mix = (ids: string[]) => {
    const counts = { low: 0, medium: 0, high: 0 };
    for (const id of ids) {
      const g = people.get(id)?.guidance;
      if (g) counts[g] += 1;
    }
    return counts;
  };
  const mixAm = mix(am.workerIds);

  const onDragOver = (event: DragEvent) => {
    if (!canEdit || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    const personId = event.dataTransfer.getData(DRAG_TYPE);
    if (!personId) return;
    event.preventDefault();
    props.onMove(personId, placed.enclaveId);
  };

  const staffing = enclave?.staffing;
  const count = am.workerIds.length === pm.workerIds.length
    ? `${am.workerIds.length}`
    : `${am.workerIds.length} VM · ${pm.workerIds.length} NM`;

  return (
    <article
      className={`card status-${status}${dropping ? " dropping" : ""}${freshPeople.size > 0 ? " has-fresh" : ""}`}
      aria-labelledby={headingId}
      data-enclave={placed.enclaveId}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <header className="card-head">
        <div>
          <h2 id={headingId}>{title} <span className="muted id">{placed.enclaveId}</span></h2>
          <p className="client">{enclave?.client ?? ""}{enclave ? ` · ${enclave.hours.start}–${enclave.hours.end}` : ""}</p>
        </div>
        <span className={`status-badge status-${status}`}>
          <span aria-hidden="true">{STATUS_ICON[status]}</span> {STATUS_TEXT[status]}
        </span>
      </header>

      <dl className="facts">
        <div>
          <dt>Ploeg</dt>
          <dd className="headcount" data-testid="headcount">
            {count}{staffing ? ` / min ${staffing.min} · doel ${staffing.target}` : ""}
          </dd>
        </div>
        <div>
          <dt>Mix</dt>
          <dd className="mix">
            <span className="guidance g-low" title="begeleidingsnood laag">laag {mixAm.low}</span>
            <span className="guidance g-medium" title="begeleidingsnood midden">midden {mixAm.medium}</span>
            <span className="guidance g-high" title="begeleidingsnood hoog">hoog {mixAm.high}</span>
          </dd>
        </div>
      </dl>

      <section aria-label={`Begeleiders ${title}`}>
        <h3>Begeleiding</h3>
        {coachIds.length === 0 ? (
          <p className="warning-text">Geen begeleider ingepland</p>
        ) : (
          <ul className="chips">{coachIds.map((id) => chip(id, "coachIds"))}</ul>
        )}
      </section>

      <section aria-label={`Maatwerkers ${title}`}>
        <h3>Maatwerkers</h3>
        <ul className="chips">
          {workerIds.map((id) => chip(id, "workerIds"))}
          {workerIds.length === 0 && <li className="muted">niemand</li>}
        </ul>
      </section>

      <VanLine enclaveId={placed.enclaveId} plan={plan} routes={props.routes} team={new Set([...workerIds, ...coachIds])} />

      {changesHere.length > 0 && (
        <details className="changes" open={freshPeople.size > 0} aria-label={`Wijzigingen ${title}`}>
          <summary>
            Wijzigingen: {movedIn.size} erbij, {changesHere.filter((c) => c.from === placed.enclaveId && c.to !== placed.enclaveId).length} weg
            {freshPeople.size > 0 && <span className="tag fresh-tag">nieuw</span>}
          </summary>
          <ul>
            {changesHere.map((c) => (
              <ChangeLine
                key={changeKey(c)}
                change={c}
                here={placed.enclaveId}
                people={people}
                enclaveNames={props.enclaveNames}
                fresh={freshChanges.has(changeKey(c))}
              />
            ))}
          </ul>
        </details>
      )}

      {placed.problems.length > 0 && (
        <section className="problems" aria-label={`Problemen ${title}`}>
          <h3>Problemen</h3>
          {placed.problems.map((p, i) => (
            <div className="problem" key={`${p.code}-${p.block ?? ""}-${i}`}>
              <p>
                <strong>{PROBLEM[p.code]}</strong>
                {p.block ? ` (${BLOCK[p.block]})` : ""}: {p.message}
              </p>
              {p.options.length > 0 && (
                <>
                  <p className="muted small">Mogelijkheden:</p>
                  <ul className="options">{p.options.map((o) => <li key={o}>{o}</li>)}</ul>
                </>
              )}
            </div>
          ))}
          {canEdit && (
            <SuggestionList
              date={props.date}
              enclaveId={placed.enclaveId}
              blocks={unique(placed.problems.map((p) => p.block ?? "am"))}
              people={people}
              enclaveNames={props.enclaveNames}
              onPick={(personId) => props.onMove(personId, placed.enclaveId)}
            />
          )}
        </section>
      )}
      {placed.problems.length === 0 && canEdit && (
        <details className="more-suggestions">
          <summary>Voorstellen voor extra mensen</summary>
          <SuggestionList
            date={props.date}
            enclaveId={placed.enclaveId}
            blocks={["am"]}
            people={people}
            enclaveNames={props.enclaveNames}
            onPick={(personId) => props.onMove(personId, placed.enclaveId)}
          />
        </details>
      )}

      {props.refusal && (
        <div className="refusal" role="alert">
          <p><strong>Verplaatsing geweigerd.</strong> {props.refusal.message}</p>
          {props.refusal.violations.length > 0 && (
            <ul>
              {props.refusal.violations.map((v, i) => (
                <li key={i}><strong>Regel: {ruleText(v.rule)}</strong> — {v.message}</li>
              ))}
            </ul>
          )}
          <button type="button" className="small" onClick={props.onDismissRefusal}>Sluiten</button>
        </div>
      )}
    </article>
  );
}

interface ChipProps {
  id: string;
  people: PeopleIndex;
  blocks: Block[];
  fresh: boolean;
  movedIn: boolean;
  /** Pinned here by the planner: re-plans keep them at this enclave. */
  pinned?: boolean;
  canEdit: boolean;
  onOpenMoveMenu: (personId: string) => void;
}

export function PersonChip({ id, people, blocks, fresh, movedIn, pinned = false, canEdit, onOpenMoveMenu }: ChipProps) {
  const person = people.get(id);
  const name = person?.name ?? id;
  const partial = blocks.length === 1 ? BLOCK_SHORT[blocks[0] as Block] : null;
  const roleText = person?.kind === "coach" ? COACH_ROLE[person.role ?? "fixed"] : "maatwerker";
  const guidanceText = person?.guidance ? `begeleidingsnood ${GUIDANCE[person.guidance]}` : null;
  const label = [name, id, roleText, guidanceText, partial ? `alleen ${BLOCK[blocks[0] as Block]}` : null, pinned ? "vastgezet" : null, fresh ? "nieuw gewijzigd" : movedIn ? "ingevallen" : null]
    .filter(Boolean)
    .join(", ");
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(DRAG_TYPE, id);
    event.dataTransfer.setData("text/plain", id);
    event.dataTransfer.effectAllowed = "move";
  };
  return (
    <li
      className={`chip${person?.kind === "coach" ? " coach" : ""}${person?.role === "butterfly" ? " butterfly" : ""}${fresh ? " fresh" : ""}${movedIn ? " moved-in" : ""}${pinned ? " pinned" : ""}`}
      draggable={canEdit}
      onDragStart={canEdit ? onDragStart : undefined}
      data-person={id}
      data-pinned={pinned ? "true" : undefined}
    >
      <button
        type="button"
        className="chip-button"
        aria-label={canEdit ? `${label} — verplaats` : label}
        title={canEdit ? `${pinned ? "Vastgezet. " : ""}Verplaats of zet vast (of sleep naar een andere enclave)` : label}
        onClick={() => canEdit && onOpenMoveMenu(id)}
        aria-disabled={!canEdit}
      >
        {pinned && <PinMark />}
        {person?.role === "butterfly" && <span className="tag butterfly-tag" aria-hidden="true">vlinder</span>}
        <span className="chip-name">{name}</span>
        {person?.guidance && (
          <span className={`guidance g-${person.guidance}`} aria-hidden="true">{GUIDANCE[person.guidance]}</span>
        )}
        {partial && <span className="tag" aria-hidden="true">{partial}</span>}
        {fresh && <span className="tag fresh-tag" aria-hidden="true">nieuw</span>}
      </button>
    </li>
  );
}

/** The small pin on a chip: this person is pinned here ("vastgezet"); the chip's label says it in words. */
export function PinMark() {
  return (
    <span className="pin-mark" title="vastgezet" aria-hidden="true">
      <svg width="12" height="12" viewBox="0 0 16 16" focusable="false">
        <path d="M5 1h6l-1 5 3 3H9.2L8 15l-1.2-6H3l3-3z" fill="currentColor" />
      </svg>
    </span>
  );
}

function ChangeLine(props: { change: PlanChange; here: string; people: PeopleIndex; enclaveNames: Map<string, string>; fresh: boolean }) {
  const { change: c, here, people } = props;
  const name = personName(people, c.personId);
  const where = (id: string | null) => (id === null ? "niet ingepland" : props.enclaveNames.has(id) ? `${props.enclaveNames.get(id)} (${id})` : id);
  const block = c.block ? ` (${BLOCK[c.block]})` : "";
  const text = c.to === here
    ? <>→ <strong>{name}</strong> komt {c.from ? `van ${where(c.from)}` : "erbij"}{block}</>
    : <>← <strong>{name}</strong> {c.to ? `gaat naar ${where(c.to)}` : "valt weg"}{block}</>;
  return (
    <li className={props.fresh ? "fresh" : undefined} data-change-person={c.personId}>
      {props.fresh && <span className="tag fresh-tag">nieuw</span>} {text}
      <span className="reason"> — {c.reason}</span>
    </li>
  );
}

function VanLine({ enclaveId, plan, routes, team }: { enclaveId: string; plan: Plan; routes: Route[]; team: Set<string> }) {
  const serving = routes.filter((r) => r.enclaveIds.includes(enclaveId));
  if (serving.length === 0) return <p className="van muted">Busje: geen rit naar deze enclave</p>;
  return (
    <ul className="van" aria-label="Busje">
      {serving.map((route) => {
        const runs = plan.transport.filter((t) => t.routeId === route.id);
        const parts = (["day", "morning", "afternoon"] as const)
          .filter((run) => route.seats[run] > 0)
          .map((run) => {
            const used = runs.filter((t) => t.run === run).flatMap((t) => t.personIds);
            const mine = used.filter((id) => team.has(id)).length;
            return `${RUN[run]} ${used.length}/${route.seats[run]} bezet (${mine} van deze ploeg)`;
          });
        return (
          <li key={route.id}>
            Busje {route.id}: {parts.join(" · ")}
          </li>
        );
      })}
    </ul>
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
