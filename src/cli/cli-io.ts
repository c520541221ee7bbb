/**
 * Where a command writes: stdout for its result, stderr for problems and progress. Commands
 * receive this instead of touching `process` so that what they print is decided in one place
 * (colour only for a terminal without NO_COLOR).
 */
import { wantsColor } from "./text-layout.ts";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colour the result written to stdout. */
  color: boolean;
  /** stderr is a terminal: a transient progress line is welcome there. */
  interactive: boolean;
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: wantsColor(process.stdout, process.env),
    interactive: process.stderr.isTTY === true,
  };
}
