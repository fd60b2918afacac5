/**
 * Graph-agnostic neural building blocks on TensorFlow.js: backend selection, the fast
 * custom-gradient {@link dense} op, modules ({@link Linear}, {@link Mlp}, {@link ResNet},
 * {@link LayerNorm}, {@link MultiHeadAttention}, {@link TransformerEncoder}), sinusoidal time
 * embeddings, portable weights (JSON manifest + float32 buffer), and training helpers
 * ({@link Adam}/AdamW with clipping, learning-rate schedules, {@link Ema}).
 *
 * @module nn
 */
export * from './initBackend.js';
export * from './registerGradients.js';
export * from './dense.js';
export * from './Module.js';
export * from './initializers.js';
export * from './activation.js';
export * from './dropout.js';
export * from './softmax.js';
export * from './Linear.js';
export * from './LayerNorm.js';
export * from './Mlp.js';
export * from './ResNet.js';
export * from './MultiHeadAttention.js';
export * from './TransformerEncoder.js';
export * from './sinusoidalEmbedding.js';
export * from './serializeWeights.js';
export * from './writeWeightsFiles.js';
export * from './LrSchedule.js';
export * from './clipGradNorm.js';
export * from './Adam.js';
export * from './Ema.js';
export * from './trainStep.js';
export * from './batchTensors.js';
