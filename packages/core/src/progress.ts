/**
 * Progress reporting for long jobs (toys, trainings, scans).
 *
 * @module
 */

/** Called by long-running routines after each unit of work. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * A progress callback that writes "label: done/total (pct%)" to stderr: in place on a terminal,
 * and at most every 10% otherwise (CI logs stay short).
 */
export function consoleProgress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressCallback {
  let lastTenth = -1;
  let lastTime = 0;
  return (done, total) => {
    const pct = total > 0 ? (100 * done) / total : 100;
    if (stream.isTTY) {
      const now = Date.now();
      if (done < total && now - lastTime < 100) return;
      lastTime = now;
      stream.write(`\r${label}: ${done}/${total} (${pct.toFixed(0)}%)${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(pct / 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${label}: ${done}/${total} (${pct.toFixed(0)}%)\n`);
    }
  };
}
