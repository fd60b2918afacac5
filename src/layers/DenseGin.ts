import * as tf from '@tensorflow/tfjs-core';
import { assertInteger } from '../core/assert.js';
import { ShapeError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { Module } from '../nn/Module.js';
import { Mlp } from '../nn/Mlp.js';
import { checkNodes, nodeMask3 } from './masking.js';

/** Serializable config of {@link DenseGin}. */
export interface DenseGinConfig {
  /** Input node features `d`. */
  inFeatures: number;
  /** Output node features `d'`. */
  outFeatures: number;
  /** Hidden width of the update MLP. @default outFeatures */
  hiddenFeatures?: number;
  /** Learn ε (GIN-ε); otherwise ε = 0 (GIN-0). @default true */
  trainEps?: boolean;
}

/**
 * Adjacency `[B,N,N]` from one-hot edge features `e [B,N,N,de]` (class 0 = no edge): the sum of
 * the classes ≥ 1, i.e. `A_ij = 1 − e_ij0` on real pairs and 0 on the diagonal and padding
 * (where all classes are 0). For soft (noisy) `e` it is the probability of an edge.
 *
 * @example
 * ```ts
 * const adj = adjacencyFromEdges(e); // [B,N,N]
 * ```
 */
export function adjacencyFromEdges(e: tf.Tensor): tf.Tensor {
  if (e.rank !== 4) throw ShapeError.mismatch('e', '[B,N,N,de]', `[${e.shape.join(', ')}]`);
  const de = e.shape[3] as number;
  if (de < 2) return tf.zeros(e.shape.slice(0, 3));
  return tf.tidy(() => tf.sum(tf.slice(e, [0, 0, 0, 1], [-1, -1, -1, de - 1]), 3));
}

/**
 * Dense graph isomorphism network layer (Xu et al. 2019, "How powerful are graph neural
 * networks?"): `h'_i = m_i · MLP((1 + ε) h_i + Σ_j A_ij h_j)`, with learnable ε (initialised to
 * 0) and a 2-layer ReLU MLP. As expressive as 1-WL when the MLP is injective on multisets.
 * Equivariant: `f(P x, P A Pᵀ) = P f(x, A)`; padded rows are exactly zero.
 *
 * Shapes: `x [B,N,d]`, `adj [B,N,N]` (e.g. from `adjacencyFromEdges` (graphgen/layers)), `nodeMask [B,N]`
 * -> `[B,N,d']`. Parameters: `eps [1]`, child `mlp`.
 *
 * @example
 * ```ts
 * const gin = new DenseGin({ inFeatures: 8, outFeatures: 32 }, createRng(0));
 * const h = gin.apply(x, adjacencyFromEdges(e), nodeMask);
 * ```
 */
export class DenseGin extends Module<DenseGinConfig> {
  readonly className = 'DenseGin';
  /** ε, `[1]` (absent for GIN-0). */
  readonly eps: tf.Variable | undefined;
  private readonly mlp: Mlp;
  private readonly config: Required<DenseGinConfig>;

  /** @throws `InputError` for invalid widths */
  constructor(config: DenseGinConfig, rng: Rng) {
    super();
    assertInteger(config.inFeatures, 'config.inFeatures', { min: 1 });
    assertInteger(config.outFeatures, 'config.outFeatures', { min: 1 });
    const hidden = config.hiddenFeatures ?? config.outFeatures;
    assertInteger(hidden, 'config.hiddenFeatures', { min: 1 });
    this.config = { inFeatures: config.inFeatures, outFeatures: config.outFeatures, hiddenFeatures: hidden, trainEps: config.trainEps ?? true };
    this.eps = this.config.trainEps ? this.addParameter('eps', [1], new Float32Array(1)) : undefined;
    this.mlp = this.addModule('mlp', new Mlp({ inFeatures: config.inFeatures, hiddenFeatures: [hidden], outFeatures: config.outFeatures }, rng));
  }

  /** Rebuilds from {@link DenseGin.getConfig}. */
  static fromConfig(config: DenseGinConfig, rng: Rng): DenseGin {
    return new DenseGin(config, rng);
  }

  getConfig(): DenseGinConfig {
    return { ...this.config };
  }

  /** `x [B,N,d]`, `adj [B,N,N]`, `nodeMask [B,N]` -> `[B,N,d']`. @throws `ShapeError` on bad shapes */
  apply(x: tf.Tensor, adj: tf.Tensor, nodeMask: tf.Tensor): tf.Tensor {
    checkNodes(x, nodeMask, this.config.inFeatures);
    const [b, n] = nodeMask.shape;
    if (adj.rank !== 3 || adj.shape[0] !== b || adj.shape[1] !== n || adj.shape[2] !== n) {
      throw ShapeError.mismatch('adj', `[${b},${n},${n}]`, `[${adj.shape.join(', ')}]`);
    }
    return tf.tidy(() => {
      const m3 = nodeMask3(nodeMask);
      const xm = tf.mul(x, m3);
      const am = tf.mul(tf.mul(adj, tf.expandDims(nodeMask, 1)), m3); // [B,N,N], padding rows/cols zero
      const agg = tf.matMul(am, xm); // [B,N,d]
      const self = this.eps === undefined ? xm : tf.mul(xm, tf.add(this.eps, 1));
      return tf.mul(this.mlp.apply(tf.add(self, agg)), m3);
    });
  }
}
