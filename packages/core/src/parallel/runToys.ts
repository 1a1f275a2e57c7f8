/**
 * Running many independent, seeded pseudo-experiments ("toys") on a pool of worker threads.
 *
 * A toy module exports a factory (default name `createToyRunner`) that receives the job's
 * arguments once per thread — do any expensive set-up there — and returns the function that runs
 * toy `index`. Every toy must draw all its randomness from `Rng.stream(seed, index)`: results then
 * depend only on the index, never on the number of threads, the chunking or the sharding.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HepError, HepInputError } from '../errors.js';
import type { ProgressCallback } from '../progress.js';

/** Runs toy `index` (the same index always gives the same result). */
export type ToyRunner<R> = (index: number) => R | Promise<R>;

/** The export of a toy module: builds a {@link ToyRunner} from the job's arguments. */
export type ToyRunnerFactory<A, R> = (args: A) => ToyRunner<R> | Promise<ToyRunner<R>>;

/** Options of {@link runToysParallel}. */
export interface RunToysOptions<A> {
  /** URL of the toy module (see `toyModuleUrl`). */
  readonly module: URL;
  /** Name of the factory export. Default `"createToyRunner"`. */
  readonly exportName?: string;
  /** Arguments passed to the factory; must be structured-cloneable (plain data, typed arrays). */
  readonly args: A;
  /** First toy index. Default 0. */
  readonly start?: number;
  /** One past the last toy index. */
  readonly end: number;
  /**
   * Worker threads. Default `os.availableParallelism()`, at most one per toy; 1 runs the toys in
   * the calling thread without a worker.
   */
  readonly threads?: number;
  /** Toys per message to a worker. Default: about eight chunks per thread. */
  readonly chunk?: number;
  /** Called after each finished chunk with (toys done, toys in the range). */
  readonly onProgress?: ProgressCallback;
}

interface WorkerReply<R> {
  readonly kind: 'ready' | 'done' | 'error';
  readonly start: number;
  readonly results?: R[];
  readonly message?: string;
}

/** Bootstrap of each worker thread (CommonJS script): load the module, build the runner, serve ranges. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fail = (start, e) => parentPort.postMessage({ kind: 'error', start, message: String((e && e.stack) || e) });
(async () => {
  let mod;
  if (workerData.tsxCjsApi === null) mod = await import(workerData.module);
  else {
    require(workerData.tsxCjsApi).register();
    mod = require(require('node:url').fileURLToPath(workerData.module));
  }
  const factory = mod[workerData.exportName];
  if (typeof factory !== 'function') throw new Error(workerData.module + ' does not export a function ' + workerData.exportName);
  const run = await factory(workerData.args);
  parentPort.on('message', async ({ start, end }) => {
    try {
      const results = [];
      for (let i = start; i < end; i++) results.push(await run(i));
      parentPort.postMessage({ kind: 'done', start, results });
    } catch (e) { fail(start, e); }
  });
  parentPort.postMessage({ kind: 'ready', start: -1 });
})().catch((e) => fail(-1, e));
`;

/**
 * For a toy module in TypeScript source (tests, tsx scripts): tsx's CommonJS API, whose in-thread
 * require hook loads the module in a worker (Node 20's off-thread ESM hooks do not reach workers).
 * Null for JavaScript modules (the built packages).
 */
function tsxCjsApiFor(module: URL): string | null {
  if (!module.pathname.endsWith('.ts')) return null;
  try {
    return createRequire(import.meta.url).resolve('tsx/cjs/api');
  } catch {
    throw new HepInputError(
      'module',
      `${module.href} is TypeScript source; running it in worker threads needs the tsx package`,
    );
  }
}

/**
 * Runs toys [start, end) of a toy module on worker threads and returns their results in index
 * order — identical for any `threads`, `chunk` or sharding of the range.
 *
 * @example
 * ```ts
 * const module = toyModuleUrl(import.meta.url, './toyRunner');
 * const t0 = await runToysParallel<Args, number>({ module, args: { seed: 1 }, end: 300 });
 * ```
 * @throws HepInputError for a bad range or thread count; HepError carrying the worker's stack when
 *   a toy throws.
 */
export async function runToysParallel<A, R>(options: RunToysOptions<A>): Promise<R[]> {
  const start = options.start ?? 0;
  const { end } = options;
  if (!Number.isInteger(start) || start < 0)
    throw new HepInputError('start', `must be a non-negative integer, got ${start}`);
  if (!Number.isInteger(end) || end < start)
    throw new HepInputError('end', `must be an integer ≥ start (${start}), got ${end}`);
  const total = end - start;
  const threads = Math.min(options.threads ?? availableParallelism(), Math.max(total, 1));
  if (!Number.isInteger(threads) || threads < 1)
    throw new HepInputError('threads', `must be a positive integer, got ${options.threads}`);
  const chunk = options.chunk ?? Math.max(1, Math.ceil(total / (8 * threads)));
  if (!Number.isInteger(chunk) || chunk < 1)
    throw new HepInputError('chunk', `must be a positive integer, got ${chunk}`);
  const exportName = options.exportName ?? 'createToyRunner';
  const results = new Array<R>(total);
  if (total === 0) return results;
  if (threads === 1) {
    const factory = (await import(options.module.href))[exportName] as ToyRunnerFactory<A, R>;
    if (typeof factory !== 'function')
      throw new HepInputError('module', `${options.module.href} does not export a function ${exportName}`);
    const run = await factory(options.args);
    for (let from = start; from < end; from += chunk) {
      const to = Math.min(from + chunk, end);
      for (let i = from; i < to; i++) results[i - start] = await run(i);
      options.onProgress?.(to - start, total);
    }
    return results;
  }
  return runOnWorkers(options, { start, end, threads, chunk, exportName }, results);
}

function runOnWorkers<A, R>(
  options: RunToysOptions<A>,
  plan: { start: number; end: number; threads: number; chunk: number; exportName: string },
  results: R[],
): Promise<R[]> {
  const workerData = {
    module: options.module.href,
    exportName: plan.exportName,
    args: options.args,
    tsxCjsApi: tsxCjsApiFor(options.module),
  };
  const workers: Worker[] = [];
  let next = plan.start;
  let done = 0;
  const total = plan.end - plan.start;
  return new Promise<R[]>((resolve, reject) => {
    const stop = (error?: Error) => {
      for (const w of workers) void w.terminate();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const feed = (worker: Worker) => {
      if (next >= plan.end) return;
      const to = Math.min(next + plan.chunk, plan.end);
      worker.postMessage({ start: next, end: to });
      next = to;
    };
    for (let t = 0; t < plan.threads; t++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply<R>) => {
        if (reply.kind === 'error') {
          const where = reply.start < 0 ? 'setting up the toy module' : `toys from ${reply.start}`;
          stop(new HepError(`toy worker failed in ${where}: ${reply.message}`));
          return;
        }
        if (reply.kind === 'done' && reply.results !== undefined) {
          const rs = reply.results;
          for (let i = 0; i < rs.length; i++) results[reply.start - plan.start + i] = rs[i] as R;
          done += rs.length;
          options.onProgress?.(done, total);
          if (done === total) {
            stop();
            return;
          }
        }
        feed(worker);
      });
      worker.on('error', (e) => stop(new HepError(`toy worker crashed: ${e.message}`)));
    }
  });
}
