/**
 * Watch: the round just played, animated by the Pixi market scene from the finished ticks. Play,
 * pause, 1×/4×/16×, skip to the end; the report is one button away at any time.
 */
import { h } from '../dom';
import { local, t } from '../i18n';
import type { App, Mounted } from '../shell';
import { CROWDS } from '../../engine';
import { crowdMarkerSvg } from '../crowdStyle';
import type { MarketScene, SceneProgress } from '../scene/marketScene';
import { loadScene } from '../lazy';
import { current } from '../session';
import { meanReview } from '../why';
import { formatYuan } from '../../engine';
import { buyerWhy, latestBuyer, shopWhy, type PickedBuyer } from '../sceneWhy';

const SPEEDS = [1, 4, 16] as const;

export function mountWatch(root: HTMLElement, app: App): Mounted {
  const session = app.session()!;
  const { world } = session;
  const state = current(session);
  const store = app.store;
  const round = state.round;
  let scene: MarketScene | null = null;
  let destroyed = false;
  let finished = false;

  const section = h('section', { className: 'screen watch-screen', 'aria-labelledby': 'watch-h' });
  root.append(section);
  const day = h('span', { className: 'day', 'data-testid': 'watch-day' }, t('day', { day: 0, days: world.ticksPerRound }));
  const scaleNote = h('span', { className: 'muted' });
  const playBtn = h('button', {
    type: 'button',
    'data-testid': 'watch-play',
    'aria-pressed': 'true',
    onclick: () => {
      // At the round's end the button plays the round again from day 1.
      if (finished && scene) {
        scene.setFlows(session.lastFlows, reviewDelta);
        setPlaying(true);
        syncControls();
      } else setPlaying(!store.state.watch.playing);
    },
  });
  const speedBtns = SPEEDS.map((sp) =>
    h(
      'button',
      { type: 'button', className: 'speed', 'data-testid': `speed-${sp}`, 'aria-pressed': String(store.state.watch.speed === sp), onclick: () => setSpeed(sp) },
      `${sp}×`,
    ),
  );
  const skipBtn = h('button', { type: 'button', 'data-testid': 'watch-skip', onclick: () => scene?.skipToEnd() }, t('skipToEnd'));
  const reportBtn = h('button', { type: 'button', className: 'primary', 'data-testid': 'open-report', onclick: () => app.go('review') }, t('toReview'));
  const host = h('div', { className: 'scene-host', role: 'img', 'aria-label': t('sceneLabel'), 'data-testid': 'scene' });
  // Why buyers chose a shop: a button per shop in the city picked (keyboard), or a click on its front.
  let pickCity = 0;
  const pickOut = h('div', { className: 'pick-why', 'data-testid': 'pick-why', 'aria-live': 'polite' }, h('p', { className: 'muted' }, t('pickHelp')));
  const citySel = h(
    'select',
    {
      'aria-label': t('city'),
      'data-testid': 'pick-city',
      onchange: (e: Event) => {
        pickCity = Number((e.target as HTMLSelectElement).value);
      },
    },
    ...world.cities.map((c, i) => h('option', { value: String(i) }, local(c.name))),
  );
  function pick(c: number, s: number): void {
    pickCity = c;
    citySel.value = String(c);
    const why = shopWhy(session, s, c);
    delete pickOut.dataset.buyer;
    pickOut.replaceChildren(h('h3', {}, why.title), h('ul', {}, ...why.lines.map((x) => h('li', {}, x))));
    scene?.highlightBuyer(null);
    scene?.setHighlight({ c, s });
  }
  function showBuyer(b: PickedBuyer): void {
    pickCity = b.c;
    citySel.value = String(b.c);
    const why = buyerWhy(session, session.lastFlows, b);
    pickOut.dataset.buyer = `${b.c}:${b.k}:${b.s}`;
    pickOut.replaceChildren(h('h3', {}, why.title), h('ul', {}, ...why.lines.map((x) => h('li', {}, x))));
    scene?.setHighlight(b.s >= 0 ? { c: b.c, s: b.s } : null);
  }
  /** Keyboard: the latest buyer of crowd k in the city picked, up to the day shown; its figure ringed if it is still walking. */
  function pickBuyer(k: number): void {
    const shown = scene ? scene.progress().ticksShown : session.lastFlows.length;
    const b = latestBuyer(session.lastFlows, world.shops.length, pickCity, k, shown);
    if (!b) {
      delete pickOut.dataset.buyer;
      pickOut.replaceChildren(h('p', {}, t('buyerNone', { crowd: t(`crowd_${CROWDS[k]!}`) })));
      return;
    }
    showBuyer(b);
    scene?.highlightBuyer(b);
  }
  const buyerBar = h(
    'div',
    { className: 'pick-bar', role: 'group', 'aria-label': t('pickBuyers') },
    h('span', { className: 'muted', 'aria-hidden': 'true' }, `${t('pickBuyers')}:`),
    ...CROWDS.map((c, k) =>
      h('button', { type: 'button', 'data-testid': `pick-buyer-${k}`, onfocus: () => pickBuyer(k), onclick: () => pickBuyer(k) }, crowdMarkerSvg(k, 14), ' ', t('pickBuyer', { crowd: t(`crowd_${c}`) })),
    ),
  );
  const pickBar = h(
    'div',
    { className: 'pick-bar', role: 'group', 'aria-label': t('pickShops') },
    citySel,
    ...world.shops.map((sh, s) =>
      h(
        'button',
        { type: 'button', 'data-testid': `pick-shop-${s}`, onfocus: () => pick(pickCity, s), onclick: () => pick(pickCity, s) },
        local(sh.name) + (s === session.player ? t('you') : ''),
      ),
    ),
  );
  const P = world.products.length;
  const priceText = (c: number, s: number) => {
    const ls = state.shops[s]!.listings.slice(c * P, c * P + P).filter((l): l is NonNullable<typeof l> => l !== null);
    if (ls.length === 0) return '';
    const lo = Math.min(...ls.map((l) => l.priceFen));
    const hi = Math.max(...ls.map((l) => l.priceFen));
    return lo === hi ? `¥${formatYuan(lo)}` : `¥${formatYuan(lo)}–${formatYuan(hi)}`;
  };
  const legend = h(
    'ul',
    { className: 'legend', 'aria-label': t('legend') },
    ...CROWDS.map((c, k) =>
      h('li', {}, crowdMarkerSvg(k, 16), ' ', t(`crowd_${c}`), h('span', { className: 'visually-hidden' }, ` (${t(`crowdShape_${c}`)})`)),
    ),
    h('li', {}, t('legendLost')),
    h('li', {}, t('legendCoin')),
  );
  section.append(
    h('h2', { id: 'watch-h' }, t('watchTitle', { round })),
    h(
      'div',
      { className: 'watch-controls', role: 'toolbar', 'aria-label': t('speed') },
      playBtn,
      h('span', { className: 'speed-group', role: 'group', 'aria-label': t('speed') }, h('span', { 'aria-hidden': 'true' }, `${t('speed')}: `), ...speedBtns),
      skipBtn,
      day,
      scaleNote,
      reportBtn,
    ),
    host,
    pickBar,
    buyerBar,
    pickOut,
    legend,
    h('p', { className: 'muted' }, t('watchKeys')),
  );

  function setPlaying(playing: boolean): void {
    store.update((d) => void (d.watch.playing = playing));
  }
  function setSpeed(speed: 1 | 4 | 16): void {
    store.update((d) => void (d.watch.speed = speed));
  }
  function syncControls(): void {
    const w = store.state.watch;
    playBtn.textContent = finished ? t('replay') : w.playing ? t('pause') : t('play');
    playBtn.setAttribute('aria-pressed', String(w.playing && !finished));
    speedBtns.forEach((b, i) => b.setAttribute('aria-pressed', String(SPEEDS[i] === w.speed)));
    if (scene) {
      scene.setSpeed(w.speed);
      if (w.playing) scene.play();
      else scene.pause();
    }
  }
  function onProgress(p: SceneProgress): void {
    day.textContent = t('day', { day: p.ticksShown, days: p.ticks });
    scaleNote.textContent = p.scale > 1 ? t('spriteScale', { n: p.scale }) : '';
    section.dataset.finished = String(p.finished);
    if (p.finished !== finished) {
      finished = p.finished;
      syncControls();
    }
  }

  function onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    if (e.key === ' ' && target?.tagName !== 'BUTTON') {
      e.preventDefault();
      setPlaying(!store.state.watch.playing);
    } else if (e.key === '1' || e.key === '2' || e.key === '3') setSpeed(SPEEDS[Number(e.key) - 1]!);
    else if (e.key === 'End') {
      e.preventDefault();
      scene?.skipToEnd();
    }
  }
  document.addEventListener('keydown', onKey);

  // Review score change of each shop over the round, shown as stars at the end.
  const before = session.states[session.states.length - 2];
  const reviewDelta = state.shops.map((s, i) => Math.round((meanReview(s.reviewScore) - (before ? meanReview(before.shops[i]!.reviewScore) : 0)) * 10) / 10);
  // Room for a scrollbar that may appear after the scene is added; the canvas also scales down (CSS).
  const width = Math.max(900, Math.min(1500, Math.floor(host.getBoundingClientRect().width || 1200) - 20));
  // The scene's code (Pixi) loads on first use.
  loadScene()
    .then(({ MarketScene }) =>
      MarketScene.create(
        host,
        {
          cities: world.cities.map((c) => local(c.name)),
          shops: world.shops.map((s, i) => ({ name: local(s.name), isPlayer: i === session.player })),
          ticksPerRound: world.ticksPerRound,
          lostLabel: (n) => `${t('whyLost')} ${n}`,
          labels: { sold: (n) => t('sceneSold', { n }), price: priceText, stock: t('sceneStock') },
          onPick: (c, s) => pick(c, s),
          onPickBuyer: (b) => showBuyer(b),
        },
        { width, height: Math.round(Math.min(460, Math.max(360, width * 0.36))) },
      ),
    )
    .then(
      (sc) => {
        if (destroyed) {
          sc.destroy();
          return;
        }
        scene = sc;
        sc.onProgress(onProgress);
        sc.setFlows(session.lastFlows, reviewDelta);
        syncControls();
      },
      (e: unknown) => {
        host.replaceChildren(h('p', { className: 'error-box' }, t('sceneUnavailable', { error: e instanceof Error ? e.message : String(e) })));
      },
    );
  syncControls();

  return {
    destroy() {
      destroyed = true;
      document.removeEventListener('keydown', onKey);
      scene?.destroy();
      scene = null;
    },
    onState(s, prev) {
      if (s.watch !== prev.watch) syncControls();
    },
  };
}
