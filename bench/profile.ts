// Profiling aid: node --cpu-prof --import tsx bench/profile.ts (a warm large-market game, ns per buyer).
import { loadScenario } from '../src/scenario/load';
import { playGame } from '../src/sim/game';
import { largeMarket } from './largeMarket';
const res = loadScenario(largeMarket({ shops: 20, cities: 5, products: 4, buyersPerCrowd: 11000 }));
if (!res.ok) throw new Error('bad');
playGame(res.value, 2, new Map());
const t0 = performance.now();
const st = playGame(res.value, 1, new Map());
const ms = performance.now() - t0;
let buyers = 0;
for (const r of st.reports) for (const n of r.demand) buyers += n;
console.log('ms', ms.toFixed(0), 'buyers', buyers, 'ns/buyer', ((ms * 1e6) / buyers).toFixed(0));
console.log('inbound', st.inbound.length, 'parcels', st.parcels.length);
