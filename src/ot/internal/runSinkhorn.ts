/**
 * The validated Sinkhorn driver behind `sinkhorn`, `sinkhornLog`, `sinkhornKnopp`, `sinkhorn2`
 * and the batched solver (internal).
 *
 * @module
 * @internal
 */

import { BackendError, ConvergenceError, InputError, ShapeError, describeValue } from '../../core/errors.js';
import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { jsSinkhornKernel } from '../backend/jsSinkhornKernel.js';
import { defaultSinkhornWasm } from '../backend/loadSinkhornWasm.js';
import type { SinkhornKernel } from '../backend/SinkhornKernel.js';
import { DEFAULT_SINKHORN_METHOD, type SinkhornMethod, type SinkhornOptions, type SinkhornResult } from '../SinkhornOptions.js';
import { checkHistogram, checkInRange, checkInt, checkMatrix, checkNonNegative, checkPositive, checkSameMass, maxAbs } from './checks.js';

/** A validated problem. */
export interface SinkhornProblem {
  readonly n: number;
  readonly m: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly M: Float64Array;
  readonly reg: number;
}

/** Resolves the `backend` option. */
export function resolveBackend(backend: SinkhornOptions['backend']): SinkhornKernel {
  if (backend === undefined || backend === 'auto') return defaultSinkhornWasm() ?? jsSinkhornKernel;
  if (backend === 'js') return jsSinkhornKernel;
  if (backend === 'wasm') {
    const k = defaultSinkhornWasm();
    if (!k) throw new BackendError("backend 'wasm': the WebAssembly kernel could not be loaded synchronously here; use loadSinkhornWasm() and pass the instance as backend");
    return k;
  }
  if (typeof backend === 'object' && backend !== null && typeof backend.sinkhornLog === 'function' && typeof backend.sinkhornKnopp === 'function' && typeof backend.sinkhornStabilized === 'function') return backend;
  throw InputError.invalid('options.backend', "'auto', 'wasm', 'js' or a loaded kernel", describeValue(backend));
}

/** Validates a, b, M, reg. */
export function checkSinkhornProblem(a: VectorLike, b: VectorLike, M: MatrixLike, reg: number, massTol: number): SinkhornProblem {
  const ha = checkHistogram(a, 'a');
  const hb = checkHistogram(b, 'b');
  checkSameMass(ha, hb, massTol);
  const cost = checkMatrix(M, 'M', ha.values.length, hb.values.length);
  checkPositive(reg, 'reg');
  if (!Number.isFinite(maxAbs(cost.data) / reg)) {
    throw InputError.invalid('reg', `a value for which max|M| / reg is finite (max|M| = ${maxAbs(cost.data)})`, String(reg));
  }
  return { n: ha.values.length, m: hb.values.length, a: ha.values, b: hb.values, M: cost.data, reg };
}

/** Validated, defaulted options. */
export interface ResolvedSinkhornOptions {
  readonly method: SinkhornMethod;
  readonly maxIter: number;
  readonly tol: number;
  readonly checkEvery: number;
  readonly kernel: SinkhornKernel;
  readonly strict: boolean;
  readonly massTol: number;
  readonly scaling: { start: number | undefined; factor: number; stageIter: number } | null;
  readonly dtype: 'float64' | 'float32';
}

/** Validates the options. */
export function resolveSinkhornOptions(options: SinkhornOptions, method?: SinkhornMethod): ResolvedSinkhornOptions {
  if (typeof options !== 'object' || options === null) throw InputError.invalid('options', 'an object', describeValue(options));
  if (options.method !== undefined && options.method !== 'log' && options.method !== 'knopp' && options.method !== 'stabilized') {
    throw InputError.invalid('options.method', "'log', 'stabilized' or 'knopp'", describeValue(options.method));
  }
  const m = method ?? options.method ?? DEFAULT_SINKHORN_METHOD;
  const maxIter = checkInt(options.maxIter ?? 1000, 'options.maxIter', 0, 2 ** 31 - 1);
  const tol = checkNonNegative(options.tol ?? 1e-9, 'options.tol');
  const checkEvery = checkInt(options.checkEvery ?? 1, 'options.checkEvery', 1, 2 ** 31 - 1);
  const massTol = checkNonNegative(options.massTol ?? 1e-6, 'options.massTol');
  const es = options.epsilonScaling ?? false;
  let scaling: ResolvedSinkhornOptions['scaling'] = null;
  if (es === true || (typeof es === 'object' && es !== null)) {
    const o = es === true ? {} : es;
    scaling = {
      start: o.start === undefined ? undefined : checkPositive(o.start, 'options.epsilonScaling.start'),
      factor: checkInRange(o.factor ?? 0.5, 'options.epsilonScaling.factor', Number.MIN_VALUE, 1 - 1e-12),
      stageIter: checkInt(o.stageIter ?? 50, 'options.epsilonScaling.stageIter', 1),
    };
  } else if (es !== false) {
    throw InputError.invalid('options.epsilonScaling', 'a boolean or {start, factor, stageIter}', describeValue(es));
  }
  const dtype = options.dtype ?? 'float64';
  if (dtype !== 'float64' && dtype !== 'float32') throw InputError.invalid('options.dtype', "'float64' or 'float32'", describeValue(dtype));
  if (dtype === 'float32' && m === 'stabilized') throw InputError.invalid('options.dtype', "'float64' with method 'stabilized' ('float32' needs method 'log' or 'knopp')", "'float32'");
  return { method: m, maxIter, tol, checkEvery, kernel: resolveBackend(options.backend), strict: options.strict ?? false, massTol, scaling, dtype };
}

