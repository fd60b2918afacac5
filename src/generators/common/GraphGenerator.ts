import type { Rng } from '../../core/rng.js';
import type { Graph } from '../../graph/Graph.js';
import type { LrSchedule } from '../../nn/LrSchedule.js';

/** Names of the generator families, as stored in saved models. */
export type GeneratorKind = 'digress' | 'defog' | 'erdos-renyi' | 'sbm' | 'gw-barycenter' | 'ot-flow' | 'gw-dictionary';

/** Progress events of {@link GraphGenerator.fit}. */
export type FitProgressEvent =
  | { type: 'step'; epoch: number; step: number; loss: number }
  | { type: 'skipped'; epoch: number; step: number; reason: string }
  | { type: 'epoch'; epoch: number; epochs: number; loss: number; elapsedMs: number }
  | { type: 'checkpoint'; epoch: number; path: string }
  | { type: 'validation'; epoch: number; metrics: Record<string, number> };

/** Options of {@link GraphGenerator.fit}. */
export interface FitOptions {
  /** The generator of every random choice (initialisation, batches, noise). Required: there is no unseeded default. */
  rng: Rng;
  /** Passes over the training set. @default 100 */
  epochs?: number;
  /** Graphs per mini-batch. @default 32 */
  batchSize?: number;
  /**
   * Size-pooled batching, to pad less when graph sizes vary (a padded batch costs
   * `batchSize · maxNodes²` pair operations): each epoch's shuffled order is cut into pools of
   * `sizePool` batches, each pool is sorted by node count (ties keep the shuffled order) and cut
   * into batches, and the batches of the epoch are visited in a random order. Every graph is still
   * seen once per epoch; batches are less mixed in size, and each batch's loss is scaled by its
   * share of node pairs so that every pair keeps about the weight it has in mixed batches (a
   * step reports its batch's mean loss, an epoch the mean weighted the same way). On the SPECTRE
   * SBM split (44-187 nodes, batches of 8) pools of 8 batches cut the padded pair work from 2.1x
   * to 1.15x the unpadded.
   * `1` is plain shuffled batches (and draws exactly the same random numbers as before this option
   * existed). Generators that do not train on padded mini-batches (baselines, `GwBarycenter`,
   * `GwDictionary`) ignore it.
   * @default 1
   */
  sizePool?: number;
  /**
   * Adam learning rate: a number, or a schedule (e.g. `warmupCosineSchedule`) called with the
   * 0-based optimiser step counted over the whole run, resumed runs included (a resumed run
   * continues the schedule where the checkpoint left it, and the schedule may differ from the
   * one the checkpoint was trained with, e.g. to decay the rate of a finished run). A schedule
   * value that is not a positive finite number stops training with an `InputError`. Generators
   * without gradient training (baselines, OT) ignore it.
   * @default 1e-3
   */
  lr?: number | LrSchedule;
  /** Decoupled weight decay (AdamW). @default 1e-12 */
  weightDecay?: number;
  /** Global gradient-norm clipping. @default 10 */
  clipNorm?: number;
  /** EMA decay of the weights used for sampling. @default 0.999 */
  emaDecay?: number;
  /** Validation graphs handed to `validate`. @default none */
  val?: readonly Graph[];
  /** Called every `validateEvery` epochs with the generator (EMA weights in place); returns named metrics. @default none */
  validate?: (generator: GraphGenerator, val: readonly Graph[] | undefined) => Promise<Record<string, number>>;
  /** Validation period in epochs. @default 10 */
  validateEvery?: number;
  /** Directory of the resumable checkpoint (`checkpoint.json`, written atomically). @default none */
  checkpointDir?: string;
  /** Checkpoint period in epochs. @default 1 */
  checkpointEvery?: number;
  /** Resume from `checkpointDir/checkpoint.json` when it exists. @default false */
  resume?: boolean;
  /** Wall-clock budget of this call in milliseconds: training ends normally (EMA weights, final checkpoint) after the first epoch that exceeds it. @default no limit */
  timeLimitMs?: number;
  /** Progress callback. */
  onProgress?: (event: FitProgressEvent) => void;
  /** Stops training between steps with an `AbortedError` (the last checkpoint stays). */
  signal?: AbortSignal;
}

/** Result of {@link GraphGenerator.fit}. */
export interface FitResult {
  /** Epochs completed in total (including resumed ones). */
  epochs: number;
  /** Optimiser steps taken in total. */
  steps: number;
  /** Mean training loss of each epoch. */
  losses: number[];
  /** Steps skipped by the NaN/Inf guard. */
  skippedSteps: number;
  /** Validation results, by epoch. */
  validation: { epoch: number; metrics: Record<string, number> }[];
  /** The epoch training resumed from (0 for a fresh run). */
  resumedFromEpoch: number;
  /** Wall-clock milliseconds of this call. */
  elapsedMs: number;
}

/** Progress events of {@link GraphGenerator.sample}. */
export interface SampleProgressEvent {
  /** Graphs finished so far. */
  done: number;
  /** Graphs requested. */
  total: number;
  /** Denoising step within the current chunk. */
  step: number;
  /** Steps per chunk. */
  steps: number;
}

/** Options of {@link GraphGenerator.sample}. */
export interface SampleOptions {
  /** The generator of every random choice. Required. */
  rng: Rng;
  /** Denoising steps (ignored by baselines). @default 200 */
  steps?: number;
  /** Node count of each graph (length `count`); drawn from the training prior otherwise. */
  nodeCounts?: ArrayLike<number>;
  /** Graphs denoised together. @default 64 */
  batchSize?: number;
  /** Progress callback. */
  onProgress?: (event: SampleProgressEvent) => void;
  /** Stops sampling between steps with an `AbortedError`. */
  signal?: AbortSignal;
}

/**
 * A learnable distribution over graphs with categorical node and edge labels (unlabelled
 * graphs: 1 node class, 2 edge classes with class 0 = no edge). Implemented by
 * {@link DiscreteDiffusion}, {@link DiscreteFlow} and the baselines {@link ErdosRenyi} and
 * {@link StochasticBlockModel}; loaded back with {@link loadGenerator}.
 */
export interface GraphGenerator {
  /** The family, stored in saved models. */
  readonly kind: GeneratorKind;
  /** Learns from training graphs. */
  fit(train: readonly Graph[], options: FitOptions): Promise<FitResult>;
  /** Draws `count` graphs. @throws `InputError` before `fit` or for bad options */
  sample(count: number, options: SampleOptions): Promise<Graph[]>;
  /** Writes the fitted model to a directory (created). */
  save(dir: string): Promise<void>;
  /** Frees tensors. Idempotent. */
  dispose(): void;
}
