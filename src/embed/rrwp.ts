import type { Graph } from '../graph/Graph.js';
import { checkGraph, checkOrder, matmulSquare } from './denseOps.js';

/** Options of {@link rrwp}. */
export interface RrwpOptions {
  /** Number of random-walk steps K (powers 0..K−1). @default 8 */
  steps?: number;
}

/** Result of {@link rrwp}. */
export interface RrwpResult {
  /** Pair features `[n, n, K]`, row-major: `(M^k)_ij` for k = 0..K−1. */
  pairs: Float64Array;
  /** Node features `[n, K]`: the diagonal `(M^k)_ii` (return probabilities). */
  nodes: Float64Array;
}

/**
 * Relative random-walk probabilities (RRWP; Ma et al. 2023, GRIT), the default structural
 * encoding of DeFoG (Qin et al. 2025): with `M = D^{-1} A` the random-walk matrix (rows of
 * isolated nodes are zero), the pair feature of (i, j) is `[I_ij, M_ij, (M²)_ij, …, (M^{K−1})_ij]`
 * and the node feature is its diagonal. Equivariant: relabelling permutes rows and columns.
 *
 * @param graph - the graph (labels ignored)
 * @param options - see {@link RrwpOptions}
 * @returns pair and node features
 * @throws `InputError` for a non-Graph or `steps` outside [1, 64]
 *
 * @example
 * ```ts
 * const { nodes } = rrwp(graph, { steps: 4 }); // [n, 4]
 * ```
 */
export function rrwp(graph: Graph, options: RrwpOptions = {}): RrwpResult {
  checkGraph(graph);
  const steps = options.steps ?? 8;
  checkOrder(steps, 'options.steps', 1, 64);
  const n = graph.n;
  const a = graph.adjacency().data;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const d = graph.degree(i);
    if (d > 0) for (let j = 0; j < n; j++) m[i * n + j] = a[i * n + j] / d;
  }
  const pairs = new Float64Array(n * n * steps);
  const nodes = new Float64Array(n * steps);
  let p: Float64Array = new Float64Array(n * n);
  for (let i = 0; i < n; i++) p[i * n + i] = 1;
  let tmp: Float64Array = new Float64Array(n * n);
  for (let k = 0; k < steps; k++) {
    if (k > 0) {
      tmp = matmulSquare(p, m, n, tmp);
      [p, tmp] = [tmp, p];
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) pairs[(i * n + j) * steps + k] = p[i * n + j];
      nodes[i * steps + k] = p[i * n + i];
    }
  }
  return { pairs, nodes };
}
