import { assertFinite, assertInteger, assertOneOf } from '../../core/assert.js';
import { InputError, ShapeError, describeValue } from '../../core/errors.js';
import { fusedGromovWasserstein } from '../../ot/gromov/fusedGromovWasserstein.js';
import { lsap } from '../../ot/lsap.js';

/**
 * A graph relaxed to real values on n nodes: node values `x [n, dx]` and pair values
 * `e [n, n, de]` (row-major), e.g. one-hot classes of a graph or a point of a flow path.
 */
export interface RelaxedGraph {
  /** Number of nodes n. */
  n: number;
  /** Node values, `[n, dx]`. */
  x: Float32Array | Float64Array;
  /** Pair values, `[n, n, de]`, symmetric in the two node axes. */
  e: Float32Array | Float64Array;
}

/** How {@link alignNodes} matches nodes. */
export type AlignmentMethod = 'lsap' | 'fgw';

/** Options of {@link alignNodes}. */
export interface AlignNodesOptions {
  /** Node classes dx of `x`. Required. */
  dx: number;
  /** Pair classes de of `e`. Required. */
  de: number;
  /** Matching method. @default 'lsap' */
  method?: AlignmentMethod;
  /** FGW trade-off between the node cost (0) and the structure (1), for `'fgw'`. @default 0.5 */
  alpha?: number;
  /** Conditional-gradient iterations of the FGW solve. @default 50 */
  maxIter?: number;
}

/** Result of {@link alignNodes}. */
export interface AlignNodesResult {
  /** `perm[a]`: the target node matched to source node a (a permutation of 0..n−1). */
  perm: Int32Array;
  /**
   * The optimal LSAP node cost `min_P Σ_a K[a][P(a)]`: a lower bound of the graph-matching
   * distance `min_P ||x_s − P x_t||² + ||e_s − P e_t Pᵀ||²` (sorted rows are the closest
   * arrangement of two multisets), and exactly invariant to node permutations of either graph.
   */
  bound: number;
}

/**
 * Matches the nodes of `target` to those of `source` (two relaxed graphs on the same n nodes) so
 * that `||x_s − P x_t||² + ||e_s − P e_t Pᵀ||²` is small, the node alignment that makes a
 * coupling cost between graphs invariant to node order. The exact problem is a quadratic
 * assignment; two approximations:
 *
 * - `'lsap'`: a linear assignment (Jonker-Volgenant, graphgen/ot `lsap`) on the node cost
 *   `K[a][b] = ||x_s[a] − x_t[b]||² + Σ_c ||sort(e_s[a, ·, c]) − sort(e_t[b, ·, c])||²`, where each
 *   sorted row omits the diagonal. K is permutation-equivariant, so the optimal value (`bound`)
 *   is invariant to node permutations of either graph and bounds the quadratic distance from
 *   below; the permutation itself is one of the optimal ones (ties between nodes with equal
 *   signatures are broken by index).
 * - `'fgw'`: the plan of fused Gromov-Wasserstein (Vayer et al. 2019) between the two graphs,
 *   node cost K, structures `C[a][b] = Σ_{c ≥ 1} e[a, b, c]` (edge mass), started from the LSAP
 *   permutation, rounded to a permutation by a second LSAP on −plan. Better on structure, slower,
 *   and only approximately invariant (the solver is local).
 *
 * @param source - relaxed graph, n nodes
 * @param target - relaxed graph, n nodes
 * @param options - widths and method
 * @returns the matching `perm` (`perm[a]` = the target node of source node a) and the LSAP `bound`
 * @throws `InputError` / `ShapeError` for bad widths, node counts or array lengths
 *
 * @example
 * ```ts
 * const { perm, bound } = alignNodes(noise, data, { dx: 1, de: 2 });
 * // data node perm[a] plays the role of noise node a
 * ```
 */
