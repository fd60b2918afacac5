import { InputError, describeValue } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';

/**
 * Decodes a Prüfer sequence into the labelled tree it encodes (the bijection between sequences
 * in `{0..n-1}^(n-2)` and labelled trees on n nodes): repeatedly join the smallest leaf to the
 * next sequence entry, then join the two remaining nodes. Same tree as networkx's
 * `from_prufer_sequence`.
 *
 * @param sequence - n - 2 integers in `0..n-1` (n >= 2)
 * @returns the tree on `sequence.length + 2` nodes
 * @throws `InputError` for a non-array or an entry outside `0..n-1`
 *
 * @example
 * ```ts
 * treeFromPrufer([3, 3, 3]).edges(); // [[0, 3], [1, 3], [2, 3], [3, 4]]
 * ```
 */
export function treeFromPrufer(sequence: ArrayLike<number>): Graph {
  if (sequence === null || typeof sequence !== 'object' || typeof sequence.length !== 'number') {
    throw InputError.invalid('sequence', 'an array of node ids', describeValue(sequence));
  }
  const n = sequence.length + 2;
  const degree = new Int32Array(n).fill(1);
  for (let i = 0; i < sequence.length; i++) {
    const s = sequence[i];
    if (!Number.isInteger(s) || s < 0 || s >= n) throw InputError.invalid(`sequence[${i}]`, `an integer in 0..${n - 1}`, describeValue(s));
    degree[s]++;
  }
  const edges: [number, number][] = [];
  // Linear-time decoding: `leaf` scans upwards; a node that becomes a leaf below the scan
  // position is used immediately.
  let ptr = 0;
  while (degree[ptr] !== 1) ptr++;
  let leaf = ptr;
  for (let i = 0; i < sequence.length; i++) {
    const v = sequence[i];
    edges.push([leaf, v]);
    degree[leaf]--;
    degree[v]--;
    if (degree[v] === 1 && v < ptr) {
      leaf = v;
    } else {
      ptr++;
      while (degree[ptr] !== 1) ptr++;
      leaf = ptr;
    }
  }
  let last = -1;
  for (let v = 0; v < n; v++) {
    if (degree[v] === 1 && v !== leaf) {
      last = v;
      break;
    }
  }
  edges.push([leaf, last]);
  return Graph.fromEdgeList(n, edges);
}
