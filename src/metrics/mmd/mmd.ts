import { InputError, describeValue } from '../../core/errors.js';
import { assertOneOf } from '../../core/assert.js';
import { checkVector } from './internal.js';
import { kernelFunction, type KernelFunction, type KernelSpec } from './kernelFunction.js';

/**
 * How histograms are turned into probability vectors before the kernel:
 * - `'sumEps'`: `h / (sum(h) + 1e-6)`, as SPECTRE / DiGress / DeFoG do;
 * - `'sum'`: `h / sum(h)`, as GraphRNN / GDSS do;
 * - `'none'`: descriptors used as they are (the orbit descriptor).
 */
export type HistogramNormalization = 'sumEps' | 'sum' | 'none';

/** Options of {@link mmd}. */
export interface MmdOptions {
  /** Normalisation applied to every descriptor first. @default 'none' */
  normalize?: HistogramNormalization;
}

/**
 * Maximum mean discrepancy between two samples of descriptors, exactly as the graph-generation
 * reference code computes it (You et al. 2018; Liao et al. 2019; Martinkus et al. 2022; Jo et al.
 * 2022): the biased V-statistic of MMD^2,
 *
 * `MMD^2(X, Y) = mean_{i,i'} k(x_i, x_i') + mean_{j,j'} k(y_j, y_j') - 2 mean_{i,j} k(x_i, y_j)`
 *
 * over all pairs, diagonals included, and never square-rooted. Descriptors may have different
 * lengths: the kernels zero-pad. With `normalize` the histograms are first divided by their sum
 * (see {@link HistogramNormalization}). Cost: O((|X| + |Y|)^2 d).
 *
 * @param x - first sample, |X| >= 1 vectors
 * @param y - second sample, |Y| >= 1 vectors
 * @param kernel - a {@link KernelSpec} or a kernel function
 * @param options - normalisation
 * @returns the MMD^2 estimate (can be slightly negative for the non-positive-definite TV kernel)
 * @throws `InputError` for an empty sample, a non-finite entry, a histogram with zero sum under normalisation, or an invalid kernel
 *
 * @example
 * ```ts
 * mmd([[1, 0]], [[0, 1]], { name: 'gaussianTv', sigma: 1 }); // 2 - 2 exp(-0.5)
 * ```
 */
export function mmd(
  x: readonly ArrayLike<number>[],
  y: readonly ArrayLike<number>[],
  kernel: KernelSpec | KernelFunction,
  options: MmdOptions = {},
): number {
  const normalize = options.normalize ?? 'none';
  assertOneOf(normalize, 'options.normalize', ['sumEps', 'sum', 'none'] as const);
  const k = kernelFunction(kernel);
  const a = prepare(x, 'x', normalize);
  const b = prepare(y, 'y', normalize);
  return mmdPrepared(a, b, k);
}

/** MMD of already-normalised Float64Array descriptors. @internal */
export function mmdPrepared(a: readonly Float64Array[], b: readonly Float64Array[], k: KernelFunction): number {
  return disc(a, a, k, true) + disc(b, b, k, true) - 2 * disc(a, b, k, false);
}

function disc(a: readonly Float64Array[], b: readonly Float64Array[], k: KernelFunction, symmetric: boolean): number {
  let s = 0;
  if (symmetric) {
    for (let i = 0; i < a.length; i++) {
      s += k(a[i], a[i]);
      for (let j = i + 1; j < a.length; j++) s += 2 * k(a[i], a[j]);
    }
  } else {
    for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) s += k(a[i], b[j]);
  }
  return s / (a.length * b.length);
}

/** Validates and normalises a sample. @internal */
export function prepare(sample: readonly ArrayLike<number>[], name: string, normalize: HistogramNormalization): Float64Array[] {
  if (!Array.isArray(sample)) throw InputError.invalid(name, 'an array of vectors', describeValue(sample));
  if (sample.length === 0) throw InputError.invalid(name, 'a non-empty sample', 'an empty array');
  return sample.map((v, i) => {
    checkVector(v, `${name}[${i}]`);
    return normalizeVector(Float64Array.from(v), normalize, `${name}[${i}]`);
  });
}

/** Normalises one histogram in place (see {@link HistogramNormalization}). @internal */
export function normalizeVector(v: Float64Array, normalize: HistogramNormalization, name: string): Float64Array {
  if (normalize === 'none') return v;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  const denom = normalize === 'sumEps' ? s + 1e-6 : s;
  if (!(denom > 0) && normalize === 'sum') throw InputError.invalid(name, 'a histogram with a positive sum', `sum ${s}`);
  for (let i = 0; i < v.length; i++) v[i] /= denom;
  return v;
}
