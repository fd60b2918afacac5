import { assertInteger } from '../../core/assert.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';

/** Options of {@link wlColors}. */
export interface WlColorsOptions {
  /** Refinement rounds; `Infinity` runs until the partition is stable (at most n rounds). @default 3 */
  iterations?: number;
  /** Use node labels as initial colours. @default true */
  nodeLabels?: boolean;
  /** Use edge labels in the neighbour multisets. @default true */
  edgeLabels?: boolean;
}

/** Result of {@link wlColors}. */
export interface WlColorsResult {
  /** Colour of each node after each round: `rounds[0]` is the initial colouring, length iterations + 1. */
  rounds: Float64Array[];
  /** Number of distinct colours after the last round. */
  classes: number;
}

const P = 4294967296;

/** Mixes a value into a 52-bit hash (two 26-bit lanes, murmur-style avalanches). @internal */
export function mix(h: number, x: number): number {
  const xi = x | 0;
  let lo = (h % 67108864) ^ Math.imul(xi, 0x5bd1e995);
  let hi = Math.floor(h / 67108864) ^ Math.imul(xi ^ 0x7f4a7c15, 0x27d4eb2f);
  lo = Math.imul(lo ^ (lo >>> 15), 0x85ebca6b);
  lo ^= lo >>> 13;
  hi = Math.imul(hi ^ (hi >>> 16), 0xc2b2ae35) ^ lo;
  hi ^= hi >>> 15;
  lo = Math.imul(lo ^ hi, 0x9e3779b1);
  lo ^= lo >>> 16;
  return ((hi >>> 0) % 67108864) * 67108864 + ((lo >>> 0) % 67108864);
}

/**
 * Weisfeiler-Lehman colour refinement (1-WL; Shervashidze et al. 2011). The initial colour of a
 * node is a hash of its label; each round replaces a colour by a hash of the colour and the sorted
 * multiset of (edge label, neighbour colour) pairs. Colours are 52-bit hashes of the refinement
 * history, so they are canonical: isomorphic graphs get the same multiset of colours in every
 * round, whatever their node order, and colours can be compared across graphs (the basis of
 * {@link wlHash}, of the WL kernel and of the isomorphism filter). Hash collisions are possible
 * in principle (probability about k^2 / 2^53 for k distinct colours).
 *
 * @param graph - any graph
 * @param options - rounds and label use
 * @returns the colours after every round and the final class count
 * @throws `InputError` when `graph` is not a Graph or `iterations` is negative
 *
 * @example
 * ```ts
 * const { rounds } = wlColors(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), { iterations: 1 });
 * rounds[1][0] === rounds[1][2]; // true: both ends of the path
 * ```
 */
export function wlColors(graph: Graph, options: WlColorsOptions = {}): WlColorsResult {
  checkGraph(graph, 'graph');
  const iterations = options.iterations ?? 3;
  if (iterations !== Infinity) assertInteger(iterations, 'options.iterations', { min: 0 });
  const useNode = options.nodeLabels ?? true;
  const useEdge = options.edgeLabels ?? true;
  const n = graph.n;
  const { offsets, targets, edgeIds } = graph.csr();
  const nodeLabels = useNode ? graph.nodeLabels() : new Int32Array(n);
  const edgeLabels = useEdge && graph.hasEdgeLabels ? graph.edgeLabels() : null;
  let colors = new Float64Array(n);
  for (let v = 0; v < n; v++) colors[v] = mix(0x12345, nodeLabels[v]);
  const rounds = [colors];
  let classes = new Set(colors).size;
  const maxRounds = iterations === Infinity ? n + 1 : iterations;
  const buf: number[] = [];
  for (let it = 0; it < maxRounds; it++) {
    const next = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      buf.length = 0;
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        const c = colors[targets[k]];
        // Class 1 is the unlabelled edge class: a labelled graph whose edges are all class 1
        // must colour like the same graph without labels (labels compare by value, as in Graph.equals).
        const label = edgeLabels === null ? 1 : edgeLabels[edgeIds[k]];
        buf.push(label === 1 ? c : mix(c, label));
      }
      buf.sort((a, b) => a - b);
      let h = mix(colors[v], buf.length);
      for (const c of buf) h = mix(mix(h, c % P), Math.floor(c / P));
      next[v] = h;
    }
    const nextClasses = new Set(next).size;
    colors = next;
    rounds.push(colors);
    if (iterations === Infinity && nextClasses === classes) break;
    classes = nextClasses;
  }
  classes = new Set(colors).size;
  return { rounds, classes };
}
