/**
 * Generative models of graphs. Every generator implements {@link GraphGenerator}
 * (`fit`, `sample`, `save`, and {@link loadGenerator} to read it back) and is a composition of
 * small parts checked by the compiler:
 *
 * - a {@link NoiseSchedule} and {@link CategoricalTransition}s (uniform, marginal, absorbing)
 *   or a prior for flows: the forward {@link DiscreteProcess};
 * - a {@link Denoiser} ({@link GraphTransformerDenoiser}) fed with {@link ExtraFeatures}
 *   (cycle counts, RRWP);
 * - a {@link GraphLoss} ({@link crossEntropyLoss});
 * - a {@link ReverseKernel}: the marginalised posterior of discrete diffusion
 *   ({@link diffusionPosterior}) or DeFoG's CTMC rate matrices ({@link flowRateMatrix});
 * - a {@link NodeCountPrior}.
 *
 * Models: {@link DiscreteDiffusion} (DiGress, Vignac et al. 2023), {@link DiscreteFlow} (DeFoG,
 * Qin et al. 2025) and the baselines {@link ErdosRenyi} and {@link StochasticBlockModel}.
 * Training ({@link trainDenoiser}) has mini-batches with padding masks, EMA weights, gradient
 * clipping, a NaN/Inf guard, periodic validation, atomic resumable checkpoints, and
 * `AbortSignal` support. All randomness comes from an explicit `rng`.
 *
 * @example
 * ```ts
 * import { initBackend } from 'graphgen/nn';
 * import { DiscreteFlow } from 'graphgen/generators';
 * import { createRng } from 'graphgen/core';
 *
 * await initBackend();
 * const model = new DiscreteFlow({ denoiser: { layers: 2 } });
 * await model.fit(train, { epochs: 100, rng: createRng(0), checkpointDir: 'ckpt', resume: true });
 * const graphs = await model.sample(20, { steps: 200, rng: createRng(1) });
 * ```
 *
 * @module generators
 */
export * from './common/GraphGenerator.js';
export * from './common/NoiseSchedule.js';
export * from './common/CategoricalTransition.js';
export * from './common/DiscreteProcess.js';
export * from './common/ReverseKernel.js';
export * from './common/timeDistortion.js';
export * from './common/NodeCountPrior.js';
export * from './common/graphMarginals.js';
export * from './common/ExtraFeatures.js';
export * from './common/createExtraFeatures.js';
export * from './common/SelfConditioning.js';
export * from './common/predictClasses.js';
export * from './common/molecularFeatures.js';
export * from './common/Denoiser.js';
export * from './common/GraphTransformerDenoiser.js';
export * from './common/GraphLoss.js';
export * from './common/atomicWriteFile.js';
export * from './common/checkpoint.js';
export * from './common/buildDenoiserInput.js';
export * from './common/corruptBatch.js';
export * from './common/EdgeConstraint.js';
export * from './common/sampleGraphs.js';
export * from './common/guardedStep.js';
export * from './common/trainDenoiser.js';
export * from './common/DenoisingGenerator.js';
export * from './diffusion/diffusionPosterior.js';
export * from './diffusion/DiffusionProcess.js';
export * from './diffusion/DiscreteDiffusion.js';
export * from './flow/flowRateMatrix.js';
export * from './flow/FlowProcess.js';
export * from './flow/DiscreteFlow.js';
export * from './baselines/ErdosRenyi.js';
export * from './baselines/StochasticBlockModel.js';
export * from './ot/graphStructure.js';
export * from './ot/graphBarycenter.js';
export * from './ot/decodeBarycenter.js';
export * from './ot/interpolate.js';
export * from './ot/GwBarycenter.js';
export * from './ot/alignNodes.js';
export * from './ot/minibatchCoupling.js';
export * from './ot/OtFlow.js';
export * from './ot/GwDictionary.js';
export * from './loadGenerator.js';
