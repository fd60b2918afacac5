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
/** The same kernel with a row mask `m` (saved for the backward pass). */
const FWD_M = 'GraphgenLayerNormMasked';
const BWD = 'GraphgenLayerNormGrad';

function forwardKernel({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo[] {
  const be = backend as WasmBackendInternals;
  const { x, h, m, gamma, beta } = inputs as Record<string, tf.TensorInfo | undefined> as Record<string, tf.TensorInfo>;
  const d = x.shape[x.shape.length - 1];
  const rows = x.shape.reduce((p, s) => p * s, 1) / d;
  const y = be.makeOutput([...x.shape], 'float32');
  const xh = be.makeOutput([...x.shape], 'float32');
  const rstd = be.makeOutput([rows], 'float32');
  const p = (t: tf.TensorInfo | undefined): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_layer_norm_fwd(rows, d, p(x), p(h), p(m), p(gamma), p(beta), attrs.eps as number, p(y), p(xh), p(rstd));
  return [y, xh, rstd];
}

function backwardKernel({ inputs, backend }: WasmKernelArgs): tf.TensorInfo[] {
  const be = backend as WasmBackendInternals;
  const { dy, xh, rstd, gamma, beta, m } = inputs as Record<string, tf.TensorInfo | undefined> as Record<string, tf.TensorInfo>;
  const d = xh.shape[xh.shape.length - 1];
  const rows = rstd.shape[0];
  const dx = be.makeOutput([...xh.shape], 'float32');
  const dgamma = be.makeOutput([d], 'float32');
  const dbeta = be.makeOutput([d], 'float32');
  const out = [dx, dgamma, dbeta];
  if (m !== undefined) out.push(be.makeOutput([...m.shape], 'float32'));
  const p = (t: tf.TensorInfo | undefined): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_layer_norm_bwd(rows, d, p(dy), p(xh), p(rstd), p(gamma), p(beta), p(m), p(dx), p(dgamma), p(dbeta), p(out[3]));
  return out;
}

const MARK = Symbol.for('graphgen.layerNormRegistered');

/**
 * Registers the wasm kernels of {@link LayerNorm} and the gradient of the forward kernel.
 * Idempotent. Internal: `registerWasmKernels` calls it.
 */
export function registerLayerNormKernels(): void {
  const gradient = (name: string, hasM: boolean): tf.GradConfig =>
    ({
      kernelName: name,
      inputsToSave: hasM ? ['gamma', 'beta', 'm'] : ['gamma', 'beta'],
      outputsToSave: [false, true, true],
      gradFunc: (dys: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: Record<string, unknown>) => {
        const dy = (dys as Array<tf.Tensor | null>)[0];
        const [gamma, beta] = saved;
        const m = hasM ? saved[2] : undefined;
        const [xh, rstd] = saved.slice(hasM ? 3 : 2);
        const hasH = attrs.hasH === true;
        let g: tf.Tensor[];
        if (dy === null) {
          g = [tf.zerosLike(xh), tf.zerosLike(gamma), tf.zerosLike(beta), ...(m !== undefined ? [tf.zerosLike(m)] : [])];
        } else {
          const inputs: tf.NamedTensorMap = { dy, xh, rstd, gamma, beta };
          if (m !== undefined) inputs.m = m;
          g = tf.engine().runKernel(BWD, inputs, {}) as tf.Tensor[];
        }
        const grads: Record<string, () => tf.Tensor> = { x: () => g[0], gamma: () => g[1], beta: () => g[2] };
        if (hasH) grads.h = () => tf.clone(g[0]); // (zero-copy on wasm)
        if (hasM) grads.m = () => g[3];
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

function run(x: tf.Tensor, h: tf.Tensor | undefined, m: tf.Tensor | undefined, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor | null {
  const f32 = x.dtype === 'float32' && (h === undefined || h.dtype === 'float32') && (m === undefined || m.dtype === 'float32');
  if (!f32 || x.shape[x.rank - 1] % 4 !== 0 || !nnKernelReady(FWD)) return null;
  const inputs: tf.NamedTensorMap = { x, gamma, beta };
  if (h !== undefined) inputs.h = h;
  if (m !== undefined) inputs.m = m;
  const [y, xh, rstd] = tf.engine().runKernel(m === undefined ? FWD : FWD_M, inputs, { eps, hasH: h !== undefined }) as tf.Tensor[];
  tf.dispose([xh, rstd]); // a recording tape keeps its own references for the backward pass
  return y;
}

/**
 * `γ ⊙ (x − μ) / sqrt(σ² + ε) + β` over the last axis of `x [..., d]` by the wasm kernel, with
 * its gradient; `null` when the kernel cannot run (another backend, `d` not a multiple of 4),
 * so that the caller uses its tfjs-ops twin.
 */
export function layerNormKernel(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor | null {
  return run(x, undefined, undefined, gamma, beta, eps);
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
  const y = ok && d === ln.gamma.shape[0] ? run(x, h, m, ln.gamma, ln.beta, eps) : null;
  return y ?? tf.tidy(() => tf.mul(ln.apply(tf.add(x, h)), m));
}
