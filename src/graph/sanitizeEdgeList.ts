import { InputError, describeValue } from '../core/errors.js';

/** What {@link sanitizeEdgeList} removed, by original index into the input list. */
export interface DroppedEdges {
  /** Indices of self-loops `[v, v]`. */
  selfLoops: number[];
  /** Indices of repeated unordered pairs (every occurrence after the first). */
  duplicates: number[];
}

/** Result of {@link sanitizeEdgeList}. */
export interface SanitizeEdgeListResult {
  /** The kept edges, in input order. */
  edges: [number, number][];
  /** Labels of the kept edges (only when labels were given). */
  edgeLabels?: number[];
  /** Input indices of what was dropped. */
  dropped: DroppedEdges;
}

/**
 * Explicitly drops self-loops and repeated edges from an edge list, reporting what was dropped,
 * so that the result can be passed to `Graph.fromEdgeList`. Nothing is dropped silently: the
 * report lists every removed index. A repeated edge whose label differs from the first
 * occurrence's is an error (dropping it would lose information).
 *
 * @param n - number of nodes; ids must be integers in `0..n-1`
 * @param edges - `[u, v]` pairs
 * @param edgeLabels - optional labels aligned with `edges`
 * @throws {@link InputError} for out-of-range ids or conflicting labels on a repeated edge
 *
 * @example
 * ```ts
 * const { edges, dropped } = sanitizeEdgeList(3, [[0, 1], [1, 0], [2, 2]]);
 * // edges = [[0, 1]], dropped = { selfLoops: [2], duplicates: [1] }
 * const g = Graph.fromEdgeList(3, edges);
 * ```
 */
export function sanitizeEdgeList(
  n: number,
  edges: ArrayLike<readonly [number, number]>,
  edgeLabels?: ArrayLike<number>,
): SanitizeEdgeListResult {
  if (!Number.isInteger(n) || n < 0) throw InputError.invalid('n', 'a non-negative integer', describeValue(n));
  if (edgeLabels !== undefined && edgeLabels.length !== edges.length) {
    throw InputError.invalid('edgeLabels', `one label per edge (${edges.length})`, `length ${edgeLabels.length}`);
  }
  const seen = new Map<number, number>();
  const kept: [number, number][] = [];
  const keptLabels: number[] = [];
  const dropped: DroppedEdges = { selfLoops: [], duplicates: [] };
  for (let k = 0; k < edges.length; k++) {
    const [a, b] = edges[k];
    for (const [x, pos] of [[a, 0], [b, 1]] as const) {
      if (!Number.isInteger(x) || x < 0 || x >= n) throw InputError.invalid(`edges[${k}][${pos}]`, `a node id in 0..${n - 1}`, describeValue(x));
    }
    if (a === b) {
      dropped.selfLoops.push(k);
      continue;
    }
    const key = Math.min(a, b) * n + Math.max(a, b);
    const first = seen.get(key);
    if (first !== undefined) {
      if (edgeLabels !== undefined && edgeLabels[first] !== edgeLabels[k]) {
        throw InputError.invalid(
          `edgeLabels[${k}]`,
          `the label of the first occurrence of edge {${a}, ${b}} (edges[${first}], label ${edgeLabels[first]})`,
          describeValue(edgeLabels[k]),
        );
      }
      dropped.duplicates.push(k);
      continue;
    }
    seen.set(key, k);
    kept.push([a, b]);
    if (edgeLabels !== undefined) keptLabels.push(edgeLabels[k]);
  }
  return edgeLabels === undefined ? { edges: kept, dropped } : { edges: kept, edgeLabels: keptLabels, dropped };
}
