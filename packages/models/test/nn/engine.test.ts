import { describe, expect, it } from 'vitest';
import { initEngine, tf } from '../../src/nn/engine.js';

describe('initEngine', () => {
  it('starts wasm by default and switches to cpu on request', async () => {
    expect(await initEngine()).toBe('wasm');
    const y = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(y.dataSync()[0]).toBe(11);
    y.dispose();
    expect(await initEngine('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});
