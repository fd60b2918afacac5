import * as tf from '@tensorflow/tfjs-core';
import { join } from 'node:path';
import { assertFinite, assertInteger, assertOneOf, assertPositive } from '../../core/assert.js';
import { FormatError, InputError, throwIfAborted } from '../../core/errors.js';
import { createRng, type Rng } from '../../core/rng.js';
import { collate, type DenseBatch } from '../../graph/collate.js';
import { Graph } from '../../graph/Graph.js';
import { loadWeights } from '../../nn/serializeWeights.js';
import { readWeightsFiles } from '../../nn/writeWeightsFiles.js';
import { createExtraFeatures } from '../common/createExtraFeatures.js';
import type { DenoiserInput } from '../common/Denoiser.js';
import { checkGraphs, featureDenoiser, readGeneratorFile, type DenoiserSizeConfig } from '../common/DenoisingGenerator.js';
import type { ExtraFeatures, ExtraFeaturesConfig } from '../common/ExtraFeatures.js';
import type { FitOptions, FitResult, GraphGenerator, SampleOptions } from '../common/GraphGenerator.js';
import { crossEntropyLoss } from '../common/GraphLoss.js';
import { GraphTransformerDenoiser } from '../common/GraphTransformerDenoiser.js';
import { trainDenoiser } from '../common/trainDenoiser.js';
import { NodeCountPrior, type NodeCountPriorConfig } from '../common/NodeCountPrior.js';
import type { AlignmentMethod, RelaxedGraph } from './alignNodes.js';
import { minibatchCoupling, type CouplingKind } from './minibatchCoupling.js';
import { writeGeneratorDir } from '../common/writeGeneratorDir.js';

/** Serializable config of {@link OtFlow}. */
export interface OtFlowConfig {
  /** Node classes dx (unlabelled graphs: 1). @default 1 */
  nodeClasses?: number;
  /** Edge classes de including class 0 = no edge (unlabelled graphs: 2). @default 2 */
  edgeClasses?: number;
  /** Edge weight λ of the cross-entropy loss. @default 5 */
  edgeWeight?: number;
  /** Noise–data coupling of each mini-batch. @default 'ot-aligned' */
  coupling?: CouplingKind;
  /** Plan solver of the OT couplings. @default 'exact' */
  solver?: 'exact' | 'sinkhorn';
  /** Sinkhorn regularisation relative to the mean cost. @default 0.05 */
  regScale?: number;
  /** Node alignment of `'ot-aligned'`. @default 'lsap' */
  alignment?: AlignmentMethod;
  /** Standard deviation of the Gaussian source. @default 1 */
  noiseScale?: number;
  /** Structural features of the rounded current graph fed to the network. @default { name: 'none' } */
  features?: ExtraFeaturesConfig;
  /** Denoiser widths (graph transformer). */
  denoiser?: DenoiserSizeConfig;
}

/** Fitted state of {@link OtFlow}. */
interface OtFlowState {
  prior: NodeCountPrior;
  denoiser: GraphTransformerDenoiser;
}

