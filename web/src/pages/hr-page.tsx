/**
 * HR-raming: how many butterfly coaches the company needs for a year. Runs the estimate in
 * the background with a progress bar, shows the coverage curve and its table, and puts runs
 * (what-ifs: another service level, metric or year) side by side.
 */
import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.ts";
import type { Estimate, EstimateMetric, EstimateWhatIfs } from "../api/types.ts";
import { may, useUser } from "../lib/session.ts";
import { todayInBrussels } from "../lib/dates.ts";
import { CoverageChart } from "./coverage-chart.tsx";
import type { ChartInput } from "./coverage-chart.tsx";

const pct = new Intl.NumberFormat("nl-BE", { style: "percent", maximumFractionDigits: 1 });
const num = new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 1 });
const METRIC: Record<EstimateMetric, string> = { enclaveDays: "enclavedagen gedekt", fullDays: "volledig gedekte dagen" };
const POLL_MS = 500;

interface Run {
  id: string;
  label: string;
  result: Estimate;
}

export function HrPage() {
  const user = useUser();
  const canRun = may(user, "hr");
  const nextYear = Number(todayInBrussels().slice(0, 4)) + 1;
  const [year, setYear] = useState(nextYear);
  const [target, setTarget] = useState(99);
  const [metric, setMetric] = useState<EstimateMetric>("enclaveDays");
  const [runs, setRuns] = useState(500);
  const [job, setJob] = useState<{ id: string; progress: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Run[]>([]);
  const [shown, setShown] = useState<string | null>(null);
  const [compare, setCompare] = useState<Set<string>>(new Set());
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { id } = await api.startEstimate({ year, serviceLevel: target / 100, metric, runs });
      setJob({ id, progress: 0 });
      const label = `${year} · ${target}% ${METRIC[metric]} · ${runs} runs`;
      const poll = async () => {
        try {
          const state = await api.estimate(id);
          if (state.status === "running") {
            setJob({ id, progress: state.progress });
            timer.current = window.setTimeout(poll, POLL_MS);
          } else if (state.status === "done" && state.result) {
            const result = state.result;
            setJob(null);
            setDone((d) => [...d, { id, label, result }]);
            setShown(id);
            setCompare((c) => new Set([...c, id]));
          } else {
            setJob(null);
            setError(`De raming is mislukt: ${state.error ?? "onbekende fout"}`);
          }
        } catch (err) {
          setJob(null);
          setError(err instanceof Error ? err.message : String(err));
        }
      };
      timer.current = window.setTimeout(poll, 100);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const current = done.find((r) => r.id === shown);
  const compared = done.filter((r) => compare.has(r.id));

  return (
    <section className="page hr" aria-labelledby="hr-title">
      <h1 id="hr-title">HR-raming: hoeveel vlinderbegeleiders?</h1>
      <p className="muted">
        Een simulatie van het jaar (kalenders van de enclaves, verlof, ADV, ziekte-episodes, opleiding van de vlinders) geeft per aantal vlinders de dekking.
      </p>
      {canRun ? (
        <form className="add-form" onSubmit={start} aria-label="Raming starten">
          <div className="field-row wrap">
            <label>Jaar <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} required /></label>
            <label>Dienstniveau (%) <input type="number" min={50} max={100} step={0.1} value={target} onChange={(e) => setTarget(Number(e.target.value))} required /></label>
            <label>
              Maatstaf
              <select value={metric} onChange={(e) => setMetric(e.target.value as EstimateMetric)}>
                <option value="enclaveDays">enclavedagen gedekt</option>
                <option value="fullDays">volledig gedekte dagen</option>
              </select>
            </label>
            <label>Simulaties <input type="number" min={10} max={20000} step={10} value={runs} onChange={(e) => setRuns(Number(e.target.value))} required /></label>
            <button type="submit" className="primary" disabled={job !== null}>Raming starten</button>
          </div>
        </form>
      ) : (
        <p className="muted">Uw rol mag geen raming starten.</p>
      )}
      {job && (
        <div className="progress" role="status">
          <label htmlFor="estimate-progress">Bezig met rekenen… {pct.format(job.progress)}</label>
          <progress id="estimate-progress" max={1} value={job.progress} />
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}

      {current && <EstimateResult run={current} />}

      {current?.result.whatIfs && <WhatIfs base={current.result} whatIfs={current.result.whatIfs} />}

      {done.length > 0 && (
        <section aria-labelledby="compare-title">
          <h2 id="compare-title">Vergelijken</h2>
          <p className="muted small">Start een raming met andere instellingen (dienstniveau, maatstaf, jaar) en zet ze naast elkaar.</p>
          <ul className="run-list">
            {done.map((r) => (
              <li key={r.id}>
                <label className="inline">
                  <input type="checkbox" checked={compare.has(r.id)} onChange={(e) => { const next = new Set(compare); if (e.target.checked) next.add(r.id); else next.delete(r.id); setCompare(next); }} />
                  {r.label} → <strong>{r.result.recommended ?? "—"} vlinders</strong>
                </label>{" "}
                <button type="button" className="small" onClick={() => setShown(r.id)} aria-pressed={shown === r.id}>Tonen</button>
              </li>
            ))}
          </ul>
          {compared.length > 1 && (
            <div className="side-by-side">
              {compared.map((r) => <ComparisonColumn key={r.id} label={r.label} result={r.result} />)}
            </div>
          )}
        </section>
      )}
    </section>
  );
}

function EstimateResult({ run }: { run: Run }) {
  const e = run.result;
  return (
    <section aria-labelledby="result-title" className="estimate-result">
      <h2 id="result-title">Resultaat {e.year}</h2>
      <div className="key-figures">
        <div className="figure big"><span className="value" data-testid="recommended">{e.recommended ?? "—"}</span><span>vlinders aanbevolen (doel {pct.format(e.serviceLevel.target)} {METRIC[e.serviceLevel.metric]})</span></div>
        <div className="figure"><span className="value">{e.arithmeticMinimum}</span><span>rekenkundig minimum (afwezigheidsdagen ÷ beschikbare dagen per vlinder)</span></div>
        <div className="figure"><span className="value">{num.format(e.demand.enclaveDays)}</span><span>enclavedagen in het jaar</span></div>
        <div className="figure"><span className="value">{num.format(e.demand.coachAbsenceDays)}</span><span>afwezigheidsdagen vaste begeleiders</span></div>
        <div className="figure"><span className="value">{num.format(e.demand.butterflyAvailableDays)}</span><span>werkdagen per vlinder</span></div>
      </div>
      <CoverageChart estimate={e} />
      <div className="table-wrap">
        <table className="estimate-table">
          <caption>Dekking per aantal vlinders ({e.runs} gesimuleerde jaren, seed {e.seed})</caption>
          <thead>
            <tr>
              <th scope="col">Vlinders</th>
              <th scope="col">Enclavedagen gedekt</th>
              <th scope="col">Dagen volledig gedekt</th>
              <th scope="col">Ongedekte enclavedagen (gem.)</th>
              <th scope="col">mediaan</th>
              <th scope="col">95e percentiel</th>
            </tr>
          </thead>
          <tbody>
            {e.curve.map((p) => (
              <tr key={p.butterflies} className={p.butterflies === e.recommended ? "recommended-row" : undefined}>
                <th scope="row">{p.butterflies}{p.butterflies === e.recommended ? " ★ aanbevolen" : ""}</th>
                <td>{pct.format(p.enclaveDaysCoveredShare)}</td>
                <td>{pct.format(p.fullDaysShare)}</td>
                <td>{num.format(p.uncoveredEnclaveDays.mean)}</td>
                <td>{num.format(p.uncoveredEnclaveDays.p50)}</td>
                <td>{num.format(p.uncoveredEnclaveDays.p95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function WhatIfs({ base, whatIfs }: { base: Estimate; whatIfs: EstimateWhatIfs }) {
  const { fourFifthCoaches: fourFifth, sharedCoaching: shared, standInWorkers: standIns } = whatIfs;
  if (!fourFifth && !shared && !standIns) return null;
  return (
    <section aria-labelledby="whatif-title">
      <h2 id="whatif-title">Wat als…</h2>
      {(fourFifth || shared) && (
        <div className="side-by-side">
          <ComparisonColumn label="Zoals nu" result={base} />
          {fourFifth && (
            <ComparisonColumn label={`Alle ${fourFifth.coaches} voltijdse vaste begeleiders 4/5`} result={{ ...base, curve: fourFifth.curve, recommended: fourFifth.recommended }} note={fourFifthNote(fourFifth, base.recommended)} />
          )}
          {shared && (
            <ComparisonColumn
              label={`Gedeelde begeleiding (max ${shared.maxEnclaves} enclaves, ${shared.maxTravelMinutes} min)`}
              result={{ ...base, curve: shared.curve, recommended: shared.recommended }}
              note={sharedCoachingNote(shared)}
            />
          )}
        </div>
      )}
      {standIns && (
        <div className="table-wrap">
          <table>
            <caption>
              Invalmaatwerkers voor lijnenclaves ({standIns.lineEnclaveIds.join(", ")}): {standIns.inHouseStandIns} intern beschikbaar;
              aanbevolen extra: <strong>{standIns.recommendedExtra ?? "buiten bereik"}</strong>. {STAND_INS_NOTE}
            </caption>
            <thead><tr><th scope="col">Extra invallers</th><th scope="col">Enclavedagen op minimum</th><th scope="col">Dagen volledig</th><th scope="col">Dagen onder minimum (gem.)</th><th scope="col">95e percentiel</th></tr></thead>
            <tbody>
              {standIns.curve.map((r) => (
                <tr key={r.people} className={r.people === standIns.recommendedExtra ? "recommended-row" : undefined}>
                  <th scope="row">{r.people}</th>
                  <td>{pct.format(r.coveredShare)}</td>
                  <td>{pct.format(r.fullDaysShare)}</td>
                  <td>{num.format(r.uncoveredDays.mean)}</td>
                  <td>{num.format(r.uncoveredDays.p95)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// The estimate's own notes are English (it is also the CLI's and the API's document); the HR
// page says the same in Dutch from the numbers.
type WhatIfs = Required<EstimateWhatIfs>;

const STAND_INS_NOTE =
  "Een lijnenclave (minimum = doel) komt tekort wanneer in een dagdeel minder eigen maatwerkers en invallers aanwezig zijn dan haar minimum. " +
  "Interne invallers vallen in waar ze opgeleid zijn; extra invallers zijn opgeleid voor elke lijnenclave.";

function fourFifthNote(fourFifth: WhatIfs["fourFifthCoaches"], today: number | null): string {
  const rule = `Elk van de ${fourFifth.coaches} voltijdse vaste begeleiders neemt één weekdag vrij (gespreid over maandag tot vrijdag), verlof en ADV naar rato.`;
  if (fourFifth.recommended === null) return `${rule} Geen aantal vlinders haalt dan het serviceniveau.`;
  if (today === null || fourFifth.recommended === today) return `${rule} Nodig: ${fourFifth.recommended} vlinders.`;
  const more = fourFifth.recommended - today;
  return `${rule} Nodig: ${fourFifth.recommended} vlinders in plaats van ${today} (${more > 0 ? `${more} meer` : `${-more} minder`}).`;
}

function sharedCoachingNote(shared: WhatIfs["sharedCoaching"]): string {
  if (shared.groups.length === 0) {
    return `Geen kleine enclaves (minder dan 5 maatwerkers) die dit jaar draaien, liggen binnen ${shared.maxTravelMinutes} minuten van elkaar: er verandert niets.`;
  }
  const groups = shared.groups.map((group) => group.join(" + ")).join(", ");
  const saved = [
    shared.coachesSaved > 0 ? `${shared.coachesSaved} vaste begeleider(s) vrij` : null,
    shared.butterfliesSaved !== null && shared.butterfliesSaved > 0 ? `${shared.butterfliesSaved} vlinder(s) minder nodig` : null,
  ].filter((part): part is string => part !== null);
  return `Eén begeleider per groep: ${groups}.${saved.length > 0 ? ` ${saved.join(" · ")}.` : " Dat spaart niemand uit."}`;
}

function ComparisonColumn({ label, result, note }: { label: string; result: ChartInput & Pick<Estimate, "arithmeticMinimum">; note?: string }) {
  return (
    <article className="compare-column" aria-label={label}>
      <h3>{label}</h3>
      <p className="figure"><span className="value">{result.recommended ?? "—"}</span> vlinders aanbevolen</p>
      <p className="small muted">minimum {result.arithmeticMinimum} · doel {pct.format(result.serviceLevel.target)} {METRIC[result.serviceLevel.metric]}</p>
      {note && <p className="small muted">{note}</p>}
      <CoverageChart estimate={result} width={360} height={200} compact />
    </article>
  );
}
