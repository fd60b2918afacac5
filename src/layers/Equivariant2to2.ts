import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../core/rng.js';
import { BasisLayer, type BasisNormalization } from './BasisLayer.js';
import { dense } from '../nn/dense.js';
import { checkEdges, edgeMask4, eye3, pairReductions } from './masking.js';

/**
 * The 15 basis operations of linear S_n-equivariant maps `R^{n×n} → R^{n×n}` (Maron et al.
 * 2019), each named by its partition of the index set `{1, 2, 3, 4}` where (1, 2) index the
 * output entry `(i, j)` and (3, 4) the input entry `(k, l)`: indices in one block are equal;
 * input indices in a block without output indices are summed over. In order:
 *
 * | # | partition | operation `out_ij =` |
 * |---|---|---|
 * | 0 | `{1,3}{2,4}` | `T_ij` (identity) |
 * | 1 | `{1,4}{2,3}` | `T_ji` (transpose) |
 * | 2 | `{1,2,3,4}` | `δ_ij T_ii` |
 * | 3 | `{1,2}{3,4}` | `δ_ij Σ_k T_kk` |
 * | 4 | `{1,2,3}{4}` | `δ_ij Σ_l T_il` |
 * | 5 | `{1,2,4}{3}` | `δ_ij Σ_k T_ki` |
 * | 6 | `{1,2}{3}{4}` | `δ_ij Σ_kl T_kl` |
 * | 7 | `{1,3,4}{2}` | `T_ii` |
 * | 8 | `{1,3}{2}{4}` | `Σ_l T_il` |
 * | 9 | `{1,4}{2}{3}` | `Σ_k T_ki` |
 * | 10 | `{1}{2,3,4}` | `T_jj` |
 * | 11 | `{1}{2,3}{4}` | `Σ_l T_jl` |
 * | 12 | `{1}{2,4}{3}` | `Σ_k T_kj` |
 * | 13 | `{1}{2}{3,4}` | `Σ_k T_kk` |
 * | 14 | `{1}{2}{3}{4}` | `Σ_kl T_kl` |
 *
 * These are orbit sums (coincident indices are not excluded), which span the same
 * 15-dimensional space as Maron et al.'s equality-pattern basis (the two are related by Möbius
 * inversion on the partition lattice).
 */
export const BASIS_2_TO_2: readonly string[] = [
  '{1,3}{2,4}',
  '{1,4}{2,3}',
  '{1,2,3,4}',
  '{1,2}{3,4}',
  '{1,2,3}{4}',
  '{1,2,4}{3}',
  '{1,2}{3}{4}',
  '{1,3,4}{2}',
  '{1,3}{2}{4}',
  '{1,4}{2}{3}',
  '{1}{2,3,4}',
  '{1}{2,3}{4}',
  '{1}{2,4}{3}',
  '{1}{2}{3,4}',
  '{1}{2}{3}{4}',
];

function tileNodes(v: tf.Tensor, n: number): tf.Tensor {
  // [B,C] -> [B,N,C]
  return tf.tile(tf.expandDims(v, 1), [1, n, 1]);
}

/**
 * Evaluates the 15 basis operations of {@link BASIS_2_TO_2} on `t [B,N,N,C]` (masked first),
 * each returned as `[B,N,N,C]` with padded entries zero. With `'mean'`, single sums are divided
 * by the node count `n_b` and double sums by `n_b²`. Meant for tests and inspection; the layer
 * {@link Equivariant2to2} computes the same map far more cheaply.
 *
 * @example
 * ```ts
 * const ops = basis2to2(e, nodeMask, 'mean'); // 15 tensors [B,N,N,C]
 * ```
 */
export function basis2to2(t: tf.Tensor, nodeMask: tf.Tensor, normalization: BasisNormalization = 'mean'): tf.Tensor[] {
  checkEdges(t, nodeMask, undefined, 't');
  return tf.tidy(() => {
    const n = t.shape[1] as number;
    const em = edgeMask4(nodeMask);
    const tm = tf.mul(t, em);
    const r = pairReductions(tm, nodeMask, normalization === 'mean');
    const eye = eye3(n);
    const onDiag = (v: tf.Tensor): tf.Tensor => tf.mul(tf.expandDims(v, 2), eye); // [B,N,C] -> [B,N,N,C]
    const rowOf = (v: tf.Tensor): tf.Tensor => tf.mul(tf.expandDims(v, 2), tf.onesLike(tm)); // depends on i
    const colOf = (v: tf.Tensor): tf.Tensor => tf.mul(tf.expandDims(v, 1), tf.onesLike(tm)); // depends on j
    const all = (v: tf.Tensor): tf.Tensor => tf.mul(tf.expandDims(tf.expandDims(v, 1), 1), tf.onesLike(tm));
    const ops = [
      tm,
      tf.transpose(tm, [0, 2, 1, 3]),
      onDiag(r.diag),
      onDiag(tileNodes(r.trace, n)),
      onDiag(r.rowSum),
      onDiag(r.colSum),
      onDiag(tileNodes(r.total, n)),
      rowOf(r.diag),
      rowOf(r.rowSum),
      rowOf(r.colSum),
      colOf(r.diag),
      colOf(r.rowSum),
      colOf(r.colSum),
      all(r.trace),
      all(r.total),
    ];
    return ops.map((o) => tf.mul(o, em));
  });
}

