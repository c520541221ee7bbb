/**
 * Writing the files a command was asked for (`--out`, `--lp`) atomically: each goes to a
 * temporary file in its own directory first, and only when every one was written completely
 * are they renamed into place (a rename within one directory is atomic on POSIX file systems).
 * A reader never sees half a plan, and a failed write (disk full, permissions) leaves no file
 * behind and no stale temporary.
 */
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface OutputFile {
  /** The flag that named it, for messages (`--out`). */
  flag: string;
  path: string;
  text: string;
}

export class OutputFileError extends Error {
  constructor(
    readonly flag: string,
    readonly path: string,
    reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
    this.name = "OutputFileError";
  }
}

/**
 * Why `path` cannot be written, or null when its directory exists. Checked before any work so
 * that a typo in `--out` does not cost a 20-second solve.
 */
export function outputPathProblem(path: string): string | null {
  if (path.trim() === "") return "must name a file";
  try {
    if (statSync(path).isDirectory()) return `${path} is a directory`;
  } catch {
    // Not there yet: the usual case.
  }
  const directory = dirname(path);
  try {
    if (!statSync(directory).isDirectory()) return `cannot write ${path}: ${directory} is not a directory`;
  } catch {
    return `cannot write ${path}: directory ${directory} does not exist`;
  }
  return null;
}

/** Writes every file or none; throws OutputFileError naming the flag of the first failure. */
export function writeFilesAtomically(files: readonly OutputFile[]): void {
  const staged: { file: OutputFile; temp: string }[] = [];
  try {
    for (const file of files) {
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      staged.push({ file, temp });
      try {
        writeFileSync(temp, file.text, { encoding: "utf8", flag: "wx" });
      } catch (error) {
        throw new OutputFileError(file.flag, file.path, reasonOf(error));
      }
    }
    for (const { file, temp } of staged) {
      try {
        renameSync(temp, file.path);
      } catch (error) {
        throw new OutputFileError(file.flag, file.path, reasonOf(error));
      }
    }
  } finally {
    // After success the temporaries are gone (renamed); after a failure they must go.
    for (const { temp } of staged) rmSync(temp, { force: true });
  }
}

function reasonOf(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ENOENT") return "the directory does not exist";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOSPC") return "no space left on the device";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}
