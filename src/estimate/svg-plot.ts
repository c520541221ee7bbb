/**
 * The chart of `vlinder estimate --plot`: coverage against the number of butterflies, with the
 * service level drawn in and the recommendation marked — the picture HR shows the board.
 *
 * Hand-written SVG (no dependency): two lines (share of enclave-days covered, share of days
 * fully covered), a horizontal line at the target, a vertical mark at the recommendation and
 * one at the scenario's own number of butterflies. The vertical axis starts at the next 10%
 * below the lowest point, so the region near the target is not squeezed into a sliver.
 */
import type { Estimate } from "../scenario/schema.ts";

const WIDTH = 760;
const HEIGHT = 460;
const MARGIN = { left: 72, right: 24, top: 56, bottom: 96 };
const COLORS = { enclaveDays: "#1f6fb2", fullDays: "#d9822b", target: "#c0392b", grid: "#e3e3e3", text: "#222", muted: "#666" };

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function percent(share: number): string {
  const value = share * 100;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

export function estimateSvg(estimate: Estimate, title: string): string {
  const { curve, serviceLevel, recommended } = estimate;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxK = Math.max(1, curve.at(-1)?.butterflies ?? 1);
  const lowest = Math.min(serviceLevel.target, ...curve.flatMap((row) => [row.fullDaysShare, row.enclaveDaysCoveredShare]));
  const yMin = Math.max(0, Math.floor(lowest * 10 - 1e-9) / 10);
  const x = (k: number) => MARGIN.left + (k / maxK) * plotWidth;
  const y = (share: number) => MARGIN.top + (1 - (share - yMin) / (1 - yMin)) * plotHeight;
  const parts: string[] = [];
  const text = (px: number, py: number, content: string, attrs = "") =>
    parts.push(`<text x="${px.toFixed(1)}" y="${py.toFixed(1)}" ${attrs}>${escapeXml(content)}</text>`);

  /** Text on a white box, so that it stays readable over grid lines and curves. */
  const label = (px: number, py: number, content: string, anchor: "start" | "end", color: string, weight: string) => {
    const width = content.length * 7 + 8;
    const left = anchor === "start" ? px - 4 : px - width + 4;
    parts.push(`<rect x="${left.toFixed(1)}" y="${(py - 13).toFixed(1)}" width="${width}" height="18" fill="#fff" fill-opacity="0.9"/>`);
    text(px, py, content, `font-size="13" font-weight="${weight}" text-anchor="${anchor}" fill="${color}"`);
  };

  parts.push(`<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  text(MARGIN.left, 28, title, `font-size="17" font-weight="bold" fill="${COLORS.text}"`);
  // Horizontal grid and labels every 10% (every 5% when the axis spans 30% or less).
  const step = 1 - yMin <= 0.3 ? 0.05 : 0.1;
  for (let share = yMin; share <= 1 + 1e-9; share += step) {
    const py = y(share);
    parts.push(`<line x1="${MARGIN.left}" y1="${py.toFixed(1)}" x2="${WIDTH - MARGIN.right}" y2="${py.toFixed(1)}" stroke="${COLORS.grid}"/>`);
    text(MARGIN.left - 8, py + 4, percent(Math.round(share * 100) / 100), `font-size="12" text-anchor="end" fill="${COLORS.muted}"`);
  }
  // Vertical ticks: every butterfly count (every second one beyond 20).
  const tickEvery = maxK > 20 ? 2 : 1;
  for (let k = 0; k <= maxK; k += tickEvery) {
    const px = x(k);
    parts.push(`<line x1="${px.toFixed(1)}" y1="${MARGIN.top + plotHeight}" x2="${px.toFixed(1)}" y2="${MARGIN.top + plotHeight + 5}" stroke="${COLORS.muted}"/>`);
    text(px, MARGIN.top + plotHeight + 20, String(k), `font-size="12" text-anchor="middle" fill="${COLORS.muted}"`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="${COLORS.muted}"/>`);
  text(MARGIN.left + plotWidth / 2, MARGIN.top + plotHeight + 42, "Butterflies employed", `font-size="13" text-anchor="middle" fill="${COLORS.text}"`);
  text(18, MARGIN.top + plotHeight / 2, "Share covered", `font-size="13" text-anchor="middle" fill="${COLORS.text}" transform="rotate(-90 18 ${(MARGIN.top + plotHeight / 2).toFixed(1)})"`);

  // The scenario's own number of butterflies, for comparison.
  const own = estimate.scenarioButterflies;
  if (own !== undefined && own <= maxK && own !== recommended) {
    parts.push(`<line x1="${x(own).toFixed(1)}" y1="${MARGIN.top}" x2="${x(own).toFixed(1)}" y2="${MARGIN.top + plotHeight}" stroke="${COLORS.muted}" stroke-dasharray="2 4"/>`);
    text(x(own) + 4, MARGIN.top + plotHeight - 42, `today: ${own}`, `font-size="12" fill="${COLORS.muted}"`);
  }
  // The service level.
  const targetY = y(serviceLevel.target);
  parts.push(`<line x1="${MARGIN.left}" y1="${targetY.toFixed(1)}" x2="${WIDTH - MARGIN.right}" y2="${targetY.toFixed(1)}" stroke="${COLORS.target}" stroke-width="1.5" stroke-dasharray="8 5"/>`);
  const metricText = serviceLevel.metric === "fullDays" ? "of days fully covered" : "of enclave-days covered";

  const line = (pick: (row: (typeof curve)[number]) => number, color: string, dash: string) => {
    const points = curve.map((row) => `${x(row.butterflies).toFixed(1)},${y(pick(row)).toFixed(1)}`).join(" ");
    parts.push(`<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2.5" ${dash}/>`);
    for (const row of curve) parts.push(`<circle cx="${x(row.butterflies).toFixed(1)}" cy="${y(pick(row)).toFixed(1)}" r="3" fill="${color}"/>`);
  };
  line((row) => row.enclaveDaysCoveredShare, COLORS.enclaveDays, "");
  line((row) => row.fullDaysShare, COLORS.fullDays, `stroke-dasharray="6 4"`);

  // Left, just below the line, over the curves: they start low there, so little is hidden.
  label(MARGIN.left + 8, targetY + 17, `service level: ${percent(serviceLevel.target)} ${metricText}`, "start", COLORS.target, "normal");

  // The recommendation: a vertical line and a ring on the curve the target is about.
  const chosen = curve.find((row) => row.butterflies === recommended);
  if (chosen) {
    const share = serviceLevel.metric === "fullDays" ? chosen.fullDaysShare : chosen.enclaveDaysCoveredShare;
    const px = x(recommended);
    parts.push(`<line x1="${px.toFixed(1)}" y1="${MARGIN.top}" x2="${px.toFixed(1)}" y2="${MARGIN.top + plotHeight}" stroke="${COLORS.text}" stroke-width="1.2"/>`);
    parts.push(`<circle cx="${px.toFixed(1)}" cy="${y(share).toFixed(1)}" r="7" fill="none" stroke="${COLORS.text}" stroke-width="2"/>`);
    const anchor = px > MARGIN.left + plotWidth * 0.7 ? "end" : "start";
    label(px + (anchor === "end" ? -8 : 8), MARGIN.top + plotHeight - 14, `recommended: ${recommended} (${percent(share)})`, anchor, COLORS.text, "bold");
  }

  // Legend below the axis title.
  const legendY = HEIGHT - 22;
  parts.push(`<line x1="${MARGIN.left}" y1="${legendY - 4}" x2="${MARGIN.left + 28}" y2="${legendY - 4}" stroke="${COLORS.enclaveDays}" stroke-width="2.5"/>`);
  text(MARGIN.left + 34, legendY, "enclave-days covered", `font-size="12" fill="${COLORS.text}"`);
  parts.push(`<line x1="${MARGIN.left + 200}" y1="${legendY - 4}" x2="${MARGIN.left + 228}" y2="${legendY - 4}" stroke="${COLORS.fullDays}" stroke-width="2.5" stroke-dasharray="6 4"/>`);
  text(MARGIN.left + 234, legendY, "days with every enclave covered", `font-size="12" fill="${COLORS.text}"`);
  text(WIDTH - MARGIN.right, legendY, `${estimate.runs} simulated years, seed ${estimate.seed}`, `font-size="11" text-anchor="end" fill="${COLORS.muted}"`);

  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="${escapeXml(title)}">
${parts.join("\n")}
</svg>
`;
}
