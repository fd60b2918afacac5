import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_NAMES, datasetStats, gridGraph, loadBenchmark, loadGraph6Folder, type BenchmarkName } from '../../src/datasets/index.js';
import { formatGraph6, parseGraph6 } from '../../src/io/index.js';
import { checkRoundTrips } from './roundTrip.js';

const root = fileURLToPath(new URL('../../../shared/datasets', import.meta.url));
const present = existsSync(`${root}/README.md`);
if (!present) console.warn(`test/datasets/shared.test.ts: skipped, the benchmark files are not at ${root}`);

type Row = [graphs: number, nMin: number, nMax: number, nMean: number, mMin: number, mMax: number, mMean: number, connected: number, sha256: string];
/** The per-split tables of ../shared/datasets/README.md. */
const EXPECTED: Record<BenchmarkName, Partial<Record<'train' | 'val' | 'test', Row>>> = {
  planar: {
    train: [128, 64, 64, 64.0, 173, 181, 177.83, 128, '76ebfb41fb28d8a50ec06f1a707cd44d26bf006ac05fb89f2896102b81bf9fee'],
    val: [32, 64, 64, 64.0, 174, 181, 177.75, 32, '7f327945a629e34623894d80d1b62bc56dd3a1ec9543f2cc45da0dad93cd0822'],
    test: [40, 64, 64, 64.0, 174, 181, 177.93, 40, 'c1c8522a271abe9293d78ff1920d40465febd1f1d48c18931abca228b9a88262'],
  },
  sbm: {
    train: [128, 44, 187, 105.99, 129, 1129, 512.51, 127, '4bdc088dc37119a256a970dc9250452eaa4571b103089b83d507c447413783ab'],
    val: [32, 49, 162, 91.28, 183, 857, 425.19, 30, '13d0250dbbd9920e4df4b098622ea4356962e17d0cd24cc1d41bf5f775fb8808'],
    test: [40, 54, 174, 107.85, 210, 972, 521.88, 39, '776bb42f92c39916242e0c6cc70ccaca1d95b55ce57424509bf1375effc96317'],
  },
  tree: {
    train: [128, 64, 64, 64.0, 63, 63, 63.0, 128, '9786fd1808e461bb459c5a8f6a49f42182496ee1f5ccfd70995db01be0aead44'],
    val: [32, 64, 64, 64.0, 63, 63, 63.0, 32, '41543e23ec6fbcfc3c3fe070abf519b16485660c00d7ac45e6dd80da613f63b7'],
    test: [40, 64, 64, 64.0, 63, 63, 63.0, 40, '0c34e4d7f33f569190e5ede94423667fdabdac5b8e7941dd13b461b250a1218a'],
  },
  community_small: {
    train: [80, 12, 20, 15.32, 21, 60, 35.3, 80, 'dc76323ecbd14e4a7af922e40d3b1d2ec619944e6d0dcbc86bdab15de9f32144'],
    test: [20, 12, 20, 15.1, 21, 60, 34.55, 20, '0e8035ae4e31b5c84437e18760e6e7bcf5151380c588cf2d6c28d5f98ad81751'],
  },
  community_small_spectre: {
    train: [64, 12, 20, 15.41, 21, 61, 35.73, 64, 'e4fef5d4eb7f77cf249099bddfa3ed3d8f718745fef0289bae8e672db4ffd2b7'],
    val: [16, 14, 20, 17.5, 26, 60, 46.12, 16, '2c50874bffd460b0abff39101d1e7ba1645ad7589259cdff7bfbb384b1571cbf'],
    test: [20, 12, 20, 15.2, 21, 60, 33.8, 20, '0b7a109710bcbd014136462acb39d3c032ad45e61bdde7bd36b2cc9605f6ec7b'],
  },
  ego_small: {
    train: [160, 4, 16, 6.28, 3, 66, 8.54, 160, 'da50f39efc4eaee549d9f36fe44f7d18a390f01c002aa271279161fe6b3a9119'],
    test: [40, 4, 17, 6.92, 3, 55, 9.3, 40, 'ee1f405542d82c1d472ffbc40b91e921c25e6a36718eff42d501589c5a340769'],
  },
  enzymes: {
    train: [470, 10, 125, 32.92, 17, 149, 62.9, 449, '01a9be1fbd6457dbb574265a33d943f5dd02b25fa6e1f9a3d89c454d37dfa82a'],
    test: [117, 10, 95, 33.47, 16, 133, 64.77, 113, '82f6be0aa193a0bcf972923ae7ed7970b962e309bce634e5a34efa55e95621cf'],
  },
  grid: {
    train: [80, 110, 342, 212.18, 199, 647, 395.16, 80, 'a552ed548a95d137647753e341d797b43b7e778396a9577c47c4e749ca49cc02'],
    test: [20, 121, 361, 233.25, 220, 684, 436.0, 20, 'da356aa31a4adfa4ba5214fa74857cefb5ee920df91acb95d9e6c5f84cba416a'],
  },
};

