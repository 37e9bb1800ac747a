/** A grading worker thread: plays the games it is sent, one message per game. */
import { parentPort, workerData } from 'node:worker_threads';
import { playTask, worldOf, type GameTask, type GradeJob } from './games';

const job = workerData as GradeJob;
const world = worldOf(job);

parentPort!.on('message', (msg: { id: number; task: GameTask }) => {
  try {
    parentPort!.postMessage({ id: msg.id, outcome: playTask(world, job, msg.task) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
parentPort!.postMessage({ ready: true });
