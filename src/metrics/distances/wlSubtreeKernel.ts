import { assertInteger } from '../../core/assert.js';
import { createMatrix, type Matrix } from '../../core/matrix.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraphList } from '../internal/checks.js';
import { wlColors } from '../sample/wlColors.js';

/** Options of {@link wlSubtreeKernel}. */
export interface WlSubtreeKernelOptions {
  /** WL refinement rounds h (the kernel sums rounds 0..h). @default 3 */
  iterations?: number;
  /** Cosine-normalise: `K[i][j] / sqrt(K[i][i] K[j][j])`. @default false */
  normalize?: boolean;
  /** Use node labels as initial colours. @default true */
  nodeLabels?: boolean;
  /** Use edge labels in the refinement. @default true */
  edgeLabels?: boolean;
}

/**
 * Weisfeiler-Lehman subtree kernel (Shervashidze et al. 2011): `K[i][j] = sum_{r=0..h} <phi_r(G_i), phi_r(G_j)>`
 * where `phi_r(G)` counts the nodes of each colour after r rounds of {@link wlColors} (colours are
 * shared across graphs because they are canonical hashes). Positive semi-definite.
 *
 * @param graphs - N >= 1 graphs
 * @param options - rounds, normalisation, label use
 * @returns the N x N Gram matrix
 * @throws `InputError` for an empty list, a non-Graph entry or negative `iterations`
 *
 * @example
 * ```ts
 * const K = wlSubtreeKernel([g1, g2], { iterations: 2, normalize: true });
 * K.data[1]; // similarity of g1 and g2 in [0, 1]
 * ```
 */
export function wlSubtreeKernel(graphs: readonly Graph[], options: WlSubtreeKernelOptions = {}): Matrix {
  checkGraphList(graphs, 'graphs');
  const iterations = options.iterations ?? 3;
  assertInteger(iterations, 'options.iterations', { min: 0 });
  const N = graphs.length;
  const features = graphs.map((g) => {
    const { rounds } = wlColors(g, { iterations, nodeLabels: options.nodeLabels, edgeLabels: options.edgeLabels });
    const f = new Map<string, number>();
    rounds.forEach((r, t) => {
      for (const c of r) {
        const key = `${t}:${c}`;
        f.set(key, (f.get(key) ?? 0) + 1);
      }
    });
    return f;
  });
  const K = createMatrix(N, N);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const [small, large] = features[i].size <= features[j].size ? [features[i], features[j]] : [features[j], features[i]];
      let s = 0;
      for (const [k, v] of small) s += v * (large.get(k) ?? 0);
      K.data[i * N + j] = s;
      K.data[j * N + i] = s;
    }
  }
  if (options.normalize) {
    const d = Float64Array.from({ length: N }, (_, i) => K.data[i * N + i]);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) K.data[i * N + j] = d[i] > 0 && d[j] > 0 ? K.data[i * N + j] / Math.sqrt(d[i] * d[j]) : 0;
  }
  return K;
}
