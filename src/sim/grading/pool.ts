/**
 * Plays grading games on worker threads (Node only). Results are stored by task index, so the
 * output is the same whatever the number of workers and whichever finishes first.
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
  if (jobs <= 1 || tasks.length <= 1) {
    const world = worldOf(job);
    return tasks.map((t, i) => {
      const outcome = playTask(world, job, t);
      onGame?.(i + 1);
      return outcome;
    });
  }
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
      const count = Math.min(jobs, tasks.length);
      // Games go out in batches (one message for several games; the worker answers each game and
      // asks for more after the batch); small enough that the workers finish close together.
      const batch = Math.max(1, Math.min(8, Math.ceil(tasks.length / (count * 8))));
      const feed = (w: Worker) => {
        if (failed || next >= tasks.length) return;
        const first = next;
        next = Math.min(tasks.length, next + batch);
        w.postMessage({ first, tasks: tasks.slice(first, next) });
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(workerUrl(), { workerData: job });
        workers.push(w);
        w.on('message', (msg: { ready?: boolean; id?: number; outcome?: GameOutcome; error?: string }) => {
          if (msg.ready) return feed(w);
          if (msg.error !== undefined) return fail(new Error(`a grading worker failed: ${msg.error}`));
          results[msg.id!] = msg.outcome;
          done++;
          onGame?.(done);
          if (done === tasks.length) resolve();
        });
        w.on('error', (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (done < tasks.length) fail(new Error(`a grading worker stopped (exit code ${code}) before the games were done`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as GameOutcome[];
}
