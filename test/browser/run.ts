/**
 * Browser tests (npm run test:browser): the built site in Debian's chromium, played like a student
 * would, in English and in Chinese. Start the default scenario, set a price (an illegal one first,
 * refused with the cap) and a limited-time discount, play two rounds, open the report, export the
 * save, and check that `shopsim run` on the exported file prints the hash the browser shows. Also:
 * a broken scenario file (picker and drag and drop) and a corrupted save get clear messages and
 * leave the current save untouched. Any console error or unhandled rejection fails the run.
 * Screenshots of the plan, watch and review screens go to test-artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, serveDir, watchErrors } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(ROOT, 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

let failures = 0;
let passes = 0;
const notes: string[] = [];
function check(ok: boolean, what: string): void {
  if (ok) {
    passes++;
    console.log(`  ok   ${what}`);
  } else {
    failures++;
    console.log(`  FAIL ${what}`);
  }
}

const tid = (id: string) => `[data-testid="${id}"]`;

async function waitStatus(page: Page): Promise<{ ok: boolean; text: string }> {
  // The check runs on every input; give the DOM a moment to settle, then read it.
  await page.waitForTimeout(150);
  const el = page.locator(tid('check-status'));
  const cls = (await el.getAttribute('class')) ?? '';
  return { ok: cls.includes(' ok'), text: (await el.textContent()) ?? '' };
}

async function brokenScenarioChecks(page: Page): Promise<void> {
  const broken = JSON.stringify({ kind: 'scenario', version: 1, id: 'bad', name: { zh: '坏', en: 'Bad' }, cities: [], products: [], demand: [], shops: [] });
  await page.setInputFiles(tid('scenario-file'), { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await page.waitForSelector(tid('scenario-problems'));
  const text = (await page.textContent(tid('scenario-problems'))) ?? '';
  check(text.includes('$.cities') && text.includes('1'), `a broken scenario file (picker) shows the validator's message in place: ${text.slice(0, 80)}…`);
  // Drag and drop: the same file dropped on the drop zone.
  await page.reload();
  await page.waitForSelector(tid('dropzone'));
  await page.evaluate((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="dropzone"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, '{"kind":"scenario","version":1,"id":"bad","name":{"zh":"坏","en":"Bad"},"rounds":99,"cities":[{"id":"a","name":{"zh":"甲","en":"A"}}],"products":[],"demand":[],"shops":[]}');
  await page.waitForSelector(tid('scenario-problems'));
  const dropped = (await page.textContent(tid('scenario-problems'))) ?? '';
  check(dropped.includes('$.rounds') && dropped.includes('24'), `a dropped scenario file is validated with field and rule: ${dropped.slice(0, 80)}…`);
}

/** A Chinese student reads the validator's message in Chinese, with the path and the limit. */
async function brokenScenarioZh(page: Page): Promise<void> {
  const broken = JSON.stringify({ kind: 'scenario', version: 1, id: 'bad', name: { zh: '坏', en: 'Bad' }, rounds: 0, cities: [], products: [], demand: [], shops: [], tickPerRound: 30 });
  await page.setInputFiles(tid('scenario-file'), { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await page.waitForSelector(tid('scenario-problems'));
  const text = (await page.textContent(tid('scenario-problems'))) ?? '';
  check(
    text.includes('$.rounds') && text.includes('必须是 1 到 24 之间的整数（现为 0）') && text.includes('必须有 1 到 20 项') && text.includes('未知字段 "tickPerRound"') && !/must be|unknown field/.test(text),
    `a broken scenario file shows every validator message in Chinese: ${text.slice(0, 90)}…`,
  );
  await page.screenshot({ path: resolve(ARTIFACTS, 'scenario-problems-zh.png'), fullPage: true });
  await page.reload();
  await page.waitForSelector(tid('new-game'));
}

/** Where the walking buyers are on the page, read through the PixiJS devtools hook. */
async function buyerPoints(page: Page): Promise<{ x: number; y: number }[]> {
  // A string, so the bundler adds no helpers the page cannot see.
  return (await page.evaluate(`(() => {
    const app = window.__PIXI_APP__;
    if (!app) return [];
    const rect = app.canvas.getBoundingClientRect();
    const scale = rect.width / app.screen.width;
    const out = [];
    const walk = (n) => { for (const c of n.children ?? []) { if (c.label === 'buyer' && c.visible) { const p = c.getGlobalPosition(); out.push({ x: rect.x + p.x * scale, y: rect.y + p.y * scale }); } walk(c); } };
    walk(app.stage);
    return out;
  })()`)) as { x: number; y: number }[];
}

const dayShown = async (page: Page) => Number(/(\d+)/.exec((await page.textContent(tid('watch-day'))) ?? '')?.[1] ?? -1);

/** Mid-round at 1×, paused: a click on a walking buyer says why it chose its shop, in the page. */
async function clickABuyer(page: Page, lang: 'en' | 'zh'): Promise<void> {
  await page.click(tid('speed-1'));
  // On a slow machine 4× may have reached the end already: replay from day 1 at 1×.
  if ((await page.getAttribute('.watch-screen', 'data-finished')) === 'true' || (await dayShown(page)) > 20) {
    if ((await page.getAttribute('.watch-screen', 'data-finished')) !== 'true') await page.keyboard.press('End');
    await page.waitForSelector('.watch-screen[data-finished="true"]');
    await page.click(tid('watch-play'));
    await page.waitForFunction(() => document.querySelector('.watch-screen')?.getAttribute('data-finished') === 'false');
  }
  await page.waitForFunction(() => Number(/(\d+)/.exec(document.querySelector('[data-testid="watch-day"]')?.textContent ?? '')?.[1] ?? 0) >= 3, undefined, { timeout: 20_000 });
  if ((await page.getAttribute(tid('watch-play'), 'aria-pressed')) === 'true') await page.click(tid('watch-play'));
  await page.waitForTimeout(300);
  let who: string | null = null;
  for (const p of (await buyerPoints(page)).slice(0, 30)) {
    await page.mouse.click(p.x, p.y);
    who = await page.getAttribute(tid('pick-why'), 'data-buyer');
    if (who) break;
  }
  const why = (await page.textContent(tid('pick-why'))) ?? '';
  const ranks = lang === 'zh' ? /依次|综合考虑/ : /in order|weigh/;
  check(who !== null && ranks.test(why) && why.includes(lang === 'zh' ? '为什么' : 'why'), `clicking a buyer in the scene says why it chose its shop (${who}, day ${await dayShown(page)}): ${why.slice(0, 110)}…`);
  await page.waitForTimeout(600);
  await page.screenshot({ path: resolve(ARTIFACTS, `watch-buyer-${lang}.png`), fullPage: true });
  await page.click(tid('watch-play'));
}

async function playRoundFromPlan(page: Page, lang: 'en' | 'zh', round: number, shots: boolean): Promise<void> {
  // Keyboard: focus the submit button and press Enter.
  await page.focus(tid('play-round'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${tid('scene')} canvas`);
  await page.waitForTimeout(1800);
  const day = (await page.textContent(tid('watch-day'))) ?? '';
  check(/[1-9]/.test(day), `round ${round}: the scene animates the finished ticks (${day})`);
  if (shots) await page.screenshot({ path: resolve(ARTIFACTS, `watch-${lang}.png`) });
  if (shots) await clickABuyer(page, lang);
  await page.click(tid('speed-16'));
  await page.click(tid('watch-skip'));
  await page.waitForSelector('.watch-screen[data-finished="true"]');
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('state-hash'));
  check((await page.locator('canvas').count()) === 0, `round ${round}: leaving the Watch screen destroys the scene (no canvas left)`);
}

/** Money words: a quantity (units, stock, orders, buyers) never carries them. */
const MONEY = /元|¥|yuan/i;
const QUANTITY = /销量|库存|件|订单|买家数|需求|数量|units?\b|stock|orders?\b|buyers?\b|demand|quantity|\bsold\b/i;

/**
 * Every rendered label of a quantity on the screen (table headers, field labels, the forecast's
 * terms, chart titles) is free of 元/¥/yuan: a quantity is counted in units, buyers or orders.
 */
async function quantityLabels(page: Page, where: string): Promise<void> {
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('th[scope="col"], label, dt, legend, caption, figcaption')]
      .map((e) => {
        // the label itself, without a glossary term's tooltip
        const c = e.cloneNode(true) as HTMLElement;
        for (const tip of c.querySelectorAll('.tip')) tip.remove();
        return (c.textContent ?? '').replace(/\s+/g, ' ').trim();
      })
      .filter((x) => x.length > 0 && x.length < 60),
  );
  const quantities = labels.filter((x) => QUANTITY.test(x));
  const bad = quantities.filter((x) => MONEY.test(x));
  check(quantities.length > 0 && bad.length === 0, `${where}: ${quantities.length} quantity labels, none in yuan${bad.length ? `: ${bad.join(' | ')}` : ` (${[...new Set(quantities)].slice(0, 6).join(' | ')} …)`}`);
}

/** Decision support on the plan: the forecast follows an edit, per-row numbers, a bulk price change. */
async function deskPlan(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const forecast = page.locator(tid('forecast'));
  await page.waitForSelector(`${tid('forecast')}[data-state="ready"]`, { timeout: 10_000 });
  const before = await forecast.getAttribute('data-profit-fen');
  const text = (await forecast.textContent()) ?? '';
  const profitText = ((await page.textContent(tid('forecast-profit'))) ?? '').trim();
  check(
    text.includes(lang === 'zh' ? '这是预测，不是结果' : 'A forecast, not a result') && profitText === `¥${(Number(before) / 100).toFixed(2)}`,
    `the forecast panel is labelled a forecast and shows the forecast profit (${profitText})`,
  );
  // The forecast runs in its worker, whose script (a second copy of the engine) is not part of the
  // start screen's script: it is injected when the first forecast is asked for.
  const runner = await forecast.getAttribute('data-runner');
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src.split('/').pop() ?? ''));
  check(
    runner === 'worker' && scripts.some((f) => /^forecast-[\w-]+\.js$/.test(f)),
    `the forecast runs in its worker (${runner}), from a script loaded on demand (${scripts.filter(Boolean).join(', ')})`,
  );
  // An edit: the forecast follows within half a second of the last keystroke.
  await page.fill(tid('listing:2:price'), '28');
  const t0 = Date.now();
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-testid="forecast"]');
    return el?.getAttribute('data-state') === 'ready' && el.getAttribute('data-profit-fen') !== b;
  }, before, { timeout: 5000 });
  const ms = Date.now() - t0;
  notes.push(`[${lang}] forecast refreshed ${ms} ms after an edit`);
  check(ms <= 500, `the forecast follows an edit within 0.5 s (${ms} ms)`);
  // Typing is never blocked: a fast burst of keys lands whole.
  await page.fill(tid('listing:2:price'), '');
  await page.focus(tid('listing:2:price'));
  await page.keyboard.type('29.90', { delay: 10 });
  check((await page.inputValue(tid('listing:2:price'))) === '29.90', 'typing during a forecast keeps every key (29.90)');
  const econ = (await page.textContent(tid('listing:0:econ'))) ?? '';
  check(econ.includes(lang === 'zh' ? '保本价' : 'break-even') && econ.includes('¥'), `each row shows cost, carrier fee, margin and break-even: ${econ}`);
  // Bulk: tick the three tea rows, −10%.
  for (const i of [0, 3, 6]) await page.check(tid(`listing:${i}:select`));
  const teaBefore = await Promise.all([0, 3, 6].map((i) => page.inputValue(tid(`listing:${i}:price`))));
  await page.fill(tid('bulk-percent'), '-10');
  await page.click(tid('bulk-apply'));
  const teaAfter = await Promise.all([0, 3, 6].map((i) => page.inputValue(tid(`listing:${i}:price`))));
  check(
    teaAfter.every((v, k) => v === (Math.round(Number(teaBefore[k]) * 90) / 100).toFixed(2)),
    `a bulk change of −10% on the ticked rows: ${teaBefore.join(', ')} → ${teaAfter.join(', ')}`,
  );
  // Undo for the rest of the test (prices as they were).
  for (const [k, i] of [0, 3, 6].entries()) await page.fill(tid(`listing:${i}:price`), teaBefore[k]!);
  await page.fill(tid('listing:2:price'), '32.00');
  const cash = (await page.textContent(tid('cash-after-plan'))) ?? '';
  check(/¥\d/.test(cash), `the plan shows the cash left after it: ${cash}`);
  // A quantity is never labelled in yuan: a restock quantity that is not a number asks for units.
  await page.fill(tid('restock:0:quantity'), 'x');
  await waitStatus(page);
  const qtyError = (await page.textContent('[data-error-for="restock:0:quantity"]')) ?? '';
  check(qtyError.includes(lang === 'zh' ? '件数' : 'units') && !MONEY.test(qtyError), `a restock quantity that is not a number asks for units, not yuan: ${qtyError}`);
  await quantityLabels(page, `plan (${lang})`);
  // The listings table fits the plan column at 1280×720: no sideways scroll, nothing under the forecast.
  const fit = await page.evaluate(() => {
    const table = document.querySelector('table.listings')!;
    const box = table.parentElement!;
    const forecast = document.querySelector('[data-testid="forecast"]')!.getBoundingClientRect();
    return { scroll: box.scrollWidth, client: box.clientWidth, right: table.getBoundingClientRect().right, forecastLeft: forecast.left, page: document.documentElement.scrollWidth };
  });
  check(fit.scroll <= fit.client && fit.right <= fit.forecastLeft && fit.page <= 1280, `the listings table fits at 1280×720 without a sideways scroll (${fit.scroll} ≤ ${fit.client} px, right edge ${Math.round(fit.right)} ≤ forecast ${Math.round(fit.forecastLeft)})`);
  await page.fill(tid('restock:0:quantity'), '5000');
  await page.waitForTimeout(200);
  const spend = (await page.textContent(tid('plan-spend'))) ?? '';
  check(spend.includes(lang === 'zh' ? '会破产' : 'bankrupt'), `a plan spending beyond cash warns of bankruptcy: ${spend.slice(-60)}`);
  await page.fill(tid('restock:0:quantity'), '');
  await page.waitForSelector(`${tid('forecast')}[data-state="ready"]`, { timeout: 10_000 });
}

/**
 * The keyword and bidding panel (classic lists keywords): keyword data beside each choice, the
 * 8th title keyword and a bid under 0.05 refused in plain words as they are typed, a legal ad with
 * its reach (daily budget × days); the panel fits 1280 px.
 */
async function searchPanelChecks(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const panel = page.locator(tid('search-panel'));
  check((await panel.count()) === 1, 'the plan has a keyword and bidding panel');
  const head = (await panel.locator('thead').first().textContent()) ?? '';
  check(head.includes(lang === 'zh' ? '每期搜索量' : 'Searches / round') && head.includes(lang === 'zh' ? '平均点击花费' : 'Avg cost per click'), `keyword data columns beside each choice: ${head.slice(0, 90)}`);
  // Tea (product 0) has a row for each of the nine keywords; two start in the title: tick six more (8 > 7).
  const boxes = panel.locator('[data-testid^="search:title:0:"]');
  const n = await boxes.count();
  const ticked: string[] = [];
  for (let i = 0; i < n && ticked.length < 6; i++) {
    const box = boxes.nth(i);
    if (await box.isChecked()) continue;
    await box.check();
    ticked.push((await box.getAttribute('data-testid')) ?? '');
  }
  let status = await waitStatus(page);
  const titleErr = (await page.textContent('[data-error-for="search:title:0"]')) ?? '';
  check(!status.ok && titleErr.includes(lang === 'zh' ? '最多 7 个关键词' : 'at most 7 keywords') && !titleErr.includes('$.rounds'), `an 8th title keyword is refused at the product, naming the rule: ${titleErr.slice(0, 80)}`);
  const count = (await page.textContent(tid('search:count:0'))) ?? '';
  check(count.includes('8'), `the title count shows 8 of 7: ${count}`);
  for (const id of ticked.slice(-1)) await page.uncheck(tid(id));
  status = await waitStatus(page);
  check(status.ok, `7 title keywords pass ${status.ok ? '' : status.text.slice(0, 80)}`);
  // A bid below the platform's 0.05 yuan is refused at the field.
  await page.fill(tid('search:ad:0:bid'), '0.01');
  await page.fill(tid('search:ad:0:dailyBudget'), '20');
  status = await waitStatus(page);
  const bidErr = (await page.textContent('[data-error-for="search:ad:0:bid"]')) ?? '';
  check(!status.ok && bidErr.includes('0.05'), `a bid of 0.01 is refused at the field with the platform's lowest bid: ${bidErr.slice(0, 80)}`);
  await page.fill(tid('search:ad:0:bid'), '0.80');
  status = await waitStatus(page);
  const reach = (await page.textContent(tid('search-reach'))) ?? '';
  check(status.ok && reach.includes('20.00') && reach.includes('600.00'), `a legal ad passes and the panel states what it can spend (20.00 a day × 30 days): ${reach}`);
  const box = await panel.boundingBox();
  check(box !== null && box.x >= 0 && box.x + box.width <= 1280, `the panel fits 1280 px (x ${box?.x} + width ${box?.width})`);
  await panel.screenshot({ path: resolve(ARTIFACTS, `plan-search-${lang}.png`) });
}

async function game(page: Page, lang: 'en' | 'zh', extended: boolean): Promise<void> {
  console.log(`\n[${lang}] default scenario, two rounds`);
  const errors = watchErrors(page);
  await page.goto(served.url);
  await page.waitForSelector(tid('new-game'));
  await page.selectOption('#lang-select', lang);
  check((await page.getAttribute('html', 'lang')) === (lang === 'zh' ? 'zh-CN' : 'en'), `language switched to ${lang}`);
  await page.reload();
  await page.waitForSelector(tid('new-game'));
  check((await page.getAttribute('html', 'lang')) === (lang === 'zh' ? 'zh-CN' : 'en') && (await page.inputValue('#lang-select')) === lang, `the language (${lang}) is remembered after a reload`);
  await page.screenshot({ path: resolve(ARTIFACTS, `start-${lang}.png`) });
  if (extended) await brokenScenarioChecks(page);
  if (lang === 'zh') await brokenScenarioZh(page);
  await page.check(tid('scenario-classic'));
  check((await page.inputValue(tid('seed'))) === '1', 'the seed shows the scenario seed (1)');
  await page.fill(tid('seed'), '7');
  await page.locator(tid('seed')).dispatchEvent('change');
  await page.click(tid('new-game'));
  await page.waitForSelector(tid('play-round'));

  // An illegal price is refused with the rule and the cap; a legal one passes.
  await page.fill(tid('listing:0:price'), '99');
  let status = await waitStatus(page);
  check(!status.ok && status.text.includes(lang === 'zh' ? '违规价格' : 'illegal price') && status.text.includes('65.00'), `an illegal price is refused, naming the cap: ${status.text.slice(0, 90)}…`);
  if (lang === 'zh') await page.screenshot({ path: resolve(ARTIFACTS, 'plan-illegal-zh.png'), fullPage: true });
  await page.fill(tid('listing:0:price'), '45.50');
  await page.press(tid('listing:0:price'), 'Enter');
  check((await page.locator(tid('play-round')).count()) === 1, 'Enter in a price field re-checks the plan without starting the round');
  status = await waitStatus(page);
  check(status.ok, 'a legal price (45.50 under the 65.00 cap) passes the live check');

  // A limited-time discount on the product of the first listing.
  await page.click(tid('add-promotion'));
  await page.selectOption(tid('promotion:0:type'), 'limitedDiscount');
  const fields = await page.locator('[data-testid^="promotion:0:"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  if (fields.includes('promotion:0:rate')) {
    await page.fill(tid('promotion:0:rate'), '0.9');
    if (fields.includes('promotion:0:fromTick')) await page.fill(tid('promotion:0:fromTick'), '1');
    if (fields.includes('promotion:0:toTick')) await page.fill(tid('promotion:0:toTick'), '10');
  }
  status = await waitStatus(page);
  if (!status.ok && /not supported/.test(status.text)) {
    notes.push(`[${lang}] limited-time discount: the engine refuses promotions for now ("${status.text.replace(/\s+/g, ' ').slice(0, 140)}"); the form shows the refusal and the test removes the discount`);
    check(true, 'the limited-time discount is checked by the validator (refused: promotions not in the engine yet — noted)');
    await page.click('.promotion button.link');
    status = await waitStatus(page);
  } else check(status.ok, `a limited-time discount (0.9, days 1–10) passes the rule checks ${status.ok ? '' : status.text}`);
  check(status.ok, 'the plan is legal');
  await deskPlan(page, lang);
  await searchPanelChecks(page, lang);
  if (lang === 'en') await promotionForms(page);
  await page.screenshot({ path: resolve(ARTIFACTS, `plan-${lang}.png`), fullPage: true });

  await playRoundFromPlan(page, lang, 1, true);
  const promoRows = await page.locator(`${tid('promotion-report')} tbody tr`).count();
  check(promoRows === 1, `the round report shows what the limited-time discount did (${promoRows} row)`);
  const bridge = (await page.textContent(tid('promo-bridge'))) ?? '';
  check(bridge.includes(((await page.textContent(tid('promo-ordered-total'))) ?? '').trim()), `the promotion discounts ordered and booked are bridged in words: ${bridge.slice(0, 90)}…`);
  const newCustomers = Number(((await page.textContent(tid('lc-new'))) ?? '').trim());
  check(newCustomers > 0, `the review's lifecycle funnel counts the round's new customers (${newCustomers})`);
  check((await page.locator(`${tid('rfm-grid')} tbody tr`).count()) === 3, 'the review shows the RFM grid (3 recency rows)');
  check(/%$/.test(((await page.textContent(tid('repurchase-orders'))) ?? '').trim()), 'the review shows the repurchase rate by orders');
  await page.locator(tid('service-customers')).screenshot({ path: resolve(ARTIFACTS, `customers-${lang}.png`) });
  await page.screenshot({ path: resolve(ARTIFACTS, `review-round1-${lang}.png`), fullPage: true });
  await quantityLabels(page, `review (${lang})`);
  const live = await page.waitForFunction(() => document.querySelector('[data-testid="live"]')?.textContent ?? '', undefined, { timeout: 5000 });
  check(String(await live.jsonValue()).length > 10, `the round summary is announced in the live region: ${String(await live.jsonValue()).slice(0, 70)}…`);
  await page.click(tid('next-round'));
  await page.waitForSelector(tid('play-round'));
  check((await page.inputValue(tid('listing:0:price'))) === '45.50', 'round 2 starts from last round’s price');
  check((await page.locator('.promotion').count()) === 0, 'round 2 starts without last round’s promotion');
  await page.click(tid('copy-last-round'));
  check((await page.locator('.promotion').count()) === 1 && (await page.inputValue(tid('listing:0:price'))) === '45.50', 'copy last round brings back its promotion and prices');
  await playRoundFromPlan(page, lang, 2, false);
  const hash = ((await page.textContent(tid('state-hash'))) ?? '').trim();
  check(/^[0-9a-f]{16}$/.test(hash), `the review shows the state hash ${hash}`);
  check((await page.locator(tid('why-table')).locator('tbody tr').count()) > 0, 'the review explains where each crowd went');
  const why = (await page.textContent(tid('why-table'))) ?? '';
  check(why.includes(lang === 'zh' ? '自然搜索平均排名' : 'mean organic search rank'), 'the why table gives the search rank for the crowds that look only at the first results');
  const funnel = (await page.textContent(tid('funnel:0'))) ?? '';
  check(/\d/.test(funnel) && funnel.includes(lang === 'zh' ? '展现' : 'impressions'), `the review shows a funnel per product: ${funnel.slice(0, 100)}`);
  await page.locator(tid('funnels')).screenshot({ path: resolve(ARTIFACTS, `review-funnel-${lang}.png`) });
  await page.screenshot({ path: resolve(ARTIFACTS, `review-${lang}.png`), fullPage: true });

  // Export, then replay the file with the CLI.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-save'))]);
  const savePath = resolve(ARTIFACTS, `save-${lang}.json`);
  await download.saveAs(savePath);
  const out = execFileSync(process.execPath, [resolve(ROOT, 'bin/shopsim.mjs'), 'run', savePath, '--json'], { encoding: 'utf8', cwd: ROOT });
  const result = JSON.parse(out) as { hash: string; seed: number; rounds: unknown[] };
  check(result.hash === hash && result.seed === 7 && result.rounds.length === 2, `shopsim run on the exported save gives the browser's hash (${result.hash} = ${hash})`);

  if (extended) {
    // A corrupted and a foreign file are refused; the autosave stays as it was.
    const before = await page.evaluate(() => localStorage.getItem('shopsim.save.v1'));
    await page.click('header button:has-text("' + (lang === 'zh' ? '返回开始' : 'Back to start') + '")');
    await page.waitForSelector(tid('import-save'));
    await page.setInputFiles(tid('import-save'), { name: 'corrupted.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"save","version":1,"scen') });
    await page.waitForSelector(tid('import-error'));
    const msg = (await page.textContent(tid('import-error'))) ?? '';
    check(msg.includes('corrupted.json') && msg.includes('not valid JSON'), `a corrupted save is refused with a clear message: ${msg.slice(0, 90)}…`);
    const scenarioText = readFileSync(resolve(ROOT, 'scenarios/classic.json'));
    await page.setInputFiles(tid('import-save'), { name: 'classic.json', mimeType: 'application/json', buffer: scenarioText });
    await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent?.includes('classic.json'));
    const foreign = (await page.textContent(tid('import-error'))) ?? '';
    check(foreign.includes('$.kind'), `a foreign file (a scenario) is refused naming $.kind: ${foreign.slice(0, 90)}…`);
    const after = await page.evaluate(() => localStorage.getItem('shopsim.save.v1'));
    check(before !== null && before === after, 'the current save is untouched by the refused imports');
    // Continue the autosave: same game, same hash.
    await page.click(tid('continue'));
    await page.waitForSelector(tid('state-hash'));
    check(((await page.textContent(tid('state-hash'))) ?? '').trim() === hash, 'continuing the autosave restores the same game (same hash)');
    // Importing the exported save works too.
    await page.click('header button:has-text("Back to start")');
    await page.setInputFiles(tid('import-save'), savePath);
    await page.waitForSelector(tid('state-hash'));
    check(((await page.textContent(tid('state-hash'))) ?? '').trim() === hash, 'importing the exported save restores the same game');
  }
  check(errors.length === 0, `no console errors or unhandled rejections${errors.length ? `: ${errors.join(' | ')}` : ''}`);
}

/** The built site opened straight from the folder (file://), played to the final ranking. */
async function fromFolder(page: Page): Promise<void> {
  console.log('\n[file://] dist/index.html opened from the folder, six rounds to the final screen');
  const errors = watchErrors(page);
  await page.goto(`file://${resolve(ROOT, 'dist/index.html')}`);
  await page.waitForSelector(tid('new-game'));
  await page.selectOption('#lang-select', 'en');
  // A first visit finds the tutorial chosen; this run plays the classic game.
  check((await page.isChecked(tid('scenario-tutorial'))) && (await page.locator(tid('first-time')).count()) === 1, 'a first-time player finds the tutorial chosen, with a hint');
  await page.check(tid('scenario-classic'));
  await page.click(tid('new-game'));
  for (let r = 1; r <= 6; r++) {
    await page.waitForSelector(tid('play-round'));
    if (r === 1) {
      // The forecast's worker script is injected from the folder too (a Blob worker, or the page's own thread where none may start).
      await page.waitForSelector(`${tid('forecast')}[data-state="ready"]`, { timeout: 10_000 });
      const runner = await page.getAttribute(tid('forecast'), 'data-runner');
      check(runner === 'worker' || runner === 'page', `the forecast works from file:// (in ${runner === 'worker' ? 'its worker' : "the page's thread"})`);
    }
    await page.click(tid('play-round'));
    await page.waitForSelector(`${tid('scene')} canvas`);
    await page.click(tid('watch-skip'));
    if (r === 6) {
      await page.waitForSelector('.watch-screen[data-finished="true"]');
      await page.waitForTimeout(300);
      await page.screenshot({ path: resolve(ARTIFACTS, 'watch-end-en.png') });
    }
    await page.click(tid('open-report'));
    await page.waitForSelector(tid('state-hash'));
    if (r < 6) await page.click(tid('next-round'));
  }
  await page.click(tid('to-final'));
  await page.waitForSelector(tid('score-parts'));
  const summary = (await page.textContent(tid('final-summary'))) ?? '';
  check(/ranked \d of 5 with a score of \d+/.test(summary), `the final screen shows the ranking and the score: ${summary}`);
  const parts = await page.locator(`${tid('rubric-parts')} tbody tr[data-metric]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-metric')));
  const total = ((await page.textContent(tid('rubric-total'))) ?? '').trim();
  check(parts.join(',') === 'equity' && summary.includes(`score of ${total}`), `the final screen shows the rubric part by part (${parts.join(', ')}; total ${total})`);
  check((await page.locator(`${tid('final-standings')} tbody tr`).count()) === 5, 'the final standings list every shop with its rubric score');
  await page.screenshot({ path: resolve(ARTIFACTS, 'final-en.png'), fullPage: true });
  await quantityLabels(page, 'final (en)');
  // Totals over the game, not the last round; the debrief against the winner.
  const totalUnits = Number((await page.textContent(`${tid('game-totals')} tr.mine td[data-col="units"]`)) ?? '-1');
  const debrief = (await page.textContent(tid('debrief'))) ?? '';
  check((await page.locator(`${tid('debrief-decisions')} li`).count()) === 3 && /Round \d/.test(debrief), `the debrief compares with the winner round by round and names three decisions: ${debrief.slice(0, 80)}…`);
  const hash = ((await page.textContent(tid('state-hash'))) ?? '').trim();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-save'))]);
  const savePath = resolve(ARTIFACTS, 'save-final.json');
  await download.saveAs(savePath);
  const out = execFileSync(process.execPath, [resolve(ROOT, 'bin/shopsim.mjs'), 'run', savePath, '--json'], { encoding: 'utf8', cwd: ROOT });
  const replayed = JSON.parse(out) as { hash: string; rounds: { shops: { units: number }[] }[] };
  check(replayed.hash === hash, `the whole game's save replays to the same hash in the CLI (${hash})`);
  const cliUnits = replayed.rounds.reduce((a, r) => a + r.shops[0]!.units, 0);
  check(totalUnits === cliUnits && totalUnits !== replayed.rounds[5]!.shops[0]!.units, `the final screen totals the player's units over all six rounds (${totalUnits} = CLI ${cliUnits}), not the last round's`);
  check(errors.length === 0, `no console errors or unhandled rejections from file://${errors.length ? `: ${errors.join(' | ')}` : ''}`);
}

/** Press Tab until the element with this test id has focus (keyboard only, as a student without a mouse). */
async function tabTo(page: Page, id: string, max = 120): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')) === id) return true;
    await page.keyboard.press('Tab');
  }
  return false;
}

/**
 * A first game in Chinese, by keyboard only: the tutorial is chosen, coach marks guide the plan
 * (next, then skip, remembered after a reload), a price is typed, the round is played, watched,
 * and the review's coach gives its suggestions. Then saves: a second game gets its own slot, and
 * deleting one asks first.
 */
async function firstGameKeyboard(page: Page): Promise<void> {
  console.log('\n[zh] first game, keyboard only: tutorial, coach marks, coach, save slots, scene');
  const errors = watchErrors(page);
  await page.goto(served.url);
  await page.evaluate(() => localStorage.clear());
  await page.evaluate(() => localStorage.setItem('shopsim.lang', 'zh'));
  await page.reload();
  await page.waitForSelector(tid('new-game'));
  check((await page.isChecked(tid('scenario-tutorial'))) && ((await page.textContent(tid('first-time'))) ?? '').includes('教程'), '[zh] a first-time player starts in the tutorial');
  await page.screenshot({ path: resolve(ARTIFACTS, 'start-first-time-zh.png') });
  check(await tabTo(page, 'new-game'), 'Tab reaches New game');
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('coachmark'));
  check((await page.getAttribute(tid('coachmark'), 'data-step')) === 'plan-forecast', 'the first coach mark points at the forecast');
  await page.waitForSelector(`${tid('forecast')}[data-state="ready"]`, { timeout: 10_000 });
  await page.screenshot({ path: resolve(ARTIFACTS, 'plan-coachmark-zh.png') });
  check(await tabTo(page, 'tour-next'), 'Tab reaches the coach mark');
  await page.keyboard.press('Enter');
  check((await page.getAttribute(tid('coachmark'), 'data-step')) === 'plan-price', 'the next coach mark points at the price');
  check(await tabTo(page, 'tour-skip'), 'Tab reaches Skip');
  await page.keyboard.press('Enter');
  check((await page.locator(tid('coachmark')).count()) === 0, 'the hints can be skipped');
  await page.reload();
  await page.waitForSelector(tid('new-game'));
  check(await tabTo(page, 'new-game'), 'Tab reaches New game after a reload');
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('play-round'));
  await page.waitForTimeout(300);
  check((await page.locator(tid('coachmark')).count()) === 0, 'skipping the hints is remembered');
  // Glossary: a course term explains itself on focus.
  check(await tabTo(page, 'listing:0:price'), 'Tab reaches the first price');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('45');
  const tip = (await page.locator('.term[data-term="fixedPrice"] .tip').first().textContent()) ?? '';
  check(tip.includes('一口价') && tip.length > 10, `a course term has its explanation: ${tip}`);
  await page.waitForSelector(`${tid('forecast')}[data-state="ready"]`, { timeout: 10_000 });
  check(await tabTo(page, 'play-round', 200), 'Tab reaches Play round');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${tid('scene')} canvas`);
  // The clock drives the animation: at 1×, about one day a second whatever the frame rate.
  // 1×, to the end, then Replay from day 1 (all by keyboard), so the pace is measured mid-round.
  await page.keyboard.press('1');
  await page.keyboard.press('End');
  await page.waitForSelector('.watch-screen[data-finished="true"]');
  check(await tabTo(page, 'watch-play'), 'Tab reaches Replay');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.watch-screen')?.getAttribute('data-finished') === 'false');
  await page.waitForTimeout(500);
  // Measured inside the page: the day shown now and three seconds later, and the real time between.
  // (no named helpers inside: the page cannot see the test runner's helpers)
  const pace = await page.evaluate(
    () =>
      new Promise<{ days: number; secs: number }>((done) => {
        const d0 = Number(/(\d+)/.exec(document.querySelector('[data-testid="watch-day"]')?.textContent ?? '')?.[1] ?? -1);
        const t0 = performance.now();
        window.setTimeout(
          () => done({ days: Number(/(\d+)/.exec(document.querySelector('[data-testid="watch-day"]')?.textContent ?? '')?.[1] ?? -1) - d0, secs: (performance.now() - t0) / 1000 }),
          3000,
        );
      }),
  );
  notes.push(`[zh] scene at 1×: ${pace.days} days in ${pace.secs.toFixed(1)} s`);
  check(pace.days >= pace.secs * 0.5 - 1 && pace.days <= pace.secs + 2, `at 1× the scene shows about one day a second (${pace.days} days in ${pace.secs.toFixed(1)} s)`);
  check(await tabTo(page, 'pick-shop-0'), 'Tab reaches a shop of the scene');
  const why = (await page.textContent(tid('pick-why'))) ?? '';
  check(why.includes('为什么选它') && why.includes('产品评价'), `focusing a shop says why buyers chose it: ${why.slice(0, 80)}…`);
  await page.screenshot({ path: resolve(ARTIFACTS, 'watch-why-zh.png') });
  // A buyer by keyboard: a crowd's latest buyer in the city picked, and why it chose its shop.
  check(await tabTo(page, 'pick-buyer-1'), 'Tab reaches a buyer of the scene (the low-price crowd)');
  const buyer = (await page.textContent(tid('pick-why'))) ?? '';
  check(
    (await page.getAttribute(tid('pick-why'), 'data-buyer')) !== null && buyer.includes('低价格需求人群') && buyer.includes('含运费的价格（越低越好） → 产品评价') && (await page.getAttribute(tid('pick-why'), 'aria-live')) === 'polite',
    `focusing a buyer says, in a live region, why it chose its shop by its crowd's keys: ${buyer.slice(0, 120)}…`,
  );
  await page.screenshot({ path: resolve(ARTIFACTS, 'watch-buyer-keyboard-zh.png'), fullPage: true });
  await page.keyboard.press('End');
  await page.waitForSelector('.watch-screen[data-finished="true"]');
  await page.screenshot({ path: resolve(ARTIFACTS, 'watch-end-zh.png') });
  check(await tabTo(page, 'open-report'), 'Tab reaches the report');
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('coach'));
  const tips = await page.locator(`${tid('coach')} li`).count();
  const coach = (await page.textContent(tid('coach'))) ?? '';
  const withNumbers = await page.locator(`${tid('coach')} li`).evaluateAll((lis) => lis.filter((li) => /\d/.test(li.textContent ?? '')).length);
  check(tips === 3 && withNumbers === 3, `the coach gives three suggestions, each with its numbers (${tips}): ${coach.slice(0, 160)}…`);
  const hashLine = (await page.textContent('.hash')) ?? '';
  check(hashLine.startsWith('技术细节'), 'the state hash is only in a details line');
  await page.screenshot({ path: resolve(ARTIFACTS, 'review-coach-zh.png'), fullPage: true });

  // Saves: the game has a slot; a second game gets its own; deleting asks first.
  await page.click('header button:has-text("返回开始")');
  await page.waitForSelector(tid('save-slots'));
  const slots1 = await page.locator(`${tid('save-slots')} li`).count();
  await page.check(tid('scenario-classic'));
  await page.click(tid('new-game'));
  await page.waitForSelector(tid('play-round'));
  await page.click(tid('play-round'));
  await page.waitForSelector(`${tid('scene')} canvas`);
  await page.click(tid('watch-skip'));
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('state-hash'), { state: 'attached' });
  await page.click('header button:has-text("返回开始")');
  await page.waitForSelector(tid('save-slots'));
  const names = await page.locator(`${tid('save-slots')} li .slot-name`).allTextContents();
  check(slots1 === 1 && names.length === 2 && names.some((n) => n.includes('教程')) && names.some((n) => n.includes('经典')), `a new game gets its own save slot, none replaced: ${names.join(' | ')}`);
  const first = await page.locator(`${tid('save-slots')} li`).first().getAttribute('data-slot');
  await page.click(tid(`slot-delete-${first}`));
  check((await page.locator(tid(`slot-delete-yes-${first}`)).count()) === 1 && (await page.locator(`${tid('save-slots')} li`).count()) === 2, 'deleting a save asks first (nothing removed yet)');
  await page.screenshot({ path: resolve(ARTIFACTS, 'save-slots-zh.png') });
  await page.click(`${tid('save-slots')} li >> text=保留`);
  check((await page.locator(`${tid('save-slots')} li`).count()) === 2, 'keeping it leaves both saves');
  check(errors.length === 0, `no console errors or unhandled rejections${errors.length ? `: ${errors.join(' | ')}` : ''}`);
}

