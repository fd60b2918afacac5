import { join } from 'node:path';
import { assertFinite, assertInteger, assertOneOf } from '../../core/assert.js';
import { FormatError, InputError, throwIfAborted } from '../../core/errors.js';
import { Graph, type GraphJSON } from '../../graph/Graph.js';
import { graphEmbedding } from '../../embed/graphEmbedding.js';
import { gromovWassersteinDistance } from '../../metrics/distances/gromovWassersteinDistance.js';
import { checkGraphs, readGeneratorFile } from '../common/DenoisingGenerator.js';
import type { FitOptions, FitResult, GraphGenerator, SampleOptions } from '../common/GraphGenerator.js';
import { NodeCountPrior, type NodeCountPriorConfig } from '../common/NodeCountPrior.js';
import { decodeBarycenter } from './decodeBarycenter.js';
import { dirichlet } from './dirichlet.js';
import { graphBarycenter } from './graphBarycenter.js';
import { checkStructureKind, type GraphStructureKind } from './graphStructure.js';
import { writeGeneratorDir } from '../common/writeGeneratorDir.js';

/** How {@link GwBarycenter} picks the graphs it mixes around an anchor. */
export type NeighborRule = 'embedding' | 'gw' | 'random';

/** Serializable config of {@link GwBarycenter}. */
export interface GwBarycenterConfig {
  /** Node classes dx (unlabelled: 1); with dx > 1 barycenters are fused GW on node labels. @default 1 */
  nodeClasses?: number;
  /** Edge classes de including "no edge" (unlabelled: 2). @default 2 */
  edgeClasses?: number;
  /** Structure matrix of the GW problems. @default 'adjacency' */
  structure?: GraphStructureKind;
  /**
   * Neighbours of the anchor: nearest in a standardised invariant embedding
   * (graphgen/embed `graphEmbedding`), nearest in GW distance (all training pairs are solved at
   * fit time: O(S²) GW problems), or random training graphs. @default 'embedding'
   */
  neighbors?: NeighborRule;
  /** Graphs per barycenter k (the anchor and its k − 1 neighbours). @default 3 */
  k?: number;
  /** Concentration of the symmetric Dirichlet the weights are drawn from (1 = uniform on the simplex). @default 1 */
  concentration?: number;
  /** FGW trade-off for labelled graphs. @default 0.5 */
  alpha?: number;
  /** Outer barycenter iterations. @default 10 */
  maxIter?: number;
  /** Conditional-gradient iterations of each inner solve. @default 100 */
  innerMaxIter?: number;
  /** Restarts of the first inner solves. @default 1 */
  nInit?: number;
  /**
   * Edge count of a sample: `'density'` keeps the weighted mean edge density of the mixed graphs
   * (top-m decoding), `'threshold'` keeps the pairs with edge frequency >= 1/2. @default 'density'
   */
  edges?: 'density' | 'threshold';
}

/** Fitted state of {@link GwBarycenter}, as saved. */
export interface GwBarycenterState {
  /** The reference graphs. */
  graphs: GraphJSON[];
  /** Node-count prior. */
  nodeCountPrior: NodeCountPriorConfig;
  /** Neighbour lists: `neighbors[s]` are the other graphs by increasing distance (at most 32). */
  neighbors: number[][];
}

const RULES: readonly NeighborRule[] = ['embedding', 'gw', 'random'];
const MAX_NEIGHBORS = 32;

/**
 * A non-neural generator on graph space: every sample is a Gromov-Wasserstein barycenter of a
 * few training graphs (Peyré, Cuturi, Solomon 2016; fused GW for labelled graphs, Vayer et al.
 * 2019). To draw one graph:
 *
 * 1. an anchor graph uniformly from the training set and its k − 1 nearest neighbours (in an
 *    invariant embedding, in GW distance, or random);
 * 2. n = the anchor's node count (so n follows the training node-count distribution exactly),
 *    or `options.nodeCounts[i]`;
 * 3. weights λ ~ Dirichlet(concentration) on the simplex;
 * 4. the barycenter `argmin_C Σ_s λ_s GW(C, C_s)` on n nodes ({@link graphBarycenter}, started
 *    from the graph of largest weight);
 * 5. decoding ({@link decodeBarycenter}): the most frequent transported edges, as many as the
 *    weighted mean edge density asks for, most frequent node / edge classes.
 *
 * Fitting builds the reference set and its neighbour index: no gradient training. Samples stay
 * close to the training graphs (they are local mixtures of them), so novelty depends on k and the
 * concentration. Cost per sample: `maxIter · k` (F)GW solves on n nodes.
 *
 * @example
 * ```ts
 * const model = new GwBarycenter({ k: 3 });
 * await model.fit(train, { rng: createRng(0) });
 * const graphs = await model.sample(20, { rng: createRng(1), onProgress: (e) => done.push(e.done) });
 * ```
 */
