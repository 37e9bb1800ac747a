/**
 * Seats for more teams than a scenario has player shops (a class competition in one market).
 * Extra shops are copies of a player shop's setup (same cash, stock, warehouses, brand), so every
 * team starts equal; each copy gets a distinct id `<id>-NN` and is appended after the scenario's
 * shops. The result is an ordinary scenario file: it validates, saves and hashes like any other.
 */
import { ID_PATTERN, LIMITS } from '../../scenario/schema';

interface ShopFile {
  id: string;
  name?: { zh: string; en: string };
  controller: string;
  [key: string]: unknown;
}
interface ScenarioLike {
  shops: ShopFile[];
  [key: string]: unknown;
}

/** The class cannot be seated (too many shops, or no such player shop): a problem of the input. */
export class SeatError extends Error {}

export interface SeatRequest {
  /** the player shop whose setup the seats share */
  base: string;
  /** seats wanted, the base shop included */
  count: number;
  /** optional display names, one per seat */
  names?: readonly string[];
}

export interface Seated {
  scenario: ScenarioLike;
  /** shop ids per request, the base shop first */
  seats: string[][];
}

export function cloneId(base: string, k: number, width: number, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, 32 - 1 - Math.max(2, width) - 2);
  let id = `${stem}-${String(k).padStart(Math.max(2, width), '0')}`;
  for (let n = 2; taken.has(id) || !ID_PATTERN.test(id); n++) id = `${stem}-${String(k).padStart(Math.max(2, width), '0')}${String.fromCharCode(96 + Math.min(n, 26))}`;
  return id;
}

/** Adds copies of player shops; throws a SeatError with a readable message if the market gets too big. */
export function seatTeams(scenarioFile: unknown, requests: readonly SeatRequest[]): Seated {
  const scenario = structuredClone(scenarioFile) as ScenarioLike;
  const taken = new Set(scenario.shops.map((s) => s.id));
  const seats: string[][] = [];
  for (const req of requests) {
    const base = scenario.shops.find((s) => s.id === req.base);
    if (!base || base.controller !== 'player') throw new SeatError(`shop "${req.base}" is not a player shop of the scenario`);
    const ids = [base.id];
    const baseName = base.name ?? { zh: base.id, en: base.id };
    if (req.names?.[0]) base.name = displayName(req.names[0]);
    const width = String(req.count).length;
    for (let k = 2; k <= req.count; k++) {
      const id = cloneId(base.id, k, width, taken);
      taken.add(id);
      const copy: ShopFile = { ...structuredClone(base), id };
      const name = req.names?.[k - 1];
      copy.name = name ? displayName(name) : { zh: `${baseName.zh} ${k}`, en: `${baseName.en} ${k}` };
      scenario.shops.push(copy);
      ids.push(id);
    }
    seats.push(ids);
  }
  if (scenario.shops.length > LIMITS.shops) {
    const extra = requests.reduce((a, r) => a + r.count, 0);
    throw new SeatError(`a market holds at most ${LIMITS.shops} shops; ${extra} team seats and the scenario's other shops make ${scenario.shops.length}`);
  }
  return { scenario, seats };
}

function displayName(text: string): { zh: string; en: string } {
  const t = text.slice(0, 200);
  return { zh: t, en: t };
}
