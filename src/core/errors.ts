/**
 * Typed errors of graphgen. Every error thrown by the library is a {@link GraphgenError}
 * with a stable machine-readable {@link GraphgenError.code | code} and a message that names
 * the argument, what was expected and what was found.
 *
 * @module
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type GraphgenErrorCode =
  | 'E_INPUT'
  | 'E_SHAPE'
  | 'E_FORMAT'
  | 'E_NOT_CONVERGED'
  | 'E_BACKEND'
  | 'E_ABORTED'
  | 'E_IO';

/** Structured details attached to an error, for programs that handle it. */
export interface GraphgenErrorDetails {
  /** Name of the offending argument or field, e.g. `"edges[3]"`. */
  argument?: string;
  /** What was expected, in words. */
  expected?: string;
  /** What was found, in words. */
  actual?: string;
  /** 1-based line number for format errors in text input. */
  line?: number;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * Base class of every error graphgen throws.
 *
 * @example
 * ```ts
 * try { Graph.fromEdgeList(3, [[0, 0]]); }
 * catch (e) { if (e instanceof GraphgenError && e.code === 'E_INPUT') report(e.message); }
 * ```
 */
export class GraphgenError extends Error {
  /** Stable code, see {@link GraphgenErrorCode}. */
  readonly code: GraphgenErrorCode;
  /** Structured details (argument, expected, actual, line). */
  readonly details: GraphgenErrorDetails;

  constructor(code: GraphgenErrorCode, message: string, details: GraphgenErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

function describe(argument: string, expected: string, actual: string): string {
  return `${argument}: expected ${expected}, got ${actual}`;
}

/** A value is outside the domain of the function (negative mass, NaN, unknown name...). Code `E_INPUT`. */
export class InputError extends GraphgenError {
  constructor(message: string, details: GraphgenErrorDetails = {}) {
    super('E_INPUT', message, details);
  }
  /** Builds the standard "argument: expected X, got Y" message. */
  static invalid(argument: string, expected: string, actual: string, cause?: unknown): InputError {
    return new InputError(describe(argument, expected, actual), { argument, expected, actual, cause });
  }
}

/** Arrays or matrices whose dimensions do not agree. Code `E_SHAPE`. */
export class ShapeError extends GraphgenError {
  constructor(message: string, details: GraphgenErrorDetails = {}) {
    super('E_SHAPE', message, details);
  }
  /** Builds the standard "argument: expected shape X, got Y" message. */
  static mismatch(argument: string, expected: string, actual: string): ShapeError {
    return new ShapeError(describe(argument, `shape ${expected}`, actual), { argument, expected, actual });
  }
}

/** Malformed serialized input (graph6, edge lists, JSON, checkpoints). Code `E_FORMAT`. */
export class FormatError extends GraphgenError {
  constructor(message: string, details: GraphgenErrorDetails = {}) {
    super('E_FORMAT', details.line === undefined ? message : `line ${details.line}: ${message}`, details);
  }
}

/** An iterative solver did not reach its tolerance (only thrown when `strict: true`). Code `E_NOT_CONVERGED`. */
export class ConvergenceError extends GraphgenError {
  constructor(message: string, details: GraphgenErrorDetails = {}) {
    super('E_NOT_CONVERGED', message, details);
  }
}

/** A compute backend (WASM, tfjs backend, WebGPU) is unavailable or failed. Code `E_BACKEND`. */
export class BackendError extends GraphgenError {
  constructor(message: string, details: GraphgenErrorDetails = {}) {
    super('E_BACKEND', message, details);
  }
}

/** A long operation was stopped through its `AbortSignal`. Code `E_ABORTED`. */
export class AbortedError extends GraphgenError {
  constructor(message = 'operation aborted', details: GraphgenErrorDetails = {}) {
    super('E_ABORTED', message, details);
  }
}

/** Reading or writing a file failed (missing path, permission). Code `E_IO`. */
export class IoError extends GraphgenError {
  constructor(message: string, details: GraphgenErrorDetails = {}) {
    super('E_IO', message, details);
  }
}

/**
 * Throws {@link AbortedError} when `signal` is aborted. Call it between units of work.
 *
 * @param signal - optional abort signal
 * @param what - name of the operation, used in the message
 */
export function throwIfAborted(signal: AbortSignal | undefined, what = 'operation'): void {
  if (signal?.aborted) throw new AbortedError(`${what} aborted`, { cause: signal.reason });
}

/** Short description of a value for error messages: type and a truncated rendering. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'object') return `object (${(value as object).constructor?.name ?? 'Object'})`;
  return typeof value;
}