export class GwBarycenter implements GraphGenerator {
  readonly kind = 'gw-barycenter' as const;
  /** The config with defaults filled in. */
  readonly config: Required<GwBarycenterConfig>;
  private state: { graphs: Graph[]; prior: NodeCountPrior; neighbors: number[][] } | undefined;

  /** @throws `InputError` for invalid config values */
  constructor(config: GwBarycenterConfig = {}) {
    const c: Required<GwBarycenterConfig> = {
      nodeClasses: 1,
      edgeClasses: 2,
      structure: 'adjacency',
      neighbors: 'embedding',
      k: 3,
      concentration: 1,
      alpha: 0.5,
      maxIter: 10,
      innerMaxIter: 100,
      nInit: 1,
      edges: 'density',
      ...config,
    };
    assertInteger(c.nodeClasses, 'config.nodeClasses', { min: 1 });
    assertInteger(c.edgeClasses, 'config.edgeClasses', { min: 2 });
    checkStructureKind(c.structure, 'config.structure');
    assertOneOf(c.neighbors, 'config.neighbors', RULES);
    assertInteger(c.k, 'config.k', { min: 1, max: MAX_NEIGHBORS + 1 });
    assertFinite(c.concentration, 'config.concentration', { min: 1e-6 });
    assertFinite(c.alpha, 'config.alpha', { min: 0, max: 1 });
    assertInteger(c.maxIter, 'config.maxIter', { min: 1 });
    assertInteger(c.innerMaxIter, 'config.innerMaxIter', { min: 1 });
    assertInteger(c.nInit, 'config.nInit', { min: 1, max: 100 });
    assertOneOf(c.edges, 'config.edges', ['density', 'threshold'] as const);
    this.config = c;
  }

  /** True after {@link GwBarycenter.fit} or {@link GwBarycenter.load}. */
  get isFitted(): boolean {
    return this.state !== undefined;
  }

  /** The node-count prior (after fit/load). */
  get nodeCountPrior(): NodeCountPrior | undefined {
    return this.state?.prior;
  }

  /**
   * Stores the training graphs, the node-count prior and the neighbour index. With
   * `neighbors: 'gw'` every pair is solved (`onProgress` gets a `step` event per graph, `loss`
   * = its mean GW distance); `signal` cancels between graphs. Only `rng`, `onProgress` and
   * `signal` of {@link FitOptions} are used.
   *
   * @throws `InputError` for an empty set, non-Graph entries, empty graphs or labels outside the declared classes
   * @throws `AbortedError` when `options.signal` fires
   */
  async fit(train: readonly Graph[], options: FitOptions): Promise<FitResult> {
    const started = Date.now();
    checkGraphs(train, 'train');
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const { nodeClasses: dx, edgeClasses: de } = this.config;
    train.forEach((g, s) => {
      if (g.n === 0) throw InputError.invalid(`train[${s}]`, 'a graph with at least one node', 'an empty graph');
      for (const l of g.nodeLabels()) if (l >= dx) throw InputError.invalid(`train[${s}]`, `node labels < config.nodeClasses = ${dx}`, `label ${l}`);
      for (const l of g.edgeLabels()) if (l >= de) throw InputError.invalid(`train[${s}]`, `edge labels < config.edgeClasses = ${de}`, `label ${l}`);
    });
    const S = train.length;
    const dist = new Float64Array(S * S);
    if (this.config.neighbors === 'embedding') {
      const emb = train.map((g) => graphEmbedding(g));
      const d = emb[0].length;
      for (let c = 0; c < d; c++) {
        let mean = 0;
        for (const v of emb) mean += v[c] / S;
        let sd = 0;
        for (const v of emb) sd += (v[c] - mean) ** 2 / S;
        sd = Math.sqrt(sd) || 1;
        for (const v of emb) v[c] = (v[c] - mean) / sd;
      }
      for (let a = 0; a < S; a++)
        for (let b = a + 1; b < S; b++) {
          let acc = 0;
          for (let c = 0; c < d; c++) acc += (emb[a][c] - emb[b][c]) ** 2;
          dist[a * S + b] = dist[b * S + a] = Math.sqrt(acc);
        }
    } else if (this.config.neighbors === 'gw') {
      const alpha = dx > 1 ? this.config.alpha : 1;
      for (let a = 0; a < S; a++) {
        throwIfAborted(options.signal, 'fit');
        let sum = 0;
        for (let b = a + 1; b < S; b++) {
          const v = gromovWassersteinDistance(train[a], train[b], { structure: this.config.structure, alpha, maxIter: this.config.innerMaxIter }).value;
          dist[a * S + b] = dist[b * S + a] = v;
          sum += v;
        }
        options.onProgress?.({ type: 'step', epoch: 0, step: a + 1, loss: sum / Math.max(1, S - a - 1) });
        await Promise.resolve();
      }
    }
    const neighbors: number[][] = [];
    for (let a = 0; a < S; a++) {
      const others = Array.from({ length: S }, (_, b) => b).filter((b) => b !== a);
      if (this.config.neighbors !== 'random') others.sort((x, y) => dist[a * S + x] - dist[a * S + y] || x - y);
      neighbors.push(others.slice(0, MAX_NEIGHBORS));
    }
    this.state = { graphs: [...train], prior: NodeCountPrior.fromGraphs(train), neighbors };
    const elapsedMs = Date.now() - started;
    options.onProgress?.({ type: 'epoch', epoch: 1, epochs: 1, loss: 0, elapsedMs });
    return { epochs: 1, steps: 0, losses: [], skippedSteps: 0, validation: [], resumedFromEpoch: 0, elapsedMs };
  }

