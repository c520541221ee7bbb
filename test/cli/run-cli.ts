/**
 * Runs the real `vlinder` command (bin/vlinder.js, through tsx, exactly as a user would) in a
 * child process and hands back its exit status and output, for the CLI tests. stdout is a
 * pipe, so the output is plain text without colour. Asynchronous, so that a test file's cases
 * can run side by side: each start of the command costs about a second.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(REPO, "bin", "vlinder.js");

/** A fixture of the CLI tests by file name. */
export function fixture(name: string): string {
  return join(REPO, "test", "cli", "fixtures", name);
}

export const WESTHOEK = join(REPO, "test", "fixtures", "westhoek.json");
export const SMALL = fixture("small.json");
/** Monday: the day every fixture is about. */
export const DATE = "2026-11-23";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function vlinder(args: readonly string[], options: { timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO, encoding: "utf8", timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // A non-zero exit is an answer (error.code is the status); anything else is a failure.
        if (error && typeof error.code !== "number") {
          reject(new Error(`vlinder ${args.join(" ")} did not finish: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/** A fresh empty directory for files a test asks vlinder to write. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), "vlinder-cli-"));
}
