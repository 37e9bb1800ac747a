/**
 * Plays grading games on the main thread and worker threads (Node only). Results are stored by
 * task index, so the output is the same whatever the number of threads and whichever finishes first.
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

export async function playAll(job: GradeJob, tasks: readonly GameTask[], jobs: number, onGame?: (done: number) => void): Promise<GameOutcome[]> {
  const world = worldOf(job);
  if (jobs <= 1 || tasks.length <= 1) {
    return tasks.map((t, i) => {
      const outcome = playTask(world, job, t);
      onGame?.(i + 1);
      return outcome;
    });
  }
  // The main thread is one of the `jobs`: it plays games one at a time between the messages of
  // jobs − 1 worker threads (a worker costs a start and its own warm-up; the main thread would
  // only wait for them).
  const results = new Array<GameOutcome | undefined>(tasks.length);
  const workers: Worker[] = [];
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
      const finished = (id: number, outcome: GameOutcome) => {
        results[id] = outcome;
        done++;
        onGame?.(done);
        if (done === tasks.length) resolve();
      };
      const count = Math.min(jobs - 1, tasks.length - 1);
      // Games go out in batches (one message for several games; the worker answers each game and
      // asks for more after the batch). A worker holds one batch in reserve (two at its start), so
      // it never waits for the main thread to finish a game and answer; batches shrink as the games
      // run out, so that the threads finish close together.
      const batch = Math.max(1, Math.min(8, Math.ceil(tasks.length / (jobs * 8))));
      const feed = (w: Worker) => {
        if (failed || next >= tasks.length) return;
        const size = Math.max(1, Math.min(batch, Math.ceil((tasks.length - next) / (jobs * 4))));
        const first = next;
        next = Math.min(tasks.length, next + size);
        w.postMessage({ first, tasks: tasks.slice(first, next) });
      };
      const started = new Set<Worker>();
      for (let i = 0; i < count; i++) {
        const w = new Worker(workerUrl(), { workerData: job });
        workers.push(w);
        w.on('message', (msg: { ready?: boolean; id?: number; outcome?: GameOutcome; error?: string }) => {
          if (msg.ready) {
            feed(w);
            if (!started.has(w)) {
              started.add(w);
              feed(w);
            }
            return;
          }
          if (msg.error !== undefined) return fail(new Error(`a grading worker failed: ${msg.error}`));
          finished(msg.id!, msg.outcome!);
        });
        w.on('error', (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (done < tasks.length) fail(new Error(`a grading worker stopped (exit code ${code}) before the games were done`));
        });
      }
      // One game, then a turn of the event loop for the workers' messages.
      const playOne = () => {
        if (failed || next >= tasks.length) return;
        const id = next++;
        try {
          finished(id, playTask(world, job, tasks[id]!));
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        setImmediate(playOne);
      };
      setImmediate(playOne);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as GameOutcome[];
}
