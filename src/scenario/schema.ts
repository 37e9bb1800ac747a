/**
 * The one source of the file formats: scenario files and decisions files. The TypeScript types,
 * the validator and the shipped JSON Schemas all come from these zod schemas.
 * Money in files is yuan (at most 2 decimals); the engine converts to fen.
 */
import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../engine/money';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const LIMITS = {
  cities: 20,
  products: 20,
  shops: 60,
  rounds: 24,
  ticksPerRound: 60,
  demandPerCrowd: 1_000_000,
  events: 100,
  quantity: 99,
  restockQuantity: 1_000_000,
  moneyYuan: 100_000_000,
} as const;

const text = (max = 80) => z.string().min(1).max(max);
export const id = z
  .string()
  .regex(ID_PATTERN, 'must be 1–32 letters, digits, "_" or "-"')
  .describe('identifier: 1–32 letters, digits, _ or -');
export const localText = z
  .strictObject({ zh: text(200), en: text(200) })
  .describe('text in Chinese (zh) and English (en)');

/** Yuan, at most two decimals, within [min, max]. */
export function yuan(min: number, max: number = LIMITS.moneyYuan) {
  return z
    .number()
    .min(min)
    .max(max)
    .refine(hasAtMostTwoDecimals, { message: 'must have at most 2 decimals (1 fen is the smallest unit)' });
}
const rate = (min: number, max: number) => z.number().min(min).max(max);
const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const crowdCounts = z
  .strictObject({
    brandLoyal: int(0, LIMITS.demandPerCrowd).optional(),
    lowPrice: int(0, LIMITS.demandPerCrowd).optional(),
    composite: int(0, LIMITS.demandPerCrowd).optional(),
    hesitant: int(0, LIMITS.demandPerCrowd).optional(),
  })
  .describe('buyers per round for each crowd (missing crowds: 0)');

export const indexWeights = z
  .strictObject({
    visual: rate(0, 1),
    iso: rate(0, 1),
    iec: rate(0, 1),
    popularity: rate(0, 1),
    points: rate(0, 1),
    orderVolume: rate(0, 1),
    media: rate(0, 1),
    charity: rate(0, 1),
  })
  .describe('weights of the composite index inputs; they must sum to 1');

