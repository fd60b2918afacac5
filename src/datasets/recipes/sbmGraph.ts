import { assertFinite, assertInteger } from '../../core/assert.js';
import { InputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';

/** Options of {@link sbmGraph}. */
export interface SbmGraphOptions {
  /** Smallest number of blocks. @default 2 */
  minBlocks?: number;
  /** Largest number of blocks (inclusive). @default 5 */
  maxBlocks?: number;
  /** Smallest block size. @default 20 */
  minBlockSize?: number;
  /** Largest block size (inclusive). @default 40 */
  maxBlockSize?: number;
  /** Edge probability inside a block. @default 0.3 */
  pIntra?: number;
  /** Edge probability between blocks. @default 0.005 */
  pInter?: number;
}

/** Result of {@link sbmGraph}. */
export interface SbmGraphResult {
  /** The graph; block `b` holds the contiguous nodes after blocks `0..b-1`. */
  graph: Graph;
  /** Size of each block, in node order. */
  blockSizes: number[];
}

/**
 * A stochastic block model graph as in SPECTRE (Martinkus et al. 2022): the number of blocks is
 * uniform in `minBlocks..maxBlocks`, each block size uniform in `minBlockSize..maxBlockSize`, and
 * each pair of nodes is joined independently with probability `pIntra` inside a block and `pInter`
 * between blocks (networkx `stochastic_block_model`). Blocks are contiguous node ranges. The graph
 * may be disconnected (as 4 of the 200 benchmark graphs are).
 *
 * @param rng - random source (advanced)
 * @param options - block counts, sizes and probabilities
 * @returns the graph and its block sizes
 * @throws `InputError` for non-integer or inverted ranges, or probabilities outside [0, 1]
 *
 * @example
 * ```ts
 * const { graph, blockSizes } = sbmGraph(createRng(0));
 * blockSizes.reduce((a, b) => a + b) === graph.n; // true
 * ```
 *
 * @see K. Martinkus et al., "SPECTRE", ICML 2022 (the `sbm_200` dataset).
 */
export function sbmGraph(rng: Rng, options: SbmGraphOptions = {}): SbmGraphResult {
  const { minBlocks = 2, maxBlocks = 5, minBlockSize = 20, maxBlockSize = 40, pIntra = 0.3, pInter = 0.005 } = options;
  assertInteger(minBlocks, 'options.minBlocks', { min: 1 });
  assertInteger(maxBlocks, 'options.maxBlocks', { min: minBlocks });
  assertInteger(minBlockSize, 'options.minBlockSize', { min: 1 });
  assertInteger(maxBlockSize, 'options.maxBlockSize', { min: minBlockSize });
  assertFinite(pIntra, 'options.pIntra', { min: 0, max: 1 });
  assertFinite(pInter, 'options.pInter', { min: 0, max: 1 });
  if (maxBlocks * maxBlockSize > 100_000) throw InputError.invalid('options', 'at most 100000 nodes', `${maxBlocks} x ${maxBlockSize}`);
  const k = rng.int(minBlocks, maxBlocks + 1);
  const blockSizes = Array.from({ length: k }, () => rng.int(minBlockSize, maxBlockSize + 1));
  const block: number[] = [];
  blockSizes.forEach((s, b) => {
    for (let i = 0; i < s; i++) block.push(b);
  });
  const n = block.length;
  const edges: [number, number][] = [];
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      if (rng.uniform() < (block[u] === block[v] ? pIntra : pInter)) edges.push([u, v]);
    }
  }
  return { graph: Graph.fromEdgeList(n, edges), blockSizes };
}
