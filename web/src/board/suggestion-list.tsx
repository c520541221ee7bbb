/** Ranked stand-ins for a gap (GET /api/days/:date/suggestions), fetched when the planner asks. */
import { useState } from "react";
import { api } from "../api/client.ts";
import type { Block, Suggestion } from "../api/types.ts";
import { BLOCK, COACH_ROLE } from "../lib/texts.ts";
import type { PeopleIndex } from "./people-index.ts";

interface Props {
  date: string;
  enclaveId: string;
  blocks: Block[];
  people: PeopleIndex;
  enclaveNames: Map<string, string>;
  onPick: (personId: string) => void;
}

export function SuggestionList({ date, enclaveId, blocks, people, onPick }: Props) {
  const [block, setBlock] = useState<Block>(blocks[0] ?? "am");
  const [list, setList] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (b: Block) => {
    setBlock(b);
    setBusy(true);
    setError(null);
    try {
      setList(await api.suggestions(date, enclaveId, b));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="suggestions">
      <div className="button-row">
        {(blocks.length > 0 ? blocks : (["am"] as Block[])).map((b) => (
          <button key={b} type="button" className="small" onClick={() => load(b)} disabled={busy}>
            Voorstellen {BLOCK[b]}
          </button>
        ))}
      </div>
      {busy && <p className="muted small" role="status">Voorstellen laden…</p>}
      {error && <p className="error small" role="alert">{error}</p>}
      {list && !busy && (
        list.length === 0 ? (
          <p className="muted small">Geen voorstellen voor de {BLOCK[block]}.</p>
        ) : (
          <ol className="suggestion-list" aria-label={`Voorstellen ${enclaveId} ${BLOCK[block]}`}>
            {[...list].sort((a, b) => a.rank - b.rank).map((s) => (
              <li key={s.personId}>
                <button type="button" className="small" onClick={() => onPick(s.personId)} disabled={s.allowed === false}>
                  Inzetten
                </button>{" "}
                {s.allowed === false && <span className="tag">breekt een regel</span>}{" "}
                <strong>{s.name || people.get(s.personId)?.name || s.personId}</strong>{" "}
                <span className="muted">({COACH_ROLE[s.role] ?? s.role}{s.fromEnclaveId ? `, nu ${s.fromEnclaveId}` : ", vrij"})</span>
                <span className="reason"> — {s.reason}</span>
              </li>
            ))}
          </ol>
        )
      )}
    </div>
  );
}
