import * as tf from '@tensorflow/tfjs-core';
import type { DenseBatch } from '../../graph/collate.js';
import type { DenoiserInput } from './Denoiser.js';
import type { ExtraFeatures } from './ExtraFeatures.js';

/**
 * Builds the denoiser's tensors from a (noisy) one-hot batch: node classes and node features
 * concatenated `[B,N,dx+fx]`, pair classes and pair features `[B,N,N,de+fe]` (pair features of
 * the diagonal and padding zeroed), globals `[B,1+fy]` with the time first.
 *
 * @param batch - the current graphs, one-hot
 * @param times - time of each graph `[B]`
 * @param features - extra structural features
 * @returns tensors owned by the caller
 *
 * @example
 * ```ts
 * const input = buildDenoiserInput(noisy, Float64Array.of(0.3), createExtraFeatures({ name: 'cycles' }));
 * ```
 */
export function buildDenoiserInput(batch: DenseBatch, times: ArrayLike<number>, features: ExtraFeatures): DenoiserInput {
  const { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de, nodeMask } = batch;
  const f = features.compute(batch);
  const fx = features.nodeDim;
  const fe = features.edgeDim;
  const fy = features.globalDim;
  const X = new Float32Array(B * N * (dx + fx));
  for (let r = 0; r < B * N; r++) {
    for (let c = 0; c < dx; c++) X[r * (dx + fx) + c] = batch.x[r * dx + c];
    if (nodeMask[r] > 0) for (let c = 0; c < fx; c++) X[r * (dx + fx) + dx + c] = f.x[r * fx + c];
  }
  const E = new Float32Array(B * N * N * (de + fe));
  for (let b = 0; b < B; b++) {
    const n = batch.nodeCounts[b];
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        const r = (b * N + i) * N + j;
        for (let c = 0; c < de; c++) E[r * (de + fe) + c] = batch.e[r * de + c];
        if (i < n && j < n && i !== j) for (let c = 0; c < fe; c++) E[r * (de + fe) + de + c] = f.e[r * fe + c];
      }
  }
  const Y = new Float32Array(B * (1 + fy));
  for (let b = 0; b < B; b++) {
    Y[b * (1 + fy)] = times[b];
    for (let c = 0; c < fy; c++) Y[b * (1 + fy) + 1 + c] = f.y[b * fy + c];
  }
  return {
    x: tf.tensor3d(X, [B, N, dx + fx]),
    e: tf.tensor4d(E, [B, N, N, de + fe]),
    y: tf.tensor2d(Y, [B, 1 + fy]),
    nodeMask: tf.tensor2d(nodeMask, [B, N]),
  };
}
