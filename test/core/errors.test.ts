import { describe, expect, it } from 'vitest';
import {
  GraphgenError, InputError, ShapeError, FormatError, ConvergenceError, BackendError, AbortedError,
  throwIfAborted, toMatrix, toVector, createMatrix, assertInteger, assertOneOf,
} from '../../src/core/index.js';

describe('errors', () => {
  it('carry stable codes and structured details', () => {
    const e = InputError.invalid('reg', 'a number > 0', '-1');
    expect(e).toBeInstanceOf(GraphgenError);
    expect(e.code).toBe('E_INPUT');
    expect(e.message).toBe('reg: expected a number > 0, got -1');
    expect(e.details).toMatchObject({ argument: 'reg', expected: 'a number > 0', actual: '-1' });
    expect(e.name).toBe('InputError');
    expect(new ShapeError('x').code).toBe('E_SHAPE');
    expect(new FormatError('bad char', { line: 3 }).message).toBe('line 3: bad char');
    expect(new ConvergenceError('x').code).toBe('E_NOT_CONVERGED');
    expect(new BackendError('x').code).toBe('E_BACKEND');
    expect(new AbortedError().code).toBe('E_ABORTED');
  });

  it('throwIfAborted', () => {
    const c = new AbortController();
    expect(() => throwIfAborted(c.signal)).not.toThrow();
    c.abort();
    expect(() => throwIfAborted(c.signal, 'training')).toThrow(/training aborted/);
  });
});

describe('matrix helpers', () => {
  it('toMatrix converts nested arrays and validates', () => {
    const m = toMatrix([[1, 2], [3, 4]], 'M');
    expect(m.rows).toBe(2);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4]);
    expect(() => toMatrix([[1, 2], [3]], 'M')).toThrow(ShapeError);
    expect(() => toMatrix([[1, Number.NaN]], 'M')).toThrow(/M\[0\]\[1\]: expected a finite number, got NaN/);
    expect(() => toMatrix({ rows: 2, cols: 2, data: new Float64Array(3) }, 'M')).toThrow(ShapeError);
    expect(() => toMatrix('x' as never, 'M')).toThrow(InputError);
    const same = createMatrix(1, 1, new Float64Array([5]));
    expect(toMatrix(same, 'M')).toBe(same);
    expect(toMatrix(same, 'M', { copy: true })).not.toBe(same);
    expect(toMatrix([], 'M')).toMatchObject({ rows: 0, cols: 0 });
  });

  it('toVector', () => {
    expect(Array.from(toVector([1, 2], 'a'))).toEqual([1, 2]);
    expect(() => toVector([1, Infinity], 'a')).toThrow(/a\[1\]/);
    expect(() => toVector({} as never, 'a')).toThrow(InputError);
  });

  it('assert helpers', () => {
    expect(() => assertInteger(3, 'n', { min: 0 })).not.toThrow();
    expect(() => assertInteger(-1, 'n', { min: 0 })).toThrow('n: expected an integer >= 0, got -1');
    expect(() => assertOneOf('x', 'method', ['log', 'knopp'])).toThrow(/method: expected one of "log", "knopp"/);
  });
});
