import { join } from 'node:path';
import { assertFinite, assertInteger } from '../../core/assert.js';
import { FormatError, InputError, throwIfAborted } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';
import { gromovBarycenter } from '../../ot/gromov/gromovBarycenter.js';
import { gromovWasserstein } from '../../ot/gromov/gromovWasserstein.js';
import { checkGraphs, readGeneratorFile } from '../common/DenoisingGenerator.js';
import type { FitOptions, FitResult, GraphGenerator, SampleOptions } from '../common/GraphGenerator.js';
import { NodeCountPrior, type NodeCountPriorConfig } from '../common/NodeCountPrior.js';
import { dirichlet } from './dirichlet.js';
import { graphBarycenter } from './graphBarycenter.js';
import { graphStructure } from './graphStructure.js';
import { writeGeneratorDir } from '../common/writeGeneratorDir.js';

/** Serializable config of {@link GwDictionary}. */
export interface GwDictionaryConfig {
  /** Number of atoms K. @default 4 */
  atoms?: number;
  /** Nodes N of every atom; 0 = the mean training node count, rounded. @default 0 */
  atomNodes?: number;
  /** Step size of the atom updates (edge-frequency units). @default 0.2 */
  lr?: number;
  /** Alternations (GW coupling, weights) of each unmixing. @default 4 */
  unmixIter?: number;
  /** Conditional-gradient iterations of each GW solve. @default 50 */
  innerMaxIter?: number;
  /** Sampling: weights ~ Dirichlet(concentration · w_s + 0.1) around a random training graph's unmixing w_s. @default 20 */
  concentration?: number;
}

/** Fitted state of {@link GwDictionary}, as saved. */
export interface GwDictionaryState {
  /** K atoms, each N x N row-major, entries in [0, 1]. */
  atoms: number[][];
  /** N. */
  atomNodes: number;
  /** Unmixing weights of every training graph (S x K). */
  weights: number[][];
  /** Edge density of every training graph. */
  densities: number[];
  /** Node-count prior. */
  nodeCountPrior: NodeCountPriorConfig;
}

/**
 * Gromov-Wasserstein dictionary learning (Vincent-Cuaz, Vayer, Flamary, Corneli, Courty, ICML
 * 2021), as a generator of unlabelled graphs. A graph with adjacency `A_s` is represented by
 * weights `w_s` on the simplex over K atoms `Ā_k` (N x N edge frequencies):
 *
 * ```text
 *   min_{Ā}  Σ_s min_{w_s ∈ Δ_K}  GW( Σ_k w_sk Ā_k , A_s ),
 * ```
 *
 * learned online: for each training graph, unmixing by alternating the GW coupling T (graphgen/ot
 * `gromovWasserstein`, warm-started) and the weights (for fixed T the objective is
 * `||Σ_k w_k Ā_k − N² T A_s Tᵀ||²` up to constants: a simplex-constrained least squares solved by
 * projected gradient), then a projected gradient step on the atoms,
 * `Ā_k ← clip_[0,1](Ā_k − lr · 2 w_k (Σ_j w_j Ā_j − N² T A_s Tᵀ))`. Atoms start from K training
 * graphs resized to N nodes.
 *
 * Sampling: a training graph s uniformly, weights `w ~ Dirichlet(c w_s + 0.1)`, the structure
 * `Σ_k w_k Ā_k`, brought to n nodes (n from the training prior) by a GW barycenter with one
 * input (graphgen/ot `gromovBarycenter`) when n ≠ N, and decoded by keeping the
 * `round(ρ_s n (n − 1) / 2)` most frequent pairs (ρ_s the density of graph s). Labels are ignored.
 * `onProgress` gets one `epoch` event per pass with the mean GW reconstruction loss.
 *
 * @example
 * ```ts
 * const dict = new GwDictionary({ atoms: 6 });
 * const r = await dict.fit(train, { epochs: 5, rng: createRng(0) });
 * const graphs = await dict.sample(20, { rng: createRng(1) });
 * ```
 */
