import { InputError, describeValue } from '../../core/errors.js';
import { assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { symmetricEigen } from '../../core/symmetricEigen.js';

/** Options of {@link fitSbm}. */
export interface FitSbmOptions {
  /** Random generator for the initial partitions and the sweep order (required: the fit is random). */
  rng: Rng;
  /** Largest number of blocks tried. @default 8 */
  maxBlocks?: number;
  /** Random restarts per block count, besides the spectral start; the best likelihood is kept. @default 1 */
  restarts?: number;
  /** Node-move sweeps per restart at most. @default 30 */
  maxSweeps?: number;
}

/** Result of {@link fitSbm}. */
export interface SbmFitResult {
  /** Block of each node, blocks numbered 0..numBlocks-1 by first appearance; length n. */
  blocks: Int32Array;
  /** Number of non-empty blocks. */
  numBlocks: number;
  /** Nodes per block, length numBlocks. */
  sizes: Int32Array;
  /** Undirected edge counts between blocks, numBlocks x numBlocks row-major, symmetric; diagonal = edges inside the block. */
  edgeCounts: Float64Array;
  /** Bernoulli log-likelihood of the graph under the fitted block densities. */
  logLikelihood: number;
  /** The integrated classification likelihood that selected the block count (higher is better). */
  icl: number;
}

const xlogx = (e: number, N: number): number => {
  // e log(e/N) + (N - e) log(1 - e/N), with 0 log 0 = 0
  if (N <= 0) return 0;
  let s = 0;
  if (e > 0) s += e * Math.log(e / N);
  if (N - e > 0) s += (N - e) * Math.log((N - e) / N);
  return s;
};

/**
 * Fits a (non-degree-corrected, Bernoulli) stochastic block model. For each block count B in
 * 1..maxBlocks, greedy node moves (every node to the block that most increases the profile
 * log-likelihood `sum_{r<=s} e_rs log p_rs + (N_rs - e_rs) log(1 - p_rs)` with `p_rs = e_rs / N_rs`,
 * N_rr = n_r (n_r - 1) / 2, N_rs = n_r n_s) from a spectral start (k-means++ on the B leading adjacency eigenvectors) and `restarts` random partitions, in random sweep
 * order, until no move improves; B is chosen by the integrated classification likelihood of
 * Daudin, Picard & Robin (2008): `ICL = logL + sum_r n_r log(n_r / n) - B(B+1)/4 log(n(n-1)/2) - (B-1)/2 log n`.
 *
 * This differs from the reference (graph-tool's `minimize_blockmodel_dl`, a microcanonical
 * degree-corrected-free SBM selected by minimum description length with agglomerative merges,
 * then MCMC sweeps at zero temperature): the objective (ICL instead of MDL) and the search
 * (restarted greedy moves instead of merge-split heuristics) differ, so on ambiguous graphs the
 * two can choose different partitions. On the benchmark SBM graphs (2-5 blocks of 20-40 nodes,
 * p_in 0.3, p_out 0.005) both recover the planted blocks almost always.
 *
 * @param graph - the graph, at least one node
 * @param options - rng (required), block range, restarts, sweeps
 * @returns the partition and block statistics
 * @throws `InputError` for a non-Graph, an empty graph, a missing rng or invalid counts
 *
 * @example
 * ```ts
 * const fit = fitSbm(graph, { rng: createRng(0) });
 * fit.numBlocks; fit.sizes;
 * ```
 */
export function fitSbm(graph: Graph, options: FitSbmOptions): SbmFitResult {
  checkGraph(graph, 'graph');
  if (graph.n === 0) throw InputError.invalid('graph', 'a graph with at least one node', 'a graph with 0 nodes');
  const rng = options?.rng;
  if (rng === undefined || rng === null || typeof rng.uniform !== 'function') throw InputError.invalid('options.rng', 'an Rng (createRng(seed))', describeValue(rng));
  const maxBlocks = options.maxBlocks ?? 8;
  const restarts = options.restarts ?? 1;
  const maxSweeps = options.maxSweeps ?? 30;
  assertInteger(maxBlocks, 'options.maxBlocks', { min: 1, max: 64 });
  assertInteger(restarts, 'options.restarts', { min: 0 });
  assertInteger(maxSweeps, 'options.maxSweeps', { min: 1 });
  const n = graph.n;
  const { offsets, targets } = graph.csr();
  const pairs = (n * (n - 1)) / 2;
  // spectral embedding for one informed start per block count: leading eigenvectors of A
  const eig = symmetricEigen(graph.adjacency().data, n, true);
  let best: { blocks: Int32Array; icl: number; logL: number } | null = null;
  let worseInARow = 0;
  for (let B = 1; B <= Math.min(maxBlocks, n); B++) {
    let bestB: { blocks: Int32Array; logL: number } | null = null;
    for (let r = 0; r < (B === 1 ? 1 : restarts + 1); r++) {
      const init = r === 0 && B > 1 ? spectralInit(eig.values, eig.vectors as Float64Array, n, B, rng) : null;
      const res = greedyFit(n, offsets, targets, B, rng, maxSweeps, init);
      if (bestB === null || res.logL > bestB.logL) bestB = res;
    }
    const b = bestB as { blocks: Int32Array; logL: number };
    const sizes = new Float64Array(B);
    for (let v = 0; v < n; v++) sizes[b.blocks[v]]++;
    let used = 0;
    let classTerm = 0;
    for (let k = 0; k < B; k++) {
      if (sizes[k] > 0) {
        used++;
        classTerm += sizes[k] * Math.log(sizes[k] / n);
      }
    }
    const icl = b.logL + classTerm - ((used * (used + 1)) / 4) * Math.log(Math.max(pairs, 1)) - ((used - 1) / 2) * Math.log(n);
    if (best === null || icl > best.icl) {
      best = { blocks: b.blocks, icl, logL: b.logL };
      worseInARow = 0;
    } else if (++worseInARow >= 2) break;
  }
  const chosen = best as { blocks: Int32Array; icl: number; logL: number };
  // renumber by first appearance
  const remap = new Map<number, number>();
  const blocks = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let id = remap.get(chosen.blocks[v]);
    if (id === undefined) {
      id = remap.size;
      remap.set(chosen.blocks[v], id);
    }
    blocks[v] = id;
  }
  const B = remap.size;
  const sizes = new Int32Array(B);
  for (let v = 0; v < n; v++) sizes[blocks[v]]++;
  const edgeCounts = new Float64Array(B * B);
  graph.forEachEdge((u, v) => {
    const a = blocks[u];
    const c = blocks[v];
    edgeCounts[a * B + c]++;
    if (a !== c) edgeCounts[c * B + a]++;
  });
  return { blocks, numBlocks: B, sizes, edgeCounts, logLikelihood: chosen.logL, icl: chosen.icl };
}

