/**
 * The late sick call: who, which blocks, which kind — then save, and the board re-plans.
 * Keyboard: "z" opens it, type the name, Enter picks, Enter again saves, Esc closes.
 */
import { useState } from "react";
import type { FormEvent } from "react";
import type { Absence, AbsenceKind, Block } from "../api/types.ts";
import { Modal } from "../components/modal.tsx";
import { PersonPicker } from "../components/person-picker.tsx";
import { AbsenceKindSelect } from "../components/absence-kind-select.tsx";
import { formatLongDate, nowWithOffset } from "../lib/dates.ts";
import type { PersonInfo } from "./people-index.ts";

type BlockChoice = "day" | "am" | "pm";
const BLOCK_CHOICES: { value: BlockChoice; label: string; blocks: Block[] }[] = [
  { value: "day", label: "hele dag", blocks: ["am", "pm"] },
  { value: "am", label: "voormiddag", blocks: ["am"] },
  { value: "pm", label: "namiddag", blocks: ["pm"] },
];

interface Props {
  open: boolean;
  date: string;
  people: PersonInfo[];
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onSave: (absence: Absence) => void;
}

export function SickCallDialog(props: Props) {
  return (
    <Modal open={props.open} title="Ziekmelding" labelId="sick-call-title" onClose={props.onClose}>
      <SickCallForm {...props} />
    </Modal>
  );
}

function SickCallForm({ date, people, busy, error, onSave }: Props) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [choice, setChoice] = useState<BlockChoice>("day");
  const [kind, setKind] = useState<AbsenceKind>("sick");
  const [to, setTo] = useState(date);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!personId) {
      setMissing(true);
      return;
    }
    const blocks = BLOCK_CHOICES.find((c) => c.value === choice)?.blocks ?? ["am", "pm"];
    onSave({ personId, from: date, to: to < date ? date : to, blocks, kind, reportedAt: nowWithOffset() });
  };

  return (
    <form onSubmit={submit} className="stack">
      <p className="muted">Voor {formatLongDate(date)}. Opslaan herplant de dag meteen.</p>
      <PersonPicker label="Wie belt af?" people={people} value={personId} onChange={(id) => { setPersonId(id); setMissing(false); }} autoFocus />
      {missing && <p className="error" role="alert">Kies eerst een persoon.</p>}
      <fieldset>
        <legend>Welke blokken?</legend>
        <div className="radio-row">
          {BLOCK_CHOICES.map((c) => (
            <label key={c.value}>
              <input type="radio" name="blocks" value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <AbsenceKindSelect value={kind} onChange={setKind} />
        <label>
          Tot en met
          <input type="date" value={to} min={date} onChange={(e) => setTo(e.target.value || date)} />
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>{busy ? "Opslaan en herplannen…" : "Opslaan en herplannen"}</button>
        <span className="muted small">Enter = opslaan · Esc = sluiten</span>
      </div>
    </form>
  );
}
