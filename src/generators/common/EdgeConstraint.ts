import { InputError, describeValue } from '../../core/errors.js';
import { lrPlanarity } from '../../metrics/internal/lrPlanarity.js';

/**
 * A graph property that edge deletions never break (planar, acyclic, bounded degree, ...),
 * kept true at every step of constrained sampling ({@link sampleGraphs} with
 * `constraint`): ConStruct's projector (Madeira et al., NeurIPS 2024). Because the property
 * survives deletions, a sampler that starts from a graph with the property (the empty graph of
 * the absorbing prior always has it) keeps it by accepting every edge removal and testing each
 * proposed new edge, in random order, against the graph built so far.
 *
 * @example
 * ```ts
 * const maxDegree3: EdgeConstraint = {
 *   name: 'max-degree-3',
 *   allowsEdge: (adj, i, j) => adj[i].length < 3 && adj[j].length < 3,
 * };
 * await model.sample(10, { rng: createRng(1), steps: 100, constraint: maxDegree3 });
 * ```
 */
export interface EdgeConstraint {
  /** Short name for reports. */
  readonly name: string;
  /**
   * Whether the simple graph with neighbour lists `adj` (symmetric, no self loops, nodes
   * 0..adj.length-1), which has the property, still has it after adding the edge {i, j}
   * (i != j, not yet an edge).
   */
  allowsEdge(adj: readonly (readonly number[])[], i: number, j: number): boolean;
}

/** Names of the built-in constraints ({@link edgeConstraint}). */
export const EDGE_CONSTRAINT_NAMES = ['planar', 'acyclic'] as const;

/** A built-in constraint's name. */
export type EdgeConstraintName = (typeof EDGE_CONSTRAINT_NAMES)[number];

/**
 * Planarity: the edge is allowed when the graph plus the edge is planar (the left-right test
 * of `isPlanar` in graphgen/metrics, O(n + m) per proposed edge). The SPECTRE planar benchmark's graphs are
 * planar and connected; with this constraint every sample is planar.
 */
export const planarConstraint: EdgeConstraint = Object.freeze({
  name: 'planar',
  allowsEdge(adj: readonly (readonly number[])[], i: number, j: number): boolean {
    const n = adj.length;
    let degrees = 0;
    for (let v = 0; v < n; v++) degrees += adj[v].length;
    const m = degrees / 2 + 1; // with {i, j}
    if (n > 2 && m > 3 * n - 6) return false;
    const offsets = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + adj[v].length + (v === i || v === j ? 1 : 0);
    const targets = new Int32Array(2 * m);
    const edgeIds = new Int32Array(2 * m);
    const fill = offsets.slice(0, n);
    let next = 0;
    const put = (u: number, w: number, id: number): void => {
      targets[fill[u]] = w;
      edgeIds[fill[u]++] = id;
    };
    for (let u = 0; u < n; u++) {
      for (const w of adj[u]) {
        if (w <= u) continue;
        put(u, w, next);
        put(w, u, next++);
      }
    }
    put(i, j, next);
    put(j, i, next);
    return lrPlanarity(n, m, offsets, targets, edgeIds);
  },
});

/**
 * Acyclicity (forests): the edge is allowed when i and j lie in different components (a
 * breadth-first search from i, O(n + m)). Every sample is a forest, and a tree when it ends
 * with n - 1 edges.
 */
export const acyclicConstraint: EdgeConstraint = Object.freeze({
  name: 'acyclic',
  allowsEdge(adj: readonly (readonly number[])[], i: number, j: number): boolean {
    const seen = new Uint8Array(adj.length);
    const queue = [i];
    seen[i] = 1;
    for (let h = 0; h < queue.length; h++) {
      for (const w of adj[queue[h]]) {
        if (w === j) return false;
        if (seen[w] === 0) {
          seen[w] = 1;
          queue.push(w);
        }
      }
    }
    return true;
  },
});

/**
 * Resolves a constraint given by name (`'planar'`, `'acyclic'`) or as an object.
 *
 * @param value - a name from {@link EDGE_CONSTRAINT_NAMES} or an {@link EdgeConstraint}
 * @param argument - the argument's name for the error
 * @returns the constraint
 * @throws `InputError` for an unknown name or an object without `name` and `allowsEdge`
 *
 * @example
 * ```ts
 * edgeConstraint('planar') === planarConstraint; // true
 * ```
 */
export function edgeConstraint(value: EdgeConstraintName | EdgeConstraint, argument = 'constraint'): EdgeConstraint {
  if (value === 'planar') return planarConstraint;
  if (value === 'acyclic') return acyclicConstraint;
  if (value !== null && typeof value === 'object' && typeof value.name === 'string' && typeof value.allowsEdge === 'function') return value;
  throw InputError.invalid(argument, `${EDGE_CONSTRAINT_NAMES.map((s) => `'${s}'`).join(' or ')} or an EdgeConstraint ({ name, allowsEdge })`, describeValue(value));
}
