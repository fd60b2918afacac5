import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';

/**
 * Formats graphs as graphgen's JSON graph format: a JSON array with one graph object per line,
 * `{"n":3,"edges":[[0,1],[1,2]]}`, plus `"nodeLabels"` / `"edgeLabels"` arrays when the graph has
 * labels (the shape of `Graph.toJSON`). Ends with `\n`. Labels are kept, so
 * `parseGraphJson(formatGraphJson(gs))` equals `gs`.
 *
 * @param graphs - the graphs to write
 * @returns the JSON text (`'[]\n'` for an empty list)
 * @throws `InputError` when `graphs` is not an array of `Graph`
 *
 * @example
 * ```ts
 * formatGraphJson([Graph.fromEdgeList(2, [[0, 1]])]); // '[\n{"n":2,"edges":[[0,1]]}\n]\n'
 * ```
 */
export function formatGraphJson(graphs: readonly Graph[]): string {
  if (!Array.isArray(graphs)) throw InputError.invalid('graphs', 'an array of Graph', describeValue(graphs));
  const rows = graphs.map((g: unknown, b) => {
    if (!(g instanceof Graph)) throw InputError.invalid(`graphs[${b}]`, 'a Graph', describeValue(g));
    return JSON.stringify(g.toJSON());
  });
  return rows.length === 0 ? '[]\n' : `[\n${rows.join(',\n')}\n]\n`;
}
