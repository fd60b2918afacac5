import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';

/** Minimum, maximum and mean of a count over graphs (all 0 for an empty list). */
export interface CountStats {
  /** Smallest value. */
  min: number;
  /** Largest value. */
  max: number;
  /** Arithmetic mean. */
  mean: number;
}

/** Result of {@link datasetStats}. */
export interface DatasetStatsResult {
  /** Number of graphs. */
  graphs: number;
  /** Node counts. */
  nodes: CountStats;
  /** Undirected edge counts. */
  edges: CountStats;
  /** Number of connected graphs (a graph with 0 or 1 node counts as connected). */
  connected: number;
}

/**
 * Size statistics of a list of graphs, as the benchmark README tables report them: graph count,
 * node and edge count min / max / mean, and how many graphs are connected.
 *
 * @param graphs - the graphs
 * @returns the statistics (zeros for an empty list)
 * @throws `InputError` when `graphs` is not an array of `Graph`
 *
 * @example
 * ```ts
 * datasetStats(loadDataset('tree').test); // { graphs: 40, nodes: {min: 64, ...}, edges: {min: 63, ...}, connected: 40 }
 * ```
 */
export function datasetStats(graphs: readonly Graph[]): DatasetStatsResult {
  if (!Array.isArray(graphs)) throw InputError.invalid('graphs', 'an array of Graph', describeValue(graphs));
  const stats = (values: number[]): CountStats =>
    values.length === 0
      ? { min: 0, max: 0, mean: 0 }
      : { min: Math.min(...values), max: Math.max(...values), mean: values.reduce((a, b) => a + b, 0) / values.length };
  let connected = 0;
  graphs.forEach((g: unknown, i) => {
    if (!(g instanceof Graph)) throw InputError.invalid(`graphs[${i}]`, 'a Graph', describeValue(g));
    if (isConnected(g)) connected++;
  });
  return {
    graphs: graphs.length,
    nodes: stats(graphs.map((g) => g.n)),
    edges: stats(graphs.map((g) => g.numEdges)),
    connected,
  };
}

function isConnected(g: Graph): boolean {
  if (g.n <= 1) return true;
  const { offsets, targets } = g.csr();
  const seen = new Uint8Array(g.n);
  const stack = [0];
  seen[0] = 1;
  let count = 1;
  while (stack.length > 0) {
    const v = stack.pop() as number;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const w = targets[k];
      if (!seen[w]) {
        seen[w] = 1;
        count++;
        stack.push(w);
      }
    }
  }
  return count === g.n;
}
