import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { filmAttention, filmAttentionReference } from '../../src/nn/filmAttention.js';
import { BACKENDS, maxAbsDiff, numericGrad, randn, useBackend } from './helpers.js';

/** Relative max error against a reference. */
function rel(a: tf.Tensor, r: tf.Tensor): number {
  return maxAbsDiff(a, r) / Math.max(1, ...Array.from(r.dataSync(), Math.abs));
}

type Op = typeof filmAttention;

interface Case {
  q: tf.Tensor;
  k: tf.Tensor;
  v: tf.Tensor;
  a: tf.Tensor;
  c: tf.Tensor;
  g: tf.Tensor;
  mask: tf.Tensor;
  wsy: tf.Tensor;
  wo: tf.Tensor;
}

/** Random inputs; `counts` real nodes per graph (the rest padded). */
function makeCase(b: number, n: number, d: number, counts: number[], seed: number): Case {
  const mask = tf.tensor2d(counts.map((m) => Array.from({ length: n }, (_, i) => (i < m ? 1 : 0))));
  return {
    q: randn([b, n, d], seed),
    k: randn([b, n, d], seed + 1),
    v: randn([b, n, d], seed + 2),
    a: randn([b, n, n, d], seed + 3),
    c: randn([b, n, n, d], seed + 4),
    g: randn([b, d], seed + 5),
    mask,
    wsy: randn([b, n, n, d], seed + 6),
    wo: randn([b, n, d], seed + 7),
  };
}

/** A scalar loss of both outputs, as a function of the six differentiable inputs. */
function lossOf(op: Op, t: Case) {
  return (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, a: tf.Tensor, c: tf.Tensor, g: tf.Tensor): tf.Scalar => {
    const { sy, o } = op(q, k, v, a, c, g, t.mask);
    return tf.add(tf.sum(tf.mul(sy, t.wsy)), tf.sum(tf.mul(o, t.wo))) as tf.Scalar;
  };
}

const inputs = (t: Case): tf.Tensor[] => [t.q, t.k, t.v, t.a, t.c, t.g];

