/**
 * Argument checks shared by the OT entry points (internal, not re-exported). Every failure is a
 * typed error naming the argument.
 *
 * @module
 * @internal
 */

import { InputError, ShapeError, describeValue } from '../../core/errors.js';
import { toMatrix, toVector, type Matrix, type MatrixLike, type VectorLike } from '../../core/matrix.js';

/** A validated histogram: the values, their sum. */
export interface Histogram {
  readonly values: Float64Array;
  readonly mass: number;
}

/** Validates a histogram: a non-empty array of finite, non-negative numbers with a positive sum. */
export function checkHistogram(input: VectorLike, name: string): Histogram {
  const values = toVector(input, name);
  if (values.length === 0) throw InputError.invalid(name, 'a non-empty histogram', 'an empty array');
  let mass = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) throw InputError.invalid(`${name}[${i}]`, 'a non-negative mass', describeValue(values[i]));
    mass += values[i];
  }
  if (!(mass > 0)) throw InputError.invalid(name, 'a histogram with positive total mass', `total ${mass}`);
  return { values, mass };
}

/** Throws when the total masses of `a` and `b` differ by more than `massTol` (relative). */
export function checkSameMass(a: Histogram, b: Histogram, massTol: number, bName = 'b', aName = 'a'): void {
  if (Math.abs(a.mass - b.mass) > massTol * Math.max(a.mass, b.mass)) {
    throw InputError.invalid(bName, `total mass equal to sum(${aName}) = ${a.mass} (relative tolerance ${massTol})`, `sum ${b.mass}`);
  }
}

/** Validates a finite n x m matrix. */
export function checkMatrix(input: MatrixLike, name: string, rows: number, cols: number): Matrix {
  const m = toMatrix(input, name);
  if (m.rows !== rows || m.cols !== cols) throw ShapeError.mismatch(name, `${rows} x ${cols}`, `${m.rows} x ${m.cols}`);
  return m;
}

/** Validates a finite square matrix (any size >= 1). */
export function checkSquare(input: MatrixLike, name: string): Matrix {
  const m = toMatrix(input, name);
  if (m.rows !== m.cols) throw ShapeError.mismatch(name, 'n x n (square)', `${m.rows} x ${m.cols}`);
  if (m.rows === 0) throw InputError.invalid(name, 'a non-empty matrix', '0 x 0');
  return m;
}

/** Validates a strictly positive finite number. */
export function checkPositive(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw InputError.invalid(name, 'a finite number > 0', describeValue(value));
  }
  return value;
}

/** Validates a non-negative finite number. */
export function checkNonNegative(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value >= 0)) {
    throw InputError.invalid(name, 'a finite number >= 0', describeValue(value));
  }
  return value;
}

/** Validates an integer in [min, max]. */
export function checkInt(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw InputError.invalid(name, `an integer in [${min}, ${max}]`, describeValue(value));
  }
  return value;
}

/** Validates a number in [lo, hi]. */
export function checkInRange(value: unknown, name: string, lo: number, hi: number): number {
  if (typeof value !== 'number' || !(value >= lo && value <= hi)) {
    throw InputError.invalid(name, `a number in [${lo}, ${hi}]`, describeValue(value));
  }
  return value;
}

/** Validates a boolean option. */
export function checkBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw InputError.invalid(name, 'a boolean', describeValue(value));
  return value;
}

/** Largest |entry| of an array. */
export function maxAbs(d: Float64Array): number {
  let mx = 0;
  for (let k = 0; k < d.length; k++) {
    const x = Math.abs(d[k]);
    if (x > mx) mx = x;
  }
  return mx;
}
