/**
 * Exact unit edit cost of a node mapping (internal, shared by the exact and bipartite GED).
 *
 * @module
 * @internal
 */
import type { Graph } from '../../graph/Graph.js';

/** Label accessors honouring the options (labels ignored when disabled). */
export interface LabelView {
  node(g: Graph, v: number): number;
  edge(g: Graph, u: number, v: number): number; // 0 = no edge
}

/** Builds the label view. */
export function labelView(nodeLabels: boolean, edgeLabels: boolean): LabelView {
  return {
    node: (g, v) => (nodeLabels ? g.nodeLabel(v) : 0),
    edge: (g, u, v) => (edgeLabels ? g.edgeLabel(u, v) : g.hasEdge(u, v) ? 1 : 0),
  };
}

/**
 * Cost of the edit path induced by `map` (node i of a -> node map[i] of b, or -1 = deleted; nodes
 * of b not hit are inserted), with unit costs: node deletion / insertion 1, node substitution 1
 * when labels differ, edge deletion / insertion 1, edge substitution 1 when labels differ.
 */
export function mappingCost(a: Graph, b: Graph, map: Int32Array, L: LabelView): number {
  let cost = 0;
  const hit = new Uint8Array(b.n);
  for (let i = 0; i < a.n; i++) {
    const j = map[i];
    if (j < 0) cost += 1;
    else {
      hit[j] = 1;
      if (L.node(a, i) !== L.node(b, j)) cost += 1;
    }
  }
  for (let j = 0; j < b.n; j++) if (!hit[j]) cost += 1;
  a.forEachEdge((u, v) => {
    const mu = map[u];
    const mv = map[v];
    if (mu < 0 || mv < 0) cost += 1;
    else {
      const lb = L.edge(b, mu, mv);
      if (lb === 0) cost += 1;
      else if (lb !== L.edge(a, u, v)) cost += 1;
    }
  });
  const inv = new Int32Array(b.n).fill(-1);
  for (let i = 0; i < a.n; i++) if (map[i] >= 0) inv[map[i]] = i;
  b.forEachEdge((u, v) => {
    const iu = inv[u];
    const iv = inv[v];
    if (iu < 0 || iv < 0 || !a.hasEdge(iu, iv)) cost += 1;
  });
  return cost;
}
