import { InputError, describeValue } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { Graph } from '../../graph/Graph.js';

/** Serializable form of a {@link NodeCountPrior}. */
export interface NodeCountPriorConfig {
  /** `counts[n]` = number of training graphs with n nodes. */
  counts: number[];
}

/**
 * The distribution of the number of nodes, `P(n) = counts[n] / Σ counts`: the empirical
 * distribution of a training set (what DiGress and DeFoG sample before denoising), or given
 * counts. Generators draw n from it, then generate a graph on n nodes.
 *
 * @example
 * ```ts
 * const prior = NodeCountPrior.fromGraphs(train);
 * const ns = prior.sample(20, createRng(0)); // Int32Array of node counts
 * ```
 */
export class NodeCountPrior {
  /** `counts[n]`, a copy. */
  readonly counts: Float64Array;
  private readonly total: number;

  /** @throws `InputError` for negative, non-finite or all-zero counts */
  constructor(counts: ArrayLike<number>) {
    if (counts === null || counts === undefined || typeof counts.length !== 'number' || counts.length < 1) {
      throw InputError.invalid('counts', 'a non-empty array of counts', describeValue(counts));
    }
    let total = 0;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i];
      if (!(c >= 0) || !Number.isFinite(c)) throw InputError.invalid(`counts[${i}]`, 'a finite non-negative number', describeValue(c));
      total += c;
    }
    if (!(total > 0)) throw InputError.invalid('counts', 'at least one positive count', 'all zero');
    this.counts = Float64Array.from(counts);
    this.total = total;
  }

  /** The empirical prior of a set of graphs. @throws `InputError` for an empty list */
  static fromGraphs(graphs: readonly Graph[]): NodeCountPrior {
    if (!Array.isArray(graphs) || graphs.length === 0) throw InputError.invalid('graphs', 'a non-empty array of Graph', describeValue(graphs));
    let max = 0;
    for (const g of graphs) max = Math.max(max, g.n);
    const counts = new Float64Array(max + 1);
    for (const g of graphs) counts[g.n] += 1;
    return new NodeCountPrior(counts);
  }

  /** Rebuilds from {@link NodeCountPrior.getConfig}. */
  static fromConfig(config: NodeCountPriorConfig): NodeCountPrior {
    return new NodeCountPrior(config?.counts);
  }

  /** Serializable form. */
  getConfig(): NodeCountPriorConfig {
    return { counts: Array.from(this.counts) };
  }

  /** Largest node count with positive probability. */
  get maxNodes(): number {
    for (let n = this.counts.length - 1; n >= 0; n--) if (this.counts[n] > 0) return n;
    return 0;
  }

  /** `P(n)`. */
  probability(n: number): number {
    return n >= 0 && n < this.counts.length ? this.counts[n] / this.total : 0;
  }

  /**
   * Draws `count` node counts.
   * @throws `InputError` when `count` is not a non-negative integer
   */
  sample(count: number, rng: Rng): Int32Array {
    if (!Number.isInteger(count) || count < 0) throw InputError.invalid('count', 'a non-negative integer', describeValue(count));
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = rng.categorical(this.counts);
    return out;
  }
}
