/** The classroom pages talk to the server only through its JSON API (contracts.md). */
import type { Problem } from '../../sim/scenario';

export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; status: number; error: string; problems: Problem[] };

export async function call<T>(method: string, path: string, opts: { token?: string | null; body?: unknown } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path), { method, headers, body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined });
  } catch (e) {
    return { ok: false, status: 0, error: e instanceof Error ? e.message : String(e), problems: [] };
  }
  const type = res.headers.get('content-type') ?? '';
  if (res.ok) return { ok: true, status: res.status, value: (type.includes('json') ? await res.json() : await res.text()) as T };
  let error = `${res.status} ${res.statusText}`;
  let problems: Problem[] = [];
  if (type.includes('json')) {
    const body = (await res.json()) as { error?: string; problems?: Problem[] };
    error = body.error ?? error;
    problems = body.problems ?? [];
  }
  return { ok: false, status: res.status, error, problems };
}

/** The API sits beside the page: /class and /teacher are served by the same server. */
export function apiUrl(path: string): string {
  return new URL(path, window.location.origin).href;
}

/** Downloads an API answer (CSV, HTML, JSON) as a file, with the token in the header. */
export async function download(path: string, token: string, filename: string): Promise<ApiResult<null>> {
  const res = await fetch(apiUrl(path), { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return { ok: false, status: res.status, error: body.error ?? String(res.status), problems: [] };
  }
  saveBlob(await res.blob(), filename);
  return { ok: true, status: res.status, value: null };
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface ClassInfo {
  classId: string;
  scenario: { id: string; name: { zh: string; en: string }; rounds: number; ticksPerRound: number; cities: { id: string; name: { zh: string; en: string } }[]; products: { id: string; name: { zh: string; en: string } }[] };
  seed: number;
  round: number | null;
  roundsPlayed: number;
  totalRounds: number;
  over: boolean;
  deadline: string | null;
  paused: boolean;
  standIn: 'bot' | 'last';
  teams: { name: string; shop: string; submitted: boolean; joinCode?: string }[];
  submitted: string[];
  announcements: { round: number; at: string; kind: 'event'; event: { multiplier: number; cities?: string[]; products?: string[]; name?: { zh: string; en: string } } }[];
  you: { role: 'teacher' } | { role: 'team'; shop: string; name: string; submitted: boolean };
}

export interface StandingsAnswer {
  roundsPlayed: number;
  totalRounds: number;
  hash: string | null;
  standings: { shop: string; name: string; place: number; score: number; equity: number; bankrupt: boolean; team: boolean }[];
}
