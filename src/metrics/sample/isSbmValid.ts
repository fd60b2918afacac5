import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { fitSbm, type FitSbmOptions } from './fitSbm.js';
import { sbmWaldTest, type SbmWaldTestOptions } from './sbmWaldTest.js';

/** Options of {@link isSbmValid}: the fit's options (rng required) and the test's thresholds. */
export interface IsSbmValidOptions extends FitSbmOptions, SbmWaldTestOptions {}

/**
 * Validity of the SBM benchmark: fit a block model ({@link fitSbm}) and apply the reference
 * Wald test ({@link sbmWaldTest}). Random through `options.rng`. A graph with no nodes is invalid.
 *
 * @param graph - any graph
 * @param options - rng (required) and thresholds
 * @returns whether the graph passes
 * @throws `InputError` when `graph` is not a Graph or the rng is missing
 *
 * @example
 * ```ts
 * isSbmValid(g, { rng: createRng(1) });
 * ```
 */
export function isSbmValid(graph: Graph, options: IsSbmValidOptions): boolean {
  checkGraph(graph, 'graph');
  if (graph.n === 0) {
    fitSbm(graph, options); // throws the typed empty-graph error when the rng is fine
  }
  return sbmWaldTest(fitSbm(graph, options), options).valid;
}
