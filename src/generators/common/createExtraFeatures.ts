import { assertInteger, assertOneOf } from '../../core/assert.js';
import { InputError } from '../../core/errors.js';
import type { DenseBatch } from '../../graph/collate.js';
import { Graph } from '../../graph/Graph.js';
import { spectralFeatures } from '../../embed/spectralFeatures.js';
import { projectorsOfAdjacency } from '../../embed/spectralProjectors.js';
import { scatterProjectors } from './scatterProjectors.js';
import { connectedComponents } from '../../metrics/stats/connectedComponents.js';
import type { ExtraFeatures, ExtraFeaturesConfig, ExtraFeaturesName, ExtraFeaturesResult } from './ExtraFeatures.js';
import { concatExtraFeatures, molecularFeatures } from './molecularFeatures.js';

const NAMES: readonly ExtraFeaturesName[] = ['none', 'cycles', 'rrwp', 'cycles+rrwp', 'cycles+spectral'];

/**
 * Builds the {@link ExtraFeatures} named in `config`. Every set includes one global feature,
 * the node count `n / 64`. The sets:
 *
 * - `cycles` (DiGress, Vignac et al. 2023): closed-form counts of simple cycles from powers of
 *   the adjacency `A` (float64, exact), with `d = A 1` the degrees, `t = diag(A³)`, `∘` the
 *   entrywise product. Per node i, the cycles through i of length
 *   `c3_i = t_i / 2`,
 *   `c4_i = (A⁴_ii − d_i(d_i − 1) − (A d)_i) / 2`,
 *   `c5_i = (A⁵_ii − 2 t_i d_i − (A t)_i − 2 ((A ∘ A²) d)_i + 5 t_i) / 2`;
 *   per graph the totals `C3 = Σ c3_i / 3`, `C4 = Σ c4_i / 4`, `C5 = Σ c5_i / 5` and
 *   `C6 = (tr A⁶ − 3 Σ_i t_i² + 9 Σ_ij A_ij (A²_ij)² − 6 Σ_i d_i A⁴_ii + 6 tr A⁴ − 4 tr A³
 *   + 4 Σ_i d_i³ + 3 Σ_ij A³_ij − 12 Σ_i d_i² + 4 Σ_i d_i) / 12`.
 *   Every count is divided by 10 and clipped at 1, as in DiGress. `config.maxCycleLength` L
 *   picks the lengths: per node 3..min(L, 5), per graph 3..L, i.e. node width `min(L, 5) − 2`,
 *   global width `L − 2`. L = 6 is DiGress's set (node width 3, global width 4); the default
 *   L = 4 (node width 2, global width 2) is the set of models saved before 5- and 6-cycles
 *   existed, which therefore load unchanged. The per-node 5-cycle formula is the exact one
 *   (DiGress's `k5_cycle` drops the `(A ∘ A²) d` term and has `+ t_i` for `+ 5 t_i`, which
 *   counts 6 five-cycles through each node of K4). Cost per graph: one (L ≤ 4) or two (L ≥ 5)
 *   n×n matrix products; the higher diagonals use `A⁴_ii = Σ_j (A²_ij)²`,
 *   `A⁵_ii = Σ_j A²_ij A³_ij`, `A⁶_ii = Σ_j (A³_ij)²`. The tfjs twin is `batchedCycleCounts`
 *   (graphgen/embed).
 * - `rrwp` (DeFoG, Qin et al. 2025; Ma et al. 2023): with the random-walk matrix
 *   `P = D⁻¹ A` (rows of isolated nodes zero), per pair `[P¹_ij, …, P^K_ij]` (edge width K) and
 *   per node its diagonal `[P¹_ii, …, P^K_ii]` (node width K).
 * - `cycles+spectral` (DiGress's default set, with L = 6): the cycle features plus, from
 *   graphgen/embed's `spectralFeatures` of the symmetric normalised Laplacian, per node the k
 *   projector-diagonal eigenvector features (sign and basis invariant) and per graph the k
 *   smallest eigenvalues and the number of connected components / 10 (node width
 *   `min(L, 5) − 2 + k`, global width `1 + (L − 2) + k + 1`; 2 + k and 3 + k + 1 for the
 *   default L = 4).
 * - `cycles+rrwp`: cycles and RRWP, concatenated.
 *
 * With `config.components`, connected-component features follow the named set: per pair
 * `[i ~ j]` (1 when i and j are joined by a path; 0 on the diagonal like every pair feature
 * once in the denoiser input), per node `|C(i)| / n`, per graph `#components / 10` (one
 * column more each; breadth-first search, O(n²) per graph with the pair scan). Random walks
 * of K steps cannot tell two far-apart nodes of one tree from two nodes of different trees;
 * these features can.
 *
 * With `config.cycleEdges`, cycle-membership features follow (after the component features when
 * both are on): per pair `1` when i–j is an edge that lies on a cycle (an edge that is not a
 * bridge; 0 for non-edges and bridges), per node `1` when i is an endpoint of such an edge, per
 * graph the cycle rank `min(1, (|E| − n + #components) / 10)` (0 exactly for forests). One column
 * more each; Tarjan's bridge test, O(n + |E|) per graph after the O(n²) scan. Cycle counts stop
 * at length 6 and K-step random walks at length K; these features mark a cycle whatever its
 * length, e.g. the one extra edge of a sampled 64-node tree that closes a 30-cycle.
 *
 * With `config.spectralPairs` = k, spectral-projector features follow (after the component and
 * cycle-edge features): graphgen/embed's `spectralProjectors` of the regularised normalised
 * Laplacian, per pair the k scaled projectors onto the 1…k smallest non-trivial eigenvectors
 * (about 1 for two nodes of one spectral cluster, negative across clusters; sign and basis
 * invariant), per node their diagonals, per graph the k smallest non-trivial eigenvalues (k
 * columns more each; one dense eigendecomposition, O(n³) per graph). They show block membership
 * directly, where random walks of K steps blur it at stochastic-block-model densities.
 *
 * With `config.molecular` (chemistry tables), DiGress's valency-aware molecular features
 * (`molecularFeatures`: per node current valency and valency deficit, per graph molecular
 * weight) are appended after the named set.
 *
 * Shapes: from a one-hot batch (`e [B,N,N,de]`, class 0 = no edge) to `x [B,N,nodeDim]`,
 * `e [B,N,N,edgeDim]`, `y [B,globalDim]`, padding rows zero; the declared widths are exactly
 * the widths produced.
 *
 * @param config - which set, K for RRWP, k eigenvalues, L the longest cycle, whether to add component and cycle-edge features, how many spectral projectors
 * @returns the feature set
 * @throws `InputError` for an unknown name, K or k outside [1, 64], L outside [3, 6], a non-boolean `components` or `cycleEdges`, `spectralPairs` outside [1, 16]
 *
 * @example
 * ```ts
 * const f = createExtraFeatures({ name: 'rrwp', walkSteps: 8 });
 * const { x, e, y } = f.compute(collate(graphs, { nodeClasses: 1, edgeClasses: 2 }));
 * const digress = createExtraFeatures({ name: 'cycles+spectral', maxCycleLength: 6 }); // nodeDim 3 + 5, globalDim 1 + 4 + 6
 * ```
 */
