import { assertFinite, assertInteger } from '../../core/assert.js';
import { InputError, describeValue } from '../../core/errors.js';
import type { Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';
import { decodeBarycenter } from './decodeBarycenter.js';
import { graphBarycenter, type GraphBarycenterProgress } from './graphBarycenter.js';
import type { GraphStructureKind } from './graphStructure.js';

/** Options of {@link interpolate}. */
export interface InterpolateOptions {
  /** Random generator (restarts, node choice). Required: the result is deterministic for its state. */
  rng: Rng;
  /** Nodes of the result. @default round((1 − t) n1 + t n2) */
  nodes?: number;
  /** Edges of the result. @default the interpolated edge density `(1 − t) ρ1 + t ρ2` times N(N − 1)/2, rounded */
  edges?: number;
  /** Structure matrix of the GW problems. @default 'adjacency' */
  structure?: GraphStructureKind;
  /** FGW trade-off for node-labelled graphs. @default 0.5 */
  alpha?: number;
  /** Outer barycenter iterations. @default 20 */
  maxIter?: number;
  /** Restarts of the first inner solves. @default 2 */
  nInit?: number;
  /** Progress of the barycenter iterations. */
  onProgress?: (event: GraphBarycenterProgress) => void;
  /** Cancels with an `AbortedError`. */
  signal?: AbortSignal;
}

/** A point of the path with the couplings to both endpoints (see {@link interpolate}). @internal */
export interface InterpolationPoint {
  graph: Graph;
  /** N x n1 coupling to g1 (a relabelled copy of g1 at t = 0 gives the identity / N). */
  toFirst: Matrix;
  /** N x n2 coupling to g2. */
  toSecond: Matrix;
}

/**
 * A graph "between" two graphs: the point at time `t` of a Gromov-Wasserstein geodesic, computed
 * as the weighted GW barycenter (Peyré et al. 2016; Sturm's geodesics in the space of metric
 * measure spaces) with weights `(1 − t, t)`:
 *
 * ```text
 *   G_t = argmin_C (1 − t) GW(C, C1) + t GW(C, C2),   N = round((1 − t) n1 + t n2) nodes,
 * ```
 *
 * decoded to a simple graph by keeping the most frequent transported edges, as many as the
 * interpolated edge density asks for (fused GW on node labels for labelled graphs). The
 * barycenter starts from the nearer endpoint, so `t = 0` returns `g1` and `t = 1` returns `g2`
 * (the same objects), and small `t` gives small edits of `g1`. Graph space is not a vector
 * space: the path is a sequence of graphs whose structure moves from one to the other, not
 * unique, and only as good as the non-convex GW solves (use `nInit` for restarts).
 *
 * @param g1 - first graph (>= 1 node)
 * @param g2 - second graph (>= 1 node)
 * @param t - position in [0, 1]
 * @param options - see {@link InterpolateOptions}
 * @returns the interpolated graph
 * @throws `InputError` for non-Graph or empty graphs, t outside [0, 1], a missing rng or bad options
 * @throws `AbortedError` when `options.signal` fires
 *
 * @example
 * ```ts
 * const ring = Graph.fromEdgeList(8, [[0,1],[1,2],[2,3],[3,4],[4,5],[5,6],[6,7],[7,0]]);
 * const star = Graph.fromEdgeList(6, [[0,1],[0,2],[0,3],[0,4],[0,5]]);
 * const mid = interpolate(ring, star, 0.5, { rng: createRng(0) }); // 7 nodes
 * ```
 */
export function interpolate(g1: Graph, g2: Graph, t: number, options: InterpolateOptions): Graph {
  return interpolationPoint(g1, g2, t, options).graph;
}

/** {@link interpolate} with the couplings to both endpoints. @internal */
export function interpolationPoint(g1: Graph, g2: Graph, t: number, options: InterpolateOptions): InterpolationPoint {
  for (const [g, name] of [
    [g1, 'g1'],
    [g2, 'g2'],
  ] as const) {
    if (!(g instanceof Graph)) throw InputError.invalid(name, 'a Graph', describeValue(g));
    if (g.n === 0) throw InputError.invalid(name, 'a graph with at least one node', 'an empty graph');
  }
  assertFinite(t, 't', { min: 0, max: 1 });
  if (options?.rng === undefined) throw InputError.invalid('options.rng', 'an Rng', 'undefined');
  const N = options.nodes ?? Math.max(1, Math.round((1 - t) * g1.n + t * g2.n));
  assertInteger(N, 'options.nodes', { min: 1, max: 4096 });
  const pairs = (N * (N - 1)) / 2;
  const density = (g: Graph) => (g.n > 1 ? g.numEdges / ((g.n * (g.n - 1)) / 2) : 0);
  const edges = options.edges ?? Math.min(pairs, Math.round(((1 - t) * density(g1) + t * density(g2)) * pairs));
  assertInteger(edges, 'options.edges', { min: 0, max: pairs });
  const endpoint = t === 0 ? g1 : t === 1 ? g2 : undefined;
  if (endpoint !== undefined && N === endpoint.n && options.edges === undefined) {
    const id = { rows: N, cols: N, data: new Float64Array(N * N) };
    for (let i = 0; i < N; i++) id.data[i * N + i] = 1 / N;
    const other = t === 0 ? g2 : g1;
    const bary = graphBarycenter([endpoint, other], [1, 0], { ...barycenterOptions(options), nodes: N, initIndex: 0, maxIter: 1 });
    return t === 0 ? { graph: g1, toFirst: id, toSecond: bary.plans[1] } : { graph: g2, toFirst: bary.plans[1], toSecond: id };
  }
  const bary = graphBarycenter([g1, g2], [1 - t, t], { ...barycenterOptions(options), nodes: N, initIndex: t <= 0.5 ? 0 : 1 });
  return { graph: decodeBarycenter(bary, { edges }), toFirst: bary.plans[0], toSecond: bary.plans[1] };
}

function barycenterOptions(o: InterpolateOptions) {
  return { rng: o.rng, structure: o.structure, alpha: o.alpha, maxIter: o.maxIter, nInit: o.nInit, onProgress: o.onProgress, signal: o.signal };
}
