import { assertFinite, assertInteger } from '../../core/assert.js';
import { InputError, describeValue } from '../../core/errors.js';
import { projectorsOfAdjacency } from '../../embed/spectralProjectors.js';
import type { DenseBatch } from '../../graph/collate.js';
import type { ExtraFeaturesResult } from './ExtraFeatures.js';
import type { AppendedChannels } from './buildDenoiserInput.js';
import { scatterProjectors } from './scatterProjectors.js';

/**
 * Serializable config of self-conditioning ({@link createSelfConditioning}): the denoiser also
 * reads its own previous prediction of the clean graph.
 */
export interface SelfConditioningConfig {
  /**
   * Probability, per training batch, that the input carries the network's own prediction (made by
   * a first forward pass without gradient on the same noisy graph); otherwise those input
   * channels are zero, as at the first sampling step. In (0, 1]. @default 0.5
   */
  probability?: number;
  /**
   * Number k of spectral projectors of the predicted graph (0..16): the scaled projectors of
   * graphgen/embed's `spectralProjectors` computed on the weighted graph whose edge weights are
   * the predicted probabilities of an edge (`1 − p(class 0)`), appended per pair, their
   * diagonals per node and the k eigenvalues per graph. They show the block layout of the
   * prediction, which is far cleaner than that of the noisy graph early in sampling. @default 0
   */
  spectralPairs?: number;
}

/** Predicted clean-class probabilities of a batch (softmax of the denoiser's logits). */
export interface ClassProbabilities {
  /** Node-class probabilities `[B, N, dx]`, row-major. */
  x: Float32Array;
  /** Edge-class probabilities `[B, N, N, de]`, row-major (diagonal and padding ignored). */
  e: Float32Array;
}

/** Self-conditioning input channels of a generator (see {@link createSelfConditioning}). */
export interface SelfConditioning {
  /** Width of the per-node channels: dx + k. */
  readonly nodeDim: number;
  /** Width of the per-pair channels: de + k. */
  readonly edgeDim: number;
  /** Width of the per-graph channels: k. */
  readonly globalDim: number;
  /** Probability that a training batch is conditioned on a first prediction. */
  readonly probability: number;
  /**
   * The channels of `batch` given the previous prediction; all zero when `prediction` is
   * undefined (first sampling step, unconditioned training batches).
   */
  compute(batch: DenseBatch, prediction: ClassProbabilities | undefined): ExtraFeaturesResult;
  /** {@link SelfConditioning.compute} with the widths, as the block appended to the denoiser's input. */
  channels(batch: DenseBatch, prediction: ClassProbabilities | undefined): AppendedChannels;
  /** The config with defaults filled in. */
  getConfig(): Required<SelfConditioningConfig>;
}

/**
 * Self-conditioning (Chen, Zhang & Hinton 2023, "Analog Bits"), for discrete denoising
 * generators: the denoiser's input gets, besides the noisy graph and its structural features,
 * the network's previous prediction of the clean classes. In training, with probability p a
 * first forward pass (no gradient) on the same noisy graph gives that prediction; otherwise the
 * channels are zero. In sampling, step s reads the prediction of step s − 1 (zero at the first
 * step), so the model keeps refining one belief about the clean graph instead of starting from
 * the noisy graph alone at each step.
 *
 * Channels (appended after the extra features): per node the predicted node-class
 * probabilities (dx), per pair the predicted edge-class probabilities (de), then, with
 * `spectralPairs` = k, the spectral projectors of the predicted weighted graph (k per pair, their
 * diagonals per node, k eigenvalues per graph). All are permutation-equivariant (node, pair) or
 * invariant (graph) functions of the prediction, which is itself equivariant.
 *
 * @param config - probability and projector count
 * @param nodeClasses - dx
 * @param edgeClasses - de
 * @returns the channel widths and their computation
 * @throws `InputError` for a config that is not an object, a probability outside (0, 1] or
 *   `spectralPairs` outside 0..16
 *
 * @example
 * ```ts
 * const sc = createSelfConditioning({ spectralPairs: 6 }, 1, 2); // nodeDim 7, edgeDim 8, globalDim 6
 * const zeros = sc.compute(batch, undefined);
 * ```
 *
 * @see T. Chen, R. Zhang, G. Hinton, "Analog Bits: Generating discrete data using diffusion
 *   models with self-conditioning", ICLR 2023.
 */
export function createSelfConditioning(config: SelfConditioningConfig, nodeClasses: number, edgeClasses: number): SelfConditioning {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw InputError.invalid('config.selfConditioning', 'an object', describeValue(config));
  const probability = config.probability ?? 0.5;
  assertFinite(probability, 'config.selfConditioning.probability', { min: 0, max: 1 });
  if (!(probability > 0)) throw InputError.invalid('config.selfConditioning.probability', 'a probability in (0, 1]', String(probability));
  const k = config.spectralPairs ?? 0;
  assertInteger(k, 'config.selfConditioning.spectralPairs', { min: 0, max: 16 });
  const dx = nodeClasses;
  const de = edgeClasses;
  const nodeDim = dx + k;
  const edgeDim = de + k;
  const globalDim = k;
  const frozen: Required<SelfConditioningConfig> = { probability, spectralPairs: k };
  const conditioning: SelfConditioning = {
    nodeDim,
    edgeDim,
    globalDim,
    probability,
    getConfig: () => ({ ...frozen }),
    channels: (batch, prediction) => ({ nodeDim, edgeDim, globalDim, values: conditioning.compute(batch, prediction) }),
    compute(batch: DenseBatch, prediction: ClassProbabilities | undefined): ExtraFeaturesResult {
      const { batchSize: B, maxNodes: N, nodeCounts } = batch;
      const x = new Float32Array(B * N * nodeDim);
      const e = new Float32Array(B * N * N * edgeDim);
      const y = new Float32Array(B * globalDim);
      if (prediction === undefined) return { x, e, y };
      if (prediction.x.length !== B * N * dx || prediction.e.length !== B * N * N * de) {
        throw InputError.invalid('prediction', `class probabilities of shapes [${B},${N},${dx}] and [${B},${N},${N},${de}]`, `arrays of ${prediction.x.length} and ${prediction.e.length} values`);
      }
      for (let b = 0; b < B; b++) {
        const n = nodeCounts[b];
        for (let i = 0; i < n; i++) {
          const r = b * N + i;
          for (let c = 0; c < dx; c++) x[r * nodeDim + c] = prediction.x[r * dx + c];
          for (let j = 0; j < n; j++) {
            if (j === i) continue;
            const p = (r * N + j) * de;
            for (let c = 0; c < de; c++) e[(r * N + j) * edgeDim + c] = prediction.e[p + c];
          }
        }
        if (k === 0 || n === 0) continue;
        // the predicted graph: edge weight = probability of any edge class, symmetrised
        const w = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            const pij = 1 - prediction.e[((b * N + i) * N + j) * de];
            const pji = 1 - prediction.e[((b * N + j) * N + i) * de];
            const v = Math.min(1, Math.max(0, (pij + pji) / 2));
            w[i * n + j] = v;
            w[j * n + i] = v;
          }
        const sp = projectorsOfAdjacency(w, n, k, 1e-6, 4, true);
        scatterProjectors(sp, n, { x, e, y }, { graph: b, maxNodes: N, widths: { node: nodeDim, edge: edgeDim, global: globalDim }, columns: { node: dx, edge: de, global: 0 }, diagonal: false });
      }
      return { x, e, y };
    },
  };
  return conditioning;
}
