/**
 * Conversion between graphgen {@link Graph} and graphology graphs. This is the only place in
 * graphgen that touches graphology.
 *
 * @module
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InputError, describeValue } from '../core/errors.js';
import { Graph } from './Graph.js';

/** How to read a label: an attribute name, or a function of the key and attributes. */
export type LabelReader = string | ((key: string, attributes: Attributes) => number);

/** Options of {@link fromGraphology}. */
export interface FromGraphologyOptions {
  /** Node class source (integers >= 0). @default no node labels */
  nodeLabel?: LabelReader;
  /** Edge class source (integers >= 1; 0 means "no edge"). @default no edge labels */
  edgeLabel?: LabelReader;
}

/** Result of {@link fromGraphology}. */
export interface FromGraphologyResult {
  /** The converted graph; node `i` is graphology node `keys[i]`. */
  graph: Graph;
  /** graphology node keys in graphgen node order (graphology's iteration order). */
  keys: string[];
}

/**
 * Converts a graphology graph to a {@link Graph}. Nodes are numbered in graphology's iteration
 * order; the returned `keys` map them back.
 *
 * Works with any graphology graph type as long as it describes a simple undirected graph: an
 * undirected graph, or a mixed graph with no directed edge. Directed edges, multi-edges and
 * self-loops are rejected (they cannot be represented without losing information).
 *
 * @param g - any graphology graph
 * @throws {@link InputError} for directed edges, multi graphs, self-loops, or a missing/invalid label
 *
 * @example
 * ```ts
 * import { UndirectedGraph } from 'graphology';
 * const h = new UndirectedGraph();
 * h.addNode('a', { kind: 1 }); h.addNode('b', { kind: 0 }); h.addEdge('a', 'b');
 * const { graph, keys } = fromGraphology(h, { nodeLabel: 'kind' }); // keys = ['a', 'b']
 * ```
 */
export function fromGraphology(g: AbstractGraph, options: FromGraphologyOptions = {}): FromGraphologyResult {
  if (!g || typeof g !== 'object' || typeof (g as AbstractGraph).forEachNode !== 'function') {
    throw InputError.invalid('g', 'a graphology graph', describeValue(g));
  }
  if (g.multi) throw InputError.invalid('g', 'a simple graph (graphology multi graphs may hold parallel edges)', `a multi ${g.type} graph`);
  if (g.directedSize > 0) {
    throw InputError.invalid('g', 'an undirected graph (graphgen graphs are undirected)', `${g.directedSize} directed edge(s) in a ${g.type} graph`);
  }
  if (g.selfLoopCount > 0) throw InputError.invalid('g', 'no self-loops', `${g.selfLoopCount} self-loop(s)`);
  const keys: string[] = [];
  const index = new Map<string, number>();
  const nodeLabels: number[] = [];
  g.forEachNode((key, attrs) => {
    index.set(key, keys.length);
    keys.push(key);
    if (options.nodeLabel !== undefined) nodeLabels.push(readLabel(options.nodeLabel, key, attrs, `node "${key}"`, 0));
  });
  const edges: [number, number][] = [];
  const edgeLabels: number[] = [];
  g.forEachEdge((key, attrs, source, target) => {
    edges.push([index.get(source) as number, index.get(target) as number]);
    if (options.edgeLabel !== undefined) edgeLabels.push(readLabel(options.edgeLabel, key, attrs, `edge "${key}" (${source}, ${target})`, 1));
  });
  const graph = Graph.fromEdgeList(keys.length, edges, {
    nodeLabels: options.nodeLabel !== undefined ? nodeLabels : undefined,
    edgeLabels: options.edgeLabel !== undefined ? edgeLabels : undefined,
  });
  return { graph, keys };
}

function readLabel(reader: LabelReader, key: string, attrs: Attributes, where: string, min: number): number {
  const value = typeof reader === 'function' ? reader(key, attrs) : attrs[reader];
  if (!Number.isInteger(value) || (value as number) < min) {
    const what = typeof reader === 'function' ? 'label function result' : `attribute "${reader}"`;
    throw InputError.invalid(`${where} ${what}`, `an integer class >= ${min}`, describeValue(value));
  }
  return value as number;
}

/** Options of {@link toGraphology}. */
export interface ToGraphologyOptions {
  /** Node keys in graphgen node order (e.g. from {@link fromGraphology}). @default String(i) */
  keys?: readonly string[];
  /** Attribute receiving node classes (written only when the graph has node labels). @default 'label' */
  nodeLabelAttribute?: string;
  /** Attribute receiving edge classes (written only when the graph has edge labels). @default 'label' */
  edgeLabelAttribute?: string;
}

/**
 * Converts a {@link Graph} to a graphology `UndirectedGraph`, writing node and edge classes as
 * attributes when the graph is labelled. Round trip with {@link fromGraphology} is exact.
 *
 * @throws {@link InputError} when `keys` has the wrong length or repeated keys
 */
export function toGraphology(graph: Graph, options: ToGraphologyOptions = {}): UndirectedGraph {
  const keys = options.keys ?? Array.from({ length: graph.n }, (_, i) => String(i));
  if (keys.length !== graph.n) throw InputError.invalid('options.keys', `${graph.n} keys (one per node)`, `${keys.length}`);
  if (new Set(keys).size !== keys.length) throw InputError.invalid('options.keys', 'distinct keys', 'repeated keys');
  const nodeAttr = options.nodeLabelAttribute ?? 'label';
  const edgeAttr = options.edgeLabelAttribute ?? 'label';
  const out = new UndirectedGraph();
  for (let i = 0; i < graph.n; i++) out.addNode(keys[i], graph.hasNodeLabels ? { [nodeAttr]: graph.nodeLabel(i) } : {});
  graph.forEachEdge((u, v, label) => {
    out.addEdge(keys[u], keys[v], graph.hasEdgeLabels ? { [edgeAttr]: label } : {});
  });
  return out;
}
