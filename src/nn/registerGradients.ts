/**
 * Gradient definitions for the tfjs kernels graphgen's modules use.
 *
 * `@tensorflow/tfjs-core` on its own registers no gradients (the `@tensorflow/tfjs` umbrella
 * does, and it is not a dependency of graphgen), so autodiff through `tf.grad` or
 * `tf.variableGrads` fails with "gradient function not found" until gradients are registered.
 * {@link registerGradients} registers, for each kernel below, a gradient written for this
 * library, and leaves alone any kernel that already has one (so loading the umbrella next to
 * graphgen changes nothing).
 *
 * Indicator masks in gradients (relu, max, maximum, clip) are built with `step` instead of
 * comparison ops, which are very slow on wasm. The matrix-product gradient transposes its operands explicitly instead of passing transpose
 * flags to `matMul`: on the wasm backend flagged matmuls are 10-15x slower (see
 * {@link dense}).
 *
 * @module
 */

import * as tf from '@tensorflow/tfjs-core';
import { sumKeepDims } from './transposeTall.js';

type Grads = Record<string, () => tf.Tensor> | Array<() => tf.Tensor>;
type GradFunc = (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: Record<string, unknown>) => Grads;
interface Config {
  kernelName: string;
  inputsToSave?: string[];
  outputsToSave?: boolean[];
  saveAllInputs?: boolean;
  gradFunc: GradFunc;
}

/**
 * Sums `dy` over the axes along which `shape` was broadcast, then reshapes to `shape`. Uses
 * {@link sumKeepDims}: tfjs's own multi-axis or middle-axis sums are 2-3x slower on wasm.
 */
function unbroadcast(dy: tf.Tensor, shape: number[]): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes(shape, dy.shape);
  return tf.reshape(axes.length > 0 ? sumKeepDims(dy, axes) : dy, shape);
}

function axesOf(axis: number | number[] | null | undefined, rank: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = Array.isArray(axis) ? axis : [axis];
  return list.map((a) => (a < 0 ? a + rank : a));
}

/** Reshapes a reduced gradient back to keep-dims form so it broadcasts over the input. */
function keepDimsShape(shape: number[], axes: number[]): number[] {
  return shape.map((s, i) => (axes.includes(i) ? 1 : s));
}

/** Explicit 2-D/batched transpose of the last two axes. */
function swapLast(t: tf.Tensor): tf.Tensor {
  const r = t.rank;
  const perm = Array.from({ length: r }, (_, i) => i);
  perm[r - 1] = r - 2;
  perm[r - 2] = r - 1;
  return tf.transpose(t, perm);
}

/**
 * `1` where `t <= 0`, else `0`, through `step` (arithmetic): on wasm, comparison kernels
 * (`equal`, `greater`, ...) are ~300x slower than `step` because they produce booleans.
 */
function notPositive(t: tf.Tensor): tf.Tensor {
  return tf.sub(1, tf.step(t));
}

const one = (dy: tf.Tensor | tf.Tensor[]): tf.Tensor => dy as tf.Tensor;

