/**
 * Writes a LinearModel in CPLEX LP format, so any other solver (HiGHS in our benchmarks and
 * reference tests, CPLEX, Gurobi, CBC) can solve exactly the model vlinder solves.
 *
 * The lexicographic levels are folded into one weighted "Minimize" objective (see
 * `weightedObjective`); the level weights are written as a comment at the top.
 */
import { weightedObjective, type LinearModel } from "./linear-model.ts";

/** LP-format names: letters, digits and a few symbols; ours are built from ids, so sanitise them. */
export function lpName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `v_${cleaned}`;
}

function formatTerms(terms: Map<string, number>): string {
  const parts: string[] = [];
  for (const [variable, coefficient] of terms) {
    if (coefficient === 0) continue;
    const sign = coefficient < 0 ? "-" : "+";
    const magnitude = Math.abs(coefficient);
    parts.push(`${sign} ${magnitude === 1 ? "" : `${magnitude} `}${lpName(variable)}`);
  }
  if (parts.length === 0) return "0";
  const text = parts.join(" ");
  return text.startsWith("+ ") ? text.slice(2) : text;
}

/** Breaks long expressions into lines of at most ~200 characters (some readers limit line length). */
function wrap(text: string): string {
  const words = text.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line.length + word.length + 1 > 200) {
      lines.push(line);
      line = "   ";
    }
    line += (line.length > 0 && !line.endsWith(" ") ? " " : "") + word;
  }
  lines.push(line);
  return lines.join("\n");
}

export function writeCplexLp(model: LinearModel, title = "vlinder day model"): string {
  const { terms, weights } = weightedObjective(model);
  const out: string[] = [];
  out.push(`\\ ${title}`);
  out.push(`\\ lexicographic levels folded into one objective (weight per level):`);
  model.objectives.forEach((objective, i) => {
    out.push(`\\   ${i + 1}. ${objective.sense} ${objective.name}  weight ${weights[i]}`);
  });
  out.push("Minimize");
  out.push(wrap(` obj: ${formatTerms(terms)}`));
  out.push("Subject To");
  for (const row of model.rows) {
    out.push(wrap(` ${lpName(row.name)}: ${formatTerms(row.terms)} ${row.sense} ${row.rhs}`));
  }
  out.push("Bounds");
  for (const variable of model.variables.values()) {
    const upper = Number.isFinite(variable.upper) ? String(variable.upper) : "+inf";
    out.push(` 0 <= ${lpName(variable.name)} <= ${upper}`);
  }
  const integers = [...model.variables.values()].filter((variable) => variable.integer);
  if (integers.length > 0) {
    out.push("General");
    for (let i = 0; i < integers.length; i += 8) {
      out.push(" " + integers.slice(i, i + 8).map((variable) => lpName(variable.name)).join(" "));
    }
  }
  out.push("End");
  return out.join("\n") + "\n";
}
