import type { Graph } from '../graph/Graph.js';
import { checkGraph, checkOrder, matmulSquare } from './denseOps.js';

/** Options of {@link powerSums} and {@link walkSums}. */
export interface PowerSumsOptions {
  /** Largest power K. @default 6 */
  maxK?: number;
}

/**
 * Power-sum invariants of the adjacency matrix, `p_k = tr(A^k) = Σ_i λ_i^k` for k = 1..K: the
 * number of closed walks of length k, i.e. homomorphism counts of the k-cycle. They are
 * permutation-invariant (`tr(P A Pᵀ)^k = tr A^k`) and determine the adjacency spectrum for
 * K ≥ n (Newton's identities), so they cannot separate adjacency-cospectral graphs, e.g. the
 * star K_{1,4} and C4 ∪ K1 (both with spectrum {±2, 0, 0, 0}).
 *
 * Exact in float64 for counts below 2^53.
 *
 * @param graph - the graph (edge labels ignored)
 * @param options - see {@link PowerSumsOptions}
 * @returns `[p_1, …, p_K]` (`p_1 = 0`, `p_2 = 2|E|`, `p_3 = 6·#triangles`)
 * @throws `InputError` for a non-Graph or `maxK` outside [1, 64]
 *
 * @example
 * ```ts
 * powerSums(Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]]), { maxK: 3 }); // [0, 6, 6]
 * ```
 */
export function powerSums(graph: Graph, options: PowerSumsOptions = {}): Float64Array {
  checkGraph(graph);
  const maxK = options.maxK ?? 6;
  checkOrder(maxK, 'options.maxK', 1, 64);
  const n = graph.n;
  const a = graph.adjacency().data;
  const out = new Float64Array(maxK);
  let p: Float64Array = a.slice();
  let tmp: Float64Array = new Float64Array(n * n);
  for (let k = 1; k <= maxK; k++) {
    if (k > 1) {
      tmp = matmulSquare(p, a, n, tmp);
      [p, tmp] = [tmp, p];
    }
    let tr = 0;
    for (let i = 0; i < n; i++) tr += p[i * n + i];
    out[k - 1] = tr;
  }
  return out;
}
