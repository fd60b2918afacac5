/**
 * Dense symmetric eigen-solver: Householder reduction to tridiagonal form followed by the
 * implicit QL algorithm (the `tred2` / `tql2` pair of EISPACK as transcribed in JAMA, public
 * domain). Eigenvalues come out ascending, accurate to a few ulps of the spectral radius.
 *
 * @module
 */

import { InputError, ShapeError } from './errors.js';

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
  const { V, d, e } = tridiagonalize(a, n);
  qlSorted(V, d, e, n, wantVectors);
  return { values: d, vectors: wantVectors ? V : null };
}

/**
 * Implicit QL on the reduced form of `tridiagonalize`, in place: ascending eigenvalues in d
 * and, with `wantVectors`, their eigenvectors as rows of V.
 */
function qlSorted(V: Float64Array, d: Float64Array, e: Float64Array, n: number, wantVectors: boolean): void {
  if (n === 0) return;
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
}

/**
 * Checks the shape, then Householder-reduces a copy of `a`: T's diagonal in d, sub-diagonal in
 * e[1 …], the transformation Q in V (`A = Q T Qᵀ`, V[r * n + c] = Q[r][c]). Without `accumulate`,
 * V holds the reflectors and d their factors instead (see `householderReduce`).
 */
function tridiagonalize(a: ArrayLike<number>, n: number, accumulate = true): { V: Float64Array; d: Float64Array; e: Float64Array } {
  if (!Number.isInteger(n) || n < 0 || a?.length !== n * n) {
    throw ShapeError.mismatch('a', `${n} x ${n} = ${n * n} entries`, `${a?.length}`);
  }
  const V = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) V[i] = a[i];
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    householderReduce(V, d, e, n);
    if (accumulate) accumulateQ(V, d, e, n);
  }
  return { V, d, e };
}

/**
 * The reduction half of EISPACK's `tred2`: leaves the Householder vector of step i in column i of
 * V (rows 0 … i − 1, scaled), its norm factor h_i in d[i], the sub-diagonal of T in e[1 …] and
 * T's diagonal on V's diagonal.
 */
function householderReduce(V: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
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
}

