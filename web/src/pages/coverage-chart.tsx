/**
 * The coverage curve: what k butterflies buy. Share of enclave-days covered and share of
 * fully covered days against the number of butterflies, with the service level and the
 * recommendation marked. Plain SVG, readable without colour (markers and labels).
 */
import { useId } from "react";
import type { Estimate } from "../api/types.ts";

const pct = new Intl.NumberFormat("nl-BE", { style: "percent", maximumFractionDigits: 1 });

/** What the chart draws: a curve, the service level, and the recommendation (null: out of reach). */
export type ChartInput = Pick<Estimate, "year" | "serviceLevel" | "curve"> & { recommended: number | null };

interface Props {
  estimate: ChartInput;
  width?: number;
  height?: number;
  compact?: boolean;
}

export function CoverageChart({ estimate, width = 640, height = 320, compact = false }: Props) {
  const uid = useId();
  const curve = [...estimate.curve].sort((a, b) => a.butterflies - b.butterflies);
  if (curve.length === 0) return <p className="muted">Geen curve in het resultaat.</p>;
  const pad = { left: compact ? 40 : 56, right: 16, top: 16, bottom: compact ? 32 : 44 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const xs = curve.map((p) => p.butterflies);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const lowest = Math.min(...curve.flatMap((p) => [p.fullDaysShare, p.enclaveDaysCoveredShare]), estimate.serviceLevel.target);
  // Round ticks (every 5, 10 or 20 %) from just below the lowest value to 100 %.
  const step = 1 - lowest <= 0.2 ? 0.05 : 1 - lowest <= 0.45 ? 0.1 : 0.2;
  const yMin = Math.max(0, Math.floor((lowest - 1e-9) / step) * step);
  const tickCount = Math.round((1 - yMin) / step);
  const x = (v: number) => pad.left + (xMax === xMin ? innerW / 2 : ((v - xMin) / (xMax - xMin)) * innerW);
  const y = (v: number) => pad.top + (1 - (v - yMin) / (1 - yMin || 1)) * innerH;
  const line = (key: "fullDaysShare" | "enclaveDaysCoveredShare") => curve.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.butterflies).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ");
  const yTicks = Array.from({ length: tickCount + 1 }, (_, i) => yMin + i * step);
  const target = estimate.serviceLevel.target;
  const metricLabel = estimate.serviceLevel.metric === "enclaveDays" ? "enclavedagen gedekt" : "volledig gedekte dagen";
  const title = `Dekking per aantal vlinders, ${estimate.year}`;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${uid}-t ${uid}-d`} width="100%" preserveAspectRatio="xMidYMid meet">
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>
          {curve.map((p) => `${p.butterflies} vlinders: ${pct.format(p.enclaveDaysCoveredShare)} enclavedagen, ${pct.format(p.fullDaysShare)} volle dagen`).join("; ")}
        </desc>
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end" className="axis-label">{pct.format(t)}</text>
          </g>
        ))}
        {curve.map((p) => (
          <text key={p.butterflies} x={x(p.butterflies)} y={height - pad.bottom + 16} textAnchor="middle" className="axis-label">{p.butterflies}</text>
        ))}
        {!compact && <text x={pad.left + innerW / 2} y={height - 6} textAnchor="middle" className="axis-title">aantal vlinderbegeleiders</text>}
        <line x1={pad.left} x2={width - pad.right} y1={y(target)} y2={y(target)} className="target" />
        {estimate.recommended != null && (
          <g>
            <line x1={x(estimate.recommended)} x2={x(estimate.recommended)} y1={pad.top} y2={pad.top + innerH} className="recommended" />
            <text x={x(estimate.recommended) + 4} y={pad.top + innerH - 6} className="recommended-label">aanbevolen: {estimate.recommended}</text>
          </g>
        )}
        <path d={line("enclaveDaysCoveredShare")} className="series series-enclave" />
        <path d={line("fullDaysShare")} className="series series-full" />
        {curve.map((p) => (
          <g key={`m-${p.butterflies}`}>
            <circle cx={x(p.butterflies)} cy={y(p.enclaveDaysCoveredShare)} r={3.5} className="marker-enclave" />
            <rect x={x(p.butterflies) - 3.5} y={y(p.fullDaysShare) - 3.5} width={7} height={7} className="marker-full" />
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        <span><span className="swatch swatch-enclave" aria-hidden="true">●</span> enclavedagen gedekt</span>
        <span><span className="swatch swatch-full" aria-hidden="true">■</span> dagen waarop elke enclave gedekt is</span>
        <span><span className="swatch swatch-target" aria-hidden="true">- -</span> doel {pct.format(target)} ({metricLabel})</span>
      </figcaption>
    </figure>
  );
}
