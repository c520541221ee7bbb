/**
 * Plain-text layout for the terminal: padded columns, word wrap with a hanging indent, and
 * optional ANSI colour.
 *
 * Colour is decided once, by the caller (stdout is a TTY and NO_COLOR is not set), and a
 * palette with colour off returns its input unchanged — so output piped to a file or a test
 * is plain text. Widths are measured without the escape codes, so coloured cells still line up.
 */

// The escape character is the point of this pattern.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

export function createPalette(color: boolean): Palette {
  const paint = (open: number, close: number) => (text: string) =>
    color && text !== "" ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { bold: paint(1, 22), dim: paint(2, 22), red: paint(31, 39), green: paint(32, 39), yellow: paint(33, 39) };
}

/**
 * Whether to colour output written to a stream: only a terminal, and never when NO_COLOR is
 * set to a non-empty value (https://no-color.org).
 */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/** The text without colour escape codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Length as seen on screen: escape codes take no room. */
export function visibleLength(text: string): number {
  return [...stripAnsi(text)].length;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleLength(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - visibleLength(text))) + text;
}

/** Cuts plain text to `width` characters, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join("");
  return `${chars.slice(0, width - 1).join("").trimEnd()}…`;
}

/**
 * Word-wraps plain text to `width` columns. The first line starts at the cursor (the caller
 * has already printed `firstIndent` columns); later lines are indented by `indent` spaces.
 * A word longer than a line is left whole rather than broken.
 */
export function wrapText(text: string, width: number, indent: number, firstIndent = indent): string {
  const words = text.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let line = "";
  let room = width - firstIndent;
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && [...candidate].length > room) {
      lines.push(line);
      line = word;
      room = width - indent;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}

/** A column of a table: its header, and whether values line up on the right. */
export interface Column {
  header: string;
  align?: "left" | "right";
}

/**
 * Lays out rows under headers, each column as wide as its widest cell, separated by `gap`
 * spaces. Cells may be coloured; the last column is not padded (no trailing blanks).
 */
export function layoutTable(columns: readonly Column[], rows: readonly (readonly string[])[], gap = 2): string[] {
  const widths = columns.map((column, i) =>
    Math.max(visibleLength(column.header), ...rows.map((row) => visibleLength(row[i] ?? ""))),
  );
  const render = (cells: readonly string[]) =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? "";
        const width = widths[i] ?? 0;
        if (i === columns.length - 1 && column.align !== "right") return cell;
        return column.align === "right" ? padStart(cell, width) : padEnd(cell, width);
      })
      .join(" ".repeat(gap))
      .trimEnd();
  return [render(columns.map((column) => column.header)), ...rows.map(render)];
}
