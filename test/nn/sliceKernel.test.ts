import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/core/rng.js';
import { copyBox } from '../../src/nn/sliceKernel.js';
import { useBackend } from './helpers.js';

/** Brute-force reference: out[i] = x[begin + unravel(i, size)], element by element. */
function boxReference(x: ArrayLike<number>, shape: number[], begin: number[], size: number[]): number[] {
  const out: number[] = [];
  const total = size.reduce((p, s) => p * s, 1);
  for (let i = 0; i < total; i++) {
    let rest = i;
    let flat = 0;
    let stride = 1;
    for (let a = shape.length - 1; a >= 0; a--) {
      const c = rest % size[a];
      rest = Math.floor(rest / size[a]);
      flat += (begin[a] + c) * stride;
      stride *= shape[a];
    }
    out.push(x[flat]);
  }
  return out;
}

/** A random shape of the given rank and a random box inside it (sometimes whole axes, sometimes empty). */
function randomBox(rng: Rng, rank: number): { shape: number[]; begin: number[]; size: number[] } {
  const shape = Array.from({ length: rank }, () => 1 + rng.int(0, 5));
  const begin: number[] = [];
  const size: number[] = [];
  for (const s of shape) {
    const u = rng.uniform();
    const b = u < 0.4 ? 0 : rng.int(0, s);
    const sz = u < 0.4 ? s : rng.int(0, s - b + 1);
    begin.push(b);
    size.push(sz);
  }
  return { shape, begin, size };
}

describe('copyBox (the heap-view slice) against element-by-element indexing', () => {
  it('ranks 0-5, random boxes (whole axes, partial axes, empty boxes)', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 400; trial++) {
      const { shape, begin, size } = randomBox(rng, trial % 6);
      const n = shape.reduce((p, s) => p * s, 1);
      const x = Float32Array.from({ length: n }, (_, i) => i + 0.5);
      const want = boxReference(x, shape, begin, size);
      const out = new Float32Array(want.length);
      copyBox(x, shape, begin, size, out);
      expect(Array.from(out), JSON.stringify({ shape, begin, size })).toEqual(want);
    }
  });
});

describe('Slice and SplitV on wasm read the heap without copying the input', () => {
  beforeAll(async () => useBackend('wasm'));

  it('the replacements are registered', () => {
    for (const k of ['Slice', 'SplitV']) expect((tf.getKernel(k, 'wasm') as unknown as Record<symbol, unknown>)[Symbol.for('graphgen.sliceRegistered')], k).toBeTypeOf('function'); // marked with tfjs's kernel
  });

  it.each(['float32', 'int32', 'bool'] as const)('tf.slice and tf.split equal indexing (%s), gradients of slice and split are right, no leaks', (dtype) => {
    const rng = createRng(12);
    const before = tf.memory().numTensors;
    for (let trial = 0; trial < 60; trial++) {
      const rank = 1 + (trial % 4);
      const { shape, begin, size } = randomBox(rng, rank);
      const n = shape.reduce((p, s) => p * s, 1);
      const vals = Array.from({ length: n }, (_, i) => (dtype === 'bool' ? i % 3 === 0 : dtype === 'int32' ? i - 7 : i * 0.25 - 3));
      const x = tf.tensor(vals as number[], shape, dtype);
      const want = boxReference(vals.map(Number), shape, begin, size);
      const got = tf.slice(x, begin, size);
      expect(got.shape).toEqual(size);
      expect(Array.from(got.dataSync(), Number)).toEqual(want);
      // split along a random axis into 2 or 3 parts (one size -1)
      const axis = rng.int(0, rank);
      if (shape[axis] >= 2) {
        const first = 1 + rng.int(0, shape[axis] - 1);
        const parts = tf.split(x, [first, -1], axis);
        let offset = 0;
        for (const p of parts) {
          const b = shape.map((_, a) => (a === axis ? offset : 0));
          expect(Array.from(p.dataSync(), Number)).toEqual(boxReference(vals.map(Number), shape, b, p.shape));
          offset += p.shape[axis];
        }
        tf.dispose(parts);
      }
      tf.dispose([x, got]);
    }
    if (dtype === 'float32') {
      // d/dx sum(w ⊙ slice(x)) scatters w into the box; d/dx of a weighted sum of split parts concatenates them
      const x = tf.tensor(Array.from({ length: 60 }, (_, i) => i), [3, 4, 5]);
      const w = tf.tensor(Array.from({ length: 2 * 2 * 3 }, (_, i) => i + 1), [2, 2, 3]);
      const [g] = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.slice(a, [1, 1, 2], [2, 2, 3]), w)))([x]);
      const gd = g.arraySync() as number[][][];
      const wd = w.arraySync() as number[][][];
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 4; j++)
          for (let k = 0; k < 5; k++) {
            const inside = i >= 1 && j >= 1 && j < 3 && k >= 2;
            expect(gd[i][j][k]).toBe(inside ? wd[i - 1][j - 1][k - 2] : 0);
          }
      const [gs] = tf.grads((a: tf.Tensor) => {
        const [p, q] = tf.split(a, [2, 3], 2);
        return tf.add(tf.sum(p), tf.mul(tf.sum(q), 2));
      })([x]);
      const gsd = gs.arraySync() as number[][][];
      for (const row of gsd.flat()) expect(row).toEqual([1, 1, 2, 2, 2]);
      tf.dispose([x, w, g, gs]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