export class GwDictionary implements GraphGenerator {
  readonly kind = 'gw-dictionary' as const;
  /** The config with defaults filled in. */
  readonly config: Required<GwDictionaryConfig>;
  private state: { atoms: Float64Array[]; N: number; weights: Float64Array[]; densities: number[]; prior: NodeCountPrior } | undefined;

  /** @throws `InputError` for invalid config values */
  constructor(config: GwDictionaryConfig = {}) {
    const c: Required<GwDictionaryConfig> = { atoms: 4, atomNodes: 0, lr: 0.2, unmixIter: 4, innerMaxIter: 50, concentration: 20, ...config };
    assertInteger(c.atoms, 'config.atoms', { min: 1, max: 256 });
    assertInteger(c.atomNodes, 'config.atomNodes', { min: 0, max: 4096 });
    assertFinite(c.lr, 'config.lr', { min: 0 });
    assertInteger(c.unmixIter, 'config.unmixIter', { min: 1 });
    assertInteger(c.innerMaxIter, 'config.innerMaxIter', { min: 1 });
    assertFinite(c.concentration, 'config.concentration', { min: 0 });
    this.config = c;
  }

  /** The learned atoms (N x N each, after fit/load). */
  get atoms(): readonly Float64Array[] | undefined {
    return this.state?.atoms;
  }

  /** Unmixing weights of the training graphs (after fit/load). */
  get weights(): readonly Float64Array[] | undefined {
    return this.state?.weights;
  }

