import { Graph } from '../graph/Graph.js';
import type { FormatGraph6Options } from './formatGraph6.js';
import { SPARSE6_HEADER } from './parseSparse6.js';
import { encodeSizeField } from './internal/sizeField.js';
import { checkGraphsForFormat, sixBitToString } from './internal/formatHelpers.js';

/** Options of {@link formatSparse6}: the same as {@link FormatGraph6Options} (`header`, `dropLabels`). */
export type FormatSparse6Options = FormatGraph6Options;

/**
 * Formats graphs as sparse6 text (B. McKay's format), one line per graph starting with `:` and
 * ending in `\n`. Cost is about `m (k + 1) / 6` bytes for m edges and `k = ceil(log2 n)`: the
 * format of choice for large sparse graphs.
 *
 * Edges are written sorted by (larger endpoint, smaller endpoint); padding is 1 bits, with the
 * spec's special case for `n = 2^k` (k < 6) implemented exactly as networkx 2.8 does it (a 0 bit
 * first when the padding has at least `k` bits and the current vertex is below `n - 1`), so the
 * output is byte-identical to networkx's `to_sparse6_bytes(G, header=False)` (checked against
 * fixtures).
 *
 * @param graphs - the graphs to write (node order is kept)
 * @param options - header (`>>sparse6<<` once at the top) and label policy
 * @returns the text; `''` for an empty list
 * @throws `InputError` when `graphs` is not an array of `Graph`, or a graph carries
 *   labels and `dropLabels` is not set
 *
 * @example
 * ```ts
 * formatSparse6([Graph.fromEdgeList(7, [[0, 1], [0, 2], [1, 2], [5, 6]])]); // ':Fa@x^\n'
 * ```
 *
 * @see B. McKay, "Description of graph6, sparse6 and digraph6 encodings",
 *   https://users.cecs.anu.edu.au/~bdm/data/formats.txt
 */
export function formatSparse6(graphs: readonly Graph[], options: FormatSparse6Options = {}): string {
  checkGraphsForFormat(graphs, 'sparse6', options.dropLabels === true);
  const parts: string[] = options.header && graphs.length > 0 ? [SPARSE6_HEADER] : [];
  graphs.forEach((g, b) => {
    const n = g.n;
    const size = encodeSizeField(n, `graphs[${b}].n`);
    let k = 1;
    while (2 ** k < n) k++;
    const bits: number[] = [];
    const push = (bit: number, x: number): void => {
      bits.push(bit);
      for (let i = k - 1; i >= 0; i--) bits.push(Math.floor(x / 2 ** i) % 2);
    };
    // Sort by (larger endpoint, smaller endpoint).
    const { u, v } = g.edgeArrays();
    const order = Array.from(u, (_, e) => e).sort((a, c) => v[a] - v[c] || u[a] - u[c]);
    let cur = 0;
    for (const e of order) {
      const hi = v[e];
      const lo = u[e];
      if (hi === cur) push(0, lo);
      else if (hi === cur + 1) {
        cur = hi;
        push(1, lo);
      } else {
        cur = hi;
        push(1, hi);
        push(0, lo);
      }
    }
    const pad = (6 - (bits.length % 6)) % 6;
    if (k < 6 && n === 2 ** k && pad >= k && cur < n - 1) bits.push(0);
    while (bits.length % 6 !== 0) bits.push(1);
    const data = new Uint8Array(bits.length / 6);
    for (let i = 0; i < bits.length; i++) if (bits[i]) data[Math.floor(i / 6)] |= 32 >> i % 6;
    parts.push(':' + sixBitToString(size) + sixBitToString(data) + '\n');
  });
  return parts.join('');
}
