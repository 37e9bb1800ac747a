/**
 * Scenarios shipped inside the program: the default one plays with no file at all, and the browser
 * offers the whole library. Each is also a file in scenarios/, which the tests validate and play.
 */
import classic from '../../scenarios/classic.json';
import tutorial from '../../scenarios/tutorial.json';
import priceWar from '../../scenarios/price-war.json';
import brandBuilding from '../../scenarios/brand-building.json';
import double11 from '../../scenarios/double-11.json';
import retention from '../../scenarios/retention.json';
import service from '../../scenarios/service.json';
import search from '../../scenarios/search.json';

export const DEFAULT_SCENARIO_ID = 'classic';
/** By id, in the order a course would play them (the tutorial first). */
// No prototype: `id in BUILTIN_SCENARIOS` must not be true for "constructor" or "toString".
export const BUILTIN_SCENARIOS: Readonly<Record<string, unknown>> = Object.assign(Object.create(null) as Record<string, unknown>, {
  tutorial,
  classic,
  'price-war': priceWar,
  'brand-building': brandBuilding,
  'double-11': double11,
  retention,
  service,
  search,
});

export function builtinScenario(id: string = DEFAULT_SCENARIO_ID): unknown {
  return BUILTIN_SCENARIOS[id];
}