export const rulesSchema = z
  .strictObject({
    priceFloat: rate(0, 5).optional().describe('legal price cap: reference × (1 + priceFloat); default 0.3'),
    demandFluctuation: rate(0, 0.9).optional().describe('seeded ± share of published demand; default 0.1'),
    penaltyRate: rate(0, 5).optional().describe('breach penalty as a share of the order value; default 0.2'),
    indexWeights: indexWeights.optional(),
    mediaDecay: rate(0, 1).optional().describe('share of media influence lost each round; default 0.3'),
    restockLeadTicks: int(0, 60).optional().describe('ticks from a restock order to its arrival; default 3'),
    credit: yuan(0).optional().describe('cash a shop may owe before it is bankrupt, yuan; default 0'),
    isoCost: yuan(0).optional().describe('one-off cost of ISO certification, yuan; default 3000'),
    iecCost: yuan(0).optional().describe('one-off cost of IEC mode, yuan; default 2000'),
    warehouse: z
      .strictObject({
        capacity: int(1, 100_000_000).optional().describe('volume units a city warehouse holds; default 5000'),
        rent: yuan(0).optional().describe('rent per warehouse per round, yuan; default 300'),
      })
      .optional(),
    carrier: z
      .strictObject({
        sameCityTicks: int(0, 30).optional().describe('delivery ticks inside a city; default 1'),
        otherCityTicks: int(0, 30).optional().describe('delivery ticks between cities; default 3'),
        sameCityFee: yuan(0, 10_000).optional().describe('carrier fee per order inside a city, yuan; default 4'),
        otherCityFee: yuan(0, 10_000).optional().describe('carrier fee per order between cities, yuan; default 8'),
        perVolume: yuan(0, 10_000).optional().describe('carrier fee per unit of volume, yuan; default 0.5'),
      })
      .optional(),
    carrierDelay: z
      .strictObject({
        probability: rate(0, 1).describe('chance an order is delayed'),
        ticks: int(0, 30).describe('ticks of delay'),
      })
      .optional(),
    rating: z
      .strictObject({
        base: rate(1, 5).optional().describe('mean satisfaction of a next-day delivery; default 4.6'),
        perTick: rate(0, 5).optional().describe('satisfaction lost per extra delivery tick; default 0.25'),
      })
      .optional(),
    negativeTags: z
      .strictObject({
        ticks: int(1, 1000).optional().describe('ticks a negative tag stays; default 30'),
        threshold: int(1, 100).optional().describe('active tags from which conversion falls; default 3'),
        conversion: rate(0, 1).optional().describe('conversion multiplier past the threshold; default 0.3'),
      })
      .optional(),
    fanReturnRate: rate(0, 1).optional().describe('share of satisfied customers who come back each round; default 0.3'),
    hesitant: z
      .strictObject({
        searchSlots: int(1, 50).optional().describe('search results a hesitant buyer looks at; default 4'),
        buyBase: rate(0, 2).optional().describe('purchase probability per unit of best utility; default 0.8'),
        sharpness: rate(0, 20).optional().describe('how strongly the best offer is preferred; default 4'),
        priceWeight: rate(0, 1).optional(),
        reviewWeight: rate(0, 1).optional(),
        indexWeight: rate(0, 1).optional(),
        returnProbability: rate(0, 1).optional().describe('chance per tick a potential customer comes back; default 0.1'),
        potentialRetention: rate(0, 1).optional().describe('share of potential customers kept into the next round; default 0.5'),
      })
      .optional(),
    visitDepth: int(1, 50).optional().describe('offers a buyer visits before choosing; default 3'),
    dsrWindowRounds: int(1, 24).optional().describe('rounds in the rolling DSR; default 3'),
    rubric: z
      .strictObject({
        first: rate(0, 1000).optional().describe('score of first place; default 45'),
        step: rate(0, 1000).optional().describe('score lost per lower place; default 2'),
      })
      .optional(),
  })
  .describe('platform and market rules; every field has a default');

export const listingDecision = z.strictObject({
  city: id,
  product: id,
  price: yuan(0.01).optional().describe('fixed price 一口价, yuan'),
  shipping: yuan(0, 10_000).optional().describe('shipping fee charged to the buyer, yuan; default 0'),
  sellerPaysShipping: z.boolean().optional().describe('the shop pays the carrier; the buyer pays no shipping'),
  presale: z.boolean().optional().describe('accept orders against restock still in transit (预售)'),
  active: z.boolean().optional().describe('false takes the listing down; default true'),
});

export const restockDecision = z.strictObject({
  city: id,
  product: id,
  quantity: int(1, LIMITS.restockQuantity),
});

export const marketingDecision = z.strictObject({
  decoration: yuan(0).optional().describe('shop decoration spend → visual value, yuan'),
  media: yuan(0).optional().describe('advertising spend → media influence, yuan'),
  charity: yuan(0).optional().describe('social charity spend, yuan'),
  iso: z.boolean().optional().describe('buy ISO certification (one-off)'),
  iec: z.boolean().optional().describe('buy IEC mode (one-off)'),
});

export const roundDecisionSchema = z.strictObject({
  round: int(1, LIMITS.rounds),
  listings: z.array(listingDecision).max(2000).optional(),
  restock: z.array(restockDecision).max(2000).optional(),
  marketing: marketingDecision.optional(),
  promotions: z.array(z.unknown()).max(2000).optional().describe('promotion tools (see the promotions reference)'),
});

export const decisionsSchema = z.strictObject({
  $schema: z.string().max(500).optional().describe('path or URL of the JSON Schema, for editors'),
  kind: z.literal('decisions'),
  version: z.literal(1),
  scenario: id,
  shop: id,
  rounds: z.array(roundDecisionSchema).max(LIMITS.rounds),
});

