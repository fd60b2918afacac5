import { checkSigma } from '../internal/checks.js';
import { checkKernelVectors } from './internal.js';

/**
 * Gaussian kernel of the total-variation distance, as in SPECTRE (Martinkus et al. 2022):
 * `k(x, y) = exp(-TV^2 / (2 sigma^2))` with `TV = sum_i |x_i - y_i| / 2`. Vectors of different
 * lengths are zero-padded to the longer one. Not positive definite, so an MMD built on it can be
 * slightly negative.
 *
 * @param x - first vector (histogram or descriptor)
 * @param y - second vector
 * @param sigma - bandwidth, > 0
 * @returns the kernel value in (0, 1]
 * @throws `InputError` for a non-positive or NaN `sigma`, or non-finite entries
 *
 * @example
 * ```ts
 * gaussianTv([1, 0], [0, 1], 1); // exp(-0.5)
 * ```
 */
export function gaussianTv(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number): number {
  checkSigma(sigma, 'sigma');
  checkKernelVectors(x, y);
  return tvKernel(x, y, sigma);
}

/** Unchecked {@link gaussianTv}. @internal */
export function tvKernel(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number): number {
  const nx = x.length;
  const ny = y.length;
  const common = nx < ny ? nx : ny;
  let s = 0;
  for (let i = 0; i < common; i++) s += Math.abs(x[i] - y[i]);
  for (let i = common; i < nx; i++) s += Math.abs(x[i]);
  for (let i = common; i < ny; i++) s += Math.abs(y[i]);
  const d = s / 2;
  return Math.exp((-d * d) / (2 * sigma * sigma));
}
