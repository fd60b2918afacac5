import { FormatError } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';
import { decodeSizeField, MAX_SIZE_FIELD } from './internal/sizeField.js';
import { checkSixBitChars, splitStrictLines } from './internal/lines.js';
import { MAX_PARSED_NODES } from './parseGraph6.js';

/** The optional header of sparse6 files. */
export const SPARSE6_HEADER = '>>sparse6<<';

/**
 * Parses sparse6 text (B. McKay's format, as written by nauty and networkx): one graph per line,
 * each starting with `:`.
 *
 * After `:` and the size field N(n) (as in graph6), the data is a bit string of units `(b, x)`:
 * one bit `b` and `k` bits `x` (big-endian), where `k` is the number of bits of `n - 1` (at least
 * 1, as networkx computes it). Starting from `v = 0`: if `b = 1` then `v += 1`; then if `x > v`
 * set `v = x`, else emit the edge `{x, v}`. Decoding stops when fewer than `k + 1` bits are left
 * or when `x >= n` or `v >= n` (padding). The padding has fewer than 6 bits, all 1, except that an
 * incomplete final unit may start with one 0 bit (the spec's special case for `n = 2^k`, including
 * networkx's variant of it).
 *
 * Accepted: the optional header `>>sparse6<<` at the start of any line; `\n` or `\r\n` line
 * ends; one final line break; empty text gives `[]`.
 *
 * Rejected with a `FormatError` naming the 1-based line: blank lines; a line not starting
 * with `:`; incremental sparse6 (`;`, not supported); characters outside 63..126; a truncated
 * size field; trailing garbage after the padding or malformed padding; self-loops and repeated
 * edges (sparse6 can encode them, a `Graph` is simple); a node count above
 * {@link MAX_PARSED_NODES}.
 *
 * @param text - sparse6 text
 * @returns the graphs in file order (unlabelled)
 * @throws `FormatError` for malformed input, with `details.line`
 * @throws `InputError` when `text` is not a string
 *
 * @example
 * ```ts
 * const [g] = parseSparse6(':Fa@x^\n');
 * g.n;       // 7
 * g.edges(); // [[0, 1], [0, 2], [1, 2], [5, 6]]
 * ```
 *
 * @see B. McKay, "Description of graph6, sparse6 and digraph6 encodings",
 *   https://users.cecs.anu.edu.au/~bdm/data/formats.txt
 */
export function parseSparse6(text: string): Graph[] {
  const lines = splitStrictLines(text, 'text', 'sparse6');
  const graphs: Graph[] = [];
  for (const { text: raw, line } of lines) {
    const s = raw.startsWith(SPARSE6_HEADER) ? raw.slice(SPARSE6_HEADER.length) : raw;
    graphs.push(parseSparse6Line(s, line));
  }
  return graphs;
}

/** Parses one sparse6 line without its header. */
function parseSparse6Line(s: string, line: number): Graph {
  if (s.length === 0) throw new FormatError('sparse6: the line holds a header but no graph', { line });
  if (s[0] === ';') throw new FormatError('sparse6: incremental sparse6 (line starts with ";") is not supported', { line });
  if (s[0] !== ':') {
    throw new FormatError(`sparse6: a sparse6 line must start with ":", found ${JSON.stringify(s[0])} (graph6 lines are read by parseGraph6)`, { line });
  }
  checkSixBitChars(s, 1, line, 'sparse6');
  const { n, next } = decodeSizeField(s, 1, line, 'sparse6');
  if (n > MAX_PARSED_NODES) {
    throw new FormatError(`sparse6: n = ${n} exceeds the largest supported node count ${MAX_PARSED_NODES} (the size field allows up to ${MAX_SIZE_FIELD})`, { line });
  }
  let k = 1;
  while (2 ** k < n) k++;
  const totalBits = (s.length - next) * 6;
  const bitAt = (p: number): number => ((s.charCodeAt(next + Math.floor(p / 6)) - 63) >> (5 - (p % 6))) & 1;
  const edges: [number, number][] = [];
  const seen = new Set<number>();
  let v = 0;
  let pos = 0;
  let tail = -1; // start of the padding (terminating or incomplete unit)
  while (true) {
    if (totalBits - pos < k + 1) {
      tail = pos;
      break;
    }
    const b = bitAt(pos);
    let x = 0;
    for (let i = 1; i <= k; i++) x = x * 2 + bitAt(pos + i);
    if (b === 1) v++;
    if (x >= n || v >= n) {
      tail = pos;
      break;
    }
    pos += k + 1;
    if (x > v) {
      v = x;
    } else {
      if (x === v) throw new FormatError(`sparse6: self-loop on node ${v} (bit ${pos - k}); a Graph is simple`, { line });
      const key = x * n + v;
      if (seen.has(key)) throw new FormatError(`sparse6: edge {${x}, ${v}} appears more than once; a Graph is simple`, { line });
      seen.add(key);
      edges.push([x, v]);
    }
  }
  const padding = totalBits - tail;
  if (padding >= 6) {
    throw new FormatError(
      `sparse6: ${Math.floor(padding / 6)} trailing character(s) after the end of the graph data (decoding stopped at bit ${tail} of ${totalBits})`,
      { line },
    );
  }
  const incomplete = padding < k + 1;
  for (let p = tail; p < totalBits; p++) {
    if (bitAt(p) !== 1 && !(incomplete && p === tail)) {
      throw new FormatError(`sparse6: malformed padding: bit ${p + 1} of the data is 0, padding bits must be 1`, { line });
    }
  }
  return Graph.fromEdgeList(n, edges);
}
