import type { Graph } from '../graph/Graph.js';
import { checkGraph, checkOrder } from './denseOps.js';

/** Options of {@link cycleCounts}. */
export interface CycleCountsOptions {
  /** Longest cycle length counted (lengths 3..maxK). @default 6 */
  maxK?: number;
}

/** Result of {@link cycleCounts}. */
export interface CycleCountsResult {
  /** Lengths counted, `[3, …, maxK]`. */
  lengths: number[];
  /** `perNode[k - 3][v]`: number of simple k-cycles through node v. */
  perNode: Float64Array[];
  /** `perGraph[k - 3]`: number of simple k-cycles in the graph. */
  perGraph: Float64Array;
}

/**
 * Exact counts of simple cycles of length k = 3..maxK, per node and per graph (the cycle
 * "extra features" of DiGress, Vignac et al. 2023, which uses k = 3..5 per node and 3..6 per
 * graph; here all are exact for every k).
 *
 * Enumeration: every cycle is generated once per direction from its smallest node by a depth-
 * first search restricted to larger nodes, so the cost is O(n · Δ^(maxK−1)) with Δ the maximum
 * degree: meant for the sparse, small graphs of generative benchmarks. Counts are invariant
 * (per graph) and equivariant (per node) under relabelling.
 *
 * @param graph - the graph (labels ignored)
 * @param options - see {@link CycleCountsOptions}
 * @returns lengths, per-node and per-graph counts
 * @throws `InputError` for a non-Graph or `maxK` outside [3, 10]
 *
 * @example
 * ```ts
 * const { perGraph } = cycleCounts(Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3], [3, 0], [0, 2]]));
 * // perGraph = [2, 1, 0, 0]: two triangles, one 4-cycle
 * ```
 */
export function cycleCounts(graph: Graph, options: CycleCountsOptions = {}): CycleCountsResult {
  checkGraph(graph);
  const maxK = options.maxK ?? 6;
  checkOrder(maxK, 'options.maxK', 3, 10);
  const n = graph.n;
  const lengths = Array.from({ length: maxK - 2 }, (_, i) => i + 3);
  const perNode = lengths.map(() => new Float64Array(n));
  const perGraph = new Float64Array(lengths.length);
  const path = new Int32Array(maxK);
  const onPath = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    path[0] = s;
    onPath[s] = 1;
    const dfs = (depth: number): void => {
      // path[0..depth-1] is a simple path from s through nodes > s
      const last = path[depth - 1];
      const nb = graph.neighbors(last);
      for (let t = 0; t < nb.length; t++) {
        const w = nb[t];
        if (w === s && depth >= 3) {
          // closed a cycle of length `depth`; each is found twice (both directions)
          const k = depth - 3;
          perGraph[k] += 0.5;
          for (let q = 0; q < depth; q++) perNode[k][path[q]] += 0.5;
          continue;
        }
        if (w <= s || onPath[w] === 1 || depth >= maxK) continue;
        path[depth] = w;
        onPath[w] = 1;
        dfs(depth + 1);
        onPath[w] = 0;
      }
    };
    dfs(1);
    onPath[s] = 0;
  }
  return { lengths, perNode, perGraph };
}
