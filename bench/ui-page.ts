/**
 * The frame-time benchmark's page: the Watch screen's market scene fed synthetic tick flows that
 * keep more than 2,000 buyer figures walking at once, driven frame by frame. Each frame's cost is
 * the scene update, the render and gl.finish() (the GPU's share), measured around all three; the
 * result goes to window.__bench.
 */
import { CROWD_COUNT, type TickFlows } from '../src/engine';
import { MarketScene } from '../src/ui/scene/marketScene';

export interface BenchResult {
  renderer: string;
  frames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  medianIntervalMs: number;
  baselineIntervalMs: number;
  minFigures: number;
  maxFigures: number;
  /** scene days shown per real second at 1× (the clock drives the scene: 1 wanted) */
  daysPerSecond: number;
}

declare global {
  interface Window {
    __bench?: BenchResult | { error: string };
  }
}

const C = 3;
const S = 5;
const TICKS = 60;
const params = new URLSearchParams(location.search);
// buyers per tick; each walks 1.2 ticks, so ~2,400 are on screen at once (?n= changes it, for comparison)
const PER_TICK = Number(params.get('n') ?? 2000);

function flows(): TickFlows[] {
  const out: TickFlows[] = [];
  for (let t = 0; t < TICKS; t++) {
    const sold = new Int32Array(C * CROWD_COUNT * S);
    const orders = new Int32Array(C * CROWD_COUNT * S);
    const lost = new Int32Array(C * CROWD_COUNT);
    let n = 0;
    for (let i = 0; n < PER_TICK; i = (i + 7) % (C * CROWD_COUNT * S)) {
      orders[i]! += 1;
      sold[i]! += 1;
      n++;
      if (n % 9 === 0) {
        lost[(i / S) | 0]! += 1;
        n++;
      }
    }
    out.push({ tick: t + 1, round: 1, sold, orders, lost, soldByProduct: new Int32Array(0), stock: new Int32Array(0) });
  }
  return out;
}

function quantile(xs: number[], q: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** rAF interval of the page with nothing drawn: what the browser itself allows. */
async function baselineInterval(): Promise<number> {
  const xs: number[] = [];
  let last = performance.now();
  await new Promise<void>((done) => {
    const f = (now: number) => {
      xs.push(now - last);
      last = now;
      if (xs.length < 40) requestAnimationFrame(f);
      else done();
    };
    requestAnimationFrame(f);
  });
  return quantile(xs.slice(5), 0.5);
}

async function run(): Promise<void> {
  const baseline = await baselineInterval();
  const host = document.getElementById('host')!;
  const scene = await MarketScene.create(
    host,
    {
      cities: ['Hangzhou', 'Shanghai', 'Beijing'],
      shops: ['A', 'B', 'C', 'D', 'E'].map((name, i) => ({ name, isPlayer: i === 0 })),
      ticksPerRound: TICKS,
      lostLabel: (n) => `lost ${n}`,
    },
    { width: 1280, height: 460, maxFiguresPerTick: 5000, autoStart: false, antialias: params.get('aa') !== '0' },
  );
  scene.setFlows(flows());
  scene.setSpeed(1);
  scene.play();
  const warmupMs = 2500;
  const measureMs = 6000;
  const costs: number[] = [];
  const intervals: number[] = [];
  let minFigures = Infinity;
  let maxFigures = 0;
  const gl = 'gl' in scene.app.renderer ? (scene.app.renderer as { gl: WebGL2RenderingContext }).gl : null;
  const t0 = performance.now();
  let last = t0;
  let dayStart = -1;
  let dayStartAt = 0;
  let dayEnd = 0;
  let dayEndAt = 0;
  await new Promise<void>((done) => {
    const frame = (now: number) => {
      const dt = now - last;
      last = now;
      const a = performance.now();
      scene.step(dt);
      scene.render();
      // Wait for the GPU (here: software GL) to finish the frame, so the cost is the whole frame.
      gl?.finish();
      const cost = performance.now() - a;
      if (now - t0 > warmupMs) {
        const shown = scene.progress().ticksShown;
        if (dayStart < 0) {
          dayStart = shown;
          dayStartAt = now;
        }
        dayEnd = shown;
        dayEndAt = now;
        costs.push(cost);
        intervals.push(dt);
        minFigures = Math.min(minFigures, scene.liveFigures());
        maxFigures = Math.max(maxFigures, scene.liveFigures());
      }
      if (now - t0 < warmupMs + measureMs) requestAnimationFrame(frame);
      else done();
    };
    requestAnimationFrame(frame);
  });
  const renderer = scene.app.renderer.name;
  scene.destroy();
  window.__bench = {
    renderer,
    frames: costs.length,
    medianFrameMs: Math.round(quantile(costs, 0.5) * 100) / 100,
    p95FrameMs: Math.round(quantile(costs, 0.95) * 100) / 100,
    medianIntervalMs: Math.round(quantile(intervals, 0.5) * 100) / 100,
    baselineIntervalMs: Math.round(baseline * 100) / 100,
    minFigures,
    maxFigures,
    daysPerSecond: Math.round(((dayEnd - dayStart) / Math.max(0.001, (dayEndAt - dayStartAt) / 1000)) * 100) / 100,
  };
}

run().catch((e: unknown) => {
  window.__bench = { error: e instanceof Error ? e.message : String(e) };
});