/**
 * Flow matching on a continuous relaxation of graphs with mini-batch optimal-transport couplings
 * (OT-CFM: Tong et al., TMLR 2024; flow matching: Lipman et al., ICLR 2023; Pooladian et al.
 * 2023), with node alignment so that the coupling is invariant to node order.
 *
 * - State: one-hot node classes `x1 [n, dx]` and edge classes `e1 [n, n, de]` relaxed to reals;
 *   the source is Gaussian `x0 ~ N(0, σ² I)`, `e0` symmetric Gaussian with zero diagonal.
 * - Path: `x_t = (1 − t) x0 + t x1` (same for e), t ~ U[0, 1], with (x0, x1) drawn from a
 *   coupling π of the mini-batch ({@link minibatchCoupling}): independent (plain CFM), an exact or
 *   entropic OT plan for `||x0 − x1||² + ||e0 − e1||²`, or that plan after aligning the data
 *   nodes to the noise nodes (`alignNodes`, LSAP or FGW). OT couplings shorten and straighten
 *   the paths; alignment removes the arbitrary node order from the cost.
 * - Network: the graph transformer denoiser of Generators I predicts the endpoint distribution
 *   `p̂(x1 | x_t, t)` (softmax), trained with the masked cross-entropy of DiGress/DeFoG (edge
 *   weight λ). With linear paths the flow-matching velocity is `v(x_t, t) = (E[x1 | x_t] − x_t) /
 *   (1 − t)`, and `E[x1 | x_t]` is exactly the mean of p̂ for one-hot targets, so this
 *   x1-prediction is a parametrisation of the CFM regression.
 * - Sampling: Euler steps `x ← x + (p̂ − x) Δt / (1 − t)` from t = 0 to 1 on n nodes (n from the
 *   training prior), then argmax decoding: node class, and edge class per unordered pair
 *   (symmetric by construction, class 0 = no edge).
 *
 * Training reuses Generators I's machinery: Adam with clipping, the NaN/Inf guard, EMA weights,
 * resumable atomic checkpoints, `AbortSignal`. All randomness comes from `options.rng`.
 *
 * @example
 * ```ts
 * await initBackend();
 * const model = new OtFlow({ coupling: 'ot-aligned', denoiser: { layers: 2 } });
 * await model.fit(train, { epochs: 50, rng: createRng(0) });
 * const graphs = await model.sample(20, { steps: 50, rng: createRng(1) });
 * ```
 */
export class OtFlow implements GraphGenerator {
  readonly kind = 'ot-flow' as const;
  /** The config with defaults filled in. */
  readonly config: OtFlowConfig;
  /** The extra features (declared widths). */
  readonly features: ExtraFeatures;
  private fitted: OtFlowState | undefined;
  private costs: number[] = [];

  /** @throws `InputError` for invalid config values */
  constructor(config: OtFlowConfig = {}) {
    const c: OtFlowConfig = {
      nodeClasses: 1,
      edgeClasses: 2,
      edgeWeight: 5,
      coupling: 'ot-aligned',
      solver: 'exact',
      regScale: 0.05,
      alignment: 'lsap',
      noiseScale: 1,
      features: { name: 'none' },
      ...config,
      denoiser: { ...(config.denoiser ?? {}) },
    };
    assertInteger(c.nodeClasses, 'config.nodeClasses', { min: 1 });
    assertInteger(c.edgeClasses, 'config.edgeClasses', { min: 2 });
    assertFinite(c.edgeWeight, 'config.edgeWeight', { min: 0 });
    assertOneOf(c.coupling, 'config.coupling', ['independent', 'ot', 'ot-aligned'] as const);
    assertOneOf(c.solver, 'config.solver', ['exact', 'sinkhorn'] as const);
    assertPositive(c.regScale, 'config.regScale');
    assertOneOf(c.alignment, 'config.alignment', ['lsap', 'fgw'] as const);
    assertPositive(c.noiseScale, 'config.noiseScale');
    this.config = c;
    this.features = createExtraFeatures(c.features!);
  }

  /** True after {@link OtFlow.fit} or {@link OtFlow.load}. */
  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  /** The node-count prior (after fit/load). */
  get nodeCountPrior(): NodeCountPrior | undefined {
    return this.fitted?.prior;
  }

  /** Mean squared noise–data distance of the chosen pairs, per epoch of the last `fit` (empty for `'independent'`). */
  get couplingCosts(): readonly number[] {
    return this.costs;
  }

  private buildDenoiser(rng: Rng): GraphTransformerDenoiser {
    return featureDenoiser(this.config.nodeClasses!, this.config.edgeClasses!, this.features, this.config.denoiser, rng);
  }

