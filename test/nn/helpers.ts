import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../../src/nn/initBackend.js';

/** Backends every tfjs test runs on. */
export const BACKENDS: BackendName[] = ['cpu', 'wasm'];

/** Activates `name` (registers gradients too). */
export async function useBackend(name: BackendName): Promise<void> {
  await initBackend({ prefer: name });
}

/** Max |a - b| over two tensors or arrays. */
export function maxAbsDiff(a: tf.Tensor | ArrayLike<number>, b: tf.Tensor | ArrayLike<number>): number {
  const da = a instanceof tf.Tensor ? a.dataSync() : a;
  const db = b instanceof tf.Tensor ? b.dataSync() : b;
  if (da.length !== db.length) throw new Error(`length ${da.length} vs ${db.length}`);
  let m = 0;
  for (let i = 0; i < da.length; i++) m = Math.max(m, Math.abs(da[i] - db[i]));
  return m;
}

/** Central finite-difference gradient of a scalar function of one tensor (float32). */
export function numericGrad(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, h = 1e-2): Float32Array {
  const base = x.dataSync().slice() as Float32Array;
  const out = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const p = base.slice();
    p[i] += h;
    const m = base.slice();
    m[i] -= h;
    const fp = tf.tidy(() => f(tf.tensor(p, x.shape)).dataSync()[0]);
    const fm = tf.tidy(() => f(tf.tensor(m, x.shape)).dataSync()[0]);
    out[i] = (fp - fm) / (2 * h);
  }
  return out;
}

/** Random float32 tensor from a seeded stream (tfjs seed). */
export function randn(shape: number[], seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, 1, 'float32', seed);
}
