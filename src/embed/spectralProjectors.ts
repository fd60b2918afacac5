import type { Graph } from '../graph/Graph.js';
import { InputError } from '../core/errors.js';
import { checkGraph, checkOrder } from './denseOps.js';
import { symmetricEigenLowest } from '../core/symmetricEigen.js';

/** Options of {@link spectralProjectors}. */
export interface SpectralProjectorsOptions {
  /** Number k of projectors (channels): onto the 1, 2, …, k smallest non-trivial eigenvectors. @default 4 */
  k?: number;
  /** Eigenvalues closer than this are treated as one eigenspace. @default 1e-6 */
  tol?: number;
  /** Entries of the scaled projectors are clipped to `[-clip, clip]`. @default 4 */
  clip?: number;
}

/** Result of {@link spectralProjectors}. */
export interface SpectralProjectorsResult {
  /** Number of channels k. */
  k: number;
  /**
   * Scaled projectors, row-major `[n, n, k]`: entry (i, j, m) is `n / r_m · Σ_{s ∈ S_m} u_s(i) u_s(j)`
   * clipped to `[-clip, clip]`, where `S_m` is the set of the m smallest non-trivial eigenvectors
   * (extended to whole eigenspaces) and `r_m = |S_m|`.
   */
  pairs: Float64Array;
  /** The diagonals of {@link SpectralProjectorsResult.pairs}, row-major `[n, k]`. */
  diagonal: Float64Array;
  /** The k smallest non-trivial eigenvalues `λ_1 … λ_k` of the regularised Laplacian, ascending (2 past the end of the spectrum). */
  eigenvalues: Float64Array;
}

/**
 * Spectral projectors of a graph: pair features that show which nodes a spectral method would
 * put in one cluster, invariant to the sign and to the choice of basis of the eigenvectors.
 *
 * The Laplacian is the regularised one of Qin & Rohe (2013): with `τ` the mean degree and `J` the
 * all-ones matrix, `A_τ = A + (τ / n) J`, `d_τ = A_τ 1 = d + τ`, and
 * `L_τ = I − D_τ^{-1/2} A_τ D_τ^{-1/2}`. The regularisation connects every pair weakly, so that
 * isolated nodes and small components, common in noisy graphs, do not each claim an eigenvalue 0
 * and push the cluster structure out of the smallest eigenvectors; its one eigenvalue 0 has the
 * trivial eigenvector `∝ d_τ^{1/2}`, which is left out. For channel m = 1…k the projector onto the
 * eigenvectors `u_1 … u_m` of the next smallest eigenvalues is taken, extended to the end of the
 * eigenspace of `λ_m` (eigenvalues within `tol`) so that it does not depend on the basis chosen in
 * a repeated eigenvalue; `r_m` is its rank. The entries are scaled by `n / r_m` (the projector's
 * mean diagonal is `r_m / n`) and clipped to `[-clip, clip]`. For a graph of B equal clusters that
 * are far denser inside than between, channel B − 1 is about 1 for two nodes of one cluster and
 * `−1 / (B − 1)` for two nodes of different clusters, which is what a denoiser needs to place
 * edges inside blocks; random walks of a few steps blur that at stochastic-block-model densities.
 *
 * A graph without edges (`τ = 0`) gets zero projectors and eigenvalues; a graph of one node zero
 * projectors and eigenvalues 2. Cost: one tridiagonal reduction, O(n³), all eigenvalues but only
 * the k + 1 + s lowest eigenvectors (`symmetricEigenLowest`, s the size of the last eigenspace),
 * and O(n² (k + s)) for the projectors.
 *
 * All outputs are permutation-equivariant (pairs, diagonal) or invariant (eigenvalues).
 *
 * @param graph - the graph (labels ignored; any edge counts 1)
 * @param options - see {@link SpectralProjectorsOptions}
 * @returns the k scaled projectors, their diagonals and the k smallest non-trivial eigenvalues
 * @throws `InputError` for a non-Graph, `k` outside [1, 64], or `tol` / `clip` not positive and finite
 *
 * @example
 * ```ts
 * // two triangles joined by one edge: channel 1 separates them
 * const g = Graph.fromEdgeList(6, [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 3]]);
 * const { pairs, k } = spectralProjectors(g, { k: 2 });
 * pairs[(0 * 6 + 1) * k + 0] > 0; // same triangle
 * pairs[(0 * 6 + 4) * k + 0] < 0; // different triangles
 * ```
 *
 * @see T. Qin, K. Rohe, "Regularized spectral clustering under the degree-corrected stochastic
 *   blockmodel", NeurIPS 2013; U. von Luxburg, "A tutorial on spectral clustering", 2007.
 */
