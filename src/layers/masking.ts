import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';

/**
 * Masks and reductions shared by the equivariant layers. All take `nodeMask [B,N]` with 1 for
 * real nodes and 0 for padding.
 */

/** `[B,N,1]` view of the node mask, to multiply node features `x [B,N,d]`. */
export function nodeMask3(nodeMask: tf.Tensor): tf.Tensor {
  return tf.expandDims(nodeMask, -1);
}

/** `[B,N,N,1]` pair mask `m_i m_j`, to multiply edge features `e [B,N,N,d]`. */
export function edgeMask4(nodeMask: tf.Tensor): tf.Tensor {
  const [b, n] = nodeMask.shape;
  return tf.mul(tf.reshape(nodeMask, [b, n, 1, 1]), tf.reshape(nodeMask, [b, 1, n, 1]));
}

/** Number of real nodes per graph as `[B,1]`, at least 1 (so empty graphs do not divide by 0). */
export function nodeCount(nodeMask: tf.Tensor): tf.Tensor {
  return tf.maximum(tf.sum(nodeMask, 1, true), 1);
}

/** Validates `x [B,N,d]` (optionally with width `d`) against `nodeMask [B,N]`. */
export function checkNodes(x: tf.Tensor, nodeMask: tf.Tensor, d: number | undefined, name = 'x'): void {
  if (nodeMask.rank !== 2) throw ShapeError.mismatch('nodeMask', '[B,N]', `[${nodeMask.shape.join(', ')}]`);
  const [b, n] = nodeMask.shape;
  if (x.rank !== 3 || x.shape[0] !== b || x.shape[1] !== n || (d !== undefined && x.shape[2] !== d)) {
    throw ShapeError.mismatch(name, `[${b},${n},${d ?? 'd'}]`, `[${x.shape.join(', ')}]`);
  }
}

/** Validates `e [B,N,N,d]` (optionally with width `d`) against `nodeMask [B,N]`. */
export function checkEdges(e: tf.Tensor, nodeMask: tf.Tensor, d: number | undefined, name = 'e'): void {
  if (nodeMask.rank !== 2) throw ShapeError.mismatch('nodeMask', '[B,N]', `[${nodeMask.shape.join(', ')}]`);
  const [b, n] = nodeMask.shape;
  if (e.rank !== 4 || e.shape[0] !== b || e.shape[1] !== n || e.shape[2] !== n || (d !== undefined && e.shape[3] !== d)) {
    throw ShapeError.mismatch(name, `[${b},${n},${n},${d ?? 'd'}]`, `[${e.shape.join(', ')}]`);
  }
}

/** `[N,N,1]` identity, to extract or place diagonals. */
export function eye3(n: number): tf.Tensor {
  return tf.reshape(tf.eye(n), [n, n, 1]);
}

/** Reductions of a (masked) 2-tensor `t [B,N,N,C]` used by the 2-to-k bases. */
export interface PairReductions {
  /** `T_ii`, `[B,N,C]`. */
  diag: tf.Tensor;
  /** `Σ_l T_il` (sum over the second index), `[B,N,C]`. */
  rowSum: tf.Tensor;
  /** `Σ_k T_ki` (sum over the first index), `[B,N,C]`. */
  colSum: tf.Tensor;
  /** `Σ_k T_kk`, `[B,C]`. */
  trace: tf.Tensor;
  /** `Σ_kl T_kl`, `[B,C]`. */
  total: tf.Tensor;
}

/**
 * Computes the reductions of `t [B,N,N,C]` (assumed zero at padding). With `mean`, sums over one
 * index are divided by the node count `n_b` and the double sum by `n_b²`.
 */
export function pairReductions(t: tf.Tensor, nodeMask: tf.Tensor, mean: boolean): PairReductions {
  const n = t.shape[1] as number;
  const diag = tf.sum(tf.mul(t, eye3(n)), 2); // [B,N,C]
  let rowSum = tf.sum(t, 2); // [B,N,C]
  let colSum = tf.sum(t, 1); // [B,N,C]
  let trace = tf.sum(diag, 1); // [B,C]
  let total = tf.sum(rowSum, 1); // [B,C]
  if (mean) {
    const cnt = nodeCount(nodeMask); // [B,1]
    const cnt3 = tf.expandDims(cnt, -1); // [B,1,1]
    rowSum = tf.div(rowSum, cnt3);
    colSum = tf.div(colSum, cnt3);
    trace = tf.div(trace, cnt);
    total = tf.div(total, tf.square(cnt));
  }
  return { diag, rowSum, colSum, trace, total };
}