export function createExtraFeatures(config: ExtraFeaturesConfig): ExtraFeatures {
  assertOneOf(config?.name, 'config.name', NAMES);
  if (config.components !== undefined && typeof config.components !== 'boolean') {
    throw InputError.invalid('config.components', 'a boolean', JSON.stringify(config.components));
  }
  if (config.cycleEdges !== undefined && typeof config.cycleEdges !== 'boolean') {
    throw InputError.invalid('config.cycleEdges', 'a boolean', JSON.stringify(config.cycleEdges));
  }
  if (config.molecular !== undefined) return concatExtraFeatures(createExtraFeatures({ ...config, molecular: undefined }), molecularFeatures(config.molecular));
  const K = config.walkSteps ?? 8;
  assertInteger(K, 'config.walkSteps', { min: 1, max: 64 });
  const kEig = config.eigenvalues ?? 5;
  assertInteger(kEig, 'config.eigenvalues', { min: 1, max: 64 });
  const L = config.maxCycleLength ?? 4;
  assertInteger(L, 'config.maxCycleLength', { min: 3, max: 6 });
  const kProj = config.spectralPairs ?? 0;
  if (config.spectralPairs !== undefined) assertInteger(kProj, 'config.spectralPairs', { min: 1, max: 16 });
  const cycles = config.name !== 'none' && config.name !== 'rrwp';
  const rrwp = config.name === 'rrwp' || config.name === 'cycles+rrwp';
  const spectral = config.name === 'cycles+spectral';
  const nodeCycles = cycles ? Math.min(L, 5) - 2 : 0; // lengths 3..min(L, 5) per node
  const graphCycles = cycles ? L - 2 : 0; // lengths 3..L per graph
  const comps = config.components === true;
  const cyc = config.cycleEdges === true;
  const tail = (comps ? 1 : 0) + (cyc ? 1 : 0) + kProj; // columns per node, pair and graph after the named set
  const nodeDim = nodeCycles + (rrwp ? K : 0) + (spectral ? kEig : 0) + tail;
  const edgeDim = (rrwp ? K : 0) + tail;
  const globalDim = 1 + graphCycles + (spectral ? kEig + 1 : 0) + tail;
  // first columns of the component, cycle-edge and projector features, in that order
  const compCol = { node: nodeDim - tail, edge: edgeDim - tail, global: globalDim - tail };
  const cycCol = { node: nodeDim - kProj - 1, edge: edgeDim - kProj - 1, global: globalDim - kProj - 1 };
  const projCol = { node: nodeDim - kProj, edge: edgeDim - kProj, global: globalDim - kProj };
  const frozen: ExtraFeaturesConfig = { name: config.name, walkSteps: K, eigenvalues: kEig, maxCycleLength: L, ...(comps ? { components: true } : {}), ...(cyc ? { cycleEdges: true } : {}), ...(kProj > 0 ? { spectralPairs: kProj } : {}) };
  return {
    nodeDim,
    edgeDim,
    globalDim,
    getConfig: () => ({ ...frozen }),
    compute(batch: DenseBatch): ExtraFeaturesResult {
      const { batchSize: B, maxNodes: N, edgeClasses: de, e, nodeCounts } = batch;
      const x = new Float32Array(B * N * nodeDim);
      const ef = new Float32Array(B * N * N * edgeDim);
      const y = new Float32Array(B * globalDim);
      for (let b = 0; b < B; b++) {
        const n = nodeCounts[b];
        y[b * globalDim] = n / 64;
        if (n === 0) continue;
        const A = new Float64Array(n * n);
        const deg = new Float64Array(n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            if (i === j) continue;
            const off = ((b * N + i) * N + j) * de;
            if (e[off] !== 1 && anyNonZeroClass(e, off, de)) {
              A[i * n + j] = 1;
              deg[i] += 1;
            }
          }
        let col = 0;
        if (cycles) {
          const counts = closedFormCycleCounts(A, deg, n, L);
          for (let i = 0; i < n; i++) for (let k = 0; k < nodeCycles; k++) x[(b * N + i) * nodeDim + k] = Math.min(1, counts.perNode[k * n + i] / 10);
          for (let k = 0; k < graphCycles; k++) y[b * globalDim + 1 + k] = Math.min(1, counts.perGraph[k] / 10);
          col = nodeCycles;
        }
        let graph: Graph | undefined;
        const asGraph = (): Graph => (graph ??= adjacencyGraph(A, n));
        let lists: NeighbourLists | undefined;
        const asLists = (): NeighbourLists => (lists ??= neighbourLists(A, deg, n));
        if (spectral) {
          const sf = spectralFeatures(asGraph(), { k: kEig });
          for (let i = 0; i < n; i++) for (let t = 0; t < kEig; t++) x[(b * N + i) * nodeDim + col + t] = sf.nodeFeatures[i * kEig + t];
          for (let t = 0; t < kEig; t++) y[b * globalDim + 1 + graphCycles + t] = sf.eigenvalues[t];
          y[b * globalDim + 1 + graphCycles + kEig] = sf.numComponents / 10;
          col += kEig;
        }
        if (rrwp) {
          let Pk: Float64Array = new Float64Array(n * n);
          for (let i = 0; i < n; i++) if (deg[i] > 0) for (let j = 0; j < n; j++) Pk[i * n + j] = A[i * n + j] / deg[i];
          const walk = randomWalkStep(asLists(), deg, n);
          for (let k = 0; k < K; k++) {
            if (k > 0) Pk = walk(Pk);
            for (let i = 0; i < n; i++) {
              x[(b * N + i) * nodeDim + col + k] = Pk[i * n + i];
              for (let j = 0; j < n; j++) ef[((b * N + i) * N + j) * edgeDim + k] = Pk[i * n + j];
            }
          }
          col += K;
        }
        if (comps) {
          const { labels, sizes, count } = connectedComponents(asGraph());
          for (let i = 0; i < n; i++) {
            x[(b * N + i) * nodeDim + compCol.node] = sizes[labels[i]] / n;
            for (let j = 0; j < n; j++) if (j !== i && labels[j] === labels[i]) ef[((b * N + i) * N + j) * edgeDim + compCol.edge] = 1;
          }
          y[b * globalDim + compCol.global] = count / 10;
        }
        if (cyc) {
          const { onCycle, rank } = cycleEdges(asLists(), n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              if (onCycle[i * n + j] === 0) continue;
              ef[((b * N + i) * N + j) * edgeDim + cycCol.edge] = 1;
              x[(b * N + i) * nodeDim + cycCol.node] = 1;
            }
          y[b * globalDim + cycCol.global] = Math.min(1, rank / 10);
        }
        if (kProj > 0) {
          const sp = projectorsOfAdjacency(A, n, kProj);
          scatterProjectors(sp, n, { x, e: ef, y }, { graph: b, maxNodes: N, widths: { node: nodeDim, edge: edgeDim, global: globalDim }, columns: projCol, diagonal: true });
        }
      }
      return { x, e: ef, y };
    },
  };
}

