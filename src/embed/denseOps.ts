import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';

/** Internal dense helpers on row-major `Float64Array` n×n matrices. */

/** `C = A B` for n×n matrices. */
export function matmulSquare(a: Float64Array, b: Float64Array, n: number, out: Float64Array = new Float64Array(n * n)): Float64Array {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      if (aik === 0) continue;
      const ro = i * n;
      const rb = k * n;
      for (let j = 0; j < n; j++) out[ro + j] += aik * b[rb + j];
    }
  }
  return out;
}

/** Validates that `graph` is a `Graph`. */
export function checkGraph(graph: unknown, name = 'graph'): asserts graph is Graph {
  if (!(graph instanceof Graph)) throw InputError.invalid(name, 'a Graph', describeValue(graph));
}

/** Validates a small positive integer order such as `maxK`. */
export function checkOrder(value: unknown, name: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw InputError.invalid(name, `an integer in [${min}, ${max}]`, describeValue(value));
  }
}