/** Promotion forms: 满减 tiers and a bundle with real fields; every coupon target in words. */
async function promotionForms(page: Page): Promise<void> {
  await page.click(tid('add-promotion'));
  const i = (await page.locator('.promotion').count()) - 1;
  await page.selectOption(tid(`promotion:${i}:type`), 'spendReward');
  check((await page.locator(`textarea[data-field^="promotion:${i}:"]`).count()) === 0, 'a spend reward has real fields, no raw JSON');
  await page.fill(tid(`promotion:${i}:tiers:0:threshold`), '100');
  await page.fill(tid(`promotion:${i}:tiers:0:off`), '8');
  await page.click(tid(`promotion:${i}:tiers:add`));
  await page.fill(tid(`promotion:${i}:tiers:1:threshold`), '200');
  await page.fill(tid(`promotion:${i}:tiers:1:off`), '20');
  let status = await waitStatus(page);
  check(status.ok, `two spend tiers (100−8, 200−20) pass the rule checks ${status.ok ? '' : status.text}`);
  await page.fill(tid(`promotion:${i}:tiers:1:off`), '300');
  status = await waitStatus(page);
  check(!status.ok && !/\$\.rounds/.test((await page.textContent(`[data-error-for="promotion:${i}:tiers"]`)) ?? ''), `a broken tier is named in plain words at the field: ${((await page.textContent(`[data-error-for="promotion:${i}:tiers"]`)) ?? '').slice(0, 80)}`);
  await page.selectOption(tid(`promotion:${i}:type`), 'bundle');
  check((await page.locator(tid(`promotion:${i}:items:1:product`)).count()) === 1, 'a bundle lists its items with product pickers');
  await page.selectOption(tid(`promotion:${i}:type`), 'coupon');
  const targets = await page.locator(`${tid(`promotion:${i}:target`)} option`).allTextContents();
  check(targets.length === 6 && targets.every((x) => !/^(everyone|potential|new|repeat|sleeping|loyal)$/.test(x)), `every coupon target is in words: ${targets.join(' | ')}`);
  await page.screenshot({ path: resolve(ARTIFACTS, 'plan-promotions.png'), fullPage: true });
  await page.click(`${tid(`promotion:${i}`)} button.link >> nth=-1`);
  await waitStatus(page);
}

