import * as tf from '@tensorflow/tfjs-core';
import { join } from 'node:path';
import { assertFinite, assertInteger, assertOneOf, assertPositive } from '../../core/assert.js';
import { FormatError, InputError, throwIfAborted } from '../../core/errors.js';
import { createRng, type Rng } from '../../core/rng.js';
import { collate, type DenseBatch } from '../../graph/collate.js';
import { Graph } from '../../graph/Graph.js';
import { loadWeights } from '../../nn/serializeWeights.js';
import { readWeightsFiles } from '../../nn/writeWeightsFiles.js';
import { batchedRrwp } from '../../embed/batchedRrwp.js';
import { createExtraFeatures } from '../common/createExtraFeatures.js';
import { graphMarginals, type GraphMarginalsResult } from '../common/graphMarginals.js';
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
  /**
   * Random-walk steps K of the soft structural inputs (0: none): the per-pair and per-node
   * posterior of the class given only that entry of the current state, and the RRWP features of
   * the soft adjacency it defines (see the class description). Configs saved before this field
   * existed mean 0, and {@link OtFlow.load} reads them so. @default 8
   */
  softFeatures?: number;
  /** Denoiser widths (graph transformer). */
  denoiser?: DenoiserSizeConfig;
}

/** Fitted state of {@link OtFlow}. */
interface OtFlowState {
  prior: NodeCountPrior;
  /** Training class frequencies (priors of the local posteriors). */
  marginals: GraphMarginalsResult;
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
 *   weight λ). Its inputs are the state `(x_t, e_t)`, the time, and (`softFeatures = K > 0`) soft
 *   structural inputs: the local posterior of each entry given only that entry,
 *   `q(c | v) ∝ ρ_c exp(t v_c / (σ² (1 − t)²))` (ρ: training class frequencies; exact for the
 *   independent coupling), the soft adjacency `A_ij = 1 − q_ij(no edge)`, its normalised soft
 *   degree and the RRWP features `n (M^k)_ij`, `n (M^k)_ii`, k = 1..K, of `M = D⁻¹ A`. Without
 *   them every node of an unlabelled graph enters the transformer with the same (noisy constant)
 *   value, attention can only average identical vectors, and the network reduces to a per-pair
 *   function of `e_t` and pooled globals: its `p̂` is the local posterior, and sampled graphs are
 *   Erdős–Rényi-like. Optional `features` of the rounded state (`argmax` per entry) are appended
 *   as in the discrete generators. With linear paths the flow-matching velocity is `v(x_t, t) = (E[x1 | x_t] − x_t) /
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
      softFeatures: 8,
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
    assertInteger(c.softFeatures, 'config.softFeatures', { min: 0, max: 64 });
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
    const { nodeClasses: dx, edgeClasses: de, softFeatures: K } = this.config;
    const f = this.features;
    const soft = K! > 0;
    const widths: ExtraFeatures = {
      nodeDim: f.nodeDim + (soft ? dx! + 1 + K! : 0),
      edgeDim: f.edgeDim + (soft ? de! + K! : 0),
      globalDim: f.globalDim,
      compute: (b) => f.compute(b),
      getConfig: () => f.getConfig(),
    };
    return featureDenoiser(dx!, de!, widths, this.config.denoiser, rng);
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
    const marginals = graphMarginals(train, dx, de);
    const initRng = options.rng.split();
    const loopRng = options.rng.split();
    if (this.fitted === undefined) this.fitted = { prior, marginals, denoiser: this.buildDenoiser(initRng) };
    else this.fitted = { ...this.fitted, prior, marginals };
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
    const K = this.config.softFeatures!;
    const mask = tf.tensor2d(nodeMask, [B, N]);
    const y = tf.tensor2d(Y, [B, 1 + fy]);
    if (K === 0) return { x: tf.tensor3d(X, [B, N, dx + fx]), e: tf.tensor4d(E, [B, N, N, de + fe]), y, nodeMask: mask };
    const s = softInputs(xt, et, layout, times, this.fitted!.marginals, this.config.noiseScale!, dx, de);
    const [x, e] = tf.tidy(() => {
      const adj = tf.tensor3d(s.adj, [B, N, N]);
      const rr = batchedRrwp(adj, mask, K + 1); // channel 0 is the identity
      const n = tf.tensor3d(Float32Array.from(layout.nodeCounts), [B, 1, 1]); // n · M^k: order 1 for any n
      const pairs = tf.mul(tf.slice(rr.pairs, [0, 0, 0, 1], [B, N, N, K]), tf.reshape(n, [B, 1, 1, 1]));
      const diag = tf.mul(tf.slice(rr.nodes, [0, 0, 1], [B, N, K]), n);
      return [
        tf.concat([tf.tensor3d(X, [B, N, dx + fx]), tf.tensor3d(s.qx, [B, N, dx]), tf.tensor3d(s.degree, [B, N, 1]), diag], 2) as tf.Tensor3D,
        tf.concat([tf.tensor4d(E, [B, N, N, de + fe]), tf.tensor4d(s.qe, [B, N, N, de]), pairs], 3) as tf.Tensor4D,
      ];
    });
    return { x, e, y, nodeMask: mask };
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
    await writeGeneratorDir(dir, this.kind, this.config, { nodeCountPrior: f.prior.getConfig(), marginals: { x: Array.from(f.marginals.x), e: Array.from(f.marginals.e) } }, { weights: f.denoiser });
  }

  /**
   * Restores a model written by {@link OtFlow.save} (its config must match; `loadGenerator` does
   * this). `config.softFeatures` is taken from the saved file, where a file written before that
   * field existed means 0 (no soft inputs), so older models load and sample as before.
   * @throws `IoError` / `FormatError` for missing or malformed files
   */
  async load(dir: string): Promise<void> {
    const file = await readGeneratorFile(dir);
    const state = file.state as { nodeCountPrior?: NodeCountPriorConfig; marginals?: { x: number[]; e: number[] } };
    const path = join(dir, 'generator.json');
    if (file.kind !== this.kind || state?.nodeCountPrior === undefined) throw new FormatError(`"${path}": expected a saved ot-flow model`, { argument: 'dir' });
    const soft = (file.config as OtFlowConfig | undefined)?.softFeatures ?? 0;
    assertInteger(soft, `${path}: config.softFeatures`, { min: 0, max: 64 });
    const dx = this.config.nodeClasses!;
    const de = this.config.edgeClasses!;
    const m = state.marginals;
    if (soft > 0 && (m?.x?.length !== dx || m?.e?.length !== de)) throw new FormatError(`"${path}": state: expected marginals of ${dx} node and ${de} edge classes`, { argument: 'dir' });
    this.config.softFeatures = soft;
    const marginals = m === undefined ? { x: new Float64Array(dx).fill(1 / dx), e: new Float64Array(de).fill(1 / de) } : { x: Float64Array.from(m.x), e: Float64Array.from(m.e) };
    const weights = await readWeightsFiles(join(dir, 'weights'));
    const denoiser = this.buildDenoiser(createRng('graphgen-load')); // weights overwritten below
    loadWeights(denoiser, weights);
    this.fitted?.denoiser.dispose();
    this.fitted = { prior: NodeCountPrior.fromConfig(state.nodeCountPrior), marginals, denoiser };
  }

  /** Frees the network's tensors. Idempotent. */
  dispose(): void {
    this.fitted?.denoiser.dispose();
    this.fitted = undefined;
  }
}

/**
 * The local posteriors of the current state and the soft adjacency they define. For an entry v
 * of the state at time t (node or pair, width d), with class priors ρ and source scale σ,
 * `v = (1 − t) z + t onehot(c)`, `z ~ N(0, σ² I)`, so `q(c | v) ∝ ρ_c exp(t v_c / (σ² (1 − t)²))`.
 * `adj_ij = 1 − q_ij(0)` (probability of an edge of any class), `degree_i = Σ_j adj_ij / (n − 1)`.
 * Padding, and the diagonal of pairs, stay zero.
 */
function softInputs(
  xt: Float32Array,
  et: Float32Array,
  layout: { batchSize: number; maxNodes: number; nodeCounts: Int32Array },
  times: ArrayLike<number>,
  marginals: GraphMarginalsResult,
  sigma: number,
  dx: number,
  de: number,
): { qx: Float32Array; qe: Float32Array; adj: Float32Array; degree: Float32Array } {
  const { batchSize: B, maxNodes: N, nodeCounts } = layout;
  const qx = new Float32Array(B * N * dx);
  const qe = new Float32Array(B * N * N * de);
  const adj = new Float32Array(B * N * N);
  const degree = new Float32Array(B * N);
  const logX = Array.from(marginals.x, (p) => Math.log(Math.max(p, 1e-6)));
  const logE = Array.from(marginals.e, (p) => Math.log(Math.max(p, 1e-6)));
  for (let b = 0; b < B; b++) {
    const n = nodeCounts[b];
    const t = times[b];
    const scale = t / (sigma * sigma * (1 - t) * (1 - t));
    for (let a = 0; a < n; a++) {
      localPosterior(xt, (b * N + a) * dx, dx, scale, logX, qx);
      let d = 0;
      for (let c = 0; c < n; c++) {
        if (c === a) continue;
        const off = ((b * N + a) * N + c) * de;
        localPosterior(et, off, de, scale, logE, qe);
        const p = 1 - qe[off];
        adj[(b * N + a) * N + c] = p;
        d += p;
      }
      degree[b * N + a] = d / Math.max(1, n - 1);
    }
  }
  return { qx, qe, adj, degree };
}

/** `out[off + k] = softmax_k(logPrior_k + scale · v[off + k])`. */
function localPosterior(v: Float32Array, off: number, d: number, scale: number, logPrior: readonly number[], out: Float32Array): void {
  let max = -Infinity;
  for (let k = 0; k < d; k++) max = Math.max(max, logPrior[k] + scale * v[off + k]);
  let sum = 0;
  for (let k = 0; k < d; k++) {
    const w = Math.exp(logPrior[k] + scale * v[off + k] - max);
    out[off + k] = w;
    sum += w;
  }
  for (let k = 0; k < d; k++) out[off + k] /= sum;
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
