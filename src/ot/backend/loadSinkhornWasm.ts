/**
 * Loading the C Sinkhorn kernel (`wasm/sinkhorn.wasm`, built from `wasm/sinkhorn.c`) and the glue
 * that runs it on a problem: copy in, call, copy out. The module has no imports; its memory grows
 * on demand up to the wasm32 limit of 4 GiB.
 *
 * @module
 */

import { BackendError } from '../../core/errors.js';
import type { SinkhornKernel, SinkhornKernelInput, SinkhornKernelOutput } from './SinkhornKernel.js';
import { statusFromCode } from './SinkhornKernel.js';
import type { DenseKernel } from './DenseKernel.js';
import type { NetworkSimplexBasis, NetworkSimplexOutput } from '../internal/networkSimplex.js';
import type { CgLoopOutput, CgOrder, CgProblem } from '../internal/cgLoop.js';

/** Where the kernel's bytes come from: raw bytes, a compiled module, or a `fetch` response. */
export type SinkhornWasmSource = BufferSource | WebAssembly.Module | Response | Promise<Response>;

/** A loaded instance of the C Sinkhorn kernel: a {@link SinkhornKernel} with name `'wasm'`. */
export interface SinkhornWasm extends SinkhornKernel {
  readonly name: 'wasm';
  /** Current size of the instance's linear memory in bytes (grows with the largest problem run). */
  memoryBytes(): number;
  /** The dense kernels of the GW solvers on this instance (`wasm/dense.c`). @internal */
  readonly dense: DenseKernel;
}

interface KernelExports {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  gg_sinkhorn_log(n: number, m: number, K: number, reg: number, a: number, b: number, u: number, v: number, work: number, maxIter: number, tol: number, checkEvery: number, out: number): number;
  gg_sinkhorn_log_plan(n: number, m: number, K: number, u: number, v: number): void;
  gg_sinkhorn_knopp(n: number, m: number, K: number, reg: number, a: number, b: number, u: number, v: number, work: number, maxIter: number, tol: number, checkEvery: number, out: number): number;
  gg_sinkhorn_knopp_plan(n: number, m: number, K: number, u: number, v: number): void;
  gg_sinkhorn_stabilized(n: number, m: number, K: number, Kt: number, reg: number, a: number, b: number, F: number, G: number, u: number, v: number, work: number, maxIter: number, tol: number, checkEvery: number, out: number): number;
  gg_sinkhorn_log_f32(n: number, m: number, K: number, reg: number, a: number, b: number, u: number, v: number, work: number, maxIter: number, tol: number, checkEvery: number, out: number): number;
  gg_sinkhorn_log_plan_f32(n: number, m: number, K: number, u: number, v: number): void;
  gg_sinkhorn_knopp_f32(n: number, m: number, K: number, reg: number, a: number, b: number, u: number, v: number, work: number, maxIter: number, tol: number, checkEvery: number, out: number): number;
  gg_sinkhorn_knopp_plan_f32(n: number, m: number, K: number, u: number, v: number): void;
  gg_matmul(n: number, k: number, m: number, A: number, B: number, C: number): void;
  gg_gromov_cg(n: number, m: number, C1: number, C2t: number, constC: number, M: number, p: number, q: number, alpha: number, loss: number, maxIter: number, tol: number, ox: number, oy: number, G: number, cross: number, f: number, g: number, dwork: number, iwork: number, out: number): number;
  gg_network_simplex(n: number, m: number, a: number, b: number, C: number, maxIter: number, warm: number, rows: number, cols: number, flow: number, pot: number, iwork: number, dwork: number, out: number): number;
}

const PAGE = 65536;
const MAX_BYTES = 65536 * PAGE; // wasm32: 4 GiB

/** URL of the committed kernel, valid from `src/ot/backend/` and `dist/ot/backend/` alike. */
export const SINKHORN_WASM_URL: URL = new URL('../../../wasm/sinkhorn.wasm', import.meta.url);

