import { assertPositive } from '../../core/assert.js';
import { InputError } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { bipartiteGraphEditDistance } from './bipartiteGraphEditDistance.js';
import { labelView } from './editCost.js';

/** Options of {@link graphEditDistance}. */
export interface GraphEditDistanceOptions {
  /** Wall-clock budget of the exact search in milliseconds; when spent, the best bound found is returned with `exact: false`. @default 10000 */
  timeoutMs?: number;
  /** Node labels enter the costs (substitution costs 1 when they differ). @default true */
  nodeLabels?: boolean;
  /** Edge labels enter the costs. @default true */
  edgeLabels?: boolean;
}

/** Result of {@link graphEditDistance}. */
export interface GraphEditDistanceResult {
  /** The distance (when `exact`) or the best upper bound found before the timeout. */
  value: number;
  /** True when the search finished, so `value` is the exact distance. */
  exact: boolean;
  /** An optimal (or the best found) mapping: node i of `a` to `mapping[i]` of `b`, -1 = deleted. */
  mapping: Int32Array;
  /** Search nodes expanded. */
  expanded: number;
}

/**
 * Exact graph edit distance with unit costs (node deletion / insertion 1, substitution 1 when
 * labels differ, edge deletion / insertion 1, edge relabelling 1), the costs of
 * `networkx.graph_edit_distance` with default arguments. Depth-first branch and bound over the
 * assignments of the nodes of `a` (largest degree first) to unused nodes of `b` or to deletion,
 * started from the Riesen-Bunke upper bound ({@link bipartiteGraphEditDistance}) and pruned with
 * the lower bound `|n1' - n2'| + |m1' - m2'|` on the unprocessed nodes and edges (plus label
 * multiset differences). Exponential: meant for graphs up to about 10 nodes; the timeout returns
 * the best path found with `exact: false`.
 *
 * @param a - first graph
 * @param b - second graph
 * @param options - timeout and label use
 * @returns the distance, whether it is exact, and the mapping
 * @throws `InputError` when an argument is not a Graph or the timeout is not positive
 *
 * @example
 * ```ts
 * const p3 = Graph.fromEdgeList(3, [[0, 1], [1, 2]]);
 * const k3 = Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]]);
 * graphEditDistance(p3, k3); // { value: 1, exact: true, ... }
 * ```
 */
export function graphEditDistance(a: Graph, b: Graph, options: GraphEditDistanceOptions = {}): GraphEditDistanceResult {
  checkGraph(a, 'a');
  checkGraph(b, 'b');
  const timeoutMs = options.timeoutMs ?? 10000;
  assertPositive(timeoutMs, 'options.timeoutMs');
  if (a.n > 64 || b.n > 64) throw InputError.invalid('a, b', 'graphs of at most 64 nodes for the exact search (use bipartiteGraphEditDistance)', `${a.n} and ${b.n} nodes`);
  const useNode = options.nodeLabels ?? true;
  const L = labelView(useNode, options.edgeLabels ?? true);
  const start = Date.now();
  const approx = bipartiteGraphEditDistance(a, b, options);
  let best = approx.value;
  let bestMap = approx.mapping.slice();
  const n1 = a.n;
  const n2 = b.n;
  const order = Array.from({ length: n1 }, (_, i) => i).sort((x, y) => a.degree(y) - a.degree(x) || x - y);
  const pos = new Int32Array(n1);
  order.forEach((v, p) => (pos[v] = p));
  const map = new Int32Array(n1).fill(-1);
  const used = new Uint8Array(n2);
  const labA = Int32Array.from({ length: n1 }, (_, i) => L.node(a, i));
  const labB = Int32Array.from({ length: n2 }, (_, j) => L.node(b, j));
  // edges of b not yet accounted: those with an unused endpoint; track count
  let m2rem = b.numEdges;
  let m1rem = a.numEdges;
  const usedNbB = new Int32Array(n2); // neighbours of j in b that are used
  let expanded = 0;
  let timedOut = false;
  const labelBound = (p: number): number => {
    if (!useNode) return 0;
    const cnt = new Map<number, number>();
    for (let q = p; q < n1; q++) cnt.set(labA[order[q]], (cnt.get(labA[order[q]]) ?? 0) + 1);
    let r2 = 0;
    let common = 0;
    for (let j = 0; j < n2; j++) {
      if (used[j]) continue;
      r2++;
      const c = cnt.get(labB[j]) ?? 0;
      if (c > 0) {
        common++;
        cnt.set(labB[j], c - 1);
      }
    }
    const r1 = n1 - p;
    return Math.max(r1, r2) - common;
  };
  const search = (p: number, cost: number): void => {
    if (timedOut) return;
    if ((++expanded & 1023) === 0 && Date.now() - start > timeoutMs) {
      timedOut = true;
      return;
    }
    let r2 = 0;
    for (let j = 0; j < n2; j++) if (!used[j]) r2++;
    const lb = (useNode ? labelBound(p) : Math.abs(n1 - p - r2)) + Math.abs(m1rem - m2rem);
    if (cost + lb >= best) return;
    if (p === n1) {
      // insert the unused nodes of b and the edges not yet accounted
      const total = cost + r2 + m2rem;
      if (total < best) {
        best = total;
        bestMap = map.slice();
      }
      return;
    }
    const u = order[p];
    // edges from u to processed nodes
    const nbs = a.neighbors(u);
    let back = 0;
    for (let k = 0; k < nbs.length; k++) if (pos[nbs[k]] < p) back++;
    // candidates: each unused j, then deletion
    for (let j = -1 + 1; j <= n2; j++) {
      const target = j === n2 ? -1 : j;
      if (target >= 0 && used[target]) continue;
      let c = 0;
      if (target < 0) {
        c = 1 + back; // delete u and its edges to processed nodes
      } else {
        if (labA[u] !== labB[target]) c += 1;
        // edges of a between u and processed w: matched or deleted
        let matchedEdges = 0;
        for (let k = 0; k < nbs.length; k++) {
          const w = nbs[k];
          if (pos[w] >= p) continue;
          const mw = map[w];
          if (mw < 0) {
            c += 1;
            continue;
          }
          const lb2 = L.edge(b, target, mw);
          if (lb2 === 0) c += 1;
          else {
            matchedEdges++;
            if (lb2 !== L.edge(a, u, w)) c += 1;
          }
        }
        // edges of b between target and used nodes not matched: inserted
        c += usedNbB[target] - matchedEdges;
      }
      // update state
      map[u] = target;
      const oldM1 = m1rem;
      const oldM2 = m2rem;
      m1rem -= back;
      if (target >= 0) {
        used[target] = 1;
        m2rem -= usedNbB[target];
        const bn = b.neighbors(target);
        for (let k = 0; k < bn.length; k++) usedNbB[bn[k]]++;
      }
      search(p + 1, cost + c);
      if (target >= 0) {
        used[target] = 0;
        const bn = b.neighbors(target);
        for (let k = 0; k < bn.length; k++) usedNbB[bn[k]]--;
      }
      m1rem = oldM1;
      m2rem = oldM2;
      map[u] = -1;
      if (timedOut) return;
    }
  };
  search(0, 0);
  return { value: best, exact: !timedOut, mapping: bestMap, expanded };
}
