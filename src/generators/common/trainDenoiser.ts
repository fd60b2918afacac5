import * as tf from '@tensorflow/tfjs-core';
import { join } from 'node:path';
import { assertFinite, assertInteger, assertPositive } from '../../core/assert.js';
import { InputError, throwIfAborted } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { collate, type DenseBatch } from '../../graph/collate.js';
import type { Graph } from '../../graph/Graph.js';
import { Adam } from '../../nn/Adam.js';
import { loadWeights, serializeWeights } from '../../nn/serializeWeights.js';
import { assembleDenoiserInput, buildDenoiserInput, featureChannels } from './buildDenoiserInput.js';
import type { SelfConditioning } from './SelfConditioning.js';
import { predictClasses } from './predictClasses.js';
import { decodeFloat32, encodeFloat32, fingerprintDifference, readCheckpoint, writeCheckpoint, type TrainingCheckpoint } from './checkpoint.js';
import { corruptBatch } from './corruptBatch.js';
import type { Denoiser, DenoiserInput } from './Denoiser.js';
import type { DiscreteProcess } from './DiscreteProcess.js';
import type { ExtraFeatures } from './ExtraFeatures.js';
import type { FitOptions, FitResult, GraphGenerator } from './GraphGenerator.js';
import type { GraphLoss, GraphTargets } from './GraphLoss.js';
import { guardedStep } from './guardedStep.js';
import { epochBatches, pooledLossScales } from './epochBatches.js';
import { Ema } from '../../nn/Ema.js';
import type { LrSchedule } from '../../nn/LrSchedule.js';
import { assertSyncReads } from '../../nn/initBackend.js';

/** One mini-batch ready for a training step: the network input and its target. */
export interface PreparedBatch {
  /** Denoiser input built from the corrupted (or interpolated) batch. */
  input: DenoiserInput;
  /** Target of the loss: `x [B,N,dx]`, `e [B,N,N,de]` (disposed by the trainer). */
  target: GraphTargets;
}

/** The parts {@link trainDenoiser} composes. */
export interface TrainerParts {
  /** The network being trained. */
  denoiser: Denoiser;
  /**
   * Turns a clean padded batch into the network input and target, drawing all randomness from
   * `rng` (the loop's generator, whose state is checkpointed). See {@link corruptionBatches}.
   */
  prepareBatch: (clean: DenseBatch, rng: Rng) => PreparedBatch;
  /** Training loss. */
  loss: GraphLoss;
  /** dx. */
  nodeClasses: number;
  /** de. */
  edgeClasses: number;
  /**
   * Identity of the model stored in checkpoints (JSON); a resume whose fingerprint differs as a value
   * (key order aside, see {@link fingerprintDifference}) is refused.
   */
  fingerprint: string;
  /** The generator handed to `options.validate`. */
  generator: GraphGenerator;
  /** Called after each epoch's steps (before validation and checkpoint), e.g. to record per-epoch statistics. */
  endEpoch?: () => void;
}

/**
 * The `prepareBatch` of the denoising generators: corrupt the clean batch with the forward
 * process at random times, add the structural features of the noisy graphs, and predict the
 * clean one-hot classes (x0-prediction).
 *
 * With `selfConditioning`, one more draw from `rng` decides (with its probability) whether the
 * batch is conditioned: if so, a first forward pass of `denoiser` (no gradient, the current
 * weights) on the same noisy input predicts the clean classes, whose channels are appended to
 * the input of the trained pass; else those channels are zero.
 *
 * @param process - forward process (noise schedule + transitions or interpolation)
 * @param features - structural features of the noisy graphs
 * @param selfConditioning - the self-conditioning channels and the network making the first prediction
 */
export function corruptionBatches(process: DiscreteProcess, features: ExtraFeatures, selfConditioning?: { conditioning: SelfConditioning; denoiser: Denoiser }): TrainerParts['prepareBatch'] {
  return (clean, rng) => {
    const { noisy, times } = corruptBatch(clean, process, rng);
    let input: DenoiserInput;
    if (selfConditioning === undefined) input = buildDenoiserInput(noisy, times, features);
    else {
      const { conditioning, denoiser } = selfConditioning;
      const own = featureChannels(features, noisy); // once for both passes
      input = assembleDenoiserInput(noisy, times, [own, conditioning.channels(noisy, undefined)]);
      if (rng.uniform() < conditioning.probability) {
        const first = predictClasses(denoiser, input);
        tf.dispose([input.x, input.e, input.y, input.nodeMask]);
        input = assembleDenoiserInput(noisy, times, [own, conditioning.channels(noisy, first)]);
      }
    }
    return {
      input,
      target: {
        x: tf.tensor3d(clean.x, [clean.batchSize, clean.maxNodes, clean.nodeClasses]),
        e: tf.tensor4d(clean.e, [clean.batchSize, clean.maxNodes, clean.maxNodes, clean.edgeClasses]),
      },
    };
  };
}

