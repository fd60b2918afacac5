/**
 * `Slice` and `SplitV` on tfjs's wasm backend without the copy of the whole input. tfjs's wasm
 * `slice` starts with `backend.readSync(x)`, which copies all of `x` out of the heap into a new
 * JavaScript buffer, and its `splitV` calls it once per output: splitting the `[B, N, 3h]` query /
 * key / value projection or the `[B, 2H, N, N]` attention terms of the graph transformer copied
 * the input two or three times per call, through freshly allocated (page-faulting) memory. These
 * replacements read through views of the heap instead and copy only the selected elements, in
 * runs as long as the slice allows. Gradients are unchanged (same kernel names); strings and
 * other backends keep tfjs's kernels, which stay the twins. Internal to graphgen/nn.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { replaceWasmKernel, type WasmBackendInternals } from './nnKernels.js';

type HeapView = Float32Array | Int32Array | Uint8Array;

/**
 * Copies the box `begin + [0, size)` of `x` (row-major, `shape`) into `out` (row-major `size`):
 * the trailing axes that the box covers whole are merged with the last partial one into one
 * contiguous run, and the leading axes are walked like an odometer. Internal; exported for tests.
 */
export function copyBox(x: HeapView, shape: readonly number[], begin: readonly number[], size: readonly number[], out: HeapView): void {
  const rank = shape.length;
  if (size.some((s) => s === 0)) return;
  if (rank === 0) {
    out[0] = x[0];
    return;
  }
  // j: the first axis of the contiguous run (axes after it are taken whole)
  let j = rank - 1;
  while (j > 0 && begin[j] === 0 && size[j] === shape[j]) j--;
  let inner = 1;
  for (let a = j + 1; a < rank; a++) inner *= shape[a];
  const run = size[j] * inner;
  const strides = new Array<number>(rank);
  strides[rank - 1] = 1;
  for (let a = rank - 2; a >= 0; a--) strides[a] = strides[a + 1] * shape[a + 1];
  const idx = new Array<number>(j).fill(0);
  let offset = 0;
  for (let a = 0; a <= j; a++) offset += begin[a] * strides[a];
  let o = 0;
  for (;;) {
    out.set(x.subarray(offset, offset + run), o);
    o += run;
    // advance the odometer over axes j-1 .. 0
    let a = j - 1;
    while (a >= 0) {
      idx[a]++;
      offset += strides[a];
      if (idx[a] < size[a]) break;
      offset -= size[a] * strides[a];
      idx[a] = 0;
      a--;
    }
    if (a < 0) return;
  }
}

function heapView(be: WasmBackendInternals, t: tf.TensorInfo): HeapView {
  return be.typedArrayFromHeap(t);
}

/** One slice on the heap; the output is made first, so the views are taken after any heap growth. */
function sliceOnHeap(be: WasmBackendInternals, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  const out = be.makeOutput(size, x.dtype);
  if (tf.util.sizeFromShape(size) > 0) copyBox(heapView(be, x), x.shape, begin, size, heapView(be, out));
  return out;
}

const MARK = Symbol.for('graphgen.sliceRegistered');

/**
 * Registers graphgen's `Slice` and `SplitV` on wasm (see the module comment). Idempotent.
 * Internal: `registerWasmKernels` calls it.
 */
export function registerSliceKernels(): void {
  replaceWasmKernel('Slice', MARK, (original) => (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    if (x.dtype === 'string' || x.dtype === 'complex64') return original(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
    const [begin, size] = tf.slice_util.parseSliceParams(x, args.attrs.begin as number[], args.attrs.size as number[]);
    return sliceOnHeap(args.backend as WasmBackendInternals, x, begin, size);
  });
  replaceWasmKernel('SplitV', MARK, (original) => (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    if (x.dtype === 'string' || x.dtype === 'complex64') return original(args as unknown as Parameters<tf.KernelFunc>[0]);
    const axis = tf.util.parseAxisParam(args.attrs.axis as number, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, args.attrs.numOrSizeSplits as number[] | number, axis);
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[axis] = s;
      const out = sliceOnHeap(args.backend as WasmBackendInternals, x, [...begin], size);
      begin[axis] += s;
      return out;
    });
  });
}
