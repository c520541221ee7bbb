/**
 * The keyboard way to move a person ("verplaats"): pick the enclave, or take them off; and
 * pin them there ("vastzetten") so that a re-plan keeps them, or unpin them ("losmaken").
 * Pinning in place is a move to the enclave they are at with the box ticked; unpinning is
 * the same move with it cleared (every manual move replaces the person's older pin).
 */
import { useState } from "react";
import type { FormEvent } from "react";
import { Modal } from "../components/modal.tsx";
import type { PeopleIndex } from "./people-index.ts";
import { COACH_ROLE } from "../lib/texts.ts";

interface Props {
  personId: string | null;
  people: PeopleIndex;
  currentEnclaveId: string | null;
  /** The enclave the person is pinned to, if any. */
  pinnedTo: string | null;
  enclaves: { id: string; name: string }[];
  busy: boolean;
  onClose: () => void;
  onMove: (personId: string, toEnclaveId: string | null, pin: boolean) => void;
}

const OFF = "__off__";

export function MoveDialog(props: Props) {
  const person = props.personId ? props.people.get(props.personId) : undefined;
  const title = person ? `Verplaats ${person.name}` : "Verplaats";
  return (
    <Modal open={props.personId !== null} title={title} labelId="move-title" onClose={props.onClose}>
      {props.personId && <MoveForm {...props} personId={props.personId} />}
    </Modal>
  );
}

function MoveForm({ personId, people, currentEnclaveId, pinnedTo, enclaves, busy, onMove }: Props & { personId: string }) {
  const person = people.get(personId);
  const pinnedHere = pinnedTo !== null && pinnedTo === currentEnclaveId;
  // A pinned person most likely needs unpinning where they are; anyone else moves elsewhere.
  const [target, setTarget] = useState<string>(
    pinnedHere && currentEnclaveId ? currentEnclaveId : enclaves.find((e) => e.id !== currentEnclaveId)?.id ?? OFF,
  );
  const [pin, setPin] = useState(pinnedHere);
  const stays = target === currentEnclaveId;
  const action = stays ? (pin ? "Vastzetten" : "Losmaken") : "Verplaatsen";
  // Staying put without changing the pin does nothing.
  const nothingToDo = stays && pin === pinnedHere;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nothingToDo) return;
    onMove(personId, target === OFF ? null : target, pin && target !== OFF);
  };
  return (
    <form onSubmit={submit} className="stack">
      <p className="muted">
        {person ? `${person.id} · ${person.kind === "coach" ? COACH_ROLE[person.role ?? "fixed"] : "maatwerker"}` : personId}
        {currentEnclaveId ? ` · nu in ${currentEnclaveId}` : " · nu niet ingepland"}
        {pinnedTo ? ` · vastgezet in ${pinnedTo}` : ""}. De regels worden meteen gecontroleerd.
      </p>
      <label>
        Naar
        <select value={target} onChange={(e) => setTarget(e.target.value)} autoFocus>
          {enclaves.map((e) => (
            <option key={e.id} value={e.id}>
              {e.id} · {e.name}{e.id === currentEnclaveId ? " (blijft hier)" : ""}
            </option>
          ))}
          <option value={OFF}>Van de ploeg halen (intern werk / reserve)</option>
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={pin && target !== OFF} disabled={target === OFF} onChange={(e) => setPin(e.target.checked)} />
        Vastzetten (herplannen verplaatst deze persoon niet meer)
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || nothingToDo}>{action}</button>
        {nothingToDo && <span className="muted small">{pinnedHere ? "Vink 'Vastzetten' uit om los te maken." : "Kies een andere enclave of vink 'Vastzetten' aan."}</span>}
      </div>
    </form>
  );
}
