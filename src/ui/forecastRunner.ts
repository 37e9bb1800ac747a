/**
 * Runs forecasts off the main thread: a debounced request, at most one job in the worker, and only
 * the newest draft's answer shown (older answers are dropped). Where a worker cannot start (some
 * file:// pages), the same function runs on the main thread after the debounce.
 */
import ForecastWorker from './forecast.worker?worker&inline';
import { forecastRound, type Forecast, type ForecastJob } from './forecast';

export interface ForecastRunner {
  /** a new draft: replaces any waiting one */
  request(job: () => ForecastJob | null): void;
  destroy(): void;
}

export function forecastRunner(onResult: (f: Forecast | null, ms: number) => void, onPending: () => void, delayMs = 120): ForecastRunner {
  let worker: Worker | null = null;
  try {
    worker = new ForecastWorker();
  } catch {
    worker = null;
  }
  let nextId = 0;
  let busy: number | null = null;
  let waiting: { id: number; job: ForecastJob } | null = null;
  let timer: number | null = null;
  let startedAt = 0;
  let destroyed = false;

  const runLocal = (id: number, job: ForecastJob) => {
    const t0 = performance.now();
    let f: Forecast | null = null;
    try {
      f = forecastRound(job.world, job.state, job.decisions, job.player);
    } catch {
      f = null;
    }
    if (id === nextId && !destroyed) onResult(f, performance.now() - t0);
  };

  const send = () => {
    if (!waiting || busy !== null || destroyed) return;
    const { id, job } = waiting;
    waiting = null;
    if (!worker) {
      runLocal(id, job);
      return;
    }
    busy = id;
    startedAt = performance.now();
    worker.postMessage({ id, job });
  };

  if (worker) {
    worker.onmessage = (e: MessageEvent<{ id: number; forecast?: Forecast; error?: string }>) => {
      const { id, forecast } = e.data;
      busy = null;
      if (id === nextId && !destroyed) onResult(forecast ?? null, performance.now() - startedAt);
      send();
    };
    worker.onerror = (e) => {
      // The worker could not load (e.g. a page opened from a folder): run here from now on.
      e.preventDefault();
      worker?.terminate();
      worker = null;
      const id = busy;
      busy = null;
      if (id !== null && id === nextId && lastJob) waiting = { id, job: lastJob };
      send();
    };
  }
  let lastJob: ForecastJob | null = null;

  return {
    request(make) {
      onPending();
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        timer = null;
        const job = make();
        const id = ++nextId;
        if (!job) {
          waiting = null;
          onResult(null, 0);
          return;
        }
        lastJob = job;
        waiting = { id, job };
        send();
      }, delayMs);
    },
    destroy() {
      destroyed = true;
      if (timer !== null) window.clearTimeout(timer);
      worker?.terminate();
      worker = null;
    },
  };
}
