import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress';

function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  let clock = 0;
  const stream = { isTTY, columns: 80, write: (t: string) => writes.push(t) };
  return { writes, stream, tick: (ms: number) => (clock += ms), now: () => clock };
}

describe('when a long command shows its progress', () => {
  it('should draw nothing when stderr is not a terminal (piped output stays the report)', () => {
    const t = fakeTerminal(false);
    expect(progressBar('grading', t.stream, t.now)).toBeUndefined();
    expect(t.writes).toEqual([]);
  });

  it('should redraw one line in place at most every 100 ms and erase it at the end', () => {
    const t = fakeTerminal(true);
    const bar = progressBar('grading', t.stream, t.now)!;
    t.tick(1000);
    bar(1, 4); // drawn: 40 columns, 1/4 = 10 filled
    t.tick(50);
    bar(2, 4); // within 100 ms: skipped
    t.tick(60);
    bar(3, 4); // 110 ms after the first: drawn, 30 filled
    bar(4, 4); // done: erased
    expect(t.writes).toEqual([
      `\rgrading [${'#'.repeat(10)}${'-'.repeat(30)}] 1/4`,
      `\rgrading [${'#'.repeat(30)}${'-'.repeat(10)}] 3/4`,
      '\r\x1b[K',
    ]);
  });
});
