import { checkSigma } from '../internal/checks.js';
import { checkKernelVectors } from './internal.js';

/**
 * Gaussian (RBF) kernel on the Euclidean distance, the orbit kernel of GraphRNN and GDSS
 * (You et al. 2018; Jo et al. 2022): `k(x, y) = exp(-||x - y||^2 / (2 sigma^2))`, vectors of
 * different lengths zero-padded.
 *
 * @param x - first vector
 * @param y - second vector
 * @param sigma - bandwidth, > 0
 * @returns the kernel value in (0, 1]
 * @throws `InputError` for a non-positive or NaN `sigma`, or non-finite entries
 *
 * @example
 * ```ts
 * gaussian([0, 0], [3, 4], 5); // exp(-0.5)
 * ```
 */
export function gaussian(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number): number {
  checkSigma(sigma, 'sigma');
  checkKernelVectors(x, y);
  return rbfKernel(x, y, sigma);
}

/** Unchecked {@link gaussian}. @internal */
export function rbfKernel(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number): number {
  const nx = x.length;
  const ny = y.length;
  const common = nx < ny ? nx : ny;
  let s = 0;
  for (let i = 0; i < common; i++) {
    const d = x[i] - y[i];
    s += d * d;
  }
  for (let i = common; i < nx; i++) s += x[i] * x[i];
  for (let i = common; i < ny; i++) s += y[i] * y[i];
  return Math.exp(-s / (2 * sigma * sigma));
}
