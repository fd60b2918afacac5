/**
 * Small dense linear-algebra helpers on row-major Float64Arrays (internal).
 *
 * @module
 * @internal
 */

/** C = A B with A n x k, B k x m (i-l-j order, four rows of B per pass for fewer loads/stores of C). */
export function matmul(A: Float64Array, B: Float64Array, n: number, k: number, m: number, out = new Float64Array(n * m)): Float64Array {
  out.fill(0);
  const k4 = k - (k % 4);
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    const ai = i * k;
    let l = 0;
    for (; l < k4; l += 4) {
      const x0 = A[ai + l];
      const x1 = A[ai + l + 1];
      const x2 = A[ai + l + 2];
      const x3 = A[ai + l + 3];
      const b0 = l * m;
      const b1 = b0 + m;
      const b2 = b1 + m;
      const b3 = b2 + m;
      for (let j = 0; j < m; j++) out[oi + j] += x0 * B[b0 + j] + x1 * B[b1 + j] + x2 * B[b2 + j] + x3 * B[b3 + j];
    }
    for (; l < k; l++) {
      const x = A[ai + l];
      const bl = l * m;
      for (let j = 0; j < m; j++) out[oi + j] += x * B[bl + j];
    }
  }
  return out;
}

/** Transpose of an n x m matrix. */
export function transpose(A: Float64Array, n: number, m: number): Float64Array {
  const T = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) T[j * n + i] = A[i * m + j];
  return T;
}

/** <A, B> = sum A_ij B_ij. */
export function frob(A: Float64Array, B: Float64Array): number {
  let s = 0;
  for (let k = 0; k < A.length; k++) s += A[k] * B[k];
  return s;
}

/** Squared Euclidean distances between the rows of X (n x d) and Y (m x d). */
export function sqdist(X: Float64Array, Y: Float64Array, n: number, m: number, d: number): Float64Array {
  const D = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const z = X[i * d + t] - Y[j * d + t];
        s += z * z;
      }
      D[i * m + j] = s;
    }
  return D;
}