  /**
   * Trains the endpoint predictor on mini-batches coupled with the noise (see the class
   * description). Options as {@link FitOptions} (epochs, batchSize, lr, weightDecay, clipNorm,
   * emaDecay, timeLimitMs, checkpointDir/resume, validate, onProgress, signal). A second call
   * continues training the same weights. On return the network holds the EMA weights.
   *
   * @throws `InputError` for an empty set, non-Graph entries, labels outside the declared classes, bad options or a checkpoint of another model
   * @throws `AbortedError` when `options.signal` fires (the last checkpoint stays)
   */
  async fit(train: readonly Graph[], options: FitOptions): Promise<FitResult> {
    checkGraphs(train, 'train');
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const c = this.config;
    const dx = c.nodeClasses!;
    const de = c.edgeClasses!;
    collate(train, { nodeClasses: dx, edgeClasses: de, maxNodes: Math.max(...train.map((g) => g.n)) }); // label checks
    const prior = NodeCountPrior.fromGraphs(train);
    const initRng = options.rng.split();
    const loopRng = options.rng.split();
    if (this.fitted === undefined) this.fitted = { prior, denoiser: this.buildDenoiser(initRng) };
    else this.fitted = { ...this.fitted, prior };
    const fingerprint = JSON.stringify({ kind: this.kind, config: c, counts: Array.from(prior.counts), n: train.length });
    this.costs = [];
    let costSum = 0;
    let costCount = 0;
    return trainDenoiser(
      {
        denoiser: this.fitted.denoiser,
        prepareBatch: (clean, rng) => {
          const pb = this.pathBatch(clean, rng);
          if (Number.isFinite(pb.meanCost)) {
            costSum += pb.meanCost;
            costCount++;
          }
          return {
            input: this.input(pb.xt, pb.et, clean, pb.times),
            target: { x: tf.tensor3d(pb.x1, [clean.batchSize, clean.maxNodes, dx]), e: tf.tensor4d(pb.e1, [clean.batchSize, clean.maxNodes, clean.maxNodes, de]) },
          };
        },
        endEpoch: () => {
          if (costCount > 0) this.costs.push(costSum / costCount);
          costSum = 0;
          costCount = 0;
        },
        loss: crossEntropyLoss({ edgeWeight: c.edgeWeight }),
        nodeClasses: dx,
        edgeClasses: de,
        fingerprint,
        generator: this,
      },
      train,
      options,
      loopRng,
    );
  }

  /** Noise, coupling, alignment and the point of the path for one clean batch (padded layout). */
  private pathBatch(clean: DenseBatch, rng: Rng): { xt: Float32Array; et: Float32Array; x1: Float32Array; e1: Float32Array; times: Float64Array; meanCost: number } {
    const c = this.config;
    const { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de, nodeCounts } = clean;
    const noise = Array.from({ length: B }, () => gaussianGraph(N, dx, de, c.noiseScale!, rng));
    const data: RelaxedGraph[] = Array.from({ length: B }, (_, j) => sliceGraph(clean, j));
    const pairing = minibatchCoupling(noise, data, { dx, de, rng, coupling: c.coupling, solver: c.solver, regScale: c.regScale, alignment: c.alignment });
    const xt = new Float32Array(B * N * dx);
    const et = new Float32Array(B * N * N * de);
    const x1 = new Float32Array(B * N * dx);
    const e1 = new Float32Array(B * N * N * de);
    const times = new Float64Array(B);
    for (let j = 0; j < B; j++) {
      const t = rng.uniform();
      times[j] = t;
      const n = nodeCounts[j];
      const z = noise[pairing.noiseIndex[j]];
      const perm = pairing.perms[j];
      for (let a = 0; a < n; a++) {
        const pa = perm[a];
        for (let k = 0; k < dx; k++) {
          const v1 = clean.x[(j * N + pa) * dx + k];
          x1[(j * N + a) * dx + k] = v1;
          xt[(j * N + a) * dx + k] = (1 - t) * z.x[a * dx + k] + t * v1;
        }
        for (let b = 0; b < n; b++) {
          if (b === a) continue;
          const src = ((j * N + pa) * N + perm[b]) * de;
          const dst = ((j * N + a) * N + b) * de;
          for (let k = 0; k < de; k++) {
            const v1 = clean.e[src + k];
            e1[dst + k] = v1;
            et[dst + k] = (1 - t) * z.e[(a * N + b) * de + k] + t * v1;
          }
        }
      }
    }
    return { xt, et, x1, e1, times, meanCost: pairing.meanCost };
  }