function wrap(instance: WebAssembly.Instance): SinkhornWasm {
  const ex = instance.exports as unknown as KernelExports;
  if (typeof ex.gg_sinkhorn_log !== 'function' || !(ex.memory instanceof WebAssembly.Memory)) {
    throw new BackendError('sinkhorn.wasm: expected exports gg_sinkhorn_log and memory; is this the graphgen kernel?');
  }
  const base = Math.ceil(Number(ex.__heap_base.value) / 16) * 16;

  /** Grows the memory to hold `doubles` float64 values after the heap base (8-byte units). */
  const reserve = (doubles: number, what: string): void => {
    const bytes = base + 8 * doubles;
    if (bytes > MAX_BYTES) throw new BackendError(`wasm kernel: ${what} needs ${bytes} bytes, more than the 4 GiB of wasm32 memory; use backend 'js'`);
    const mem = ex.memory;
    if (mem.buffer.byteLength < bytes) {
      try {
        mem.grow(Math.ceil((bytes - mem.buffer.byteLength) / PAGE));
      } catch (cause) {
        throw new BackendError(`wasm kernel: could not grow memory to ${bytes} bytes for ${what}`, { cause });
      }
    }
  };
  const even = (len: number) => len + (len & 1); // keep 16-byte alignment

  const matmul = (A: Float64Array, B: Float64Array, n: number, k: number, m: number, out = new Float64Array(n * m)): Float64Array => {
    const pA = base / 8;
    const pB = pA + even(n * k);
    const pC = pB + even(k * m);
    reserve(pC + n * m - pA, `a ${n} x ${k} x ${m} product`);
    const f64 = new Float64Array(ex.memory.buffer);
    f64.set(A.subarray(0, n * k), pA);
    f64.set(B.subarray(0, k * m), pB);
    ex.gg_matmul(n, k, m, 8 * pA, 8 * pB, 8 * pC);
    out.set(f64.subarray(pC, pC + n * m));
    return out;
  };

  const networkSimplex = (a: Float64Array, b: Float64Array, C: Float64Array, maxIter: number, init?: NetworkSimplexBasis): NetworkSimplexOutput => {
    const n = a.length;
    const m = b.length;
    const N = n + m;
    const arcs = N - 1;
    const pa = base / 8;
    const pb = pa + even(n);
    const pC = pb + even(m);
    const pRows = pC + even(n * m); // int32 arrays take half a double per entry
    const pCols = pRows + even(Math.ceil(arcs / 2));
    const pFlow = pCols + even(Math.ceil(arcs / 2));
    const pPot = pFlow + even(arcs);
    const pI = pPot + even(N);
    const pD = pI + even(Math.ceil((8 * N + 6 * arcs) / 2));
    const pOut = pD + even(arcs);
    reserve(pOut + 2 - pa, `a ${n} x ${m} transport problem`);
    const f64 = new Float64Array(ex.memory.buffer);
    const i32 = new Int32Array(ex.memory.buffer);
    f64.set(a, pa);
    f64.set(b, pb);
    f64.set(C.subarray(0, n * m), pC);
    if (init) {
      i32.set(init.rows, 2 * pRows);
      i32.set(init.cols, 2 * pCols);
      f64.set(init.flow, pFlow);
    }
    const optimal = ex.gg_network_simplex(n, m, 8 * pa, 8 * pb, 8 * pC, Math.min(maxIter, 2 ** 31 - 1), init ? 1 : 0, 8 * pRows, 8 * pCols, 8 * pFlow, 8 * pPot, 8 * pI, 8 * pD, 8 * pOut);
    return {
      rows: i32.slice(2 * pRows, 2 * pRows + arcs),
      cols: i32.slice(2 * pCols, 2 * pCols + arcs),
      flow: f64.slice(pFlow, pFlow + arcs),
      u: f64.slice(pPot, pPot + n),
      v: f64.slice(pPot + n, pPot + N),
      optimal: optimal === 1,
      pivots: f64[pOut],
    };
  };
  const cgLoop = (P: CgProblem, alpha: number, G: Float64Array, cross: Float64Array, loss: number, maxIter: number, tol: number, order: CgOrder | null = null): CgLoopOutput => {
    const { n, m } = P;
    const nm = n * m;
    const N = n + m;
    const pC1 = base / 8;
    const pC2t = pC1 + even(n * n);
    const pConst = pC2t + even(m * m);
    const pM = pConst + even(nm);
    const pP = pM + (P.M === null ? 0 : even(nm));
    const pQ = pP + even(n);
    const pG = pQ + even(m);
    const pX = pG + even(nm);
    const pF = pX + even(nm);
    const pGg = pF + even(n);
    const pD = pGg + even(m);
    const pI = pD + even(5 * nm + 4 * N);
    const pX0 = pI + even(Math.ceil((9 * N + 8 * (N - 1)) / 2));
    const pY0 = pX0 + (order ? even(n) : 0);
    const pOut = pY0 + (order ? even(m) : 0);
    reserve(pOut + 2 - pC1, `a ${n} x ${m} Gromov-Wasserstein problem`);
    const f64 = new Float64Array(ex.memory.buffer);
    f64.set(P.C1.subarray(0, n * n), pC1);
    f64.set(P.C2t.subarray(0, m * m), pC2t);
    f64.set(P.constC.subarray(0, nm), pConst);
    if (P.M !== null) f64.set(P.M.subarray(0, nm), pM);
    f64.set(P.p.subarray(0, n), pP);
    f64.set(P.q.subarray(0, m), pQ);
    f64.set(G.subarray(0, nm), pG);
    f64.set(cross.subarray(0, nm), pX);
    if (order) {
      f64.set(order.x.subarray(0, n), pX0);
      f64.set(order.y.subarray(0, m), pY0);
    }
    const iters = Math.max(0, Math.min(maxIter, 2 ** 31 - 1));
    const converged = ex.gg_gromov_cg(n, m, 8 * pC1, 8 * pC2t, 8 * pConst, P.M === null ? 0 : 8 * pM, 8 * pP, 8 * pQ, alpha, loss, iters, tol, order ? 8 * pX0 : 0, order ? 8 * pY0 : 0, 8 * pG, 8 * pX, 8 * pF, 8 * pGg, 8 * pD, 8 * pI, 8 * pOut);
    G.set(f64.subarray(pG, pG + nm));
    cross.set(f64.subarray(pX, pX + nm));
    return { f: f64.slice(pF, pF + n), g: f64.slice(pGg, pGg + m), converged: converged === 1, iterations: f64[pOut] };
  };
  const dense: DenseKernel = Object.freeze({ name: 'wasm' as const, matmul, networkSimplex, cgLoop });

  const run = (kind: 'log' | 'knopp' | 'stabilized', p: SinkhornKernelInput): SinkhornKernelOutput => {
    const { n, m } = p;
    const nm = n * m;
    const stab = kind === 'stabilized';
    const f32 = p.dtype === 'float32' && !stab;
    // layout (float64 offsets): K[nm] (Kt[nm]) a[n] b[m] u[n] v[m] su[n] sv[m] work[5n+4m] out[4];
    // with float32, K holds nm float32 values (nm / 2 float64 slots)
    const kSlots = f32 ? Math.ceil(nm / 2) : nm;
    const total = (stab ? 2 * nm : kSlots) + 3 * n + 3 * m + 5 * n + 4 * m + 4 + 16;
    const bytes = base + 8 * total;
    if (bytes > MAX_BYTES || n >= 2 ** 31 || m >= 2 ** 31) {
      throw new BackendError(`sinkhorn wasm kernel: a ${n} x ${m} problem needs ${bytes} bytes, more than the 4 GiB of wasm32 memory; use backend 'js'`);
    }
    const mem = ex.memory;
    if (mem.buffer.byteLength < bytes) {
      try {
        mem.grow(Math.ceil((bytes - mem.buffer.byteLength) / PAGE));
      } catch (cause) {
        throw new BackendError(`sinkhorn wasm kernel: could not grow memory to ${bytes} bytes for a ${n} x ${m} problem`, { cause });
      }
    }
    const f64 = new Float64Array(mem.buffer);
    let off = base / 8;
    const take = (len: number) => {
      const at = off;
      off += len + (len & 1); // keep 16-byte alignment
      return at;
    };
    const K = take(kSlots);
    const Kt = stab ? take(nm) : 0;
    const A = take(n);
    const B = take(m);
    const U = take(n);
    const V = take(m);
    const SU = take(n);
    const SV = take(m);
    const W = take(5 * n + 4 * m);
    const O = take(4);
    if (f32) new Float32Array(mem.buffer, 8 * K, nm).set(p.M);
    else f64.set(p.M, K);
    f64.set(p.a, A);
    f64.set(p.b, B);
    f64.set(p.u, U);
    f64.set(p.v, V);
    let code: number;
    if (f32 && kind === 'log') {
      code = ex.gg_sinkhorn_log_f32(n, m, 8 * K, p.reg, 8 * A, 8 * B, 8 * U, 8 * V, 8 * W, p.maxIter, p.tol, p.checkEvery, 8 * O);
      ex.gg_sinkhorn_log_plan_f32(n, m, 8 * K, 8 * U, 8 * V);
    } else if (f32) {
      code = ex.gg_sinkhorn_knopp_f32(n, m, 8 * K, p.reg, 8 * A, 8 * B, 8 * U, 8 * V, 8 * W, p.maxIter, p.tol, p.checkEvery, 8 * O);
      ex.gg_sinkhorn_knopp_plan_f32(n, m, 8 * K, 8 * U, 8 * V);
    } else if (kind === 'log') {
      code = ex.gg_sinkhorn_log(n, m, 8 * K, p.reg, 8 * A, 8 * B, 8 * U, 8 * V, 8 * W, p.maxIter, p.tol, p.checkEvery, 8 * O);
      ex.gg_sinkhorn_log_plan(n, m, 8 * K, 8 * U, 8 * V);
    } else if (kind === 'knopp') {
      code = ex.gg_sinkhorn_knopp(n, m, 8 * K, p.reg, 8 * A, 8 * B, 8 * U, 8 * V, 8 * W, p.maxIter, p.tol, p.checkEvery, 8 * O);
      ex.gg_sinkhorn_knopp_plan(n, m, 8 * K, 8 * U, 8 * V);
    } else {
      code = ex.gg_sinkhorn_stabilized(n, m, 8 * K, 8 * Kt, p.reg, 8 * A, 8 * B, 8 * U, 8 * V, 8 * SU, 8 * SV, 8 * W, p.maxIter, p.tol, p.checkEvery, 8 * O);
      ex.gg_sinkhorn_knopp_plan(n, m, 8 * Kt, 8 * SU, 8 * SV);
    }
    const view = new Float64Array(mem.buffer); // same buffer: the kernel does not grow memory
    if (stab) {
      // returned potentials: F + log u, G + log v
      for (let i = 0; i < n; i++) p.u[i] = p.a[i] > 0 ? view[U + i] + Math.log(view[SU + i]) : -Infinity;
      for (let j = 0; j < m; j++) p.v[j] = p.b[j] > 0 ? view[V + j] + Math.log(view[SV + j]) : -Infinity;
    } else {
      p.u.set(view.subarray(U, U + n));
      p.v.set(view.subarray(V, V + m));
    }
    const planAt = stab ? Kt : K;
    return {
      status: statusFromCode(code),
      iterations: view[O],
      marginalError: view[O + 1],
      plan: f32 ? Float64Array.from(new Float32Array(mem.buffer, 8 * K, nm)) : view.slice(planAt, planAt + nm),
      ...(stab ? { absorptions: view[O + 2] } : {}),
    };
  };

  return Object.freeze({
    name: 'wasm' as const,
    sinkhornLog: (p: SinkhornKernelInput) => run('log', p),
    sinkhornKnopp: (p: SinkhornKernelInput) => run('knopp', p),
    sinkhornStabilized: (p: SinkhornKernelInput) => run('stabilized', p),
    memoryBytes: () => ex.memory.buffer.byteLength,
    dense,
  });
}

