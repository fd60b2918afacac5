import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { initBackend, releaseBackend } from '../../src/nn/initBackend.js';
import { GraphTransformerLayer } from '../../src/layers/GraphTransformerLayer.js';
import { addMany } from '../../src/nn/addMany.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { Graph } from '../../src/graph/Graph.js';

interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

/** The adapter behind `navigator.gpu` (as tfjs requests it), in words. */
async function adapterName(): Promise<string> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(o?: object): Promise<{ info?: GpuAdapterInfoLike } | null> } } }).navigator?.gpu;
  const info = (await gpu?.requestAdapter({ powerPreference: 'high-performance' }))?.info;
  if (info === undefined) return 'unknown adapter';
  const fields = [info.vendor, info.architecture, info.device, info.description].filter((f) => f !== undefined && f !== '');
  return fields.length > 0 ? fields.join(' / ') : 'unnamed adapter';
}

/** Probes webgpu once (Dawn via the optional `webgpu` package in Node). */
async function probe(): Promise<{ ok: boolean; reason: string; adapter: string }> {
  try {
    await initBackend({ prefer: 'webgpu' });
    return { ok: true, reason: '', adapter: await adapterName() };
  } catch (err) {
    return { ok: false, reason: (err as Error).message, adapter: '' };
  } finally {
    await initBackend({ prefer: 'wasm' });
  }
}

const status = await probe();
const title = status.ok ? `webgpu parity with wasm (adapter: ${status.adapter})` : `webgpu parity with wasm (skipped: webgpu unavailable: ${status.reason})`;

describe.skipIf(!status.ok)(title, () => {
  afterAll(async () => {
    await initBackend({ prefer: 'wasm' });
    releaseBackend('webgpu');
  });

  it('addMany sums 20 tensors correctly (a single AddN of more than 7 inputs is dropped by webgpu)', async () => {
    await initBackend({ prefer: 'webgpu' });
    const parts = Array.from({ length: 20 }, (_, k) => tf.fill([3, 4], k + 1));
    const total = addMany(parts);
    const got = (await total.data()) as Float32Array;
    tf.dispose([...parts, total]);
    await initBackend({ prefer: 'wasm' });
    expect(Array.from(got)).toEqual(new Array(12).fill(210));
  });

  it('fit and sample on webgpu in Node fail early with a BackendError (no synchronous reads there)', async () => {
    const model = new DiscreteFlow({ denoiser: { hiddenX: 8, hiddenE: 4, hiddenY: 4, layers: 1, heads: 2 } });
    const train = [Graph.fromEdgeList(3, [[0, 1], [1, 2]]), Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]])];
    await initBackend({ prefer: 'webgpu' });
    try {
      await expect(model.fit(train, { epochs: 1, rng: createRng(0) })).rejects.toMatchObject({ code: 'E_BACKEND', message: expect.stringContaining('webgpu') });
    } finally {
      await initBackend({ prefer: 'wasm' });
      model.dispose();
    }
  });

  it('graph transformer layer forward pass agrees within 1e-4', async ({ annotate }) => {
    const rng = createRng(4);
    const b = 2;
    const n = 5;
    const mask = new Float32Array([1, 1, 1, 1, 0, 1, 1, 1, 0, 0]);
    const x = new Float32Array(b * n * 8).map((_, i) => mask[Math.floor(i / 8)] * Math.sin(i));
    const e = new Float32Array(b * n * n * 3).map((_, i) => {
      const bi = Math.floor(i / (n * n * 3));
      const r = Math.floor(i / (n * 3)) % n;
      const c = Math.floor(i / 3) % n;
      return mask[bi * n + r] * mask[bi * n + c] * Math.cos(i);
    });
    const y = new Float32Array(b * 2).map((_, i) => i / 3);
    const layer = new GraphTransformerLayer({ dx: 8, de: 3, dy: 2, numHeads: 2 }, rng);
    const run = async (): Promise<Float32Array[]> => {
      const t = { x: tf.tensor3d(x, [b, n, 8]), e: tf.tensor4d(e, [b, n, n, 3]), y: tf.tensor2d(y, [b, 2]), m: tf.tensor2d(mask, [b, n]) };
      const out = layer.apply({ x: t.x, e: t.e, y: t.y }, t.m);
      const res = [(await out.x.data()) as Float32Array, (await out.e.data()) as Float32Array, (await out.y.data()) as Float32Array];
      tf.dispose([t.x, t.e, t.y, t.m, out.x, out.e, out.y]);
      return res;
    };
    const ref = await run(); // wasm
    await initBackend({ prefer: 'webgpu' });
    const got = await run();
    const errors = ref.map((r, k) => {
      let err = 0;
      for (let i = 0; i < r.length; i++) err = Math.max(err, Math.abs(r[i] - got[k][i]));
      return err;
    });
    await annotate(`max |webgpu - wasm| of x, e, y: ${errors.map((v) => v.toExponential(2)).join(', ')} on ${status.adapter}`);
    errors.forEach((err, k) => expect(err, ['x', 'e', 'y'][k]).toBeLessThan(1e-4));
    await initBackend({ prefer: 'wasm' });
    layer.dispose();
  });
});
