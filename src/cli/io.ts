/** File reading for the CLI: bad files become messages, never stack traces. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../scenario/parse';

export class InputError extends Error {}
export class UsageError extends Error {}

export function readText(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new InputError(`${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'}: no such file or no permission)`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError(`${file}: $: file is too large (${(size / 1048576).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1048576} MB)`);
  }
  return readFileSync(file, 'utf8');
}

export function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new InputError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Output = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};
