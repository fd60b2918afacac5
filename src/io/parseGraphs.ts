import { InputError, describeValue } from '../core/errors.js';
import type { Graph } from '../graph/Graph.js';
import { parseEdgeList } from './parseEdgeList.js';
import { parseGraph6 } from './parseGraph6.js';
import { parseGraphJson } from './parseGraphJson.js';
import { parseSparse6 } from './parseSparse6.js';

/** The text formats graphgen reads and writes. */
export type GraphFormat = 'graph6' | 'sparse6' | 'edgelist' | 'json';

/** Every {@link GraphFormat}, in a stable order. */
export const GRAPH_FORMATS: readonly GraphFormat[] = Object.freeze(['graph6', 'sparse6', 'edgelist', 'json']);

/**
 * Parses text in the named format: dispatches to {@link parseGraph6}, {@link parseSparse6},
 * {@link parseEdgeList} or {@link parseGraphJson}.
 *
 * @param text - the text
 * @param format - one of {@link GRAPH_FORMATS}
 * @returns the graphs in order
 * @throws `InputError` for an unknown format; `FormatError` as the parser does
 *
 * @example
 * ```ts
 * parseGraphs('Bw\n', 'graph6')[0].numEdges; // 3
 * ```
 */
export function parseGraphs(text: string, format: GraphFormat): Graph[] {
  switch (format) {
    case 'graph6':
      return parseGraph6(text);
    case 'sparse6':
      return parseSparse6(text);
    case 'edgelist':
      return parseEdgeList(text);
    case 'json':
      return parseGraphJson(text);
    default:
      throw InputError.invalid('format', `one of ${GRAPH_FORMATS.join(', ')}`, describeValue(format));
  }
}
