import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { mix, wlColors } from './wlColors.js';

/** Options of {@link wlHash}. */
export interface WlHashOptions {
  /** WL refinement rounds. @default 3 */
  iterations?: number;
  /** Include node labels. @default true */
  nodeLabels?: boolean;
  /** Include edge labels. @default true */
  edgeLabels?: boolean;
}

/**
 * A Weisfeiler-Lehman graph hash (Shervashidze et al. 2011): the sorted multisets of
 * {@link wlColors} colours of every round, hashed into 16 hex digits, with n and m. Isomorphic
 * graphs always get the same hash; different hashes prove non-isomorphism; equal hashes do not
 * prove isomorphism (1-WL cannot separate, e.g., regular graphs of equal degree and size).
 * Canonical within graphgen (stable across runs and platforms), not equal to networkx's
 * `weisfeiler_lehman_graph_hash` strings.
 *
 * @param graph - any graph
 * @param options - rounds and label use
 * @returns a 16-character hex string
 * @throws `InputError` when `graph` is not a Graph or `iterations` is invalid
 *
 * @example
 * ```ts
 * wlHash(Graph.fromEdgeList(3, [[0, 1], [1, 2]])) === wlHash(Graph.fromEdgeList(3, [[0, 2], [2, 1]])); // true
 * ```
 */
export function wlHash(graph: Graph, options: WlHashOptions = {}): string {
  checkGraph(graph, 'graph');
  const { rounds } = wlColors(graph, { iterations: options.iterations ?? 3, nodeLabels: options.nodeLabels, edgeLabels: options.edgeLabels });
  let h = mix(mix(0x9e37, graph.n), graph.numEdges);
  for (const r of rounds) {
    const sorted = Float64Array.from(r).sort();
    for (let i = 0; i < sorted.length; i++) h = mix(mix(h, sorted[i] % 4294967296), Math.floor(sorted[i] / 4294967296));
    h = mix(h, 0x5eed);
  }
  return h.toString(16).padStart(14, '0').padStart(16, '0');
}
