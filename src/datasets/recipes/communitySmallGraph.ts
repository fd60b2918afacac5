import { assertFinite, assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';

/** Options of {@link communitySmallGraph}. */
export interface CommunitySmallGraphOptions {
  /** Smallest total node count drawn. @default 12 */
  minNodes?: number;
  /** Largest total node count drawn (inclusive). @default 20 */
  maxNodes?: number;
  /** Edge probability inside each community. @default 0.7 */
  pIntra?: number;
  /** The `p_inter` of GraphRNN/GDSS; a bridge has probability `pInter * 2 / ((2 - 1) * n)`. @default 0.05 */
  pInter?: number;
}

/** Result of {@link communitySmallGraph}. */
export interface CommunitySmallGraphResult {
  /** The graph: community 0 is nodes `0..c-1`, community 1 is nodes `c..2c-1`. */
  graph: Graph;
  /** Size `c` of each of the two communities. */
  communitySize: number;
  /** Number of bridge edges added (at least 1; between connected components of the union). */
  bridges: number;
}

/**
 * A two-community graph as in GraphRNN (You et al. 2018) and GDSS (Jo et al. 2022)'s
 * `community_small`: `n` uniform in `minNodes..maxNodes`, two communities of `c = floor(n / 2)`
 * nodes (so `2c` nodes in total, always even, as in the benchmark files), each an Erdős–Rényi
 * graph G(c, pIntra). Then, as in the reference code, for every pair of connected components of
 * the union (the two communities, or more when a G(c, 0.7) draw is itself disconnected), every
 * node pair across them becomes a bridge with probability `pInter * 2 / ((2 - 1) * 2c)`, and when
 * none was drawn their first (smallest) nodes are joined. So there is at least one bridge and the
 * graph is always connected (as all 100 benchmark graphs are).
 *
 * The two communities are drawn independently (the reference code seeds both with the same
 * networkx seed; the benchmark files do not show identical halves, so this was not copied).
 *
 * @param rng - random source (advanced)
 * @param options - size range and probabilities
 * @returns the graph, the community size and the number of bridges
 * @throws `InputError` for invalid ranges or probabilities
 *
 * @example
 * ```ts
 * const { graph, bridges } = communitySmallGraph(createRng(0));
 * graph.n % 2; // 0
 * ```
 *
 * @see J. You et al., "GraphRNN", ICML 2018; J. Jo, S. Lee, S. J. Hwang, "GDSS", ICML 2022.
 */
export function communitySmallGraph(rng: Rng, options: CommunitySmallGraphOptions = {}): CommunitySmallGraphResult {
  const { minNodes = 12, maxNodes = 20, pIntra = 0.7, pInter = 0.05 } = options;
  assertInteger(minNodes, 'options.minNodes', { min: 2 });
  assertInteger(maxNodes, 'options.maxNodes', { min: minNodes, max: 100_000 });
  assertFinite(pIntra, 'options.pIntra', { min: 0, max: 1 });
  assertFinite(pInter, 'options.pInter', { min: 0, max: 1 });
  const c = Math.floor(rng.int(minNodes, maxNodes + 1) / 2);
  const total = 2 * c;
  const edges: [number, number][] = [];
  for (const offset of [0, c]) {
    for (let u = 0; u < c; u++) for (let v = u + 1; v < c; v++) if (rng.uniform() < pIntra) edges.push([offset + u, offset + v]);
  }
  // As the reference code: bridges run between every pair of connected components of the
  // disjoint union (normally the two communities), each node pair with probability pBridge,
  // and the first nodes of two components are joined when no bridge was drawn between them.
  const components = componentsOf(total, edges);
  const pBridge = (pInter * 2) / ((2 - 1) * total);
  let bridges = 0;
  for (let i = 0; i < components.length; i++) {
    for (let j = i + 1; j < components.length; j++) {
      let any = false;
      for (const u of components[i]) {
        for (const v of components[j]) {
          if (rng.uniform() < pBridge) {
            edges.push([u, v]);
            any = true;
            bridges++;
          }
        }
      }
      if (!any) {
        edges.push([components[i][0], components[j][0]]);
        bridges++;
      }
    }
  }
  return { graph: Graph.fromEdgeList(total, edges), communitySize: c, bridges };
}

/** Connected components, each sorted ascending, ordered by their smallest node (networkx order). */
function componentsOf(n: number, edges: [number, number][]): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const [u, v] of edges) parent[find(u)] = find(v);
  const byRoot = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const r = find(v);
    const list = byRoot.get(r);
    if (list === undefined) byRoot.set(r, [v]);
    else list.push(v);
  }
  return [...byRoot.values()];
}
