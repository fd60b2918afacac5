import { assertFinite, assertInteger } from '../../core/assert.js';
import { InputError, describeValue, throwIfAborted } from '../../core/errors.js';
import type { Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';
import { emd } from '../../ot/emd.js';
import { fusedGromovWasserstein } from '../../ot/gromov/fusedGromovWasserstein.js';
import { gromovWasserstein } from '../../ot/gromov/gromovWasserstein.js';
import { checkStructureKind, graphStructure, hopProfiles, type GraphStructureKind } from './graphStructure.js';

/** Progress event of {@link graphBarycenter}: one per outer iteration. */
export interface GraphBarycenterProgress {
  /** Outer iteration just finished (1-based). */
  iteration: number;
  /** The iteration budget. */
  maxIter: number;
  /** `Σ_s λ_s (F)GW_s` of the couplings of this iteration. */
  value: number;
  /** Frobenius change of the structure (and node features) in this iteration. */
  change: number;
}

/** Options of {@link graphBarycenter}. */
export interface GraphBarycenterOptions {
  /** Random generator (restarts and the node choice of the initial structure). Required. */
  rng: Rng;
  /** Number of nodes N of the barycenter. @default the weighted mean node count, rounded */
  nodes?: number;
  /** Structure matrix of every graph. @default 'adjacency' */
  structure?: GraphStructureKind;
  /** Node classes dx; with dx > 1 the problem is fused GW on one-hot node labels (Vayer et al. 2019). @default 1 + the largest node label */
  nodeClasses?: number;
  /** FGW trade-off `(1 - alpha) <M, T> + alpha GW(T)` for labelled graphs, in [0, 1]. @default 0.5 */
  alpha?: number;
  /** The graph whose structure (resized to N nodes) initialises the barycenter. @default the graph of largest weight */
  initIndex?: number;
  /** Outer (block-coordinate) iterations. @default 20 */
  maxIter?: number;
  /** Stop when the Frobenius change of the structure is below `tol`. @default 1e-7 */
  tol?: number;
  /** Conditional-gradient iterations of each inner (F)GW solve. @default 200 */
  innerMaxIter?: number;
  /** Initialisations of the first inner solve of each graph (the hop-profile plan, then random ones); the best is kept. @default 2 */
  nInit?: number;
  /** Called after every outer iteration. */
  onProgress?: (event: GraphBarycenterProgress) => void;
  /** Stops between inner solves with an `AbortedError`. */
  signal?: AbortSignal;
}

/** Result of {@link graphBarycenter}. */
export interface GraphBarycenterResult {
  /** Barycenter structure, N x N, symmetric (edge frequencies for `'adjacency'`). */
  readonly C: Matrix;
  /** Node-class distribution of every barycenter node, N x dx (rows sum to 1). */
  readonly X: Matrix;
  /**
   * Edge-class frequencies `edgeScores[c - 1]` (N x N) for the edge classes c = 1..de-1, from
   * the binary adjacency transported with the final couplings (present for every structure kind).
   */
  readonly edgeScores: readonly Matrix[];
  /** Couplings from the barycenter to each graph: `plans[s]` is N x n_s. */
  readonly plans: readonly Matrix[];
  /** Weights λ, normalised to sum 1. */
  readonly weights: Float64Array;
  /** Weighted (F)GW loss of the last couplings. */
  readonly value: number;
  /** `'converged'` when the change fell below `tol` before `maxIter`. */
  readonly status: 'converged' | 'maxIter';
  /** Outer iterations performed. */
  readonly iterations: number;
}

/**
 * Gromov-Wasserstein barycenter of graphs (Peyré, Cuturi, Solomon, ICML 2016), or fused GW
 * barycenter for node-labelled graphs (Vayer et al., ICML 2019), with uniform node masses:
 *
 * ```text
 *   C* = argmin_{C ∈ R^{N×N}, X}  Σ_s λ_s [ (1 − α) <M_s(X), T_s> + α Σ_{i,j,k,l} (C_ik − C^s_jl)² T_s,ij T_s,kl ]
 * ```
 *
 * over couplings `T_s` (N x n_s) with marginals `1/N` and `1/n_s` (α = 1 without labels), by
 * block-coordinate descent: couplings by graphgen/ot's conditional-gradient (F)GW solver, each
 * warm-started from its previous value, then the closed-form square-loss updates
 * `C = N² Σ_s λ_s T_s C_s T_sᵀ` and `X = N Σ_s λ_s T_s Y_s`.
 *
 * Unlike graphgen/ot's `gromovBarycenter` (random initial structure), the barycenter starts from
 * a real graph (`initIndex`, resized to N nodes by a BFS-ordered subset or duplicated nodes) and
 * the first couplings from the exact OT plan between per-node hop profiles (the fractions of nodes
 * at distance 1, 2, … — degree first), plus `nInit − 1` random restarts, keeping the best. This
 * makes the barycenter of permuted copies of one graph that graph, and gives progress callbacks
 * and cancellation for long runs. The problem is non-convex: results are local optima.
 *
 * Cost per outer iteration: S inner solves of O(N² n + N n²) per CG iteration.
 *
 * @param graphs - S >= 1 graphs, each with >= 1 node
 * @param weights - S non-negative weights, not all 0 (normalised)
 * @param options - see {@link GraphBarycenterOptions}
 * @returns structure, node-class distributions, edge-class frequencies, couplings, loss
 * @throws `InputError` for empty lists, non-Graph entries, empty graphs, bad weights or options
 * @throws `AbortedError` when `options.signal` fires
 *
 * @example
 * ```ts
 * const bary = graphBarycenter([g1, g2, g3], [0.5, 0.3, 0.2], { nodes: 12, rng: createRng(0) });
 * const g = decodeBarycenter(bary, { edges: 20 });
 * ```
 */
export function graphBarycenter(graphs: readonly Graph[], weights: ArrayLike<number>, options: GraphBarycenterOptions): GraphBarycenterResult {
  if (!Array.isArray(graphs) || graphs.length === 0) throw InputError.invalid('graphs', 'a non-empty array of Graph', describeValue(graphs));
  graphs.forEach((g, s) => {
    if (!(g instanceof Graph)) throw InputError.invalid(`graphs[${s}]`, 'a Graph', describeValue(g));
    if (g.n === 0) throw InputError.invalid(`graphs[${s}]`, 'a graph with at least one node', 'an empty graph');
  });
  const S = graphs.length;
  if (weights === null || typeof weights !== 'object' || weights.length !== S) {
    throw InputError.invalid('weights', `${S} non-negative weights`, describeValue(weights));
  }
  const rng = options?.rng;
  if (rng === undefined || rng === null || typeof rng.uniform !== 'function') throw InputError.invalid('options.rng', 'an Rng', describeValue(rng));
  let total = 0;
  for (let s = 0; s < S; s++) {
    const w = weights[s];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw InputError.invalid(`weights[${s}]`, 'a finite number >= 0', describeValue(w));
    total += w;
  }
  if (!(total > 0)) throw InputError.invalid('weights', 'at least one positive weight', 'all zero');
  const lam = Float64Array.from({ length: S }, (_, s) => weights[s] / total);
  let meanN = 0;
  for (let s = 0; s < S; s++) meanN += lam[s] * graphs[s].n;
  const N = options.nodes ?? Math.max(1, Math.round(meanN));
  assertInteger(N, 'options.nodes', { min: 1, max: 4096 });
  const structure = checkStructureKind(options.structure ?? 'adjacency', 'options.structure');
  let maxLabel = 0;
  let maxEdgeLabel = 1;
  for (const g of graphs) {
    const nl = g.nodeLabels();
    for (let i = 0; i < nl.length; i++) maxLabel = Math.max(maxLabel, nl[i]);
    const el = g.edgeLabels();
    for (let i = 0; i < el.length; i++) maxEdgeLabel = Math.max(maxEdgeLabel, el[i]);
  }
  const dx = options.nodeClasses ?? maxLabel + 1;
  assertInteger(dx, 'options.nodeClasses', { min: maxLabel + 1 });
  const alpha = options.alpha ?? 0.5;
  assertFinite(alpha, 'options.alpha', { min: 0, max: 1 });
  let initIndex = options.initIndex;
  if (initIndex === undefined) {
    initIndex = 0;
    for (let s = 1; s < S; s++) if (lam[s] > lam[initIndex]) initIndex = s;
  }
  assertInteger(initIndex, 'options.initIndex', { min: 0, max: S - 1 });
  const maxIter = options.maxIter ?? 20;
  assertInteger(maxIter, 'options.maxIter', { min: 1 });
  const tol = options.tol ?? 1e-7;
  assertFinite(tol, 'options.tol', { min: 0 });
  const innerMaxIter = options.innerMaxIter ?? 200;
  assertInteger(innerMaxIter, 'options.innerMaxIter', { min: 1 });
  const nInit = options.nInit ?? 2;
  assertInteger(nInit, 'options.nInit', { min: 1, max: 100 });

  const fused = dx > 1;
  const Cs = graphs.map((g) => graphStructure(g, structure));
  const Ys = graphs.map((g) => oneHot(g.nodeLabels(), dx));
  const qs = graphs.map((g) => new Float64Array(g.n).fill(1 / g.n));
  const p = new Float64Array(N).fill(1 / N);

  // initial structure and features from graph `initIndex`, resized to N nodes
  const ref = graphs[initIndex];
  const src = resizeNodes(ref, N, rng);
  const Cr = Cs[initIndex].data;
  const nr = ref.n;
  let C: Float64Array = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j) C[i * N + j] = Cr[src[i] * nr + src[j]];
  let X: Float64Array = new Float64Array(N * dx);
  for (let i = 0; i < N; i++) for (let c = 0; c < dx; c++) X[i * dx + c] = Ys[initIndex][src[i] * dx + c];

  // initial couplings: exact OT between hop profiles (and labels), then (F)GW with restarts
  const W = 2 * (HOPS + 1);
  const profR = nodeSignatures(ref);
  const plans: Float64Array[] = [];
  for (let s = 0; s < S; s++) {
    throwIfAborted(options.signal, 'barycenter');
    const g = graphs[s];
    const ns = g.n;
    const profS = nodeSignatures(g);
    const M0 = new Float64Array(N * ns);
    for (let i = 0; i < N; i++)
      for (let j = 0; j < ns; j++) {
        let acc = 0;
        for (let d = 0; d < W; d++) acc += (profR[src[i] * W + d] - profS[j * W + d]) ** 2;
        if (fused) for (let c = 0; c < dx; c++) acc += (X[i * dx + c] - Ys[s][j * dx + c]) ** 2;
        M0[i * ns + j] = acc;
      }
    plans.push(emd(p, qs[s], { rows: N, cols: ns, data: M0 }).plan.data.slice());
  }

  let status: 'converged' | 'maxIter' = 'maxIter';
  let it = 0;
  let value = 0;
  while (it < maxIter) {
    it++;
    value = 0;
    for (let s = 0; s < S; s++) {
      throwIfAborted(options.signal, 'barycenter');
      if (lam[s] === 0 && it > 1) continue;
      const ns = graphs[s].n;
      const cMat = { rows: N, cols: N, data: C };
      const G0 = { rows: N, cols: ns, data: plans[s] };
      const solver = { G0, maxIter: innerMaxIter, nInit: it === 1 ? nInit : 1, rng };
      let run;
      if (fused) {
        const M = new Float64Array(N * ns);
        for (let i = 0; i < N; i++)
          for (let j = 0; j < ns; j++) {
            let acc = 0;
            for (let c = 0; c < dx; c++) acc += (X[i * dx + c] - Ys[s][j * dx + c]) ** 2;
            M[i * ns + j] = acc;
          }
        run = fusedGromovWasserstein({ rows: N, cols: ns, data: M }, cMat, Cs[s], p, qs[s], { ...solver, alpha });
      } else run = gromovWasserstein(cMat, Cs[s], p, qs[s], solver);
      plans[s] = run.plan.data.slice();
      value += lam[s] * run.value;
    }
    const Cn = transportStructures(N, lam, plans, Cs.map((m) => m.data), graphs.map((g) => g.n));
    let change = 0;
    for (let k = 0; k < C.length; k++) change += (Cn[k] - C[k]) ** 2;
    C = Cn;
    if (fused) {
      const Xn = new Float64Array(N * dx);
      for (let s = 0; s < S; s++) {
        const ns = graphs[s].n;
        const T = plans[s];
        for (let i = 0; i < N; i++)
          for (let j = 0; j < ns; j++) {
            const w = lam[s] * T[i * ns + j] * N;
            if (w !== 0) for (let c = 0; c < dx; c++) Xn[i * dx + c] += w * Ys[s][j * dx + c];
          }
      }
      for (let k = 0; k < X.length; k++) change += (Xn[k] - X[k]) ** 2;
      X = Xn;
    }
    change = Math.sqrt(change);
    options.onProgress?.({ iteration: it, maxIter, value, change });
    if (change < tol) {
      status = 'converged';
      break;
    }
  }
  // edge-class frequencies from the binary adjacency (class c >= 1)
  const edgeScores: Matrix[] = [];
  for (let c = 1; c <= maxEdgeLabel; c++) {
    const As = graphs.map((g) => {
      const A = new Float64Array(g.n * g.n);
      g.forEachEdge((u: number, v: number, label: number) => {
        if (label === c) A[u * g.n + v] = A[v * g.n + u] = 1;
      });
      return A;
    });
    edgeScores.push({ rows: N, cols: N, data: transportStructures(N, lam, plans, As, graphs.map((g) => g.n)) });
  }
  return {
    C: { rows: N, cols: N, data: C },
    X: { rows: N, cols: dx, data: X },
    edgeScores,
    plans: plans.map((T, s) => ({ rows: N, cols: graphs[s].n, data: T })),
    weights: lam,
    value,
    status,
    iterations: it,
  };
}

