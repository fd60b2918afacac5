import { ConvergenceError } from '../../core/errors.js';
import { assertInteger } from '../../core/assert.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { wlColors } from './wlColors.js';

/** Options of {@link canonicalForm}. */
export interface CanonicalFormOptions {
  /** Use node labels. @default true */
  nodeLabels?: boolean;
  /** Use edge labels. @default true */
  edgeLabels?: boolean;
  /** Budget of search-tree leaves; a `ConvergenceError` is thrown beyond it. @default 200000 */
  maxLeaves?: number;
}

/** Result of {@link canonicalForm}. */
export interface CanonicalFormResult {
  /** Canonical string: equal for two graphs if and only if they are isomorphic (labels included when enabled). */
  key: string;
  /** A canonical node order: `order[p]` is the node placed at position p. */
  order: Int32Array;
}

/**
 * Canonical form for small graphs by a search over node orders: nodes are grouped by their stable
 * Weisfeiler-Lehman colour ({@link wlColors}, cells in increasing colour order), and positions are
 * filled cell by cell; the certificate of an order is the sequence of rows (node label, then the
 * edge label to every earlier node, an edge ranking before a non-edge), and the lexicographically
 * smallest certificate is kept. At each position only the candidates with the smallest row are
 * explored (any other gives a larger certificate), which refines the colouring by the nodes
 * already placed, and of twin candidates (same neighbourhood apart from each other) only one.
 * Exact; the search is exponential only for large highly symmetric graphs that are not twin-
 * symmetric (e.g. strongly regular graphs), hence the leaf budget.
 *
 * @param graph - any graph
 * @param options - label use and leaf budget
 * @returns the canonical key and order
 * @throws `InputError` when `graph` is not a Graph or `maxLeaves` is invalid
 * @throws `ConvergenceError` when the leaf budget is exhausted
 *
 * @example
 * ```ts
 * canonicalForm(Graph.fromEdgeList(3, [[0, 1], [1, 2]])).key === canonicalForm(Graph.fromEdgeList(3, [[0, 2], [2, 1]])).key; // true
 * ```
 */
export function canonicalForm(graph: Graph, options: CanonicalFormOptions = {}): CanonicalFormResult {
  checkGraph(graph, 'graph');
  const maxLeaves = options.maxLeaves ?? 200000;
  assertInteger(maxLeaves, 'options.maxLeaves', { min: 1 });
  const useNode = options.nodeLabels ?? true;
  const useEdge = options.edgeLabels ?? true;
  const n = graph.n;
  const colors = wlColors(graph, { iterations: Infinity, nodeLabels: useNode, edgeLabels: useEdge }).rounds;
  const final = colors[colors.length - 1];
  const cellValues = Array.from(new Set(final)).sort((x, y) => x - y);
  const cellOf = Int32Array.from(final, (c) => cellValues.indexOf(c));
  const cellSize = new Int32Array(cellValues.length);
  for (let v = 0; v < n; v++) cellSize[cellOf[v]]++;
  // position p belongs to cell cellAt[p]
  const cellAt = new Int32Array(n);
  {
    let p = 0;
    for (let c = 0; c < cellValues.length; c++) for (let k = 0; k < cellSize[c]; k++) cellAt[p++] = c;
  }
  const NOEDGE = 0x7fffffff;
  const lab = useNode ? graph.nodeLabels() : new Int32Array(n);
  const edge = (u: number, v: number): number => {
    const l = graph.edgeLabel(u, v);
    return l === 0 ? NOEDGE : useEdge ? l : 1;
  };
  // twins: same label and same neighbourhood (with edge labels) apart from each other
  const twinKey = (u: number, v: number): boolean => {
    if (lab[u] !== lab[v] || cellOf[u] !== cellOf[v]) return false;
    if (graph.degree(u) !== graph.degree(v)) return false;
    const nu = graph.neighbors(u);
    for (let k = 0; k < nu.length; k++) {
      const w = nu[k];
      if (w === v) continue;
      if (edge(v, w) !== edge(u, w)) return false;
    }
    return true;
  };
  const order = new Int32Array(n);
  const placed = new Uint8Array(n);
  let best: Int32Array | null = null; // concatenated rows
  let bestOrder = new Int32Array(n);
  const cert = new Int32Array((n * (n + 1)) / 2);
  const rowStart = (p: number): number => (p * (p + 1)) / 2;
  let leaves = 0;
  const row = (u: number, p: number, out: Int32Array, at: number): void => {
    out[at] = lab[u];
    for (let q = 0; q < p; q++) out[at + 1 + q] = edge(u, order[q]);
  };
  const cmpRow = (a: Int32Array, ai: number, b: Int32Array, bi: number, len: number): number => {
    for (let k = 0; k < len; k++) if (a[ai + k] !== b[bi + k]) return a[ai + k] < b[bi + k] ? -1 : 1;
    return 0;
  };
  const tmp = new Int32Array(n + 1);
  const search = (p: number): void => {
    if (p === n) {
      if (++leaves > maxLeaves) throw new ConvergenceError(`canonicalForm: more than ${maxLeaves} search leaves (graph too symmetric); raise options.maxLeaves`, { argument: 'options.maxLeaves' });
      if (best === null || cmpRow(cert, 0, best, 0, cert.length) < 0) {
        best = cert.slice();
        bestOrder = order.slice();
      }
      return;
    }
    const c = cellAt[p];
    const len = p + 1;
    // only the candidates with the smallest row can lead to the smallest certificate
    let cands: number[] = [];
    let minRow: Int32Array | null = null;
    for (let u = 0; u < n; u++) {
      if (placed[u] || cellOf[u] !== c) continue;
      row(u, p, tmp, 0);
      const r = minRow === null ? -1 : cmpRow(tmp, 0, minRow, 0, len);
      if (r < 0) {
        minRow = tmp.slice(0, len);
        cands = [u];
      } else if (r === 0) cands.push(u);
    }
    cert.set(minRow as Int32Array, rowStart(p));
    if (best !== null && cmpRow(cert, 0, best, 0, rowStart(p + 1)) > 0) return;
    const tried: number[] = [];
    for (const u of cands) {
      if (tried.some((t) => twinKey(t, u))) continue;
      tried.push(u);
      order[p] = u;
      placed[u] = 1;
      search(p + 1);
      placed[u] = 0;
    }
  };
  search(0);
  const b = best ?? new Int32Array(0);
  const key = `${n}|${Array.from(b, (x) => (x === NOEDGE ? '.' : String(x))).join(',')}`;
  return { key, order: bestOrder };
}
