/** The keyboard way to move a person ("verplaats"): pick the enclave, or take them off. */
import { useState } from "react";
import type { FormEvent } from "react";
import { Modal } from "../components/modal.tsx";
import type { PeopleIndex } from "./people-index.ts";
import { COACH_ROLE } from "../lib/texts.ts";

interface Props {
  personId: string | null;
  people: PeopleIndex;
  currentEnclaveId: string | null;
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

function MoveForm({ personId, people, currentEnclaveId, enclaves, busy, onMove }: Props & { personId: string }) {
  const person = people.get(personId);
  const [target, setTarget] = useState<string>(enclaves.find((e) => e.id !== currentEnclaveId)?.id ?? OFF);
  const [pin, setPin] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMove(personId, target === OFF ? null : target, pin);
  };
  return (
    <form onSubmit={submit} className="stack">
      <p className="muted">
        {person ? `${person.id} · ${person.kind === "coach" ? COACH_ROLE[person.role ?? "fixed"] : "maatwerker"}` : personId}
        {currentEnclaveId ? ` · nu in ${currentEnclaveId}` : " · nu niet ingepland"}. De regels worden meteen gecontroleerd.
      </p>
      <label>
        Naar
        <select value={target} onChange={(e) => setTarget(e.target.value)} autoFocus>
          {enclaves.map((e) => (
            <option key={e.id} value={e.id} disabled={e.id === currentEnclaveId}>
              {e.id} · {e.name}{e.id === currentEnclaveId ? " (huidige)" : ""}
            </option>
          ))}
          <option value={OFF}>Van de ploeg halen (intern werk / reserve)</option>
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} /> Vastzetten (herplannen verplaatst deze persoon niet meer)
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>Verplaatsen</button>
      </div>
    </form>
  );
}
