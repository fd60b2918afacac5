import type { Graph } from '../../graph/Graph.js';
import { lsap } from '../../ot/lsap.js';
import { checkGraph } from '../internal/checks.js';
import { labelView, mappingCost } from './editCost.js';

/** Options of {@link bipartiteGraphEditDistance}. */
export interface BipartiteGraphEditDistanceOptions {
  /** Node labels enter the costs. @default true */
  nodeLabels?: boolean;
  /** Edge labels enter the costs. @default true */
  edgeLabels?: boolean;
}

/** Result of {@link bipartiteGraphEditDistance}. */
export interface BipartiteGraphEditDistanceResult {
  /** Cost of the edit path of the assignment: an upper bound of the graph edit distance. */
  value: number;
  /** Node i of `a` maps to node `mapping[i]` of `b`, or -1 when deleted. */
  mapping: Int32Array;
}

const BIG = 1e9;

/**
 * Approximate graph edit distance of Riesen & Bunke (2009): a linear sum assignment
 * (`lsap` of graphgen/ot) on the (n1 + n2) x (n1 + n2) cost matrix whose blocks are node
 * substitutions (label cost + |deg u - deg v| / 2, the optimal assignment of unlabelled incident
 * edges, each shared by two nodes), deletions (1 + deg u / 2 on the diagonal), insertions
 * (1 + deg v / 2 on the diagonal) and zeros; the assignment defines a node mapping whose exact
 * edit cost (unit costs, as {@link graphEditDistance}) is returned. An upper bound of the exact
 * distance, in O((n1 + n2)^3).
 *
 * @param a - first graph
 * @param b - second graph
 * @param options - label use
 * @returns the upper bound and the mapping
 * @throws `InputError` when an argument is not a Graph
 *
 * @example
 * ```ts
 * bipartiteGraphEditDistance(path4, cycle4).value; // 1 (insert one edge)
 * ```
 */
export function bipartiteGraphEditDistance(a: Graph, b: Graph, options: BipartiteGraphEditDistanceOptions = {}): BipartiteGraphEditDistanceResult {
  checkGraph(a, 'a');
  checkGraph(b, 'b');
  const L = labelView(options.nodeLabels ?? true, options.edgeLabels ?? true);
  const n1 = a.n;
  const n2 = b.n;
  const N = n1 + n2;
  if (N === 0) return { value: 0, mapping: new Int32Array(0) };
  const C: number[][] = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  const da = a.degrees();
  const db = b.degrees();
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) C[i][j] = (L.node(a, i) !== L.node(b, j) ? 1 : 0) + Math.abs(da[i] - db[j]) / 2;
    for (let k = 0; k < n1; k++) C[i][n2 + k] = k === i ? 1 + da[i] / 2 : BIG;
  }
  for (let k = 0; k < n2; k++) for (let j = 0; j < n2; j++) C[n1 + k][j] = k === j ? 1 + db[j] / 2 : BIG;
  const { rowInd, colInd } = lsap(C);
  const mapping = new Int32Array(n1).fill(-1);
  for (let t = 0; t < rowInd.length; t++) if (rowInd[t] < n1 && colInd[t] < n2) mapping[rowInd[t]] = colInd[t];
  return { value: mappingCost(a, b, mapping, L), mapping };
}
