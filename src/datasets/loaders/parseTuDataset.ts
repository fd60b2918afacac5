import { FormatError, GraphgenError, InputError, describeValue } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';

/** The texts of a TU-format dataset's files (`<DS>_A.txt` etc.). */
export interface TuFiles {
  /** `<DS>_A.txt`: one edge `i, j` per line, 1-based global node ids. */
  A: string;
  /** `<DS>_graph_indicator.txt`: line i holds the 1-based graph id of node i. */
  graphIndicator: string;
  /** `<DS>_node_labels.txt` (optional): line i holds the class (integer >= 0) of node i. */
  nodeLabels?: string;
  /** `<DS>_edge_labels.txt` (optional): line k holds the class (integer >= 0) of the edge on line k of A. */
  edgeLabels?: string;
  /** `<DS>_graph_labels.txt` (optional): line g holds the (integer) label of graph g. */
  graphLabels?: string;
}

/** Result of {@link parseTuDataset} and {@link loadTuDataset}. */
export interface TuDataset {
  /** The graphs in graph-id order; node i of a graph is its i-th node in global id order. */
  graphs: Graph[];
  /** Graph labels when the file was given (raw integers, may be negative). */
  graphLabels?: number[];
}

interface Row {
  values: string[];
  line: number;
}

function rows(text: string, file: string, columns: number): Row[] {
  if (typeof text !== 'string') throw InputError.invalid(file, 'file contents (a string)', describeValue(text));
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((raw, i) => {
    const t = raw.trim();
    if (t === '') throw new FormatError(`${file}: empty line`, { line: i + 1 });
    const values = t.split(/\s*,\s*|\s+/);
    if (values.length !== columns) throw new FormatError(`${file}: expected ${columns} value(s), found ${values.length} in ${JSON.stringify(t)}`, { line: i + 1 });
    for (const v of values) if (!/^-?[0-9]+$/.test(v)) throw new FormatError(`${file}: expected an integer, found ${JSON.stringify(v)}`, { line: i + 1 });
    return { values, line: i + 1 };
  });
}

/**
 * Parses a dataset in the TU format (Morris et al., "TUDataset", 2020; the format of ENZYMES,
 * PROTEINS, MUTAG, ...) from the texts of its files. Pure: {@link loadTuDataset} reads a folder.
 *
 * Conventions: nodes are numbered 1..N globally and grouped by graph (`graph_indicator` must be
 * non-decreasing and use every id 1..G); edges are listed in `A` usually in both directions; an
 * undirected edge is kept once (one direction alone is accepted too). Node classes are used as
 * they are (integers >= 0); edge classes are stored as `raw + 1` because class 0 means "no edge"
 * in graphgen. Lines may use `,` and/or spaces; one final line break is fine.
 *
 * @param files - the file texts
 * @returns the graphs (labelled when label files are given) and the graph labels
 * @throws `FormatError` naming the file and line for: a non-integer or missing value, an empty
 *   line, a node id out of range, an edge joining two graphs, a self-loop, an edge listed twice in
 *   the same direction, directions with different edge classes, a non-monotone or gappy graph
 *   indicator, a label file whose length does not match, a negative class
 * @throws `InputError` when a required text is missing
 *
 * @example
 * ```ts
 * const { graphs } = parseTuDataset({ A: '1, 2\n2, 1\n', graphIndicator: '1\n1\n2\n' });
 * graphs.map((g) => g.n); // [2, 1]
 * ```
 *
 * @see C. Morris et al., "TUDataset: A collection of benchmark datasets for learning with graphs", 2020.
 */
