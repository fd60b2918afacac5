import type { Rng } from '../../../src/core/rng.js';
import { Graph } from '../../../src/graph/Graph.js';

/** G(n, p) from `rng`. */
export function gnp(n: number, p: number, rng: Rng): Graph {
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < p) edges.push([i, j]);
  return Graph.fromEdgeList(n, edges);
}

/** Cycles and paths on 4..7 nodes (two clear modes); the Generators I toy set. */
export { toyGraphs as cyclesAndPaths } from '../helpers.js';

/** Stable text key of a list of graphs (node order included). */
export const key = (gs: readonly Graph[]) => gs.map((g) => `${g.n}:${g.edges().join(';')}:${Array.from(g.nodeLabels()).join(',')}`).join('|');
