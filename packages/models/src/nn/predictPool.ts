/**
 * Multi-threaded inference: worker threads, each with its own instance of the WebAssembly dense
 * kernel and a copy of the network's {@link KernelPlan} (or, with the `'tfjs'` engine or without
 * WebAssembly SIMD, its own tfjs-core backend and folded {@link InferencePlan}), score contiguous
 * slices of the events; rows and scores are shared through SharedArrayBuffers. One thread is
 * compute-bound (paper-000 classifier: 16.7 k multiply-adds per event), so throughput scales with
 * the free cores. The workers run the same {@link wasmForward} and {@link planKernels} source as
 * the main thread, so their scores are bit-identical to {@link predict}'s.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HepInputError } from '@hep/core';
import { type BadValue, badValueError, checkColumns, type FeatureColumns, packBatch } from './data.js';
import { tf, tfjsLocations } from './engine.js';
import type { KernelPlan } from './kernelPlan.js';
import type { Network } from './network.js';
import { type PlanArrays, planKernels } from './planKernels.js';
import { checkEngine, type PredictEngine, type PredictOptions } from './predict.js';
import { denseKernelBase64, KERNEL_BATCH, kernelForward, wasmForward } from './wasmForward.js';

/** What a worker receives at start: the kernel and its plan, or tfjs and its plan. */
interface WorkerInit {
  readonly kernel?: { readonly base64: string; readonly plan: KernelPlan; readonly batch: number };
  readonly tfjs?: ReturnType<typeof tfjsLocations>;
  readonly backend?: string;
  readonly plan?: PlanArrays;
  readonly inputs: number;
  readonly outputs: number;
}

/**
 * One slice of work: events [start, end) of the shared float64 feature columns (column j at
 * [j·n, (j + 1)·n)), scores into the shared output.
 */
interface Job {
  readonly columns: SharedArrayBuffer;
  readonly n: number;
  readonly out: SharedArrayBuffer;
  readonly start: number;
  readonly end: number;
  readonly batch: number;
}

interface Port {
  on(event: 'message', fn: (job: Job) => void): void;
  postMessage(m: unknown): void;
}

/** Worker body; self-contained (it runs from its source text in the worker). */
async function workerMain(
  load: (id: string) => unknown,
  init: WorkerInit,
  port: Port,
  makeKernels: typeof planKernels,
  makeForward: typeof wasmForward,
  pack: typeof packBatch,
): Promise<void> {
  const d = init.inputs;
  const o = init.outputs;
  const columns = (job: Job) =>
    Array.from({ length: d }, (_, j) => new Float64Array(job.columns, j * job.n * 8, job.n));
  if (init.kernel) {
    // the main thread instantiated the same bytes: WebAssembly SIMD is available here too
    const api = (
      globalThis as unknown as {
        WebAssembly: {
          Module: new (bytes: Uint8Array) => object;
          Instance: new (module: object, imports: object) => { exports: unknown };
        };
      }
    ).WebAssembly;
    const instance = new api.Instance(new api.Module(Buffer.from(init.kernel.base64, 'base64')), {});
    const forward = makeForward(instance.exports as never, init.kernel.batch, pack);
    forward.load(init.kernel.plan);
    port.on('message', (job) => {
      const bad = forward.run(columns(job), job.start, job.end, new Float64Array(job.out));
      port.postMessage(bad ?? 'done');
    });
    port.postMessage('ready');
    return;
  }
  if (!init.tfjs || !init.backend || !init.plan) throw new Error('PredictPool worker: no plan');
  const tf = load(init.tfjs.core) as typeof import('@tensorflow/tfjs-core');
  load(init.tfjs.cpu);
  const wasm = load(init.tfjs.wasm) as { setWasmPaths(prefix: string): void };
  tf.env().set('PROD', true);
  wasm.setWasmPaths(init.tfjs.wasmDir);
  await tf.setBackend(init.backend);
  await tf.ready();
  const k = makeKernels(tf);
  const plan = k.fromArrays(init.plan);
  port.on('message', (job) => {
    const cols = columns(job);
    const out = new Float64Array(job.out);
    for (let s = job.start; s < job.end; s += job.batch) {
      const e = Math.min(job.end, s + job.batch);
      const rows = new Float32Array((e - s) * d);
      const bad = pack(cols, s, e - s, rows, 0);
      if (bad) {
        port.postMessage(bad);
        return;
      }
      const y = tf.tidy(() => k.run(plan.steps, plan.head, tf.tensor2d(rows, [e - s, d])).dataSync());
      out.set(y, s * o);
    }
    port.postMessage('done');
  });
  port.postMessage('ready');
}

