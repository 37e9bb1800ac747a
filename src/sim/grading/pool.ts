/**
 * Plays grading games on the main thread and worker threads (Node only). Results are stored by
 * task index, so the output is the same whatever the number of threads and whichever finishes first.
 *
 * The worker threads are started once per process and kept for later calls (a tournament plays
 * several sets of games; each new thread would cost its start and a cold engine again); between
 * calls they do not keep the process alive. The main thread is one of the `jobs`: it plays games
 * one at a time between the workers' messages, and when none are left to hand out it also plays
 * the games the workers still hold, last handed out first, so that a thread that started late or
 * runs cold never holds up the end. A game is the same wherever it is played: the first answer is
 * kept, and the workers skip what is left of a finished call's games.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GameOutcome } from './metrics';
import { playTask, worldOf, type GameTask, type GradeJob } from './games';

/** Set by the CLI bundle's build (scripts/build-cli.mjs): the bundled worker beside it. */
declare const SHOPSIM_WORKER_BUNDLE: string | undefined;

/** The worker threads' entry: the bundled worker in the built CLI, else the TypeScript one (tsx). */
function workerUrl(): URL {
  return typeof SHOPSIM_WORKER_BUNDLE === 'string' ? new URL(SHOPSIM_WORKER_BUNDLE, import.meta.url) : new URL('./worker-entry.mjs', import.meta.url);
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** What a worker thread says: started, a game's outcome (or its error), or done with a batch. */
export interface WorkerMessage {
  ready?: boolean;
  run?: number;
  id?: number;
  outcome?: GameOutcome;
  error?: string;
  more?: boolean;
}

/** What a worker thread is sent: games of a run, with the job when the thread does not hold it yet. */
export interface WorkerBatch {
  run: number;
  first: number;
  tasks: GameTask[];
  job?: GradeJob;
}

interface Thread {
  worker: Worker;
  /** started and listening */
  ready: boolean;
  /** has played games in this process: its engine is compiled */
  warm: boolean;
  /** the job it holds (by identity) */
  job: GradeJob | null;
  /** batches sent and not yet done */
  queued: number;
}

interface Pool {
  threads: Thread[];
  /** the run being played (0: none), shared with the workers so that they skip a finished run's games */
  current: Int32Array;
  /** the run's handlers, while one is played */
  run: Run | null;
  /** a thread failed: the pool is closed after this run */
  broken: boolean;
}

interface Run {
  feed(t: Thread): void;
  message(msg: WorkerMessage): void;
  fail(e: Error): void;
}

let shared: Pool | null = null;
let runs = 0;

/**
 * Games a call must have for each new worker thread it starts. A thread's start (the bundle, the
 * scenario checked) and its first games, run before its engine is compiled, slow the main thread
 * too while they share the cores. Measured on 2 cores: a tournament of 2 scenarios × 3 seeds (4
 * calls: 39, 3, 39 and 3 games) took 5.2–5.7 s with a new worker for every call against 3.5–4.4 s
 * on the main thread alone; grading 6 teams × 5 seeds (30 games) 2.6–3.1 s against 2.0–2.1 s at a
 * busier hour, and about the same either way at a quieter one.
 */
export const GAMES_PER_NEW_THREAD = 48;

function newPool(): Pool {
  return { threads: [], current: new Int32Array(new SharedArrayBuffer(4)), run: null, broken: false };
}

function addThread(pool: Pool): void {
  const worker = new Worker(workerUrl(), { workerData: { current: pool.current.buffer } });
  const t: Thread = { worker, ready: false, warm: false, job: null, queued: 0 };
  pool.threads.push(t);
  worker.on('message', (msg: WorkerMessage) => {
    if (msg.ready) {
      t.ready = true;
      pool.run?.feed(t);
      return;
    }
    if (msg.more) {
      t.queued--;
      pool.run?.feed(t);
      return;
    }
    if (msg.outcome !== undefined) t.warm = true;
    if (pool.run && msg.run === Atomics.load(pool.current, 0)) pool.run.message(msg);
  });
  const broken = (e: Error) => {
    pool.broken = true;
    pool.run?.fail(e);
  };
  worker.on('error', (e: unknown) => broken(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => broken(new Error(`a grading worker stopped (exit code ${code}) before the games were done`)));
}

async function close(pool: Pool): Promise<void> {
  if (pool === shared) shared = null;
  const threads = pool.threads.splice(0);
  for (const t of threads) t.worker.removeAllListeners('exit');
  await Promise.all(threads.map((t) => t.worker.terminate()));
}

/** Options of playAll for measuring and testing it. */
export interface PlayOptions {
  /** games a call must have for each new worker thread it starts (default GAMES_PER_NEW_THREAD) */
  gamesPerNewThread?: number;
  /** filled in: games answered by worker threads and by the main thread (a game played twice counts where it finished first) */
  played?: { workers: number; main: number };
  /** false: the main thread only hands out games and the workers play them all (to test the workers) */
  mainThread?: boolean;
}

/** Worker threads this process keeps for grading (started by earlier calls, waiting for the next). */
export function gradingThreads(): number {
  return shared === null ? 0 : shared.threads.length;
}

/** Stops the worker threads kept for grading (the next call starts new ones when it needs them). */
export async function closeGradingThreads(): Promise<void> {
  if (shared !== null && shared.run === null) await close(shared);
}

export async function playAll(job: GradeJob, tasks: readonly GameTask[], jobs: number, onGame?: (done: number) => void, opts: PlayOptions = {}): Promise<GameOutcome[]> {
  const world = worldOf(job);
  const serial = () =>
    tasks.map((t, i) => {
      const outcome = playTask(world, job, t);
      if (opts.played) opts.played.main++;
      onGame?.(i + 1);
      return outcome;
    });
  if (jobs <= 1 || tasks.length <= 1) return serial();
  // The process's threads, or (while another call plays on them) threads of this call's own.
  const own = shared !== null && shared.run !== null;
  const pool = own ? newPool() : (shared ??= newPool());
  // A thread already started takes part in any call; a new one is started only for enough games
  // to repay its start and its cold first games (else the main thread plays them sooner alone).
  const perThread = opts.gamesPerNewThread ?? GAMES_PER_NEW_THREAD;
  const count = Math.max(Math.min(jobs - 1, tasks.length - 1, pool.threads.length), Math.min(jobs - 1, tasks.length - 1, Math.floor(tasks.length / perThread)));
  if (count === 0) {
    if (own) await close(pool);
    return serial();
  }
  while (pool.threads.length < count) addThread(pool);
  const threads = pool.threads.slice(0, count);
  for (const t of threads) t.worker.ref();
  const run = ++runs;
  Atomics.store(pool.current, 0, run);

  const results = new Array<GameOutcome | undefined>(tasks.length);
  /** games handed to workers, in the order handed out */
  const handed: number[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const finished = (id: number, outcome: GameOutcome, byWorker: boolean) => {
        if (results[id] !== undefined) return; // played twice: the first answer is kept (they are the same)
        results[id] = outcome;
        if (opts.played) opts.played[byWorker ? 'workers' : 'main']++;
        done++;
        onGame?.(done);
        if (done === tasks.length) resolve();
      };
      // Games go out in batches (one message for several games; the worker answers each game and
      // says when the batch is done). A warm worker holds one batch in reserve, so it never waits
      // for the main thread to finish a game and answer; a cold one gets one batch at a time until
      // it has played one. Batches shrink as the games run out, so that the threads finish close together.
      const batch = Math.max(1, Math.min(8, Math.ceil(tasks.length / (jobs * 8))));
      const feed = (t: Thread) => {
        if (failed || !t.ready || !threads.includes(t)) return;
        while (next < tasks.length && t.queued < (t.warm ? 2 : 1)) {
          const size = Math.max(1, Math.min(batch, Math.ceil((tasks.length - next) / (jobs * 4))));
          const first = next;
          next = Math.min(tasks.length, next + size);
          for (let id = first; id < next; id++) handed.push(id);
          const msg: WorkerBatch = { run, first, tasks: tasks.slice(first, next) };
          if (t.job !== job) {
            msg.job = job;
            t.job = job;
          }
          t.queued++;
          t.worker.postMessage(msg);
        }
      };
      pool.run = {
        feed,
        message: (msg) => {
          if (msg.error !== undefined) fail(new Error(`a grading worker failed: ${msg.error}`));
          else finished(msg.id!, msg.outcome!, true);
        },
        fail,
      };
      for (const t of threads) feed(t);
      // One game, then a turn of the event loop for the workers' messages: a game not handed out
      // yet, else the last handed out that no worker has answered.
      const playOne = () => {
        if (failed || done === tasks.length || opts.mainThread === false) return;
        let id = -1;
        if (next < tasks.length) id = next++;
        else {
          while (handed.length > 0 && id < 0) {
            const h = handed.pop()!;
            if (results[h] === undefined) id = h;
          }
          if (id < 0) return; // every game is played or being played by a worker that will answer
        }
        try {
          finished(id, playTask(world, job, tasks[id]!), false);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        setImmediate(playOne);
      };
      setImmediate(playOne);
    });
  } finally {
    // The run is over: the workers skip the games they still hold, and no longer keep the process alive.
    Atomics.store(pool.current, 0, 0);
    pool.run = null;
    if (own || pool.broken) await close(pool);
    else for (const t of threads) t.worker.unref();
  }
  return results as GameOutcome[];
}
