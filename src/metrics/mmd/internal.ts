/**
 * Shared checks of the MMD kernels (internal).
 *
 * @module
 * @internal
 */
import { InputError, describeValue } from '../../core/errors.js';

/** Validates two kernel arguments: arrays of finite numbers. */
export function checkKernelVectors(x: ArrayLike<number>, y: ArrayLike<number>): void {
  checkVector(x, 'x');
  checkVector(y, 'y');
}

/** Validates one vector of finite numbers. */
export function checkVector(v: unknown, name: string): asserts v is ArrayLike<number> {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') {
    throw InputError.invalid(name, 'an array of numbers', describeValue(v));
  }
  const a = v as ArrayLike<number>;
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== 'number' || !Number.isFinite(a[i])) throw InputError.invalid(`${name}[${i}]`, 'a finite number', describeValue(a[i]));
  }
}
