import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';
import { checkOrder } from './denseOps.js';
import { spectralFeatures } from './spectralFeatures.js';

/** Result of {@link batchedSpectralFeatures}. */
export interface BatchedSpectralFeaturesResult {
  /** `[B,k]` smallest normalised-Laplacian eigenvalues (padded with 2). */
  eigenvalues: tf.Tensor2D;
  /** `[B,1]` number of connected components among the real nodes. */
  numComponents: tf.Tensor2D;
  /** `[B,N,k]` projector-diagonal node features, zero on padding. */
  nodeFeatures: tf.Tensor3D;
}

/**
 * {@link spectralFeatures} for a batch: reads `adj [B,N,N]` (thresholded at 0.5) and
 * `nodeMask [B,N]` back from the backend, computes each graph's features in float64 on the
 * CPU (Jacobi eigen-decomposition; tfjs has no eigensolver) and returns float32 tensors.
 * Not differentiable (features of discrete graphs).
 *
 * @param adj - `[B,N,N]`
 * @param nodeMask - `[B,N]`; real nodes must come first in each row (as `collate` produces)
 * @param k - number of eigenvalues (default 8)
 * @returns eigenvalues `[B,k]`, component counts `[B,1]`, node features `[B,N,k]`
 * @throws `ShapeError` on inconsistent shapes
 *
 * @example
 * ```ts
 * const spec = batchedSpectralFeatures(adjacencyFromEdges(e), nodeMask, 4);
 * ```
 */
export function batchedSpectralFeatures(adj: tf.Tensor, nodeMask: tf.Tensor, k = 8): BatchedSpectralFeaturesResult {
  if (adj.rank !== 3 || adj.shape[1] !== adj.shape[2]) throw ShapeError.mismatch('adj', '[B,N,N]', `[${adj.shape.join(', ')}]`);
  const [b, n] = [adj.shape[0] as number, adj.shape[1] as number];
  if (nodeMask.rank !== 2 || nodeMask.shape[0] !== b || nodeMask.shape[1] !== n) {
    throw ShapeError.mismatch('nodeMask', `[${b},${n}]`, `[${nodeMask.shape.join(', ')}]`);
  }
  checkOrder(k, 'k', 1, 512);
  const a = adj.dataSync();
  const m = nodeMask.dataSync();
  const ev = new Float32Array(b * k);
  const nc = new Float32Array(b);
  const nf = new Float32Array(b * n * k);
  for (let g = 0; g < b; g++) {
    let cnt = 0;
    while (cnt < n && m[g * n + cnt] > 0.5) cnt++;
    const edges: Array<[number, number]> = [];
    for (let i = 0; i < cnt; i++) for (let j = i + 1; j < cnt; j++) if (a[(g * n + i) * n + j] > 0.5) edges.push([i, j]);
    const sf = spectralFeatures(Graph.fromEdgeList(cnt, edges), { k });
    ev.set(sf.eigenvalues, g * k);
    nc[g] = sf.numComponents;
    for (let i = 0; i < cnt; i++) for (let t = 0; t < k; t++) nf[(g * n + i) * k + t] = sf.nodeFeatures[i * k + t];
  }
  return {
    eigenvalues: tf.tensor2d(ev, [b, k]),
    numComponents: tf.tensor2d(nc, [b, 1]),
    nodeFeatures: tf.tensor3d(nf, [b, n, k]),
  };
}
