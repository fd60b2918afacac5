import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';

/**
 * Formats graphs as graphgen's edge-list text (see {@link parseEdgeList} for the grammar): per
 * graph a `graph n` line, a `nodelabels ...` line when the graph has node labels, then one
 * `u v` line per edge (`u < v`, sorted), or `u v class` when the graph has edge labels. Every
 * line ends in `\n`. Labels are kept, so `parseEdgeList(formatEdgeList(gs))` equals `gs`.
 *
 * @param graphs - the graphs to write
 * @returns the text; `''` for an empty list
 * @throws `InputError` when `graphs` is not an array of `Graph`
 *
 * @example
 * ```ts
 * formatEdgeList([Graph.fromEdgeList(3, [[0, 1], [1, 2]])]); // 'graph 3\n0 1\n1 2\n'
 * ```
 */
export function formatEdgeList(graphs: readonly Graph[]): string {
  if (!Array.isArray(graphs)) throw InputError.invalid('graphs', 'an array of Graph', describeValue(graphs));
  const out: string[] = [];
  graphs.forEach((g: unknown, b) => {
    if (!(g instanceof Graph)) throw InputError.invalid(`graphs[${b}]`, 'a Graph', describeValue(g));
    out.push(`graph ${g.n}\n`);
    if (g.hasNodeLabels) out.push(`nodelabels ${Array.from(g.nodeLabels()).join(' ')}\n`);
    const labelled = g.hasEdgeLabels;
    g.forEachEdge((u, v, label) => out.push(labelled ? `${u} ${v} ${label}\n` : `${u} ${v}\n`));
  });
  return out.join('');
}
