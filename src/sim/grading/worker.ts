/**
 * A grading worker thread: plays the batches of games it is sent, one answer per game, then says
 * the batch is done. It keeps the job (and its world) it was last sent, and skips the games of a
 * run that has ended (pool.ts: the main thread already has every answer).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { World } from '../../engine';
import { playTask, worldOf, type GradeJob } from './games';
import type { WorkerBatch, WorkerMessage } from './pool';

const current = new Int32Array((workerData as { current: SharedArrayBuffer }).current);
let job: GradeJob | null = null;
let world: World | null = null;

const post = (msg: WorkerMessage) => parentPort!.postMessage(msg);

parentPort!.on('message', (msg: WorkerBatch) => {
  try {
    if (msg.job !== undefined) {
      job = msg.job;
      world = worldOf(job);
    }
    for (let i = 0; i < msg.tasks.length; i++) {
      if (Atomics.load(current, 0) !== msg.run) break;
      const id = msg.first + i;
      try {
        post({ run: msg.run, id, outcome: playTask(world!, job!, msg.tasks[i]!) });
      } catch (e) {
        post({ run: msg.run, id, error: (e as Error).stack ?? String(e) });
        break;
      }
    }
  } catch (e) {
    post({ run: msg.run, error: (e as Error).stack ?? String(e) });
  }
  post({ more: true });
});
post({ ready: true });
