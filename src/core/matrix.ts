/**
 * The dense row-major matrix record used by the numerical parts of graphgen (OT, statistics,
 * embeddings), and conversions from plain nested arrays.
 *
 * @module
 */

import { InputError, ShapeError, describeValue } from './errors.js';

/** A dense row-major matrix: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Anything graphgen accepts as a matrix: nested arrays (rows) or a {@link Matrix}. */
export type MatrixLike = readonly (readonly number[])[] | Matrix;

/** Anything graphgen accepts as a vector. */
export type VectorLike = readonly number[] | Float64Array | Float32Array;

/**
 * Allocates a matrix (zero-filled unless `data` is given; `data` is used, not copied).
 *
 * @throws {@link ShapeError} when `data.length !== rows * cols`
 */
export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw InputError.invalid('createMatrix(rows, cols)', 'non-negative integers', `${rows} x ${cols}`);
  }
  const d = data ?? new Float64Array(rows * cols);
  if (d.length !== rows * cols) throw ShapeError.mismatch('data', `${rows * cols} entries`, `${d.length}`);
  return { rows, cols, data: d };
}

/** True when `value` is a {@link Matrix} record. */
export function isMatrix(value: unknown): value is Matrix {
  return (
    typeof value === 'object' &&
    value !== null &&
    'data' in value &&
    (value as Matrix).data instanceof Float64Array &&
    Number.isInteger((value as Matrix).rows) &&
    Number.isInteger((value as Matrix).cols)
  );
}

/** Options of {@link toMatrix}. */
export interface ToMatrixOptions {
  /** Reject NaN and infinite entries. @default true */
  finite?: boolean;
  /** Copy the data even when the input is already a {@link Matrix}. @default false */
  copy?: boolean;
}

/**
 * Converts a {@link MatrixLike} to a {@link Matrix}, validating rectangularity and (by default)
 * finiteness. A `Matrix` input is returned as is unless `copy` is set.
 *
 * @param input - nested arrays (row-major) or a Matrix
 * @param name - argument name used in error messages
 * @throws {@link ShapeError} for ragged rows or a Matrix whose data length disagrees with its shape
 * @throws {@link InputError} for non-finite entries (when `finite`), or a value that is not a matrix
 */
export function toMatrix(input: MatrixLike, name: string, options: ToMatrixOptions = {}): Matrix {
  const finite = options.finite ?? true;
  let m: Matrix;
  if (isMatrix(input)) {
    if (input.data.length !== input.rows * input.cols) {
      throw ShapeError.mismatch(`${name}.data`, `${input.rows * input.cols} entries (${input.rows} x ${input.cols})`, `${input.data.length}`);
    }
    m = options.copy ? { rows: input.rows, cols: input.cols, data: input.data.slice() } : input;
  } else if (Array.isArray(input)) {
    const rows = input.length;
    const cols = rows === 0 ? 0 : (input[0]?.length ?? 0);
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const row = input[i] as unknown as ArrayLike<number>;
      if (!Array.isArray(row) && !ArrayBuffer.isView(row)) {
        throw InputError.invalid(`${name}[${i}]`, 'an array (matrix row)', describeValue(row));
      }
      if (row.length !== cols) throw ShapeError.mismatch(`${name}[${i}]`, `${cols} columns like row 0`, `${row.length}`);
      for (let j = 0; j < cols; j++) data[i * cols + j] = row[j];
    }
    m = { rows, cols, data };
  } else {
    throw InputError.invalid(name, 'a matrix (number[][] or {rows, cols, data: Float64Array})', describeValue(input));
  }
  if (finite) {
    const d = m.data;
    for (let k = 0; k < d.length; k++) {
      if (!Number.isFinite(d[k])) {
        const i = Math.floor(k / m.cols);
        throw InputError.invalid(`${name}[${i}][${k - i * m.cols}]`, 'a finite number', describeValue(d[k]));
      }
    }
  }
  return m;
}

/**
 * Converts a {@link VectorLike} to a `Float64Array` (a copy when the input is not already one or
 * when `copy` is set), validating finiteness.
 *
 * @throws {@link InputError} for non-finite entries or a value that is not an array
 */
export function toVector(input: VectorLike, name: string, options: ToMatrixOptions = {}): Float64Array {
  if (!Array.isArray(input) && !(input instanceof Float64Array) && !(input instanceof Float32Array)) {
    throw InputError.invalid(name, 'an array of numbers or a Float64Array', describeValue(input));
  }
  const v = input instanceof Float64Array && !options.copy ? input : Float64Array.from(input as ArrayLike<number>);
  if (options.finite ?? true) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) throw InputError.invalid(`${name}[${i}]`, 'a finite number', describeValue((input as ArrayLike<unknown>)[i]));
    }
  }
  return v;
}

/** Nested-array copy of a matrix (for printing, JSON, tests). */
export function matrixToArrays(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}
