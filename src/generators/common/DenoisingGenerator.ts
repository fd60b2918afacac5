import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertInteger } from '../../core/assert.js';
import { FormatError, InputError, IoError, describeValue, throwIfAborted } from '../../core/errors.js';
import { createRng, type Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';
import { loadWeights } from '../../nn/serializeWeights.js';
import { readWeightsFiles } from '../../nn/writeWeightsFiles.js';
import type { DiscreteProcess } from './DiscreteProcess.js';
import { edgeConstraint, type EdgeConstraint, type EdgeConstraintName } from './EdgeConstraint.js';
import type { ExtraFeatures } from './ExtraFeatures.js';
import { createExtraFeatures } from './createExtraFeatures.js';
import { createSelfConditioning, type SelfConditioning, type SelfConditioningConfig } from './SelfConditioning.js';
import type { ExtraFeaturesConfig } from './ExtraFeatures.js';
import { graphMarginals, type GraphMarginalsResult } from './graphMarginals.js';
import type { FitOptions, FitResult, GeneratorKind, GraphGenerator, SampleOptions } from './GraphGenerator.js';
import { crossEntropyLoss } from './GraphLoss.js';
import { GraphTransformerDenoiser } from './GraphTransformerDenoiser.js';
import { NodeCountPrior, type NodeCountPriorConfig } from './NodeCountPrior.js';
import type { ReverseKernel } from './ReverseKernel.js';
import { sampleGraphs } from './sampleGraphs.js';
import { corruptionBatches, trainDenoiser } from './trainDenoiser.js';
import { writeGeneratorDir } from './writeGeneratorDir.js';

/** Widths of the graph transformer denoiser (see {@link GraphTransformerDenoiserConfig}). */
export interface DenoiserSizeConfig {
  /** Hidden node width. @default 64 */
  hiddenX?: number;
  /** Hidden pair width. @default 16 */
  hiddenE?: number;
  /** Hidden global width. @default 32 */
  hiddenY?: number;
  /** Transformer layers. @default 4 */
  layers?: number;
  /** Attention heads. @default 8 */
  heads?: number;
}

/**
 * The graph transformer of the generators, sized for `dx` node classes, `de` edge classes and
 * the widths of `features` (inputs: classes + node/pair features, time + global features;
 * outputs: class logits).
 *
 * @param nodeClasses - dx
 * @param edgeClasses - de
 * @param features - the extra features concatenated to the inputs
 * @param size - hidden widths, layers, heads
 * @param rng - initialisation
 * @param appended - self-conditioning channels appended after the features
 */
export function featureDenoiser(nodeClasses: number, edgeClasses: number, features: ExtraFeatures, size: DenoiserSizeConfig | undefined, rng: Rng, appended?: SelfConditioning): GraphTransformerDenoiser {
  return new GraphTransformerDenoiser(
    {
      inNodeFeatures: nodeClasses + features.nodeDim + (appended?.nodeDim ?? 0),
      inEdgeFeatures: edgeClasses + features.edgeDim + (appended?.edgeDim ?? 0),
      inGlobalFeatures: 1 + features.globalDim + (appended?.globalDim ?? 0),
      nodeClasses,
      edgeClasses,
      ...size,
    },
    rng,
  );
}

/** Config fields shared by the denoising generators. */
export interface DenoisingGeneratorConfig {
  /** Node classes dx (unlabelled graphs: 1). @default 1 */
  nodeClasses?: number;
  /** Edge classes de including class 0 = no edge (unlabelled graphs: 2). @default 2 */
  edgeClasses?: number;
  /** Edge weight λ of the cross-entropy loss. @default 5 */
  edgeWeight?: number;
  /** Extra structural features of the noisy graph. */
  features?: ExtraFeaturesConfig;
  /** Denoiser widths. */
  denoiser?: DenoiserSizeConfig;
  /**
   * Self-conditioning ({@link createSelfConditioning}): the denoiser also reads its previous
   * prediction of the clean graph (in training, with probability `probability`, a first pass on
   * the same noisy graph), optionally with the spectral projectors of that prediction. Absent:
   * none (the input widths of configs saved before this field existed).
   */
  selfConditioning?: SelfConditioningConfig;
}

/** Contents of `generator.json` in a saved model directory. */
export interface SavedGeneratorFile {
  /** Always `"graphgen-generator"`. */
  format: 'graphgen-generator';
  /** Format version. */
  version: 1;
  /** Generator family. */
  kind: GeneratorKind;
  /** The generator's config. */
  config: unknown;
  /** Fitted state (marginals, node-count prior, baseline parameters). */
  state: unknown;
}

/** Fitted state of a denoising generator. */
interface FittedState {
  marginals: GraphMarginalsResult;
  prior: NodeCountPrior;
  denoiser: GraphTransformerDenoiser;
}

/** Sampling options of the denoising generators ({@link DiscreteDiffusion}, {@link DiscreteFlow}). */
export interface DenoisingSampleOptions extends SampleOptions {
  /**
   * Constrained sampling (ConStruct's projector, Madeira et al. 2024): every graph keeps a
   * deletion-closed property (`'planar'`, `'acyclic'` or an {@link EdgeConstraint}) at every
   * step, so every sample has it. Proposed new edges that would break it are refused (see
   * {@link SampleGraphsOptions.constraint}). Best with a model trained with the absorbing prior
   * (`DiscreteFlowConfig.prior: 'absorbing'`), whose noisy graphs are subgraphs of the data as
   * the projected ones are; with another prior the projected start differs from the training
   * noise. @default none
   */
  constraint?: EdgeConstraintName | EdgeConstraint;
  /**
   * Batch graphs of similar size: the drawn (or given) node counts are sorted before they are cut
   * into batches of `batchSize`, so each batch pads less (a batch costs `batchSize · maxNodes²`
   * pair operations per step; on the SBM benchmark's node counts this roughly halves the padded
   * work). The graphs are returned in the order of their node counts as drawn, as without the
   * option, but the random stream is split differently, so the samples differ from an unsorted
   * run with the same seed. No effect when all graphs have the same size. @default false
   */
  sizeSorted?: boolean;
}

/**
 * Shared machinery of {@link DiscreteDiffusion} and {@link DiscreteFlow}: a composition of a
 * forward {@link DiscreteProcess}, a {@link ReverseKernel} (sampler), a denoiser
 * ({@link GraphTransformerDenoiser}), a loss ({@link crossEntropyLoss}), extra features and a
 * {@link NodeCountPrior}. Subclasses only say how to build the process and the kernel from the
 * training marginals.
 */
export abstract class DenoisingGenerator<C extends DenoisingGeneratorConfig, S extends DenoisingSampleOptions = DenoisingSampleOptions> implements GraphGenerator {
  abstract readonly kind: GeneratorKind;
  /** The config with defaults filled in. */
  readonly config: C;
  /** The extra features (declared widths). */
  readonly features: ExtraFeatures;
  /** The self-conditioning channels, when `config.selfConditioning` is set. */
  readonly selfConditioning: SelfConditioning | undefined;
  private fitted: FittedState | undefined;

  protected constructor(config: C, defaultFeatures: ExtraFeaturesConfig) {
    const dx = config.nodeClasses ?? 1;
    const de = config.edgeClasses ?? 2;
    assertInteger(dx, 'config.nodeClasses', { min: 1 });
    assertInteger(de, 'config.edgeClasses', { min: 2 });
    this.config = { ...config, nodeClasses: dx, edgeClasses: de, edgeWeight: config.edgeWeight ?? 5, features: config.features ?? defaultFeatures, denoiser: { ...(config.denoiser ?? {}) } };
    this.features = createExtraFeatures(this.config.features!);
    this.selfConditioning = config.selfConditioning === undefined ? undefined : createSelfConditioning(config.selfConditioning, dx, de);
    if (this.selfConditioning !== undefined) this.config.selfConditioning = this.selfConditioning.getConfig();
    crossEntropyLoss({ edgeWeight: this.config.edgeWeight });
  }

  /** The forward process given the training marginals. */
  protected abstract createProcess(marginals: GraphMarginalsResult): DiscreteProcess;
  /** The sampler's kernel given the marginals and the sampling options. */
  protected abstract createKernel(marginals: GraphMarginalsResult, options: S): ReverseKernel;

  /** True after {@link fit} or {@link load}. */
  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  /** The denoiser (after fit/load). */
  get denoiser(): GraphTransformerDenoiser | undefined {
    return this.fitted?.denoiser;
  }

  /** The node-count prior (after fit/load). */
  get nodeCountPrior(): NodeCountPrior | undefined {
    return this.fitted?.prior;
  }

  private buildDenoiser(rng: Rng): GraphTransformerDenoiser {
    return featureDenoiser(this.config.nodeClasses!, this.config.edgeClasses!, this.features, this.config.denoiser, rng, this.selfConditioning);
  }

  /**
   * Fits the node-count prior and the class marginals, initialises the denoiser from
   * `options.rng` and trains it with {@link trainDenoiser} (checkpoints, EMA, NaN guard, abort).
   * A second call continues training the same weights.
   *
   * @throws `InputError` for an empty training set, non-Graph entries or labels outside the declared classes
   */
  async fit(train: readonly Graph[], options: FitOptions): Promise<FitResult> {
    checkGraphs(train, 'train');
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const marginals = graphMarginals(train, this.config.nodeClasses!, this.config.edgeClasses!);
    const prior = NodeCountPrior.fromGraphs(train);
    const initRng = options.rng.split();
    const loopRng = options.rng.split();
    if (this.fitted === undefined) this.fitted = { marginals, prior, denoiser: this.buildDenoiser(initRng) };
    else this.fitted = { ...this.fitted, marginals, prior };
    const fingerprint = JSON.stringify({ kind: this.kind, config: this.config, marginals: [Array.from(marginals.x), Array.from(marginals.e)], n: train.length });
    return trainDenoiser(
      {
        denoiser: this.fitted.denoiser,
        prepareBatch: corruptionBatches(this.createProcess(marginals), this.features, this.selfConditioning && { conditioning: this.selfConditioning, denoiser: this.fitted.denoiser }),
        loss: crossEntropyLoss({ edgeWeight: this.config.edgeWeight }),
        nodeClasses: this.config.nodeClasses!,
        edgeClasses: this.config.edgeClasses!,
        fingerprint,
        generator: this,
      },
      train,
      options,
      loopRng,
    );
  }

  /**
   * Draws `count` graphs: node counts from the prior (or `options.nodeCounts`), then the
   * generic sampler ({@link sampleGraphs}) in chunks of `batchSize`, projected onto
   * `options.constraint` when given.
   *
   * @throws `InputError` before fit/load, for a bad count, steps, node counts or constraint
   * @throws `AbortedError` when `options.signal` fires
   */
  async sample(count: number, options: S): Promise<Graph[]> {
    const f = this.fitted;
    if (f === undefined) throw InputError.invalid('this', 'a fitted or loaded generator (call fit or load first)', 'an unfitted generator');
    assertInteger(count, 'count', { min: 0 });
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const steps = options.steps ?? 200;
    assertInteger(steps, 'options.steps', { min: 1 });
    const batchSize = options.batchSize ?? 64;
    assertInteger(batchSize, 'options.batchSize', { min: 1 });
    const constraint = options.constraint === undefined ? undefined : edgeConstraint(options.constraint, 'options.constraint');
    let counts: Int32Array;
    if (options.nodeCounts !== undefined) {
      if (options.nodeCounts.length !== count) throw InputError.invalid('options.nodeCounts', `${count} node counts`, `${options.nodeCounts.length}`);
      counts = Int32Array.from(options.nodeCounts);
      for (let i = 0; i < count; i++) assertInteger(options.nodeCounts[i], `options.nodeCounts[${i}]`, { min: 0, max: 4096 });
    } else counts = f.prior.sample(count, options.rng);
    const parts = {
      process: this.createProcess(f.marginals),
      kernel: this.createKernel(f.marginals, options),
      denoiser: f.denoiser,
      features: this.features,
      nodeClasses: this.config.nodeClasses!,
      edgeClasses: this.config.edgeClasses!,
      ...(this.selfConditioning && { selfConditioning: this.selfConditioning }),
    };
    // position k of the sampling order is graph order[k] of the output
    const order = options.sizeSorted === true ? Array.from(counts.keys()).sort((a, b) => counts[a] - counts[b]) : undefined;
    const sorted = order === undefined ? counts : Int32Array.from(order, (i) => counts[i]);
    const out: Graph[] = [];
    for (let start = 0; start < count; start += batchSize) {
      throwIfAborted(options.signal, 'sampling');
      const chunk = sorted.subarray(start, Math.min(count, start + batchSize));
      const graphs = sampleGraphs(parts, chunk, {
        steps,
        rng: options.rng,
        signal: options.signal,
        ...(constraint && { constraint }),
        onStep: (step) => options.onProgress?.({ done: start, total: count, step, steps }),
      });
      out.push(...graphs);
      await Promise.resolve();
    }
    options.onProgress?.({ done: count, total: count, step: steps, steps });
    if (order === undefined) return out;
    const inDrawOrder = new Array<Graph>(count);
    order.forEach((i, k) => (inDrawOrder[i] = out[k]));
    return inDrawOrder;
  }

  /**
   * Writes `generator.json` (kind, config, marginals, node-count prior) and the denoiser weights
   * `weights.json` + `weights.bin` (graphgen/nn format) into `dir`; each file atomically.
   * @throws `InputError` before fit/load
   * @throws `IoError` when writing fails
   */
  async save(dir: string): Promise<void> {
    const f = this.fitted;
    if (f === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    const state = { marginals: { x: Array.from(f.marginals.x), e: Array.from(f.marginals.e) }, nodeCountPrior: f.prior.getConfig() };
    await writeGeneratorDir(dir, this.kind, this.config, state, { weights: f.denoiser });
  }

  /**
   * Restores the fitted state saved by {@link save} into this generator (its config must match
   * the saved one; {@link loadGenerator} does this for you).
   * @throws `IoError` / `FormatError` for missing or malformed files
   */
  async load(dir: string): Promise<void> {
    const file = await readGeneratorFile(dir);
    const state = file.state as { marginals?: { x: number[]; e: number[] }; nodeCountPrior?: NodeCountPriorConfig };
    if (state?.marginals === undefined || state.nodeCountPrior === undefined) throw new FormatError(`"${join(dir, 'generator.json')}": state: expected marginals and nodeCountPrior`, { argument: 'dir' });
    const weights = await readWeightsFiles(join(dir, 'weights'));
    const denoiser = this.buildDenoiser(createRng('graphgen-load')) // weights overwritten below;
    loadWeights(denoiser, weights);
    this.fitted?.denoiser.dispose();
    this.fitted = {
      marginals: { x: Float64Array.from(state.marginals.x), e: Float64Array.from(state.marginals.e) },
      prior: NodeCountPrior.fromConfig(state.nodeCountPrior),
      denoiser,
    };
  }

  dispose(): void {
    this.fitted?.denoiser.dispose();
    this.fitted = undefined;
  }
}

/**
 * Reads and validates `dir/generator.json`.
 * @throws `IoError` when the file cannot be read
 * @throws `FormatError` when it is not a saved graphgen generator
 */
export async function readGeneratorFile(dir: string): Promise<SavedGeneratorFile> {
  const path = join(dir, 'generator.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new IoError(`cannot read "${path}": ${(err as Error).message}`, { argument: 'dir', cause: err });
  }
  let parsed: SavedGeneratorFile;
  try {
    parsed = JSON.parse(text) as SavedGeneratorFile;
  } catch (err) {
    throw new FormatError(`"${path}" is not valid JSON`, { argument: 'dir', cause: err });
  }
  if (parsed?.format !== 'graphgen-generator' || parsed.version !== 1) {
    throw new FormatError(`"${path}": expected format "graphgen-generator" version 1`, { argument: 'dir' });
  }
  return parsed;
}

/**
 * Checks a training set: a non-empty array of {@link Graph}.
 * @throws `InputError` naming the first offending entry
 */
export function checkGraphs(graphs: readonly Graph[], name: string): void {
  if (!Array.isArray(graphs) || graphs.length === 0) throw InputError.invalid(name, 'a non-empty array of Graph', describeValue(graphs));
  graphs.forEach((g, i) => {
    if (!(g instanceof Graph)) throw InputError.invalid(`${name}[${i}]`, 'a Graph', describeValue(g));
  });
}

