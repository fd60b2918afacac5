import { assertPositive } from '../../core/assert.js';
import { checkSigma } from '../internal/checks.js';
import { checkKernelVectors } from './internal.js';

/**
 * Gaussian kernel of the 1-D earth mover's distance, as in GraphRNN and GDSS (You et al. 2018;
 * Jo et al. 2022): `k(x, y) = exp(-EMD^2 / (2 sigma^2))` with
 * `EMD = sum_i |cumsum(x)_i - cumsum(y)_i| / distanceScaling`, the optimal-transport cost
 * between the histograms x and y (equal masses) on the ground metric `|i - j| / distanceScaling`
 * (what `pyemd.emd` computes with the Toeplitz distance matrix of the reference). Zero-padded to
 * a common length.
 *
 * @param x - first histogram
 * @param y - second histogram (same total mass as x for the EMD interpretation)
 * @param sigma - bandwidth, > 0
 * @param distanceScaling - ground-metric divisor (100 for the clustering histograms of GDSS). @default 1
 * @returns the kernel value in (0, 1]
 * @throws `InputError` for a non-positive or NaN `sigma` or `distanceScaling`, or non-finite entries
 *
 * @example
 * ```ts
 * gaussianEmd([1, 0, 0], [0, 0, 1], 1); // EMD 2: exp(-2)
 * ```
 */
export function gaussianEmd(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number, distanceScaling = 1): number {
  checkSigma(sigma, 'sigma');
  assertPositive(distanceScaling, 'distanceScaling');
  checkKernelVectors(x, y);
  return emdKernel(x, y, sigma, distanceScaling);
}

/** Unchecked {@link gaussianEmd}. @internal */
export function emdKernel(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number, distanceScaling: number): number {
  const len = Math.max(x.length, y.length);
  let cx = 0;
  let cy = 0;
  let s = 0;
  for (let i = 0; i < len; i++) {
    cx += i < x.length ? x[i] : 0;
    cy += i < y.length ? y[i] : 0;
    s += Math.abs(cx - cy);
  }
  const emd = s / distanceScaling;
  return Math.exp((-emd * emd) / (2 * sigma * sigma));
}
