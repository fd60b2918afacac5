import { Graph } from '../../src/graph/Graph.js';

/** Whether the graph is connected (0 or 1 node: yes). */
export function connected(g: Graph): boolean {
  if (g.n <= 1) return true;
  const seen = new Set<number>([0]);
  const stack = [0];
  while (stack.length) {
    const v = stack.pop() as number;
    for (const w of Array.from(g.neighbors(v))) if (!seen.has(w)) (seen.add(w), stack.push(w));
  }
  return seen.size === g.n;
}

/** A tree: connected with n - 1 edges. */
export function isTree(g: Graph): boolean {
  return g.n >= 1 && g.numEdges === g.n - 1 && connected(g);
}

/** Planarity screen used here: connected and m <= 3n - 6 (the full test lives in src/metrics). */
export function passesEulerBound(g: Graph): boolean {
  return connected(g) && (g.n < 3 || g.numEdges <= 3 * g.n - 6);
}
