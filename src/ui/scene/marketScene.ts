/**
 * The Watch screen's market scene (PixiJS v8). Each city is a street of storefronts; buyers are
 * figures coloured and shaped by crowd that walk from the street to the shop they bought from, or
 * look around and leave empty-handed. The scene only reads finished ticks (the engine's tick
 * flows) and animates between them on its own clock: frame time never reaches the simulation.
 * Everything it creates it destroys.
 */
import { Application, Circle, Container, Graphics, Sprite, Text, type Texture } from 'pixi.js';
import { CROWD_COUNT, type TickFlows } from '../../engine';
import { crowdLook, shapePoints } from '../crowdStyle';

export interface SceneShop {
  name: string;
  isPlayer: boolean;
}

/** What a storefront shows under its name: its sales so far and its price in that city. */
export interface SceneLabels {
  sold: (n: number) => string;
  /** the shop's price line in city c (e.g. "¥45.50"), empty when it has no listing there */
  price: (c: number, s: number) => string;
  stock: string;
}

export interface SceneSetup {
  cities: string[];
  shops: SceneShop[];
  ticksPerRound: number;
  /** the label of a city's buyers who left without buying, e.g. "left: 12" */
  lostLabel: (n: number) => string;
  labels?: SceneLabels;
  /** a storefront was clicked: city c, shop s */
  onPick?: (c: number, s: number) => void;
  /** a buyer (figure) was clicked: city c, crowd k, the shop it bought from (-1: it left), its tick */
  onPickBuyer?: (b: { c: number; k: number; s: number; tick: number }) => void;
}

export interface SceneOptions {
  width: number;
  height: number;
  /** figures spawned per tick at most; above it one figure stands for several buyers */
  maxFiguresPerTick?: number;
  /** false: the caller drives `step()` and `render()` itself (the frame-time benchmark) */
  autoStart?: boolean;
  /** multisampled edges; off where rendering is in software */
  antialias?: boolean;
}

export interface SceneProgress {
  /** ticks whose buyers have been sent out */
  ticksShown: number;
  ticks: number;
  finished: boolean;
  /** buyers per figure this round */
  scale: number;
}

/** Scene time of one tick at 1× speed. */
export const TICK_MS = 1000;
const WALK_MS = 1200;
const COIN_MS = 700;

interface Figure {
  sprite: Sprite;
  x0: number;
  y0: number;
  /** waypoint (lost buyers look around first) */
  xm: number;
  ym: number;
  x1: number;
  y1: number;
  start: number;
  lost: boolean;
  /** who this figure is: city, crowd, shop (-1: left) and tick */
  c: number;
  k: number;
  s: number;
  tick: number;
}

interface Floater {
  sprite: Sprite | Text;
  x: number;
  y: number;
  start: number;
  duration: number;
  rise: number;
}

interface ShopView {
  door: { x: number; y: number };
  top: { x: number; y: number };
  count: Text;
  sold: number;
  shown: number;
  /** stock bar under the front: x, y, width */
  bar: { x: number; y: number; w: number };
}

interface CityView {
  x: number;
  y: number;
  w: number;
  h: number;
  lostText: Text;
  lost: number;
  shownLost: number;
  shops: ShopView[];
}

/** A small deterministic generator for positions only (never the simulation's streams). */
function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const smooth = (u: number) => u * u * (3 - 2 * u);

