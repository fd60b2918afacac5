import { FormatError } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';
import { decodeSizeField, MAX_SIZE_FIELD } from './internal/sizeField.js';
import { checkSixBitChars, splitStrictLines } from './internal/lines.js';

/** The optional header of graph6 files. */
export const GRAPH6_HEADER = '>>graph6<<';

/** Largest node count graphgen reads from a graph6 or sparse6 line (the `Graph` limit, 2^30 - 1). */
export const MAX_PARSED_NODES = 0x3fffffff;

/**
 * Parses graph6 text (B. McKay's format, as written by nauty and networkx): one graph per line.
 *
 * Each line is the size field N(n) followed by the upper triangle of the adjacency matrix in
 * column order (`(0,1), (0,2), (1,2), (0,3), ...`), six bits per character (value + 63), padded
 * with zero bits. N(n) is one character for n <= 62, `~` and 3 characters for n <= 258047, `~~`
 * and 6 characters for n <= 2^36 - 1. Node `i` of the result is row `i` of the matrix.
 *
 * Accepted input:
 * - the optional header `>>graph6<<` at the start of any line (nauty writes it once at the top of
 *   a file, networkx's `write_graph6(..., header=True)` before every graph);
 * - `\n` or `\r\n` line ends; one final line break is fine; empty text gives `[]`.
 *
 * Rejected with a `FormatError` naming the 1-based line (nothing is skipped): blank lines,
 * characters outside 63..126 (spaces included), a truncated size field, a data length that does not
 * match n (`ceil(n(n-1)/12)` characters: truncated lines and trailing garbage), non-zero padding
 * bits, a node count above {@link MAX_PARSED_NODES}, and sparse6 (`:`), incremental sparse6 (`;`)
 * or digraph6 (`&`) lines.
 *
 * @param text - graph6 text
 * @returns the graphs in file order (unlabelled)
 * @throws `FormatError` for malformed input (see above), with `details.line`
 * @throws `InputError` when `text` is not a string
 *
 * @example
 * ```ts
 * const [triangle, path] = parseGraph6('Bw\nBg\n');
 * triangle.numEdges; // 3
 * path.edges();      // [[0, 2], [1, 2]]
 * ```
 *
 * @see B. McKay, "Description of graph6, sparse6 and digraph6 encodings",
 *   https://users.cecs.anu.edu.au/~bdm/data/formats.txt
 */
export function parseGraph6(text: string): Graph[] {
  const lines = splitStrictLines(text, 'text', 'graph6');
  const graphs: Graph[] = [];
  for (const { text: raw, line } of lines) {
    const s = raw.startsWith(GRAPH6_HEADER) ? raw.slice(GRAPH6_HEADER.length) : raw;
    graphs.push(parseGraph6Line(s, line));
  }
  return graphs;
}

/** Parses one graph6 line without its header. */
function parseGraph6Line(s: string, line: number): Graph {
  if (s.length === 0) throw new FormatError('graph6: the line holds a header but no graph', { line });
  const c0 = s[0];
  if (c0 === ':') throw new FormatError('graph6: this line is sparse6 (starts with ":"); use parseSparse6', { line });
  if (c0 === ';') throw new FormatError('graph6: this line is incremental sparse6 (starts with ";"), which is not supported', { line });
  if (c0 === '&') throw new FormatError('graph6: this line is digraph6 (starts with "&"); directed graphs are not supported', { line });
  checkSixBitChars(s, 0, line, 'graph6');
  const { n, next } = decodeSizeField(s, 0, line, 'graph6');
  if (n > MAX_PARSED_NODES) {
    throw new FormatError(`graph6: n = ${n} exceeds the largest supported node count ${MAX_PARSED_NODES} (the size field allows up to ${MAX_SIZE_FIELD})`, { line });
  }
  const bits = (BigInt(n) * BigInt(Math.max(n - 1, 0))) / 2n;
  const expected = (bits + 5n) / 6n;
  const found = s.length - next;
  if (BigInt(found) !== expected) {
    throw new FormatError(
      `graph6: n = ${n} needs ${expected} data characters but the line has ${found} (${BigInt(found) < expected ? 'truncated line' : 'trailing characters'})`,
      { line, expected: `${expected} data characters`, actual: `${found}` },
    );
  }
  const edges: [number, number][] = [];
  let j = 1;
  let i = 0;
  const total = Number(bits);
  for (let k = 0; k < found; k++) {
    const value = s.charCodeAt(next + k) - 63;
    for (let b = 5; b >= 0; b--) {
      const bitIndex = k * 6 + (5 - b);
      const bit = (value >> b) & 1;
      if (bitIndex >= total) {
        if (bit !== 0) {
          throw new FormatError(`graph6: padding bit ${bitIndex - total + 1} of the last character is 1; padding must be 0`, { line });
        }
        continue;
      }
      if (bit) edges.push([i, j]);
      i++;
      if (i === j) {
        j++;
        i = 0;
      }
    }
  }
  return Graph.fromEdgeList(n, edges);
}