  /** Denoiser input: current values, features of the rounded graph, time first in y. */
  private input(xt: Float32Array, et: Float32Array, layout: { batchSize: number; maxNodes: number; nodeMask: Float32Array; nodeCounts: Int32Array }, times: ArrayLike<number>): DenoiserInput {
    const { batchSize: B, maxNodes: N, nodeMask, nodeCounts } = layout;
    const dx = this.config.nodeClasses!;
    const de = this.config.edgeClasses!;
    const f = this.features;
    const { x: fxv, e: fev, y: fyv } = f.compute(roundBatch(xt, et, layout, dx, de));
    const fx = f.nodeDim;
    const fe = f.edgeDim;
    const fy = f.globalDim;
    const X = new Float32Array(B * N * (dx + fx));
    for (let r = 0; r < B * N; r++) {
      for (let k = 0; k < dx; k++) X[r * (dx + fx) + k] = xt[r * dx + k];
      if (nodeMask[r] > 0) for (let k = 0; k < fx; k++) X[r * (dx + fx) + dx + k] = fxv[r * fx + k];
    }
    const E = new Float32Array(B * N * N * (de + fe));
    for (let b = 0; b < B; b++) {
      const n = nodeCounts[b];
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) {
          const r = (b * N + i) * N + j;
          for (let k = 0; k < de; k++) E[r * (de + fe) + k] = et[r * de + k];
          if (i < n && j < n && i !== j) for (let k = 0; k < fe; k++) E[r * (de + fe) + de + k] = fev[r * fe + k];
        }
    }
    const Y = new Float32Array(B * (1 + fy));
    for (let b = 0; b < B; b++) {
      Y[b * (1 + fy)] = times[b];
      for (let k = 0; k < fy; k++) Y[b * (1 + fy) + 1 + k] = fyv[b * fy + k];
    }
    return { x: tf.tensor3d(X, [B, N, dx + fx]), e: tf.tensor4d(E, [B, N, N, de + fe]), y: tf.tensor2d(Y, [B, 1 + fy]), nodeMask: tf.tensor2d(nodeMask, [B, N]) };
  }

  /**
   * Draws `count` graphs: node counts from the prior (or `options.nodeCounts`), Gaussian source,
   * `steps` Euler steps of the learned flow (default 50 here: OT paths are nearly straight), argmax
   * decoding with symmetric edges. Chunks of `batchSize` graphs; `onProgress` after every step.
   *
   * @throws `InputError` before fit/load, for a bad count, steps or node counts
   * @throws `AbortedError` when `options.signal` fires
   */
  async sample(count: number, options: SampleOptions): Promise<Graph[]> {
    const f = this.fitted;
    if (f === undefined) throw InputError.invalid('this', 'a fitted or loaded generator (call fit or load first)', 'an unfitted generator');
    assertInteger(count, 'count', { min: 0 });
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const steps = options.steps ?? 50;
    assertInteger(steps, 'options.steps', { min: 1 });
    const batchSize = options.batchSize ?? 64;
    assertInteger(batchSize, 'options.batchSize', { min: 1 });
    let counts: Int32Array;
    if (options.nodeCounts !== undefined) {
      if (options.nodeCounts.length !== count) throw InputError.invalid('options.nodeCounts', `${count} node counts`, `${options.nodeCounts.length}`);
      for (let i = 0; i < count; i++) assertInteger(options.nodeCounts[i], `options.nodeCounts[${i}]`, { min: 0, max: 4096 });
      counts = Int32Array.from(options.nodeCounts);
    } else counts = f.prior.sample(count, options.rng);
    const dx = this.config.nodeClasses!;
    const de = this.config.edgeClasses!;
    const out: Graph[] = [];
    for (let start = 0; start < count; start += batchSize) {
      const chunk = counts.subarray(start, Math.min(count, start + batchSize));
      const B = chunk.length;
      const N = Math.max(0, ...chunk);
      const nodeMask = new Float32Array(B * N);
      const x = new Float32Array(B * N * dx);
      const e = new Float32Array(B * N * N * de);
      for (let b = 0; b < B; b++) {
        const n = chunk[b];
        const z = gaussianGraph(n, dx, de, this.config.noiseScale!, options.rng);
        for (let a = 0; a < n; a++) {
          nodeMask[b * N + a] = 1;
          for (let k = 0; k < dx; k++) x[(b * N + a) * dx + k] = z.x[a * dx + k];
          for (let c = 0; c < n; c++) for (let k = 0; k < de; k++) e[((b * N + a) * N + c) * de + k] = z.e[(a * n + c) * de + k];
        }
      }
      const layout = { batchSize: B, maxNodes: N, nodeMask, nodeCounts: Int32Array.from(chunk) };
      let px: Float32Array = new Float32Array(0);
      let pe: Float32Array = new Float32Array(0);
      for (let k = 0; k < steps; k++) {
        throwIfAborted(options.signal, 'sampling');
        const t = k / steps;
        const input = this.input(x, e, layout, new Float64Array(B).fill(t));
        const [tx, te] = tf.tidy(() => {
          const o = f.denoiser.apply(input);
          return [tf.softmax(o.x), tf.softmax(o.e)];
        });
        tf.dispose([input.x, input.e, input.y, input.nodeMask]);
        px = (await tx.data()) as Float32Array;
        pe = (await te.data()) as Float32Array;
        tf.dispose([tx, te]);
        const s = 1 / steps / (1 - t);
        for (let b = 0; b < B; b++) {
          const n = chunk[b];
          for (let a = 0; a < n; a++) {
            for (let q = 0; q < dx; q++) {
              const r = (b * N + a) * dx + q;
              x[r] += s * (px[r] - x[r]);
            }
            for (let c = 0; c < n; c++) {
              if (c === a) continue;
              for (let q = 0; q < de; q++) {
                const r = ((b * N + a) * N + c) * de + q;
                e[r] += s * (pe[r] - e[r]);
              }
            }
          }
        }
        options.onProgress?.({ done: start, total: count, step: k + 1, steps });
      }
      for (let b = 0; b < B; b++) out.push(decodeGraph(x, e, b, chunk[b], N, dx, de));
      await Promise.resolve();
    }
    options.onProgress?.({ done: count, total: count, step: steps, steps });
    return out;
  }

  /**
   * Writes `generator.json` (kind, config, node-count prior) and the network weights
   * `weights.json` + `weights.bin` into `dir`, each atomically.
   * @throws `InputError` before fit/load
   * @throws `IoError` when writing fails
   */
  async save(dir: string): Promise<void> {
    const f = this.fitted;
    if (f === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    await writeGeneratorDir(dir, this.kind, this.config, { nodeCountPrior: f.prior.getConfig() }, { weights: f.denoiser });
  }

  /**
   * Restores a model written by {@link OtFlow.save} (its config must match; `loadGenerator` does this).
   * @throws `IoError` / `FormatError` for missing or malformed files
   */
  async load(dir: string): Promise<void> {
    const file = await readGeneratorFile(dir);
    const state = file.state as { nodeCountPrior?: NodeCountPriorConfig };
    if (file.kind !== this.kind || state?.nodeCountPrior === undefined) throw new FormatError(`"${join(dir, 'generator.json')}": expected a saved ot-flow model`, { argument: 'dir' });
    const weights = await readWeightsFiles(join(dir, 'weights'));
    const denoiser = this.buildDenoiser(createRng('graphgen-load')); // weights overwritten below
    loadWeights(denoiser, weights);
    this.fitted?.denoiser.dispose();
    this.fitted = { prior: NodeCountPrior.fromConfig(state.nodeCountPrior), denoiser };
  }

  /** Frees the network's tensors. Idempotent. */
  dispose(): void {
    this.fitted?.denoiser.dispose();
    this.fitted = undefined;
  }
}

