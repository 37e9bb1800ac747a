/**
 * Classroom browser test (part of npm run test:browser): the real `shopsim serve` on the built
 * site, a teacher and two students in three browser contexts. The teacher creates a class, the
 * students join with their codes and submit round 1 from the plan screen, the teacher sees both
 * submissions and plays the round, the students watch it and see the class leaderboard, a reload
 * resumes a student's seat, and the grades export. Any console error fails the run.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../server/helpers';
import { CHROMIUM, watchErrors } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(ROOT, 'test-artifacts');
let failures = 0;
let passes = 0;
function check(ok: boolean, what: string): void {
  if (ok) passes++;
  else failures++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
}
const tid = (id: string) => `[data-testid="${id}"]`;

const server = await startServer(['--data', join(mkdtempSync(join(tmpdir(), 'shopsim-classroom-')), 'db')]);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
console.log('\n[classroom] a teacher and two students play one round');
try {
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'en-US' })));
  const [teacher, alpha, beta] = await Promise.all(contexts.map((c) => c.newPage()));
  const errors = [teacher, alpha, beta].map((p) => watchErrors(p!));
  // Three pages, two of them animating the market at once: slow on a busy 2-core machine.
  for (const p of [teacher, alpha, beta]) p!.setDefaultTimeout(120_000);

  await teacher!.goto(`${server.url}/teacher`);
  await teacher!.fill(tid('teacher-teams'), 'Alpha\nBeta');
  await teacher!.fill(tid('teacher-password'), 'class-pass');
  await teacher!.click(tid('teacher-create'));
  await teacher!.waitForSelector(tid('code-s1-02'), { timeout: 120_000 }).catch(async (e) => {
    throw new Error(`${(e as Error).message}\nnotice: ${await teacher!.textContent(tid('teacher-notice'))}`);
  });
  const classId = ((await teacher!.textContent(tid('teacher-class'))) ?? '').split(':').pop()!.trim();
  const codes = { Alpha: (await teacher!.textContent(tid('code-s1')))!.trim(), Beta: (await teacher!.textContent(tid('code-s1-02')))!.trim() };
  check(/^[a-z0-9]{6}$/.test(classId) && /^[A-Z0-9]{6}$/.test(codes.Alpha), `the teacher creates a class and sees the join codes (class ${classId})`);
  await teacher!.screenshot({ path: resolve(ARTIFACTS, 'classroom-teacher.png'), fullPage: true });

  const join = async (page: Page, code: string) => {
    await page.goto(`${server.url}/class`);
    await page.fill(tid('class-id'), classId);
    await page.fill(tid('join-code'), code.toLowerCase());
    await page.click(tid('join-class'));
    await page.waitForSelector(tid('play-round'), { timeout: 120_000 });
  };
  await join(alpha!, codes.Alpha);
  await join(beta!, codes.Beta);
  check((await alpha!.textContent(tid('class-team')))!.includes('Alpha'), 'a student joins with the class id and a join code and gets the plan screen of the class market');

  for (const page of [alpha!, beta!]) {
    await page.click(tid('play-round'));
    await page.waitForSelector(tid('class-wait'), { timeout: 120_000 });
  }
  check((await beta!.textContent(tid('class-wait')))!.includes('Waiting for the teacher'), 'after submitting, a team waits for the teacher');
  await beta!.screenshot({ path: resolve(ARTIFACTS, 'classroom-student-wait.png'), fullPage: true });

  await teacher!.waitForFunction(() => document.querySelectorAll('.teacher .done').length === 2, null, { timeout: 60_000 });
  check(true, 'the teacher sees both submissions live');
  await teacher!.click(tid('teacher-advance'));
  await teacher!.waitForFunction(() => document.querySelector('[data-testid="teacher-round-title"]')?.textContent?.includes('Round 2'), null, { timeout: 120_000 });
  check(true, 'the teacher plays round 1 and the dashboard opens round 2');

  for (const page of [alpha!, beta!]) {
    await page.waitForSelector(tid('watch-skip'), { timeout: 120_000 });
    await page.click(tid('watch-skip'));
    await page.click(tid('open-report'));
    await page.waitForSelector(tid('state-hash'));
  }
  const board = (await alpha!.textContent(tid('class-leaderboard'))) ?? '';
  check(board.includes('Alpha') && board.includes('Beta'), 'the students watch and review the round with the class leaderboard');
  await alpha!.screenshot({ path: resolve(ARTIFACTS, 'classroom-student-review.png'), fullPage: true });

  await beta!.reload();
  await beta!.waitForSelector(tid('class-team'));
  await beta!.waitForSelector(tid('play-round'), { timeout: 120_000 });
  check((await beta!.textContent(tid('class-round')))!.includes('Round 2'), 'a reload resumes the team in the class, planning round 2');

  const [download] = await Promise.all([teacher!.waitForEvent('download'), teacher!.click(tid('export-csv'))]);
  const csv = readFileSync((await download.path())!, 'utf8');
  check(csv.includes('Alpha') && csv.includes('Beta'), 'the teacher exports the grades as CSV');
  const all = errors.flat();
  check(all.length === 0, `no console errors in the three browsers${all.length ? `: ${all.join(' | ')}` : ''}`);
} catch (e) {
  failures++;
  console.log(`  FAIL ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
} finally {
  await browser.close();
  await server.stop();
}
console.log(`classroom browser: ${passes} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
