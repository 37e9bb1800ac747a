/**
 * The forecast's Web Worker: plays the draft round off the main thread, so typing never waits for
 * the engine. One job at a time; the page drops answers to jobs it has replaced.
 */
import { forecastRound, type ForecastJob } from './forecast';

interface Request {
  id: number;
  job: ForecastJob;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(m: unknown): void };
scope.onmessage = (e) => {
  const { id, job } = e.data;
  try {
    scope.postMessage({ id, forecast: forecastRound(job.world, job.state, job.decisions, job.player) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