/**
 * Instantiates the kernel synchronously from bytes or a compiled module (Node allows synchronous
 * compilation of modules of any size; browsers limit it to small modules, so prefer
 * {@link loadSinkhornWasm} there).
 *
 * @throws `BackendError` when the bytes are not the graphgen kernel
 */
export function instantiateSinkhornWasm(source: BufferSource | WebAssembly.Module): SinkhornWasm {
  try {
    const mod = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
    return wrap(new WebAssembly.Instance(mod, {}));
  } catch (cause) {
    if (cause instanceof BackendError) throw cause;
    throw new BackendError('could not instantiate the Sinkhorn WebAssembly kernel', { cause });
  }
}

/**
 * Loads a fresh instance of the WebAssembly Sinkhorn kernel. Without a source, reads
 * `wasm/sinkhorn.wasm` next to the package (Node) or fetches {@link SINKHORN_WASM_URL}
 * (browsers, bundlers that keep `new URL(..., import.meta.url)` assets). Pass the returned
 * instance as `backend` to the Sinkhorn solvers.
 *
 * @param source - bytes, a compiled module, or a `fetch` response of `sinkhorn.wasm`
 * @returns an independent kernel instance with its own memory
 * @throws `BackendError` when WebAssembly is unavailable or the bytes cannot be loaded
 *
 * @example
 * ```ts
 * const wasm = await loadSinkhornWasm(fetch('/assets/sinkhorn.wasm'));
 * const res = sinkhorn([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 0.1, { backend: wasm });
 * ```
 */
