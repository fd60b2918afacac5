import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';
import type { DenseBatch } from '../graph/collate.js';

/** The tensors of a dense batch. Dispose them with {@link disposeBatchTensors} (or `tf.dispose`). */
export interface BatchTensors {
  /** Node features `[B,N,dx]`; padding rows zero. */
  x: tf.Tensor3D;
  /** Edge features `[B,N,N,de]`; class 0 = no edge; diagonal and padding zero. */
  e: tf.Tensor4D;
  /** `[B,N]`, 1 for real nodes, 0 for padding. */
  nodeMask: tf.Tensor2D;
}

/**
 * Converts a `DenseBatch` (from `collate`) into float32 tfjs tensors. This is the one
 * place where graph data crosses into tfjs; the arrays are copied.
 *
 * Shapes: `x [B,N,dx]`, `e [B,N,N,de]`, `nodeMask [B,N]`.
 *
 * @param batch - a dense batch
 * @returns the three tensors (owned by the caller)
 * @throws `ShapeError` when an array's length disagrees with the declared sizes
 *
 * @example
 * ```ts
 * const { x, e, nodeMask } = batchTensors(collate(graphs, { nodeClasses: 1, edgeClasses: 2 }));
 * ```
 */
export function batchTensors(batch: DenseBatch): BatchTensors {
  const { batchSize: b, maxNodes: n, nodeClasses: dx, edgeClasses: de } = batch;
  if (batch.x.length !== b * n * dx) throw ShapeError.mismatch('batch.x', `[${b},${n},${dx}]`, `${batch.x.length} values`);
  if (batch.e.length !== b * n * n * de) throw ShapeError.mismatch('batch.e', `[${b},${n},${n},${de}]`, `${batch.e.length} values`);
  if (batch.nodeMask.length !== b * n) throw ShapeError.mismatch('batch.nodeMask', `[${b},${n}]`, `${batch.nodeMask.length} values`);
  return {
    x: tf.tensor3d(batch.x, [b, n, dx], 'float32'),
    e: tf.tensor4d(batch.e, [b, n, n, de], 'float32'),
    nodeMask: tf.tensor2d(batch.nodeMask, [b, n], 'float32'),
  };
}

/** Disposes the tensors of {@link batchTensors}. */
export function disposeBatchTensors(t: BatchTensors): void {
  tf.dispose([t.x, t.e, t.nodeMask]);
}
