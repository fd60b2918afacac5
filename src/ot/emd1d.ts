/**
 * Optimal transport on the real line in closed form.
 *
 * @module
 */

import { InputError, describeValue } from '../core/errors.js';
import type { VectorLike } from '../core/matrix.js';
import { toVector } from '../core/matrix.js';
import { checkHistogram, checkNonNegative, checkPositive, checkSameMass } from './internal/checks.js';
import { ShapeError } from '../core/errors.js';

/** Options of {@link emd1d}. */
export interface Emd1dOptions {
  /** Masses of the points `xa`. @default uniform 1/n */
  a?: VectorLike;
  /** Masses of the points `xb`. @default uniform 1/m */
  b?: VectorLike;
  /** Ground cost `|x - y|^p`. @default 2 (squared distance, POT's default metric 'sqeuclidean') */
  p?: number;
  /** Relative tolerance on `|sum(a) - sum(b)|`. @default 1e-6 */
  massTol?: number;
}

/** Result of {@link emd1d}: the optimal cost and the monotone coupling as a sparse list. */
export interface Emd1dResult {
  /** `sum_k mass[k] * |xa[rows[k]] - xb[cols[k]]|^p` (no p-th root). */
  readonly value: number;
  /** Non-zeros of the optimal plan: indices into `xa` and `xb`, and masses. */
  readonly coupling: { readonly rows: Int32Array; readonly cols: Int32Array; readonly mass: Float64Array };
}

/**
 * Exact optimal transport between two weighted point sets on the line for the cost
 * `|x - y|^p` (p >= 1 convex costs make the monotone, quantile coupling optimal), in
 * O((n + m) log(n + m)): sort both sides and match their cumulative masses.
 *
 * @param xa - source positions, length n, finite
 * @param xb - target positions, length m, finite
 * @param options - masses and exponent, see {@link Emd1dOptions}
 * @returns value and sparse coupling (at most n + m - 1 entries)
 * @throws `InputError` for empty or non-finite positions, bad masses, `p <= 0`
 * @throws `ShapeError` when `a`/`b` lengths differ from `xa`/`xb`
 *
 * @example
 * ```ts
 * emd1d([0, 1], [1, 2]).value; // 1 (squared distances, uniform masses)
 * emd1d([0, 1], [1, 2], { p: 1 }).value; // 1
 * ```
 *
 * @see POT `ot.lp.emd2_1d`; F. Santambrogio, "Optimal Transport for Applied Mathematicians", 2015, Ch. 2.
 */
export function emd1d(xa: VectorLike, xb: VectorLike, options: Emd1dOptions = {}): Emd1dResult {
  const x = toVector(xa, 'xa');
  const y = toVector(xb, 'xb');
  if (x.length === 0) throw InputError.invalid('xa', 'a non-empty array', 'an empty array');
  if (y.length === 0) throw InputError.invalid('xb', 'a non-empty array', 'an empty array');
  const n = x.length;
  const m = y.length;
  const ha = checkHistogram(options.a ?? new Float64Array(n).fill(1 / n), 'options.a');
  const hb = checkHistogram(options.b ?? new Float64Array(m).fill(1 / m), 'options.b');
  if (ha.values.length !== n) throw ShapeError.mismatch('options.a', `${n} (like xa)`, `${ha.values.length}`);
  if (hb.values.length !== m) throw ShapeError.mismatch('options.b', `${m} (like xb)`, `${hb.values.length}`);
  checkSameMass(ha, hb, checkNonNegative(options.massTol ?? 1e-6, 'options.massTol'), 'options.b', 'options.a');
  const p = checkPositive(options.p ?? 2, 'options.p');
  if (typeof p !== 'number') throw InputError.invalid('options.p', 'a number', describeValue(p));
  const ia = Array.from({ length: n }, (_, i) => i).sort((s, t) => x[s] - x[t]);
  const ib = Array.from({ length: m }, (_, j) => j).sort((s, t) => y[s] - y[t]);
  const scale = ha.mass / hb.mass;
  const rows: number[] = [];
  const cols: number[] = [];
  const mass: number[] = [];
  let value = 0;
  let i = 0;
  let j = 0;
  let wa = ha.values[ia[0]];
  let wb = hb.values[ib[0]] * scale;
  while (i < n && j < m) {
    const t = Math.min(wa, wb);
    if (t > 0) {
      rows.push(ia[i]);
      cols.push(ib[j]);
      mass.push(t);
      value += t * Math.abs(x[ia[i]] - y[ib[j]]) ** p;
    }
    if (wa <= wb) {
      wb -= wa;
      i++;
      if (i < n) wa = ha.values[ia[i]];
    } else {
      wa -= wb;
      j++;
      if (j < m) wb = hb.values[ib[j]] * scale;
    }
  }
  return { value, coupling: { rows: Int32Array.from(rows), cols: Int32Array.from(cols), mass: Float64Array.from(mass) } };
}
