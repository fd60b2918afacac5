import type { Graph } from '../graph/Graph.js';
import { InputError, describeValue } from '../core/errors.js';
import { checkGraph } from './denseOps.js';
import { cycleCounts } from './cycleCounts.js';
import { degreeMoments } from './degreeMoments.js';
import { powerSums } from './powerSums.js';
import { spectralFeatures } from './spectralFeatures.js';
import { walkSums } from './walkSums.js';
import { wlHistogram } from './wlHistogram.js';

/** Which invariants {@link graphEmbedding} concatenates; `false` drops a block. */
export interface GraphEmbeddingSpec {
  /** K of {@link powerSums} (`tr A^k`, k = 1..K). @default 6 */
  powerSums?: number | false;
  /** K of {@link walkSums} (`1ᵀ A^k 1`). @default 6 */
  walkSums?: number | false;
  /** P of {@link degreeMoments}. @default 4 */
  degreeMoments?: number | false;
  /** Longest cycle length of {@link cycleCounts} (per-graph counts of lengths 3..K). @default 6 */
  cycles?: number | false;
  /** k smallest normalised-Laplacian eigenvalues plus the component count ({@link spectralFeatures}). @default 8 */
  spectrum?: number | false;
  /** {@link wlHistogram} options (normalised to frequencies). @default { iterations: 3, bins: 16 } */
  wl?: { iterations: number; bins: number } | false;
  /** Apply `log(1 + x)` to the count blocks (power sums, walk sums, cycles) to tame their growth. @default true */
  logCounts?: boolean;
}

function resolve(spec: GraphEmbeddingSpec) {
  const pick = <T>(v: T | false | undefined, d: T): T | false => (v === undefined ? d : v);
  return {
    powerSums: pick(spec.powerSums, 6),
    walkSums: pick(spec.walkSums, 6),
    degreeMoments: pick(spec.degreeMoments, 4),
    cycles: pick(spec.cycles, 6),
    spectrum: pick(spec.spectrum, 8),
    wl: pick(spec.wl, { iterations: 3, bins: 16 }),
    logCounts: spec.logCounts ?? true,
  };
}

/**
 * Names of the entries of {@link graphEmbedding} for a spec, in order (e.g. `"n"`, `"edges"`,
 * `"tr(A^3)"`, `"cycles_5"`, `"lambda_2"`, `"components"`, `"wl1[7]"`). Its length is the
 * embedding length, which depends only on the spec.
 *
 * @example
 * ```ts
 * graphEmbeddingNames({ wl: false }).length; // 2 + 6 + 6 + 4 + 4 + 9
 * ```
 */
export function graphEmbeddingNames(spec: GraphEmbeddingSpec = {}): string[] {
  const s = resolve(spec);
  const names = ['n', 'edges'];
  if (s.powerSums !== false) for (let k = 1; k <= s.powerSums; k++) names.push(`tr(A^${k})`);
  if (s.walkSums !== false) for (let k = 1; k <= s.walkSums; k++) names.push(`1'A^${k}1`);
  if (s.degreeMoments !== false) for (let p = 1; p <= s.degreeMoments; p++) names.push(`E[d^${p}]`);
  if (s.cycles !== false) for (let k = 3; k <= s.cycles; k++) names.push(`cycles_${k}`);
  if (s.spectrum !== false) {
    for (let t = 0; t < s.spectrum; t++) names.push(`lambda_${t}`);
    names.push('components');
  }
  if (s.wl !== false) for (let t = 0; t <= s.wl.iterations; t++) for (let b = 0; b < s.wl.bins; b++) names.push(`wl${t}[${b}]`);
  return names;
}

/**
 * A fixed-length, permutation-invariant vector description of a graph, concatenating (each
 * block optional, see {@link GraphEmbeddingSpec}): node and edge counts, power sums `tr A^k`,
 * walk sums `1ᵀA^k1`, degree moments, per-graph k-cycle counts, the smallest eigenvalues of the
 * normalised Laplacian and the number of components, and WL colour-histogram frequencies.
 *
 * **Invariance (proof sketch).** Every block is a function of the isomorphism class: traces and
 * `1ᵀA^k1` are unchanged by `A ↦ PAPᵀ`; degree multisets, cycle counts and component counts are
 * graph invariants; the spectrum of `L` is similarity-invariant; WL colours are hashes of sorted
 * multisets. Floating-point evaluation order differs between labellings only in the eigenvalues
 * (≈1e-12).
 *
 * **What it cannot separate.** Graphs agreeing on all blocks, e.g. pairs of strongly regular
 * graphs with the same parameters such as the 4×4 rook's graph and the Shrikhande graph (same
 * n, degrees, spectrum, 1-WL colours and short cycle counts). Individual blocks are weaker:
 * power sums alone miss adjacency-cospectral pairs (K_{1,4} vs C4 ∪ K1), WL and degree moments
 * miss regular pairs (K_{3,3} vs the prism; cycle counts separate those).
 *
 * Cost is dominated by the eigen-decomposition, O(n³), and cycle enumeration,
 * O(n Δ^(K−1)).
 *
 * @param graph - the graph
 * @param spec - the blocks to include
 * @returns `Float64Array` of length `graphEmbeddingNames(spec).length`
 * @throws `InputError` for a non-Graph or invalid block parameters
 *
 * @example
 * ```ts
 * const v = graphEmbedding(graph); // default blocks
 * const w = graphEmbedding(graph, { wl: false, spectrum: 4 });
 * ```
 */
export function graphEmbedding(graph: Graph, spec: GraphEmbeddingSpec = {}): Float64Array {
  checkGraph(graph);
  if (typeof spec !== 'object' || spec === null) throw InputError.invalid('spec', 'an object', describeValue(spec));
  const s = resolve(spec);
  const out: number[] = [graph.n, graph.numEdges];
  const counts = (v: Float64Array): number[] => Array.from(v, (x) => (s.logCounts ? Math.log1p(x) : x));
  if (s.powerSums !== false) out.push(...counts(powerSums(graph, { maxK: s.powerSums })));
  if (s.walkSums !== false) out.push(...counts(walkSums(graph, { maxK: s.walkSums })));
  if (s.degreeMoments !== false) out.push(...degreeMoments(graph, { maxOrder: s.degreeMoments }));
  if (s.cycles !== false) out.push(...counts(cycleCounts(graph, { maxK: s.cycles }).perGraph));
  if (s.spectrum !== false) {
    const sp = spectralFeatures(graph, { k: s.spectrum });
    out.push(...sp.eigenvalues, sp.numComponents);
  }
  if (s.wl !== false) {
    const h = wlHistogram(graph, { iterations: s.wl.iterations, bins: s.wl.bins });
    const n = Math.max(1, graph.n);
    out.push(...Array.from(h, (x) => x / n));
  }
  return Float64Array.from(out);
}
