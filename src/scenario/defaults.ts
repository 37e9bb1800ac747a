/** Defaults for everything a scenario may leave out. Documented in docs/scenario-reference.md. */
import { searchRulesFrom } from './search';
import type { Rules } from '../engine/model';
import { DEFAULT_CUSTOMERS } from './service';

export const DEFAULT_ROUNDS = 6;
export const DEFAULT_TICKS_PER_ROUND = 30;
export const DEFAULT_CASH_YUAN = 20000;
export const DEFAULT_REVIEW_SCORE = 5;
export const DEFAULT_DEADLINE_TICKS = 5;
export const DEFAULT_CARRIER = { sameCityTicks: 1, otherCityTicks: 3, sameCityFee: 4, otherCityFee: 8, perVolume: 0.5 };

export const DEFAULT_INDEX_WEIGHTS = {
  visual: 0.15,
  iso: 0.1,
  iec: 0.1,
  popularity: 0.15,
  points: 0.1,
  orderVolume: 0.15,
  media: 0.15,
  charity: 0.1,
};

export function defaultRules(): Rules {
  return {
    priceFloat: 0.3,
    priceFloorFen: 100,
    holdingCostFen: 10,
    reviewBreachWeight: 10,
    reviewWindowRounds: 2,
    demandFluctuation: 0.1,
    penaltyRate: 0.2,
    indexWeights: Object.values(DEFAULT_INDEX_WEIGHTS),
    mediaDecay: 0.3,
    restockLeadTicks: 3,
    creditFen: 0,
    isoCostFen: 300000,
    iecCostFen: 200000,
    warehouseCapacity: 5000,
    warehouseRentFen: 30000,
    carrierDelayProbability: 0,
    carrierDelayTicks: 0,
    ratingBase: 4.6,
    ratingPerDay: 0.25,
    ratingDescription: 0,
    negativeTagTicks: 30,
    negativeTagThreshold: 3,
    negativeTagConversion: 0.3,
    fanReturnRate: 0.3,
    hesitant: {
      searchSlots: 4,
      buyBase: 0.8,
      sharpness: 4,
      priceWeight: 0.5,
      reviewWeight: 0.3,
      indexWeight: 0.2,
      returnProbability: 0.1,
      potentialRetention: 0.5,
    },
    visitDepth: 3,
    dsrWindowRounds: 3,
    rubricFirst: 45,
    rubricStep: 2,
    service: null,
    search: searchRulesFrom(undefined),
    customers: { ...DEFAULT_CUSTOMERS },
  };
}