/**
 * The service scenario (customer service and customers, course §5 and §9): agents with their wage
 * and load, the gift policy (a cost refused at the field, the cost to expect), then the review's
 * service rows (response time, refund rate, the three DSR parts, negative tags) and the gifts in
 * the costs; the exported save replays to the browser's hash in the CLI.
 */
async function serviceGame(page: Page): Promise<void> {
  console.log('\n[en] service scenario: agents, gift policy and the service review');
  const errors = watchErrors(page);
  await page.goto(served.url);
  await page.waitForSelector(tid('new-game'));
  await page.selectOption('#lang-select', 'en');
  await page.check(tid('scenario-service'));
  await page.click(tid('new-game'));
  await page.waitForSelector(tid('service-panel'));
  const load = (await page.textContent(tid('service-load'))) ?? '';
  check(/Wages ¥\d/.test(load) && load.includes('No inquiries yet'), `before round 1 the service panel gives the agents' wages and says the load is not known yet: ${load}`);
  check((await page.locator(`${tid('service:giftProduct')} option`).count()) === 3, 'the gift policy offers no gift or a gift with either product');
  await page.selectOption(tid('service:giftProduct'), 'tea');
  await page.fill(tid('service:giftCost'), '0');
  let status = await waitStatus(page);
  const costErr = (await page.textContent('[data-error-for="service:giftCost"]')) ?? '';
  check(!status.ok && costErr.includes('0.01') && !costErr.includes('$.rounds'), `a gift costing 0 is refused at the field, naming the lowest cost: ${costErr.slice(0, 90)}`);
  await page.fill(tid('service:giftCost'), '1.50');
  status = await waitStatus(page);
  check(status.ok, `a 1.50 yuan surprise gift with the tea passes the rule checks ${status.ok ? '' : status.text.slice(0, 90)}`);
  const estimate = (await page.textContent(tid('gift-estimate'))) ?? '';
  check(/Each delivered order costs ¥1\.50/.test(estimate), `the panel states what the gifts cost before any round is played: ${estimate}`);
  await page.locator(tid('service-panel')).screenshot({ path: resolve(ARTIFACTS, 'service-plan-en.png') });
  await playRoundFromPlan(page, 'en', 1, false);
  const response = Number(((await page.textContent(tid('response-time'))) ?? '').trim());
  const dsr = await Promise.all(['dsr-description', 'dsr-service', 'dsr-logistics'].map(async (id) => Number(((await page.textContent(tid(id))) ?? '').trim())));
  check(Number.isFinite(response) && response >= 0, `the review gives the mean response time (${response} days)`);
  check(dsr.every((x) => x >= 1 && x <= 5), `the review gives the three DSR parts on the 1–5 scale (${dsr.join(' / ')})`);
  const service = (await page.textContent(tid('service-table'))) ?? '';
  check(/Refund rate/i.test(service) && /tags/i.test(service), `the service table has the refund rate and the negative tags: ${service.slice(0, 120)}…`);
  const costs = (await page.textContent(tid('cost-table'))) ?? '';
  check(costs.includes('Gifts') && costs.includes('Service'), `the round's costs book the gifts and the agents' wages: ${costs.slice(0, 140)}…`);
  await page.locator(tid('service-customers')).screenshot({ path: resolve(ARTIFACTS, 'service-review-en.png') });
  const hash = ((await page.textContent(tid('state-hash'))) ?? '').trim();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-save'))]);
  const savePath = resolve(ARTIFACTS, 'save-service.json');
  await download.saveAs(savePath);
  const saved = JSON.parse(readFileSync(savePath, 'utf8')) as { decisions: { shop: string; rounds: { service?: { surpriseGift?: { product: string; unitCost: number } } }[] }[] };
  const mine = saved.decisions[0];
  const gift = mine?.rounds[0]?.service?.surpriseGift;
  check(gift?.product === 'tea' && gift.unitCost === 1.5, `the exported decisions carry the gift policy (${JSON.stringify(gift)})`);
  const out = execFileSync(process.execPath, [resolve(ROOT, 'bin/shopsim.mjs'), 'run', savePath, '--json'], { encoding: 'utf8', cwd: ROOT });
  const result = JSON.parse(out) as { hash: string; rounds: { shops: { shop: string; costs: Record<string, number> }[] }[] };
  const gifts = result.rounds[0]?.shops.find((x) => x.shop === mine?.shop)?.costs.gifts ?? 0;
  check(result.hash === hash && gifts > 0, `shopsim run on the exported save gives the browser's hash and books the player's gifts (${result.hash} = ${hash}; gifts ¥${gifts})`);
  await page.click(tid('next-round'));
  await page.waitForSelector(tid('gift-estimate'));
  const next = (await page.textContent(tid('gift-estimate'))) ?? '';
  check((await page.inputValue(tid('service:giftCost'))) === '1.50' && /had [1-9]\d* orders: gifts would cost about ¥[1-9]/.test(next), `round 2 keeps the gift policy and estimates its cost from round 1's orders: ${next}`);
  const load2 = (await page.textContent(tid('service-load'))) ?? '';
  check(/about [1-9][\d.]* inquiries a day, about [1-9]\d* agents/.test(load2), `round 2's service panel estimates the agents needed from round 1's inquiries: ${load2}`);
  check(errors.length === 0, `no console errors or unhandled rejections${errors.length ? `: ${errors.join(' | ')}` : ''}`);
}

const served = await serveDir(resolve(ROOT, 'dist'));
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await game(page, 'en', true);
  const page2 = await browser.context.newPage();
  await game(page2, 'zh', false);
  await fromFolder(await browser.context.newPage());
  await firstGameKeyboard(await browser.context.newPage());
  await serviceGame(await browser.context.newPage());
} catch (e) {
  failures++;
  console.log(`  FAIL ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
} finally {
  await browser.close();
  await served.close();
}
for (const n of notes) console.log(`note: ${n}`);
writeFileSync(resolve(ARTIFACTS, 'browser-test.txt'), `failures: ${failures}\n${notes.join('\n')}\n`);
console.log(failures ? `\n${failures} browser check(s) failed` : '\nall browser checks passed');
// The plain closing line CI reads.
console.log(`browser: ${passes} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
