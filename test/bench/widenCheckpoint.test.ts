import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { collate } from '../../src/graph/collate.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { buildDenoiserInput } from '../../src/generators/common/buildDenoiserInput.js';
import { decodeFloat32, readCheckpoint } from '../../src/generators/common/checkpoint.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { trainWithBudget, type BenchModel } from '../../bench/trainWithBudget.js';
import { widenCheckpoint } from '../../bench/widenCheckpoint.js';
import { TINY, toyGraphs } from '../generators/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'graphgen-widen-'));
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('widenCheckpoint (bench warm start for added feature columns)', () => {
  // component features on RRWP, then cycle-edge features on top of those (the tree runs' two warm starts), and spectral projectors on RRWP (the SBM run's)
  it.each([
    { tag: 'comp', added: 1, from: { name: 'rrwp', walkSteps: 3 }, to: { name: 'rrwp', walkSteps: 3, components: true } },
    { tag: 'cyc', added: 1, from: { name: 'rrwp', walkSteps: 3, components: true }, to: { name: 'rrwp', walkSteps: 3, components: true, cycleEdges: true } },
    { tag: 'sp', added: 2, from: { name: 'rrwp', walkSteps: 3 }, to: { name: 'rrwp', walkSteps: 3, spectralPairs: 2 } },
  ] as const)('keeps the denoiser function exactly, resumes at the same step, and trains on ($tag)', async ({ tag, added, from, to }) => {
    const graphs = toyGraphs(12, createRng(50));
    const fit = { batchSize: 6, lr: 1e-2, emaDecay: 0.9 };
    const narrow = (): BenchModel => new DiscreteFlow({ denoiser: TINY, features: from }) as unknown as BenchModel;
    const wide = (): BenchModel => new DiscreteFlow({ denoiser: TINY, features: to }) as unknown as BenchModel;
    const dir = (name: string): string => join(root, `${tag}-${name}`);
    const a = await trainWithBudget(narrow, graphs, dir('narrow'), 1e-9, fit, 2);
    expect(a.epochs).toBe(2);
    await expect(widenCheckpoint(dir('missing'), dir('x'), wide())).rejects.toThrow(/no checkpoint/);
    const otherWidth = new DiscreteFlow({ denoiser: { ...TINY, hiddenX: 8 }, features: to }) as unknown as BenchModel;
    await expect(widenCheckpoint(dir('narrow'), dir('x'), otherWidth)).rejects.toThrow(/differs in more than its features/);
    expect(await widenCheckpoint(dir('narrow'), dir('wide'), wide())).toBe(true);
    expect(await widenCheckpoint(dir('narrow'), dir('wide'), wide())).toBe(false); // already there
    const b = await trainWithBudget(wide, graphs, dir('wide'), 0, fit, 2); // spent budget: restore only
    expect([b.epochs, b.steps]).toEqual([a.epochs, a.steps]);
    // same logits on noisy-looking inputs (a mix of the graphs and a forest), each model with its own features
    const batch = collate([...graphs.slice(0, 3), toyGraphs(1, createRng(51))[0]], { nodeClasses: 1, edgeClasses: 2 });
    const before = tf.memory().numTensors;
    const outs = [a.model, b.model].map((m) => {
      const input = buildDenoiserInput(batch, [0.1, 0.4, 0.7, 0.95], m.features);
      const out = m.denoiser!.apply(input);
      const r = { x: Array.from(out.x.dataSync()), e: Array.from(out.e.dataSync()), width: input.e.shape[3] };
      tf.dispose([input.x, input.e, input.y, input.nodeMask, out.x, out.e]);
      return r;
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(outs[1].width).toBe(outs[0].width + added);
    expect(outs[1].x).toEqual(outs[0].x.map((v) => expect.closeTo(v, 5)));
    expect(outs[1].e).toEqual(outs[0].e.map((v) => expect.closeTo(v, 5)));
    // training goes on from the widened checkpoint, and the new input rows leave zero
    const c = await trainWithBudget(wide, graphs, dir('wide'), b.cpu + 1e-9, fit, 1);
    expect(c.epochs).toBe(3);
    const ck = await readCheckpoint(join(dir('wide'), 'checkpoint.json'));
    const w = ck!.weights.manifest.tensors.find((t) => t.name === 'inE.layers.0.weight')!;
    const oldRows = 2 + a.model.features.edgeDim; // edge classes + the narrow pair features
    expect(w.shape[0]).toBe(oldRows + added);
    const all = decodeFloat32(ck!.weights.bytes);
    const cols = w.shape[1];
    const newRow = all.subarray(w.byteOffset / 4 + oldRows * cols, w.byteOffset / 4 + (oldRows + 1) * cols);
    expect(newRow.some((x) => x !== 0)).toBe(true);
    a.model.dispose();
    b.model.dispose();
    c.model.dispose();
  });

  it('adds self-conditioning channels: the same function whatever they carry, then trains on', async () => {
    const graphs = toyGraphs(12, createRng(53));
    const fit = { batchSize: 6, lr: 1e-2, emaDecay: 0.9 };
    const features = { name: 'rrwp' as const, walkSteps: 3 };
    const plain = (): BenchModel => new DiscreteFlow({ denoiser: TINY, features }) as unknown as BenchModel;
    const conditioned = (): BenchModel => new DiscreteFlow({ denoiser: TINY, features, selfConditioning: { spectralPairs: 2 } }) as unknown as BenchModel;
    const a = await trainWithBudget(plain, graphs, join(root, 'plain'), 1e-9, fit, 2);
    expect(await widenCheckpoint(join(root, 'plain'), join(root, 'sc'), conditioned())).toBe(true);
    const b = await trainWithBudget(conditioned, graphs, join(root, 'sc'), 0, fit, 2);
    expect([b.epochs, b.steps]).toEqual([a.epochs, a.steps]);
    // a model with self-conditioning is not widened again into other channels
    const other = new DiscreteFlow({ denoiser: TINY, features, selfConditioning: { spectralPairs: 1 } }) as unknown as BenchModel;
    await expect(widenCheckpoint(join(root, 'sc'), join(root, 'sc1'), other)).rejects.toThrow(/other self-conditioning channels/);
    const batch = collate(graphs.slice(0, 3), { nodeClasses: 1, edgeClasses: 2 });
    const sc = b.model.selfConditioning!;
    const prediction = { x: new Float32Array(batch.batchSize * batch.maxNodes).fill(1), e: new Float32Array(batch.batchSize * batch.maxNodes * batch.maxNodes * 2).map((_, i) => (i % 2 === 0 ? 0.3 : 0.7)) };
    const logits = (m: BenchModel, conditioning?: boolean): number[] => {
      const input = buildDenoiserInput(batch, [0.2, 0.5, 0.8], m.features, conditioning === undefined ? undefined : { nodeDim: sc.nodeDim, edgeDim: sc.edgeDim, globalDim: sc.globalDim, values: sc.compute(batch, conditioning ? prediction : undefined) });
      const out = m.denoiser!.apply(input);
      const r = Array.from(out.e.dataSync());
      tf.dispose([input.x, input.e, input.y, input.nodeMask, out.x, out.e]);
      return r;
    };
    const ref = logits(a.model);
    for (const withPrediction of [false, true]) expect(logits(b.model, withPrediction)).toEqual(ref.map((v) => expect.closeTo(v, 5)));
    const c = await trainWithBudget(conditioned, graphs, join(root, 'sc'), b.cpu + 1e-9, fit, 1);
    expect(c.epochs).toBe(3);
    for (const r of [a, b, c]) r.model.dispose();
  });

  it('warm-starts a run with another training distortion: same weights, same step, then trains on', async () => {
    const graphs = toyGraphs(12, createRng(52));
    const fit = { batchSize: 6, lr: 1e-2, emaDecay: 0.9 };
    const features = { name: 'rrwp' as const, walkSteps: 3 };
    const uniform = (): BenchModel => new DiscreteFlow({ denoiser: TINY, features }) as unknown as BenchModel;
    const dec = (): BenchModel => new DiscreteFlow({ denoiser: TINY, features, trainDistortion: 'polydec' }) as unknown as BenchModel;
    const a = await trainWithBudget(uniform, graphs, join(root, 'uniform'), 1e-9, fit, 2);
    // a plain resume of that checkpoint with the other distortion is refused (it is another model) ...
    await expect(trainWithBudget(dec, graphs, join(root, 'uniform'), 0, fit, 2)).rejects.toThrow(/fingerprint differs at config\.trainDistortion/);
    // ... the warm-start copy is not; a change of anything else still is
    const otherPrior = new DiscreteFlow({ denoiser: TINY, features, trainDistortion: 'polydec', prior: 'uniform' }) as unknown as BenchModel;
    await expect(widenCheckpoint(join(root, 'uniform'), join(root, 'y'), otherPrior)).rejects.toThrow(/differs in more than its features, self-conditioning and training distortion/);
    expect(await widenCheckpoint(join(root, 'uniform'), join(root, 'dec'), dec())).toBe(true);
    const b = await trainWithBudget(dec, graphs, join(root, 'dec'), 0, fit, 2);
    expect([b.epochs, b.steps]).toEqual([a.epochs, a.steps]);
    const wa = a.model.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync()));
    const wb = b.model.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync()));
    expect(wb).toEqual(wa);
    const c = await trainWithBudget(dec, graphs, join(root, 'dec'), b.cpu + 1e-9, fit, 1);
    expect(c.epochs).toBe(3);
    for (const r of [a, b, c]) r.model.dispose();
  });
});
