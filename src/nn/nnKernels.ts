/**
 * graphgen's own wasm SIMD kernels (C in src/nn/kernels, embedded by its build script in
 * nnKernelsWasm.ts), instantiated on the heap of tfjs's wasm backend: the module imports that
 * backend's memory, so kernels read and write tensors in place (no copies), as tfjs's own kernels
 * do. Internal to graphgen/nn.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { NN_KERNELS_WASM_BASE64 } from './kernels/nnKernelsWasm.js';

/** What graphgen reaches inside tfjs's wasm backend. */
export interface WasmBackendInternals {
  wasm: { _malloc(bytes: number): number; asm?: { memory?: WebAssembly.Memory }; wasmMemory?: WebAssembly.Memory };
  dataIdMap: { get(id: tf.DataId): { memoryOffset: number } };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** Frees a kernel's scratch output (made by `makeOutput`, reference count 1). */
  disposeData(dataId: tf.DataId): boolean;
  /** A view (no copy) of a tensor's data on the heap; invalid after the heap grows. */
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** What tfjs passes to a kernel function of the wasm backend (graphgen's kernels read these). */
export interface WasmKernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: Record<string, unknown>;
}

/** The exports of the kernel module (pointers are byte offsets into the shared heap). */
export interface NnKernelExports {
  gg_film_attn_fwd(...args: number[]): void;
  gg_film_attn_bwd(...args: number[]): void;
  gg_layer_norm_fwd(...args: number[]): void;
  gg_layer_norm_bwd(...args: number[]): void;
  gg_transpose2d(...args: number[]): void;
  gg_middle_sum(...args: number[]): void;
  gg_pooled_stats_fwd(...args: number[]): void;
  gg_pooled_stats_bwd(...args: number[]): void;
  gg_matmul(...args: number[]): void;
  gg_matmul_tn(...args: number[]): void;
  gg_matmul_batched(...args: number[]): void;
  __stack_pointer: WebAssembly.Global;
}

const INSTANCE = Symbol.for('graphgen.nnKernels');
const STACK_BYTES = 65536;

/** The compiled module, or `null` when this runtime cannot compile it synchronously. */
function compileKernels(): WebAssembly.Module | null {
  try {
    const bin = atob(NN_KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new WebAssembly.Module(bytes);
  } catch {
    return null; // e.g. browsers refuse synchronous compilation of larger modules on the main thread
  }
}

/**
 * The kernel instance sharing the heap of `backend` (a tfjs wasm backend), created on first use
 * and kept on the backend object; `null` when it cannot be created (then callers use their
 * tfjs-ops twins). The kernels get a private 64 KiB stack allocated on that heap.
 */
export function nnKernelsOf(backend: unknown): NnKernelExports | null {
  const be = backend as WasmBackendInternals & { [INSTANCE]?: NnKernelExports | null };
  if (be[INSTANCE] !== undefined) return be[INSTANCE];
  let inst: NnKernelExports | null = null;
  const mod = compileKernels();
  const memory = be.wasm?.asm?.memory ?? be.wasm?.wasmMemory;
  if (mod !== null && memory instanceof WebAssembly.Memory) {
    try {
      inst = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as NnKernelExports;
      inst.__stack_pointer.value = (be.wasm._malloc(STACK_BYTES) >>> 0) + STACK_BYTES;
    } catch {
      inst = null;
    }
  }
  be[INSTANCE] = inst;
  return inst;
}

/** `true` when graphgen's kernel `kernelName` can run now (active backend wasm, instance available). */
export function nnKernelReady(kernelName: string): boolean {
  if (tf.getBackend() !== 'wasm' || tf.getKernel(kernelName, 'wasm') === undefined) return false;
  return nnKernelsOf(tf.backend()) !== null;
}

/** Heap offset of a tensor's data (0 for an absent optional input). */
export function heapOffset(backend: unknown, t: tf.TensorInfo | undefined): number {
  return t === undefined ? 0 : (backend as WasmBackendInternals).dataIdMap.get(t.dataId).memoryOffset;
}

/**
 * Registers a set of graphgen's wasm kernels once: when the first kernel's registration already
 * carries `mark` nothing happens; otherwise every kernel is (re)registered on the wasm backend,
 * the first one marked, and each gradient whose kernel has none yet is registered. Internal.
 */
export function registerWasmKernelSet(mark: symbol, kernels: ReadonlyArray<readonly [name: string, func: unknown]>, gradients: readonly tf.GradConfig[]): void {
  const current = tf.getKernel(kernels[0][0], 'wasm') as (tf.KernelConfig & { [mark]?: true }) | undefined;
  if (current?.[mark] === true) return;
  kernels.forEach(([kernelName, func], i) => {
    const config = { kernelName, backendName: 'wasm', kernelFunc: func as tf.KernelFunc } as tf.KernelConfig & { [mark]?: true };
    if (i === 0) config[mark] = true;
    tf.registerKernel(config);
  });
  for (const g of gradients) if (tf.getGradient(g.kernelName) === undefined) tf.registerGradient(g);
}

/**
 * Replaces tfjs's wasm kernel `name` once by `make(original)`: the registration is marked with
 * `mark`, whose value is tfjs's kernel (the twin the replacement may hand cases to), so a second
 * call does nothing. Does nothing when the wasm backend is not registered. Internal.
 */
export function replaceWasmKernel(name: string, mark: symbol, make: (original: tf.KernelFunc) => (args: WasmKernelArgs) => tf.TensorInfo | tf.TensorInfo[]): void {
  const current = tf.getKernel(name, 'wasm') as (tf.KernelConfig & { [mark]?: tf.KernelFunc }) | undefined;
  if (current === undefined || current[mark] !== undefined) return;
  const original = current.kernelFunc;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: make(original) as unknown as tf.KernelFunc, [mark]: original } as tf.KernelConfig);
}