/** The accumulation half of `tred2`: forms the orthogonal Q in V from the stored reflectors and moves T's diagonal into d. */
function accumulateQ(V: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
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

/** Result of {@link symmetricEigenLowest}: every eigenvalue, and eigenvectors of the lowest on demand. */
export interface LowestEigenResult {
  /** All n eigenvalues, ascending: bitwise the values of {@link symmetricEigen} on the same matrix. */
  values: Float64Array;
  /**
   * Orthonormal eigenvectors of `values[0 … m)` as rows of an m x n array (`[t * n + i]` = entry i
   * of the vector of `values[t]`). Within a repeated eigenvalue the basis is arbitrary, as in
   * {@link symmetricEigen}; compare eigenspaces, not vectors. Each call recomputes them.
   *
   * @throws {@link InputError} when m is not an integer in [0, n]
   */
  lowestVectors(m: number): Float64Array;
}

/**
 * Eigenvalues of a real symmetric n x n matrix and eigenvectors of only its m lowest, for the
 * spectral embeddings that need a few eigenvectors of graphs of a few hundred nodes.
 *
 * The matrix is reduced to tridiagonal form `T = Qᵀ A Q` by Householder reflections, as in
 * {@link symmetricEigen} but without forming Q: the reflectors are kept. All eigenvalues come from
 * implicit QL without rotations: O(n²) after the (4/3) n³ reduction.
 *
 * Each requested eigenvector is found by inverse iteration on T: partial pivoting, a deterministic
 * start and three solves of O(n). It is re-orthogonalised against the vectors of eigenvalues within
 * 10⁻³‖T‖, as LAPACK's `dstein` does, so a repeated eigenvalue gets an orthonormal basis of its
 * eigenspace. It is then mapped back by applying the reflectors, O(n²) each.
 *
 * For m much smaller than n this skips both the forming of Q and the O(n³) accumulation of the QL
 * rotations: about 3x faster than {@link symmetricEigen} with vectors at n = 174 and m = 8. From
 * m ≥ n / 4 the vectors come from the full accumulation instead, bitwise those of
 * {@link symmetricEigen}. Residuals `‖A u − λ u‖` are a few ulps of the spectral radius, like {@link symmetricEigen}'s.
 *
 * @param a - row-major symmetric matrix, length n * n (only the lower triangle is read)
 * @param n - order
 * @returns all eigenvalues ascending, and a function giving eigenvectors of the m lowest
 * @throws {@link ShapeError} when `a.length !== n * n`
 *
 * @example
 * ```ts
 * const eig = symmetricEigenLowest([2, 1, 0, 1, 2, 1, 0, 1, 2], 3);
 * eig.values; // [2 - √2, 2, 2 + √2]
 * eig.lowestVectors(1); // ±[0.5, -0.7071, 0.5]
 * ```
 */
export function symmetricEigenLowest(a: ArrayLike<number>, n: number): LowestEigenResult {
  // V: the reflectors, h: their factors, e[1 …]: T's sub-diagonal; T's diagonal is on V's diagonal
  const { V, d: h, e } = tridiagonalize(a, n, false);
  const diag = new Float64Array(n);
  for (let j = 0; j < n; j++) diag[j] = V[j * n + j];
  const off = new Float64Array(Math.max(0, n - 1));
  for (let t = 0; t + 1 < n; t++) off[t] = e[t + 1];
  const values = diag.slice();
  const sub = e.slice();
  if (n > 0) {
    sub[0] = 0;
    tql2(V, values, sub, n, false); // V is not read without vectors
  }
  values.sort();
  const lowestVectors = (m: number): Float64Array => {
    if (!Number.isInteger(m) || m < 0 || m > n) throw InputError.invalid('lowestVectors(m)', `an integer in [0, ${n}] (the order)`, String(m));
    if (4 * m >= n) {
      // many vectors: form Q and accumulate the QL rotations on copies, as symmetricEigen does
      const W = V.slice();
      const d = h.slice();
      const ew = e.slice();
      accumulateQ(W, d, ew, n);
      qlSorted(W, d, ew, n, true);
      return W.slice(0, m * n);
    }
    const z = tridiagonalVectors(diag, off, values, m);
    // u_t = Q z_t with Q = P_{n-1} ⋯ P_1, P_i = I − v_i v_iᵀ / h_i acting on coordinates 0 … i − 1
    for (let t = 0; t < m; t++) {
      const x = z.subarray(t * n, (t + 1) * n);
      for (let i = 1; i < n; i++) {
        const hi = h[i];
        if (hi === 0) continue;
        let g = 0;
        for (let k = 0; k < i; k++) g += V[k * n + i] * x[k];
        g /= hi;
        for (let k = 0; k < i; k++) x[k] -= g * V[k * n + i];
      }
    }
    return z;
  };
  return { values, lowestVectors };
}

/**
 * Eigenvectors of the symmetric tridiagonal matrix (diagonal `diag`, off-diagonal `off`) for its
 * eigenvalues `values[0 … m)`, by inverse iteration with re-orthogonalisation inside clusters.
 */
function tridiagonalVectors(diag: Float64Array, off: Float64Array, values: Float64Array, m: number): Float64Array {
  const n = diag.length;
  const eps = 2 ** -52;
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(diag[i]) + (i > 0 ? Math.abs(off[i - 1]) : 0) + (i + 1 < n ? Math.abs(off[i]) : 0));
  const ortol = 1e-3 * norm;
  const pivotFloor = eps * Math.max(norm, Number.MIN_VALUE);
  // a pivot below eps‖T‖ (T − λI is singular to working precision at an eigenvalue) is raised to it
  const pivot = (v: number): number => (Math.abs(v) >= pivotFloor ? v : v < 0 ? -pivotFloor : pivotFloor);
  const z = new Float64Array(m * n);
  // LU with partial pivoting of T - λI: rows of U hold columns (i, i+1, i+2)
  const u0 = new Float64Array(n);
  const u1 = new Float64Array(n);
  const u2 = new Float64Array(n);
  const mult = new Float64Array(n);
  const swap = new Uint8Array(n);
  const x = new Float64Array(n);
  let clusterStart = 0;
  let shift = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < m; t++) {
    if (t > 0 && values[t] - values[t - 1] > ortol) clusterStart = t;
    // separate equal shifts slightly (as dstein does) so that the solves differ
    let lambda = values[t];
    const gap = 10 * eps * Math.max(Math.abs(lambda), norm);
    if (t > clusterStart && lambda - shift < gap) lambda = shift + gap;
    shift = lambda;
    let p = diag[0] - lambda;
    let q = n > 1 ? off[0] : 0;
    for (let i = 0; i + 1 < n; i++) {
      const s = off[i];
      const tt = diag[i + 1] - lambda;
      const w = i + 2 < n ? off[i + 1] : 0;
      if (Math.abs(p) >= Math.abs(s)) {
        p = pivot(p);
        const l = s / p;
        u0[i] = p;
        u1[i] = q;
        u2[i] = 0;
        mult[i] = l;
        swap[i] = 0;
        p = tt - l * q;
        q = w;
      } else {
        const piv = pivot(s);
        const l = p / piv;
        u0[i] = piv;
        u1[i] = tt;
        u2[i] = w;
        mult[i] = l;
        swap[i] = 1;
        p = q - l * tt;
        q = -l * w;
      }
    }
    u0[n - 1] = pivot(p);
    // deterministic start in (-1, 1)
    let seed = 0x9e3779b9 ^ (t * 0x85ebca6b);
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      x[i] = seed / 2 ** 31 - 1;
    }
    for (let iter = 0; iter < 3; iter++) {
      // forward: the row operations of the factorisation
      for (let i = 0; i + 1 < n; i++) {
        if (swap[i]) {
          const xi = x[i];
          x[i] = x[i + 1];
          x[i + 1] = xi - mult[i] * x[i];
        } else {
          x[i + 1] -= mult[i] * x[i];
        }
      }
      // back substitution with U
      for (let i = n - 1; i >= 0; i--) {
        let r = x[i];
        if (i + 1 < n) r -= u1[i] * x[i + 1];
        if (i + 2 < n) r -= u2[i] * x[i + 2];
        x[i] = r / u0[i];
      }
      // re-orthogonalise against this cluster's earlier vectors, then normalise
      for (let pass = 0; pass < 2; pass++) {
        for (let r = clusterStart; r < t; r++) {
          const zr = z.subarray(r * n, (r + 1) * n);
          let dot = 0;
          for (let i = 0; i < n; i++) dot += zr[i] * x[i];
          for (let i = 0; i < n; i++) x[i] -= dot * zr[i];
        }
      }
      let scale = 0;
      for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]));
      let ss = 0;
      for (let i = 0; i < n; i++) {
        x[i] /= scale;
        ss += x[i] * x[i];
      }
      const inv = 1 / Math.sqrt(ss);
      for (let i = 0; i < n; i++) x[i] *= inv;
    }
    z.set(x, t * n);
  }
  return z;
}
