/** The real classroom server as a child process (`shopsim serve`), and a small JSON client. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/shopsim.mjs', import.meta.url));

export interface Running {
  url: string;
  proc: ChildProcess;
  log(): string;
  /** SIGKILL: no chance to flush or close anything */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(args: string[]): Promise<Running> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--no-build', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout!.on('data', (d) => (log += d));
  proc.stderr!.on('data', (d) => (log += d));
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: a fresh PGlite folder runs initdb in WebAssembly, slow on a busy 2-core machine.
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 240_000);
    const look = () => {
      const m = /on port (\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    proc.stdout!.on('data', look);
    proc.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    url,
    proc,
    log: () => log,
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Answer<T = any> {
  status: number;
  body: T;
  text: string;
  type: string;
}

export async function api<T = any>(base: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined) });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  let body: any = null;
  if (type.startsWith('application/json')) body = JSON.parse(text);
  return { status: res.status, body, text, type };
}