/** Name of the checkpoint file inside `checkpointDir`. */
export const CHECKPOINT_FILE = 'checkpoint.json';

/**
 * The training loop shared by the denoising and flow generators: shuffled mini-batches (padded
 * with node masks) turned into input and target by `parts.prepareBatch`, the loss, Adam/AdamW with global-norm clipping,
 * a NaN/Inf guard ({@link guardedStep}), EMA of the weights, validation every `validateEvery`
 * epochs (with the EMA weights in place), and an atomic resumable checkpoint after every
 * `checkpointEvery` epochs. Every random choice comes from `loopRng`, whose state the checkpoint
 * stores, so a run resumed after a kill reproduces the uninterrupted run bit for bit (same
 * backend). On return the denoiser holds the EMA weights.
 *
 * @param parts - denoiser, process, features, loss, classes
 * @param train - training graphs
 * @param options - see {@link FitOptions}
 * @param loopRng - the loop's generator (its state is checkpointed)
 * @returns epochs, steps, losses, skipped steps, validations
 * @throws `InputError` for bad options or a checkpoint of another model
 * @throws `AbortedError` when `options.signal` fires (the last checkpoint stays)
 *
 * @example
 * ```ts
 * const result = await trainDenoiser(parts, train, { rng, epochs: 10 }, rng.split());
 * ```
 */
