/**
 * Parts of the page loaded only when first needed, so that the start screen loads first: the
 * market scene (Pixi, most of the page's weight) and the forecast's worker (a second copy of the
 * engine, which a worker cannot share with the page). Here, for the dev server and the tests, a
 * plain dynamic import; the production build (scripts/classicScripts.ts) puts each part in a
 * classic script of its own, injected on demand, which also works from file://.
 */
import type * as SceneModule from './scene/marketScene';

export function loadScene(): Promise<typeof SceneModule> {
  return import('./scene/marketScene');
}

/** The forecast's worker: start() runs one (it throws where the page may not start workers). */
export function loadForecastWorker(): Promise<{ start(): Worker }> {
  return import('./forecast.worker?worker').then((m) => ({ start: () => new m.default() }));
}
