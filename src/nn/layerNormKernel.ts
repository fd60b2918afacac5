/**
 * The wasm kernels of {@link LayerNorm} (`src/nn/kernels/layerNorm.c`) on the heap of tfjs's wasm
 * backend (see nnKernels.ts). Internal to graphgen/nn.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerNorm } from './LayerNorm.js';
import { heapOffset, nnKernelReady, nnKernelsOf, registerWasmKernelSet, type WasmBackendInternals, type WasmKernelArgs } from './nnKernels.js';

const FWD = 'GraphgenLayerNorm';
/** `LN(x + h) ⊙ m`: the same kernel with a residual `h` and a row mask `m`. */
const FWD_M = 'GraphgenLayerNormMasked';
/**
 * The gradients from the forward's inputs: the kernel recomputes each row's statistics (bitwise
 * those of the forward) instead of reading saved ones. A forward kernel with the statistics as
 * extra outputs would make tfjs build a zero gradient in JavaScript for each of them on every
 * backward pass and copy it into the heap (for an edge tensor `[32, 64, 64, 16]`, 8 MB per call).
 */
const BWD = 'GraphgenLayerNormGrad';

function forwardKernel({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo {
  const be = backend as WasmBackendInternals;
  const { x, h, m, gamma, beta } = inputs as Record<string, tf.TensorInfo | undefined> as Record<string, tf.TensorInfo>;
  const d = x.shape[x.shape.length - 1];
  const rows = x.shape.reduce((p, s) => p * s, 1) / d;
  const y = be.makeOutput([...x.shape], 'float32');
  const p = (t: tf.TensorInfo | undefined): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_layer_norm_fwd(rows, d, p(x), p(h), p(m), p(gamma), p(beta), attrs.eps as number, p(y));
  return y;
}

function backwardKernel({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo[] {
  const be = backend as WasmBackendInternals;
  const { dy, x, h, m, gamma, beta } = inputs as Record<string, tf.TensorInfo | undefined> as Record<string, tf.TensorInfo>;
  const d = x.shape[x.shape.length - 1];
  const rows = x.shape.reduce((p, s) => p * s, 1) / d;
  const dx = be.makeOutput([...x.shape], 'float32');
  const dgamma = be.makeOutput([d], 'float32');
  const dbeta = be.makeOutput([d], 'float32');
  const out = [dx, dgamma, dbeta];
  if (m !== undefined) out.push(be.makeOutput([...m.shape], 'float32'));
  const p = (t: tf.TensorInfo | undefined): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_layer_norm_bwd(rows, d, p(dy), p(x), p(h), p(m), p(gamma), p(beta), attrs.eps as number, p(dx), p(dgamma), p(dbeta), p(out[3]));
  return out;
}

const MARK = Symbol.for('graphgen.layerNormRegistered');

/**
 * Registers the wasm kernels of {@link LayerNorm} and the gradient of the forward kernel.
 * Idempotent. Internal: `registerWasmKernels` calls it.
 */
export function registerLayerNormKernels(): void {
  const gradient = (name: string, masked: boolean): tf.GradConfig =>
    ({
      kernelName: name,
      inputsToSave: masked ? ['x', 'gamma', 'beta', 'h', 'm'] : ['x', 'gamma', 'beta'],
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[], attrs: Record<string, unknown>) => {
        const [x, gamma, beta, h, m] = saved;
        const back: tf.NamedTensorMap = { dy, x, gamma, beta };
        if (masked) Object.assign(back, { h, m });
        const g = tf.engine().runKernel(BWD, back, { eps: attrs.eps as number }) as tf.Tensor[];
        const grads: Record<string, () => tf.Tensor> = { x: () => g[0], gamma: () => g[1], beta: () => g[2] };
        if (masked) {
          grads.h = () => tf.clone(g[0]); // ∂(x + h) is the same for both; a separate tensor for each input
          grads.m = () => g[3];
        }
        return grads;
      },
    }) as unknown as tf.GradConfig;
  registerWasmKernelSet(
    MARK,
    [
      [FWD, forwardKernel],
      [FWD_M, forwardKernel],
      [BWD, backwardKernel],
    ],
    [gradient(FWD, false), gradient(FWD_M, true)],
  );
}

function run(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number, residual?: { h: tf.Tensor; m: tf.Tensor }): tf.Tensor | null {
  const f32 = x.dtype === 'float32' && (residual === undefined || (residual.h.dtype === 'float32' && residual.m.dtype === 'float32'));
  if (!f32 || x.shape[x.rank - 1] % 4 !== 0 || !nnKernelReady(FWD)) return null;
  const inputs: tf.NamedTensorMap = { x, gamma, beta };
  if (residual !== undefined) Object.assign(inputs, residual);
  return tf.engine().runKernel(residual === undefined ? FWD : FWD_M, inputs, { eps }) as tf.Tensor;
}

/**
 * `γ ⊙ (x − μ) / sqrt(σ² + ε) + β` over the last axis of `x [..., d]` by the wasm kernel, with
 * its gradient; `null` when the kernel cannot run (another backend, `d` not a multiple of 4),
 * so that the caller uses its tfjs-ops twin.
 */
export function layerNormKernel(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor | null {
  return run(x, gamma, beta, eps);
}

/**
 * `LN(x + h) ⊙ m` with the {@link LayerNorm} module `ln`, where `x, h [..., d]` and the row mask
 * `m [..., 1]` (same leading shape): one wasm kernel forward and one backward (gradients for x, h,
 * m, γ and β) instead of an add, the normalisation and a product; elsewhere (or for `d` not a
 * multiple of 4) exactly `tf.mul(ln.apply(tf.add(x, h)), m)`.
 */
export function layerNormResidualMasked(ln: LayerNorm, x: tf.Tensor, h: tf.Tensor, m: tf.Tensor): tf.Tensor {
  const d = x.shape[x.rank - 1];
  const ok = h.rank === x.rank && h.shape.every((s, i) => s === x.shape[i]) && m.rank === x.rank && m.shape.every((s, i) => s === (i === x.rank - 1 ? 1 : x.shape[i]));
  const eps = ln.getConfig().eps ?? 1e-5;
  const y = ok && d === ln.gamma.shape[0] ? run(x, ln.gamma, ln.beta, eps, { h, m }) : null;
  return y ?? tf.tidy(() => tf.mul(ln.apply(tf.add(x, h)), m));
}