function warmVector(x: unknown, len: number, name: string): Float64Array {
  if (!(x instanceof Float64Array) && !Array.isArray(x)) throw InputError.invalid(name, 'a Float64Array or number[]', describeValue(x));
  if (x.length !== len) throw ShapeError.mismatch(name, `${len}`, `${x.length}`);
  const out = Float64Array.from(x as ArrayLike<number>);
  for (let i = 0; i < len; i++) if (Number.isNaN(out[i]) || out[i] === Infinity) throw InputError.invalid(`${name}[${i}]`, 'a number < Infinity', describeValue(out[i]));
  return out;
}

/** Runs a validated problem; f and g are initial potentials in cost units (copied). */
export function solveSinkhorn(p: SinkhornProblem, o: ResolvedSinkhornOptions, warm?: { f: ArrayLike<number>; g: ArrayLike<number> }): SinkhornResult {
  const { n, m, reg } = p;
  const f = warm ? warmVector(warm.f, n, 'options.warmStart.f') : new Float64Array(n);
  const g = warm ? warmVector(warm.g, m, 'options.warmStart.g') : new Float64Array(m);
  // epsilon-scaling stages
  const regs: number[] = [];
  if (o.scaling) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < p.M.length; k++) {
      if (p.M[k] < lo) lo = p.M[k];
      if (p.M[k] > hi) hi = p.M[k];
    }
    let r = Math.max(o.scaling.start ?? hi - lo, reg);
    while (r > reg && regs.length < 200) {
      regs.push(r);
      r *= o.scaling.factor;
    }
  }
  regs.push(reg);
  let iterations = 0;
  let out = null as ReturnType<SinkhornKernel['sinkhornLog']> | null;
  for (let s = 0; s < regs.length; s++) {
    const last = s === regs.length - 1;
    const r = regs[s];
    const budget = last ? Math.max(0, o.maxIter - iterations) : Math.min(o.scaling?.stageIter ?? 0, o.maxIter);
    const u = new Float64Array(n);
    const v = new Float64Array(m);
    if (o.method !== 'knopp') {
      for (let i = 0; i < n; i++) u[i] = f[i] / r;
      for (let j = 0; j < m; j++) v[j] = g[j] / r;
    } else {
      for (let i = 0; i < n; i++) u[i] = Math.exp(f[i] / r);
      for (let j = 0; j < m; j++) v[j] = Math.exp(g[j] / r);
    }
    const input = { n, m, M: p.M, reg: r, a: p.a, b: p.b, u, v, maxIter: budget, tol: last ? o.tol : Math.max(o.tol, 1e-6), checkEvery: o.checkEvery, dtype: o.dtype };
    out = o.method === 'log' ? o.kernel.sinkhornLog(input) : o.method === 'knopp' ? o.kernel.sinkhornKnopp(input) : o.kernel.sinkhornStabilized(input);
    iterations += out.iterations;
    if (o.method !== 'knopp') {
      for (let i = 0; i < n; i++) f[i] = u[i] * r;
      for (let j = 0; j < m; j++) g[j] = v[j] * r;
    } else {
      for (let i = 0; i < n; i++) f[i] = r * Math.log(u[i]);
      for (let j = 0; j < m; j++) g[j] = r * Math.log(v[j]);
    }
    if (out.status === 'numericalError') break;
  }
  const res = out as NonNullable<typeof out>;
  let value = 0;
  for (let k = 0; k < res.plan.length; k++) if (res.plan[k] !== 0) value += res.plan[k] * p.M[k];
  if (o.strict && res.status !== 'converged') {
    throw new ConvergenceError(`sinkhorn: ${res.status === 'maxIter' ? `not converged after ${iterations} iterations` : 'numerical error (kernel underflow; use method "log" or a larger reg)'} (marginal error ${res.marginalError}, tol ${o.tol})`, {
      argument: 'options.maxIter',
    });
  }
  return {
    plan: { rows: n, cols: m, data: res.plan },
    value,
    potentials: { f, g },
    status: res.status,
    iterations,
    marginalError: res.marginalError,
    backend: o.kernel.name,
    method: o.method,
    reg,
  };
}
