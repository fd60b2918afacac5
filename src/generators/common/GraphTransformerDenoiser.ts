import * as tf from '@tensorflow/tfjs-core';
import { assertInteger } from '../../core/assert.js';
import { InputError, ShapeError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { LayerNorm } from '../../nn/LayerNorm.js';
import { layerNormResidualMasked } from '../../nn/layerNormKernel.js';
import { channelsFirst, channelsLast } from '../../nn/transposeKernel.js';
import { Linear } from '../../nn/Linear.js';
import { Mlp } from '../../nn/Mlp.js';
import { Module } from '../../nn/Module.js';
import type { Denoiser, DenoiserInput, DenoiserOutput } from './Denoiser.js';

/** Serializable config of {@link GraphTransformerDenoiser}. Every width is declared. */
export interface GraphTransformerDenoiserConfig {
  /** Input node width dxIn (classes + node features). */
  inNodeFeatures: number;
  /** Input pair width deIn (classes + pair features). */
  inEdgeFeatures: number;
  /** Input global width dyIn (time + global features). */
  inGlobalFeatures: number;
  /** Output node classes dx. */
  nodeClasses: number;
  /** Output edge classes de. */
  edgeClasses: number;
  /** Hidden node width. @default 64 */
  hiddenX?: number;
  /** Hidden pair width. @default 16 */
  hiddenE?: number;
  /** Hidden global width. @default 32 */
  hiddenY?: number;
  /** Number of transformer layers. @default 4 */
  layers?: number;
  /** Attention heads (must divide hiddenX). @default 8 */
  heads?: number;
}

/**
 * One graph transformer layer in the style of DiGress (Vignac et al. 2023, section 4),
 * written locally because graphgen/layers was not available when the generators were written.
 * With `H` heads of width `d = hiddenX / H`:
 *
 * - attention scores per head `S_ij = ⟨Q_i, K_j⟩ / √d` (`[B,H,N,N]`), modulated by the pair
 *   features (FiLM): `S_ij ← S_ij ⊙ (1 + E^mul_ij) + E^add_ij`;
 * - new pair features from the scores, FiLM-modulated by the globals:
 *   `E'_ij = W_e (S_ij ⊙ (1 + y^mul) + y^add)`;
 * - attention `A_ij = softmax_j(S_ij)` over real nodes j, new node features
 *   `X'_i = W_x ((Σ_j A_ij V_j) ⊙ (1 + y^mul) + y^add)`;
 * - new globals `y' = W_y y + W_px mean_i X_i + W_pe mean_ij E_ij`;
 * - each stream: residual, layer norm, feed-forward with residual and layer norm; padding
 *   rows are multiplied by the mask after each norm (`LN(h + h') ⊙ m`, one fused kernel each
 *   way on wasm: `layerNormResidualMasked` in graphgen/nn). The updates `E'` and `X'` are not masked
 *   before it: a norm works row by row, so their padded rows reach only rows the mask zeroes
 *   (values and gradients of real rows are those of masking first).
 *
 * DiGress uses one softmax per channel; per-head scalar scores are used here because `exp` on
 * `[B,N,N,hiddenX]` tensors dominates the step time on the wasm backend.
 */
class GraphTransformerLayer extends Module<{ hx: number; he: number; hy: number; heads: number }> {
  readonly className = 'GraphTransformerLayer';
  private readonly cfg: { hx: number; he: number; hy: number; heads: number };
  private readonly qkv: Linear;
  private readonly eFilm: Linear;
  private readonly yeFilm: Linear;
  private readonly yxFilm: Linear;
  private readonly eOut: Linear;
  private readonly xOut: Linear;
  private readonly yLin: Linear;
  private readonly yPoolX: Linear;
  private readonly yPoolE: Linear;
  private readonly ffX: Mlp;
  private readonly ffE: Mlp;
  private readonly ffY: Mlp;
  private readonly ln: LayerNorm[];

  constructor(hx: number, he: number, hy: number, heads: number, rng: Rng) {
    super();
    this.cfg = { hx, he, hy, heads };
    this.qkv = this.addModule('qkv', new Linear({ inFeatures: hx, outFeatures: 3 * hx }, rng));
    this.eFilm = this.addModule('eFilm', new Linear({ inFeatures: he, outFeatures: 2 * heads }, rng));
    this.yeFilm = this.addModule('yeFilm', new Linear({ inFeatures: hy, outFeatures: 2 * heads }, rng));
    this.yxFilm = this.addModule('yxFilm', new Linear({ inFeatures: hy, outFeatures: 2 * hx }, rng));
    this.eOut = this.addModule('eOut', new Linear({ inFeatures: heads, outFeatures: he }, rng));
    this.xOut = this.addModule('xOut', new Linear({ inFeatures: hx, outFeatures: hx }, rng));
    this.yLin = this.addModule('yLin', new Linear({ inFeatures: hy, outFeatures: hy }, rng));
    this.yPoolX = this.addModule('yPoolX', new Linear({ inFeatures: hx, outFeatures: hy }, rng));
    this.yPoolE = this.addModule('yPoolE', new Linear({ inFeatures: he, outFeatures: hy }, rng));
    this.ffX = this.addModule('ffX', new Mlp({ inFeatures: hx, hiddenFeatures: [2 * hx], outFeatures: hx }, rng));
    this.ffE = this.addModule('ffE', new Mlp({ inFeatures: he, hiddenFeatures: [2 * he], outFeatures: he }, rng));
    this.ffY = this.addModule('ffY', new Mlp({ inFeatures: hy, hiddenFeatures: [2 * hy], outFeatures: hy }, rng));
    this.ln = [hx, hx, he, he, hy, hy].map((d, i) => this.addModule(`ln${i}`, new LayerNorm({ features: d })));
  }

  getConfig(): { hx: number; he: number; hy: number; heads: number } {
    return { ...this.cfg };
  }

  apply(x: tf.Tensor, e: tf.Tensor, y: tf.Tensor, xMask: tf.Tensor, eMask: tf.Tensor, keyBias: tf.Tensor, counts: tf.Tensor, pairCounts: tf.Tensor): [tf.Tensor, tf.Tensor, tf.Tensor] {
    const { hx, heads: H } = this.cfg;
    const [B, N] = x.shape;
    const d = hx / H;
    const [q, k, v] = tf.split(this.qkv.apply(x), 3, -1); // [B,N,hx] each
    const qh = tf.transpose(tf.reshape(q, [B, N, H, d]), [0, 2, 1, 3]); // [B,H,N,d]
    const kt = tf.transpose(tf.reshape(k, [B, N, H, d]), [0, 2, 3, 1]); // [B,H,d,N]
    const vh = tf.transpose(tf.reshape(v, [B, N, H, d]), [0, 2, 1, 3]); // [B,H,N,d]
    let s = tf.mul(tf.matMul(qh, kt), 1 / Math.sqrt(d)); // [B,H,N,N]
    const ef = channelsFirst(this.eFilm.apply(e) as tf.Tensor4D); // [B,2H,N,N]
    const [em, ea] = tf.split(ef, 2, 1); // [B,H,N,N]
    s = tf.add(tf.mul(s, tf.add(em, 1)), ea);
    const [yem, yea] = tf.split(tf.reshape(this.yeFilm.apply(y), [B, 2 * H, 1, 1]), 2, 1); // [B,H,1,1]
    const sy = channelsLast(tf.add(tf.mul(s, tf.add(yem, 1)), yea) as tf.Tensor4D); // [B,N,N,H]
    const eNew = this.eOut.apply(sy); // [B,N,N,he]; padded and diagonal rows are masked after the norm
    const att = tf.softmax(tf.add(s, keyBias)); // softmax over j (last axis); keyBias [B,1,1,N]
    const agg = tf.reshape(tf.transpose(tf.matMul(att, vh), [0, 2, 1, 3]), [B, N, hx]); // [B,N,hx]
    const [yxm, yxa] = tf.split(tf.reshape(this.yxFilm.apply(y), [B, 1, 2 * hx]), 2, -1);
    const xNew = this.xOut.apply(tf.add(tf.mul(agg, tf.add(yxm, 1)), yxa)); // [B,N,hx]; padded rows masked after the norm
    const poolX = tf.div(tf.sum(x, 1), counts); // [B,hx]
    const poolE = tf.div(tf.sum(e, [1, 2]), pairCounts); // [B,he]
    const yNew = tf.add(tf.add(this.yLin.apply(y), this.yPoolX.apply(poolX)), this.yPoolE.apply(poolE));
    // LN(h + h') ⊙ mask, one kernel each way on wasm (the same values as the three tfjs ops)
    const ln = layerNormResidualMasked;
    let x2 = ln(this.ln[0], x, xNew, xMask);
    x2 = ln(this.ln[1], x2, this.ffX.apply(x2), xMask);
    let e2 = ln(this.ln[2], e, eNew, eMask);
    e2 = ln(this.ln[3], e2, this.ffE.apply(e2), eMask);
    let y2 = this.ln[4].apply(tf.add(y, yNew));
    y2 = this.ln[5].apply(tf.add(y2, this.ffY.apply(y2)));
    return [x2, e2, y2];
  }
}

/**
 * The denoiser of {@link DiscreteDiffusion} and {@link DiscreteFlow}: input MLPs, a stack of
 * DiGress-style graph transformer layers (see the layer description above: FiLM-modulated
 * per-channel attention, pair features updated from attention scores, global features from
 * pooled statistics) and output MLPs. Edge logits are symmetrised, `(Ê + Êᵀ) / 2`, and the
 * diagonal and padding are zero, so the network is permutation equivariant:
 * `f(P x, P e Pᵀ) = (P f_x, P f_e Pᵀ)`.
 *
 * Shapes: `x [B,N,dxIn]`, `e [B,N,N,deIn]`, `y [B,dyIn]`, `nodeMask [B,N]` ->
 * logits `x [B,N,dx]`, `e [B,N,N,de]`.
 *
 * @example
 * ```ts
 * const net = new GraphTransformerDenoiser({ inNodeFeatures: 3, inEdgeFeatures: 2, inGlobalFeatures: 2,
 *   nodeClasses: 1, edgeClasses: 2, layers: 2 }, createRng(0));
 * const { x, e } = net.apply({ x, e, y, nodeMask });
 * ```
 */
export class GraphTransformerDenoiser extends Module<GraphTransformerDenoiserConfig> implements Denoiser {
  readonly className = 'GraphTransformerDenoiser';
  private readonly config: Required<GraphTransformerDenoiserConfig>;
  private readonly inX: Mlp;
  private readonly inE: Mlp;
  private readonly inY: Mlp;
  private readonly blocks: GraphTransformerLayer[];
  private readonly outX: Mlp;
  private readonly outE: Mlp;

  /** @throws `InputError` for non-positive widths */
  constructor(config: GraphTransformerDenoiserConfig, rng: Rng) {
    super();
    const c: Required<GraphTransformerDenoiserConfig> = {
      hiddenX: 64,
      hiddenE: 16,
      hiddenY: 32,
      layers: 4,
      heads: 8,
      ...config,
    } as Required<GraphTransformerDenoiserConfig>;
    for (const key of ['inNodeFeatures', 'inEdgeFeatures', 'inGlobalFeatures', 'nodeClasses', 'edgeClasses', 'hiddenX', 'hiddenE', 'hiddenY', 'layers', 'heads'] as const) {
      assertInteger(c[key], `config.${key}`, { min: 1 });
    }
    if (c.hiddenX % c.heads !== 0) throw InputError.invalid('config.heads', `a divisor of hiddenX = ${c.hiddenX}`, String(c.heads));
    this.config = c;
    const { hiddenX: hx, hiddenE: he, hiddenY: hy } = c;
    this.inX = this.addModule('inX', new Mlp({ inFeatures: c.inNodeFeatures, hiddenFeatures: [hx], outFeatures: hx, activateOutput: true }, rng));
    this.inE = this.addModule('inE', new Mlp({ inFeatures: c.inEdgeFeatures, hiddenFeatures: [he], outFeatures: he, activateOutput: true }, rng));
    this.inY = this.addModule('inY', new Mlp({ inFeatures: c.inGlobalFeatures, hiddenFeatures: [hy], outFeatures: hy, activateOutput: true }, rng));
    this.blocks = [];
    for (let l = 0; l < c.layers; l++) this.blocks.push(this.addModule(`blocks.${l}`, new GraphTransformerLayer(hx, he, hy, c.heads, rng)));
    this.outX = this.addModule('outX', new Mlp({ inFeatures: hx, hiddenFeatures: [hx], outFeatures: c.nodeClasses }, rng));
    this.outE = this.addModule('outE', new Mlp({ inFeatures: he, hiddenFeatures: [he], outFeatures: c.edgeClasses }, rng));
  }

  /** Rebuilds from {@link GraphTransformerDenoiser.getConfig} (weights from `rng`; load saved ones after). */
  static fromConfig(config: GraphTransformerDenoiserConfig, rng: Rng): GraphTransformerDenoiser {
    return new GraphTransformerDenoiser(config, rng);
  }

  /** Every weight of the denoiser, in creation order (for optimisers). */
  override trainableVariables(): tf.Variable[] {
    return super.trainableVariables();
  }

  /** True after `dispose()`. */
  override get isDisposed(): boolean {
    return super.isDisposed;
  }

  /** This module (the {@link Denoiser} view). */
  get module(): Module {
    return this;
  }

  getConfig(): GraphTransformerDenoiserConfig {
    return { ...this.config };
  }

  /**
   * Forward pass.
   * @throws `ShapeError` when an input width differs from the declared one
   */
  apply(input: DenoiserInput): DenoiserOutput {
    const c = this.config;
    const { x, e, y, nodeMask } = input;
    const [B, N] = nodeMask.shape;
    if (x.shape[0] !== B || x.shape[1] !== N || x.shape[2] !== c.inNodeFeatures) throw ShapeError.mismatch('input.x', `[${B},${N},${c.inNodeFeatures}]`, `[${x.shape.join(',')}]`);
    if (e.shape[0] !== B || e.shape[1] !== N || e.shape[2] !== N || e.shape[3] !== c.inEdgeFeatures) {
      throw ShapeError.mismatch('input.e', `[${B},${N},${N},${c.inEdgeFeatures}]`, `[${e.shape.join(',')}]`);
    }
    if (y.shape[0] !== B || y.shape[1] !== c.inGlobalFeatures) throw ShapeError.mismatch('input.y', `[${B},${c.inGlobalFeatures}]`, `[${y.shape.join(',')}]`);
    return tf.tidy(() => {
      const xMask = tf.reshape(nodeMask, [B, N, 1]);
      const offDiag = tf.sub(1, tf.eye(N)); // [N,N]
      const eMask = tf.reshape(tf.mul(tf.mul(tf.reshape(nodeMask, [B, N, 1]), tf.reshape(nodeMask, [B, 1, N])), offDiag), [B, N, N, 1]);
      const keyBias = tf.reshape(tf.mul(tf.sub(1, nodeMask), -1e9), [B, 1, 1, N]);
      const counts = tf.maximum(tf.sum(nodeMask, 1, true), 1); // [B,1]
      const pairCounts = tf.maximum(tf.sum(eMask, [1, 2]), 1); // [B,1]
      let h = tf.mul(this.inX.apply(x), xMask);
      let he = tf.mul(this.inE.apply(e), eMask);
      let hy = this.inY.apply(y);
      for (const block of this.blocks) [h, he, hy] = block.apply(h, he, hy, xMask, eMask, keyBias, counts, pairCounts);
      const xl = tf.mul(this.outX.apply(h), xMask) as tf.Tensor3D;
      const el = this.outE.apply(he);
      const sym = tf.mul(tf.mul(tf.add(el, tf.transpose(el, [0, 2, 1, 3])), 0.5), eMask) as tf.Tensor4D;
      return { x: xl, e: sym };
    });
  }
}