/** k-means (k-means++ seeding, Lloyd iterations) on the rows of the B leading eigenvectors. */
function spectralInit(values: Float64Array, U: Float64Array, n: number, B: number, rng: Rng): Int32Array {
  const X = new Float64Array(n * B);
  for (let i = 0; i < n; i++) for (let c = 0; c < B; c++) X[i * B + c] = U[(n - 1 - c) * n + i];
  const centers = new Float64Array(B * B);
  const d2 = new Float64Array(n).fill(Infinity);
  const dist = (i: number, c: number): number => {
    let s = 0;
    for (let j = 0; j < B; j++) {
      const d = X[i * B + j] - centers[c * B + j];
      s += d * d;
    }
    return s;
  };
  let first = rng.int(0, n);
  for (let c = 0; c < B; c++) {
    for (let j = 0; j < B; j++) centers[c * B + j] = X[first * B + j];
    for (let i = 0; i < n; i++) d2[i] = Math.min(d2[i], dist(i, c));
    let total = 0;
    for (let i = 0; i < n; i++) total += d2[i];
    first = total > 0 ? rng.categorical(d2) : rng.int(0, n);
  }
  const labels = new Int32Array(n);
  for (let it = 0; it < 30; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let bc = 0;
      let bd = Infinity;
      for (let c = 0; c < B; c++) {
        const d = dist(i, c);
        if (d < bd) {
          bd = d;
          bc = c;
        }
      }
      if (labels[i] !== bc || it === 0) changed++;
      labels[i] = bc;
    }
    if (changed === 0) break;
    centers.fill(0);
    const count = new Float64Array(B);
    for (let i = 0; i < n; i++) {
      count[labels[i]]++;
      for (let j = 0; j < B; j++) centers[labels[i] * B + j] += X[i * B + j];
    }
    for (let c = 0; c < B; c++) if (count[c] > 0) for (let j = 0; j < B; j++) centers[c * B + j] /= count[c];
  }
  void values;
  return labels;
}

