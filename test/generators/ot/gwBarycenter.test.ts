import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AbortedError, FormatError, InputError } from '../../../src/core/errors.js';
import { createRng } from '../../../src/core/rng.js';
import { Graph } from '../../../src/graph/Graph.js';
import { isIsomorphic } from '../../../src/metrics/sample/isIsomorphic.js';
import type { SampleProgressEvent } from '../../../src/generators/common/GraphGenerator.js';
import { loadGenerator } from '../../../src/generators/loadGenerator.js';
import { GwBarycenter } from '../../../src/generators/ot/GwBarycenter.js';
import { cyclesAndPaths, gnp, key } from './helpers.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'graphgen-genot-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('GwBarycenter', () => {
  const train = cyclesAndPaths(30, createRng(1));

  it('samples graphs with the training node-count distribution, deterministic for a seed, with progress', async () => {
    const model = new GwBarycenter({ k: 3 });
    await model.fit(train, { rng: createRng(2) });
    const events: SampleProgressEvent[] = [];
    const a = await model.sample(60, { rng: createRng(3), onProgress: (e) => events.push(e) });
    const b = await model.sample(60, { rng: createRng(3) });
    expect(key(a)).toBe(key(b));
    expect(events.at(-1)).toMatchObject({ done: 60, total: 60 });
    expect(events.some((e) => e.step >= 1 && e.done < 60)).toBe(true);
    const hist = new Map<number, number>();
    for (const g of a) hist.set(g.n, (hist.get(g.n) ?? 0) + 1);
    expect([...hist.keys()].every((n) => n >= 4 && n <= 7)).toBe(true);
    expect(hist.size).toBeGreaterThanOrEqual(3);
    // barycenters of cycles/paths with the mean density: mostly cycles or paths themselves
    const like = a.filter((g) => {
      const degs = Array.from(g.degrees());
      return degs.every((d) => d >= 1 && d <= 2);
    }).length;
    expect(like / a.length).toBeGreaterThan(0.6);
    // given node counts are honoured
    const fixed = await model.sample(3, { rng: createRng(4), nodeCounts: [5, 9, 1] });
    expect(fixed.map((g) => g.n)).toEqual([5, 9, 1]);
  });

  it('with k = 1 and identical node counts it reproduces training graphs', async () => {
    const rng = createRng(5);
    const refs = [gnp(10, 0.3, rng), gnp(10, 0.4, rng)];
    const model = new GwBarycenter({ k: 1 });
    await model.fit(refs, { rng });
    const out = await model.sample(6, { rng });
    for (const g of out) expect(refs.some((r) => isIsomorphic(r, g))).toBe(true);
  });

  it('supports gw and random neighbours, labelled graphs, and saves/loads through loadGenerator', async () => {
    const rng = createRng(6);
    const labelled = Array.from({ length: 8 }, () => {
      const g = gnp(rng.int(5, 9), 0.4, rng);
      return Graph.fromEdgeList(g.n, g.edges(), { nodeLabels: Array.from({ length: g.n }, () => rng.int(0, 2)) });
    });
    for (const neighbors of ['gw', 'random', 'embedding'] as const) {
      const model = new GwBarycenter({ neighbors, nodeClasses: 2, maxIter: 3 });
      const steps: number[] = [];
      await model.fit(labelled, { rng: createRng(7), onProgress: (e) => e.type === 'step' && steps.push(e.step) });
      if (neighbors === 'gw') expect(steps.length).toBe(labelled.length);
      const before = await model.sample(5, { rng: createRng(8) });
      expect(before.every((g) => g.hasNodeLabels || Array.from(g.nodeLabels()).every((l) => l === 0))).toBe(true);
      const dir = tempDir();
      await model.save(dir);
      const loaded = await loadGenerator(dir);
      expect(loaded.kind).toBe('gw-barycenter');
      const after = await loaded.sample(5, { rng: createRng(8) });
      expect(key(after)).toBe(key(before));
    }
  });

  it('rejects bad input and honours abort signals', async () => {
    expect(() => new GwBarycenter({ k: 0 })).toThrow(/config.k/);
    expect(() => new GwBarycenter({ neighbors: 'wl' as never })).toThrow(/config.neighbors/);
    expect(() => new GwBarycenter({ concentration: 0 })).toThrow(/config.concentration/);
    expect(() => new GwBarycenter({ structure: 'x' as never })).toThrow(/config.structure/);
    const model = new GwBarycenter();
    await expect(model.sample(2, { rng: createRng(0) })).rejects.toThrow(InputError);
    await expect(model.save(tempDir())).rejects.toThrow(InputError);
    await expect(model.fit([], { rng: createRng(0) })).rejects.toThrow(/train/);
    await expect(model.fit([Graph.empty(0)], { rng: createRng(0) })).rejects.toThrow(/train\[0\]/);
    await expect(model.fit(train, {} as never)).rejects.toThrow(/options.rng/);
    const labelled = Graph.fromEdgeList(3, [[0, 1]], { nodeLabels: [0, 2, 1] });
    await expect(model.fit([labelled], { rng: createRng(0) })).rejects.toThrow(/node labels/);
    await model.fit(train, { rng: createRng(0) });
    await expect(model.sample(-1, { rng: createRng(0) })).rejects.toThrow(/count/);
    await expect(model.sample(2, { rng: createRng(0), nodeCounts: [3] })).rejects.toThrow(/nodeCounts/);
    await expect(model.sample(1, { rng: createRng(0), nodeCounts: [0.5] })).rejects.toThrow(/nodeCounts\[0\]/);
    const ac = new AbortController();
    ac.abort();
    await expect(model.sample(2, { rng: createRng(0), signal: ac.signal })).rejects.toThrow(AbortedError);
    const gwModel = new GwBarycenter({ neighbors: 'gw' });
    await expect(gwModel.fit(train, { rng: createRng(0), signal: ac.signal })).rejects.toThrow(AbortedError);
    const dir = tempDir();
    writeFileSync(join(dir, 'generator.json'), JSON.stringify({ format: 'graphgen-generator', version: 1, kind: 'gw-barycenter', config: {}, state: { graphs: [] } }));
    await expect(loadGenerator(dir)).rejects.toThrow(FormatError);
  });
});