export class MarketScene {
  readonly app: Application;
  private readonly setup: SceneSetup;
  private readonly opts: Required<SceneOptions>;
  private readonly root = new Container();
  private readonly figureLayer = new Container();
  private readonly floaterLayer = new Container();
  private readonly textures: Texture[] = [];
  private crowdTextures: Texture[] = [];
  private coinTexture!: Texture;
  private starTexture!: Texture;
  private cities: CityView[] = [];
  private figures: Figure[] = [];
  private figurePool: Sprite[] = [];
  private floaters: Floater[] = [];
  private coinPool: Sprite[] = [];
  private flows: TickFlows[] = [];
  private reviewDelta: number[] = [];
  private clock = 0;
  private nextTick = 0;
  private speed = 1;
  private playing = false;
  private finished = false;
  private scale = 1;
  private rand = mulberry(1);
  private arrivals = 0;
  private listeners: ((p: SceneProgress) => void)[] = [];
  /**
   * The real time since the last frame: Pixi's ticker caps its delta (minFPS, 100 ms), which made
   * a slow machine play 1× at a fifth of the speed. performance.now is the wall clock of the view;
   * the simulation never sees it.
   */
  private readonly onFrame = () => {
    const now = performance.now();
    const dt = this.lastFrameAt > 0 ? now - this.lastFrameAt : 16;
    this.lastFrameAt = now;
    this.step(dt);
  };
  private lastFrameAt = 0;
  private destroyed = false;
  /** frames drawn since the scene stopped changing (paused or finished) */
  private idleFrames = 0;
  /** smoothed real interval between frames (ms): when frames are slow, fewer figures are drawn */
  private frameMs = 16;
  /** 1: every figure; 2: every second one … (slow frames) */
  private thin = 1;
  private stockBars = new Graphics();
  /** each shop's stock (all warehouses) after the tick last shown, and the most it held */
  private stockNow: number[] = [];
  private stockMax: number[] = [];
  private highlight = new Graphics();
  /** a ring that follows the buyer the student picked, while it walks */
  private buyerRing = new Graphics();
  private pickedFigure: Figure | null = null;
  private readonly figureOf = new Map<Sprite, Figure>();

  private constructor(app: Application, setup: SceneSetup, opts: Required<SceneOptions>) {
    this.app = app;
    this.setup = setup;
    this.opts = opts;
  }

  static async create(host: HTMLElement, setup: SceneSetup, options: SceneOptions): Promise<MarketScene> {
    const opts: Required<SceneOptions> = { maxFiguresPerTick: 240, autoStart: true, antialias: true, ...options };
    const app = new Application();
    await app.init({
      width: opts.width,
      height: opts.height,
      background: 0xf4f1ea,
      antialias: opts.antialias,
      resolution: Math.min(2, window.devicePixelRatio || 1),
      autoDensity: true,
      autoStart: opts.autoStart,
      preference: 'webgl',
    });
    const scene = new MarketScene(app, setup, opts);
    // The PixiJS devtools' hook (also how the browser test finds a walking buyer to click).
    (globalThis as { __PIXI_APP__?: Application }).__PIXI_APP__ = app;
    host.append(app.canvas);
    scene.build();
    if (opts.autoStart) app.ticker.add(scene.onFrame);
    return scene;
  }

  private makeTexture(g: Graphics): Texture {
    const tex = this.app.renderer.generateTexture({ target: g, resolution: 2, antialias: true });
    g.destroy();
    this.textures.push(tex);
    return tex;
  }

  private build(): void {
    this.crowdTextures = [];
    for (let k = 0; k < CROWD_COUNT; k++) {
      const look = crowdLook(k);
      const g = new Graphics();
      const r = 6;
      if (look.shape === 'circle') g.circle(0, 0, r * 0.9);
      else g.poly(shapePoints(look.shape, r));
      g.fill(look.color).stroke({ width: 1.2, color: 0x1a1a1a });
      this.crowdTextures.push(this.makeTexture(g));
    }
    this.coinTexture = this.makeTexture(new Graphics().circle(0, 0, 6).fill(0xf0c419).stroke({ width: 1.5, color: 0x8a6d00 }).circle(0, 0, 3).stroke({ width: 1, color: 0x8a6d00 }));
    const star: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? 8 : 3.6;
      const a = (Math.PI / 5) * i - Math.PI / 2;
      star.push(Math.cos(a) * r, Math.sin(a) * r);
    }
    this.starTexture = this.makeTexture(new Graphics().poly(star).fill(0xe69f00).stroke({ width: 1, color: 0x6b4a00 }));