  /**
   * Draws `count` barycenter graphs (see the class description). `steps` is ignored (the outer
   * iteration budget is `config.maxIter`); `onProgress` reports every barycenter iteration
   * (`step` of `steps = maxIter`); `signal` cancels between inner solves.
   *
   * @throws `InputError` before fit/load, for a bad count or node counts (each >= 1)
   * @throws `AbortedError` when `options.signal` fires
   */
  async sample(count: number, options: SampleOptions): Promise<Graph[]> {
    const st = this.state;
    if (st === undefined) throw InputError.invalid('this', 'a fitted or loaded generator (call fit or load first)', 'an unfitted generator');
    assertInteger(count, 'count', { min: 0 });
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const rng = options.rng;
    if (options.nodeCounts !== undefined) {
      if (options.nodeCounts.length !== count) throw InputError.invalid('options.nodeCounts', `${count} node counts`, `${options.nodeCounts.length}`);
      for (let i = 0; i < count; i++) assertInteger(options.nodeCounts[i], `options.nodeCounts[${i}]`, { min: 1, max: 4096 });
    }
    const c = this.config;
    const S = st.graphs.length;
    const out: Graph[] = [];
    for (let k = 0; k < count; k++) {
      throwIfAborted(options.signal, 'sampling');
      const anchor = rng.int(0, S);
      const n = options.nodeCounts?.[k] ?? st.graphs[anchor].n;
      const pool = c.neighbors === 'random' ? rng.shuffled(st.neighbors[anchor]) : st.neighbors[anchor];
      const members = [anchor, ...pool.slice(0, Math.min(c.k, S) - 1)];
      const refs = members.map((s) => st.graphs[s]);
      const weights = dirichlet(new Float64Array(refs.length).fill(c.concentration), rng);
      const bary = graphBarycenter(refs, weights, {
        rng,
        nodes: n,
        structure: c.structure,
        nodeClasses: c.nodeClasses,
        alpha: c.alpha,
        maxIter: c.maxIter,
        innerMaxIter: c.innerMaxIter,
        nInit: c.nInit,
        signal: options.signal,
        onProgress: (e) => options.onProgress?.({ done: k, total: count, step: e.iteration, steps: c.maxIter }),
      });
      let edges: number | undefined;
      if (c.edges === 'density') {
        let rho = 0;
        refs.forEach((g, s) => (rho += bary.weights[s] * (g.n > 1 ? g.numEdges / ((g.n * (g.n - 1)) / 2) : 0)));
        edges = Math.min((n * (n - 1)) / 2, Math.round((rho * n * (n - 1)) / 2));
      }
      out.push(decodeBarycenter(bary, { edges }));
      await Promise.resolve();
    }
    options.onProgress?.({ done: count, total: count, step: c.maxIter, steps: c.maxIter });
    return out;
  }

  /** Writes `dir/generator.json` (config, reference graphs, prior, neighbour index) atomically. @throws `InputError` before fit, `IoError` on write errors */
  async save(dir: string): Promise<void> {
    const st = this.state;
    if (st === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    const state: GwBarycenterState = { graphs: st.graphs.map((g) => g.toJSON()), nodeCountPrior: st.prior.getConfig(), neighbors: st.neighbors };
    await writeGeneratorDir(dir, this.kind, this.config, state, { compact: true });
  }

  /** Restores a model written by {@link GwBarycenter.save}. @throws `IoError` / `FormatError` for missing or malformed files */
  async load(dir: string): Promise<void> {
    const file = await readGeneratorFile(dir);
    const st = file.state as GwBarycenterState;
    if (file.kind !== this.kind || !Array.isArray(st?.graphs) || st.graphs.length === 0 || !Array.isArray(st.neighbors) || st.neighbors.length !== st.graphs.length) {
      throw new FormatError(`"${join(dir, 'generator.json')}": expected a saved gw-barycenter model`, { argument: 'dir' });
    }
    let graphs: Graph[];
    try {
      graphs = st.graphs.map((g) => Graph.fromJSON(g));
    } catch (err) {
      throw new FormatError(`"${join(dir, 'generator.json')}": invalid reference graph: ${(err as Error).message}`, { argument: 'dir', cause: err });
    }
    this.state = { graphs, prior: NodeCountPrior.fromConfig(st.nodeCountPrior), neighbors: st.neighbors.map((l) => l.slice()) };
  }

  /** Nothing to free (no tensors). */
  dispose(): void {}
}

