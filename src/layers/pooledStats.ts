import * as tf from '@tensorflow/tfjs-core';
import { pooledStatsKernel } from '../nn/pooledStatsKernel.js';
import { middleSum, poolReductions } from '../nn/transposeTall.js';

const BIG = 1e9;

type CustomFn = Parameters<typeof tf.customGrad>[0];

/**
 * Masked statistics `[mean, min, max, std]` of `v` over its set axes `1..r-2`, with a
 * hand-written gradient. `v [B,N,d]` pools over nodes, `v [B,N,N,d]` over pairs; `w` (the shape
 * of `v` with last axis 1) is the 0/1 membership and `cnt [B,1]` the set size (at least 1).
 *
 * `mean = Σ w v / cnt`, `max = max_{w=1} v`, `min = min_{w=1} v` (non-members are pushed by
 * ∓1e9), `std = sqrt(Σ (w (v − mean))² / cnt + 1e-6)`. On wasm the sums and maxima over the set
 * are one average- or max-pooling kernel each (window = the whole set, channels contiguous
 * tfjs's `Max` over a middle axis transposes first and was ~10x slower); elsewhere several set
 * axes are reduced one at a time, innermost first.
 *
 * Gradient: `∂v = w ∂mean / cnt + dev ∂std / (cnt std) + ∂max [v = max] + ∂min [v = min]`, with
 * `dev = w (v − mean)` and every tied extremum receiving the full gradient (as the registered
 * gradient of `Max` does). The path through `mean` inside `dev` is left out: it is
 * `−Σ dev · ∂std / (cnt std)` and `Σ dev = 0` for 0/1 weights. About 13 element-wise kernels on
 * the pooled tensor instead of ~21 and a reduction for autodiff. On wasm (float32, `d` a multiple
 * of 4) forward and backward are one graphgen kernel each (`src/nn/kernels/pooledStats.c`, the
 * same float32 operations). Internal to the graph transformer layer.
 *
 * @param v - `[B, ...set, d]`
 * @param w - `[B, ...set, 1]`, entries 0 or 1
 * @param cnt - `[B,1]`
 * @returns `[B,4d]`
 */
export function pooledStats(v: tf.Tensor, w: tf.Tensor, cnt: tf.Tensor): tf.Tensor {
  const fused = pooledStatsKernel(v, w, cnt); // one wasm kernel each way (graphgen/nn)
  if (fused !== null) return fused;
  return pooledStatsReference(v, w, cnt);
}

/** The tfjs-ops version of {@link pooledStats} (its path off wasm, and its parity reference). */
export function pooledStatsReference(v: tf.Tensor, w: tf.Tensor, cnt: tf.Tensor): tf.Tensor {
  const axes = Array.from({ length: v.rank - 2 }, (_, i) => v.rank - 2 - i); // innermost first
  const d = v.shape[v.rank - 1] as number;
  const b = v.shape[0] as number;
  const set = v.shape.slice(1, -1) as number[];
  const setSize = set.reduce((p, q) => p * q, 1);
  const pooled = v.rank <= 4 && poolReductions(); // one pooling kernel over the whole set (wasm)
  const over = (t: tf.Tensor, kind: 'sum' | 'max'): tf.Tensor => {
    if (!pooled) return axes.reduce((acc, a) => (kind === 'sum' ? tf.sum(acc, a) : tf.max(acc, a)), t);
    if (kind === 'sum') return middleSum(tf.reshape(t, [b, setSize, d]) as tf.Tensor3D); // graphgen's kernel or a pooling kernel
    const win: [number, number] = set.length === 2 ? [set[0], set[1]] : [set[0], 1];
    const t4 = tf.reshape(t, [b, win[0], win[1], d]) as tf.Tensor4D;
    return tf.reshape(tf.maxPool(t4, win, 1, 'valid'), [b, d]);
  };
  const setShape = [v.shape[0] as number, ...axes.map(() => 1), d]; // [B,1,..,1,d]
  const op = tf.customGrad(((vi: tf.Tensor, save: tf.GradSaveFunc) => {
    const mean = tf.div(over(tf.mul(vi, w), 'sum'), cnt); // [B,d]
    const off = tf.mul(tf.sub(w, 1), BIG); // 0 for members, -1e9 otherwise
    const x1 = tf.add(vi, off);
    const x2 = tf.sub(off, vi);
    const mx = over(x1, 'max'); // max
    const mx2 = over(x2, 'max'); // -min
    const dev = tf.mul(tf.sub(vi, tf.reshape(mean, setShape)), w);
    const std = tf.sqrt(tf.add(tf.div(over(tf.square(dev), 'sum'), cnt), 1e-6));
    save([w, cnt, x1, x2, mx, mx2, dev, std]);
    return {
      value: tf.concat([mean, tf.neg(mx2), mx, std], -1),
      gradFunc: (dy: tf.Tensor, [ws, cs, x1s, x2s, mxs, mx2s, devs, stds]: tf.Tensor[]) => {
        const [dMean, dMin, dMax, dStd] = tf.split(dy, 4, -1); // [B,d] each
        const a = tf.reshape(tf.div(dMean, cs), setShape);
        const c = tf.reshape(tf.div(dStd, tf.mul(stds, cs)), setShape);
        const extremum = (m: tf.Tensor, x: tf.Tensor, g: tf.Tensor): tf.Tensor =>
          tf.mul(tf.reshape(g, setShape), tf.sub(1, tf.step(tf.sub(tf.reshape(m, setShape), x)))); // g [x = m]
        return tf.addN([tf.mul(ws, a), tf.mul(devs, c), extremum(mxs, x1s, dMax), extremum(mx2s, x2s, dMin)]);
      },
    };
  }) as unknown as CustomFn) as unknown as (v: tf.Tensor) => tf.Tensor;
  return op(v);
}