export function alignNodes(source: RelaxedGraph, target: RelaxedGraph, options: AlignNodesOptions): AlignNodesResult {
  const dx = options?.dx;
  const de = options?.de;
  assertInteger(dx, 'options.dx', { min: 1 });
  assertInteger(de, 'options.de', { min: 1 });
  const method = options.method ?? 'lsap';
  assertOneOf(method, 'options.method', ['lsap', 'fgw'] as const);
  checkRelaxed(source, 'source', dx, de);
  checkRelaxed(target, 'target', dx, de);
  if (source.n !== target.n) throw ShapeError.mismatch('target.n', `${source.n} nodes (as source)`, `${target.n}`);
  const n = source.n;
  if (n === 0) return { perm: new Int32Array(0), bound: 0 };
  const K = nodeCost(source, target, dx, de);
  const first = lsap({ rows: n, cols: n, data: K });
  const perm = Int32Array.from(first.colInd);
  const bound = first.cost;
  if (method === 'lsap' || n === 1) return { perm, bound };
  const alpha = options.alpha ?? 0.5;
  assertFinite(alpha, 'options.alpha', { min: 0, max: 1 });
  const maxIter = options.maxIter ?? 50;
  assertInteger(maxIter, 'options.maxIter', { min: 1 });
  const G0 = new Float64Array(n * n);
  for (let a = 0; a < n; a++) G0[a * n + perm[a]] = 1 / n;
  const u = new Float64Array(n).fill(1 / n);
  const plan = fusedGromovWasserstein({ rows: n, cols: n, data: K }, edgeMass(source, de), edgeMass(target, de), u, u, {
    alpha,
    G0: { rows: n, cols: n, data: G0 },
    maxIter,
  }).plan;
  return { perm: Int32Array.from(lsap(plan, { maximize: true }).colInd), bound };
}

/** Squared distance `||x_s − P x_t||² + ||e_s − P e_t Pᵀ||²` after alignment by `perm`. @internal */
export function alignedDistance(source: RelaxedGraph, target: RelaxedGraph, perm: ArrayLike<number>, dx: number, de: number): number {
  const n = source.n;
  let acc = 0;
  for (let a = 0; a < n; a++) {
    const pa = perm[a];
    for (let c = 0; c < dx; c++) acc += (source.x[a * dx + c] - target.x[pa * dx + c]) ** 2;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const so = (a * n + b) * de;
      const to = (pa * n + perm[b]) * de;
      for (let c = 0; c < de; c++) acc += (source.e[so + c] - target.e[to + c]) ** 2;
    }
  }
  return acc;
}

function checkRelaxed(g: RelaxedGraph, name: string, dx: number, de: number): void {
  if (g === null || typeof g !== 'object' || !Number.isInteger(g.n) || g.n < 0) throw InputError.invalid(name, 'a relaxed graph {n, x, e}', describeValue(g));
  if (g.x?.length !== g.n * dx) throw ShapeError.mismatch(`${name}.x`, `[${g.n}, ${dx}]`, `length ${g.x?.length}`);
  if (g.e?.length !== g.n * g.n * de) throw ShapeError.mismatch(`${name}.e`, `[${g.n}, ${g.n}, ${de}]`, `length ${g.e?.length}`);
}

/** Sorted off-diagonal rows of every pair channel, `[n, de, n − 1]`. */
function sortedRows(g: RelaxedGraph, de: number): Float64Array {
  const n = g.n;
  const w = n - 1;
  const out = new Float64Array(n * de * w);
  const row = new Float64Array(w);
  for (let a = 0; a < n; a++)
    for (let c = 0; c < de; c++) {
      let k = 0;
      for (let b = 0; b < n; b++) if (b !== a) row[k++] = g.e[(a * n + b) * de + c];
      row.sort();
      out.set(row, (a * de + c) * w);
    }
  return out;
}

/** The LSAP node cost of {@link alignNodes}, n x n. */
function nodeCost(s: RelaxedGraph, t: RelaxedGraph, dx: number, de: number): Float64Array {
  const n = s.n;
  const w = (n - 1) * de;
  const rs = sortedRows(s, de);
  const rt = sortedRows(t, de);
  const K = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      let acc = 0;
      for (let c = 0; c < dx; c++) acc += (s.x[a * dx + c] - t.x[b * dx + c]) ** 2;
      const oa = a * w;
      const ob = b * w;
      for (let k = 0; k < w; k++) acc += (rs[oa + k] - rt[ob + k]) ** 2;
      K[a * n + b] = acc;
    }
  return K;
}

/** Edge mass `C[a][b] = Σ_{c ≥ 1} e[a, b, c]`, n x n. */
function edgeMass(g: RelaxedGraph, de: number): { rows: number; cols: number; data: Float64Array } {
  const n = g.n;
  const C = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      let m = 0;
      for (let c = 1; c < de; c++) m += g.e[(a * n + b) * de + c];
      C[a * n + b] = m;
    }
  return { rows: n, cols: n, data: C };
}