/**
 * `Q ↦ P Q` for the random-walk matrix `P = D⁻¹ A` of a 0/1 adjacency (n×n, row-major; rows of
 * isolated nodes zero), through neighbour lists: row i of `P Q` is the mean of the rows of `Q`
 * at i's neighbours, O(n · |E|) instead of the dense O(n³) product (`P^k = P P^(k−1)`).
 */
function randomWalkStep({ start, nbr }: NeighbourLists, deg: Float64Array, n: number): (Q: Float64Array) => Float64Array {
  return (Q) => {
    const R = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      if (deg[i] === 0) continue;
      const w = 1 / deg[i];
      const row = i * n;
      for (let t = start[i]; t < start[i + 1]; t++) {
        const m = nbr[t] * n;
        for (let j = 0; j < n; j++) R[row + j] += w * Q[m + j];
      }
    }
    return R;
  };
}

/**
 * Which edges of a graph (its neighbour lists, n nodes) lie on a cycle, i.e.
 * are not bridges (`onCycle[i n + j] = onCycle[j n + i] = 1`), and the cycle rank
 * `|E| − n + #components` (the number of independent cycles). Tarjan's low-link bridge test on an
 * iterative depth-first search: a tree edge p–v is a bridge iff no back edge from v's subtree
 * reaches p or above (`low(v) > disc(p)`); a non-tree edge always closes a cycle. O(n + |E|)
 * given the lists.
 */
