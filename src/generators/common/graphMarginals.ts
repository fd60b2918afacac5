import { InputError, describeValue } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';

/** Result of {@link graphMarginals}. */
export interface GraphMarginalsResult {
  /** Frequency of each node class over all nodes, `[dx]`, sums to 1. */
  x: Float64Array;
  /** Frequency of each edge class over all unordered pairs of distinct nodes (class 0 = no edge), `[de]`, sums to 1. */
  e: Float64Array;
}

/**
 * Class marginals of a training set: the limit distribution `m` of DiGress's marginal
 * transitions and the default prior of DeFoG.
 *
 * @param graphs - training graphs (at least one with two nodes)
 * @param nodeClasses - dx
 * @param edgeClasses - de (including class 0)
 * @returns node and edge class frequencies
 * @throws `InputError` for an empty list, labels outside the classes, or no node pairs at all
 *
 * @example
 * ```ts
 * const m = graphMarginals(train, 1, 2); // m.e[1] = edge density
 * ```
 */
export function graphMarginals(graphs: readonly Graph[], nodeClasses: number, edgeClasses: number): GraphMarginalsResult {
  if (!Array.isArray(graphs) || graphs.length === 0) throw InputError.invalid('graphs', 'a non-empty array of Graph', describeValue(graphs));
  const x = new Float64Array(nodeClasses);
  const e = new Float64Array(edgeClasses);
  let nodes = 0;
  let pairs = 0;
  graphs.forEach((g, b) => {
    for (let v = 0; v < g.n; v++) {
      const c = g.nodeLabel(v);
      if (c >= nodeClasses) throw InputError.invalid(`graphs[${b}] node ${v} label`, `a class < ${nodeClasses}`, String(c));
      x[c] += 1;
    }
    nodes += g.n;
    const p = (g.n * (g.n - 1)) / 2;
    pairs += p;
    let edges = 0;
    g.forEachEdge((_u: number, _v: number, label: number) => {
      if (label >= edgeClasses) throw InputError.invalid(`graphs[${b}] edge label`, `a class < ${edgeClasses}`, String(label));
      e[label] += 1;
      edges++;
    });
    e[0] += p - edges;
  });
  if (nodes === 0 || pairs === 0) throw InputError.invalid('graphs', 'at least one graph with two nodes', `${nodes} nodes`);
  for (let i = 0; i < nodeClasses; i++) x[i] /= nodes;
  for (let i = 0; i < edgeClasses; i++) e[i] /= pairs;
  return { x, e };
}