export function parseTuDataset(files: TuFiles): TuDataset {
  if (files === null || typeof files !== 'object') throw InputError.invalid('files', 'an object {A, graphIndicator, ...}', describeValue(files));
  const indicator = rows(files.graphIndicator, 'graph_indicator', 1).map((r) => Number(r.values[0]));
  const N = indicator.length;
  const graphOf = new Int32Array(N);
  const localId = new Int32Array(N);
  const sizes: number[] = [];
  for (let i = 0; i < N; i++) {
    const g = indicator[i];
    const expectedNext = sizes.length + 1;
    if (g === expectedNext) sizes.push(0);
    else if (g !== sizes.length) {
      throw new FormatError(`graph_indicator: graph ids must be 1, 2, ... in non-decreasing order without gaps; found ${g} after ${sizes.length}`, { line: i + 1 });
    }
    graphOf[i] = g - 1;
    localId[i] = sizes[g - 1]++;
  }
  let nodeLabels: number[] | undefined;
  if (files.nodeLabels !== undefined) {
    const r = rows(files.nodeLabels, 'node_labels', 1);
    if (r.length !== N) throw new FormatError(`node_labels: ${r.length} lines but graph_indicator has ${N} nodes`, { line: Math.min(r.length, N) + 1 });
    nodeLabels = r.map(({ values, line }) => {
      const v = Number(values[0]);
      if (v < 0) throw new FormatError(`node_labels: node classes must be >= 0, found ${v}`, { line });
      return v;
    });
  }
  const edgeRows = rows(files.A, 'A', 2);
  let edgeClass: number[] | undefined;
  if (files.edgeLabels !== undefined) {
    const r = rows(files.edgeLabels, 'edge_labels', 1);
    if (r.length !== edgeRows.length) throw new FormatError(`edge_labels: ${r.length} lines but A has ${edgeRows.length} edges`, { line: Math.min(r.length, edgeRows.length) + 1 });
    edgeClass = r.map(({ values, line }) => {
      const v = Number(values[0]);
      if (v < 0) throw new FormatError(`edge_labels: edge classes must be >= 0, found ${v}`, { line });
      return v + 1;
    });
  }
  const edges: [number, number][][] = sizes.map(() => []);
  const classes: number[][] = sizes.map(() => []);
  const seen = new Map<string, { line: number; cls: number; dir: boolean }>();
  for (let k = 0; k < edgeRows.length; k++) {
    const { values, line } = edgeRows[k];
    const a = Number(values[0]) - 1;
    const b = Number(values[1]) - 1;
    for (const x of [a, b]) if (x < 0 || x >= N) throw new FormatError(`A: node id ${x + 1} out of range 1..${N}`, { line });
    if (a === b) throw new FormatError(`A: self-loop on node ${a + 1}; graphgen graphs are simple`, { line });
    if (graphOf[a] !== graphOf[b]) throw new FormatError(`A: edge ${a + 1}, ${b + 1} joins graph ${graphOf[a] + 1} and graph ${graphOf[b] + 1}`, { line });
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    const cls = edgeClass?.[k] ?? 1;
    const prev = seen.get(key);
    if (prev !== undefined) {
      if (prev.dir === a < b) throw new FormatError(`A: edge ${a + 1}, ${b + 1} listed twice (line ${prev.line})`, { line });
      if (prev.cls !== cls) throw new FormatError(`A: edge ${a + 1}, ${b + 1} has class ${cls - 1} but its reverse (line ${prev.line}) has ${prev.cls - 1}`, { line });
      continue;
    }
    seen.set(key, { line, cls, dir: a < b });
    edges[graphOf[a]].push([localId[a], localId[b]]);
    classes[graphOf[a]].push(cls);
  }
  let offset = 0;
  const graphs = sizes.map((n, g) => {
    const labels = nodeLabels?.slice(offset, offset + n);
    offset += n;
    try {
      return Graph.fromEdgeList(n, edges[g], { nodeLabels: labels, edgeLabels: edgeClass ? classes[g] : undefined });
    } catch (err) {
      if (err instanceof GraphgenError) throw new FormatError(`graph ${g + 1}: ${err.message}`, { cause: err });
      throw err;
    }
  });
  const result: TuDataset = { graphs };
  if (files.graphLabels !== undefined) {
    const r = rows(files.graphLabels, 'graph_labels', 1);
    if (r.length !== sizes.length) throw new FormatError(`graph_labels: ${r.length} lines but there are ${sizes.length} graphs`, { line: Math.min(r.length, sizes.length) + 1 });
    result.graphLabels = r.map((x) => Number(x.values[0]));
  }
  return result;
}
