import type { Graph } from '../graph/Graph.js';
import { checkGraph, checkOrder } from './denseOps.js';

/** Options of {@link degreeMoments}. */
export interface DegreeMomentsOptions {
  /** Highest moment order P. @default 4 */
  maxOrder?: number;
}

/**
 * Raw degree moments `μ_p = (1/n) Σ_i d_i^p` for p = 1..P (0 for the empty graph). Invariant
 * under relabelling; equal for graphs with the same degree sequence (e.g. all d-regular graphs
 * on n nodes, such as K_{3,3} and the triangular prism).
 *
 * @param graph - the graph
 * @param options - see {@link DegreeMomentsOptions}
 * @returns `[μ_1, …, μ_P]`
 * @throws `InputError` for a non-Graph or `maxOrder` outside [1, 16]
 *
 * @example
 * ```ts
 * degreeMoments(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), { maxOrder: 2 }); // [4/3, 2]
 * ```
 */
export function degreeMoments(graph: Graph, options: DegreeMomentsOptions = {}): Float64Array {
  checkGraph(graph);
  const p = options.maxOrder ?? 4;
  checkOrder(p, 'options.maxOrder', 1, 16);
  const out = new Float64Array(p);
  const n = graph.n;
  if (n === 0) return out;
  for (let v = 0; v < n; v++) {
    const d = graph.degree(v);
    let pw = 1;
    for (let k = 0; k < p; k++) {
      pw *= d;
      out[k] += pw;
    }
  }
  for (let k = 0; k < p; k++) out[k] /= n;
  return out;
}
