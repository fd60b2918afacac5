import { assertFinite, assertInteger } from '../../core/assert.js';
import { InputError, describeValue } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';
import type { GraphBarycenterResult } from './graphBarycenter.js';

/** Options of {@link decodeBarycenter}. */
export interface DecodeBarycenterOptions {
  /** Keep exactly this many edges (the highest edge frequencies; ties by node index). @default threshold rule */
  edges?: number;
  /** Without `edges`: keep the pairs whose edge frequency is at least this. @default 0.5 */
  threshold?: number;
}

/**
 * Decodes a barycenter from `graphBarycenter` into a simple graph on its N nodes: the edge
 * frequency of a pair is `f_ij = Σ_c edgeScores[c][i][j]` (the adjacency of the inputs
 * transported with the couplings, `N² Σ_s λ_s T_s A_s T_sᵀ`, in [0, 1]); the pairs i < j with
 * the largest frequencies become edges (`edges` of them, or those with `f_ij >= threshold`),
 * each with its most frequent edge class; every node takes its most likely class in `X`.
 * The result is symmetric by construction.
 *
 * @param bary - a barycenter (N nodes)
 * @param options - edge count or threshold
 * @returns a graph on N nodes
 * @throws `InputError` for an edge count outside 0..N(N-1)/2 or a threshold outside [0, 1]
 *
 * @example
 * ```ts
 * const g = decodeBarycenter(graphBarycenter([g1, g2], [0.5, 0.5], { rng: createRng(0) }), { edges: 30 });
 * ```
 */
export function decodeBarycenter(bary: GraphBarycenterResult, options: DecodeBarycenterOptions = {}): Graph {
  if (bary === null || typeof bary !== 'object' || !Array.isArray(bary.edgeScores)) throw InputError.invalid('bary', 'a graphBarycenter result', describeValue(bary));
  const N = bary.C.rows;
  const pairs = (N * (N - 1)) / 2;
  const freq = new Float64Array(N * N);
  for (const m of bary.edgeScores) for (let k = 0; k < freq.length; k++) freq[k] += m.data[k];
  const cand: number[] = [];
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) cand.push(i * N + j);
  let keep: number[];
  if (options.edges !== undefined) {
    assertInteger(options.edges, 'options.edges', { min: 0, max: pairs });
    cand.sort((a, b) => freq[b] - freq[a] || a - b);
    keep = cand.slice(0, options.edges);
  } else {
    const threshold = options.threshold ?? 0.5;
    assertFinite(threshold, 'options.threshold', { min: 0, max: 1 });
    keep = cand.filter((k) => freq[k] >= threshold && freq[k] > 0);
  }
  keep.sort((a, b) => a - b);
  const edges: [number, number][] = keep.map((k) => [Math.floor(k / N), k % N]);
  const edgeLabels = keep.map((k) => {
    let best = 0;
    for (let c = 1; c < bary.edgeScores.length; c++) if (bary.edgeScores[c].data[k] > bary.edgeScores[best].data[k]) best = c;
    return best + 1;
  });
  const dx = bary.X.cols;
  const nodeLabels = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    let best = 0;
    for (let c = 1; c < dx; c++) if (bary.X.data[i * dx + c] > bary.X.data[i * dx + best]) best = c;
    nodeLabels[i] = best;
  }
  // labels are attached only when there is more than one class (an unlabelled result stays unlabelled)
  return Graph.fromEdgeList(N, edges, { nodeLabels: dx > 1 ? nodeLabels : undefined, edgeLabels: bary.edgeScores.length > 1 ? edgeLabels : undefined });
}