  /**
   * Learns the atoms with `options.epochs` (default 10) online passes in an order drawn from
   * `options.rng`. `losses[e]` is the mean GW reconstruction loss of pass e.
   *
   * @throws `InputError` for an empty set, non-Graph entries, graphs without nodes, fewer graphs than atoms or bad options
   * @throws `AbortedError` when `options.signal` fires
   */
  async fit(train: readonly Graph[], options: FitOptions): Promise<FitResult> {
    const started = Date.now();
    checkGraphs(train, 'train');
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    train.forEach((g, s) => {
      if (g.n === 0) throw InputError.invalid(`train[${s}]`, 'a graph with at least one node', 'an empty graph');
    });
    const epochs = options.epochs ?? 10;
    assertInteger(epochs, 'options.epochs', { min: 0 });
    const c = this.config;
    const S = train.length;
    if (S < c.atoms) throw InputError.invalid('train', `at least config.atoms = ${c.atoms} graphs`, `${S}`);
    const rng = options.rng;
    const N = c.atomNodes > 0 ? c.atomNodes : Math.max(1, Math.round(train.reduce((a, g) => a + g.n, 0) / S));
    const structures = train.map((g) => graphStructure(g, 'adjacency').data);
    const first = rng.permutation(S).subarray(0, c.atoms);
    const atoms = Array.from(first, (s) => graphBarycenter([train[s]], [1], { rng, nodes: N, maxIter: 1 }).C.data.slice());
    const plans: (Float64Array | undefined)[] = new Array(S).fill(undefined);
    const losses: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      let sum = 0;
      for (const s of rng.permutation(S)) {
        throwIfAborted(options.signal, 'fit');
        const u = unmix(atoms, N, structures[s], train[s].n, plans[s], c);
        plans[s] = u.plan;
        sum += u.loss;
        // projected gradient step on the atoms
        const rec = combine(atoms, u.w, N);
        for (let k = 0; k < atoms.length; k++) {
          const step = c.lr * 2 * u.w[k];
          if (step === 0) continue;
          const A = atoms[k];
          for (let i = 0; i < N; i++)
            for (let j = 0; j < N; j++) A[i * N + j] = i === j ? 0 : Math.min(1, Math.max(0, A[i * N + j] - step * (rec[i * N + j] - u.target[i * N + j])));
        }
        await Promise.resolve();
      }
      losses.push(sum / S);
      options.onProgress?.({ type: 'epoch', epoch: epoch + 1, epochs, loss: sum / S, elapsedMs: Date.now() - started });
    }
    const weights = structures.map((C, s) => unmix(atoms, N, C, train[s].n, plans[s], c).w);
    const densities = train.map((g) => (g.n > 1 ? g.numEdges / ((g.n * (g.n - 1)) / 2) : 0));
    this.state = { atoms, N, weights, densities, prior: NodeCountPrior.fromGraphs(train) };
    return { epochs, steps: epochs * S, losses, skippedSteps: 0, validation: [], resumedFromEpoch: 0, elapsedMs: Date.now() - started };
  }

  /**
   * Draws `count` graphs (see the class description); `steps` is ignored.
   * @throws `InputError` before fit/load, for a bad count or node counts (each >= 1)
   * @throws `AbortedError` when `options.signal` fires
   */
  async sample(count: number, options: SampleOptions): Promise<Graph[]> {
    const st = this.state;
    if (st === undefined) throw InputError.invalid('this', 'a fitted or loaded generator (call fit or load first)', 'an unfitted generator');
    assertInteger(count, 'count', { min: 0 });
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const rng = options.rng;
    let counts: Int32Array;
    if (options.nodeCounts !== undefined) {
      if (options.nodeCounts.length !== count) throw InputError.invalid('options.nodeCounts', `${count} node counts`, `${options.nodeCounts.length}`);
      for (let i = 0; i < count; i++) assertInteger(options.nodeCounts[i], `options.nodeCounts[${i}]`, { min: 1, max: 4096 });
      counts = Int32Array.from(options.nodeCounts);
    } else counts = st.prior.sample(count, rng);
    const out: Graph[] = [];
    const { N } = st;
    for (let k = 0; k < count; k++) {
      throwIfAborted(options.signal, 'sampling');
      const n = counts[k];
      const s = rng.int(0, st.weights.length);
      const w = dirichlet(Array.from(st.weights[s], (x) => this.config.concentration * x + 0.1), rng);
      let C = combine(st.atoms, w, N);
      if (n !== N) {
        const u = new Float64Array(N).fill(1 / N);
        C = gromovBarycenter(n, [{ rows: N, cols: N, data: C }], [u], [1], { rng, maxIter: 5, innerMaxIter: this.config.innerMaxIter }).C.data;
      }
      const m = Math.min((n * (n - 1)) / 2, Math.round((st.densities[s] * n * (n - 1)) / 2));
      const cand: number[] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) cand.push(i * n + j);
      cand.sort((a, b) => C[b] + C[Math.floor(b / n) + (b % n) * n] - C[a] - C[Math.floor(a / n) + (a % n) * n] || a - b);
      const edges = cand.slice(0, m).map((q) => [Math.floor(q / n), q % n] as [number, number]);
      out.push(Graph.fromEdgeList(n, edges));
      options.onProgress?.({ done: k + 1, total: count, step: 1, steps: 1 });
      await Promise.resolve();
    }
    return out;
  }

  /** Writes `dir/generator.json` (config, atoms, weights, prior) atomically. @throws `InputError` before fit, `IoError` on write errors */
  async save(dir: string): Promise<void> {
    const st = this.state;
    if (st === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    const state: GwDictionaryState = {
      atoms: st.atoms.map((a) => Array.from(a)),
      atomNodes: st.N,
      weights: st.weights.map((w) => Array.from(w)),
      densities: st.densities,
      nodeCountPrior: st.prior.getConfig(),
    };
    await writeGeneratorDir(dir, this.kind, this.config, state, { compact: true });
  }

  /** Restores a model written by {@link GwDictionary.save}. @throws `IoError` / `FormatError` for missing or malformed files */
  async load(dir: string): Promise<void> {
    const file = await readGeneratorFile(dir);
    const st = file.state as GwDictionaryState;
    const N = st?.atomNodes;
    if (file.kind !== this.kind || !Number.isInteger(N) || !Array.isArray(st.atoms) || st.atoms.some((a) => a?.length !== N * N) || !Array.isArray(st.weights) || st.weights.length !== st.densities?.length) {
      throw new FormatError(`"${join(dir, 'generator.json')}": expected a saved gw-dictionary model`, { argument: 'dir' });
    }
    this.state = {
      atoms: st.atoms.map((a) => Float64Array.from(a)),
      N,
      weights: st.weights.map((w) => Float64Array.from(w)),
      densities: st.densities.slice(),
      prior: NodeCountPrior.fromConfig(st.nodeCountPrior),
    };
  }

  /** Nothing to free (no tensors). */
  dispose(): void {}
}

