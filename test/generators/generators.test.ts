import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { Adam } from '../../src/nn/Adam.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { guardedStep } from '../../src/generators/common/guardedStep.js';
import { DiscreteDiffusion } from '../../src/generators/diffusion/DiscreteDiffusion.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { ErdosRenyi } from '../../src/generators/baselines/ErdosRenyi.js';
import { StochasticBlockModel } from '../../src/generators/baselines/StochasticBlockModel.js';
import { loadGenerator } from '../../src/generators/loadGenerator.js';
import type { FitProgressEvent } from '../../src/generators/common/GraphGenerator.js';
import { TINY, toyGraphs } from './helpers.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'graphgen-gen-'));
  dirs.push(d);
  return d;
}
const key = (gs: Graph[]) => gs.map((g) => `${g.n}:${g.edges().join(';')}`).join('|');

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('DiscreteFlow and DiscreteDiffusion', () => {
  const train = toyGraphs(32, createRng(1));

  it('training decreases the loss on a toy distribution (flow)', async () => {
    const model = new DiscreteFlow({ denoiser: TINY });
    const r = await model.fit(train, { epochs: 12, batchSize: 16, lr: 3e-3, rng: createRng(2) });
    expect(r.steps).toBe(24);
    expect(r.skippedSteps).toBe(0);
    const first = (r.losses[0] + r.losses[1]) / 2;
    const last = (r.losses[10] + r.losses[11]) / 2;
    expect(last).toBeLessThan(first * 0.8);
    model.dispose();
  });

  it('is deterministic for a seed, samples symmetric graphs with the training node counts, and does not leak tensors', async () => {
    for (const Model of [DiscreteDiffusion, DiscreteFlow]) {
      const a = new Model({ denoiser: TINY });
      const b = new Model({ denoiser: TINY });
      await a.fit(train, { epochs: 2, batchSize: 16, rng: createRng(3) });
      await b.fit(train, { epochs: 2, batchSize: 16, rng: createRng(3) });
      const before = tf.memory().numTensors;
      await a.fit(train, { epochs: 1, batchSize: 16, rng: createRng(4) });
      const sa = await a.sample(40, { steps: 3, rng: createRng(5), batchSize: 16 });
      expect(tf.memory().numTensors).toBe(before);
      await b.fit(train, { epochs: 1, batchSize: 16, rng: createRng(4) });
      const sb = await b.sample(40, { steps: 3, rng: createRng(5), batchSize: 16 });
      expect(key(sa)).toBe(key(sb));
      // node counts come from the training distribution (4..7, roughly uniform)
      const counts = sa.map((g) => g.n);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(4);
      expect(Math.max(...counts)).toBeLessThanOrEqual(7);
      expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
      // given node counts are respected; graphs are simple and symmetric by construction (Graph validates)
      const given = await a.sample(3, { steps: 2, rng: createRng(6), nodeCounts: [5, 9, 0] });
      expect(given.map((g) => g.n)).toEqual([5, 9, 0]);
      for (const g of sa) for (const [u, v] of g.edges()) expect(g.hasEdge(v, u)).toBe(true);
      a.dispose();
      b.dispose();
    }
  });

  it('save/load round trip gives identical samples (loadGenerator dispatches on kind)', async () => {
    const model = new DiscreteDiffusion({ denoiser: TINY, trainSteps: 50 });
    await model.fit(train, { epochs: 1, batchSize: 16, rng: createRng(7) });
    const dir = tempDir();
    await model.save(dir);
    expect(readdirSync(dir).sort()).toEqual(['generator.json', 'weights.bin', 'weights.json']);
    const loaded = await loadGenerator(dir);
    expect(loaded.kind).toBe('digress');
    const s1 = await model.sample(6, { steps: 4, rng: createRng(8) });
    const s2 = await loaded.sample(6, { steps: 4, rng: createRng(8) });
    expect(key(s1)).toBe(key(s2));
    model.dispose();
    loaded.dispose();
  });

  it('resumes after an abort with weights identical to an uninterrupted run', async () => {
    const opts = { batchSize: 16, lr: 2e-3, rng: createRng(9) };
    const full = new DiscreteFlow({ denoiser: TINY });
    const rFull = await full.fit(train, { ...opts, epochs: 4, rng: createRng(9) });
    const dir = tempDir();
    const ctrl = new AbortController();
    const killed = new DiscreteFlow({ denoiser: TINY });
    const events: FitProgressEvent[] = [];
    await expect(
      killed.fit(train, {
        ...opts,
        rng: createRng(9),
        epochs: 4,
        checkpointDir: dir,
        signal: ctrl.signal,
        onProgress: (e) => {
          events.push(e);
          if (e.type === 'epoch' && e.epoch === 2) ctrl.abort();
        },
      }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(events.some((e) => e.type === 'checkpoint' && e.epoch === 2)).toBe(true);
    expect(readdirSync(dir)).toEqual(['checkpoint.json']);
    killed.dispose();
    // the same config written with its keys in another order is the same model
    const resumed = new DiscreteFlow({ denoiser: Object.fromEntries(Object.entries(TINY).reverse()) });
    const r = await resumed.fit(train, { ...opts, rng: createRng(9), epochs: 4, checkpointDir: dir, resume: true });
    expect(r.resumedFromEpoch).toBe(2);
    expect(r.steps).toBe(rFull.steps);
    expect(r.losses).toEqual(rFull.losses);
    const wa = full.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync()));
    const wb = resumed.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync()));
    expect(wb).toEqual(wa);
    // a checkpoint of another model is refused
    const other = new DiscreteFlow({ denoiser: { ...TINY, hiddenX: 8 } });
    await expect(other.fit(train, { ...opts, epochs: 5, checkpointDir: dir, resume: true })).rejects.toThrow(/fingerprint differs at config\.denoiser\.hiddenX: \d+ in the checkpoint, 8 here/);
    full.dispose();
    resumed.dispose();
    other.dispose();
  });

  it('trains with a distorted time distribution (config.trainDistortion), kept by save/load and by the checkpoint identity', async () => {
    expect(() => new DiscreteFlow({ trainDistortion: 'square' as never })).toThrow(/config\.trainDistortion/);
    const opts = { batchSize: 16, lr: 2e-3, epochs: 2 };
    const plain = new DiscreteFlow({ denoiser: TINY });
    const explicit = new DiscreteFlow({ denoiser: TINY, trainDistortion: 'identity' });
    const dec = new DiscreteFlow({ denoiser: TINY, trainDistortion: 'polydec' });
    const rPlain = await plain.fit(train, { ...opts, rng: createRng(21) });
    const rExplicit = await explicit.fit(train, { ...opts, rng: createRng(21) });
    const dir = tempDir();
    const rDec = await dec.fit(train, { ...opts, rng: createRng(21), checkpointDir: dir });
    expect(rExplicit.losses).toEqual(rPlain.losses); // identity is the default
    expect(rDec.losses).not.toEqual(rPlain.losses); // same seed, other training times
    // the option is part of the model: saved, loaded, and a resume with another value is refused
    const out = tempDir();
    await dec.save(out);
    const loaded = await loadGenerator(out);
    expect((loaded as DiscreteFlow).config.trainDistortion).toBe('polydec');
    const again = new DiscreteFlow({ denoiser: TINY, trainDistortion: 'polydec' });
    expect((await again.fit(train, { ...opts, epochs: 3, rng: createRng(21), checkpointDir: dir, resume: true })).resumedFromEpoch).toBe(2);
    const other = new DiscreteFlow({ denoiser: TINY });
    await expect(other.fit(train, { ...opts, epochs: 3, rng: createRng(21), checkpointDir: dir, resume: true })).rejects.toThrow(/fingerprint differs at config\.trainDistortion: "polydec" in the checkpoint/);
    for (const m of [plain, explicit, dec, loaded, again, other]) m.dispose();
  });

  it('takes a learning-rate schedule called with the global step, continued across a resume', async () => {
    const seen: number[] = [];
    const schedule = (s: number): number => {
      seen.push(s);
      return 2e-3 * 0.9 ** s;
    };
    const opts = { batchSize: 16, lr: schedule, rng: createRng(4) };
    const dir = tempDir();
    const a = new DiscreteFlow({ denoiser: TINY });
    const r1 = await a.fit(train, { ...opts, epochs: 1, checkpointDir: dir });
    expect(seen).toEqual(Array.from({ length: r1.steps }, (_, i) => i));
    a.dispose();
    seen.length = 0;
    const b = new DiscreteFlow({ denoiser: TINY });
    const r2 = await b.fit(train, { ...opts, rng: createRng(4), epochs: 2, checkpointDir: dir, resume: true });
    expect(seen).toEqual(Array.from({ length: r2.steps - r1.steps }, (_, i) => r1.steps + i));
    // one uninterrupted run with the same schedule gives the same weights
    const c = new DiscreteFlow({ denoiser: TINY });
    await c.fit(train, { ...opts, rng: createRng(4), epochs: 2 });
    expect(b.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync()))).toEqual(c.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync())));
    // a schedule that decays differently changes the weights (the schedule is really used)
    const d = new DiscreteFlow({ denoiser: TINY });
    await d.fit(train, { ...opts, lr: () => 2e-3, rng: createRng(4), epochs: 2 });
    expect(d.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync()))).not.toEqual(c.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync())));
    // a bad value names the step
    const e = new DiscreteFlow({ denoiser: TINY });
    await expect(e.fit(train, { ...opts, lr: (s: number) => (s < 1 ? 1e-3 : Number.NaN), rng: createRng(4), epochs: 1 })).rejects.toThrow(/options\.lr\(1\)/);
    await expect(e.fit(train, { ...opts, lr: -1, rng: createRng(4), epochs: 1 })).rejects.toThrow(/options\.lr/);
    for (const m of [b, c, d, e]) m.dispose();
  });

  it('validates every k epochs with the EMA weights in place', async () => {
    const model = new DiscreteFlow({ denoiser: TINY });
    const seen: number[] = [];
    const r = await model.fit(train, {
      epochs: 4,
      batchSize: 16,
      rng: createRng(10),
      val: train.slice(0, 4),
      validateEvery: 2,
      validate: async (gen, val) => {
        const gs = await gen.sample(val!.length, { steps: 2, rng: createRng(0) });
        seen.push(gs.length);
        return { meanEdges: gs.reduce((s, g) => s + g.numEdges, 0) / gs.length };
      },
    });
    expect(seen).toEqual([4, 4]);
    expect(r.validation.map((v) => v.epoch)).toEqual([2, 4]);
    model.dispose();
  });

  it('supports DeFoG sampling options and abort during sampling', async () => {
    const model = new DiscreteFlow({ denoiser: TINY, prior: 'absorbing' });
    await model.fit(train, { epochs: 1, batchSize: 32, rng: createRng(11) });
    const gs = await model.sample(4, { steps: 5, eta: 5, omega: 0.1, distortion: 'cos', rng: createRng(12) });
    expect(gs).toHaveLength(4);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(model.sample(4, { steps: 5, rng: createRng(1), signal: ctrl.signal })).rejects.toBeInstanceOf(AbortedError);
    await expect(model.sample(4, { steps: 5, distortion: 'bogus' as 'cos', rng: createRng(1) })).rejects.toThrow(/distortion/);
    model.dispose();
  });

  it('takes a separate node prior (absorbing edges, marginal atoms) and keeps it through save/load', async () => {
    type WithProcess = { createProcess(m: { x: Float64Array; e: Float64Array }): { prior(part: 'x' | 'e'): Float64Array } };
    const m = { x: Float64Array.of(0.7, 0.2, 0.1), e: Float64Array.of(0.8, 0.15, 0.05) };
    const mixed = new DiscreteFlow({ denoiser: TINY, nodeClasses: 3, edgeClasses: 3, prior: 'absorbing', nodePrior: 'marginal' });
    const p = (mixed as unknown as WithProcess).createProcess(m);
    const close = (a: Float64Array, b: number[]): void => b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 12));
    close(p.prior('x'), [0.7, 0.2, 0.1]);
    expect(Array.from(p.prior('e'))).toEqual([1, 0, 0]);
    // absent: the nodes follow `prior`, as before the option existed
    const plain = (new DiscreteFlow({ denoiser: TINY, nodeClasses: 3, edgeClasses: 3, prior: 'absorbing' }) as unknown as WithProcess).createProcess(m);
    expect(Array.from(plain.prior('x'))).toEqual([1, 0, 0]);
    const uniformNodes = (new DiscreteFlow({ denoiser: TINY, nodeClasses: 3, edgeClasses: 3, nodePrior: 'uniform' }) as unknown as WithProcess).createProcess(m);
    close(uniformNodes.prior('x'), [1 / 3, 1 / 3, 1 / 3]);
    close(uniformNodes.prior('e'), [0.8, 0.15, 0.05]);
    expect(() => new DiscreteFlow({ nodePrior: 'bogus' as 'marginal' })).toThrow(/config\.nodePrior/);
    const model = new DiscreteFlow({ denoiser: TINY, prior: 'absorbing', nodePrior: 'marginal' });
    await model.fit(train, { epochs: 1, batchSize: 32, rng: createRng(13) });
    const dir = tempDir();
    await model.save(dir);
    const back = await loadGenerator(dir);
    expect((back as DiscreteFlow).config.nodePrior).toBe('marginal');
    expect((back as DiscreteFlow).config.prior).toBe('absorbing');
    expect(await back.sample(3, { steps: 4, rng: createRng(2) })).toEqual(await model.sample(3, { steps: 4, rng: createRng(2) }));
    model.dispose();
    back.dispose();
  });

  it('rejects bad input', async () => {
    const model = new DiscreteDiffusion({ denoiser: TINY });
    await expect(model.sample(2, { rng: createRng(0) })).rejects.toThrow(/fitted/);
    await expect(model.fit([], { rng: createRng(0) })).rejects.toThrow(/train/);
    await expect(model.fit([{} as Graph], { rng: createRng(0) })).rejects.toThrow(/train\[0\]/);
    await expect(model.fit([Graph.fromEdgeList(2, [[0, 1]], { edgeLabels: [3] })], { rng: createRng(0) })).rejects.toThrow(/edge label/);
    await expect(model.fit(train, { rng: createRng(0), epochs: -1 })).rejects.toThrow(/epochs/);
    await expect(model.fit(train, { rng: createRng(0), resume: true })).rejects.toThrow(/checkpointDir/);
    expect(() => new DiscreteDiffusion({ transition: 'bogus' as 'uniform' })).toThrow(/transition/);
    expect(() => new DiscreteFlow({ nodeClasses: 0 })).toThrow(/nodeClasses/);
    await model.fit(train, { epochs: 1, rng: createRng(0) });
    await expect(model.sample(2, { rng: createRng(0), steps: 0 })).rejects.toThrow(/steps/);
    await expect(model.sample(2, { rng: createRng(0), nodeCounts: [3] })).rejects.toThrow(/nodeCounts/);
    await expect(model.sample(-1, { rng: createRng(0) })).rejects.toThrow(/count/);
    const dir = tempDir();
    writeFileSync(join(dir, 'generator.json'), '{"format":"nope"}');
    await expect(loadGenerator(dir)).rejects.toThrow(/graphgen-generator/);
    await expect(loadGenerator(join(dir, 'missing'))).rejects.toThrow(/cannot read/);
    model.dispose();
  });
});