/** Serializable config of {@link Equivariant2to2}. */
export interface Equivariant2to2Config {
  /** Input channels `C`. */
  inChannels: number;
  /** Output channels `C'`. */
  outChannels: number;
  /** Scaling of the sums. @default 'mean' */
  normalization?: BasisNormalization;
}

/**
 * Multi-channel linear S_n-equivariant layer `R^{n×n×C} → R^{n×n×C'}` (Maron et al. 2019,
 * "Invariant and equivariant graph networks"):
 *
 * `out_ij = Σ_{γ=0}^{14} L_γ(T)_ij W_γ + b_all + δ_ij b_diag`, then `out_ij ← m_i m_j out_ij`,
 *
 * where `L_γ` are the basis operations of {@link BASIS_2_TO_2}, `W_γ ∈ R^{C×C'}`, and the two
 * biases span the equivariant constants. For every permutation matrix P,
 * `f(P T Pᵀ) = P f(T) Pᵀ`, and entries touching a padded node are exactly zero.
 *
 * Cost: two full products `[B·N², C] × [C, C']` (identity, transpose) plus products on
 * `[B,N,·]` and `[B,·]` reductions, i.e. the 13 other operations are applied to reductions
 * before broadcasting.
 *
 * Shapes: `t [B,N,N,C]`, `nodeMask [B,N]` -> `[B,N,N,C']`. Parameters `weight [15,C,C']`
 * (ordered as {@link BASIS_2_TO_2}), `biasAll [C']`, `biasDiag [C']`.
 *
 * @example
 * ```ts
 * const layer = new Equivariant2to2({ inChannels: 2, outChannels: 16 }, createRng(0));
 * const h = layer.apply(e, nodeMask); // [B,N,N,16]
 * ```
 */
export class Equivariant2to2 extends BasisLayer<Equivariant2to2Config> {
  readonly className = 'Equivariant2to2';
  /** `[C']`. */
  readonly biasAll: tf.Variable;
  /** `[C']`. */
  readonly biasDiag: tf.Variable;

  /** @throws `InputError` for invalid channel counts or normalisation */
  constructor(config: Equivariant2to2Config, rng: Rng) {
    super(config, 15, rng);
    this.biasAll = this.addBias('biasAll');
    this.biasDiag = this.addBias('biasDiag');
  }

  /** Rebuilds from {@link Equivariant2to2.getConfig}. */
  static fromConfig(config: Equivariant2to2Config, rng: Rng): Equivariant2to2 {
    return new Equivariant2to2(config, rng);
  }

  /** `t [B,N,N,C]`, `nodeMask [B,N]` -> `[B,N,N,C']`. @throws `ShapeError` on bad shapes */
  apply(t: tf.Tensor, nodeMask: tf.Tensor): tf.Tensor {
    const { inChannels: c, outChannels: co, normalization } = this.config;
    checkEdges(t, nodeMask, c, 't');
    return tf.tidy(() => {
      const [b, n] = nodeMask.shape;
      const em = edgeMask4(nodeMask); // [B,N,N,1]
      const tm = tf.mul(t, em); // [B,N,N,C]
      const r = pairReductions(tm, nodeMask, normalization === 'mean');
      const w = (start: number, k: number): tf.Tensor => tf.reshape(tf.slice(this.weight, [start, 0, 0], [k, c, co]), [k * c, co]);
      const full = tf.add(dense(tm, w(0, 1)), tf.transpose(dense(tm, w(1, 1)), [0, 2, 1, 3])); // [B,N,N,C']
      const nodeIn = tf.concat([r.diag, r.rowSum, r.colSum], -1); // [B,N,3C]
      const diagIn = tf.concat([r.diag, tileNodes(r.trace, n), r.rowSum, r.colSum, tileNodes(r.total, n)], -1); // [B,N,5C]
      const dvec = dense(diagIn, w(2, 5), this.biasDiag); // [B,N,C']
      const ivec = tf.reshape(dense(nodeIn, w(7, 3)), [b, n, 1, co]);
      const jvec = tf.reshape(dense(nodeIn, w(10, 3)), [b, 1, n, co]);
      const gvec = tf.reshape(dense(tf.concat([r.trace, r.total], -1), w(13, 2), this.biasAll), [b, 1, 1, co]);
      const out = tf.add(tf.add(full, tf.mul(tf.expandDims(dvec, 2), eye3(n))), tf.add(tf.add(ivec, jvec), gvec));
      return tf.mul(out, em);
    });
  }
}
