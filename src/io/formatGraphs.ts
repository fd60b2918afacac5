import { InputError, describeValue } from '../core/errors.js';
import type { Graph } from '../graph/Graph.js';
import { formatEdgeList } from './formatEdgeList.js';
import { formatGraph6 } from './formatGraph6.js';
import { formatGraphJson } from './formatGraphJson.js';
import { formatSparse6 } from './formatSparse6.js';
import { GRAPH_FORMATS, type GraphFormat } from './parseGraphs.js';

/** Options of {@link formatGraphs}. */
export interface FormatGraphsOptions {
  /**
   * For graph6 and sparse6, which cannot store labels: drop them explicitly instead of throwing.
   * Ignored by the edge-list and JSON formats, which keep labels.
   * @default false
   */
  dropLabels?: boolean;
}

/**
 * Formats graphs in the named format: dispatches to {@link formatGraph6}, {@link formatSparse6},
 * {@link formatEdgeList} or {@link formatGraphJson}.
 *
 * @param graphs - the graphs
 * @param format - one of {@link GRAPH_FORMATS}
 * @param options - label policy for graph6/sparse6
 * @returns the text
 * @throws `InputError` for an unknown format, or as the formatter does
 *
 * @example
 * ```ts
 * formatGraphs([Graph.fromEdgeList(2, [[0, 1]])], 'edgelist'); // 'graph 2\n0 1\n'
 * ```
 */
export function formatGraphs(graphs: readonly Graph[], format: GraphFormat, options: FormatGraphsOptions = {}): string {
  switch (format) {
    case 'graph6':
      return formatGraph6(graphs, { dropLabels: options.dropLabels });
    case 'sparse6':
      return formatSparse6(graphs, { dropLabels: options.dropLabels });
    case 'edgelist':
      return formatEdgeList(graphs);
    case 'json':
      return formatGraphJson(graphs);
    default:
      throw InputError.invalid('format', `one of ${GRAPH_FORMATS.join(', ')}`, describeValue(format));
  }
}