const HOPS = 6;

/**
 * Node signatures for the initial couplings, n x 2(D + 1): the hop profile of the node and the
 * mean hop profile of its neighbours (one Weisfeiler-Lehman-like refinement).
 */
function nodeSignatures(g: Graph): Float64Array {
  const h = hopProfiles(g, HOPS);
  const w = HOPS + 1;
  const n = g.n;
  const out = new Float64Array(n * 2 * w);
  const { offsets, targets } = g.csr();
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < w; d++) out[i * 2 * w + d] = h[i * w + d];
    const deg = offsets[i + 1] - offsets[i];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) for (let d = 0; d < w; d++) out[i * 2 * w + w + d] += h[targets[k] * w + d] / deg;
  }
  return out;
}

/** One-hot labels, n x dx. */
function oneHot(labels: Int32Array, dx: number): Float64Array {
  const out = new Float64Array(labels.length * dx);
  for (let i = 0; i < labels.length; i++) out[i * dx + labels[i]] = 1;
  return out;
}

/**
 * Source node of each of the N barycenter nodes in `g`: a BFS order from a random start (so that
 * a subset stays connected) truncated to N, or all nodes plus random duplicates when N > n.
 */
function resizeNodes(g: Graph, N: number, rng: Rng): Int32Array {
  const n = g.n;
  if (N === n) return Int32Array.from({ length: n }, (_, i) => i);
  const order: number[] = [];
  const seen = new Uint8Array(n);
  const { offsets, targets } = g.csr();
  const starts = rng.permutation(n);
  for (const s0 of starts) {
    if (seen[s0]) continue;
    seen[s0] = 1;
    const queue = [s0];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h];
      order.push(u);
      for (let k = offsets[u]; k < offsets[u + 1]; k++)
        if (!seen[targets[k]]) {
          seen[targets[k]] = 1;
          queue.push(targets[k]);
        }
    }
  }
  if (N < n) return Int32Array.from(order.slice(0, N)).sort();
  const out = new Int32Array(N);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n; i < N; i++) out[i] = rng.int(0, n);
  return out;
}

/** `N² Σ_s λ_s T_s A_s T_sᵀ` with `T_s` N x n_s (uniform barycenter masses 1/N). */
function transportStructures(N: number, lam: Float64Array, plans: Float64Array[], mats: Float64Array[], sizes: number[]): Float64Array {
  const out = new Float64Array(N * N);
  for (let s = 0; s < plans.length; s++) {
    if (lam[s] === 0) continue;
    const n = sizes[s];
    const T = plans[s];
    const A = mats[s];
    const TA = new Float64Array(N * n);
    for (let i = 0; i < N; i++)
      for (let k = 0; k < n; k++) {
        const t = T[i * n + k];
        if (t === 0) continue;
        for (let l = 0; l < n; l++) TA[i * n + l] += t * A[k * n + l];
      }
    const scale = lam[s] * N * N;
    for (let i = 0; i < N; i++)
      for (let j = i; j < N; j++) {
        let acc = 0;
        for (let l = 0; l < n; l++) acc += TA[i * n + l] * T[j * n + l];
        out[i * N + j] += scale * acc;
        if (j !== i) out[j * N + i] += scale * acc;
      }
  }
  return out;
}
