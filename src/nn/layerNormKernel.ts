/**
 * The wasm kernels of {@link LayerNorm} (`src/nn/kernels/layerNorm.c`) on the heap of tfjs's wasm
 * backend (see nnKernels.ts). Internal to graphgen/nn.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerNorm } from './LayerNorm.js';
import { heapOffset, nnKernelReady, nnKernelsOf, type WasmBackendInternals } from './nnKernels.js';

const FWD = 'GraphgenLayerNorm';
const BWD = 'GraphgenLayerNormGrad';

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: Record<string, unknown>;
}

function forwardKernel({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const be = backend as WasmBackendInternals;
  const { x, gamma, beta } = inputs as Record<string, tf.TensorInfo>;
  const d = x.shape[x.shape.length - 1];
  const rows = x.shape.reduce((p, s) => p * s, 1) / d;
  const y = be.makeOutput([...x.shape], 'float32');
  const xh = be.makeOutput([...x.shape], 'float32');
  const rstd = be.makeOutput([rows], 'float32');
  const p = (t: tf.TensorInfo): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_layer_norm_fwd(rows, d, p(x), p(gamma), p(beta), attrs.eps as number, p(y), p(xh), p(rstd));
  return [y, xh, rstd];
}

function backwardKernel({ inputs, backend }: KernelArgs): tf.TensorInfo[] {
  const be = backend as WasmBackendInternals;
  const { dy, xh, rstd, gamma } = inputs as Record<string, tf.TensorInfo>;
  const d = xh.shape[xh.shape.length - 1];
  const rows = rstd.shape[0];
  const dx = be.makeOutput([...xh.shape], 'float32');
  const dgamma = be.makeOutput([d], 'float32');
  const dbeta = be.makeOutput([d], 'float32');
  const p = (t: tf.TensorInfo): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_layer_norm_bwd(rows, d, p(dy), p(xh), p(rstd), p(gamma), p(dx), p(dgamma), p(dbeta));
  return [dx, dgamma, dbeta];
}

const MARK = Symbol.for('graphgen.layerNormRegistered');

/**
 * Registers the wasm kernels of {@link LayerNorm} and the gradient of the forward kernel.
 * Idempotent. Internal: `registerWasmKernels` calls it.
 */
export function registerLayerNormKernels(): void {
  const current = tf.getKernel(FWD, 'wasm') as (tf.KernelConfig & { [MARK]?: true }) | undefined;
  if (current?.[MARK] === true) return;
  tf.registerKernel({ kernelName: FWD, backendName: 'wasm', kernelFunc: forwardKernel as unknown as tf.KernelFunc, [MARK]: true } as tf.KernelConfig);
  tf.registerKernel({ kernelName: BWD, backendName: 'wasm', kernelFunc: backwardKernel as unknown as tf.KernelFunc });
  if (tf.getGradient(FWD) === undefined) {
    tf.registerGradient({
      kernelName: FWD,
      inputsToSave: ['gamma'],
      outputsToSave: [false, true, true],
      gradFunc: (dys: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const dy = (dys as Array<tf.Tensor | null>)[0];
        const [gamma, xh, rstd] = saved;
        if (dy === null) return { x: () => tf.zerosLike(xh), gamma: () => tf.zerosLike(gamma), beta: () => tf.zerosLike(gamma) };
        const [dx, dgamma, dbeta] = tf.engine().runKernel(BWD, { dy, xh, rstd, gamma }, {}) as tf.Tensor[];
        return { x: () => dx, gamma: () => dgamma, beta: () => dbeta };
      },
    } as unknown as tf.GradConfig);
  }
}

/**
 * `γ ⊙ (x − μ) / sqrt(σ² + ε) + β` over the last axis of `x [..., d]` by the wasm kernel, with
 * its gradient; `null` when the kernel cannot run (another backend, `d` not a multiple of 4),
 * so that the caller uses its tfjs-ops twin.
 */
export function layerNormKernel(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor | null {
  if (x.shape[x.rank - 1] % 4 !== 0 || !nnKernelReady(FWD)) return null;
  const [y, xh, rstd] = tf.engine().runKernel(FWD, { x, gamma, beta }, { eps }) as tf.Tensor[];
  tf.dispose([xh, rstd]); // a recording tape keeps its own references for the backward pass
  return y;
}
