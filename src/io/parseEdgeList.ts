import { FormatError, InputError, GraphgenError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';

/**
 * Parses graphgen's edge-list text, which keeps node and edge labels, or a plain edge list.
 *
 * Format (whitespace-separated tokens, one record per line):
 * ```text
 * # a comment: '#' starts a comment that runs to the end of the line
 * graph 4                 <- starts a graph with 4 nodes (0..3)
 * nodelabels 0 1 1 2      <- optional, at most once per graph: one class (integer >= 0) per node
 * 0 1                     <- an edge {0, 1}
 * 1 2 3                   <- an edge {1, 2} of class 3 (integer >= 1); either every edge of a
 *                            graph has a class or none has
 * graph 0                 <- the next graph (here: no nodes)
 * ```
 * Blank lines and comments carry no data and are ignored; `\n` and `\r\n` line ends are accepted.
 *
 * Plain edge lists: text without any `graph` line is one graph whose lines are `u v` or
 * `u v class` with integer node ids >= 0, and `n = 1 + the largest id` (nodes numbered above
 * the largest id cannot be expressed; write a `graph n` line for them). A third column `{}` (what
 * networkx's `write_edgelist` writes for an edge without data) is accepted as "no class". Empty
 * text (or only comments) gives `[]`.
 *
 * @param text - edge-list text
 * @returns the graphs in order; labels are attached exactly when present in the text
 * @throws `FormatError` with the 1-based line for: an unknown keyword, a wrong number of
 *   tokens, a token that is not a non-negative integer, a node id outside `0..n-1`, an edge or
 *   `nodelabels` line before the first `graph` line in a file that has `graph` lines, a repeated
 *   `nodelabels` line, a wrong number of node labels, a self-loop, a repeated edge, a class out of
 *   range, or a graph mixing edges with and without a class
 * @throws `InputError` when `text` is not a string
 *
 * @example
 * ```ts
 * const [g] = parseEdgeList('graph 3\nnodelabels 0 1 0\n0 1 2\n1 2 1\n');
 * g.nodeLabel(1);      // 1
 * g.edgeLabel(0, 1);   // 2
 * parseEdgeList('0 1\n1 2\n')[0].n; // 3 (plain edge list)
 * ```
 */
export function parseEdgeList(text: string): Graph[] {
  if (typeof text !== 'string') throw InputError.invalid('text', 'edge-list text (a string)', describeValue(text));
  const lines = text.split('\n');
  const records: { tokens: string[]; line: number }[] = [];
  let hasGraphLine = false;
  for (let i = 0; i < lines.length; i++) {
    let t = lines[i];
    const hash = t.indexOf('#');
    if (hash >= 0) t = t.slice(0, hash);
    const tokens = t.trim().split(/\s+/).filter((x) => x.length > 0);
    if (tokens.length === 0) continue;
    if (tokens[0] === 'graph') hasGraphLine = true;
    records.push({ tokens, line: i + 1 });
  }
  const graphs: Graph[] = [];
  let current: Block | null = hasGraphLine ? null : { n: -1, line: records[0]?.line ?? 1, edges: [], classes: [], nodeLabels: undefined, edgeLines: [] };
  const finish = (): void => {
    if (current !== null) graphs.push(buildGraph(current));
  };
  for (const { tokens, line } of records) {
    const head = tokens[0];
    if (head === 'graph') {
      if (tokens.length !== 2) throw new FormatError(`edge list: "graph" takes exactly one node count, found ${tokens.length - 1} values`, { line });
      finish();
      current = { n: parseCount(tokens[1], line, 'node count'), line, edges: [], classes: [], nodeLabels: undefined, edgeLines: [] };
    } else if (head === 'nodelabels') {
      if (current === null) throw new FormatError('edge list: "nodelabels" before the first "graph" line', { line });
      if (current.n < 0) throw new FormatError('edge list: "nodelabels" needs a "graph n" line (a plain edge list has no node count)', { line });
      if (current.nodeLabels !== undefined) throw new FormatError('edge list: a second "nodelabels" line for the same graph', { line });
      const labels = tokens.slice(1).map((tok) => parseCount(tok, line, 'node class'));
      if (labels.length !== current.n) {
        throw new FormatError(`edge list: "nodelabels" needs ${current.n} classes (one per node), found ${labels.length}`, { line });
      }
      current.nodeLabels = labels;
    } else if (/^[0-9+-]/.test(head)) {
      if (current === null) throw new FormatError('edge list: an edge before the first "graph" line', { line });
      if (tokens.length !== 2 && tokens.length !== 3) {
        throw new FormatError(`edge list: an edge line needs "u v" or "u v class", found ${tokens.length} values`, { line });
      }
      const u = parseCount(tokens[0], line, 'node id');
      const v = parseCount(tokens[1], line, 'node id');
      let cls: number | null = null;
      if (tokens.length === 3 && !(current.n < 0 && tokens[2] === '{}')) {
        cls = parseCount(tokens[2], line, 'edge class');
        if (cls < 1) throw new FormatError(`edge list: edge class must be >= 1 (0 means "no edge"), found ${cls}`, { line });
      }
      if (current.n >= 0 && (u >= current.n || v >= current.n)) {
        throw new FormatError(`edge list: node id ${u >= current.n ? u : v} out of range 0..${current.n - 1} (graph declared on line ${current.line})`, { line });
      }
      if (current.edges.length > 0 && (cls === null) !== (current.classes[0] === null)) {
        throw new FormatError(
          `edge list: this edge ${cls === null ? 'has no class' : 'has a class'} but the graph's first edge (line ${current.edgeLines[0]}) ${cls === null ? 'has one' : 'has none'}; either every edge has a class or none`,
          { line },
        );
      }
      current.edges.push([u, v]);
      current.classes.push(cls);
      current.edgeLines.push(line);
    } else {
      throw new FormatError(`edge list: unknown keyword ${JSON.stringify(head)} (expected "graph", "nodelabels" or an edge "u v [class]")`, { line });
    }
  }
  if (records.length > 0 || hasGraphLine) finish();
  return graphs;
}

interface Block {
  n: number;
  line: number;
  edges: [number, number][];
  classes: (number | null)[];
  nodeLabels: number[] | undefined;
  edgeLines: number[];
}

function parseCount(token: string, line: number, what: string): number {
  if (!/^[0-9]+$/.test(token)) throw new FormatError(`edge list: ${what} must be a non-negative integer, found ${JSON.stringify(token)}`, { line });
  const x = Number(token);
  if (!Number.isSafeInteger(x) || x > 0x3fffffff) throw new FormatError(`edge list: ${what} ${token} is too large`, { line });
  return x;
}

function buildGraph(block: Block): Graph {
  let n = block.n;
  if (n < 0) for (const [u, v] of block.edges) n = Math.max(n, u + 1, v + 1);
  n = Math.max(n, 0);
  const labelled = block.classes.length > 0 && block.classes[0] !== null;
  try {
    return Graph.fromEdgeList(n, block.edges, {
      nodeLabels: block.nodeLabels,
      edgeLabels: labelled ? (block.classes as number[]) : undefined,
    });
  } catch (err) {
    if (!(err instanceof GraphgenError)) throw err;
    const m = /edges\[(\d+)\]/.exec(err.message);
    const line = m ? block.edgeLines[Number(m[1])] : block.line;
    throw new FormatError(`edge list: ${err.message.replace(/edges\[\d+\]/g, 'edge')}`, { line, cause: err });
  }
}
