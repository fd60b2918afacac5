import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveDataset, resolveGraphSet, graphFormatOfPath, parseSeedFlag } from '../../src/cli/datasetSpec.js';
import { loadDataset } from '../../src/datasets/index.js';
import { formatGraph6, formatGraphJson } from '../../src/io/index.js';

const root = join(process.cwd(), '..', 'shared', 'datasets');
const opts = { root, argument: '--dataset' };

describe('CLI dataset names', () => {
  it('recipes resolve with their own validity; the seed is honoured', async () => {
    const tree = await resolveDataset('tree', opts);
    expect(tree.validity).toBe('tree');
    expect(tree.meta?.source).toBe('recipe');
    expect(tree.test.length).toBe(40);
    const cs = await resolveDataset('community-small', { ...opts, seed: 3 });
    expect(cs.validity).toBe('none');
    expect(cs.train[0].equals(loadDataset('community-small', { seed: 3 }).train[0])).toBe(true);
    const split = await resolveGraphSet('planar:val', opts);
    expect(split.name).toBe('planar:val');
    expect(split.validity).toBe('planar');
    expect(split.graphs.length).toBe(32);
  });

  it.skipIf(!existsSync(join(root, 'planar')))('shared:<name> and bare benchmark names read the benchmark files', async () => {
    const p = await resolveGraphSet('shared:planar:test', opts);
    expect(p.graphs.length).toBe(40);
    expect(p.validity).toBe('planar');
    const cs = await resolveDataset('community_small', opts);
    expect(cs.name).toBe('shared:community_small');
    expect(cs.test.length).toBe(20);
  });

  it('folders and files of any supported format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-spec-'));
    try {
      const graphs = loadDataset('tree').test.slice(0, 3);
      mkdirSync(join(dir, 'set'));
      writeFileSync(join(dir, 'set', 'train.g6'), formatGraph6(graphs));
      writeFileSync(join(dir, 'g.json'), formatGraphJson(graphs));
      const folder = await resolveDataset(join(dir, 'set'), opts);
      expect(folder.train.length).toBe(3);
      expect(folder.val).toEqual([]);
      expect(folder.meta).toBeNull();
      const json = await resolveGraphSet(join(dir, 'g.json'), opts);
      expect(json.graphs[2].equals(graphs[2])).toBe(true);
      expect(graphFormatOfPath('x.s6')).toBe('sparse6');
      expect(graphFormatOfPath('x.edgelist')).toBe('edgelist');
      expect(graphFormatOfPath('x')).toBe('graph6');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad names give typed errors naming the flag', async () => {
    await expect(resolveDataset('nope', opts)).rejects.toThrow(/--dataset: expected a recipe/);
    await expect(resolveDataset('shared:nope', opts)).rejects.toThrow(/a benchmark name after "shared:"/);
    await expect(resolveGraphSet('/no/such/file.g6', { ...opts, argument: '--reference' })).rejects.toThrow(/--reference: cannot read/);
    expect(() => parseSeedFlag('1.5')).toThrow(/--seed/);
  });
});
