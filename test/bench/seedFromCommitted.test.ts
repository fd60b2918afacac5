import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { seedFromCommitted, trainWithBudget, type BenchModel } from '../../bench/trainWithBudget.js';
import { TINY, toyGraphs } from '../generators/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'graphgen-seed-'));
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('seedFromCommitted (bench runs resume from committed checkpoints on a new machine)', () => {
  it('seeds an empty run folder exactly, never replaces a checkpoint, and refuses a checkpoint without its CPU minutes', async () => {
    const graphs = toyGraphs(10, createRng(60));
    const fit = { batchSize: 5, lr: 1e-2, emaDecay: 0.9 };
    const make = (): BenchModel => new DiscreteFlow({ denoiser: TINY, features: { name: 'rrwp', walkSteps: 3 } }) as unknown as BenchModel;
    const a = await trainWithBudget(make, graphs, join(root, 'old', 'run-x'), 1e-9, fit, 3);
    a.model.dispose();
    const committed = join(root, 'committed');
    mkdirSync(committed);
    const json = readFileSync(join(root, 'old', 'run-x', 'checkpoint.json'));
    writeFileSync(join(committed, 'run-x.json.gz'), gzipSync(json));
    writeFileSync(join(committed, 'run-x.cpu-minutes.txt'), '12.5');
    const dir = join(root, 'new', 'run-x');
    expect(await seedFromCommitted(join(root, 'new', 'run-y'), committed)).toBe(false); // nothing committed under that name
    expect(await seedFromCommitted(dir, committed)).toBe(true);
    expect(readFileSync(join(dir, 'checkpoint.json')).equals(json)).toBe(true);
    expect(readFileSync(join(dir, 'cpu-minutes.txt'), 'utf8')).toBe('12.5');
    expect(await seedFromCommitted(dir, committed)).toBe(false); // already there: left alone
    const b = await trainWithBudget(make, graphs, dir, 12.5, fit, 3); // the committed budget is spent: restore only
    expect([b.epochs, b.steps]).toEqual([a.epochs, a.steps]);
    expect(b.cpu).toBe(12.5); // restoring for an evaluation is not counted as training
    expect(readFileSync(join(dir, 'cpu-minutes.txt'), 'utf8')).toBe('12.5');
    b.model.dispose();
    writeFileSync(join(committed, 'run-z.json.gz'), gzipSync(json));
    await expect(seedFromCommitted(join(root, 'new', 'run-z'), committed)).rejects.toThrow(/run-z\.cpu-minutes\.txt/);
  });
});
