import { assertInteger, assertPositive } from '../../core/assert.js';

/** A bank of spectral filters on [0, lmax], see {@link absplineFilterBank}. */
export interface AbsplineFilterBank {
  /** Number of filters. */
  readonly count: number;
  /** Scales of the band-pass filters 1..count-1 (log-spaced, descending), length count - 1. */
  readonly scales: Float64Array;
  /** Peak of the band-pass kernel on [1, 2], which is also the height of the low-pass filter. */
  readonly gammaL: number;
  /** Value of filter `f` at `x`. */
  evaluate(f: number, x: number): number;
  /** Histogram bound of SPECTRE: the largest filter value on the grid `0, 0.01, ..., 1.99`. */
  readonly bound: number;
}

/** Options of {@link absplineFilterBank}. */
export interface AbsplineFilterBankOptions {
  /** Number of filters (one low-pass plus count - 1 band-pass). @default 12 */
  count?: number;
  /** Largest eigenvalue of the graphs (2 for normalised Laplacians). @default 2 */
  lmax?: number;
}

/** The cubic spline band-pass kernel `kernel_abspline3(x, 2, 2, 1, 2)` of PyGSP / SGWT. */
function abspline3(x: number): number {
  // coefficients of the cubic on [1, 2): solution of the interpolation system of PyGSP for
  // alpha = beta = 2, t1 = 1, t2 = 2 (value 1 at both ends, slopes 2 and -1): -5 + 11x - 6x^2 + x^3
  if (x < 1) return x * x; // x^alpha * t1^-alpha
  if (x < 2) return -5 + 11 * x - 6 * x * x + x * x * x;
  return 4 / (x * x); // x^-beta * t2^beta
}

/**
 * The Abspline wavelet filter bank of PyGSP (`pygsp.filters.Abspline(G, Nf)` with `lpfactor` 20)
 * that SPECTRE (Martinkus et al. 2022) uses for its wavelet MMD, on a dummy graph with
 * `lmax = 2`. Filter 0 is the low-pass `gammaL * exp(-(x / (0.6 lmin))^4)` with `lmin = lmax / 20`;
 * filter i >= 1 is the spline kernel `g(scales[i-1] x)` with `g(x) = x^2` on [0, 1], a cubic on
 * [1, 2] and `4 / x^2` beyond, and scales log-spaced from `2 / lmin` down to `1 / lmax`.
 * PyGSP finds `gammaL` (the peak of the cubic) with a bounded Brent search (tolerance 1e-5);
 * here it is the exact maximum `g((6 - sqrt 3) / 3)`, which differs by under 1e-10.
 *
 * @param options - filter count and lmax
 * @returns the bank, with its SPECTRE histogram bound
 * @throws `InputError` for a filter count below 2 or a non-positive lmax
 *
 * @example
 * ```ts
 * const bank = absplineFilterBank();
 * bank.evaluate(0, 0) === bank.gammaL; // true
 * ```
 */
export function absplineFilterBank(options: AbsplineFilterBankOptions = {}): AbsplineFilterBank {
  const count = options.count ?? 12;
  assertInteger(count, 'options.count', { min: 2, max: 1000 });
  const lmax = options.lmax ?? 2;
  assertPositive(lmax, 'options.lmax');
  const lmin = lmax / 20;
  // utils.compute_log_scales(lmin, lmax, count - 1): exp(linspace(log(2 / lmin), log(1 / lmax), count - 1))
  const nScales = count - 1;
  const start = Math.log(2 / lmin);
  const stop = Math.log(1 / lmax);
  const scales = new Float64Array(nScales);
  if (nScales === 1) scales[0] = Math.exp(start);
  else {
    const step = (stop - start) / (nScales - 1);
    for (let i = 0; i < nScales; i++) scales[i] = Math.exp(i === nScales - 1 ? stop : i * step + start);
  }
  const xStar = (6 - Math.sqrt(3)) / 3;
  const gammaL = abspline3(xStar);
  const lminfac = 0.6 * lmin;
  const evaluate = (f: number, x: number): number => {
    if (f === 0) {
      const t = x / lminfac;
      return gammaL * Math.exp(-(t * t * t * t));
    }
    return abspline3(scales[f - 1] * x);
  };
  let bound = -Infinity;
  for (let k = 0; k < 200; k++) {
    const x = k * 0.01;
    for (let f = 0; f < count; f++) bound = Math.max(bound, evaluate(f, x));
  }
  return { count, scales, gammaL, evaluate, bound };
}
