import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FormatError, InputError, IoError } from '../../src/core/errors.js';
import { Graph } from '../../src/graph/Graph.js';
import { loadBenchmark, loadEdgeListFiles, loadGraph6Folder, loadTuDataset, parseTuDataset } from '../../src/datasets/index.js';
import { formatEdgeList, formatGraph6, formatSparse6 } from '../../src/io/index.js';
import { formatError } from '../helpers/expectFormatError.js';

const dir = mkdtempSync(join(tmpdir(), 'graphgen-loaders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejectsWith(p: Promise<unknown>, type: Function, pattern: RegExp, line?: number): Promise<void> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toMatch(pattern);
    if (line !== undefined) expect((err as FormatError).details.line).toBe(line);
    return;
  }
  throw new Error('expected a rejection');
}

// A 3-graph TU dataset: a triangle, a single node, a path 4-5-6 (1-based global ids).
const TU = {
  A: '1, 2\n2, 1\n2, 3\n3, 2\n1, 3\n3, 1\n5, 6\n6, 5\n6, 7\n7, 6\n',
  graphIndicator: '1\n1\n1\n2\n3\n3\n3\n',
  nodeLabels: '0\n1\n2\n0\n1\n1\n0\n',
  edgeLabels: '0\n0\n1\n1\n0\n0\n2\n2\n0\n0\n',
  graphLabels: '1\n-1\n1\n',
};

describe('parseTuDataset', () => {
  it('builds graphs per indicator with labels (edge class = raw + 1)', () => {
    const { graphs, graphLabels } = parseTuDataset(TU);
    expect(graphs.map((g) => g.n)).toEqual([3, 1, 3]);
    expect(graphs[0].edges()).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(graphs[0].edgeLabel(1, 2)).toBe(2);
    expect(graphs[2].edges()).toEqual([[0, 1], [1, 2]]);
    expect(graphs[2].edgeLabel(0, 1)).toBe(3);
    expect(Array.from(graphs[0].nodeLabels())).toEqual([0, 1, 2]);
    expect(graphLabels).toEqual([1, -1, 1]);
    const bare = parseTuDataset({ A: TU.A, graphIndicator: TU.graphIndicator });
    expect(bare.graphs[0].hasNodeLabels || bare.graphs[0].hasEdgeLabels).toBe(false);
    expect(bare.graphLabels).toBeUndefined();
    // One direction only, spaces instead of commas, CRLF.
    expect(parseTuDataset({ A: '1 2\r\n', graphIndicator: '1\r\n1\r\n' }).graphs[0].edges()).toEqual([[0, 1]]);
  });
  it('malformed files name the file and line', () => {
    formatError(() => parseTuDataset({ ...TU, edgeLabels: undefined, A: '1, 2\n1, x\n' }), 2, /A: expected an integer, found "x"/);
    formatError(() => parseTuDataset({ ...TU, edgeLabels: undefined, A: '1, 2\n\n2, 1\n' }), 2, /A: empty line/);
    formatError(() => parseTuDataset({ ...TU, edgeLabels: undefined, A: '1, 2, 3\n' }), 1, /expected 2 value/);
    formatError(() => parseTuDataset({ ...TU, edgeLabels: undefined, A: '1, 9\n' }), 1, /node id 9 out of range 1..7/);
    formatError(() => parseTuDataset({ ...TU, edgeLabels: undefined, A: '3, 4\n' }), 1, /joins graph 1 and graph 2/);
    formatError(() => parseTuDataset({ ...TU, edgeLabels: undefined, A: '2, 2\n' }), 1, /self-loop/);
    formatError(() => parseTuDataset({ A: '1, 2\n1, 2\n', graphIndicator: '1\n1\n' }), 2, /listed twice \(line 1\)/);
    formatError(() => parseTuDataset({ A: '1, 2\n2, 1\n', graphIndicator: '1\n1\n', edgeLabels: '0\n1\n' }), 2, /reverse \(line 1\)/);
    formatError(() => parseTuDataset({ ...TU, graphIndicator: '1\n1\n1\n3\n3\n3\n3\n' }), 4, /without gaps; found 3 after 1/);
    formatError(() => parseTuDataset({ ...TU, graphIndicator: '1\n1\n2\n1\n3\n3\n3\n' }), 4, /non-decreasing/);
    formatError(() => parseTuDataset({ ...TU, nodeLabels: '0\n1\n' }), 3, /node_labels: 2 lines but graph_indicator has 7/);
    formatError(() => parseTuDataset({ ...TU, nodeLabels: '0\n1\n2\n0\n-1\n1\n0\n' }), 5, /must be >= 0/);
    formatError(() => parseTuDataset({ ...TU, edgeLabels: '0\n' }), 2, /edge_labels: 1 lines but A has 10/);
    formatError(() => parseTuDataset({ ...TU, graphLabels: '1\n' }), 2, /graph_labels: 1 lines but there are 3/);
  });
  it('bad arguments', () => {
    expect(() => parseTuDataset(null as never)).toThrow(InputError);
    expect(() => parseTuDataset({ A: '1, 2\n' } as never)).toThrow(InputError);
  });
});

