/**
 * Parses JSON text and, when it is not valid JSON, says where (line and column) and why.
 *
 * `JSON.parse` on Node 20 often names no position ("Unexpected token '}', … is not valid
 * JSON"), and a planner fixing a hand-edited scenario file needs one. On failure only, a small
 * RFC 8259 scanner walks the text to find the first offending character; the fast native
 * parser still does the real work.
 */
import type { InputIssue } from "./input-issue.ts";
import { ROOT_PATH } from "./input-issue.ts";

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; issue: InputIssue };

export function parseJsonText(text: string): JsonTextResult {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = locateJsonError(body);
    if (!found) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, issue: { path: ROOT_PATH, message: `not valid JSON: ${reason}` } };
    }
    const { line, column } = lineAndColumn(body, found.offset);
    return {
      ok: false,
      issue: { path: ROOT_PATH, message: `not valid JSON at line ${line}, column ${column}: ${found.reason}` },
    };
  }
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The first syntax error in `text`, or null if the text is valid JSON. */
export function locateJsonError(text: string): { offset: number; reason: string } | null {
  let pos = 0;

  const fail = (reason: string): never => {
    throw new JsonSyntaxError(pos, reason);
  };
  const shown = (): string => (pos >= text.length ? "the end of the text" : JSON.stringify(text[pos]));
  const skipSpace = (): void => {
    while (pos < text.length && " \t\n\r".includes(text[pos] ?? "")) pos++;
  };
  const expectChar = (char: string, what: string): void => {
    if (text[pos] !== char) fail(`expected ${what}, found ${shown()}`);
    pos++;
  };

  const value = (): void => {
    skipSpace();
    const char = text[pos];
    if (char === "{") return object();
    if (char === "[") return array();
    if (char === '"') return string();
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return;
      }
    }
    if (char === "'") fail("strings must use double quotes");
    fail(`expected a value, found ${shown()}`);
  };

  const object = (): void => {
    pos++; // {
    skipSpace();
    if (text[pos] === "}") {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === "}") fail("trailing comma before }");
      if (text[pos] !== '"') fail(`expected a field name in double quotes, found ${shown()}`);
      string();
      skipSpace();
      expectChar(":", '":" after the field name');
      value();
      skipSpace();
      if (text[pos] === ",") {
        pos++;
        continue;
      }
      expectChar("}", '"," or "}"');
      return;
    }
  };

  const array = (): void => {
    pos++; // [
    skipSpace();
    if (text[pos] === "]") {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === "]") fail("trailing comma before ]");
      value();
      skipSpace();
      if (text[pos] === ",") {
        pos++;
        continue;
      }
      expectChar("]", '"," or "]"');
      return;
    }
  };

  const string = (): void => {
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) fail("unterminated string");
      const char = text[pos] ?? "";
      if (char === '"') {
        pos++;
        return;
      }
      if (char < " ") fail("control character (such as a line break) inside a string");
      if (char === "\\") {
        const escape = text[pos + 1] ?? "";
        if ('"\\/bfnrt'.includes(escape) && escape !== "") pos += 2;
        else if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) pos += 6;
        else fail("invalid escape in string");
      } else {
        pos++;
      }
    }
  };

  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) fail(`invalid number at ${shown()}`);
    else pos += match[0].length;
  };

  try {
    skipSpace();
    if (pos >= text.length) fail("the text is empty");
    value();
    skipSpace();
    if (pos < text.length) fail(`unexpected ${shown()} after the end of the document`);
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}
