import * as tf from '@tensorflow/tfjs-core';
import type { DenseBatch } from '../../graph/collate.js';
import type { DenoiserInput } from './Denoiser.js';
import type { ExtraFeatures, ExtraFeaturesResult } from './ExtraFeatures.js';

/** Channels appended to the denoiser's input after the extra features (self-conditioning). */
export interface AppendedChannels {
  /** Per-node width. */
  nodeDim: number;
  /** Per-pair width. */
  edgeDim: number;
  /** Per-graph width. */
  globalDim: number;
  /** The values, laid out as {@link ExtraFeaturesResult}. */
  values: ExtraFeaturesResult;
}

/**
 * Builds the denoiser's tensors from a (noisy) one-hot batch: node classes, node features (and
 * appended node channels) concatenated `[B,N,dx+fx(+ax)]`, pair classes and pair features
 * `[B,N,N,de+fe(+ae)]` (pair features of the diagonal and padding zeroed), globals
 * `[B,1+fy(+ay)]` with the time first.
 *
 * @param batch - the current graphs, one-hot
 * @param times - time of each graph `[B]`
 * @param features - extra structural features
 * @param appended - channels after the features (self-conditioning), masked the same way
 * @returns tensors owned by the caller
 *
 * @example
 * ```ts
 * const input = buildDenoiserInput(noisy, Float64Array.of(0.3), createExtraFeatures({ name: 'cycles' }));
 * ```
 */
export function buildDenoiserInput(batch: DenseBatch, times: ArrayLike<number>, features: ExtraFeatures, appended?: AppendedChannels): DenoiserInput {
  return assembleDenoiserInput(batch, times, appended === undefined ? [featureChannels(features, batch)] : [featureChannels(features, batch), appended]);
}

/** The extra features of `batch` with their widths, as a block of {@link assembleDenoiserInput}. */
export function featureChannels(features: ExtraFeatures, batch: DenseBatch): AppendedChannels {
  return { nodeDim: features.nodeDim, edgeDim: features.edgeDim, globalDim: features.globalDim, values: features.compute(batch) };
}

/**
 * {@link buildDenoiserInput} from channel blocks already computed (the extra features first, see
 * {@link featureChannels}), concatenated in order after the classes and the time; for callers that
 * build several inputs of one batch (self-conditioning's two passes).
 *
 * @param batch - the current graphs, one-hot
 * @param times - time of each graph `[B]`
 * @param blocks - the channel blocks, masked as the features are
 * @returns tensors owned by the caller
 */
export function assembleDenoiserInput(batch: DenseBatch, times: ArrayLike<number>, blocks: readonly AppendedChannels[]): DenoiserInput {
  const { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de, nodeMask } = batch;
  const fx = blocks.reduce((s, k) => s + k.nodeDim, 0);
  const fe = blocks.reduce((s, k) => s + k.edgeDim, 0);
  const fy = blocks.reduce((s, k) => s + k.globalDim, 0);
  const X = new Float32Array(B * N * (dx + fx));
  for (let r = 0; r < B * N; r++) {
    for (let c = 0; c < dx; c++) X[r * (dx + fx) + c] = batch.x[r * dx + c];
    if (nodeMask[r] === 0) continue;
    let col = dx;
    for (const { nodeDim: w, values } of blocks) {
      for (let c = 0; c < w; c++) X[r * (dx + fx) + col + c] = values.x[r * w + c];
      col += w;
    }
  }
  const E = new Float32Array(B * N * N * (de + fe));
  for (let b = 0; b < B; b++) {
    const n = batch.nodeCounts[b];
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        const r = (b * N + i) * N + j;
        for (let c = 0; c < de; c++) E[r * (de + fe) + c] = batch.e[r * de + c];
        if (i >= n || j >= n || i === j) continue;
        let col = de;
        for (const { edgeDim: w, values } of blocks) {
          for (let c = 0; c < w; c++) E[r * (de + fe) + col + c] = values.e[r * w + c];
          col += w;
        }
      }
  }
  const Y = new Float32Array(B * (1 + fy));
  for (let b = 0; b < B; b++) {
    Y[b * (1 + fy)] = times[b];
    let col = 1;
    for (const { globalDim: w, values } of blocks) {
      for (let c = 0; c < w; c++) Y[b * (1 + fy) + col + c] = values.y[b * w + c];
      col += w;
    }
  }
  return {
    x: tf.tensor3d(X, [B, N, dx + fx]),
    e: tf.tensor4d(E, [B, N, N, de + fe]),
    y: tf.tensor2d(Y, [B, 1 + fy]),
    nodeMask: tf.tensor2d(nodeMask, [B, N]),
  };
}
