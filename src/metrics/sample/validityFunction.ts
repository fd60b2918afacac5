import { InputError, describeValue } from '../../core/errors.js';
import { assertOneOf } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import type { Graph } from '../../graph/Graph.js';
import { isGrid } from './isGrid.js';
import { isLobster } from './isLobster.js';
import { isPlanarValid } from './isPlanarValid.js';
import { isSbmValid } from './isSbmValid.js';
import { isTree } from './isTree.js';

/** Names of the validity criteria of the benchmarks. */
export type ValidityName = 'planar' | 'tree' | 'sbm' | 'grid' | 'lobster' | 'none';

/** Every {@link ValidityName}. */
export const VALIDITY_NAMES: readonly ValidityName[] = ['planar', 'tree', 'sbm', 'grid', 'lobster', 'none'];

/** Options of {@link validityFunction}. */
export interface ValidityFunctionOptions {
  /** Random generator, required by `'sbm'` (the block-model fit is random). */
  rng?: Rng;
}

/**
 * The validity predicate of a benchmark by name: `'planar'` ({@link isPlanarValid}), `'tree'`
 * ({@link isTree}), `'sbm'` ({@link isSbmValid}, needs `rng`), `'grid'` ({@link isGrid}),
 * `'lobster'` ({@link isLobster}), `'none'` (always true).
 *
 * @param name - the criterion
 * @param options - rng for `'sbm'`
 * @returns a predicate on graphs
 * @throws `InputError` for an unknown name or `'sbm'` without an rng
 *
 * @example
 * ```ts
 * const valid = validityFunction('planar');
 * generated.filter(valid).length;
 * ```
 */
export function validityFunction(name: ValidityName, options: ValidityFunctionOptions = {}): (graph: Graph) => boolean {
  assertOneOf(name, 'name', VALIDITY_NAMES);
  switch (name) {
    case 'planar':
      return isPlanarValid;
    case 'tree':
      return isTree;
    case 'grid':
      return isGrid;
    case 'lobster':
      return isLobster;
    case 'none':
      return () => true;
    case 'sbm': {
      const rng = options.rng;
      if (rng === undefined || rng === null || typeof rng.uniform !== 'function') {
        throw InputError.invalid('options.rng', "an Rng (the 'sbm' validity fit is random)", describeValue(rng));
      }
      return (g) => g.n > 0 && isSbmValid(g, { rng });
    }
  }
}
