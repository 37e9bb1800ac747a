/**
 * The test set StrykerJS runs against each mutant (`npm run test:mutation`): the unit tests of the
 * crowd rules (their rankings, how their buyers buy, the detail page's conversion), the ledger and
 * the promotions' pricing, and the other engine unit tests that run in about a second or less
 * (fulfilment, money, member points, reputation, service, search lessons, customers), with
 * hand-worked numbers. The lessons, the
 * property and determinism tests play whole games, and under instrumentation (every mutant
 * switchable in the per-buyer loop) one run of them takes minutes, so they are left out here:
 * the score measures what the unit tests pin down. No CLI bundle is built and no JSON report is
 * written, so that a mutant's run is only its tests.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/engine/crowds.test.ts',
      'test/engine/crowd-keys.test.ts',
      'test/engine/hesitant.test.ts',
      'test/engine/search-buyers.test.ts',
      'test/engine/crowd-rules.test.ts',
      'test/engine/crowd-buy.test.ts',
      'test/engine/conversion.test.ts',
      'test/engine/ledger.test.ts',
      'test/engine/ledger-carrier.test.ts',
      'test/engine/fulfil.test.ts',
      'test/engine/money-rules.test.ts',
      'test/engine/member-points.test.ts',
      'test/engine/reputation.test.ts',
      'test/engine/service.test.ts',
      'test/engine/arithmetic.test.ts',
      'test/engine/search-lessons.test.ts',
      'test/engine/customers.test.ts',
      'test/promotions/pricing.test.ts',
      'test/promotions/pricing-edges.test.ts',
      'test/promotions/effects.test.ts',
      'test/promotions/finance.test.ts',
      'test/promotions/registry.test.ts',
      'test/promotions/rules.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
