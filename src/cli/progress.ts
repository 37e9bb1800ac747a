/**
 * A progress bar on stderr for long commands (grading), drawn only when stderr is a terminal:
 * piped or redirected output stays exactly the report. Redrawn at most every 100 ms, in place
 * (carriage return), and erased when the work is done.
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** A callback (done, total) drawing the bar, or undefined when the stream is not a terminal. */
export function progressBar(label: string, stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = -Infinity;
  let drawn = false;
  return (done, total) => {
    if (done >= total) {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
      return;
    }
    const t = now();
    if (t - last < 100) return;
    last = t;
    const count = ` ${done}/${total}`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - count.length - 4));
    const full = Math.floor((width * done) / total);
    stream.write(`\r${label} [${'#'.repeat(full)}${'-'.repeat(width - full)}]${count}`);
    drawn = true;
  };
}
