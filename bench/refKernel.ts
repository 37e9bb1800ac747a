/**
 * The reference kernel (bench/ref-kernel.c) written in JavaScript: the same four crowd rules on
 * the same flat arrays, one pass per buyer over every shop, nothing allocated in the loop. It
 * tells how fast this JavaScript engine runs the kernel's own work against the C compiler's code
 * on the same machine. One difference: JavaScript has no 64-bit integers, so the random numbers
 * come from a 32-bit xorshift (xorshift128) instead of the C kernel's 64-bit one; the shops'
 * numbers are drawn from the same ranges and the buyers' crowds and draws the same way.
 */
export interface KernelRun {
  buyers: number;
  sold: number;
  lost: number;
  /** CPU seconds of the buyer loop (this process; nothing else runs meanwhile) */
  cpu: number;
}

/** Plays `buyers` buyers over `shops` shops, as ref-kernel.c does; the loop's CPU seconds. */
export function runRefKernel(shops: number, buyers: number): KernelRun {
  const S = shops;
  // xorshift128 (Marsaglia), state in an Int32Array: locals captured by a closure would be slower.
  const st = new Int32Array([123456789, 362436069, 521288629, 88675123]);
  const xr = (): number => {
    const x = st[0]!;
    const t = x ^ (x << 11);
    st[0] = st[1]!;
    st[1] = st[2]!;
    const w = st[3]!;
    st[2] = w;
    const next = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
    st[3] = next;
    return next >>> 0;
  };
  const ur = (): number => xr() / 4294967296;
  const price = new Int32Array(S);
  const review = new Int32Array(S);
  const infl = new Int32Array(S);
  const rank = new Int32Array(S);
  const stock = new Float64Array(S);
  const index = new Float64Array(S);
  const w = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    price[i] = 4000 + (xr() % 2000);
    review[i] = (xr() % 12) - 1;
    infl[i] = xr() % 50;
    index[i] = ur() * 100;
    stock[i] = buyers;
    rank[i] = i;
  }
  for (let i = S - 1; i > 0; i--) {
    const j = xr() % (i + 1);
    const t = rank[i]!;
    rank[i] = rank[j]!;
    rank[j] = t;
  }
  const cap = 6500;
  let sold = 0;
  let lost = 0;
  const c0 = process.cpuUsage();
  for (let b = 0; b < buyers; b++) {
    const crowd = xr() & 3;
    let best = -1;
    if (crowd === 0) {
      // low price: lowest transaction price, then review, then seeded rank
      for (let i = 0; i < S; i++) {
        if (price[i]! > cap || stock[i]! <= 0) continue;
        if (
          best < 0 ||
          price[i]! < price[best]! ||
          (price[i] === price[best] && (review[i]! > review[best]! || (review[i] === review[best] && rank[i]! < rank[best]!)))
        )
          best = i;
      }
    } else if (crowd === 1) {
      // brand: review + influence, review >= 0
      for (let i = 0; i < S; i++) {
        if (price[i]! > cap || stock[i]! <= 0 || review[i]! < 0) continue;
        const k = review[i]! + infl[i]!;
        const kb = best < 0 ? 0 : review[best]! + infl[best]!;
        if (best < 0 || k > kb || (k === kb && (index[i]! > index[best]! || (index[i] === index[best] && rank[i]! < rank[best]!)))) best = i;
      }
    } else if (crowd === 2) {
      // composite index
      for (let i = 0; i < S; i++) {
        if (price[i]! > cap || stock[i]! <= 0) continue;
        if (best < 0 || index[i]! > index[best]! || (index[i] === index[best] && rank[i]! < rank[best]!)) best = i;
      }
    } else {
      // hesitant: weighted random over the first 5 offers, with a no-purchase option
      let tot = 1.0;
      let n = 0;
      for (let i = 0; i < S && n < 5; i++) {
        if (price[i]! > cap || stock[i]! <= 0) {
          w[i] = 0;
          continue;
        }
        w[i] = Math.exp(0.02 * index[i]! - 0.0005 * price[i]! + 0.1 * review[i]!);
        tot += w[i]!;
        n++;
      }
      let r = ur() * tot;
      n = 0;
      for (let i = 0; i < S && n < 5; i++) {
        if (price[i]! > cap || stock[i]! <= 0) continue;
        n++;
        r -= w[i]!;
        if (r < 0) {
          best = i;
          break;
        }
      }
    }
    if (best >= 0) {
      stock[best]!--;
      sold++;
    } else lost++;
  }
  const c = process.cpuUsage(c0);
  return { buyers, sold, lost, cpu: (c.user + c.system) / 1e6 };
}
