import { assertFinite, assertOneOf } from '../../core/assert.js';
import { InputError, describeValue } from '../../core/errors.js';
import type { Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { emd } from '../../ot/emd.js';
import { sinkhorn } from '../../ot/sinkhorn.js';
import { alignedDistance, alignNodes, type AlignmentMethod, type RelaxedGraph } from './alignNodes.js';

/**
 * Coupling of noise and data in a mini-batch:
 * - `'independent'`: noise i with data i (plain conditional flow matching, Lipman et al. 2023);
 * - `'ot'`: an optimal-transport plan for the squared distance between noise and data in the
 *   given node order (OT-CFM, Tong et al. 2024; Pooladian et al. 2023);
 * - `'ot-aligned'`: the same after aligning the nodes of every pair ({@link alignNodes}), so the
 *   cost is invariant to node permutations of either batch.
 */
export type CouplingKind = 'independent' | 'ot' | 'ot-aligned';

/** Options of {@link minibatchCoupling}. */
export interface MinibatchCouplingOptions {
  /** Node classes dx. Required. */
  dx: number;
  /** Pair classes de. Required. */
  de: number;
  /** Random generator (draws from entropic plans). Required. */
  rng: Rng;
  /** Coupling. @default 'ot-aligned' */
  coupling?: CouplingKind;
  /** Plan solver: exact (network simplex, a permutation for equal batches) or Sinkhorn. @default 'exact' */
  solver?: 'exact' | 'sinkhorn';
  /** Sinkhorn regularisation relative to the mean cost (`reg = regScale · mean(M)`). @default 0.05 */
  regScale?: number;
  /** Node alignment method for `'ot-aligned'`. @default 'lsap' */
  alignment?: AlignmentMethod;
}

/** Result of {@link minibatchCoupling}. */
export interface MinibatchCouplingResult {
  /** `noiseIndex[j]`: the noise sample paired with data graph j. */
  noiseIndex: Int32Array;
  /**
   * `perms[j][a]`: the data node that plays the role of node a of its noise sample (identity
   * without alignment). Apply it to the data graph before building the path.
   */
  perms: Int32Array[];
  /** The cost matrix `M[i][j]` (noise i, data j) with n_j nodes each; null for `'independent'`. */
  cost: Matrix | null;
  /** `Σ_j M[noiseIndex[j]][j] / B` (NaN for `'independent'`). */
  meanCost: number;
}

/**
 * Pairs B noise samples with B data graphs for flow matching. The cost of noise i and data j
 * compares the first n_j nodes of noise i with data j (the noise is later masked to n_j nodes;
 * Gaussian noise is exchangeable, so which nodes are kept does not matter):
 * `M[i][j] = ||x0_i − x1_j||² + ||e0_i − e1_j||²` in the given node order (`'ot'`); for
 * `'ot-aligned'` the LSAP bound of {@link alignNodes} (a lower bound of the graph-matching
 * distance `min_P ||x0_i − P x1_j||² + ||e0_i − P e1_j Pᵀ||²`, exactly invariant to node
 * permutations of either batch) or, with `alignment: 'fgw'`, that distance at the FGW matching. The plan π solves `min <π, M>` with uniform marginals
 * (exactly, a permutation; or by Sinkhorn), and each data graph j draws its noise from the column
 * `π[·][j] / Σ_i π[i][j]` — sampling pairs from π conditioned on the data, as OT-CFM does
 * (TorchCFM's `OTPlanSampler` draws pairs from π jointly).
 *
 * Cost: B² alignments (O(n³) each with LSAP) plus the B x B plan.
 *
 * @param noise - B relaxed noise graphs (each with at least as many nodes as any data graph it can meet)
 * @param data - B relaxed data graphs (one-hot classes)
 * @param options - widths, rng, coupling, solver, alignment
 * @returns the pairing, the node alignments and the cost matrix
 * @throws `InputError` for different batch sizes, noise smaller than data, or bad options
 *
 * @example
 * ```ts
 * const { noiseIndex, perms } = minibatchCoupling(noise, data, { dx: 1, de: 2, rng, coupling: 'ot-aligned' });
 * ```
 */
export function minibatchCoupling(noise: readonly RelaxedGraph[], data: readonly RelaxedGraph[], options: MinibatchCouplingOptions): MinibatchCouplingResult {
  if (!Array.isArray(noise) || !Array.isArray(data) || noise.length !== data.length || data.length === 0) {
    throw InputError.invalid('noise', `as many noise samples as data graphs (${Array.isArray(data) ? data.length : describeValue(data)}, >= 1)`, Array.isArray(noise) ? `${noise.length}` : describeValue(noise));
  }
  const { dx, de, rng } = options;
  if (rng === undefined || rng === null || typeof rng.uniform !== 'function') throw InputError.invalid('options.rng', 'an Rng', describeValue(rng));
  const coupling = options.coupling ?? 'ot-aligned';
  assertOneOf(coupling, 'options.coupling', ['independent', 'ot', 'ot-aligned'] as const);
  const solver = options.solver ?? 'exact';
  assertOneOf(solver, 'options.solver', ['exact', 'sinkhorn'] as const);
  const alignment = options.alignment ?? 'lsap';
  assertOneOf(alignment, 'options.alignment', ['lsap', 'fgw'] as const);
  const regScale = options.regScale ?? 0.05;
  assertFinite(regScale, 'options.regScale', { min: 1e-9 });
  const B = data.length;
  const maxNoise = Math.min(...noise.map((z) => z.n));
  data.forEach((d, j) => {
    if (d.n > maxNoise) throw InputError.invalid(`data[${j}].n`, `at most ${maxNoise} nodes (the smallest noise sample)`, String(d.n));
  });
  const identity = (n: number) => Int32Array.from({ length: n }, (_, a) => a);
  if (coupling === 'independent') return { noiseIndex: identity(B), perms: data.map((d) => identity(d.n)), cost: null, meanCost: Number.NaN };
  const M = new Float64Array(B * B);
  const permTable: Int32Array[] = new Array(B * B);
  for (let i = 0; i < B; i++)
    for (let j = 0; j < B; j++) {
      const z = restrict(noise[i], data[j].n, dx, de);
      if (coupling === 'ot-aligned') {
        const al = alignNodes(z, data[j], { dx, de, method: alignment });
        permTable[i * B + j] = al.perm;
        M[i * B + j] = alignment === 'lsap' ? al.bound : alignedDistance(z, data[j], al.perm, dx, de);
      } else {
        permTable[i * B + j] = identity(data[j].n);
        M[i * B + j] = alignedDistance(z, data[j], permTable[i * B + j], dx, de);
      }
    }
  const u = new Float64Array(B).fill(1 / B);
  let plan: Float64Array;
  if (solver === 'exact') plan = emd(u, u, { rows: B, cols: B, data: M }).plan.data;
  else {
    let mean = 0;
    for (const v of M) mean += v / M.length;
    plan = sinkhorn(u, u, { rows: B, cols: B, data: M }, Math.max(1e-12, regScale * mean)).plan.data;
  }
  const noiseIndex = new Int32Array(B);
  const col = new Float64Array(B);
  for (let j = 0; j < B; j++) {
    for (let i = 0; i < B; i++) col[i] = Math.max(0, plan[i * B + j]);
    noiseIndex[j] = solver === 'exact' ? argmax(col) : rng.categorical(col);
  }
  let meanCost = 0;
  for (let j = 0; j < B; j++) meanCost += M[noiseIndex[j] * B + j] / B;
  return { noiseIndex, perms: Array.from({ length: B }, (_, j) => permTable[noiseIndex[j] * B + j]), cost: { rows: B, cols: B, data: M }, meanCost };
}

function argmax(a: Float64Array): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
  return best;
}

/** The first n nodes of a relaxed graph with N >= n nodes. @internal */
export function restrict(g: RelaxedGraph, n: number, dx: number, de: number): RelaxedGraph {
  if (g.n === n) return g;
  const N = g.n;
  const x = g.x.slice(0, n * dx);
  const e = new Float64Array(n * n * de);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) for (let c = 0; c < de; c++) e[(a * n + b) * de + c] = g.e[(a * N + b) * de + c];
  return { n, x, e };
}
