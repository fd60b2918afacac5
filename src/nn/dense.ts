import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';
import { columnSums, poolReductions, transposeTall } from './transposeTall.js';
import { transpose2d } from './transposeKernel.js';
import { matMul2d, matMulKernelReady, matMulTN } from './matMulKernel.js';

/** Explicit transpose of a rank-2 tensor. */
function t2(a: tf.Tensor2D): tf.Tensor2D {
  return transpose2d(a);
}

/** `t` as a `[M, d]` matrix (no kernel when it already is one: reshapes cost a launch each). */
function as2d(t: tf.Tensor, d: number): tf.Tensor2D {
  return (t.rank === 2 ? t : tf.reshape(t, [-1, d])) as tf.Tensor2D;
}

function denseForward(x: tf.Tensor, w: tf.Tensor2D, b: tf.Tensor1D | undefined): tf.Tensor {
  const din = w.shape[0];
  const dout = w.shape[1];
  const lead = x.shape.slice(0, -1);
  const x2 = as2d(x, din); // [M, din]
  const y2 = matMul2d(x2, w, b); // [M, dout]
  return x.rank === 2 ? y2 : tf.reshape(y2, [...lead, dout]);
}

/** Row count from which the weight gradient takes the large-batch path of {@link denseBackward}. */
const LARGE_ROWS = 1024;

/**
 * Gradients of `y = x W (+ b)`. With graphgen's matrix-product kernels (wasm, `dout` a multiple
 * of 4): `dX = dY Wᵀ` by {@link matMul2d}, `dW = Xᵀ dY` by {@link matMulTN} (no transpose of
 * `X`), `db` by {@link columnSums}. Otherwise, for many rows (`M >= LARGE_ROWS`) the weight gradient is a long
 * contraction over `M`, and the wasm backend packs the right operand of every product with a
 * new tensor (cost ~ rows x columns of that operand, strided): so the narrower of `x` and `dY`
 * is made the right operand, the other one is transposed with {@link transposeTall}, and the
 * bias gradient is a product with a row of ones that reuses the packed `dY`, or
 * {@link columnSums} (a pooling kernel on wasm; a last-axis sum of the transposed `dY`
 * elsewhere: tfjs's column sum over axis 0 of a tall matrix takes ~9 ms on wasm).
 */
function denseBackward(dy: tf.Tensor, x: tf.Tensor, w: tf.Tensor2D, withBias: boolean): { dx: tf.Tensor; dw: tf.Tensor2D; db?: tf.Tensor } {
  const din = w.shape[0];
  const dout = w.shape[1];
  const dy2 = as2d(dy, dout); // [M, dout]
  const x2 = as2d(x, din); // [M, din]
  const rows = dy2.shape[0];
  const dx2 = matMul2d(dy2, t2(w)); // [M, din]
  const dx = x.rank === 2 ? dx2 : tf.reshape(dx2, x.shape);
  if (matMulKernelReady(dout)) return { dx, dw: matMulTN(x2, dy2), db: withBias ? columnSums(dy2) : undefined };
  if (rows < LARGE_ROWS) {
    const dw = tf.matMul(transposeTall(x2), dy2) as tf.Tensor2D; // [din, dout]
    return { dx, dw, db: withBias ? columnSums(dy2) : undefined };
  }
  if (din <= dout) {
    const dyT = transposeTall(dy2); // [dout, M]
    const dw = t2(tf.matMul(dyT, x2)); // ([dout, M] [M, din])ᵀ = [din, dout]
    return { dx, dw, db: withBias ? (poolReductions() ? columnSums(dy2) : tf.sum(dyT, 1)) : undefined };
  }
  const dw = tf.matMul(transposeTall(x2), dy2) as tf.Tensor2D; // [din, M] [M, dout]
  const db = withBias ? tf.reshape(tf.matMul(tf.ones([1, rows]) as tf.Tensor2D, dy2), [dout]) : undefined; // same packed dY
  return { dx, dw, db };
}

type CustomFn = Parameters<typeof tf.customGrad>[0];

const denseWithBias = tf.customGrad(((x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x, w]);
  return {
    value: denseForward(x, w as tf.Tensor2D, b as tf.Tensor1D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const { dx, dw, db } = denseBackward(dy, saved[0], saved[1] as tf.Tensor2D, true);
      return [dx, dw, db as tf.Tensor];
    },
  };
}) as unknown as CustomFn) as (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor;

const denseNoBias = tf.customGrad(((x: tf.Tensor, w: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x, w]);
  return {
    value: denseForward(x, w as tf.Tensor2D, undefined),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const { dx, dw } = denseBackward(dy, saved[0], saved[1] as tf.Tensor2D, false);
      return [dx, dw];
    },
  };
}) as unknown as CustomFn) as (x: tf.Tensor, w: tf.Tensor) => tf.Tensor;

/**
 * Affine map on the last axis with a hand-written gradient: `y = x W + b`.
 *
 * Shapes: `x [..., din]`, `w [din, dout]`, `b [dout]` (optional), result `[..., dout]`. The
 * leading axes are flattened into one matrix product.
 *
 * Gradients (with `X` the flattened `[M, din]` input and `dY` `[M, dout]`):
 * `dX = dY Wᵀ`, `dW = Xᵀ dY`, `db = Σ_m dY[m, :]`. The transposes are materialised with
 * `tf.transpose` before each product instead of being passed as `matMul` flags: on the wasm
 * backend flagged products are 10-15x slower, which made default autodiff of an MLP training
 * step about 7x slower (../shared/NOTES.md). On wasm with graphgen's kernels loaded and `dout`
 * a multiple of 4, the products are graphgen's own SIMD kernels (a 4 x 8 register tile, about
 * 1.5-2x tfjs's XNNPACK products on these shapes; `dW` contracts over the rows of `X` and `dY`
 * without transposing either); elsewhere, for many rows (`M >= 1024`, e.g. the pair
 * features of a graph batch) the narrower of `X` and `dY` is the right operand of the `dW`
 * product (the wasm backend repacks that operand on every call, at a cost that grows with its
 * width), the other one is transposed (graphgen's blocked SIMD kernel on wasm), and `db` is a column sum or a
 * product with a row of ones that reuses the packed `dY`. Every module of graphgen uses this op.
 *
 * @param x - input `[..., din]`
 * @param w - weight `[din, dout]`
 * @param b - optional bias `[dout]`
 * @returns `[..., dout]`
 * @throws `ShapeError` when `x`'s last axis is not `din`, `w` is not rank 2 or `b` is not `[dout]`
 *
 * @example
 * ```ts
 * const y = dense(tf.ones([32, 20, 16]), tf.ones([16, 8]), tf.zeros([8])); // [32, 20, 8]
 * ```
 */
export function dense(x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor): tf.Tensor {
  if (w.rank !== 2) throw ShapeError.mismatch('w', '[din, dout]', `[${w.shape.join(', ')}]`);
  if (x.rank < 1 || x.shape[x.rank - 1] !== w.shape[0]) {
    throw ShapeError.mismatch('x', `[..., ${w.shape[0]}]`, `[${x.shape.join(', ')}]`);
  }
  if (b !== undefined) {
    if (b.rank !== 1 || b.shape[0] !== w.shape[1]) throw ShapeError.mismatch('b', `[${w.shape[1]}]`, `[${b.shape.join(', ')}]`);
    return denseWithBias(x, w, b);
  }
  return denseNoBias(x, w);
}