describe.each(BACKENDS)('filmAttention vs its reference twin (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it('runs the fused wasm kernel on wasm when D is a multiple of 4, the twin otherwise', async () => {
    const t = makeCase(2, 3, 8, [3, 2], 1);
    const prof = await tf.profile(() => {
      const r = filmAttention(t.q, t.k, t.v, t.a, t.c, t.g, t.mask);
      return [r.sy, r.o];
    });
    const names = prof.kernels.map((k) => k.name);
    expect(names.includes('GraphgenFilmAttention')).toBe(backend === 'wasm');
    tf.dispose(Object.values(t));
  });

  it('values and gradients agree up to float32 rounding (padded keys, widths 8, 20 and 6)', () => {
    const before = tf.memory().numTensors;
    for (const [b, n, d, counts] of [[3, 5, 8, [5, 3, 1]], [2, 7, 20, [7, 4]], [2, 4, 6, [4, 2]]] as const) {
      tf.tidy(() => {
        const t = makeCase(b, n, d, [...counts], 10 * d);
        const f = filmAttention(t.q, t.k, t.v, t.a, t.c, t.g, t.mask);
        const r = filmAttentionReference(t.q, t.k, t.v, t.a, t.c, t.g, t.mask);
        expect(f.sy.shape).toEqual([b, n, n, d]);
        expect(f.o.shape).toEqual([b, n, d]);
        expect(rel(f.sy, r.sy)).toBeLessThan(1e-6);
        expect(rel(f.o, r.o)).toBeLessThan(1e-5);
        const gf = tf.grads(lossOf(filmAttention, t) as never)(inputs(t));
        const gr = tf.grads(lossOf(filmAttentionReference, t) as never)(inputs(t));
        gf.forEach((g, i) => expect(rel(g, gr[i]), `[${b},${n},${d}] input ${i}`).toBeLessThan(1e-5));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gradients match finite differences, and a single used output gets its gradient alone', () => {
    tf.tidy(() => {
      const t = makeCase(2, 3, 4, [3, 2], 5);
      const base = inputs(t);
      const loss = lossOf(filmAttention, t);
      const analytic = tf.grads(loss as never)(base);
      base.forEach((x, idx) => {
        const f = (xx: tf.Tensor): tf.Tensor => loss(...(base.map((y, j) => (j === idx ? xx : y)) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor]));
        const num = numericGrad(f, x, 1e-2);
        const scale = Math.max(1, ...Array.from(num, Math.abs));
        expect(maxAbsDiff(analytic[idx], num) / scale, `input ${idx}`).toBeLessThan(2e-2);
      });
      // only o reaches the loss (sy's gradient is null inside the kernel's gradient), then only
      // sy; `0 ⊙ Σ x` keeps every input on the tape (g does not reach o, nor v sy)
      const zero = (xs: tf.Tensor[]): tf.Tensor => tf.mul(0, tf.addN(xs.map((x) => tf.sum(x))));
      const onlyO = (op: Op) => (...xs: tf.Tensor[]): tf.Scalar => tf.add(tf.sum(tf.mul(op(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], t.mask).o, t.wo)), zero(xs)) as tf.Scalar;
      const onlySy = (op: Op) => (...xs: tf.Tensor[]): tf.Scalar => tf.add(tf.sum(tf.mul(op(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], t.mask).sy, t.wsy)), zero(xs)) as tf.Scalar;
      for (const which of [onlyO, onlySy]) {
        const gf = tf.grads(which(filmAttention) as never)(base);
        const gr = tf.grads(which(filmAttentionReference) as never)(base);
        gf.forEach((g, i) => expect(rel(g, gr[i])).toBeLessThan(1e-5));
      }
    });
  });

  it('padded keys get no weight; a graph without real nodes gives finite outputs and gradients', () => {
    tf.tidy(() => {
      const t = makeCase(2, 4, 8, [2, 0], 9);
      const { sy, o } = filmAttention(t.q, t.k, t.v, t.a, t.c, t.g, t.mask);
      expect(Array.from(sy.dataSync()).every(Number.isFinite)).toBe(true);
      expect(Array.from(o.dataSync()).every(Number.isFinite)).toBe(true);
      // changing the values of padded keys (v_j, k_j for j >= 2) leaves the real outputs alone
      const keep = tf.reshape(tf.tensor1d([1, 1, 0, 0]), [1, 4, 1]);
      const v2 = tf.add(tf.mul(t.v, keep), tf.mul(tf.sub(1, keep), 100));
      const o2 = filmAttention(t.q, t.k, v2, t.a, t.c, t.g, t.mask).o;
      expect(maxAbsDiff(tf.slice(o2, [0, 0, 0], [1, 4, 8]), tf.slice(o, [0, 0, 0], [1, 4, 8]))).toBeLessThan(1e-6);
      const g = tf.grads(lossOf(filmAttention, t) as never)(inputs(t));
      for (const gi of g) expect(Array.from(gi.dataSync()).every(Number.isFinite)).toBe(true);
    });
  });

  it('leaks no tensors across forward and backward loops', () => {
    const t = makeCase(2, 5, 8, [5, 3], 3);
    const w = filmAttention(t.q, t.k, t.v, t.a, t.c, t.g, t.mask); // warm-up (creates the kernel instance)
    tf.dispose([w.sy, w.o]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const r = filmAttention(t.q, t.k, t.v, t.a, t.c, t.g, t.mask);
      tf.dispose([r.sy, r.o]);
      tf.dispose(tf.grads(lossOf(filmAttention, t) as never)(inputs(t)));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(t));
  });

  it('rejects inconsistent shapes', () => {
    tf.tidy(() => {
      const t = makeCase(2, 3, 4, [3, 3], 4);
      expect(() => filmAttention(t.q, t.k, t.v, t.a, t.c, tf.zeros([2, 5]), t.mask)).toThrow(/g/);
      expect(() => filmAttention(t.q, t.k, t.v, tf.zeros([2, 3, 4, 4]), t.c, t.g, t.mask)).toThrow(/a/);
      expect(() => filmAttention(tf.zeros([2, 3]), t.k, t.v, t.a, t.c, t.g, t.mask)).toThrow(/q/);
      expect(() => filmAttention(t.q, t.k, t.v, t.a, t.c, t.g, tf.ones([2, 4]))).toThrow(/keyMask/);
    });
  });
});
