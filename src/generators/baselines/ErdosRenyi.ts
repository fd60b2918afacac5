import { assertInteger } from '../../core/assert.js';
import { FormatError, InputError, throwIfAborted } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';
import { checkGraphs, readGeneratorFile } from '../common/DenoisingGenerator.js';
import type { FitOptions, FitResult, GraphGenerator, SampleOptions } from '../common/GraphGenerator.js';
import { NodeCountPrior, type NodeCountPriorConfig } from '../common/NodeCountPrior.js';
import { writeGeneratorDir } from '../common/writeGeneratorDir.js';

/** Fitted state of {@link ErdosRenyi}. */
export interface ErdosRenyiState {
  /** Edge probability p. */
  p: number;
  /** Node-count prior. */
  nodeCountPrior: NodeCountPriorConfig;
}

/**
 * The Erdős–Rényi baseline G(n, p): n from the training node-count distribution, each pair an
 * edge independently with the training density `p = Σ m_g / Σ n_g (n_g − 1) / 2`. Unlabelled
 * output. Every evaluation report lists it beside the learned models.
 *
 * @example
 * ```ts
 * const er = new ErdosRenyi();
 * await er.fit(train, { rng: createRng(0) });
 * const graphs = await er.sample(20, { rng: createRng(1) });
 * ```
 */
export class ErdosRenyi implements GraphGenerator {
  readonly kind = 'erdos-renyi' as const;
  private state: { p: number; prior: NodeCountPrior } | undefined;

  /** The fitted edge probability (undefined before fit). */
  get p(): number | undefined {
    return this.state?.p;
  }

  /** Fits p and the node-count prior. @throws `InputError` for an empty set or no node pairs */
  async fit(train: readonly Graph[], _options?: Partial<FitOptions>): Promise<FitResult> {
    const started = Date.now();
    checkGraphs(train, 'train');
    let m = 0;
    let pairs = 0;
    for (const g of train) {
      m += g.numEdges;
      pairs += (g.n * (g.n - 1)) / 2;
    }
    if (pairs === 0) throw InputError.invalid('train', 'graphs with at least one node pair', '0 pairs');
    this.state = { p: m / pairs, prior: NodeCountPrior.fromGraphs(train) };
    return { epochs: 1, steps: 0, losses: [], skippedSteps: 0, validation: [], resumedFromEpoch: 0, elapsedMs: Date.now() - started };
  }

  /** Draws `count` G(n, p) graphs. @throws `InputError` before fit or for bad options */
  async sample(count: number, options: SampleOptions): Promise<Graph[]> {
    const s = this.state;
    if (s === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    assertInteger(count, 'count', { min: 0 });
    if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
    const ns = resolveCounts(count, options, s.prior);
    const out: Graph[] = [];
    for (let k = 0; k < count; k++) {
      throwIfAborted(options.signal, 'sampling');
      const n = ns[k];
      const edges: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (options.rng.uniform() < s.p) edges.push([i, j]);
      out.push(Graph.fromEdgeList(n, edges));
    }
    return out;
  }

  /** Writes `dir/generator.json`. @throws `InputError` before fit, `IoError` on write errors */
  async save(dir: string): Promise<void> {
    const s = this.state;
    if (s === undefined) throw InputError.invalid('this', 'a fitted generator (call fit first)', 'an unfitted generator');
    const state: ErdosRenyiState = { p: s.p, nodeCountPrior: s.prior.getConfig() };
    await writeGeneratorDir(dir, this.kind, {}, state);
  }

  /** Restores a model written by {@link ErdosRenyi.save}. @throws `FormatError` for another kind or bad state */
  async load(dir: string): Promise<void> {
    const file = await readGeneratorFile(dir);
    const st = file.state as ErdosRenyiState;
    if (file.kind !== this.kind || !(st?.p >= 0 && st.p <= 1)) throw new FormatError(`"${dir}": expected a saved erdos-renyi model`, { argument: 'dir' });
    this.state = { p: st.p, prior: NodeCountPrior.fromConfig(st.nodeCountPrior) };
  }

  dispose(): void {}
}

/** Node counts from `options.nodeCounts` or the prior. @throws `InputError` for a length mismatch */
export function resolveCounts(count: number, options: SampleOptions, prior: NodeCountPrior): Int32Array {
  if (options.nodeCounts === undefined) return prior.sample(count, options.rng);
  if (options.nodeCounts.length !== count) throw InputError.invalid('options.nodeCounts', `${count} node counts`, `${options.nodeCounts.length}`);
  for (let i = 0; i < count; i++) assertInteger(options.nodeCounts[i], `options.nodeCounts[${i}]`, { min: 0, max: 1 << 20 });
  return Int32Array.from(options.nodeCounts);
}
