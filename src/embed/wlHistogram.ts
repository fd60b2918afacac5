import type { Graph } from '../graph/Graph.js';
import { checkGraph, checkOrder } from './denseOps.js';

/** Options of {@link wlHistogram}. */
export interface WlHistogramOptions {
  /** Refinement rounds T (the histogram covers rounds 0..T). @default 3 */
  iterations?: number;
  /** Hash buckets per round. @default 64 */
  bins?: number;
  /** Start from node labels and refine with edge labels. @default true */
  useLabels?: boolean;
}

/** FNV-1a over a string, 32-bit. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Weisfeiler-Lehman colour histogram (1-WL colour refinement; Shervashidze et al. 2011): node
 * colours start at the node labels (or 0) and are refined T times by
 * `c'(v) = hash(c(v), sorted multiset {(label(v,u), c(u)) : u ∈ N(v)})`; each round's colours
 * are counted into `bins` buckets (colour hash mod bins), giving a vector of length
 * `(T + 1) · bins`.
 *
 * Colours depend only on isomorphism-invariant data (hashes of sorted multisets), so the
 * histogram is permutation-invariant. It cannot separate 1-WL-equivalent graphs, e.g. any two
 * d-regular graphs on n nodes such as K_{3,3} and the triangular prism; hash collisions can
 * additionally merge distinct colours.
 *
 * @param graph - the graph
 * @param options - see {@link WlHistogramOptions}
 * @returns counts, `[(T + 1) · bins]`
 * @throws `InputError` for a non-Graph, `iterations` outside [0, 32] or `bins` outside [1, 65536]
 *
 * @example
 * ```ts
 * const h = wlHistogram(graph, { iterations: 2, bins: 16 }); // length 48
 * ```
 */
export function wlHistogram(graph: Graph, options: WlHistogramOptions = {}): Float64Array {
  checkGraph(graph);
  const iterations = options.iterations ?? 3;
  const bins = options.bins ?? 64;
  checkOrder(iterations, 'options.iterations', 0, 32);
  checkOrder(bins, 'options.bins', 1, 65536);
  const useLabels = options.useLabels ?? true;
  const n = graph.n;
  let colours = new Uint32Array(n);
  for (let v = 0; v < n; v++) colours[v] = fnv1a(`n${useLabels ? graph.nodeLabel(v) : 0}`);
  const out = new Float64Array((iterations + 1) * bins);
  for (let t = 0; t <= iterations; t++) {
    for (let v = 0; v < n; v++) out[t * bins + (colours[v] % bins)] += 1;
    if (t === iterations) break;
    const next = new Uint32Array(n);
    for (let v = 0; v < n; v++) {
      const nb = graph.neighbors(v);
      const items: string[] = [];
      for (let q = 0; q < nb.length; q++) items.push(`${useLabels ? graph.edgeLabel(v, nb[q]) : 1}:${colours[nb[q]]}`);
      items.sort();
      next[v] = fnv1a(`${colours[v]}|${items.join(',')}`);
    }
    colours = next;
  }
  return out;
}
