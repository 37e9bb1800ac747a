/** The readable round-by-round summary `shopsim run` prints. */
import { LOST_REASONS, type World } from '../engine';
import type { Result } from '../sim/result';

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
const money = (x: number) => x.toFixed(2);

export function summary(world: World, result: Result): string {
  const names = new Map(world.shops.map((s) => [s.id, s.name.en]));
  const lines: string[] = [];
  lines.push(`${world.name.en} (${world.id}) · seed ${result.seed} · ${world.rounds} rounds × ${world.ticksPerRound} ticks · ${world.shops.length} shops`);
  for (const round of result.rounds) {
    lines.push('', `Round ${round.round}`);
    lines.push(
      `  ${padEnd('shop', 20)}${pad('revenue', 11)}${pad('profit', 11)}${pad('cash', 12)}${pad('orders', 7)}${pad('units', 7)}${pad('visits', 7)}${pad('conv', 7)}${pad('breach', 7)}${pad('dsr', 6)}${pad('index', 7)}  units by crowd (brand/low/comp/hes)`,
    );
    for (const s of round.shops) {
      const u = s.unitsByCrowd;
      lines.push(
        `  ${padEnd(`${s.shop} ${names.get(s.shop) ?? ''}`, 20)}${pad(money(s.revenue), 11)}${pad(money(s.profit), 11)}${pad(money(s.cash), 12)}${pad(s.orders, 7)}${pad(s.units, 7)}${pad(s.visits, 7)}${pad(`${(s.conversionRate * 100).toFixed(1)}%`, 7)}${pad(s.breaches, 7)}${pad(s.dsr === null ? '—' : s.dsr.toFixed(2), 6)}${pad(s.index.toFixed(1), 7)}  ${u.brandLoyal}/${u.lowPrice}/${u.composite}/${u.hesitant}${s.bankrupt ? '  BANKRUPT' : ''}${s.restockRefused ? `  restock refused (warehouse full): ${s.restockRefused}` : ''}${s.restockCutForCash ? `  restock cut (not enough cash): ${s.restockCutForCash}` : ''}`,
      );
    }
    if (world.rules.service) {
      for (const s of round.shops) {
        const tags = Object.entries(s.negativeTags).filter(([, n]) => n > 0).map(([p, n]) => `${p} ${n}`);
        lines.push(
          `  service ${s.shop}: ${s.service.agents} agents, ${s.service.inquiries} inquiries, response ${s.service.avgResponseTicks.toFixed(2)} ticks, refunds ${(s.service.refundRate * 100).toFixed(1)}%, DSR description/service/logistics ${s.dsrParts.description.toFixed(2)}/${s.dsrParts.service.toFixed(2)}/${s.dsrParts.logistics.toFixed(2)}, negative tags ${tags.length ? tags.join(', ') : 'none'}`,
        );
      }
    }
    // The search funnel (course §7): impressions → clicks (visits) → orders, and what ads cost.
    for (const s of round.shops) {
      const ctr = s.impressions === 0 ? '–' : `${((s.clicks / s.impressions) * 100).toFixed(1)}%`;
      const perOrder = s.adSpend === 0 ? '' : `, ${s.orders === 0 ? 'no orders' : `${money(s.adSpend / s.orders)} per order`}`;
      const ranks = Object.entries(s.searchRank)
        .map(([product, byCity]) => {
          const ranked = Object.values(byCity).filter((r) => r > 0);
          return ranked.length ? `${product} ${(ranked.reduce((a, b) => a + b, 0) / ranked.length).toFixed(1)}` : '';
        })
        .filter((x) => x);
      lines.push(
        `  search ${s.shop}: impressions ${s.impressions}, clicks ${s.clicks} (CTR ${ctr}), orders ${s.orders} (conversion ${(s.conversionRate * 100).toFixed(1)}% of clicks), ad spend ${money(s.adSpend)}${perOrder}, organic position ${ranks.length ? ranks.join(', ') : '–'}`,
      );
    }
    for (const s of round.shops) {
      const c = s.customers;
      const cpo = (x: number | null) => (x === null ? '–' : money(x));
      lines.push(
        `  customers ${s.shop}: potential ${c.potential}, new ${c.new}, repeat ${c.repeat}, loyal ${c.loyal}, sleeping ${c.sleeping}; repurchase ${(s.repurchaseRate.byCustomers * 100).toFixed(1)}% of customers, ${(s.repurchaseRate.byTransactions * 100).toFixed(1)}% of orders; cost per order new ${cpo(s.costPerOrder.newCustomers)} / returning ${cpo(s.costPerOrder.returningCustomers)}`,
      );
    }
    for (const s of round.shops) {
      const mp = s.memberPoints;
      if (mp.rate === 0 && mp.issued === 0 && mp.redeemed === 0 && mp.outstanding === 0) continue;
      lines.push(
        `  points ${s.shop}: ${(mp.rate * 100).toFixed(1)}% back as member points, given ${money(mp.issued)}, redeemed ${money(mp.redeemed)} by ${mp.orders} orders, held ${money(mp.outstanding)}`,
      );
    }
    for (const s of round.shops) {
      for (const x of s.promotions) {
        lines.push(
          `  promotion ${s.shop} #${x.index + 1} ${x.type} ${x.label}: ${x.orders} orders, ${x.units} units, paid ${money(x.revenue)}, discount ${money(x.discount)}, return ${x.return === null ? '–' : x.return.toFixed(2)}`,
        );
      }
    }
    const lost: string[] = [];
    for (const [city, reasons] of Object.entries(round.lostDemandByReason)) {
      const parts = LOST_REASONS.filter((r) => reasons[r] > 0).map((r) => `${r} ${reasons[r]}`);
      if (parts.length) lost.push(`${city}: ${parts.join(', ')}`);
    }
    lines.push(`  lost buyers: ${lost.length ? lost.join(' · ') : 'none'}`);
  }
  lines.push('', 'Final ranking (owner’s equity)');
  for (const r of result.ranking) {
    lines.push(`  ${pad(r.rank, 2)}. ${padEnd(`${r.shop} ${names.get(r.shop) ?? ''}`, 22)} equity ${pad(money(r.equity), 12)}  score ${r.score}${r.bankrupt ? '  (bankrupt)' : ''}`);
  }
  lines.push('', `hash ${result.hash}`);
  return lines.join('\n');
}
