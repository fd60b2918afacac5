import type { Graph } from '../graph/Graph.js';
import { checkGraph, checkOrder } from './denseOps.js';
import type { PowerSumsOptions } from './powerSums.js';

/**
 * Walk sums `w_k = 1ᵀ A^k 1` for k = 1..K: the number of (not necessarily closed) walks with k
 * edges, homomorphism counts of the path with k edges. `w_1 = 2|E|`, `w_2 = Σ_i d_i²`.
 * Permutation-invariant; they separate K_{1,4} from C4 ∪ K1 (which power sums cannot), but
 * not graphs with equal walk generating functions (e.g. any two d-regular graphs on n nodes).
 *
 * Computed by K matrix-vector products, O(K·(n + |E|)).
 *
 * @param graph - the graph (edge labels ignored)
 * @param options - `maxK` (default 6, at most 64)
 * @returns `[w_1, …, w_K]`
 * @throws `InputError` for a non-Graph or `maxK` outside [1, 64]
 *
 * @example
 * ```ts
 * walkSums(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), { maxK: 2 }); // [4, 6]
 * ```
 */
export function walkSums(graph: Graph, options: PowerSumsOptions = {}): Float64Array {
  checkGraph(graph);
  const maxK = options.maxK ?? 6;
  checkOrder(maxK, 'options.maxK', 1, 64);
  const n = graph.n;
  let v = new Float64Array(n).fill(1);
  const out = new Float64Array(maxK);
  for (let k = 1; k <= maxK; k++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const nb = graph.neighbors(i);
      let s = 0;
      for (let t = 0; t < nb.length; t++) s += v[nb[t]];
      next[i] = s;
    }
    v = next;
    let tot = 0;
    for (let i = 0; i < n; i++) tot += v[i];
    out[k - 1] = tot;
  }
  return out;
}
