import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AbortedError, InputError } from '../../../src/core/errors.js';
import { createRng } from '../../../src/core/rng.js';
import { Graph } from '../../../src/graph/Graph.js';
import { permute } from '../../../src/graph/permute.js';
import { loadGenerator } from '../../../src/generators/loadGenerator.js';
import { GwDictionary } from '../../../src/generators/ot/GwDictionary.js';
import { key } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function ring(n: number): Graph {
  return Graph.fromEdgeList(n, Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]));
}
function twoCliques(n: number): Graph {
  const h = n / 2;
  const edges: [number, number][] = [[0, h]];
  for (let i = 0; i < h; i++) for (let j = i + 1; j < h; j++) edges.push([i, j], [h + i, h + j]);
  return Graph.fromEdgeList(n, edges);
}

describe('GwDictionary', () => {
  const rng = createRng(1);
  const train = Array.from({ length: 12 }, (_, s) => {
    const g = s % 2 === 0 ? ring(8) : twoCliques(8);
    return permute(g, rng.permutation(8));
  });

  it('learns atoms that reconstruct the training graphs (loss decreases), deterministic, saves and loads', async () => {
    const a = new GwDictionary({ atoms: 2 });
    const r = await a.fit(train, { epochs: 4, rng: createRng(2) });
    expect(r.losses).toHaveLength(4);
    expect(r.losses[3]).toBeLessThan(r.losses[0]);
    expect(a.atoms).toHaveLength(2);
    // weights separate the two families
    const w = a.weights!;
    const even = w.filter((_, s) => s % 2 === 0).map((x) => x[0]);
    const odd = w.filter((_, s) => s % 2 === 1).map((x) => x[0]);
    const mean = (v: number[]) => v.reduce((p, q) => p + q, 0) / v.length;
    expect(Math.abs(mean(even) - mean(odd))).toBeGreaterThan(0.5);
    const b = new GwDictionary({ atoms: 2 });
    await b.fit(train, { epochs: 4, rng: createRng(2) });
    const sa = await a.sample(6, { rng: createRng(3) });
    const sb = await b.sample(6, { rng: createRng(3) });
    expect(key(sa)).toBe(key(sb));
    expect(sa.every((g) => g.n === 8)).toBe(true);
    expect(sa.every((g) => g.numEdges === 8 || g.numEdges === 13)).toBe(true);
    const other = await a.sample(2, { rng: createRng(3), nodeCounts: [6, 10] });
    expect(other.map((g) => g.n)).toEqual([6, 10]);
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-gwdict-'));
    dirs.push(dir);
    await a.save(dir);
    const loaded = await loadGenerator(dir);
    expect(key(await loaded.sample(6, { rng: createRng(3) }))).toBe(key(sa));
  });

  it('rejects bad input', async () => {
    expect(() => new GwDictionary({ atoms: 0 })).toThrow(/config.atoms/);
    expect(() => new GwDictionary({ lr: -1 })).toThrow(/config.lr/);
    const d = new GwDictionary({ atoms: 3 });
    await expect(d.sample(1, { rng: createRng(0) })).rejects.toThrow(InputError);
    await expect(d.fit(train.slice(0, 2), { rng: createRng(0) })).rejects.toThrow(/config.atoms/);
    await expect(d.fit([Graph.empty(0), ...train], { rng: createRng(0) })).rejects.toThrow(/train\[0\]/);
    const ac = new AbortController();
    ac.abort();
    await expect(d.fit(train, { rng: createRng(0), signal: ac.signal })).rejects.toThrow(AbortedError);
  });
});