/** `Σ_k w_k Ā_k`, N x N. */
function combine(atoms: readonly Float64Array[], w: ArrayLike<number>, N: number): Float64Array {
  const out = new Float64Array(N * N);
  atoms.forEach((A, k) => {
    if (w[k] !== 0) for (let q = 0; q < out.length; q++) out[q] += w[k] * A[q];
  });
  return out;
}

/** Unmixing of one graph: alternating GW couplings and simplex least squares. */
function unmix(atoms: readonly Float64Array[], N: number, C: Float64Array, n: number, G0: Float64Array | undefined, c: Required<GwDictionaryConfig>): { w: Float64Array; plan: Float64Array; target: Float64Array; loss: number } {
  const K = atoms.length;
  let w: Float64Array = new Float64Array(K).fill(1 / K);
  const p = new Float64Array(N).fill(1 / N);
  const q = new Float64Array(n).fill(1 / n);
  let plan = G0;
  let target = new Float64Array(N * N);
  let loss = 0;
  const gram = new Float64Array(K * K);
  for (let a = 0; a < K; a++) for (let b = a; b < K; b++) gram[a * K + b] = gram[b * K + a] = dot(atoms[a], atoms[b]);
  for (let it = 0; it < c.unmixIter; it++) {
    const rec = combine(atoms, w, N);
    const r = gromovWasserstein({ rows: N, cols: N, data: rec }, { rows: n, cols: n, data: C }, p, q, { G0: plan ? { rows: N, cols: n, data: plan } : undefined, maxIter: c.innerMaxIter });
    plan = r.plan.data.slice();
    loss = r.value;
    // target = N² T C Tᵀ
    const TC = new Float64Array(N * n);
    for (let i = 0; i < N; i++)
      for (let k = 0; k < n; k++) {
        const t = plan[i * n + k];
        if (t !== 0) for (let l = 0; l < n; l++) TC[i * n + l] += t * C[k * n + l];
      }
    target = new Float64Array(N * N);
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        let acc = 0;
        for (let l = 0; l < n; l++) acc += TC[i * n + l] * plan[j * n + l];
        target[i * N + j] = N * N * acc;
      }
    const b = Float64Array.from(atoms, (A) => dot(A, target));
    w = simplexLeastSquares(gram, b, w);
  }
  return { w, plan: plan!, target, loss };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** argmin_{w ∈ Δ} wᵀ G w − 2 bᵀ w by projected gradient (step 1 / (2 tr G)). */
function simplexLeastSquares(G: Float64Array, b: Float64Array, w0: Float64Array): Float64Array {
  const K = b.length;
  let tr = 0;
  for (let k = 0; k < K; k++) tr += G[k * K + k];
  if (!(tr > 0)) return w0;
  const step = 1 / (2 * tr);
  let w: Float64Array = w0.slice();
  for (let it = 0; it < 100; it++) {
    const g = new Float64Array(K);
    for (let a = 0; a < K; a++) {
      let acc = -2 * b[a];
      for (let c = 0; c < K; c++) acc += 2 * G[a * K + c] * w[c];
      g[a] = acc;
    }
    w = projectSimplex(Float64Array.from(w, (x, a) => x - step * g[a]));
  }
  return w;
}

/** Euclidean projection onto the probability simplex (sort-based). */
function projectSimplex(v: Float64Array): Float64Array {
  const u = Float64Array.from(v).sort().reverse();
  let css = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    css += u[i];
    const t = (css - 1) / (i + 1);
    if (u[i] - t > 0) theta = t;
  }
  return Float64Array.from(v, (x) => Math.max(0, x - theta));
}

