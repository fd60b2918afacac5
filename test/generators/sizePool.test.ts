import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { epochBatches, pooledLossScales } from '../../src/generators/common/epochBatches.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { TINY } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'graphgen-pool-'));
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Padded pair work of an epoch: each batch pads to its largest graph. */
const paddedWork = (batches: number[][], sizes: number[]): number => batches.reduce((a, b) => a + b.length * Math.max(...b.map((i) => sizes[i])) ** 2, 0);

describe('size-pooled batching (FitOptions.sizePool)', () => {
  const sizes = Array.from({ length: 103 }, (_, i) => 5 + ((i * 37) % 60));

  it('sizePool 1 is the plain shuffled order and draws exactly one permutation', () => {
    const a = createRng(3);
    const b = createRng(3);
    const batches = epochBatches(sizes, 8, 1, a);
    const perm = Array.from(b.permutation(sizes.length));
    expect(batches.flat()).toEqual(perm);
    expect(batches.map((x) => x.length)).toEqual([...Array(12).fill(8), 7]);
    expect(a.uniform()).toBe(b.uniform()); // same stream afterwards
  });

  it('pools visit every graph once, sort each pool by size and cut the padded work', () => {
    const batches = epochBatches(sizes, 8, 4, createRng(5));
    expect(batches.flat().sort((x, y) => x - y)).toEqual(sizes.map((_, i) => i));
    for (const b of batches) for (let k = 1; k < b.length; k++) expect(sizes[b[k]]).toBeGreaterThanOrEqual(sizes[b[k - 1]]);
    // 13 batches: 3 pools of 32 graphs (4 full batches each) and one pool of 7
    expect(batches.map((b) => b.length).sort((x, y) => x - y)).toEqual([7, ...Array(12).fill(8)]);
    let plain = 0;
    let pooled = 0;
    for (let seed = 0; seed < 20; seed++) {
      plain += paddedWork(epochBatches(sizes, 8, 1, createRng(seed)), sizes);
      pooled += paddedWork(epochBatches(sizes, 8, 4, createRng(seed)), sizes);
    }
    const ideal = 20 * sizes.reduce((a, n) => a + n * n, 0);
    expect(pooled / ideal).toBeLessThan(0.8 * (plain / ideal));
    expect(epochBatches(sizes, 8, 4, createRng(5))).toEqual(batches); // same seed, same batches
    expect(epochBatches(sizes, 8, 4, createRng(6))).not.toEqual(batches);
  });

  it('trains deterministically with pools, resumes bit for bit, and refuses a bad pool', async () => {
    const rng = createRng(8);
    const train = Array.from({ length: 40 }, () => {
      const n = rng.int(3, 12);
      return Graph.fromEdgeList(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]));
    });
    const opts = { batchSize: 4, sizePool: 3, lr: 2e-3 };
    const full = new DiscreteFlow({ denoiser: TINY });
    const rFull = await full.fit(train, { ...opts, epochs: 3, rng: createRng(9) });
    const dir = join(root, 'run');
    const first = new DiscreteFlow({ denoiser: TINY });
    await first.fit(train, { ...opts, epochs: 2, rng: createRng(9), checkpointDir: dir });
    const resumed = new DiscreteFlow({ denoiser: TINY });
    const r = await resumed.fit(train, { ...opts, epochs: 3, rng: createRng(9), checkpointDir: dir, resume: true });
    expect(r.resumedFromEpoch).toBe(2);
    expect(r.losses).toEqual(rFull.losses);
    const w = (m: DiscreteFlow) => m.denoiser!.trainableVariables().map((v) => Array.from(v.dataSync()));
    expect(w(resumed)).toEqual(w(full));
    // pools change the batches, hence the run
    const plain = new DiscreteFlow({ denoiser: TINY });
    const rPlain = await plain.fit(train, { ...opts, sizePool: 1, epochs: 3, rng: createRng(9) });
    expect(rPlain.losses).not.toEqual(rFull.losses);
    for (const bad of [0, 1.5, -2]) await expect(plain.fit(train, { ...opts, sizePool: bad, epochs: 1, rng: createRng(0) })).rejects.toThrow(/options\.sizePool/);
    for (const m of [full, first, resumed, plain]) m.dispose();
  });
});

describe('size-sorted sampling (DenoisingSampleOptions.sizeSorted)', () => {
  it('samples the sorted batches and returns the graphs in the order of their node counts', async () => {
    const rng = createRng(12);
    const train = Array.from({ length: 24 }, () => {
      const n = rng.int(3, 10);
      return Graph.fromEdgeList(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]));
    });
    const model = new DiscreteFlow({ denoiser: TINY });
    await model.fit(train, { epochs: 1, batchSize: 8, rng: createRng(1) });
    const counts = [9, 3, 7, 3, 12, 5, 4];
    const a = await model.sample(counts.length, { nodeCounts: counts, sizeSorted: true, batchSize: 3, steps: 3, eta: 10, rng: createRng(5) });
    expect(a.map((g) => g.n)).toEqual(counts);
    // the same as sampling the sorted counts without the option, then putting each graph back in its place
    const order = counts.map((_, i) => i).sort((i, j) => counts[i] - counts[j]);
    const b = await model.sample(counts.length, { nodeCounts: order.map((i) => counts[i]), batchSize: 3, steps: 3, eta: 10, rng: createRng(5) });
    const key = (g: Graph) => `${g.n}:${g.edges().join(';')}`;
    order.forEach((i, k) => expect(key(a[i])).toBe(key(b[k])));
    // drawn counts: same seed, same graphs; and the same sizes as the unsorted run
    const c1 = await model.sample(10, { sizeSorted: true, batchSize: 4, steps: 2, rng: createRng(7) });
    const c2 = await model.sample(10, { sizeSorted: true, batchSize: 4, steps: 2, rng: createRng(7) });
    const plain = await model.sample(10, { batchSize: 4, steps: 2, rng: createRng(7) });
    expect(c1.map(key)).toEqual(c2.map(key));
    expect(c1.map((g) => g.n)).toEqual(plain.map((g) => g.n));
    model.dispose();
  });
});

describe('pooledLossScales', () => {
  it('gives every node pair of the epoch the same weight and averages to 1', () => {
    const sizes = Array.from({ length: 50 }, (_, i) => 3 + ((i * 29) % 40));
    const batches = epochBatches(sizes, 6, 4, createRng(2));
    const scales = pooledLossScales(batches, sizes);
    const pairs = batches.map((b) => b.reduce((a, i) => a + sizes[i] * (sizes[i] - 1), 0));
    const perPair = scales.map((s, k) => s / pairs[k]);
    for (const w of perPair) expect(w).toBeCloseTo(perPair[0], 12);
    expect(scales.reduce((a, x) => a + x, 0) / scales.length).toBeCloseTo(1, 12);
    expect(Math.max(...scales) / Math.min(...scales)).toBeGreaterThan(2); // sorted pools differ a lot in size
    expect(pooledLossScales([[0], [1, 2]], [1, 1, 1])).toEqual([1, 1]); // no pairs: unscaled
  });
});