describe('file loaders', () => {
  it('loadTuDataset reads a folder and infers the prefix', async () => {
    const tu = join(dir, 'TOY');
    mkdirSync(tu);
    writeFileSync(join(tu, 'TOY_A.txt'), TU.A);
    writeFileSync(join(tu, 'TOY_graph_indicator.txt'), TU.graphIndicator);
    writeFileSync(join(tu, 'TOY_node_labels.txt'), TU.nodeLabels);
    writeFileSync(join(tu, 'TOY_graph_labels.txt'), TU.graphLabels);
    writeFileSync(join(tu, 'README.txt'), 'not read');
    const { graphs, graphLabels } = await loadTuDataset(tu);
    expect(graphs.length).toBe(3);
    expect(graphs[0].hasEdgeLabels).toBe(false);
    expect(graphs[2].nodeLabel(0)).toBe(1);
    expect(graphLabels).toEqual([1, -1, 1]);
    expect((await loadTuDataset(`${tu}/`, { name: 'TOY' })).graphs.length).toBe(3);
    await rejectsWith(loadTuDataset(tu, { name: 'NOPE' }), IoError, /cannot read/);
    await rejectsWith(loadTuDataset(dir), IoError, /exactly one \*_A.txt/);
    await rejectsWith(loadTuDataset(join(dir, 'missing')), IoError, /cannot list .*ENOENT/);
    writeFileSync(join(tu, 'TOY_node_labels.txt'), '0\n');
    await rejectsWith(loadTuDataset(tu), FormatError, /TOY: node_labels/, 2);
  });
  it('loadGraph6Folder reads .g6 and .s6 files by name and names the file on errors', async () => {
    const g6 = join(dir, 'g6');
    mkdirSync(g6);
    const a = [Graph.fromEdgeList(4, [[0, 3]]), Graph.empty(2)];
    writeFileSync(join(g6, 'b.g6'), formatGraph6(a, { header: true }));
    writeFileSync(join(g6, 'a.s6'), formatSparse6(a));
    writeFileSync(join(g6, 'notes.txt'), 'ignored');
    const files = await loadGraph6Folder(g6);
    expect([...files.keys()]).toEqual(['a', 'b']);
    for (const gs of files.values()) gs.forEach((g, i) => expect(g.equals(a[i])).toBe(true));
    writeFileSync(join(g6, 'c.g6'), 'Bw\nB w\n');
    await rejectsWith(loadGraph6Folder(g6), FormatError, /c\.g6: graph6: bad character/, 2);
    await rejectsWith(loadGraph6Folder(join(dir, 'none')), IoError, /ENOENT/);
    await rejectsWith(loadGraph6Folder('' as never), InputError, /dir/);
  });
  it('loadEdgeListFiles concatenates files (graphgen and plain networkx-style)', async () => {
    const p1 = join(dir, 'one.edgelist');
    const p2 = join(dir, 'two.edgelist');
    const labelled = Graph.fromEdgeList(3, [[0, 1]], { nodeLabels: [1, 0, 2], edgeLabels: [4] });
    writeFileSync(p1, formatEdgeList([labelled, Graph.empty(1)]));
    writeFileSync(p2, '0 1 {}\n1 2 {}\n');
    const gs = await loadEdgeListFiles([p1, p2]);
    expect(gs.length).toBe(3);
    expect(gs[0].equals(labelled)).toBe(true);
    expect(gs[2].edges()).toEqual([[0, 1], [1, 2]]);
    writeFileSync(p2, '0 1\n1 x\n');
    await rejectsWith(loadEdgeListFiles([p1, p2]), FormatError, /two\.edgelist: edge list: node id must be/, 2);
    await rejectsWith(loadEdgeListFiles([join(dir, 'nope')]), IoError, /paths\[0\]: cannot read/);
    await rejectsWith(loadEdgeListFiles('x' as never), InputError, /paths/);
  });
  it('loadBenchmark errors', async () => {
    await rejectsWith(loadBenchmark('citeseer' as never), InputError, /one of planar, sbm, tree, community_small/);
    await rejectsWith(loadBenchmark('planar', { root: join(dir, 'nowhere') }), IoError, /not found .*options\.root/);
    await rejectsWith(loadBenchmark('planar', { root: '' }), InputError, /options\.root/);
    const root = join(dir, 'bench');
    mkdirSync(join(root, 'planar'), { recursive: true });
    writeFileSync(join(root, 'planar', 'train.g6'), 'Bw\n');
    writeFileSync(join(root, 'planar', 'test.g6'), 'Bw\n');
    await rejectsWith(loadBenchmark('planar', { root }), IoError, /planar\/val\.g6: cannot read/);
    writeFileSync(join(root, 'planar', 'val.g6'), 'Bw\nBx\n');
    await rejectsWith(loadBenchmark('planar', { root }), FormatError, /val\.g6: graph6: padding/, 2);
    writeFileSync(join(root, 'planar', 'val.g6'), '');
    const d = await loadBenchmark('planar', { root });
    expect(d.meta.sizes).toEqual({ train: 1, val: 0, test: 1 });
  });
});

