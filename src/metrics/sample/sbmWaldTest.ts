import { InputError, describeValue } from '../../core/errors.js';
import { chiSquare1Sf } from './chiSquare1Sf.js';
import type { SbmFitResult } from './fitSbm.js';

/** Options of {@link sbmWaldTest}. */
export interface SbmWaldTestOptions {
  /** Expected density inside blocks. @default 0.3 */
  pIntra?: number;
  /** Expected density between blocks. @default 0.005 */
  pInter?: number;
  /** Smallest allowed block. @default 20 */
  minBlockSize?: number;
  /** Largest allowed block. @default 40 */
  maxBlockSize?: number;
  /** Fewest allowed blocks. @default 2 */
  minBlocks?: number;
  /** Most allowed blocks. @default 5 */
  maxBlocks?: number;
  /** The mean p-value must exceed this. @default 0.9 */
  threshold?: number;
}

/** Result of {@link sbmWaldTest}. */
export interface SbmWaldTestResult {
  /** Mean p-value over all ordered block pairs (NaN when the block constraints failed first). */
  pValue: number;
  /** Whether the block sizes and count are within the bounds. */
  blocksOk: boolean;
  /** `blocksOk && pValue > threshold`. */
  valid: boolean;
}

/**
 * The Wald test of the SBM benchmark (SPECTRE's `is_sbm_graph`, used by DiGress and DeFoG) on a
 * fitted partition. Rejects when a block has fewer than 20 or more than 40 nodes or the block
 * count is outside 2..5. Otherwise estimates `p_kk = 2 e_kk / (n_k (n_k - 1) + 1e-6)` and
 * `p_kl = e_kl / (n_k n_l + 1e-6)` (the reference adds 1e-6 to the denominators), computes
 * `W = (p - p0)^2 / (p (1 - p) + 1e-6)` against `p0 = 0.3` on the diagonal and `0.005` off it,
 * the chi-square(1) p-values `1 - cdf(W)`, and their mean over all B^2 ordered pairs; valid iff
 * the mean exceeds 0.9.
 *
 * @param fit - a block-model fit ({@link fitSbm})
 * @param options - thresholds (defaults are the reference's)
 * @returns the mean p-value and the decision
 * @throws `InputError` when `fit` is not a fit record
 *
 * @example
 * ```ts
 * sbmWaldTest(fitSbm(g, { rng: createRng(0) })).valid;
 * ```
 */
export function sbmWaldTest(fit: SbmFitResult, options: SbmWaldTestOptions = {}): SbmWaldTestResult {
  if (fit === null || typeof fit !== 'object' || !(fit.sizes instanceof Int32Array) || !(fit.edgeCounts instanceof Float64Array)) {
    throw InputError.invalid('fit', 'an SbmFitResult (from fitSbm)', describeValue(fit));
  }
  const pIntra = options.pIntra ?? 0.3;
  const pInter = options.pInter ?? 0.005;
  const B = fit.numBlocks;
  const sizes = fit.sizes;
  let blocksOk = B >= (options.minBlocks ?? 2) && B <= (options.maxBlocks ?? 5);
  for (let k = 0; k < B; k++) if (sizes[k] < (options.minBlockSize ?? 20) || sizes[k] > (options.maxBlockSize ?? 40)) blocksOk = false;
  if (!blocksOk) return { pValue: NaN, blocksOk, valid: false };
  let sum = 0;
  for (let k = 0; k < B; k++) {
    for (let l = 0; l < B; l++) {
      let p: number;
      let p0: number;
      if (k === l) {
        // graph-tool counts both directions of an intra-block edge: e_kk = 2 * edges
        p = (2 * fit.edgeCounts[k * B + k]) / (sizes[k] * (sizes[k] - 1) + 1e-6);
        p0 = pIntra;
      } else {
        p = fit.edgeCounts[k * B + l] / (sizes[k] * sizes[l] + 1e-6);
        p0 = pInter;
      }
      const W = ((p - p0) * (p - p0)) / (p * (1 - p) + 1e-6);
      sum += chiSquare1Sf(W);
    }
  }
  const pValue = sum / (B * B);
  return { pValue, blocksOk, valid: pValue > (options.threshold ?? 0.9) };
}