describe.skipIf(!present)(`benchmark files in ../shared/datasets${present ? '' : ' (skipped: folder not found)'}`, () => {
  for (const name of BENCHMARK_NAMES) {
    it(`${name}: sizes, node/edge stats, connectivity and sha256 equal the README`, async () => {
      const data = await loadBenchmark(name, { root });
      for (const split of ['train', 'val', 'test'] as const) {
        const row = EXPECTED[name][split];
        if (row === undefined) {
          expect(data[split]).toEqual([]);
          continue;
        }
        const s = datasetStats(data[split]);
        // Means are printed with 2 decimals in the README (Python rounding): compare within 0.005.
        const near = (x: number, y: number): number => (Math.abs(x - y) <= 0.005 + 1e-9 ? y : x);
        const actual: Row = [s.graphs, s.nodes.min, s.nodes.max, near(s.nodes.mean, row[3]), s.edges.min, s.edges.max, near(s.edges.mean, row[6]), s.connected, ''];
        const bytes = readFileSync(`${root}/${name}/${split}.g6`);
        actual[8] = createHash('sha256').update(bytes).digest('hex');
        expect(actual, `${name}/${split}`).toEqual(row);
        // Re-formatting reproduces networkx's bytes exactly.
        expect(formatGraph6(data[split]) === bytes.toString('latin1'), `${name}/${split} re-format`).toBe(true);
      }
      expect(data.meta).toMatchObject({ name, source: 'benchmark', split: name === 'community_small' || name === 'ego_small' || name === 'enzymes' || name === 'grid' ? 'gdss' : 'files' });
    });
    it(`${name}: exact round trips (graph6, sparse6, JSON, edge list, graphology, collate/uncollate)`, async () => {
      const data = await loadBenchmark(name, { root });
      checkRoundTrips(name, [...data.train, ...data.val, ...data.test]);
    });
  }
  it('grid graphs are exactly row-major i x j grids', async () => {
    const { train, test } = await loadBenchmark('grid', { root });
    for (const g of [...train, ...test]) {
      const cols = g.neighbors(0)[1];
      expect(g.equals(gridGraph(g.n / cols, cols))).toBe(true);
    }
  });
  it('community_small_spectre: split_indices.json selects the splits from all.g6', async () => {
    const all = parseGraph6(readFileSync(`${root}/community_small_spectre/all.g6`, 'latin1'));
    const idx = JSON.parse(readFileSync(`${root}/community_small_spectre/split_indices.json`, 'utf8')) as Record<string, number[]>;
    const data = await loadBenchmark('community_small_spectre', { root });
    for (const split of ['train', 'val', 'test'] as const) {
      idx[split].forEach((i, k) => expect(all[i].equals(data[split][k])).toBe(true));
    }
  });
  it('loadGraph6Folder reads a benchmark folder by file name', async () => {
    const files = await loadGraph6Folder(`${root}/community_small_spectre`);
    expect([...files.keys()]).toEqual(['all', 'test', 'train', 'val']);
    expect(files.get('all')?.length).toBe(100);
  });
});

describe.skipIf(!present)('QM9 SMILES benchmark files', () => {
  it('133,885 molecules, 13,082 GDSS test indices (0-based), train = the other 120,803', async () => {
    const { loadQm9Smiles } = await import('../../src/datasets/index.js');
    const { train, test, testIndices } = await loadQm9Smiles({ root });
    expect(test.length).toBe(13082);
    expect(train.length).toBe(120803);
    expect(Math.min(...testIndices)).toBe(6);
    expect(Math.max(...testIndices)).toBe(133841);
  });
});