function cycleEdges({ start, nbr }: NeighbourLists, n: number): { onCycle: Uint8Array; rank: number } {
  const onCycle = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) for (let t = start[i]; t < start[i + 1]; t++) onCycle[i * n + nbr[t]] = 1; // every edge, bridges cleared below
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // per node, the next neighbour slot to visit
  const stack = new Int32Array(n);
  let time = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    components++;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time++;
    next[root] = start[root];
    while (top >= 0) {
      const v = stack[top];
      if (next[v] < start[v + 1]) {
        const w = nbr[next[v]++];
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          next[w] = start[w];
          stack[++top] = w;
        } else if (w !== parent[v] && disc[w] < low[v]) low[v] = disc[w];
        continue;
      }
      top--;
      const p = parent[v];
      if (p < 0) continue;
      if (low[v] < low[p]) low[p] = low[v];
      if (low[v] > disc[p]) onCycle[p * n + v] = onCycle[v * n + p] = 0; // p–v is a bridge
    }
  }
  return { onCycle, rank: start[n] / 2 - n + components };
}

/** Compressed neighbour lists of a 0/1 adjacency (n×n, row-major, degrees `deg`): i's neighbours are `nbr[start[i] .. start[i + 1])`, ascending. */
interface NeighbourLists {
  start: Int32Array;
  nbr: Int32Array;
}

