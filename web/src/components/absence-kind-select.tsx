/** The absence kind (ziek, verlof, ADV, opleiding, ander) as a labelled select, for the sick call and the week grid. */
import type { AbsenceKind } from "../api/types.ts";
import { ABSENCE_KIND } from "../lib/texts.ts";

export function AbsenceKindSelect({ value, onChange }: { value: AbsenceKind; onChange: (kind: AbsenceKind) => void }) {
  return (
    <label>
      Soort
      <select value={value} onChange={(e) => onChange(e.target.value as AbsenceKind)}>
        {(Object.keys(ABSENCE_KIND) as AbsenceKind[]).map((k) => (
          <option key={k} value={k}>
            {ABSENCE_KIND[k]}
          </option>
        ))}
      </select>
    </label>
  );
}
