/** The four crowds (四类需求人群, domain.md §4), by crowd index: each file holds one crowd's whole behaviour. */
import type { Rules } from '../model';
import { brandLoyal } from './brandLoyal';
import { composite } from './composite';
import { HESITANT_KEYS, makeHesitant } from './hesitant';
import { lowPrice } from './lowPrice';
import type { CrowdBehaviour, RankingKeyId } from './offer';

export function crowdBehaviours(rules: Rules): CrowdBehaviour[] {
  return [brandLoyal, lowPrice, composite, makeHesitant(rules.hesitant)];
}

/** How many search results each crowd looks at, by crowd index (Infinity: it compares every offer, whatever its position). */
export function crowdSearchDepths(rules: Rules): number[] {
  return crowdBehaviours(rules).map((c) => c.searchDepth(rules));
}

/** What each crowd ranks by, most important first, by crowd index (for reports that explain a round). */
export const CROWD_RANKING_KEYS: readonly (readonly RankingKeyId[])[] = [brandLoyal.keys, lowPrice.keys, composite.keys, HESITANT_KEYS];