function greedyFit(
  n: number,
  offsets: ArrayLike<number>,
  targets: ArrayLike<number>,
  B: number,
  rng: Rng,
  maxSweeps: number,
  init: Int32Array | null,
): { blocks: Int32Array; logL: number } {
  const blocks = new Int32Array(n);
  for (let v = 0; v < n; v++) blocks[v] = init === null ? rng.int(0, B) : init[v];
  const sizes = new Float64Array(B);
  const M = new Float64Array(B * B); // symmetric, diagonal = intra edges (once)
  for (let v = 0; v < n; v++) sizes[blocks[v]]++;
  for (let v = 0; v < n; v++) {
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const w = targets[k];
      if (w <= v) continue;
      const a = blocks[v];
      const c = blocks[w];
      M[a * B + c]++;
      if (a !== c) M[c * B + a]++;
    }
  }
  const term = (r: number, t: number): number => {
    const N = r === t ? (sizes[r] * (sizes[r] - 1)) / 2 : sizes[r] * sizes[t];
    return xlogx(M[r * B + t], N);
  };
  const local = (r: number, s: number): number => {
    let acc = 0;
    for (let t = 0; t < B; t++) acc += term(r, t);
    for (let t = 0; t < B; t++) if (t !== r) acc += term(s, t);
    return acc;
  };
  const kv = new Float64Array(B);
  const apply = (r: number, s: number, sign: number): void => {
    // move the node with neighbour counts kv from r to s (sign = 1) or back (sign = -1)
    const from = sign > 0 ? r : s;
    const to = sign > 0 ? s : r;
    sizes[from]--;
    sizes[to]++;
    for (let t = 0; t < B; t++) {
      const k = kv[t];
      if (k === 0) continue;
      M[from * B + t] -= k;
      if (t !== from) M[t * B + from] -= k;
      M[to * B + t] += k;
      if (t !== to) M[t * B + to] += k;
    }
  };
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let moved = 0;
    const order = rng.permutation(n);
    for (let i = 0; i < n; i++) {
      const v = order[i];
      const r = blocks[v];
      kv.fill(0);
      for (let k = offsets[v]; k < offsets[v + 1]; k++) kv[blocks[targets[k]]]++;
      let bestS = r;
      let bestDelta = 1e-9;
      for (let s = 0; s < B; s++) {
        if (s === r) continue;
        const before = local(r, s);
        apply(r, s, 1);
        const after = local(r, s);
        apply(r, s, -1);
        if (after - before > bestDelta) {
          bestDelta = after - before;
          bestS = s;
        }
      }
      if (bestS !== r) {
        apply(r, bestS, 1);
        blocks[v] = bestS;
        moved++;
      }
    }
    if (moved === 0) break;
  }
  let logL = 0;
  for (let r = 0; r < B; r++) for (let t = r; t < B; t++) logL += term(r, t);
  return { blocks, logL };
}
