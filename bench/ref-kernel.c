// Reference kernel: the physical-limit anchor for buyer decisions per second.
// The same four crowd rules as shared/spec/domain.md §4 on flat arrays, one core, no allocation.
// usage: ref-kernel SHOPS BUYERS
// (bench/ copy: also prints the process CPU time, cpu_seconds, for ratios on a shared machine)
// Built with -DCUSTOMERS it also keeps the customers' memory of course §9 as the engine keeps it
// (usage then: SHOPS BUYERS CUSTOMERS): each buyer is a customer drawn uniformly, and each purchase
// is entered into a book of CUSTOMERS x SHOPS cells (two numbers side by side: last tick and
// purchases, money spent; a customer's first purchase at a shop also goes on that shop's list of
// its customers), written down while buyers choose and entered 64 at a time after a loop that only
// reads their cells, as the engine does. The buyer loop is the same.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>
#include <time.h>
static uint64_t s = 88172645463325252ULL;
static inline uint64_t xr(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static inline double ur(void) { return (xr() >> 11) * (1.0 / 9007199254740992.0); }
int main(int argc, char **argv) {
  int S = argc > 1 ? atoi(argv[1]) : 20; long B = argc > 2 ? atol(argv[2]) : 20000000;
  int32_t *price = malloc(S * 4), *review = malloc(S * 4), *infl = malloc(S * 4), *rank = malloc(S * 4);
  int64_t *stock = malloc(S * 8); double *index = malloc(S * 8); double *w = malloc(S * 8);
  for (int i = 0; i < S; i++) { price[i] = 4000 + xr() % 2000; review[i] = (int)(xr() % 12) - 1; infl[i] = xr() % 50;
    index[i] = ur() * 100; stock[i] = B; rank[i] = i; }
  for (int i = S - 1; i > 0; i--) { int j = xr() % (i + 1); int t = rank[i]; rank[i] = rank[j]; rank[j] = t; }
#ifdef CUSTOMERS
  long NC = argc > 3 ? atol(argv[3]) : 100000; if (NC < 1) NC = 1;
  double *cells = calloc((size_t)NC * S * 2, sizeof(double)); int32_t *known = malloc((size_t)NC * S * 4); long *knownCount = calloc(S, sizeof(long));
  enum { LOG = 4096, BLOCK = 64 }; int32_t *logc = malloc(LOG * 4), *logs = malloc(LOG * 4); double *logf = malloc(LOG * 8); int nlog = 0; double touched = 0;
  long ticks = 180, perTick = B / ticks + 1;
#endif
  int32_t cap = 6500; long sold = 0, lost = 0; uint64_t chk = 0;
  struct timespec t0, t1, c0, c1; clock_gettime(CLOCK_MONOTONIC, &t0); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
  for (long b = 0; b < B; b++) {
    int crowd = xr() & 3, best = -1;
    if (crowd == 0) { // low price: lowest transaction price, then review, then seeded rank
      for (int i = 0; i < S; i++) { if (price[i] > cap || stock[i] <= 0) continue;
        if (best < 0 || price[i] < price[best] || (price[i] == price[best] && (review[i] > review[best] || (review[i] == review[best] && rank[i] < rank[best])))) best = i; }
    } else if (crowd == 1) { // brand: review + influence, review >= 0
      for (int i = 0; i < S; i++) { if (price[i] > cap || stock[i] <= 0 || review[i] < 0) continue;
        int k = review[i] + infl[i], kb = best < 0 ? 0 : review[best] + infl[best];
        if (best < 0 || k > kb || (k == kb && (index[i] > index[best] || (index[i] == index[best] && rank[i] < rank[best])))) best = i; }
    } else if (crowd == 2) { // composite index
      for (int i = 0; i < S; i++) { if (price[i] > cap || stock[i] <= 0) continue;
        if (best < 0 || index[i] > index[best] || (index[i] == index[best] && rank[i] < rank[best])) best = i; }
    } else { // hesitant: weighted random over the first 5 offers, with a no-purchase option
      double tot = 1.0; int n = 0;
      for (int i = 0; i < S && n < 5; i++) { if (price[i] > cap || stock[i] <= 0) { w[i] = 0; continue; }
        w[i] = exp(0.02 * index[i] - 0.0005 * price[i] + 0.1 * review[i]); tot += w[i]; n++; }
      double r = ur() * tot; n = 0;
      for (int i = 0; i < S && n < 5; i++) { if (price[i] > cap || stock[i] <= 0) continue; n++; r -= w[i]; if (r < 0) { best = i; break; } }
    }
#ifdef CUSTOMERS
    long cust = (long)(ur() * NC);
    if (best >= 0) { stock[best]--; sold++; chk += best; logc[nlog] = (int32_t)cust; logs[nlog] = best; logf[nlog++] = price[best]; } else lost++;
    if (nlog == LOG || b == B - 1) {
      double tick = (double)(b / perTick + 1);
      for (int from = 0; from < nlog; from += BLOCK) {
        int to = from + BLOCK < nlog ? from + BLOCK : nlog;
        for (int i = from; i < to; i++) touched += cells[((size_t)logc[i] * S + logs[i]) * 2];
        for (int i = from; i < to; i++) {
          size_t at = ((size_t)logc[i] * S + logs[i]) * 2; long before = ((long)cells[at] >> 1) & 0xffff;
          if (before == 0) known[(size_t)logs[i] * NC + knownCount[logs[i]]++] = logc[i];
          cells[at] = tick * 131072.0 + 2.0 * (before < 65535 ? before + 1 : before); cells[at + 1] += logf[i];
        }
      }
      nlog = 0;
    }
#else
    if (best >= 0) { stock[best]--; sold++; chk += best; } else lost++;
#endif
  }
  clock_gettime(CLOCK_MONOTONIC, &t1); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
  double sec = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
#ifdef CUSTOMERS
  if (touched < 0) puts("");
  printf("customers=%ld ", NC);
#endif
  double cpu = (c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
  printf("shops=%d buyers=%ld sold=%ld lost=%ld chk=%llu seconds=%.3f decisions_per_s=%.0f cpu_seconds=%.3f\n", S, B, sold, lost, (unsigned long long)chk, sec, B / sec, cpu);
  return 0;
}
