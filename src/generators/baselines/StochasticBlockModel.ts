import { assertInteger } from '../../core/assert.js';
import { FormatError, InputError, throwIfAborted } from '../../core/errors.js';
import { createRng, type Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';
import { checkGraphs, readGeneratorFile } from '../common/DenoisingGenerator.js';
import type { FitOptions, FitResult, GraphGenerator, SampleOptions } from '../common/GraphGenerator.js';
import { NodeCountPrior, type NodeCountPriorConfig } from '../common/NodeCountPrior.js';
import { resolveCounts } from './ErdosRenyi.js';
import { writeGeneratorDir } from '../common/writeGeneratorDir.js';

/** Fitted state of {@link StochasticBlockModel}. */
export interface StochasticBlockModelState {
  /** Within-block edge probability. */
  pIn: number;
  /** Between-block edge probability. */
  pOut: number;
  /** Block-size profiles of the training graphs, as fractions of n (each sums to 1). */
  profiles: number[][];
  /** Node-count prior. */
  nodeCountPrior: NodeCountPriorConfig;
}

/**
 * A fitted stochastic block model baseline. Fit: each training graph is partitioned by
 * seeded asynchronous label propagation (Raghavan et al. 2007; communities of one node are
 * merged into their best-connected neighbour block), which gives its block-size profile; the
 * within- and between-block probabilities are pooled over the training set,
 * `p_in = Σ e_kk / Σ n_k (n_k − 1) / 2` and `p_out = Σ e_kl / Σ n_k n_l`. Sample: n from the
 * node-count prior, a random training profile scaled to n, then independent edges. A cheap
 * two-parameter baseline (graph-tool's minimum-description-length fit is not reproduced).
 *
 * @example
 * ```ts
 * const sbm = new StochasticBlockModel();
 * await sbm.fit(train, { rng: createRng(0) });
 * const graphs = await sbm.sample(20, { rng: createRng(1) });
 * ```
 */
export class StochasticBlockModel implements GraphGenerator {
  readonly kind = 'sbm' as const;
  private state: { pIn: number; pOut: number; profiles: number[][]; prior: NodeCountPrior } | undefined;

  /** The fitted parameters (undefined before fit). */
  get parameters(): { pIn: number; pOut: number; profiles: number[][] } | undefined {
    return this.state && { pIn: this.state.pIn, pOut: this.state.pOut, profiles: this.state.profiles.map((p) => [...p]) };
  }

  /** Fits block profiles and probabilities; `options.rng` seeds label propagation. @throws `InputError` for an empty set */
  async fit(train: readonly Graph[], options?: Partial<FitOptions>): Promise<FitResult> {
    const started = Date.now();
    checkGraphs(train, 'train');
    const rng = options?.rng ?? createRng('sbm-fit');
    let eIn = 0;
    let pairsIn = 0;
    let eOut = 0;
    let pairsOut = 0;
    const profiles: number[][] = [];
    for (const g of train) {
      throwIfAborted(options?.signal, 'fit');
      if (g.n === 0) continue;
      const blocks = labelPropagation(g, rng);
      const k = Math.max(...blocks) + 1;
      const sizes = new Array<number>(k).fill(0);
      for (const b of blocks) sizes[b]++;
      profiles.push(sizes.map((s) => s / g.n));
      let within = 0;
      g.forEachEdge((u: number, v: number) => {
        if (blocks[u] === blocks[v]) within++;
      });
      const pin = sizes.reduce((a, s) => a + (s * (s - 1)) / 2, 0);
      eIn += within;
      pairsIn += pin;
      eOut += g.numEdges - within;
      pairsOut += (g.n * (g.n - 1)) / 2 - pin;
    }
    if (profiles.length === 0) throw InputError.invalid('train', 'at least one non-empty graph', 'only empty graphs');
    this.state = { pIn: pairsIn > 0 ? eIn / pairsIn : 0, pOut: pairsOut > 0 ? eOut / pairsOut : 0, profiles, prior: NodeCountPrior.fromGraphs(train) };
    return { epochs: 1, steps: 0, losses: [], skippedSteps: 0, validation: [], resumedFromEpoch: 0, elapsedMs: Date.now() - started };
  }

  /** Draws `count` graphs. @throws `InputError` before fit or for bad options */
  async sample(count: number, options: SampleOptions): Promise<Graph[]> {
    const s = this.state;
    if (s === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    assertInteger(count, 'count', { min: 0 });
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const rng = options.rng;
    const ns = resolveCounts(count, options, s.prior);
    const out: Graph[] = [];
    for (let c = 0; c < count; c++) {
      throwIfAborted(options.signal, 'sampling');
      const n = ns[c];
      const profile = s.profiles[rng.int(0, s.profiles.length)];
      const block = new Int32Array(n);
      let acc = 0;
      let v = 0;
      profile.forEach((f, b) => {
        acc += f;
        const end = b === profile.length - 1 ? n : Math.round(acc * n);
        for (; v < end; v++) block[v] = b;
      });
      const edges: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < (block[i] === block[j] ? s.pIn : s.pOut)) edges.push([i, j]);
      out.push(Graph.fromEdgeList(n, edges));
    }
    return out;
  }

  /** Writes `dir/generator.json`. @throws `InputError` before fit, `IoError` on write errors */
  async save(dir: string): Promise<void> {
    const s = this.state;
    if (s === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    const state: StochasticBlockModelState = { pIn: s.pIn, pOut: s.pOut, profiles: s.profiles, nodeCountPrior: s.prior.getConfig() };
    await writeGeneratorDir(dir, this.kind, {}, state);
  }

  /** Restores a model written by {@link StochasticBlockModel.save}. @throws `FormatError` for another kind or bad state */
  async load(dir: string): Promise<void> {
    const file = await readGeneratorFile(dir);
    const st = file.state as StochasticBlockModelState;
    if (file.kind !== this.kind || !Array.isArray(st?.profiles) || st.profiles.length === 0) throw new FormatError(`"${dir}": expected a saved sbm model`, { argument: 'dir' });
    this.state = { pIn: st.pIn, pOut: st.pOut, profiles: st.profiles, prior: NodeCountPrior.fromConfig(st.nodeCountPrior) };
  }

  dispose(): void {}
}

/** Seeded asynchronous label propagation; returns block ids 0..k-1 per node. */
function labelPropagation(g: Graph, rng: Rng): Int32Array {
  const n = g.n;
  const label = Int32Array.from({ length: n }, (_, i) => i);
  const count = new Map<number, number>();
  for (let sweep = 0; sweep < 50; sweep++) {
    let changed = false;
    for (const v of rng.permutation(n)) {
      const nb = g.neighbors(v);
      if (nb.length === 0) continue;
      count.clear();
      let best = -1;
      for (let k = 0; k < nb.length; k++) {
        const l = label[nb[k]];
        const c = (count.get(l) ?? 0) + 1;
        count.set(l, c);
        if (c > best) best = c;
      }
      const ties = [...count.entries()].filter(([, c]) => c === best).map(([l]) => l).sort((a, b) => a - b);
      if (ties.includes(label[v])) continue;
      label[v] = ties[rng.int(0, ties.length)];
      changed = true;
    }
    if (!changed) break;
  }
  // Merge singleton communities into the neighbour block they share most edges with.
  const size = new Map<number, number>();
  for (const l of label) size.set(l, (size.get(l) ?? 0) + 1);
  for (let v = 0; v < n; v++) {
    if (size.get(label[v]) !== 1 || g.degree(v) === 0) continue;
    const nb = g.neighbors(v);
    const target = label[nb[0]];
    size.set(label[v], 0);
    label[v] = target;
    size.set(target, (size.get(target) ?? 0) + 1);
  }
  const remap = new Map<number, number>();
  return label.map((l) => {
    if (!remap.has(l)) remap.set(l, remap.size);
    return remap.get(l)!;
  });
}
