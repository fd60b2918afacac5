import { expect } from 'vitest';
import { FormatError } from '../../src/core/errors.js';

/** Asserts that `fn` throws a FormatError reporting `line` (1-based; undefined when none) and matching `pattern`. */
export function formatError(fn: () => unknown, line: number | undefined, pattern: RegExp): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).details.line).toBe(line);
    expect((err as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a FormatError');
}
