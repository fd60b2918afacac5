import { InputError, describeValue } from '../core/errors.js';
import type { Graph } from '../graph/Graph.js';
import { featuresOf, nspdkParams, type NspdkOptions } from './nspdkFeatures.js';

/**
 * NSPDK MMD between two sets of labelled graphs, as GDSS and MoFlow report it
 * (`compute_nspdk_mmd`): with `phi` the unit-norm NSPDK features of {@link nspdkFeatures}
 * (EDeN `vectorize(complexity=4, discrete=True)` by default) and the linear kernel
 * `k(g, h) = phi(g) . phi(h)`,
 *
 * `MMD = mean_{x,x'} k(x, x') + mean_{y,y'} k(y, y') - 2 mean_{x,y} k(x, y)`
 *
 * over all pairs, diagonals included (the biased V-statistic, not square-rooted). Because the
 * kernel is linear this equals `|mean phi(X) - mean phi(Y)|^2`, which is how it is computed here
 * (linear time instead of quadratic; equal up to rounding). Empty graphs (no nodes) are skipped,
 * as GDSS drops empty generated graphs before this metric.
 *
 * (Costa & De Grave, ICML 2010; Jo et al., GDSS, ICML 2022.)
 *
 * @param x - first set, e.g. the test graphs
 * @param y - second set, e.g. the generated graphs
 * @param options - see {@link NspdkOptions}
 * @returns the MMD, >= 0 (0 for identical multisets of graphs)
 * @throws `InputError` when a set is not an array, has no non-empty graph, or holds a non-Graph
 *
 * @example
 * ```ts
 * const c = Graph.empty(1, { nodeLabels: [6] });
 * const n = Graph.empty(1, { nodeLabels: [7] });
 * nspdkMmd([c], [n]);    // 2 (disjoint features)
 * nspdkMmd([c, n], [c]); // 0.5 + 1 - 2 * 0.5 = 0.5
 * ```
 */
export function nspdkMmd(x: readonly Graph[], y: readonly Graph[], options: NspdkOptions = {}): number {
  const { r, d, nbits } = nspdkParams(options);
  const mx = meanEmbedding(x, 'x', r, d, nbits);
  const my = meanEmbedding(y, 'y', r, d, nbits);
  let s = 0;
  for (const [k, a] of mx) {
    const b = my.get(k) ?? 0;
    s += (a - b) * (a - b);
  }
  for (const [k, b] of my) if (!mx.has(k)) s += b * b;
  return Math.max(0, s);
}

function meanEmbedding(graphs: readonly Graph[], name: string, r: number, d: number, nbits: number): Map<number, number> {
  if (!Array.isArray(graphs)) throw InputError.invalid(name, 'an array of Graphs', describeValue(graphs));
  const sum = new Map<number, number>();
  let count = 0;
  graphs.forEach((g, i) => {
    if (g && typeof g === 'object' && (g as Graph).n === 0) return;
    const f = featuresOf(g, r, d, nbits, `${name}[${i}]`);
    for (let k = 0; k < f.indices.length; k++) sum.set(f.indices[k], (sum.get(f.indices[k]) ?? 0) + f.values[k]);
    count++;
  });
  if (count === 0) throw InputError.invalid(name, 'at least one non-empty graph', `${graphs.length} graphs, none with nodes`);
  for (const [k, s] of sum) sum.set(k, s / count);
  return sum;
}
