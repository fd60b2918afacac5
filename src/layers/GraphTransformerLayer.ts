import * as tf from '@tensorflow/tfjs-core';
import { assertFinite, assertInteger } from '../core/assert.js';
import { InputError, ShapeError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { Module } from '../nn/Module.js';
import { Linear } from '../nn/Linear.js';
import { LayerNorm } from '../nn/LayerNorm.js';
import { Mlp, dropoutRng, type ApplyOptions } from '../nn/Mlp.js';
import { dropout } from '../nn/dropout.js';
import { dense } from '../nn/dense.js';
import { filmAttention } from '../nn/filmAttention.js';
import { layerNormResidualMasked } from '../nn/layerNormKernel.js';
import { checkEdges, checkNodes, edgeMask4, nodeCount, nodeMask3 } from './masking.js';
import { pooledStats } from './pooledStats.js';

/** Serializable config of {@link GraphTransformerLayer}. */
export interface GraphTransformerLayerConfig {
  /** Node feature width `dx` (divisible by `numHeads`). */
  dx: number;
  /** Edge feature width `de`. */
  de: number;
  /** Global feature width `dy`. */
  dy: number;
  /** Number of heads `H` (sets the logit scale `1/√(dx/H)`). */
  numHeads: number;
  /** Feed-forward width for nodes. @default 2 * dx */
  ffX?: number;
  /** Feed-forward width for edges. @default 2 * de */
  ffE?: number;
  /** Feed-forward width for the global features. @default 2 * dy */
  ffY?: number;
  /** Dropout on every residual branch (training only). @default 0 */
  dropout?: number;
}

/** The outputs of {@link GraphTransformerLayer.apply}. */
export interface GraphFeatures {
  /** Node features `[B,N,dx]`. */
  x: tf.Tensor;
  /** Edge features `[B,N,N,de]`. */
  e: tf.Tensor;
  /** Global features `[B,dy]`. */
  y: tf.Tensor;
}

/**
 * DiGress graph transformer layer on `(x, e, y)` (Vignac et al. 2023, "DiGress: discrete
 * denoising diffusion for graph generation"; also the backbone of DeFoG, Qin et al. 2025).
 *
 * Self-attention over nodes whose scores are modulated by the edges (FiLM, Perez et al. 2018):
 *
 * - `Q = x W_q`, `K = x W_k`, `V = x W_v`; per-feature scores `S_ij = (Q_i ⊙ K_j) / √(dx/H)`
 *   (`[B,N,N,dx]`, one score per feature as in DiGress, so heads only set the scale);
 * - `S_ij ← S_ij ⊙ (1 + e_ij W_em) + e_ij W_ea` (edge FiLM);
 * - edges from the scores: `ê_ij = (y W_yea) + (1 + y W_yem) ⊙ S_ij`, `e' = ê W_eo` (global FiLM);
 * - attention `α_ij = softmax_j(S_ij)` over real nodes `j`, per feature;
 *   `x̂_i = (y W_yxa) + (1 + y W_yxm) ⊙ Σ_j α_ij ⊙ V_j`, `x' = x̂ W_xo`;
 * - globals from pooled statistics (masked mean, min, max, std over nodes and over pairs):
 *   `y' = mlp(y W_yy + pool(x) W_xy + pool(e) W_ey)`.
 *
 * Then, for each of x, e, y: `h ← LN(h + drop(h'))`, `h ← LN(h + drop(W₂ relu(W₁ h)))`.
 * Node and pair outputs are multiplied by `m_i` and `m_i m_j`, so padded entries are exactly
 * zero, and padded nodes never influence real ones. Equivariance:
 * `f(P x, P e Pᵀ, y) = (P x', P e' Pᵀ, y')`. `e'` is not symmetrised (DiGress symmetrises at the
 * model output).
 *
 * Shapes: `x [B,N,dx]`, `e [B,N,N,de]`, `y [B,dy]`, `nodeMask [B,N]` -> same shapes.
 *
 * Implementation (same values as the formulas above up to float32 rounding, checked against a
 * reference twin in the tests): the scale `1/√(dx/H)` is applied to `Q` and the FiLM `1` rides in
 * the `W_em` bias; `(y W_yea) W_eo + b_eo` is added after the `W_eo` product (on `de` channels);
 * scores, their FiLM by `y`, softmax and weighted sum are one op with a hand-written gradient
 * (`filmAttention` in graphgen/nn), and so are the pooled statistics and each residual
 * LayerNorm with its mask (`LN(h + h') ⊙ m`); padded nodes need no masks before the final ones (a
 * padded key gets no weight; padded query rows and pairs only reach masked outputs). On wasm the
 * attention core and the LayerNorms run as graphgen's own SIMD kernels on tfjs's heap, one pass
 * over the pair tensors each way instead of 20-30 tfjs kernels.
 *
 * @example
 * ```ts
 * const layer = new GraphTransformerLayer({ dx: 64, de: 16, dy: 16, numHeads: 4 }, createRng(0));
 * const out = layer.apply({ x, e, y }, nodeMask, { training: true, rng });
 * ```
 */
export class GraphTransformerLayer extends Module<GraphTransformerLayerConfig> {
  readonly className = 'GraphTransformerLayer';
  private readonly config: Required<GraphTransformerLayerConfig>;
  private readonly m: Record<string, Linear>;
  private readonly yOut: Mlp;
  private readonly norms: Record<'x1' | 'x2' | 'e1' | 'e2' | 'y1' | 'y2', LayerNorm>;

  /** @throws `InputError` for invalid widths, heads or dropout */
  constructor(config: GraphTransformerLayerConfig, rng: Rng) {
    super();
    for (const k of ['dx', 'de', 'dy', 'numHeads'] as const) assertInteger(config[k], `config.${k}`, { min: 1 });
    if (config.dx % config.numHeads !== 0) throw InputError.invalid('config.numHeads', `a divisor of dx = ${config.dx}`, String(config.numHeads));
    const c: Required<GraphTransformerLayerConfig> = {
      dx: config.dx,
      de: config.de,
      dy: config.dy,
      numHeads: config.numHeads,
      ffX: config.ffX ?? 2 * config.dx,
      ffE: config.ffE ?? 2 * config.de,
      ffY: config.ffY ?? 2 * config.dy,
      dropout: config.dropout ?? 0,
    };
    for (const k of ['ffX', 'ffE', 'ffY'] as const) assertInteger(c[k], `config.${k}`, { min: 1 });
    assertFinite(c.dropout, 'config.dropout', { min: 0, max: 0.99 });
    this.config = c;
    const { dx, de, dy } = c;
    const lin = (name: string, i: number, o: number): Linear => this.addModule(name, new Linear({ inFeatures: i, outFeatures: o }, rng));
    this.m = {
      q: lin('q', dx, dx),
      k: lin('k', dx, dx),
      v: lin('v', dx, dx),
      eMul: lin('eMul', de, dx),
      eAdd: lin('eAdd', de, dx),
      yEMul: lin('yEMul', dy, dx),
      yEAdd: lin('yEAdd', dy, dx),
      yXMul: lin('yXMul', dy, dx),
      yXAdd: lin('yXAdd', dy, dx),
      yY: lin('yY', dy, dy),
      xToY: lin('xToY', 4 * dx, dy),
      eToY: lin('eToY', 4 * de, dy),
      xOut: lin('xOut', dx, dx),
      eOut: lin('eOut', dx, de),
      ffX1: lin('ffX1', dx, c.ffX),
      ffX2: lin('ffX2', c.ffX, dx),
      ffE1: lin('ffE1', de, c.ffE),
      ffE2: lin('ffE2', c.ffE, de),
      ffY1: lin('ffY1', dy, c.ffY),
      ffY2: lin('ffY2', c.ffY, dy),
    };
    this.yOut = this.addModule('yOut', new Mlp({ inFeatures: dy, hiddenFeatures: [dy], outFeatures: dy }, rng));
    const ln = (name: string, d: number): LayerNorm => this.addModule(name, new LayerNorm({ features: d }));
    this.norms = { x1: ln('normX1', dx), x2: ln('normX2', dx), e1: ln('normE1', de), e2: ln('normE2', de), y1: ln('normY1', dy), y2: ln('normY2', dy) };
  }

  /** Rebuilds from {@link GraphTransformerLayer.getConfig}. */
  static fromConfig(config: GraphTransformerLayerConfig, rng: Rng): GraphTransformerLayer {
    return new GraphTransformerLayer(config, rng);
  }

  getConfig(): GraphTransformerLayerConfig {
    return { ...this.config };
  }

  /**
   * One layer on `(x [B,N,dx], e [B,N,N,de], y [B,dy])` with `nodeMask [B,N]`.
   * @throws `ShapeError` on inconsistent shapes
   */
  apply(input: GraphFeatures, nodeMask: tf.Tensor, options: ApplyOptions = {}): GraphFeatures {
    const { dx, de, dy, numHeads } = this.config;
    const { x, e, y } = input;
    checkNodes(x, nodeMask, dx);
    checkEdges(e, nodeMask, de);
    const b = nodeMask.shape[0];
    if (y.rank !== 2 || y.shape[0] !== b || y.shape[1] !== dy) throw ShapeError.mismatch('y', `[${b},${dy}]`, `[${y.shape.join(', ')}]`);
    const rate = this.config.dropout;
    const drng = dropoutRng(rate, options);
    const drop = (t: tf.Tensor): tf.Tensor => (drng === undefined ? t : dropout(t, rate, drng));
    const m = this.m;
    return tf.tidy(() => {
      const m3 = nodeMask3(nodeMask); // [B,N,1]
      const em = edgeMask4(nodeMask); // [B,N,N,1]
      const cnt = nodeCount(nodeMask); // [B,1]
      // Padded nodes need no masks before the outputs: filmAttention gives a padded key weight
      // exactly 0, and a padded query row or pair only reaches outputs that are masked below.
      const q = tf.mul(m.q.apply(x), 1 / Math.sqrt(dx / numHeads)); // [B,N,dx]
      // S_ij = (Q_i ⊙ K_j) ⊙ (1 + e_ij W_em + b_em) + e_ij W_ea + b_ea; the 1 rides in the bias
      const eMul1 = dense(e, m.eMul.weight, tf.add(m.eMul.bias as tf.Tensor, 1)); // [B,N,N,dx]
      // edges from the scores, FiLM by y: ((1 + y W_yem) ⊙ S) W_eo + ((y W_yea) W_eo + b_eo)
      const yE2 = tf.add(m.yEMul.apply(y), 1); // [B,dx]
      // sy = S ⊙ yE2 and wv_i = Σ_j softmax_j(S_ij) ⊙ V_j over real keys: one fused op
      const { sy, o: wv } = filmAttention(q, m.k.apply(x), m.v.apply(x), eMul1, m.eAdd.apply(e), yE2, nodeMask);
      const yE1 = tf.reshape(m.eOut.apply(m.yEAdd.apply(y)), [b, 1, 1, de]);
      const eNew = tf.add(dense(sy, m.eOut.weight), yE1); // [B,N,N,de], masked with eo
      const yX1 = tf.reshape(m.yXAdd.apply(y), [b, 1, dx]);
      const yX2 = tf.reshape(m.yXMul.apply(y), [b, 1, dx]);
      const xNew = m.xOut.apply(tf.add(yX1, tf.mul(tf.add(yX2, 1), wv))); // [B,N,dx], masked with xo
      // globals from pooled statistics
      const px = pooledStats(x, m3, cnt); // [B,4dx]
      const pe = pooledStats(e, em, tf.square(cnt)); // [B,4de]
      const yNew = this.yOut.apply(tf.add(tf.add(m.yY.apply(y), m.xToY.apply(px)), m.eToY.apply(pe))); // [B,dy]
      // residual + norm + feed-forward
      // LN(h + h') ⊙ mask: one kernel each way on wasm (layerNormResidualMasked)
      const ln = layerNormResidualMasked;
      let xo = ln(this.norms.x1, x, drop(xNew), m3);
      let eo = ln(this.norms.e1, e, drop(eNew), em);
      let yo = this.norms.y1.apply(tf.add(y, drop(yNew)));
      xo = ln(this.norms.x2, xo, drop(m.ffX2.apply(drop(tf.relu(m.ffX1.apply(xo))))), m3);
      eo = ln(this.norms.e2, eo, drop(m.ffE2.apply(drop(tf.relu(m.ffE1.apply(eo))))), em);
      yo = this.norms.y2.apply(tf.add(yo, drop(m.ffY2.apply(drop(tf.relu(m.ffY1.apply(yo)))))));
      return { x: xo, e: eo, y: yo };
    });
  }
}
