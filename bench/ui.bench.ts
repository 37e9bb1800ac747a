/**
 * npm run bench:ui — frame time of the market scene with more than 2,000 buyer figures moving, in
 * headless chromium (Debian's, through playwright-core). Serves bench/ui.html with Vite, runs the
 * page and prints the median (and 95th percentile) cost of a frame (scene update + render), the real
 * interval between frames (what a student sees), and the scene's pace at 1× in days per real second.
 */
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { launch } from '../test/browser/harness';
import type { BenchResult } from './ui-page';

const ROOT = resolve(import.meta.dirname, '..');
const server = await createServer({ root: ROOT, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const addr = server.httpServer?.address();
const port = typeof addr === 'object' && addr ? addr.port : 0;
const browser = await launch();
try {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const query = new URLSearchParams();
  if (process.argv.includes('--no-aa')) query.set('aa', '0');
  const n = process.argv.find((a) => a.startsWith('--buyers='));
  if (n) query.set('n', n.slice('--buyers='.length));
  await page.goto(`http://127.0.0.1:${port}/bench/ui.html?${query.toString()}`);
  await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 120_000 });
  const result = (await page.evaluate(() => window.__bench)) as BenchResult | { error: string };
  if ('error' in result) throw new Error(result.error);
  console.log(`renderer: ${result.renderer} (headless chromium, --disable-gpu: software rendering)`);
  console.log(`buyer figures moving: ${result.minFigures}–${result.maxFigures}`);
  console.log(`frames measured: ${result.frames}`);
  console.log(`median frame time (update + render + gl.finish): ${result.medianFrameMs} ms; p95 ${result.p95FrameMs} ms`);
  console.log(`median interval between frames: ${result.medianIntervalMs} ms (empty page: ${result.baselineIntervalMs} ms)`);
  console.log(
    `real frame rate: ${Math.round((1000 / Math.max(0.01, result.medianIntervalMs)) * 10) / 10} frames/s; scene pace at 1×: ${result.daysPerSecond} days per real second (1 wanted, whatever the frame rate)`,
  );
  if (result.minFigures < 2000 && !n) console.log('warning: fewer than 2,000 figures were moving during the measurement');
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  await server.close();
}
