/** A grading worker thread: plays the batches of games it is sent, one answer per game, then asks for more. */
import { parentPort, workerData } from 'node:worker_threads';
import { playTask, worldOf, type GameTask, type GradeJob } from './games';

const job = workerData as GradeJob;
const world = worldOf(job);

parentPort!.on('message', (msg: { first: number; tasks: GameTask[] }) => {
  for (let i = 0; i < msg.tasks.length; i++) {
    const id = msg.first + i;
    try {
      parentPort!.postMessage({ id, outcome: playTask(world, job, msg.tasks[i]!) });
    } catch (e) {
      parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) });
      return;
    }
  }
  parentPort!.postMessage({ ready: true });
});
parentPort!.postMessage({ ready: true });
