import { createRng, type Rng } from '../../src/core/rng.js';
import type { Matrix } from '../../src/core/matrix.js';

/** A random histogram with positive entries (or some zeros), normalized to 1. */
export function randomHistogram(rng: Rng, n: number, zeros = 0): Float64Array {
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) h[i] = 0.1 + rng.uniform();
  for (let k = 0; k < zeros; k++) h[rng.int(0, n)] = 0;
  let s = 0;
  for (const x of h) s += x;
  if (s === 0) h[0] = s = 1;
  for (let i = 0; i < n; i++) h[i] /= s;
  return h;
}

/** Squared Euclidean distances between random points in [0,1]^d. */
export function randomCost(rng: Rng, n: number, m: number, d = 2): Matrix {
  const x = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.uniform()));
  const y = Array.from({ length: m }, () => Array.from({ length: d }, () => rng.uniform()));
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i][k] - y[j][k]) ** 2;
      data[i * m + j] = s;
    }
  return { rows: n, cols: m, data };
}

export function rowSums(P: Matrix): Float64Array {
  const r = new Float64Array(P.rows);
  for (let i = 0; i < P.rows; i++) for (let j = 0; j < P.cols; j++) r[i] += P.data[i * P.cols + j];
  return r;
}

export function colSums(P: Matrix): Float64Array {
  const c = new Float64Array(P.cols);
  for (let i = 0; i < P.rows; i++) for (let j = 0; j < P.cols; j++) c[j] += P.data[i * P.cols + j];
  return c;
}

export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let mx = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue; // also equal infinities
    mx = Math.max(mx, Math.abs(x[i] - y[i]));
  }
  return mx;
}

/** max |x - y| / max(|y|) */
export function relDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i])) scale = Math.max(scale, Math.abs(y[i]));
  return maxAbsDiff(x, y) / (scale || 1);
}

export { createRng };