const binary = (
  name: string,
  fa: (dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  fb: (dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
): Config => ({
  kernelName: name,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, [a, b]) => ({
    a: () => unbroadcast(fa(one(dy), a, b), a.shape),
    b: () => unbroadcast(fb(one(dy), a, b), b.shape),
  }),
});

const unaryIn = (name: string, f: (dy: tf.Tensor, x: tf.Tensor) => tf.Tensor): Config => ({
  kernelName: name,
  inputsToSave: ['x'],
  gradFunc: (dy, [x]) => ({ x: () => f(one(dy), x) }),
});

const unaryOut = (name: string, f: (dy: tf.Tensor, y: tf.Tensor) => tf.Tensor): Config => ({
  kernelName: name,
  outputsToSave: [true],
  gradFunc: (dy, [y]) => ({ x: () => f(one(dy), y) }),
});

/** Piecewise-constant ops: zero gradient for every input. */
const zeroGrad = (name: string, inputs: string[]): Config => ({
  kernelName: name,
  inputsToSave: inputs,
  gradFunc: (_dy, saved) => Object.fromEntries(inputs.map((k, i) => [k, () => tf.zerosLike(saved[i])])),
});

function configs(): Config[] {
  return [
    ...['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual', 'LogicalAnd', 'LogicalOr'].map((k) => zeroGrad(k, ['a', 'b'])),
    ...['LogicalNot', 'Sign', 'Floor', 'Ceil', 'Round', 'ZerosLike', 'OnesLike', 'Step'].map((k) => zeroGrad(k, ['x'])),
    zeroGrad('OneHot', ['indices']),
    binary('Add', (dy) => dy, (dy) => dy),
    binary('Sub', (dy) => dy, (dy) => tf.neg(dy)),
    binary('Multiply', (dy, _a, b) => tf.mul(dy, b), (dy, a) => tf.mul(dy, a)),
    binary(
      'RealDiv',
      (dy, _a, b) => tf.div(dy, b),
      (dy, a, b) => tf.neg(tf.div(tf.mul(dy, a), tf.square(b))),
    ),
    binary(
      'SquaredDifference',
      (dy, a, b) => tf.mul(dy, tf.mul(2, tf.sub(a, b))),
      (dy, a, b) => tf.mul(dy, tf.mul(-2, tf.sub(a, b))),
    ),
    binary(
      'Maximum',
      (dy, a, b) => tf.mul(dy, notPositive(tf.sub(b, a))),
      (dy, a, b) => tf.mul(dy, tf.step(tf.sub(b, a))),
    ),
    binary(
      'Minimum',
      (dy, a, b) => tf.mul(dy, notPositive(tf.sub(a, b))),
      (dy, a, b) => tf.mul(dy, tf.step(tf.sub(a, b))),
    ),
    {
      kernelName: 'AddN',
      saveAllInputs: true,
      gradFunc: (dy, saved) => saved.map(() => () => tf.clone(one(dy))),
    },
    unaryIn('Neg', (dy) => tf.neg(dy)),
    unaryIn('Identity', (dy) => tf.clone(dy)),
    unaryIn('Square', (dy, x) => tf.mul(dy, tf.mul(x, 2))),
    unaryIn('Abs', (dy, x) => tf.mul(dy, tf.sign(x))),
    unaryIn('Log', (dy, x) => tf.div(dy, x)),
    unaryIn('Sin', (dy, x) => tf.mul(dy, tf.cos(x))),
    unaryIn('Cos', (dy, x) => tf.neg(tf.mul(dy, tf.sin(x)))),
    unaryIn('Relu', (dy, x) => tf.mul(dy, tf.step(x))),
    unaryIn('Reciprocal', (dy, x) => tf.neg(tf.div(dy, tf.square(x)))),
    {
      kernelName: 'LeakyRelu',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => ({
        x: () => tf.mul(one(dy), tf.add(tf.mul(tf.step(x), 1 - (attrs.alpha as number)), attrs.alpha as number)),
      }),
    },
    unaryOut('Exp', (dy, y) => tf.mul(dy, y)),
    unaryOut('Sqrt', (dy, y) => tf.div(dy, tf.mul(y, 2))),
    unaryOut('Rsqrt', (dy, y) => tf.mul(dy, tf.mul(tf.mul(y, tf.square(y)), -0.5))),
    unaryOut('Sigmoid', (dy, y) => tf.mul(dy, tf.mul(y, tf.sub(1, y)))),
    unaryOut('Tanh', (dy, y) => tf.mul(dy, tf.sub(1, tf.square(y)))),
    {
      kernelName: 'ClipByValue',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => ({
        x: () =>
          tf.mul(one(dy), tf.mul(notPositive(tf.sub(attrs.clipValueMin as number, x)), notPositive(tf.sub(x, attrs.clipValueMax as number)))),
      }),
    },
    {
      kernelName: 'Cast',
      gradFunc: (dy) => ({ x: () => tf.clone(one(dy)) }),
    },
    {
      kernelName: 'Sum',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => {
        const axes = axesOf(attrs.axis as number | number[], x.rank);
        return { x: () => tf.mul(tf.reshape(one(dy), keepDimsShape(x.shape, axes)), tf.onesLike(x)) };
      },
    },
    {
      kernelName: 'Mean',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => {
        const axes = axesOf(attrs.axis as number | number[], x.rank);
        const count = axes.reduce((p, a) => p * x.shape[a], 1);
        return {
          x: () => tf.mul(tf.reshape(tf.div(one(dy), count), keepDimsShape(x.shape, axes)), tf.onesLike(x)),
        };
      },
    },
    {
      kernelName: 'Max',
      inputsToSave: ['x'],
      outputsToSave: [true],
      gradFunc: (dy, [x, y], attrs) => {
        const axes = axesOf(attrs.reductionIndices as number | number[], x.rank);
        const ks = keepDimsShape(x.shape, axes);
        return {
          x: () => tf.mul(tf.reshape(one(dy), ks), notPositive(tf.sub(tf.reshape(y, ks), x))),
        };
      },
    },
    {
      kernelName: 'BatchMatMul',
      inputsToSave: ['a', 'b'],
      gradFunc: (dyIn, [a, b], attrs) => {
        const dy = one(dyIn);
        const ta = attrs.transposeA as boolean;
        const tb = attrs.transposeB as boolean;
        // Forward: C = op(a) op(b). All products below use explicit transposes (fast on wasm).
        const A = ta ? swapLast(a) : a;
        const B = tb ? swapLast(b) : b;
        const dA = (): tf.Tensor => tf.matMul(dy, swapLast(B)); // d op(a)
        const dB = (): tf.Tensor => tf.matMul(swapLast(A), dy); // d op(b)
        return {
          a: () => unbroadcastBatch(ta ? swapLast(dA()) : dA(), a.shape),
          b: () => unbroadcastBatch(tb ? swapLast(dB()) : dB(), b.shape),
        };
      },
    },
    {
      kernelName: 'Reshape',
      inputsToSave: ['x'],
      gradFunc: (dy, [x]) => ({ x: () => tf.reshape(one(dy), x.shape) }),
    },
    {
      kernelName: 'ExpandDims',
      inputsToSave: ['input'],
      gradFunc: (dy, [x]) => ({ input: () => tf.reshape(one(dy), x.shape) }),
    },
    {
      kernelName: 'Transpose',
      gradFunc: (dy, _s, attrs) => {
        const perm = attrs.perm as number[];
        const inv = new Array<number>(perm.length);
        perm.forEach((p, i) => (inv[p] = i));
        return { x: () => tf.transpose(one(dy), inv) };
      },
    },
    {
      kernelName: 'Concat',
      saveAllInputs: true,
      gradFunc: (dy, saved, attrs) => {
        const rank = saved[0].rank;
        const axis = axesOf(attrs.axis as number, rank)[0];
        const parts = tf.split(one(dy), saved.map((t) => t.shape[axis]), axis);
        return parts.map((p) => () => p);
      },
    },
    {
      kernelName: 'Pack',
      saveAllInputs: true,
      gradFunc: (dy, saved, attrs) => {
        const parts = tf.unstack(one(dy), attrs.axis as number);
        return parts.map((p, i) => () => tf.reshape(p, saved[i].shape));
      },
    },
    {
      kernelName: 'Unpack',
      gradFunc: (dy, _s, attrs) => ({ value: () => tf.stack(dy as tf.Tensor[], attrs.axis as number) }),
    },
    {
      kernelName: 'SplitV',
      gradFunc: (dy, _s, attrs) => ({ x: () => tf.concat(dy as tf.Tensor[], attrs.axis as number) }),
    },
    {
      kernelName: 'Slice',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => {
        const d = one(dy);
        const begin = tf.slice_util.parseSliceParams(x, attrs.begin as number[], attrs.size as number[]);
        const pads: Array<[number, number]> = d.shape.map((s, i) => [begin[0][i], x.shape[i] - begin[0][i] - s]);
        return { x: () => tf.pad(d, pads) };
      },
    },
    {
      kernelName: 'PadV2',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => {
        const pads = attrs.paddings as Array<[number, number]>;
        return { x: () => tf.slice(one(dy), pads.map((p) => p[0]), x.shape) };
      },
    },
    {
      kernelName: 'Tile',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => {
        const reps = attrs.reps as number[];
        // dy has shape x.shape * reps: view it as [r0, s0, r1, s1, ...] and sum the r axes.
        const split: number[] = [];
        x.shape.forEach((s, i) => split.push(reps[i], s));
        const axes = x.shape.map((_, i) => 2 * i);
        return { x: () => tf.reshape(tf.sum(tf.reshape(one(dy), split), axes), x.shape) };
      },
    },
    {
      kernelName: 'Softmax',
      outputsToSave: [true],
      gradFunc: (dy, [y], attrs) => {
        const dim = attrs.dim as number;
        const dyy = tf.mul(one(dy), y);
        return { logits: () => tf.sub(dyy, tf.mul(tf.sum(dyy, [dim], true), y)) };
      },
    },
    {
      kernelName: 'Select',
      inputsToSave: ['condition'],
      gradFunc: (dy, [c]) => {
        const d = one(dy);
        return {
          condition: () => tf.zeros(c.shape),
          t: () => tf.mul(d, tf.cast(c, d.dtype)),
          e: () => tf.mul(d, tf.cast(tf.logicalNot(c), d.dtype)),
        };
      },
    },
    {
      kernelName: 'GatherV2',
      inputsToSave: ['x', 'indices'],
      gradFunc: (dy, [x, indices], attrs) => {
        const axis = axesOf(attrs.axis as number, x.rank)[0];
        return {
          x: () => {
            // Move the gathered axis first, scatter-add with unsortedSegmentSum, move it back.
            const d = one(dy);
            const perm = [axis, ...d.shape.map((_, i) => i).filter((i) => i !== axis)];
            const inv = new Array<number>(perm.length);
            perm.forEach((p, i) => (inv[p] = i));
            const moved = tf.transpose(d, perm);
            const k = moved.shape[0];
            const rest = moved.shape.slice(1);
            // Scatter-add as a product with the one-hot matrix of the indices (no
            // UnsortedSegmentSum kernel on wasm).
            const hot = tf.oneHot(tf.cast(tf.reshape(indices, [-1]), 'int32'), x.shape[axis]);
            const summed = tf.matMul(tf.transpose(tf.cast(hot, 'float32')), tf.reshape(moved, [k, -1]));
            return tf.transpose(tf.reshape(summed, [x.shape[axis], ...rest]), inv);
          },
          indices: () => tf.zerosLike(indices),
        };
      },
    },
  ];
}

/** Sums broadcast batch dimensions of a matmul gradient back to the operand's shape. */
function unbroadcastBatch(g: tf.Tensor, shape: number[]): tf.Tensor {
  if (g.rank === shape.length && g.shape.every((s, i) => s === shape[i])) return g;
  return unbroadcast(g, shape);
}

/**
 * Registers graphgen's gradient functions with tfjs for every kernel in the list above that
 * has none yet. Idempotent; {@link initBackend} calls it, so users rarely need to.
 *
 * Kernels covered: comparisons, logical ops, Sign, Floor, Ceil, Round, ZerosLike, OnesLike, Step
 * and OneHot (zero gradient), Add, Sub, Multiply, RealDiv, SquaredDifference, Maximum, Minimum, AddN, Neg,
 * Identity, Square, Abs, Log, Sin, Cos, Relu, Reciprocal, LeakyRelu, Exp, Sqrt, Rsqrt, Sigmoid,
 * Tanh, ClipByValue, Cast, Sum, Mean, Max, BatchMatMul, Reshape, ExpandDims, Transpose,
 * Concat, Pack, Unpack, SplitV, Slice, PadV2, Tile, Softmax, Select, GatherV2.
 *
 * @returns the names of the kernels whose gradient was registered by this call
 *
 * @example
 * ```ts
 * registerGradients();
 * const g = tf.grad((x: tf.Tensor) => tf.sum(tf.square(x)))(tf.tensor1d([1, 2]));
 * ```
 */
export function registerGradients(): string[] {
  const added: string[] = [];
  for (const c of configs()) {
    if (tf.getGradient(c.kernelName) !== undefined) continue;
    tf.registerGradient(c as unknown as tf.GradConfig);
    added.push(c.kernelName);
  }
  return added;
}
