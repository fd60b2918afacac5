import type { Graph } from '../../graph/Graph.js';
import { cycleCounts as embedCycleCounts, type CycleCountsOptions, type CycleCountsResult } from '../../embed/cycleCounts.js';

export type { CycleCountsOptions, CycleCountsResult };

/**
 * Exact counts of simple cycles of length k = 3..maxK (default 6), per node and per graph: the
 * cycle statistics of DiGress (Vignac et al. 2023), which uses k = 3..5 per node and 3..6 per
 * graph. This is the implementation of graphgen/embed (one depth-first enumeration per cycle
 * from its smallest node, O(n d^(maxK-1))), re-exported here so that the evaluation and the
 * model features share one code path.
 *
 * @param graph - any graph (labels ignored)
 * @param options - the longest length `maxK` (3..10)
 * @returns `lengths`, `perNode[k - 3][v]` and `perGraph[k - 3]`
 * @throws `InputError` for a non-Graph or `maxK` outside [3, 10]
 *
 * @example
 * ```ts
 * cycleCounts(Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3], [3, 0]])).perGraph; // [0, 1, 0, 0]
 * ```
 */
export function cycleCounts(graph: Graph, options: CycleCountsOptions = {}): CycleCountsResult {
  return embedCycleCounts(graph, options);
}
