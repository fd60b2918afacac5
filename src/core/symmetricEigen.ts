/**
 * Dense symmetric eigen-solver: Householder reduction to tridiagonal form followed by the
 * implicit QL algorithm (the `tred2` / `tql2` pair of EISPACK as transcribed in JAMA, public
 * domain). Eigenvalues come out ascending, accurate to a few ulps of the spectral radius.
 *
 * @module
 */

import { ShapeError } from './errors.js';

/** Result of {@link symmetricEigen}. */
export interface SymmetricEigenResult {
  /** Eigenvalues, ascending, length n. */
  values: Float64Array;
  /** Eigenvectors as rows of an n x n array (`vectors[k * n + i]` = entry i of the vector of `values[k]`); null when not requested. */
  vectors: Float64Array | null;
}

/**
 * Eigen-decomposition of a real symmetric n x n matrix given row-major (only read, never
 * modified): Householder tridiagonalisation then implicit QL, O(n^3). Used for Laplacian
 * spectra (metrics), spectral features (embed) and spectral clustering (SBM validity).
 *
 * @param a - row-major symmetric matrix, length n * n (only the lower triangle is read)
 * @param n - order
 * @param wantVectors - also return the eigenvectors (as rows). @default false
 * @returns ascending eigenvalues, and eigenvectors as rows when requested (`null` otherwise)
 * @throws {@link ShapeError} when `a.length !== n * n`
 *
 * @example
 * ```ts
 * const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2, true);
 * // values = [1, 3]; vectors row 0 = ±[0.7071, -0.7071]
 * ```
 */
export function symmetricEigen(a: ArrayLike<number>, n: number, wantVectors = false): SymmetricEigenResult {
  if (!Number.isInteger(n) || n < 0 || a?.length !== n * n) {
    throw ShapeError.mismatch('a', `${n} x ${n} = ${n * n} entries`, `${a?.length}`);
  }
  const V = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) V[i] = a[i];
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { values: d, vectors: wantVectors ? V : null };
  tred2(V, d, e, n);
  // transpose so that the QL rotations below touch two contiguous rows instead of two strided columns
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const t = V[i * n + j];
      V[i * n + j] = V[j * n + i];
      V[j * n + i] = t;
    }
  }
  tql2(V, d, e, n, wantVectors);
  // sort ascending (selection sort keeps vectors aligned; n is small)
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      if (wantVectors) {
        for (let j = 0; j < n; j++) {
          const t = V[i * n + j];
          V[i * n + j] = V[k * n + j];
          V[k * n + j] = t;
        }
      }
    }
  }
  return { values: d, vectors: wantVectors ? V : null };
}

function tred2(V: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j * n + i] = f;
        g = e[j] + V[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j] * d[k];
          e[k] += V[k * n + j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k * n + j] -= f * e[k] + g * d[k];
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i];
    V[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1] * V[k * n + j];
        for (let k = 0; k <= i; k++) V[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j];
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

function tql2(V: Float64Array, d: Float64Array, e: Float64Array, n: number, wantVectors: boolean): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        iter++;
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (wantVectors) {
            const r0 = i * n;
            const r1 = r0 + n;
            for (let k = 0; k < n; k++) {
              h = V[r1 + k];
              V[r1 + k] = s * V[r0 + k] + c * h;
              V[r0 + k] = c * V[r0 + k] - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1 && iter < 300);
    }
    d[l] = d[l] + f;
    e[l] = 0;
  }
}
