/**
 * Customer service (客服) and customers (客户关系管理), course §5 and §9: the rules a scenario
 * sets, the round's service decision and what a shop carries from tick to tick.
 */

/** Service rules; `null` in a World whose scenario has no `rules.service` (service is not simulated). */
export interface ServiceRules {
  /** wage of one agent for one round, fen */
  wageFen: number;
  /** share of visits that ask a question before buying */
  inquiryShare: number;
  /** share of delivered orders that contact after-sales (where is my parcel, refund, complaint) */
  afterSalesShare: number;
  /** inquiries one agent answers per tick */
  capacityPerAgent: number;
  /** response time never exceeds this many ticks; inquiries waiting longer are dropped */
  maxResponseTicks: number;
  /** hesitant and composite conversion × 1 / (1 + responseConversion × response ticks) */
  responseConversion: number;
  /** service rating (服务态度) lost per tick of response time beyond the first */
  ratingPerResponseTick: number;
  /** satisfaction added by an unannounced (surprise) gift */
  giftLift: number;
  /** refund requests: base chance per delivered order */
  refundBase: number;
  /** + this × (1 − product quality) */
  refundPerQualityGap: number;
  /** + this per tick of delivery beyond the next day */
  refundPerSlowTick: number;
  /** agent time (in inquiries) to guide one buyer to amend a bad review, which clears a tag */
  amendInquiries: number;
  /** agents a shop has before its first service decision */
  startAgents: number;
}

export interface CustomerRules {
  /** ticks without buying after which a customer of a shop is sleeping (沉睡客户) */
  sleepingTicks: number;
  /** purchases at a shop from which a customer is loyal there (2 … loyalPurchases − 1: repeat) */
  loyalPurchases: number;
  /** city population of customers = this × the city's published buyers per round */
  poolRounds: number;
  /** share of a targeted group a coupon aimed at it brings back to the shop in its round (up to the coupon's quantity) */
  couponReach: number;
  /** member points (会员积分): the highest share of an order's value a shop may give back as points */
  pointsMaxRate: number;
  /** the most of an order's goods value its buyer's points at the shop may pay */
  pointsRedeemShare: number;
  /** a member holding points comes back to the shop first with chance min(1, this × the share of the order its points pay) */
  pointsPull: number;
}

/** The round's member-points decision of a shop (会员积分); absent: as last round. */
export interface MemberPointsDecision {
  /** share of each order's value given back as points, 0 … rules.customers.pointsMaxRate; 0 stops giving (points held stay good) */
  rate: number;
}

/** The round's service decision of a shop; absent fields keep last round's. */
export interface ServiceDecision {
  agents?: number;
  /** null: no gift from this round on */
  surpriseGift?: GiftDecision | null;
}

export interface GiftDecision {
  product: number;
  unitCostFen: number;
  /** promised in the listing (no lift in ratings) instead of a surprise */
  announced: boolean;
}

/** A shop's service desk, carried from tick to tick. */
export interface ShopService {
  agents: number;
  gift: GiftDecision | null;
  /** inquiries waiting for an answer */
  queue: number;
  /** response time of the last tick, in ticks (what this tick's visitors expect) */
  responseTicks: number;
  /** visits already turned into inquiries (the ledger's visits at the last service stage) */
  visitsSeen: number;
  /** delivered orders still to raise after-sales inquiries this tick */
  afterSales: number;
  /** fractional inquiries carried (so that shares below one per tick add up) */
  carry: number;
}
