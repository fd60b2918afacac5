import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { wlColors } from './wlColors.js';

/** Options of {@link isIsomorphic}. */
export interface IsIsomorphicOptions {
  /** Require node labels to match. @default true */
  nodeLabels?: boolean;
  /** Require edge labels to match. @default true */
  edgeLabels?: boolean;
}

/**
 * Exact graph isomorphism test. First cheap invariants (n, m, degree sequence), then
 * Weisfeiler-Lehman colour refinement run to stability on both graphs: different colour
 * multisets prove non-isomorphism, which settles almost every pair. Otherwise a VF2-style
 * backtracking search (Cordella et al. 2004) maps the nodes one by one in a connectivity-first
 * order, each only to a node of the same stable colour, checking adjacency (and edge labels) to
 * every mapped node. Exact; exponential only on highly symmetric hard instances.
 *
 * @param a - first graph
 * @param b - second graph
 * @param options - whether labels must match
 * @returns true when a node bijection preserving edges (and labels) exists
 * @throws `InputError` when an argument is not a Graph
 *
 * @example
 * ```ts
 * isIsomorphic(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), Graph.fromEdgeList(3, [[1, 0], [0, 2]])); // true
 * ```
 */
export function isIsomorphic(a: Graph, b: Graph, options: IsIsomorphicOptions = {}): boolean {
  checkGraph(a, 'a');
  checkGraph(b, 'b');
  return isomorphismMapping(a, b, options) !== null;
}

/** A node mapping `a -> b` proving isomorphism, or null. @internal */
export function isomorphismMapping(a: Graph, b: Graph, options: IsIsomorphicOptions = {}): Int32Array | null {
  const n = a.n;
  if (n !== b.n || a.numEdges !== b.numEdges) return null;
  if (n === 0) return new Int32Array(0);
  const useNode = options.nodeLabels ?? true;
  const useEdge = options.edgeLabels ?? true;
  const da = Int32Array.from(a.degrees()).sort();
  const db = Int32Array.from(b.degrees()).sort();
  for (let i = 0; i < n; i++) if (da[i] !== db[i]) return null;
  // joint stable refinement: run the same number of rounds on both
  const wo = { iterations: Infinity, nodeLabels: useNode, edgeLabels: useEdge };
  const ra = wlColors(a, wo).rounds;
  const rb = wlColors(b, wo).rounds;
  const rounds = Math.max(ra.length, rb.length);
  const ca = rounds === ra.length ? ra[rounds - 1] : wlColors(a, { ...wo, iterations: rounds - 1 }).rounds[rounds - 1];
  const cb = rounds === rb.length ? rb[rounds - 1] : wlColors(b, { ...wo, iterations: rounds - 1 }).rounds[rounds - 1];
  const sa = Float64Array.from(ca).sort();
  const sb = Float64Array.from(cb).sort();
  for (let i = 0; i < n; i++) if (sa[i] !== sb[i]) return null;
  // candidate classes
  const classOf = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const list = classOf.get(cb[v]);
    if (list) list.push(v);
    else classOf.set(cb[v], [v]);
  }
  const ao = a.csr();
  const bo = b.csr();
  const aLab = useNode ? a.nodeLabels() : null;
  const bLab = useNode ? b.nodeLabels() : null;
  // matching order: smallest class first, then most mapped neighbours
  const order = new Int32Array(n);
  const placed = new Uint8Array(n);
  const conn = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    let best = -1;
    for (let v = 0; v < n; v++) {
      if (placed[v]) continue;
      if (best < 0) {
        best = v;
        continue;
      }
      const cv = conn[v];
      const cbst = conn[best];
      if (cv > cbst || (cv === cbst && (classOf.get(ca[v]) as number[]).length < (classOf.get(ca[best]) as number[]).length)) best = v;
    }
    order[p] = best;
    placed[best] = 1;
    for (let k = ao.offsets[best]; k < ao.offsets[best + 1]; k++) conn[ao.targets[k]]++;
  }
  const map = new Int32Array(n).fill(-1);
  const used = new Uint8Array(n);
  const edgeLabel = (g: Graph, u: number, v: number): number => (useEdge ? g.edgeLabel(u, v) : g.hasEdge(u, v) ? 1 : 0);
  const mappedNbA = new Int32Array(n);
  const mappedNbB = new Int32Array(n);
  const feasible = (u: number, v: number): boolean => {
    if (aLab !== null && bLab !== null && aLab[u] !== bLab[v]) return false;
    if (mappedNbA[u] !== mappedNbB[v]) return false;
    for (let k = ao.offsets[u]; k < ao.offsets[u + 1]; k++) {
      const w = ao.targets[k];
      const mw = map[w];
      if (mw < 0) continue;
      const la = edgeLabel(a, u, w);
      if (edgeLabel(b, v, mw) !== la) return false;
    }
    return true;
  };
  const setMapped = (u: number, v: number, delta: number): void => {
    for (let k = ao.offsets[u]; k < ao.offsets[u + 1]; k++) mappedNbA[ao.targets[k]] += delta;
    for (let k = bo.offsets[v]; k < bo.offsets[v + 1]; k++) mappedNbB[bo.targets[k]] += delta;
  };
  const search = (p: number): boolean => {
    if (p === n) return true;
    const u = order[p];
    for (const v of classOf.get(ca[u]) as number[]) {
      if (used[v] || !feasible(u, v)) continue;
      map[u] = v;
      used[v] = 1;
      setMapped(u, v, 1);
      if (search(p + 1)) return true;
      setMapped(u, v, -1);
      map[u] = -1;
      used[v] = 0;
    }
    return false;
  };
  return search(0) ? map : null;
}