describe('loadQm9Smiles', () => {
  it('splits by the index list (0- or 1-based) and rejects malformed files', async () => {
    const { loadQm9Smiles } = await import('../../src/datasets/index.js');
    const root = join(dir, 'qm');
    mkdirSync(join(root, 'qm9'), { recursive: true });
    writeFileSync(join(root, 'qm9', 'smiles.txt'), 'C\nN\nO\nCC\n');
    writeFileSync(join(root, 'qm9', 'test_idx.json'), '[3, 1]');
    expect(await loadQm9Smiles({ root })).toEqual({ train: ['C', 'O'], test: ['CC', 'N'], testIndices: [3, 1] });
    expect((await loadQm9Smiles({ root, indexBase: 1 })).test).toEqual(['O', 'C']);
    await rejectsWith(loadQm9Smiles({ root, indexBase: 2 as never }), InputError, /indexBase/);
    writeFileSync(join(root, 'qm9', 'test_idx.json'), '[4]');
    await rejectsWith(loadQm9Smiles({ root }), FormatError, /entry 0 = 4 is not a row index in 0..3/);
    writeFileSync(join(root, 'qm9', 'test_idx.json'), '[1, 1]');
    await rejectsWith(loadQm9Smiles({ root }), FormatError, /repeated/);
    writeFileSync(join(root, 'qm9', 'test_idx.json'), '{"valid_idxs": []}');
    await rejectsWith(loadQm9Smiles({ root }), FormatError, /JSON array/);
    writeFileSync(join(root, 'qm9', 'test_idx.json'), '[1');
    await rejectsWith(loadQm9Smiles({ root }), FormatError, /invalid JSON/);
    writeFileSync(join(root, 'qm9', 'test_idx.json'), '[]');
    writeFileSync(join(root, 'qm9', 'smiles.txt'), 'C\n\nO\n');
    await rejectsWith(loadQm9Smiles({ root }), FormatError, /smiles: expected one SMILES/, 2);
    await rejectsWith(loadQm9Smiles({ root: join(dir, 'nothing') }), IoError, /cannot read/);
  });
});
