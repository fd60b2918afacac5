import { assertFinite } from '../../core/assert.js';

/**
 * Survival function of the chi-square distribution with one degree of freedom,
 * `1 - chi2.cdf(w, 1) = erfc(sqrt(w / 2))`, to about 1e-15 relative: the power series of erf
 * below 3, Lentz's continued fraction of erfc above. Used by the SBM Wald test.
 *
 * @param w - statistic, >= 0 (negative values are treated as |w|, as the reference does)
 * @returns the upper-tail probability in [0, 1]
 * @throws `InputError` for a non-finite `w`
 *
 * @example
 * ```ts
 * chiSquare1Sf(3.841458820694124); // 0.05
 * ```
 */
export function chiSquare1Sf(w: number): number {
  assertFinite(w, 'w');
  return erfc(Math.sqrt(Math.abs(w) / 2));
}

function erfc(x: number): number {
  if (x < 3) {
    // erf(x) = 2/sqrt(pi) sum (-1)^k x^(2k+1) / (k! (2k+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 1; k < 200; k++) {
      term *= -x2 / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...)))))
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    D = x + a * D;
    D = Math.abs(D) < tiny ? tiny : D;
    C = x + a / C;
    C = Math.abs(C) < tiny ? tiny : C;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