export async function loadSinkhornWasm(source?: SinkhornWasmSource): Promise<SinkhornWasm> {
  if (typeof WebAssembly === 'undefined') throw new BackendError('WebAssembly is not available in this runtime');
  try {
    let s: BufferSource | WebAssembly.Module | Response;
    if (source === undefined) {
      const fs = nodeFs();
      s = fs ? fs.readFileSync(SINKHORN_WASM_URL) : await fetch(SINKHORN_WASM_URL);
    } else {
      s = await source;
    }
    if (typeof Response !== 'undefined' && s instanceof Response) {
      if (!s.ok) throw new BackendError(`fetching sinkhorn.wasm failed: HTTP ${s.status}`);
      s = await s.arrayBuffer();
    }
    const mod = s instanceof WebAssembly.Module ? s : await WebAssembly.compile(s as BufferSource);
    return wrap(await WebAssembly.instantiate(mod, {}));
  } catch (cause) {
    if (cause instanceof BackendError) throw cause;
    throw new BackendError('could not load the Sinkhorn WebAssembly kernel', { cause });
  }
}

interface NodeFs {
  readFileSync(path: URL): Uint8Array;
}

function nodeFs(): NodeFs | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
}

let defaultKernel: SinkhornWasm | null | undefined;

/**
 * The shared default instance of the kernel, created on first use from the file next to the
 * package when the runtime can read it synchronously (Node >= 20.16), else `null`. The cache is
 * written once and never changes afterwards.
 *
 * @internal
 */
export function defaultSinkhornWasm(): SinkhornWasm | null {
  if (defaultKernel === undefined) {
    try {
      const fs = nodeFs();
      defaultKernel = fs && typeof WebAssembly !== 'undefined' ? instantiateSinkhornWasm(fs.readFileSync(SINKHORN_WASM_URL)) : null;
    } catch {
      defaultKernel = null;
    }
  }
  return defaultKernel;
}