describe('guardedStep', () => {
  it('skips non-finite losses without touching the weights', () => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    const adam = new Adam({ learningRate: 0.1, clipNorm: 1 });
    const r = guardedStep(() => tf.sum(tf.mul(v, Number.NaN)) as tf.Scalar, [v], adam);
    expect(r.applied).toBe(false);
    expect(r.reason).toMatch(/non-finite/);
    expect(Array.from(v.dataSync())).toEqual([1, 2]);
    const ok = guardedStep(() => tf.sum(tf.square(v)) as tf.Scalar, [v], adam);
    expect(ok.applied).toBe(true);
    expect(v.dataSync()[0]).toBeLessThan(1);
    adam.dispose();
    v.dispose();
  });
});

describe('baselines', () => {
  it('Erdos-Renyi matches the training density and round-trips', async () => {
    const train = toyGraphs(40, createRng(1));
    const er = new ErdosRenyi();
    await er.fit(train);
    const m = train.reduce((s, g) => s + g.numEdges, 0);
    const pairs = train.reduce((s, g) => s + (g.n * (g.n - 1)) / 2, 0);
    expect(er.p).toBeCloseTo(m / pairs, 12);
    const dir = tempDir();
    await er.save(dir);
    const back = await loadGenerator(dir);
    expect(key(await back.sample(5, { rng: createRng(2) }))).toBe(key(await er.sample(5, { rng: createRng(2) })));
    await expect(new ErdosRenyi().sample(1, { rng: createRng(0) })).rejects.toThrow(/fitted/);
  });
  it('the SBM recovers two dense communities with a sparse bridge', async () => {
    const rng = createRng(3);
    const train: Graph[] = [];
    for (let k = 0; k < 10; k++) {
      const half = 8;
      const edges: [number, number][] = [];
      for (let i = 0; i < 2 * half; i++) for (let j = i + 1; j < 2 * half; j++) if (Math.floor(i / half) === Math.floor(j / half) && rng.uniform() < 0.8) edges.push([i, j]);
      edges.push([0, half]);
      train.push(Graph.fromEdgeList(2 * half, edges));
    }
    const sbm = new StochasticBlockModel();
    await sbm.fit(train, { rng: createRng(4) });
    const p = sbm.parameters!;
    expect(p.pIn).toBeGreaterThan(0.6);
    expect(p.pOut).toBeLessThan(0.05);
    expect(p.profiles.every((pr) => pr.length === 2)).toBe(true);
    const gs = await sbm.sample(5, { rng: createRng(5) });
    expect(gs.every((g) => g.n === 16)).toBe(true);
    const dir = tempDir();
    await sbm.save(dir);
    const back = await loadGenerator(dir);
    expect(key(await back.sample(3, { rng: createRng(6) }))).toBe(key(await sbm.sample(3, { rng: createRng(6) })));
  });
});
