import { InputError, describeValue } from '../../core/errors.js';
import { assertPositive } from '../../core/assert.js';
import { checkSigma } from '../internal/checks.js';
import { rbfKernel } from './gaussian.js';
import { emdKernel } from './gaussianEmd.js';
import { tvKernel } from './gaussianTv.js';

/** Names of the built-in MMD kernels. */
export type KernelName = 'gaussianTv' | 'gaussianEmd' | 'gaussian';

/** A built-in kernel with its bandwidth, serialisable (used by the presets and reports). */
export interface KernelSpec {
  /** Which kernel: {@link gaussianTv}, {@link gaussianEmd} or {@link gaussian}. */
  name: KernelName;
  /** Bandwidth, > 0. */
  sigma: number;
  /** Ground-metric divisor of `gaussianEmd` (ignored by the others). @default 1 */
  distanceScaling?: number;
}

/** A kernel as a function of two vectors (any lengths: pad as needed). */
export type KernelFunction = (x: Float64Array, y: Float64Array) => number;

/**
 * Turns a {@link KernelSpec} (or a function, returned as is) into a kernel function, validating
 * the bandwidth once so that the hot loop does not.
 *
 * @param kernel - a spec such as `{ name: 'gaussianTv', sigma: 1 }`, or a function
 * @returns the kernel function
 * @throws `InputError` for an unknown name or an invalid `sigma` / `distanceScaling`
 *
 * @example
 * ```ts
 * const k = kernelFunction({ name: 'gaussianEmd', sigma: 0.1, distanceScaling: 100 });
 * ```
 */
export function kernelFunction(kernel: KernelSpec | KernelFunction): KernelFunction {
  if (typeof kernel === 'function') return kernel;
  if (kernel === null || typeof kernel !== 'object') throw InputError.invalid('kernel', 'a KernelSpec {name, sigma} or a function', describeValue(kernel));
  checkSigma(kernel.sigma, 'kernel.sigma');
  const sigma = kernel.sigma;
  switch (kernel.name) {
    case 'gaussianTv':
      return (x, y) => tvKernel(x, y, sigma);
    case 'gaussian':
      return (x, y) => rbfKernel(x, y, sigma);
    case 'gaussianEmd': {
      const d = kernel.distanceScaling ?? 1;
      assertPositive(d, 'kernel.distanceScaling');
      return (x, y) => emdKernel(x, y, sigma, d);
    }
    default:
      throw InputError.invalid('kernel.name', 'one of "gaussianTv", "gaussianEmd", "gaussian"', describeValue((kernel as KernelSpec).name));
  }
}