function neighbourLists(A: Float64Array, deg: Float64Array, n: number): NeighbourLists {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + deg[i];
  const nbr = new Int32Array(start[n]);
  for (let i = 0, t = 0; i < n; i++) for (let j = 0; j < n; j++) if (A[i * n + j] !== 0) nbr[t++] = j;
  return { start, nbr };
}

/** The graph of a 0/1 symmetric adjacency (n×n, row-major). */
function adjacencyGraph(A: Float64Array, n: number): Graph {
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (A[i * n + j] > 0) edges.push([i, j]);
  return Graph.fromEdgeList(n, edges);
}

function anyNonZeroClass(e: Float32Array, off: number, de: number): boolean {
  for (let c = 1; c < de; c++) if (e[off + c] > 0) return true;
  return false;
}

/**
 * Closed-form simple-cycle counts of one 0/1 symmetric adjacency `A` (n×n, row-major) with
 * degrees `deg`: per node lengths 3..min(L, 5) (`perNode[(k − 3) n + i]`), per graph 3..L
 * (`perGraph[k − 3]`). Float64: every term is an integer below `n⁶`, exact for n ≤ 400.
 */
function closedFormCycleCounts(A: Float64Array, deg: Float64Array, n: number, L: number): { perNode: Float64Array; perGraph: Float64Array } {
  const perNode = new Float64Array((Math.min(L, 5) - 2) * n);
  const perGraph = new Float64Array(L - 2);
  const A2 = matmul(A, A, n);
  const A3 = L >= 5 ? matmul(A, A2, n) : undefined;
  const t = new Float64Array(n); // diag(A³)
  const ad = new Float64Array(n); // (A d)_i
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = A[i * n + j];
      if (a === 0) continue;
      t[i] += a * A2[i * n + j];
      ad[i] += a * deg[j];
    }
  let six = 0;
  for (let i = 0; i < n; i++) {
    const d = deg[i];
    let diag4 = 0; // A⁴_ii
    for (let j = 0; j < n; j++) diag4 += A2[i * n + j] * A2[i * n + j];
    const c3 = t[i] / 2;
    const c4 = (diag4 - d * (d - 1) - ad[i]) / 2;
    perNode[i] = c3;
    perGraph[0] += c3;
    if (L >= 4) {
      perNode[n + i] = c4;
      perGraph[1] += c4;
    }
    if (A3 === undefined) continue;
    let diag5 = 0; // A⁵_ii
    let diag6 = 0; // A⁶_ii
    let at = 0; // (A t)_i
    let aa2d = 0; // Σ_j A_ij A²_ij d_j
    let aa2sq = 0; // Σ_j A_ij (A²_ij)²
    let a3row = 0; // Σ_j A³_ij
    for (let j = 0; j < n; j++) {
      const a = A[i * n + j];
      const a2 = A2[i * n + j];
      const a3 = A3[i * n + j];
      diag5 += a2 * a3;
      diag6 += a3 * a3;
      a3row += a3;
      if (a === 0) continue;
      at += a * t[j];
      aa2d += a * a2 * deg[j];
      aa2sq += a * a2 * a2;
    }
    const c5 = (diag5 - 2 * t[i] * d - at - 2 * aa2d + 5 * t[i]) / 2;
    perNode[2 * n + i] = c5;
    perGraph[2] += c5;
    six += diag6 - 3 * t[i] * t[i] + 9 * aa2sq - 6 * d * diag4 + 6 * diag4 - 4 * t[i] + 4 * d * d * d + 3 * a3row - 12 * d * d + 4 * d;
  }
  for (let k = 0; k < Math.min(L, 5) - 2; k++) perGraph[k] /= k + 3; // each k-cycle was counted at its k nodes
  if (L >= 6) perGraph[3] = six / 12;
  return { perNode, perGraph };
}

function matmul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const v = a[i * n + k];
      if (v === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += v * b[k * n + j];
    }
  return c;
}
