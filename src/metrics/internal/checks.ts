/**
 * Argument checks shared by the metrics entry points (internal, not re-exported). Every failure
 * is a typed error naming the argument.
 *
 * @module
 * @internal
 */

import { InputError, describeValue } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';

/** Throws an `InputError` unless `g` is a {@link Graph}. */
export function checkGraph(g: unknown, name: string): asserts g is Graph {
  if (!(g instanceof Graph)) throw InputError.invalid(name, 'a Graph', describeValue(g));
}

/** Options of {@link checkGraphList}. */
export interface CheckGraphListOptions {
  /** Reject an empty list. @default true */
  nonEmpty?: boolean;
}

/** Validates an array of graphs (each element a {@link Graph}). */
export function checkGraphList(graphs: unknown, name: string, options: CheckGraphListOptions = {}): asserts graphs is readonly Graph[] {
  if (!Array.isArray(graphs)) throw InputError.invalid(name, 'an array of Graph', describeValue(graphs));
  if ((options.nonEmpty ?? true) && graphs.length === 0) throw InputError.invalid(name, 'a non-empty array of Graph', 'an empty array');
  for (let i = 0; i < graphs.length; i++) checkGraph(graphs[i], `${name}[${i}]`);
}

/** Drops graphs with no nodes (the reference protocol ignores them); throws if none is left. */
export function nonEmptyGraphs(graphs: readonly Graph[], name: string): Graph[] {
  const kept = graphs.filter((g) => g.n > 0);
  if (kept.length === 0) {
    throw InputError.invalid(name, 'at least one graph with nodes (graphs with no nodes are dropped)', `${graphs.length} graphs, all with 0 nodes`);
  }
  return kept;
}

/** Throws unless `g` has at least one node. */
export function checkNonEmptyGraph(g: Graph, name: string): void {
  if (g.n === 0) throw InputError.invalid(name, 'a graph with at least one node', 'a graph with 0 nodes');
}

/** Validates a positive finite bandwidth. */
export function checkSigma(sigma: unknown, name: string): asserts sigma is number {
  if (typeof sigma !== 'number' || !Number.isFinite(sigma) || !(sigma > 0)) {
    throw InputError.invalid(name, 'a finite number > 0', describeValue(sigma));
  }
}

/**
 * A constant-time adjacency test for the hot loops: a bit matrix for graphs up to 8192 nodes,
 * binary search in the CSR otherwise.
 */
export function adjacencyTest(g: Graph): (u: number, v: number) => boolean {
  const n = g.n;
  const { offsets, targets } = g.csr();
  if (n <= 8192) {
    const words = (n + 31) >>> 5;
    const bits = new Uint32Array(n * words);
    for (let u = 0; u < n; u++) {
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = targets[k];
        bits[u * words + (v >>> 5)] |= 1 << (v & 31);
      }
    }
    return (u, v) => (bits[u * words + (v >>> 5)] & (1 << (v & 31))) !== 0;
  }
  return (u, v) => {
    let lo = offsets[u];
    let hi = offsets[u + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = targets[mid];
      if (t === v) return true;
      if (t < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
}
