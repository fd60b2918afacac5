import { assertFinite, assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';

/** Options of {@link citationLikeGraph}. */
export interface CitationLikeGraphOptions {
  /** Number of papers (nodes). @default 3000 */
  numNodes?: number;
  /** Probability that a new paper makes 1, 2, 3, ... references (index i = i + 1 references). @default [0.45, 0.3, 0.15, 0.1] */
  referenceCounts?: readonly number[];
  /** Probability that each reference after the first copies a reference of an already cited paper (triadic closure). @default 0.75 */
  pCopy?: number;
}

/**
 * A seeded citation-like graph: papers arrive one at a time (node `t` at time `t`) and cite
 * earlier papers. The first reference of a new paper is chosen by preferential attachment
 * (probability proportional to degree + 1); each further reference, with probability `pCopy`,
 * is a random reference of a paper it already cites (so citations close triangles, as in
 * citation networks), otherwise again by preferential attachment. The number of references per
 * paper is drawn from `referenceCounts`. Undirected and simple (repeated picks are redrawn a few
 * times, then dropped).
 *
 * This is a synthetic stand-in used by the `ego-like` recipe; it is **not** the Citeseer citation
 * network that GraphRNN's ego datasets come from.
 *
 * @param rng - random source (advanced)
 * @param options - size, reference-count distribution and copying probability
 * @returns a connected graph on `numNodes` nodes
 * @throws `InputError` for invalid sizes or probabilities
 *
 * @example
 * ```ts
 * const g = citationLikeGraph(createRng(0), { numNodes: 500 });
 * ```
 */
export function citationLikeGraph(rng: Rng, options: CitationLikeGraphOptions = {}): Graph {
  const { numNodes = 3000, referenceCounts = [0.45, 0.3, 0.15, 0.1], pCopy = 0.75 } = options;
  assertInteger(numNodes, 'options.numNodes', { min: 1, max: 10_000_000 });
  assertFinite(pCopy, 'options.pCopy', { min: 0, max: 1 });
  referenceCounts.forEach((p, i) => assertFinite(p, `options.referenceCounts[${i}]`, { min: 0 }));
  const adj: number[][] = Array.from({ length: numNodes }, () => []);
  // Preferential attachment by sampling a uniform endpoint slot: `slots` lists each node once
  // (the +1) and once more per incident edge end.
  const slots: number[] = [0];
  const edges: [number, number][] = [];
  for (let t = 1; t < numNodes; t++) {
    const want = Math.min(t, rng.categorical(referenceCounts) + 1);
    const cited = new Set<number>();
    for (let r = 0; r < want; r++) {
      for (let attempt = 0; attempt < 10; attempt++) {
        let target: number;
        if (r > 0 && rng.uniform() < pCopy) {
          const via = [...cited][rng.int(0, cited.size)];
          const refs = adj[via];
          target = refs.length > 0 ? refs[rng.int(0, refs.length)] : slots[rng.int(0, slots.length)];
        } else {
          target = slots[rng.int(0, slots.length)];
        }
        if (target !== t && !cited.has(target)) {
          cited.add(target);
          break;
        }
      }
    }
    for (const s of cited) {
      edges.push([s, t]);
      adj[s].push(t);
      adj[t].push(s);
      slots.push(s, t);
    }
    slots.push(t);
  }
  return Graph.fromEdgeList(numNodes, edges);
}
