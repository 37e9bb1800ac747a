/**
 * Every file the CLI reads or writes goes through this module, so that a bad file is a message,
 * never a stack trace:
 * - a missing, unreadable or non-file path is `FILE: cannot read: <why>` (exit 1);
 * - text is UTF-8 with or without a byte-order mark, or UTF-16 with one (as Windows Notepad saves);
 * - a write goes to a temporary file beside the target and is renamed over it, so a crash or a
 *   full disk never leaves half a file where a good one was; several files are written all or none;
 * - an output path that is also an input is refused before anything is read or written;
 * - a closed stdout (`shopsim run --json | head -1`) ends the command quietly.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../sim/fileLimits';

/** Bad input (exit 1): the message names the file. */
export class InputError extends Error {}
/** Bad command line (exit 2). */
export class UsageError extends Error {}

/** Why a file operation failed, in words (the error code in brackets for searching). */
function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a folder on its path is a file (ENOTDIR)';
    case 'ENOSPC':
      return 'no space left on the disk (ENOSPC)';
    case 'EROFS':
      return 'the disk is read-only (EROFS)';
    case 'ENAMETOOLONG':
      return 'the name is too long (ENAMETOOLONG)';
    case 'ELOOP':
      return 'too many symbolic links (ELOOP)';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code})`;
    default:
      return code ? `error ${code}` : String((e as Error).message ?? e);
  }
}

/** The bytes of a file, refused when it is not a regular file or larger than the file limit. */
export function readBytes(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new InputError(`${file}: cannot read: ${why(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`${file}: cannot read: is a directory, not a file`);
    if (!st.isFile()) throw new InputError(`${file}: cannot read: not a regular file`);
    if (st.size > MAX_FILE_BYTES) {
      throw new InputError(`${file}: $: file is too large (${(st.size / 1048576).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1048576} MB)`);
    }
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read: ${why(e)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Text of a file's bytes: UTF-8 (a byte-order mark is dropped), or UTF-16 little- or big-endian
 * when the file starts with that byte-order mark. Bytes that are not UTF-8 are refused by name
 * rather than turned into replacement characters.
 */
export function decodeText(buf: Uint8Array, file: string): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new InputError(`${file}: $: is not UTF-8 or UTF-16 text (save it as UTF-8, e.g. "UTF-8" in Notepad's Save As)`);
  }
}

export function readText(file: string): string {
  return decodeText(readBytes(file), file);
}

/** Whether `path` names an existing file or folder (a broken link or no permission counts as existing, so reading it reports why). */
export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** A file to write: its path and text. */
export interface OutFile {
  path: string;
  text: string;
}

let tempCounter = 0;

/**
 * Writes the files all or none: each goes to a temporary file beside its target first; only when
 * every one is written are they renamed over their targets. On a failure the temporary files are
 * removed and no target has changed. Text is written as UTF-8.
 */
export function writeFiles(files: readonly OutFile[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${++tempCounter}.tmp`);
      try {
        writeFileSync(temp, f.text, { flag: 'wx' });
      } catch (e) {
        throw new InputError(`${f.path}: cannot write: ${why(e)}`);
      }
      temps.push({ temp, path: f.path });
    }
    // A target that cannot be replaced (a folder of that name) is found before any is replaced.
    for (const t of temps) {
      let dir = false;
      try {
        dir = statSync(t.path).isDirectory();
      } catch {
        // no such file yet: the rename creates it
      }
      if (dir) throw new InputError(`${t.path}: cannot write: is a directory, not a file`);
    }
    for (let i = 0; i < temps.length; i++) {
      const t = temps[i]!;
      try {
        renameSync(t.temp, t.path);
      } catch (e) {
        throw new InputError(`${t.path}: cannot write: ${why(e)}${i > 0 ? ` (${i} of ${temps.length} files were already written)` : ''}`);
      }
    }
  } finally {
    for (const t of temps) {
      try {
        unlinkSync(t.temp);
      } catch {
        // renamed already, or never made
      }
    }
  }
}

export function writeText(file: string, text: string): void {
  writeFiles([{ path: file, text }]);
}

/** One name per file on disk: symbolic links and `./` spellings resolved (a missing file by its absolute path). */
function identity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Refuses an output that is also an input (`shopsim run X --out X` would replace the scenario with
 * the Result), before anything is read or written.
 */
export function refuseOverwritingInputs(outputs: readonly (string | undefined)[], inputs: readonly (string | undefined)[]): void {
  const ins = new Map<string, string>();
  for (const i of inputs) if (i !== undefined && exists(i)) ins.set(identity(i), i);
  for (const o of outputs) {
    if (o === undefined) continue;
    const same = ins.get(identity(o));
    if (same !== undefined) throw new UsageError(`the output ${o} is also an input (${same}); write to another file`);
  }
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Set once stdout is closed by its reader: nothing more is written to it. */
let stdoutClosed = false;

/**
 * stdout and stderr. A reader that stops reading (`| head -1`, `| true`) closes the pipe; that is
 * the end of the output, not an error: the rest is dropped and the command ends with its own code.
 */
export const stdio: Output = {
  out: (t) => {
    if (!stdoutClosed) process.stdout.write(t.endsWith('\n') ? t : `${t}\n`);
  },
  err: (t) => {
    process.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
  },
};

let guarded = false;

/** Called by main() when it writes to the real stdout. */
export function endQuietlyOnClosedStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      stdoutClosed = true;
      return;
    }
    process.stderr.write(`shopsim: cannot write to stdout: ${why(e)}\n`);
    process.exit(1);
  });
}