export function spectralProjectors(graph: Graph, options: SpectralProjectorsOptions = {}): SpectralProjectorsResult {
  checkGraph(graph);
  const k = options.k ?? 4;
  checkOrder(k, 'options.k', 1, 64);
  const tol = options.tol ?? 1e-6;
  const clip = options.clip ?? 4;
  for (const [name, v] of [['options.tol', tol], ['options.clip', clip]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw InputError.invalid(name, 'a positive finite number', String(v));
  }
  return projectorsOfAdjacency(graph.adjacency().data, graph.n, k, tol, clip);
}

/**
 * {@link spectralProjectors} of a dense row-major n×n adjacency (symmetric), options already
 * checked; for callers that hold the dense matrix. Unweighted (the default): any non-zero
 * off-diagonal entry is an edge of weight 1. `weighted`: the off-diagonal entries (non-negative)
 * are the edge weights, degrees are row sums and `τ` their mean, e.g. the edge probabilities of a
 * predicted graph; 0/1 weights give exactly the unweighted result.
 * @internal
 */
export function projectorsOfAdjacency(a: ArrayLike<number>, n: number, k: number, tol = 1e-6, clip = 4, weighted = false): SpectralProjectorsResult {
  const pairs = new Float64Array(n * n * k);
  const diagonal = new Float64Array(n * k);
  const eigenvalues = new Float64Array(k).fill(2);
  const deg = new Float64Array(n);
  const w = new Float64Array(n * n); // edge weights, diagonal 0
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = a[i * n + j];
      if (i === j || v === 0) continue;
      const wij = weighted ? v : 1;
      w[i * n + j] = wij;
      deg[i] += wij;
      total += wij;
    }
  if (n < 2) return { k, pairs, diagonal, eigenvalues };
  if (total === 0) return { k, pairs, diagonal, eigenvalues: eigenvalues.fill(0) };
  const tau = total / n;
  const s = new Float64Array(n); // d_τ^{-1/2}
  for (let i = 0; i < n; i++) s[i] = 1 / Math.sqrt(deg[i] + tau);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const aij = w[i * n + j] + tau / n;
      l[i * n + j] = (i === j ? 1 : 0) - aij * s[i] * s[j];
    }
  const eig = symmetricEigenLowest(l, n);
  const values = eig.values;
  for (let t = 0; t < k && t + 1 < n; t++) eigenvalues[t] = Math.max(0, values[t + 1]);
  // end (exclusive) of the eigenspace holding index t
  const clusterEnd = (t: number): number => {
    let e = t + 1;
    while (e < n && values[e] - values[e - 1] <= tol) e++;
    return e;
  };
  const first = clusterEnd(0); // past the trivial eigenspace (one vector for τ > 0)
  // eigenvectors up to the end of the last channel's eigenspace only
  const vectors = eig.lowestVectors(first < n ? clusterEnd(Math.min(first + k, n) - 1) : first);
  const sum = new Float64Array(n * n);
  let added = first;
  for (let m = 0; m < k; m++) {
    if (first + m >= n) break; // no eigenvector left: this channel and the later ones stay zero
    const end = clusterEnd(first + m);
    for (; added < end; added++) {
      const u = vectors.subarray(added * n, (added + 1) * n);
      for (let i = 0; i < n; i++) {
        const ui = u[i];
        for (let j = 0; j < n; j++) sum[i * n + j] += ui * u[j];
      }
    }
    const scale = n / (end - first);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = Math.min(clip, Math.max(-clip, scale * sum[i * n + j]));
        pairs[(i * n + j) * k + m] = v;
        if (i === j) diagonal[i * k + m] = v;
      }
    }
  }
  return { k, pairs, diagonal, eigenvalues };
}
