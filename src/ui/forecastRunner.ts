/**
 * Runs forecasts off the main thread: a debounced request, at most one job in the worker, and only
 * the newest draft's answer shown (older answers are dropped). The worker's script is loaded when
 * the first runner starts (src/ui/lazy.ts), not with the page; a draft made meanwhile waits for it.
 * Where a worker cannot start (its script does not load, or the page may not start workers), the
 * same function runs on the main thread after the debounce.
 */
import { forecastRound, type Forecast, type ForecastJob } from './forecast';
import { loadForecastWorker } from './lazy';

export interface ForecastRunner {
  /** a new draft: replaces any waiting one */
  request(job: () => ForecastJob | null): void;
  destroy(): void;
}

/** Where a forecast was computed: in the worker, or on the page's own thread. */
export type ForecastWhere = 'worker' | 'page';

export function forecastRunner(onResult: (f: Forecast | null, ms: number, where: ForecastWhere) => void, onPending: () => void, delayMs = 120): ForecastRunner {
  let worker: Worker | null = null;
  /** the worker has started, or cannot: jobs go to it, or run here */
  let ready = false;
  let nextId = 0;
  let busy: number | null = null;
  let waiting: { id: number; job: ForecastJob } | null = null;
  let timer: number | null = null;
  let startedAt = 0;
  let destroyed = false;
  let lastJob: ForecastJob | null = null;

  const runLocal = (id: number, job: ForecastJob) => {
    const t0 = performance.now();
    let f: Forecast | null = null;
    try {
      f = forecastRound(job.world, job.state, job.decisions, job.player);
    } catch {
      f = null;
    }
    if (id === nextId && !destroyed) onResult(f, performance.now() - t0, 'page');
  };

  const send = () => {
    if (!waiting || busy !== null || destroyed || !ready) return;
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

  const attach = (w: Worker) => {
    w.onmessage = (e: MessageEvent<{ id: number; forecast?: Forecast; error?: string }>) => {
      const { id, forecast } = e.data;
      busy = null;
      if (id === nextId && !destroyed) onResult(forecast ?? null, performance.now() - startedAt, 'worker');
      send();
    };
    w.onerror = (e) => {
      // The worker could not load (e.g. a page opened from a folder): run here from now on.
      e.preventDefault();
      worker?.terminate();
      worker = null;
      const id = busy;
      busy = null;
      if (id !== null && id === nextId && lastJob) waiting = { id, job: lastJob };
      send();
    };
  };
  loadForecastWorker().then(
    (part) => {
      if (destroyed) return;
      try {
        worker = part.start();
        attach(worker);
      } catch {
        worker = null;
      }
      ready = true;
      send();
    },
    () => {
      ready = true;
      send();
    },
  );

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
          onResult(null, 0, worker ? 'worker' : 'page');
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
