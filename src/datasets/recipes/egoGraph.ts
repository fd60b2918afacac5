import { InputError, describeValue } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';

/**
 * The radius-1 ego graph of `center`: the subgraph induced by `center` and its neighbours, as
 * networkx's `ego_graph(G, center, radius=1)`. Nodes keep their relative order in `graph` (node
 * ids ascending, the center among them), the convention of networkx's subgraphs.
 *
 * @param graph - the host graph
 * @param center - a node id of `graph`
 * @returns the induced subgraph on `1 + degree(center)` nodes (labels kept)
 * @throws `InputError` when `graph` is not a `Graph` or `center` is not a node of it
 *
 * @example
 * ```ts
 * egoGraph(Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3]]), 1).edges(); // [[0, 1], [1, 2]]
 * ```
 */
export function egoGraph(graph: Graph, center: number): Graph {
  if (!(graph instanceof Graph)) throw InputError.invalid('graph', 'a Graph', describeValue(graph));
  const nbrs = graph.neighbors(center); // validates center
  const nodes = [...Array.from(nbrs), center].sort((a, b) => a - b);
  const index = new Map(nodes.map((v, i) => [v, i]));
  const edges: [number, number][] = [];
  const labels: number[] = [];
  for (const u of nodes) {
    for (const w of Array.from(graph.neighbors(u))) {
      const j = index.get(w);
      if (j !== undefined && w > u) {
        edges.push([index.get(u) as number, j]);
        labels.push(graph.edgeLabel(u, w));
      }
    }
  }
  return Graph.fromEdgeList(nodes.length, edges, {
    nodeLabels: graph.hasNodeLabels ? nodes.map((v) => graph.nodeLabel(v)) : undefined,
    edgeLabels: graph.hasEdgeLabels ? labels : undefined,
  });
}
