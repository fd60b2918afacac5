import { InputError } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';
import { GRAPH6_HEADER } from './parseGraph6.js';
import { encodeSizeField } from './internal/sizeField.js';
import { checkGraphsForFormat, sixBitToString } from './internal/formatHelpers.js';

/** Largest node count {@link formatGraph6} writes (about 1 GB of text); use sparse6 beyond. */
export const MAX_GRAPH6_NODES = 80000;

/** Options of {@link formatGraph6} and {@link formatSparse6}. */
export interface FormatGraph6Options {
  /**
   * Write the header (`>>graph6<<` or `>>sparse6<<`) once, at the top of the text (nauty's
   * convention). Without it the output equals networkx's `to_graph6_bytes(G, header=False)`
   * (resp. `to_sparse6_bytes(G, header=False)`) concatenated.
   * @default false
   */
  header?: boolean;
  /**
   * graph6 and sparse6 cannot store labels. By default a graph with a node class other than 0 or
   * an edge class other than 1 is rejected with an `InputError`; `true` drops the labels
   * explicitly and writes the bare structure.
   * @default false
   */
  dropLabels?: boolean;
}

/**
 * Formats graphs as graph6 text (B. McKay's format), one line per graph, each ending in `\n`.
 *
 * Line = size field N(n) + the upper triangle of the adjacency matrix in column order
 * (`(0,1), (0,2), (1,2), (0,3), ...`), six bits per character (value + 63), zero-padded.
 * The output is byte-identical to networkx 2.8's `to_graph6_bytes(G, header=False)` for a graph
 * whose nodes are `0..n-1` in order (checked against fixtures). graph6 costs `n(n-1)/12` bytes per
 * graph: prefer {@link formatSparse6} for large sparse graphs.
 *
 * @param graphs - the graphs to write (node order is kept)
 * @param options - header and label policy
 * @returns the text; `''` for an empty list (even with `header`)
 * @throws `InputError` when `graphs` is not an array of `Graph`, a graph has more than
 *   {@link MAX_GRAPH6_NODES} nodes, or a graph carries labels and `dropLabels` is not set
 *
 * @example
 * ```ts
 * formatGraph6([Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]])]); // 'Bw\n'
 * ```
 *
 * @see B. McKay, "Description of graph6, sparse6 and digraph6 encodings",
 *   https://users.cecs.anu.edu.au/~bdm/data/formats.txt
 */
export function formatGraph6(graphs: readonly Graph[], options: FormatGraph6Options = {}): string {
  checkGraphsForFormat(graphs, 'graph6', options.dropLabels === true);
  const parts: string[] = options.header && graphs.length > 0 ? [GRAPH6_HEADER] : [];
  graphs.forEach((g, b) => {
    const size = encodeSizeField(g.n, `graphs[${b}].n`);
    if (g.n > MAX_GRAPH6_NODES) {
      throw InputError.invalid(`graphs[${b}].n`, `at most ${MAX_GRAPH6_NODES} nodes for graph6 (n(n-1)/12 bytes; use formatSparse6 for large sparse graphs)`, String(g.n));
    }
    const bits = (g.n * (g.n - 1)) / 2;
    const data = new Uint8Array(Math.ceil(bits / 6));
    g.forEachEdge((u, v) => {
      const index = (v * (v - 1)) / 2 + u; // column order: all pairs of column v come after column v-1
      data[Math.floor(index / 6)] |= 32 >> index % 6;
    });
    parts.push(sixBitToString(size) + sixBitToString(data) + '\n');
  });
  return parts.join('');
}
