import { InputError, describeValue } from '../../core/errors.js';
import type { Matrix } from '../../core/matrix.js';
import { Graph } from '../../graph/Graph.js';
import { structureMatrix } from '../../metrics/distances/gromovWassersteinDistance.js';

/**
 * Which intra-graph matrix represents a graph in Gromov-Wasserstein problems:
 * - `'adjacency'`: `C[i][j] = 1` for an edge, else 0; barycenters are edge frequencies in [0, 1].
 * - `'shortestPath'`: hop distances, `n` for unreachable pairs; barycenters are mean distances.
 */
export type GraphStructureKind = 'adjacency' | 'shortestPath';

const KINDS: readonly GraphStructureKind[] = ['adjacency', 'shortestPath'];

/**
 * The structure matrix of a graph for (fused) Gromov-Wasserstein solvers (graphgen/metrics'
 * convention, shared with `gromovWassersteinDistance`).
 *
 * @param graph - a graph with n nodes
 * @param kind - adjacency (default) or shortest-path distances
 * @returns C, n x n, symmetric, zero diagonal
 * @throws `InputError` for a non-Graph or an unknown kind
 *
 * @example
 * ```ts
 * graphStructure(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), 'shortestPath').data; // [0,1,2, 1,0,1, 2,1,0]
 * ```
 */
export function graphStructure(graph: Graph, kind: GraphStructureKind = 'adjacency'): Matrix {
  if (!(graph instanceof Graph)) throw InputError.invalid('graph', 'a Graph', describeValue(graph));
  if (!KINDS.includes(kind)) throw InputError.invalid('kind', `one of ${KINDS.join(', ')}`, describeValue(kind));
  return structureMatrix(graph, kind);
}

/** Checks a structure kind option. @internal */
export function checkStructureKind(kind: unknown, name: string): GraphStructureKind {
  if (!KINDS.includes(kind as GraphStructureKind)) throw InputError.invalid(name, `one of ${KINDS.join(', ')}`, describeValue(kind));
  return kind as GraphStructureKind;
}

/**
 * Hop profile of every node: `h[i][d-1] = #{v : dist(i, v) = d} / n` for d = 1..D and the
 * unreachable fraction last, row-major n x (D + 1). Permutation-equivariant node signatures
 * used to initialise couplings (degree is `n h[i][0]`). @internal
 */
export function hopProfiles(graph: Graph, D = 6): Float64Array {
  const n = graph.n;
  const w = D + 1;
  const out = new Float64Array(n * w);
  if (n === 0) return out;
  const { offsets, targets } = graph.csr();
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    dist.fill(-1);
    dist[s] = 0;
    let h = 0;
    let t = 0;
    queue[t++] = s;
    while (h < t) {
      const u = queue[h++];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = targets[k];
        if (dist[v] < 0) {
          dist[v] = dist[u] + 1;
          queue[t++] = v;
        }
      }
    }
    for (let v = 0; v < n; v++) {
      if (v === s) continue;
      const d = dist[v];
      if (d < 0) out[s * w + D] += 1 / n;
      else if (d <= D) out[s * w + d - 1] += 1 / n;
    }
  }
  return out;
}