/** A Gaussian relaxed graph on n nodes: iid node values, symmetric pair values, zero diagonal. */
function gaussianGraph(n: number, dx: number, de: number, scale: number, rng: Rng): RelaxedGraph {
  const x = new Float64Array(n * dx);
  rng.fillNormal(x);
  for (let k = 0; k < x.length; k++) x[k] *= scale;
  const e = new Float64Array(n * n * de);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      for (let k = 0; k < de; k++) {
        const v = scale * rng.normal();
        e[(a * n + b) * de + k] = v;
        e[(b * n + a) * de + k] = v;
      }
  return { n, x, e };
}

/** Graph j of a dense batch as a relaxed graph on its real nodes. */
function sliceGraph(batch: DenseBatch, j: number): RelaxedGraph {
  const { maxNodes: N, nodeClasses: dx, edgeClasses: de } = batch;
  const n = batch.nodeCounts[j];
  const x = batch.x.slice(j * N * dx, j * N * dx + n * dx);
  const e = new Float32Array(n * n * de);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) for (let k = 0; k < de; k++) e[(a * n + b) * de + k] = batch.e[((j * N + a) * N + b) * de + k];
  return { n, x, e };
}

/** One-hot argmax of the current values (real nodes and off-diagonal real pairs), for features. */
function roundBatch(xt: Float32Array, et: Float32Array, layout: { batchSize: number; maxNodes: number; nodeMask: Float32Array; nodeCounts: Int32Array }, dx: number, de: number): DenseBatch {
  const { batchSize: B, maxNodes: N, nodeMask, nodeCounts } = layout;
  const x = new Float32Array(B * N * dx);
  const e = new Float32Array(B * N * N * de);
  for (let b = 0; b < B; b++) {
    const n = nodeCounts[b];
    for (let a = 0; a < n; a++) {
      x[(b * N + a) * dx + argmax(xt, (b * N + a) * dx, dx)] = 1;
      for (let c = a + 1; c < n; c++) {
        const k = argmax(et, ((b * N + a) * N + c) * de, de);
        e[((b * N + a) * N + c) * de + k] = 1;
        e[((b * N + c) * N + a) * de + k] = 1;
      }
    }
  }
  return { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de, x, e, nodeMask, nodeCounts };
}

function argmax(a: ArrayLike<number>, off: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (a[off + c] > a[off + best]) best = c;
  return best;
}

/** Argmax decoding of graph b (upper triangle decides each pair). */
function decodeGraph(x: Float32Array, e: Float32Array, b: number, n: number, N: number, dx: number, de: number): Graph {
  const edges: [number, number][] = [];
  const edgeLabels: number[] = [];
  const nodeLabels = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    nodeLabels[a] = argmax(x, (b * N + a) * dx, dx);
    for (let c = a + 1; c < n; c++) {
      const k = argmax(e, ((b * N + a) * N + c) * de, de);
      if (k > 0) {
        edges.push([a, c]);
        edgeLabels.push(k);
      }
    }
  }
  return Graph.fromEdgeList(n, edges, { nodeLabels: dx > 1 ? nodeLabels : undefined, edgeLabels: de > 2 ? edgeLabels : undefined });
}