function message(w: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      w.off('message', onMessage);
      reject(e);
    };
    const onMessage = (m: unknown) => {
      w.off('error', onError);
      resolve(m);
    };
    w.once('message', onMessage);
    w.once('error', onError);
  });
}

/**
 * A pool of inference threads for one network, holding a snapshot of its weights (create a new
 * pool after training). An idle pool does not keep the process alive; {@link PredictPool.close}
 * stops the threads.
 *
 * @example
 * ```ts
 * const pool = await PredictPool.create(net);      // one thread per core
 * const scores = await pool.predict(columns);      // = predict(net, columns), bit for bit
 * await pool.close();
 * ```
 */
export class PredictPool {
  private readonly workers: Worker[];
  private readonly inputs: number;
  private readonly outputs: number;

  private constructor(workers: Worker[], inputs: number, outputs: number) {
    this.workers = workers;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /**
   * Starts `threads` workers (default: the number of cores) running the WebAssembly kernel, or
   * (engine `'tfjs'`, or no WebAssembly SIMD) the tfjs-core plan on the current backend.
   */
  static async create(
    net: Network,
    threads = availableParallelism(),
    engine: PredictEngine = 'auto',
  ): Promise<PredictPool> {
    if (!Number.isSafeInteger(threads) || threads < 1) {
      throw new HepInputError('threads', `must be a positive integer, got ${threads}`);
    }
    const io = { inputs: net.spec.inputs, outputs: net.spec.outputs };
    let init: WorkerInit;
    checkEngine('engine', engine);
    if (engine !== 'tfjs' && kernelForward()) {
      init = { ...io, kernel: { base64: denseKernelBase64, plan: net.kernelPlan(), batch: KERNEL_BATCH } };
    } else {
      const plan = net.inferencePlan();
      init = { ...io, tfjs: tfjsLocations(), backend: tf.getBackend(), plan: plan.toArrays() };
      plan.dispose();
    }
    const code = [
      "const { parentPort, workerData } = require('node:worker_threads');",
      // esbuild with keepNames (tsx) wraps inner functions in its __name helper: a no-op here
      'var __name = (target) => target;',
      `(${workerMain.toString()})(require, workerData, parentPort, ${planKernels.toString()}, ${wasmForward.toString()}, ${packBatch.toString()});`,
    ].join('\n');
    const workers = Array.from({ length: threads }, () => new Worker(code, { eval: true, workerData: init }));
    try {
      await Promise.all(workers.map(message));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    for (const w of workers) w.unref();
    return new PredictPool(workers, init.inputs, init.outputs);
  }

  /**
   * Network outputs for every event (row-major n × outputs), as {@link predict} returns them
   * (bit-identical with the same engine); `options.batchSize`: events per tfjs call (engine
   * `'tfjs'`; the engine itself is chosen in {@link PredictPool.create}).
   */
  async predict(
    features: FeatureColumns,
    options: Pick<PredictOptions, 'batchSize'> = {},
  ): Promise<Float64Array> {
    const batchSize = options.batchSize ?? 32768;
    const d = this.inputs;
    const k = this.outputs;
    const n = checkColumns(features, d);
    // the workers pack (and check) their own events from float64 columns
    const columns = new SharedArrayBuffer(n * d * 8);
    features.forEach((c, j) => {
      new Float64Array(columns, j * n * 8, n).set(c);
    });
    const out = new SharedArrayBuffer(n * k * 8);
    const per = Math.ceil(n / this.workers.length);
    // an idle pool does not keep the process alive; a running job does
    for (const w of this.workers) w.ref();
    let replies: unknown[];
    try {
      replies = await Promise.all(
        this.workers.map((w, t) => {
          const start = Math.min(n, t * per);
          const end = Math.min(n, start + per);
          if (start === end) return Promise.resolve('done');
          const done = message(w);
          w.postMessage({ columns, n, out, start, end, batch: batchSize } satisfies Job);
          return done;
        }),
      );
    } finally {
      for (const w of this.workers) w.unref();
    }
    const bad = replies.find((r): r is BadValue => r !== 'done');
    if (bad) throw badValueError(bad);
    return new Float64Array(out).slice();
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
