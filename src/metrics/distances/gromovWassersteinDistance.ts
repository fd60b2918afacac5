import { assertFinite, assertOneOf } from '../../core/assert.js';
import { createMatrix, type Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import type { Graph } from '../../graph/Graph.js';
import { fusedGromovWasserstein } from '../../ot/gromov/fusedGromovWasserstein.js';
import { gromovWasserstein } from '../../ot/gromov/gromovWasserstein.js';
import { checkGraph, checkNonEmptyGraph } from '../internal/checks.js';

/** Which intra-graph matrix the (fused) Gromov-Wasserstein distance compares. */
export type GraphStructureMatrix = 'adjacency' | 'shortestPath';

/** Options of {@link gromovWassersteinDistance}. */
export interface GromovWassersteinDistanceOptions {
  /** Structure matrix of each graph (`shortestPath`: hop distances, n for unreachable pairs). @default 'shortestPath' */
  structure?: GraphStructureMatrix;
  /** FGW trade-off in [0, 1]: `(1 - alpha) <M, T> + alpha GW(T)` with `M[i][j] = [label_i != label_j]`; 1 = plain GW (labels ignored). @default 1 */
  alpha?: number;
  /** Solver iterations (graphgen/ot `maxIter`). @default 1000 */
  maxIter?: number;
  /** Random restarts of the non-convex solver, drawn from `rng`. */
  nInit?: number;
  /** Random generator for the restarts. */
  rng?: Rng;
}

/** Result of {@link gromovWassersteinDistance}. */
export interface GromovWassersteinDistanceResult {
  /** The (fused) GW loss with the square loss and uniform node weights (a local optimum). */
  value: number;
  /** Coupling, n1 x n2. */
  plan: Matrix;
}

/** Structure matrix of a graph. @internal */
export function structureMatrix(g: Graph, kind: GraphStructureMatrix): Matrix {
  const n = g.n;
  if (kind === 'adjacency') return g.adjacency();
  const D = createMatrix(n, n);
  const { offsets, targets } = g.csr();
  const q = new Int32Array(n);
  const dist = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    dist.fill(-1);
    dist[s] = 0;
    let h = 0;
    let t = 0;
    q[t++] = s;
    while (h < t) {
      const u = q[h++];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) if (dist[targets[k]] < 0) {
        dist[targets[k]] = dist[u] + 1;
        q[t++] = targets[k];
      }
    }
    for (let v = 0; v < n; v++) D.data[s * n + v] = dist[v] < 0 ? n : dist[v];
  }
  return D;
}

/**
 * Gromov-Wasserstein (alpha = 1) or fused Gromov-Wasserstein distance between two graphs, with
 * uniform node weights, their adjacency or shortest-path matrices as structures and (FGW) a 0/1
 * node-label cost, solved by graphgen/ot's conditional-gradient solvers (`gromovWasserstein`,
 * `fusedGromovWasserstein`). The problem is non-convex: the value is a local optimum (use `nInit`
 * with `rng` for restarts). Invariant to node order.
 *
 * @param a - first graph (>= 1 node)
 * @param b - second graph (>= 1 node)
 * @param options - structure, alpha, solver settings
 * @returns the loss and the coupling
 * @throws `InputError` for non-Graph or empty arguments, alpha outside [0, 1], an unknown structure
 *
 * @example
 * ```ts
 * gromovWassersteinDistance(g, permute(g, perm)).value; // ~0
 * ```
 */
export function gromovWassersteinDistance(a: Graph, b: Graph, options: GromovWassersteinDistanceOptions = {}): GromovWassersteinDistanceResult {
  checkGraph(a, 'a');
  checkGraph(b, 'b');
  checkNonEmptyGraph(a, 'a');
  checkNonEmptyGraph(b, 'b');
  const structure = options.structure ?? 'shortestPath';
  assertOneOf(structure, 'options.structure', ['adjacency', 'shortestPath'] as const);
  const alpha = options.alpha ?? 1;
  assertFinite(alpha, 'options.alpha', { min: 0, max: 1 });
  const C1 = structureMatrix(a, structure);
  const C2 = structureMatrix(b, structure);
  const p = new Float64Array(a.n).fill(1 / a.n);
  const q = new Float64Array(b.n).fill(1 / b.n);
  const solver = { maxIter: options.maxIter ?? 1000, nInit: options.nInit, rng: options.rng };
  if (alpha === 1) {
    const r = gromovWasserstein(C1, C2, p, q, solver);
    return { value: r.value, plan: r.plan };
  }
  const M = createMatrix(a.n, b.n);
  for (let i = 0; i < a.n; i++) for (let j = 0; j < b.n; j++) M.data[i * b.n + j] = a.nodeLabel(i) === b.nodeLabel(j) ? 0 : 1;
  const r = fusedGromovWasserstein(M, C1, C2, p, q, { ...solver, alpha });
  return { value: r.value, plan: r.plan };
}
