import type { Graph } from '../graph/Graph.js';
import { checkGraph, checkOrder } from './denseOps.js';
import { symmetricEigenLowest } from '../core/symmetricEigen.js';

/** Options of {@link spectralFeatures}. */
export interface SpectralFeaturesOptions {
  /** Number k of smallest eigenvalues returned (padded with 2, the top of the spectrum, when n < k). @default 8 */
  k?: number;
  /** Eigenvalues closer than this are treated as one eigenspace. @default 1e-6 */
  tol?: number;
}

/** Result of {@link spectralFeatures}. */
export interface SpectralFeaturesResult {
  /** The k smallest eigenvalues of the normalised Laplacian, ascending, `[k]`. */
  eigenvalues: Float64Array;
  /** Number of connected components (multiplicity of the eigenvalue 0; isolated nodes count). */
  numComponents: number;
  /**
   * Sign- and basis-invariant node features, row-major `[n, k]`: entry (i, t) is the i-th
   * diagonal entry of the orthogonal projector onto the eigenspace of the t-th eigenvalue,
   * divided by that eigenspace's dimension (`(1/|c|) Σ_{s∈c} φ_s(i)²`).
   */
  nodeFeatures: Float64Array;
}

/**
 * Spectral features of the symmetric normalised Laplacian `L = I − D^{-1/2} A D^{-1/2}` (rows
 * and columns of isolated nodes are zero, so each isolated node adds an eigenvalue 0):
 * the k smallest eigenvalues, the number of connected components, and per-node eigenvector
 * features that are invariant to the sign and to the choice of basis within repeated
 * eigenvalues (projector diagonals), unlike the raw eigenvectors DiGress feeds its network.
 *
 * All outputs are permutation-invariant (node features: equivariant). Cospectral graphs for L
 * get the same eigenvalues (e.g. any two d-regular graphs that are adjacency-cospectral).
 *
 * @param graph - the graph (labels ignored)
 * @param options - see {@link SpectralFeaturesOptions}
 * @returns eigenvalues, component count, node features
 * @throws `InputError` for a non-Graph or `k` outside [1, 512]
 *
 * @example
 * ```ts
 * const { eigenvalues, numComponents } = spectralFeatures(graph, { k: 4 });
 * ```
 */
export function spectralFeatures(graph: Graph, options: SpectralFeaturesOptions = {}): SpectralFeaturesResult {
  checkGraph(graph);
  const k = options.k ?? 8;
  checkOrder(k, 'options.k', 1, 512);
  const tol = options.tol ?? 1e-6;
  const n = graph.n;
  const a = graph.adjacency().data;
  const dinv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = graph.degree(i);
    dinv[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
  }
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (dinv[i] > 0) l[i * n + i] = 1;
    for (let j = 0; j < n; j++) if (a[i * n + j] !== 0) l[i * n + j] -= a[i * n + j] * dinv[i] * dinv[j];
  }
  const eig = symmetricEigenLowest(l, n);
  const values = eig.values;
  const eigenvalues = new Float64Array(k).fill(2);
  for (let t = 0; t < Math.min(k, n); t++) eigenvalues[t] = Math.abs(values[t]) < tol ? 0 : values[t];
  let numComponents = 0;
  for (let t = 0; t < n; t++) if (Math.abs(values[t]) < tol) numComponents++;
  // eigenspace clusters
  const cluster = new Int32Array(n);
  let start = 0;
  const bounds: Array<[number, number]> = [];
  for (let t = 1; t <= n; t++) {
    if (t === n || values[t] - values[t - 1] > tol) {
      bounds.push([start, t]);
      for (let s = start; s < t; s++) cluster[s] = bounds.length - 1;
      start = t;
    }
  }
  const nodeFeatures = new Float64Array(n * k);
  // eigenvectors up to the end of the eigenspace of the k-th eigenvalue only
  const vectors = eig.lowestVectors(n === 0 ? 0 : bounds[cluster[Math.min(k, n) - 1]][1]);
  for (let t = 0; t < Math.min(k, n); t++) {
    const [lo, hi] = bounds[cluster[t]];
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let q = lo; q < hi; q++) s += vectors[q * n + i] * vectors[q * n + i];
      nodeFeatures[i * k + t] = s / (hi - lo);
    }
  }
  return { eigenvalues, numComponents, nodeFeatures };
}
