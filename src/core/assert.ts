/**
 * Argument validation helpers shared by every public entry point. Each throws a typed
 * {@link InputError} whose message names the argument, the expectation and the value.
 *
 * @module
 */

import { InputError, describeValue } from './errors.js';

/** Options of {@link assertInteger}. */
export interface IntegerBounds {
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
}

function boundsText(b: IntegerBounds): string {
  if (b.min !== undefined && b.max !== undefined) return ` in [${b.min}, ${b.max}]`;
  if (b.min !== undefined) return ` >= ${b.min}`;
  if (b.max !== undefined) return ` <= ${b.max}`;
  return '';
}

/** Asserts that `value` is a safe integer within the bounds. */
export function assertInteger(value: unknown, name: string, bounds: IntegerBounds = {}): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    (bounds.min !== undefined && value < bounds.min) ||
    (bounds.max !== undefined && value > bounds.max)
  ) {
    throw InputError.invalid(name, `an integer${boundsText(bounds)}`, describeValue(value));
  }
}

/** Asserts that `value` is a finite number, optionally within (inclusive) bounds. */
export function assertFinite(value: unknown, name: string, bounds: IntegerBounds = {}): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (bounds.min !== undefined && value < bounds.min) ||
    (bounds.max !== undefined && value > bounds.max)
  ) {
    throw InputError.invalid(name, `a finite number${boundsText(bounds)}`, describeValue(value));
  }
}

/** Asserts that `value` is a finite number > 0. */
export function assertPositive(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw InputError.invalid(name, 'a finite number > 0', describeValue(value));
  }
}

/** Asserts that `value` is one of `allowed`. */
export function assertOneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw InputError.invalid(name, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, describeValue(value));
  }
}
