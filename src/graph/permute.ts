import { InputError, ShapeError, describeValue } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { Graph } from './Graph.js';

/**
 * Relabels the nodes of a graph: node `v` of `graph` becomes node `perm[v]` of the result, with
 * its label; edge `{u, v}` becomes `{perm[u], perm[v]}` with its label. In matrix terms the
 * adjacency of the result is `P A P^T` where `P[perm[v]][v] = 1`.
 *
 * @param graph - the input graph (not modified)
 * @param perm - a permutation of `0..n-1`
 * @throws {@link ShapeError} when `perm.length !== graph.n`
 * @throws {@link InputError} when `perm` is not a permutation
 *
 * @example
 * ```ts
 * const path = Graph.fromEdgeList(3, [[0, 1], [1, 2]]);
 * permute(path, [1, 0, 2]).edges(); // [[0, 1], [0, 2]]
 * ```
 */
export function permute(graph: Graph, perm: ArrayLike<number>): Graph {
  const n = graph.n;
  checkPermutation(perm, n, 'perm');
  const { u, v, labels } = graph.edgeArrays();
  const edges: [number, number][] = new Array(u.length);
  for (let k = 0; k < u.length; k++) edges[k] = [perm[u[k]], perm[v[k]]];
  let nodeLabels: Int32Array | undefined;
  if (graph.hasNodeLabels) {
    const old = graph.nodeLabels();
    nodeLabels = new Int32Array(n);
    for (let i = 0; i < n; i++) nodeLabels[perm[i]] = old[i];
  }
  return Graph.fromEdgeList(n, edges, { nodeLabels, edgeLabels: graph.hasEdgeLabels ? labels : undefined });
}

/** Validates that `perm` is a permutation of `0..n-1`. */
export function checkPermutation(perm: ArrayLike<number>, n: number, name: string): void {
  if (perm === null || typeof perm !== 'object' || typeof perm.length !== 'number') {
    throw InputError.invalid(name, 'an array (permutation)', describeValue(perm));
  }
  if (perm.length !== n) throw ShapeError.mismatch(name, `[${n}]`, `length ${perm.length}`);
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = perm[i];
    if (!Number.isInteger(p) || p < 0 || p >= n) throw InputError.invalid(`${name}[${i}]`, `an integer in 0..${n - 1}`, describeValue(p));
    if (seen[p]) throw InputError.invalid(`${name}[${i}]`, 'a permutation (each value once)', `${p} repeated`);
    seen[p] = 1;
  }
}

/**
 * A uniformly random permutation of `0..n-1` drawn from `rng` (Fisher–Yates).
 *
 * @example
 * ```ts
 * const h = permute(g, randomPermutation(g.n, createRng(0)));
 * ```
 */
export function randomPermutation(n: number, rng: Rng): Int32Array {
  return rng.permutation(n);
}
