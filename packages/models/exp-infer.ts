import { initEngine, tf } from './src/nn/engine.js';
const be = process.argv[2] ?? 'wasm';
console.log(await initEngine(be as 'wasm'));
const dims = [10, 128, 64, 64, 32, 32, 1];
const Ws = dims.slice(0, -1).map((d, i) => tf.randomNormal([d, dims[i + 1]!]) as tf.Tensor2D);
const bs = dims.slice(1).map((d) => tf.randomNormal([d]) as tf.Tensor1D);
for (const B of [4096, 16384, 65536]) {
  const x = new Float32Array(B * 10).map(() => Math.random());
  const run = () => tf.tidy(() => {
    let h = tf.tensor2d(x, [B, 10]);
    for (let i = 0; i < Ws.length; i++) {
      const last = i === Ws.length - 1;
      h = tf.fused.matMul({ a: h, b: Ws[i]!, bias: bs[i], activation: last ? 'sigmoid' : 'leakyrelu', leakyreluAlpha: 0.1 });
    }
    return h.dataSync();
  });
  run();
  const t0 = performance.now();
  let reps = 0;
  while (performance.now() - t0 < 2000) { run(); reps++; }
  const dt = (performance.now() - t0) / 1000;
  console.log(B, 'ev/s', Math.round((reps * B) / dt));
}