export async function trainDenoiser(parts: TrainerParts, train: readonly Graph[], options: FitOptions, loopRng: Rng): Promise<FitResult> {
  assertSyncReads('fit');
  const started = Date.now();
  const epochs = options.epochs ?? 100;
  assertInteger(epochs, 'options.epochs', { min: 0 });
  const batchSize = options.batchSize ?? 32;
  assertInteger(batchSize, 'options.batchSize', { min: 1 });
  const sizePool = options.sizePool ?? 1;
  assertInteger(sizePool, 'options.sizePool', { min: 1 });
  const lr = checkedLearningRate(options.lr ?? 1e-3);
  const clipNorm = options.clipNorm ?? 10;
  assertPositive(clipNorm, 'options.clipNorm');
  const emaDecay = options.emaDecay ?? 0.999;
  assertFinite(emaDecay, 'options.emaDecay', { min: 0, max: 0.9999999 });
  const validateEvery = options.validateEvery ?? 10;
  assertInteger(validateEvery, 'options.validateEvery', { min: 1 });
  const checkpointEvery = options.checkpointEvery ?? 1;
  assertInteger(checkpointEvery, 'options.checkpointEvery', { min: 1 });
  const timeLimitMs = options.timeLimitMs ?? Number.POSITIVE_INFINITY;
  if (!(timeLimitMs > 0)) throw InputError.invalid('options.timeLimitMs', 'a positive number of milliseconds', String(options.timeLimitMs));
  if (options.resume && options.checkpointDir === undefined) throw InputError.invalid('options.checkpointDir', 'a directory when resume is true', 'undefined');

  const vars = parts.denoiser.module.trainableVariables();
  const adam = new Adam({ learningRate: lr, weightDecay: options.weightDecay ?? 1e-12, clipNorm });
  const ema = new Ema(vars, { decay: emaDecay });
  const ckptPath = options.checkpointDir === undefined ? undefined : join(options.checkpointDir, CHECKPOINT_FILE);
  let epoch = 0;
  let step = 0;
  let skippedSteps = 0;
  const losses: number[] = [];
  const validation: { epoch: number; metrics: Record<string, number> }[] = [];
  let resumedFromEpoch = 0;
  try {
    if (options.resume && ckptPath !== undefined) {
      const ck = await readCheckpoint(ckptPath);
      if (ck !== undefined) {
        const difference = fingerprintDifference(ck.fingerprint, parts.fingerprint);
        if (difference !== undefined) {
          throw InputError.invalid('options.checkpointDir', 'a checkpoint of the same model and data', `a checkpoint of another model (fingerprint differs at ${difference})`);
        }
        loadWeights(parts.denoiser.module, { manifest: ck.weights.manifest, bytes: new Uint8Array(Buffer.from(ck.weights.bytes, 'base64')) });
        tf.tidy(() => adam.setState(vars, { step: ck.adam.step, m: ck.adam.m.map(decodeFloat32), v: ck.adam.v.map(decodeFloat32) }));
        ema.setState({ updates: ck.ema.updates, shadow: ck.ema.shadow.map(decodeFloat32) });
        loopRng.setState(ck.rng);
        epoch = ck.epoch;
        step = ck.step;
        skippedSteps = ck.skippedSteps;
        losses.push(...ck.losses);
        validation.push(...ck.validation);
        resumedFromEpoch = epoch;
      }
    }
    const { nodeClasses, edgeClasses } = parts;
    const sizes = train.map((g) => g.n);
    for (; epoch < epochs; epoch++) {
      let sum = 0;
      let count = 0;
      const batches = epochBatches(sizes, batchSize, sizePool, loopRng);
      const scales = sizePool > 1 ? pooledLossScales(batches, sizes) : undefined;
      for (const [k, batch] of batches.entries()) {
        throwIfAborted(options.signal, 'training');
        const graphs = batch.map((i) => train[i]);
        const clean = collate(graphs, { nodeClasses, edgeClasses });
        const { input, target } = parts.prepareBatch(clean, loopRng);
        const scale = scales?.[k] ?? 1;
        const lossFn = (): tf.Scalar => parts.loss(parts.denoiser.apply(input, { training: true }), target);
        const r = guardedStep(scale === 1 ? lossFn : () => tf.mul(lossFn(), scale) as tf.Scalar, vars, adam);
        tf.dispose([input.x, input.e, input.y, input.nodeMask, target.x, target.e]);
        step++;
        if (r.applied) {
          ema.update();
          // the epoch's loss weights each batch as its gradient does (by pairs, with pools); a step reports its batch mean
          sum += r.loss;
          count += scale;
          options.onProgress?.({ type: 'step', epoch, step, loss: r.loss / scale });
        } else {
          skippedSteps++;
          options.onProgress?.({ type: 'skipped', epoch, step, reason: r.reason ?? 'non-finite' });
        }
        await Promise.resolve();
      }
      const meanLoss = count > 0 ? sum / count : Number.NaN;
      losses.push(meanLoss);
      parts.endEpoch?.();
      const done = epoch + 1;
      const last = done === epochs || Date.now() - started >= timeLimitMs;
      if (options.validate !== undefined && (done % validateEvery === 0 || last)) {
        const live = vars.map((v) => (v.dataSync() as Float32Array).slice());
        ema.copyTo();
        try {
          const metrics = await options.validate(parts.generator, options.val);
          validation.push({ epoch: done, metrics });
          options.onProgress?.({ type: 'validation', epoch: done, metrics });
        } finally {
          tf.tidy(() => vars.forEach((v, i) => v.assign(tf.tensor(live[i], v.shape, 'float32'))));
        }
      }
      if (ckptPath !== undefined && (done % checkpointEvery === 0 || last)) {
        const w = serializeWeights(parts.denoiser.module);
        const a = adam.getState(vars);
        const e = ema.getState();
        const ck: TrainingCheckpoint = {
          format: 'graphgen-checkpoint',
          version: 1,
          fingerprint: parts.fingerprint,
          epoch: done,
          step,
          losses: [...losses],
          skippedSteps,
          validation: [...validation],
          rng: loopRng.getState(),
          weights: { manifest: w.manifest, bytes: Buffer.from(w.bytes).toString('base64') },
          adam: { step: a.step, m: a.m.map(encodeFloat32), v: a.v.map(encodeFloat32) },
          ema: { updates: e.updates, shadow: e.shadow.map(encodeFloat32) },
        };
        await writeCheckpoint(ckptPath, ck);
        options.onProgress?.({ type: 'checkpoint', epoch: done, path: ckptPath });
      }
      options.onProgress?.({ type: 'epoch', epoch: done, epochs, loss: meanLoss, elapsedMs: Date.now() - started });
      if (last) {
        epoch++;
        break;
      }
    }
    ema.copyTo();
  } finally {
    adam.dispose();
    ema.dispose();
  }
  return { epochs: epoch, steps: step, losses, skippedSteps, validation, resumedFromEpoch, elapsedMs: Date.now() - started };
}

/** `options.lr` as Adam takes it; a schedule is wrapped so that a bad value names its step. */
function checkedLearningRate(lr: number | LrSchedule): number | LrSchedule {
  if (typeof lr === 'number') {
    assertPositive(lr, 'options.lr');
    return lr;
  }
  if (typeof lr !== 'function') throw InputError.invalid('options.lr', 'a positive number or a schedule function', typeof lr);
  return (step: number) => {
    const v = lr(step);
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw InputError.invalid(`options.lr(${step})`, 'a positive finite learning rate', String(v));
    }
    return v;
  };
}
