import { Graph } from '../../src/graph/Graph.js';
import type { Rng } from '../../src/core/rng.js';

/** Cycles C_n and paths P_n with n in 4..7: a toy distribution with two clear modes. */
export function toyGraphs(count: number, rng: Rng): Graph[] {
  const out: Graph[] = [];
  for (let k = 0; k < count; k++) {
    const n = rng.int(4, 8);
    const edges: [number, number][] = [];
    for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
    if (k % 2 === 0) edges.push([n - 1, 0]);
    out.push(Graph.fromEdgeList(n, edges));
  }
  return out;
}

/** A tiny denoiser, fast on 2 cores. */
export const TINY = { hiddenX: 16, hiddenE: 8, hiddenY: 8, layers: 1, heads: 2 } as const;
