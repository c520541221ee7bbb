/**
 * A searchable person field (ARIA combobox): type a few letters of a name or an id, arrows to
 * choose, Enter to pick. The planner at 07:15 types "lien", Enter, and has the person.
 */
import { useId, useMemo, useState } from "react";
import type { KeyboardEvent } from "react";
import { COACH_ROLE } from "../lib/texts.ts";
import type { PersonInfo } from "../board/people-index.ts";

interface Props {
  label: string;
  people: PersonInfo[];
  value: string | null;
  onChange: (personId: string | null) => void;
  autoFocus?: boolean;
}

function describe(p: PersonInfo): string {
  const role = p.kind === "coach" ? COACH_ROLE[p.role ?? "fixed"] : "maatwerker";
  return `${p.name} · ${p.id} · ${role}${p.homeEnclaveId ? ` · ${p.homeEnclaveId}` : ""}`;
}

function normalise(s: string): string {
  return s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function PersonPicker({ label, people, value, onChange, autoFocus }: Props) {
  const id = useId();
  const selected = people.find((p) => p.id === value) ?? null;
  const [text, setText] = useState(selected ? describe(selected) : "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => {
    const q = normalise(text.trim());
    if (!q) return [];
    return people
      .filter((p) => normalise(`${p.name} ${p.id}`).includes(q))
      .sort((a, b) => Number(!normalise(a.name).startsWith(q)) - Number(!normalise(b.name).startsWith(q)) || a.name.localeCompare(b.name, "nl-BE"))
      .slice(0, 8);
  }, [people, text]);

  const pick = (p: PersonInfo) => {
    onChange(p.id);
    setText(describe(p));
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter" && open && matches.length > 0) {
      event.preventDefault();
      const p = matches[Math.min(active, matches.length - 1)];
      if (p) pick(p);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && matches.length > 0;
  return (
    <div className="picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder="Typ een naam of id, bv. Lien"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" className="picker-list" hidden={!showList} aria-label={label}>
        {matches.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
          >
            {describe(p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