    const { width: W, height: H } = this.opts;
    const C = this.setup.cities.length;
    const S = this.setup.shops.length;
    const cols = Math.min(C, 3);
    const rows = Math.ceil(C / cols);
    const cw = W / cols;
    const ch = H / rows;
    const bg = new Graphics();
    const fronts = new Graphics();
    const labels = new Container();
    this.root.addChild(bg, fronts, this.stockBars, this.highlight, this.figureLayer, this.buyerRing, this.floaterLayer, labels);
    this.app.stage.addChild(this.root);
    const small = Math.max(9, Math.min(12, Math.floor(cw / S / 7)));
    for (let c = 0; c < C; c++) {
      const x = (c % cols) * cw;
      const y = Math.floor(c / cols) * ch;
      bg.roundRect(x + 4, y + 4, cw - 8, ch - 8, 8).fill(0xffffff).stroke({ width: 1, color: 0xc9c2b4 });
      bg.rect(x + 10, y + ch * 0.62, cw - 20, ch * 0.3).fill(0xe8e2d6);
      const title = new Text({ text: this.setup.cities[c]!, style: { fontFamily: 'Noto Sans CJK SC, Noto Sans SC, sans-serif', fontSize: 15, fontWeight: '700', fill: 0x222222 } });
      title.position.set(x + 14, y + 10);
      const lostText = new Text({ text: '', style: { fontFamily: 'Noto Sans CJK SC, sans-serif', fontSize: 12, fill: 0x6b6b6b } });
      lostText.anchor.set(1, 0);
      lostText.position.set(x + cw - 14, y + 12);
      labels.addChild(title, lostText);
      const gap = 8;
      const shopW = Math.min(96, (cw - 24 - gap * (S - 1)) / S);
      const shopH = Math.min(70, ch * 0.26);
      const left = x + (cw - (shopW * S + gap * (S - 1))) / 2;
      const top = y + 58;
      const shops: ShopView[] = [];
      for (let s = 0; s < S; s++) {
        const sx = left + s * (shopW + gap);
        const player = this.setup.shops[s]!.isPlayer;
        fronts.rect(sx, top, shopW, shopH).fill(player ? 0xfff6cc : 0xfbf8f2).stroke({ width: player ? 3 : 1, color: player ? 0x1a1a1a : 0x8c8577 });
        // Awning stripes, then the door.
        const stripes = 5;
        for (let i = 0; i < stripes; i++) {
          fronts.rect(sx + (i * shopW) / stripes, top, shopW / stripes, shopH * 0.22).fill(i % 2 === 0 ? (player ? 0x1a1a1a : 0x56b4e9) : 0xffffff);
        }
        fronts.rect(sx + shopW * 0.38, top + shopH * 0.55, shopW * 0.24, shopH * 0.45).fill(0x6b5b45);
        const name = new Text({
          text: (player ? '★ ' : '') + this.setup.shops[s]!.name,
          style: { fontFamily: 'Noto Sans CJK SC, sans-serif', fontSize: small, fontWeight: player ? '700' : '400', fill: 0x222222, wordWrap: true, wordWrapWidth: shopW + gap, align: 'center', breakWords: true },
        });
        name.anchor.set(0.5, 0);
        name.position.set(sx + shopW / 2, top + shopH + 3);
        const count = new Text({ text: '0', style: { fontFamily: 'Noto Sans CJK SC, sans-serif', fontSize: small, fontWeight: '700', fill: 0x005a8c, align: 'center', wordWrap: true, wordWrapWidth: shopW + gap } });
        count.anchor.set(0.5, 0);
        count.position.set(sx + shopW / 2, top + shopH + 5 + small * 2.6);
        labels.addChild(name, count);
        if (this.setup.onPick) {
          const hit = new Graphics().rect(sx, top, shopW, shopH + small * 5).fill({ color: 0xffffff, alpha: 0.001 });
          hit.eventMode = 'static';
          hit.cursor = 'pointer';
          const pick = this.setup.onPick;
          const cc = c;
          const ss = s;
          hit.on('pointertap', () => pick(cc, ss));
          labels.addChild(hit);
        }
        // Buyers walk into the door (inside the front), never onto the name and numbers below it.
        shops.push({ door: { x: sx + shopW / 2, y: top + shopH * 0.6 }, top: { x: sx + shopW / 2, y: top }, count, sold: 0, shown: 0, bar: { x: sx, y: top + shopH + 1, w: shopW } });
      }
      this.cities.push({ x, y, w: cw, h: ch, lostText, lost: 0, shownLost: 0, shops });
    }
  }

  /** A round's finished ticks, and each shop's review change to show at the end. */
  setFlows(flows: TickFlows[], reviewDelta: number[] = []): void {
    this.clear();
    this.flows = flows;
    this.reviewDelta = reviewDelta;
    this.clock = 0;
    this.nextTick = 0;
    this.finished = false;
    this.arrivals = 0;
    this.rand = mulberry(flows[0]?.round ?? 1);
    let most = 0;
    for (const f of flows) {
      let n = 0;
      for (const v of f.orders) n += v;
      for (const v of f.lost) n += v;
      if (n > most) most = n;
    }
    this.scale = Math.max(1, Math.ceil(most / this.opts.maxFiguresPerTick));
    const S = this.setup.shops.length;
    this.stockMax = new Array<number>(S).fill(0);
    this.stockNow = new Array<number>(S).fill(0);
    for (const f of flows) {
      const per = f.stock.length / S;
      for (let s = 0; s < S; s++) {
        let n = 0;
        for (let i = 0; i < per; i++) n += f.stock[s * per + i]!;
        if (n > this.stockMax[s]!) this.stockMax[s] = n;
        if (f === flows[0]) this.stockNow[s] = n;
      }
    }
    for (const city of this.cities) {
      city.lost = 0;
      for (const shop of city.shops) shop.sold = 0;
    }
    this.refreshLabels(true);
    this.emit();
    this.wake();
  }

  onProgress(fn: (p: SceneProgress) => void): void {
    this.listeners.push(fn);
  }

  play(): void {
    this.playing = true;
    this.wake();
  }

  pause(): void {
    this.playing = false;
    this.wake();
  }

  /** The ticker sleeps while nothing moves (paused, or the round over), sparing classroom laptops. */
  private wake(): void {
    this.idleFrames = 0;
    if (this.opts.autoStart && !this.destroyed && !this.app.ticker.started) {
      // time asleep is not played
      this.lastFrameAt = 0;
      this.app.ticker.start();
    }
  }

  isPlaying(): boolean {
    return this.playing;
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.wake();
  }

  /** Figures walking now. */
  liveFigures(): number {
    return this.figures.length;
  }

  progress(): SceneProgress {
    return { ticksShown: this.nextTick, ticks: this.flows.length, finished: this.finished, scale: this.scale * this.thin };
  }

  /** The smoothed real interval between frames, ms. */
  frameInterval(): number {
    return this.frameMs;
  }

  /** Outlines a storefront (the one the student picked), or none. */
  setHighlight(pick: { c: number; s: number } | null): void {
    this.highlight.clear();
    if (pick) {
      const shop = this.cities[pick.c]?.shops[pick.s];
      if (shop) {
        const w = shop.bar.w;
        this.highlight.rect(shop.bar.x - 4, shop.top.y - 4, w + 8, shop.bar.y - shop.top.y + 60).stroke({ width: 3, color: 0xe69f00 });
      }
    }
    this.wake();
  }

  /** Jumps to the round's end: every tick counted, nobody left walking. */
  skipToEnd(): void {
    while (this.nextTick < this.flows.length) this.count(this.flows[this.nextTick++]!);
    for (const f of this.figures) this.release(f.sprite);
    this.figures = [];
    this.clock = this.flows.length * TICK_MS + WALK_MS;
    this.finish();
    this.refreshLabels(false);
    this.emit();
    this.wake();
  }

  /** Advances the scene clock by a frame's time (ms) × speed, and moves everything. */
  step(deltaMs: number): void {
    if (this.destroyed) return;
    // Real time drives the clock (1× = one day a second at any frame rate); a frame after a long
    // stall (a hidden tab) moves at most four seconds. Slow frames draw fewer figures instead.
    this.frameMs = this.frameMs * 0.8 + Math.min(deltaMs, 4000) * 0.2;
    this.thin = this.frameMs > 120 ? 4 : this.frameMs > 60 ? 2 : 1;
    if (this.playing && !this.finished) {
      this.clock += Math.min(deltaMs, 4000) * this.speed;
      let spawned = false;
      while (this.nextTick < this.flows.length && this.clock >= this.nextTick * TICK_MS) {
        this.spawn(this.flows[this.nextTick]!, this.nextTick);
        this.count(this.flows[this.nextTick]!);
        this.nextTick++;
        spawned = true;
      }
      if (spawned) {
        this.refreshLabels(false);
        this.emit();
      }
    }
    this.animate();
    if (!this.finished && this.nextTick >= this.flows.length && this.figures.length === 0 && this.flows.length > 0 && this.clock >= this.flows.length * TICK_MS) {
      this.finish();
      this.emit();
    }
    if (this.opts.autoStart && (!this.playing || this.finished)) {
      // A few more frames so the last change is drawn, then sleep until something changes.
      if (++this.idleFrames > 3) this.app.ticker.stop();
    } else this.idleFrames = 0;
  }

  render(): void {
    this.app.render();
  }

  private count(f: TickFlows): void {
    const S = this.setup.shops.length;
    this.cities.forEach((city, c) => {
      for (let k = 0; k < CROWD_COUNT; k++) {
        city.lost += f.lost[c * CROWD_COUNT + k]!;
        for (let s = 0; s < S; s++) city.shops[s]!.sold += f.sold[(c * CROWD_COUNT + k) * S + s]!;
      }
    });
    const per = f.stock.length / S;
    for (let s = 0; s < S && per > 0; s++) {
      let n = 0;
      for (let i = 0; i < per; i++) n += f.stock[s * per + i]!;
      this.stockNow[s] = n;
    }
  }

  private spawn(f: TickFlows, tick: number): void {
    const S = this.setup.shops.length;
    const jobs: { c: number; k: number; s: number }[] = [];
    this.cities.forEach((_, c) => {
      for (let k = 0; k < CROWD_COUNT; k++) {
        for (let s = 0; s < S; s++) {
          const n = Math.ceil(f.orders[(c * CROWD_COUNT + k) * S + s]! / (this.scale * this.thin));
          for (let i = 0; i < n; i++) jobs.push({ c, k, s });
        }
        const lost = Math.ceil(f.lost[c * CROWD_COUNT + k]! / (this.scale * this.thin));
        for (let i = 0; i < lost; i++) jobs.push({ c, k, s: -1 });
      }
    });
    // Interleave the tick's buyers over the tick so they do not march in lockstep.
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      const t = jobs[i]!;
      jobs[i] = jobs[j]!;
      jobs[j] = t;
    }
    jobs.forEach((job, i) => {
      const city = this.cities[job.c]!;
      const sprite = this.figurePool.pop() ?? this.newFigureSprite();
      sprite.texture = this.crowdTextures[job.k]!;
      sprite.anchor.set(0.5);
      sprite.visible = false;
      sprite.alpha = 1;
      this.figureLayer.addChild(sprite);
      const x0 = city.x + 16 + this.rand() * (city.w - 32);
      const y0 = city.y + city.h - 14 - this.rand() * city.h * 0.2;
      const start = tick * TICK_MS + (i / Math.max(1, jobs.length)) * TICK_MS;
      if (job.s >= 0) {
        const door = city.shops[job.s]!.door;
        const x1 = door.x + (this.rand() - 0.5) * 8;
        const y1 = door.y;
        this.addFigure({ sprite, x0, y0, xm: (x0 + x1) / 2, ym: (y0 + y1) / 2, x1, y1, start, lost: false, c: job.c, k: job.k, s: job.s, tick });
      } else {
        const xm = city.x + 20 + this.rand() * (city.w - 40);
        const ym = city.y + city.h * 0.5;
        const x1 = this.rand() < 0.5 ? city.x + 6 : city.x + city.w - 6;
        const y1 = city.y + city.h * (0.7 + this.rand() * 0.2);
        this.addFigure({ sprite, x0, y0, xm, ym, x1, y1, start, lost: true, c: job.c, k: job.k, s: -1, tick });
      }
    });
  }

  private addFigure(f: Figure): void {
    this.figures.push(f);
    this.figureOf.set(f.sprite, f);
  }

  /** A figure sprite; clickable when the scene explains buyers (a larger hit circle than the 12 px shape). */
  private newFigureSprite(): Sprite {
    const sprite = new Sprite();
    const pick = this.setup.onPickBuyer;
    if (pick) {
      sprite.eventMode = 'static';
      sprite.cursor = 'pointer';
      sprite.label = 'buyer';
      sprite.hitArea = new Circle(0, 0, 11);
      sprite.on('pointertap', () => {
        const f = this.figureOf.get(sprite);
        if (!f) return;
        this.pickedFigure = f;
        pick({ c: f.c, k: f.k, s: f.s, tick: f.tick });
        this.wake();
      });
    }
    return sprite;
  }

  /** Rings a walking figure of this buyer (city, crowd, shop), if one is on screen; false when none is. */
  highlightBuyer(b: { c: number; k: number; s: number } | null): boolean {
    this.pickedFigure = b ? (this.figures.find((f) => f.sprite.visible && f.c === b.c && f.k === b.k && f.s === b.s) ?? null) : null;
    this.drawBuyerRing();
    this.wake();
    return this.pickedFigure !== null;
  }

  private drawBuyerRing(): void {
    const g = this.buyerRing;
    g.clear();
    const f = this.pickedFigure;
    if (f && this.figureOf.get(f.sprite) === f) g.circle(f.sprite.position.x, f.sprite.position.y, 10).stroke({ width: 3, color: 0xe69f00 });
  }

  private animate(): void {
    const now = this.clock;
    let w = 0;
    for (let i = 0; i < this.figures.length; i++) {
      const f = this.figures[i]!;
      const u = (now - f.start) / WALK_MS;
      if (u < 0) {
        f.sprite.visible = false;
        this.figures[w++] = f;
        continue;
      }
      if (u >= 1) {
        this.arrive(f);
        continue;
      }
      f.sprite.visible = true;
      if (f.lost) {
        // Look around (first half), then walk out, fading.
        if (u < 0.5) {
          const v = smooth(u * 2);
          f.sprite.position.set(f.x0 + (f.xm - f.x0) * v, f.y0 + (f.ym - f.y0) * v);
          f.sprite.alpha = 0.75;
        } else {
          const v = smooth((u - 0.5) * 2);
          f.sprite.position.set(f.xm + (f.x1 - f.xm) * v, f.ym + (f.y1 - f.ym) * v);
          f.sprite.alpha = 0.75 * (1 - v * 0.8);
        }
      } else {
        const v = smooth(u);
        f.sprite.position.set(f.x0 + (f.x1 - f.x0) * v, f.y0 + (f.y1 - f.y0) * v);
      }
      this.figures[w++] = f;
    }
    this.figures.length = w;
    if (this.pickedFigure) this.drawBuyerRing();

    let j = 0;
    for (let i = 0; i < this.floaters.length; i++) {
      const fl = this.floaters[i]!;
      const u = (now - fl.start) / fl.duration;
      if (u >= 1 && !this.finished) {
        this.dropFloater(fl);
        continue;
      }
      const v = Math.min(1, Math.max(0, u));
      fl.sprite.position.set(fl.x, fl.y - fl.rise * v);
      fl.sprite.alpha = this.finished ? 1 : 1 - v * 0.7;
      this.floaters[j++] = fl;
    }
    this.floaters.length = j;
  }

  private arrive(f: Figure): void {
    this.release(f.sprite);
    if (f.lost) return;
    this.arrivals++;
    // A coin rises from the shop for every few sales (all of them would be a blur at 16×).
    if (this.arrivals % 3 !== 0 || this.floaters.length > 300) return;
    const coin = this.coinPool.pop() ?? new Sprite(this.coinTexture);
    coin.anchor.set(0.5);
    coin.alpha = 1;
    this.floaterLayer.addChild(coin);
    this.floaters.push({ sprite: coin, x: f.x1, y: f.y1 - 40, start: this.clock, duration: COIN_MS, rise: 26 });
  }

  private release(sprite: Sprite): void {
    const f = this.figureOf.get(sprite);
    if (f && f === this.pickedFigure) {
      this.pickedFigure = null;
      this.drawBuyerRing();
    }
    this.figureOf.delete(sprite);
    sprite.visible = false;
    this.figureLayer.removeChild(sprite);
    this.figurePool.push(sprite);
  }

  private dropFloater(fl: Floater): void {
    this.floaterLayer.removeChild(fl.sprite);
    if (fl.sprite instanceof Sprite && fl.sprite.texture === this.coinTexture) this.coinPool.push(fl.sprite);
    else fl.sprite.destroy();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const fl of this.floaters) this.dropFloater(fl);
    this.floaters = [];
    // Ratings: each shop's change of review score over the round, as a star above its front.
    this.cities.forEach((city) => {
      city.shops.forEach((shop, s) => {
        const d = this.reviewDelta[s];
        if (d === undefined || d === 0) return;
        const star = new Sprite(this.starTexture);
        star.anchor.set(0.5);
        const shown = Math.abs(d) >= 10 ? Math.round(d) : d;
        const label = new Text({
          text: `${d > 0 ? '+' : ''}${shown}`,
          style: { fontFamily: 'Noto Sans CJK SC, sans-serif', fontSize: 12, fontWeight: '700', fill: d > 0 ? 0x006b4f : 0xa03000 },
        });
        label.anchor.set(0, 0.5);
        this.floaterLayer.addChild(star, label);
        this.floaters.push({ sprite: star, x: shop.top.x - 12, y: shop.top.y - 4, start: this.clock, duration: 600, rise: 8 });
        this.floaters.push({ sprite: label, x: shop.top.x - 2, y: shop.top.y - 4, start: this.clock, duration: 600, rise: 8 });
      });
    });
  }

  private refreshLabels(force: boolean): void {
    for (const city of this.cities) {
      if (force || city.lost !== city.shownLost) {
        city.shownLost = city.lost;
        city.lostText.text = city.lost > 0 ? this.setup.lostLabel(city.lost) : '';
      }
      city.shops.forEach((shop, s) => {
        if (force || shop.sold !== shop.shown) {
          shop.shown = shop.sold;
          const l = this.setup.labels;
          shop.count.text = l ? [l.sold(shop.sold), l.price(this.cities.indexOf(city), s)].filter(Boolean).join('\n') : String(shop.sold);
        }
      });
    }
    this.drawStock();
  }

  /** A bar under each front: the shop's stock now against the most it held this round (empty = sold out). */
  private drawStock(): void {
    const g = this.stockBars;
    g.clear();
    for (const city of this.cities) {
      city.shops.forEach((shop, s) => {
        const max = this.stockMax[s] ?? 0;
        if (max <= 0) return;
        const u = Math.max(0, Math.min(1, (this.stockNow[s] ?? 0) / max));
        g.rect(shop.bar.x, shop.bar.y, shop.bar.w, 4).fill(0xe0d9cc);
        if (u > 0) g.rect(shop.bar.x, shop.bar.y, shop.bar.w * u, 4).fill(u < 0.15 ? 0xd55e00 : 0x009e73);
      });
    }
  }

  private emit(): void {
    const p = this.progress();
    for (const fn of this.listeners) fn(p);
  }

  private clear(): void {
    for (const f of this.figures) this.release(f.sprite);
    this.figures = [];
    for (const fl of this.floaters) this.dropFloater(fl);
    this.floaters = [];
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners = [];
    this.app.ticker.remove(this.onFrame);
    const g = globalThis as { __PIXI_APP__?: Application };
    if (g.__PIXI_APP__ === this.app) delete g.__PIXI_APP__;
    this.clear();
    for (const s of this.figurePool) s.destroy();
    for (const s of this.coinPool) s.destroy();
    this.figurePool = [];
    this.coinPool = [];
    this.root.destroy({ children: true });
    for (const tex of this.textures) tex.destroy(true);
    this.app.destroy({ removeView: true }, { children: true });
  }
}