export const controllerPattern = /^(player|bot:[a-z][a-zA-Z0-9]*)$/;

export const shopSchema = z.strictObject({
  id,
  name: localText.optional(),
  controller: z.string().regex(controllerPattern, 'must be "player" or "bot:<strategy>"'),
  cash: yuan(0).optional().describe('starting cash, yuan; default 20000'),
  reviewScore: int(-1000, 1000).optional().describe('starting product review score; default 5'),
  stock: z.record(id, z.record(id, int(0, LIMITS.restockQuantity))).optional().describe('units per city warehouse per product'),
  warehouses: z.array(id).max(LIMITS.cities).optional().describe('cities with a warehouse at the start (besides those holding stock)'),
  brand: z
    .strictObject({
      visual: rate(0, 1e9).optional(),
      media: rate(0, 1e9).optional(),
      charity: rate(0, 1e9).optional(),
      iso: z.boolean().optional(),
      iec: z.boolean().optional(),
    })
    .optional()
    .describe('composite-index inputs the shop starts with'),
  decisions: z.array(roundDecisionSchema).max(LIMITS.rounds).optional().describe('rounds played by bot:fixed'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().max(500).optional().describe('path or URL of the JSON Schema, for editors'),
  kind: z.literal('scenario'),
  version: z.literal(1),
  id,
  name: localText,
  description: localText.optional(),
  seed: int(0, 2 ** 31 - 1).optional(),
  rounds: int(1, LIMITS.rounds).optional(),
  ticksPerRound: int(1, LIMITS.ticksPerRound).optional(),
  rules: rulesSchema.optional(),
  cities: z
    .array(z.strictObject({ id, name: localText }))
    .min(1)
    .max(LIMITS.cities),
  routes: z
    .array(
      z.strictObject({
        from: id,
        to: id,
        ticks: int(0, 30).optional(),
        fee: yuan(0, 10_000).optional(),
      }),
    )
    .max(400)
    .optional()
    .describe('delivery ticks and carrier fee between two cities, overriding the carrier rules'),
  products: z
    .array(
      z.strictObject({
        id,
        name: localText,
        unitCost: yuan(0.01),
        volume: rate(0.01, 1000).optional().describe('volume units per item; default 1'),
        referencePrice: z.record(id, yuan(0.01)).describe('market reference price per city, yuan'),
        priceTrend: z.array(rate(0.1, 10)).max(LIMITS.rounds).optional().describe('reference price multiplier per round'),
      }),
    )
    .min(1)
    .max(LIMITS.products),
  demand: z
    .array(
      z.strictObject({
        city: id,
        product: id,
        perRound: crowdCounts,
        quantity: z
          .array(z.strictObject({ quantity: int(1, LIMITS.quantity), weight: rate(0, 1) }))
          .min(1)
          .max(20)
          .optional()
          .describe('distribution of wanted quantity; default always 1'),
        deadlineTicks: int(1, 60).optional().describe('ticks a buyer waits for delivery; default 5'),
      }),
    )
    .max(LIMITS.cities * LIMITS.products),
  events: z
    .array(
      z.strictObject({
        name: localText.optional(),
        fromTick: int(1, LIMITS.rounds * LIMITS.ticksPerRound),
        toTick: int(1, LIMITS.rounds * LIMITS.ticksPerRound),
        multiplier: rate(0, 100),
        cities: z.array(id).optional(),
        products: z.array(id).optional(),
        crowds: z.array(z.enum(['brandLoyal', 'lowPrice', 'composite', 'hesitant'])).optional(),
      }),
    )
    .max(LIMITS.events)
    .optional()
    .describe('demand multipliers on given ticks (a festival such as Double 11)'),
  shops: z.array(shopSchema).min(1).max(LIMITS.shops),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type DecisionsFile = z.infer<typeof decisionsSchema>;
export type RoundDecisionFile = z.infer<typeof roundDecisionSchema>;
export type ListingDecisionFile = z.infer<typeof listingDecision>;
