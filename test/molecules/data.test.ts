import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { permute } from '../../src/graph/permute.js';
import { createRng, FormatError, InputError, IoError } from '../../src/core/index.js';
import {
  loadRdkit, loadSmiles, loadQm9, fromSmiles, toSmiles, canonicalSmiles, digressValidity, relaxedValidity,
  gdssValidity, QM9_ENCODING, QM9_CHARGED_ENCODING, type RdkitModule,
} from '../../src/molecules/index.js';

const datasets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'datasets');
const hasQm9 = existsSync(join(datasets, 'qm9', 'smiles.txt')) && existsSync(join(datasets, 'qm9', 'test_idx.json'));

let rdkit: RdkitModule;
beforeAll(async () => {
  rdkit = await loadRdkit();
});

describe('loadSmiles', () => {
  it('reads one SMILES per line with line numbers, skipping header, blanks and comments', async () => {
    const r = await loadSmiles({ text: 'SMILES\nCCO ethanol\n\n# comment\r\nc1ccccc1\nN#N\n' }, { rdkit });
    expect(r.smiles).toEqual(['CCO', 'c1ccccc1', 'N#N']);
    expect(r.lines).toEqual([2, 5, 6]);
    expect(r.errors).toEqual([]);
  });

  it('collects or throws per-line errors with the line number', async () => {
    const text = 'CCO\nC1CC\nCC(C)(C)(C)C\nC\n';
    const r = await loadSmiles({ text }, { onError: 'collect', rdkit });
    expect(r.smiles).toEqual(['CCO', 'C']);
    expect(r.lines).toEqual([1, 4]);
    expect(r.errors.map((e) => [e.line, e.input])).toEqual([[2, 'C1CC'], [3, 'CC(C)(C)(C)C']]);
    expect(r.errors[0].message).toMatch(/unclosed ring/);
    expect(r.errors[1].message).toMatch(/valence/i);
    await expect(loadSmiles({ text }, { rdkit })).rejects.toThrow(/^line 2: "C1CC"/);
    try {
      await loadSmiles({ text }, { rdkit });
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).details.line).toBe(2);
    }
  });

  it('reads a CSV column by name or index, with quoted fields, and canonicalises on request', async () => {
    const text = 'id,smiles,name\n1,OCC,"ethanol, a solvent"\n2,"C1=CC=CC=C1",benzene\n3,,empty\n4\n';
    const r = await loadSmiles({ text }, { column: 'smiles', onError: 'collect', canonicalize: true, rdkit });
    expect(r.smiles).toEqual(['CCO', 'c1ccccc1']);
    expect(r.lines).toEqual([2, 3]);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5]);
    const byIndex = await loadSmiles({ text: 'a,b\nx,CC\n' }, { column: 1, rdkit });
    expect(byIndex.smiles).toEqual(['CC']);
    await expect(loadSmiles({ text }, { column: 'SMILES', rdkit })).rejects.toThrow(/line 1: expected a column "SMILES"/);
    await expect(loadSmiles({ text }, { column: 'smiles', rdkit })).rejects.toThrow(/line 4/);
  });

  it('reads files and skips validation on request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-mol-'));
    const file = join(dir, 'x.smi');
    writeFileSync(file, 'CCO\nnot-a-smiles\n');
    const r = await loadSmiles(file, { validate: false });
    expect(r.smiles).toEqual(['CCO', 'not-a-smiles']);
    await expect(loadSmiles(file, { rdkit })).rejects.toThrow(/line 2/);
  });

  it('rejects bad sources and options', async () => {
    await expect(loadSmiles('/nonexistent/graphgen.smi')).rejects.toThrow(IoError);
    await expect(loadSmiles({ text: '' })).rejects.toThrow(FormatError);
    await expect(loadSmiles({ text: '\n\n' }, { column: 'smiles' })).rejects.toThrow(FormatError);
    await expect(loadSmiles(42 as unknown as string)).rejects.toThrow(InputError);
    await expect(loadSmiles('')).rejects.toThrow(InputError);
    await expect(loadSmiles({ text: 'C' }, { onError: 'ignore' as 'throw' })).rejects.toThrow(/options.onError/);
    await expect(loadSmiles({ text: 'C' }, { column: -1 })).rejects.toThrow(/options.column/);
  });
});

describe('loadQm9 errors', () => {
  it('names the missing file and rejects bad options and index files', async () => {
    await expect(loadQm9({ root: '/nonexistent' })).rejects.toThrow(/qm9\/test_idx.json/);
    await expect(loadQm9({ split: 'x' as 'gdss' })).rejects.toThrow(/options.split/);
    await expect(loadQm9({ root: '' })).rejects.toThrow(/options.root/);
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-qm9-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'qm9'));
    writeFileSync(join(dir, 'qm9', 'smiles.txt'), 'C\nN\nO\n');
    writeFileSync(join(dir, 'qm9', 'test_idx.json'), '[1, 3]');
    await expect(loadQm9({ root: dir })).rejects.toThrow(/entry 1/);
    const moflow = await loadQm9({ root: dir, split: 'moflow' });
    expect(moflow.test).toEqual(['C', 'O']);
    expect(moflow.train).toEqual(['N']);
    writeFileSync(join(dir, 'qm9', 'test_idx.json'), '{"valid_idxs": ["001", "002"]}');
    const gdss = await loadQm9({ root: dir });
    expect(gdss.test).toEqual(['N', 'O']);
    expect(Array.from(gdss.trainIndices)).toEqual([0]);
    writeFileSync(join(dir, 'qm9', 'test_idx.json'), '[1, 1]');
    await expect(loadQm9({ root: dir })).rejects.toThrow(/twice/);
    writeFileSync(join(dir, 'qm9', 'test_idx.json'), '{');
    await expect(loadQm9({ root: dir })).rejects.toThrow(FormatError);
  });
});

describe.skipIf(!hasQm9)(`QM9 (${hasQm9 ? datasets : 'skipped: ../shared/datasets/qm9 is absent'})`, () => {
  let qm9: Awaited<ReturnType<typeof loadQm9>>;
  beforeAll(async () => {
    qm9 = await loadQm9({ root: datasets });
  });

  it('loads the GDSS split: raw values as 0-based rows', () => {
    expect(qm9.smiles).toHaveLength(133885);
    expect(qm9.test).toHaveLength(13082);
    expect(qm9.train).toHaveLength(120803);
    expect(qm9.smiles.slice(0, 3)).toEqual(['C', 'N', 'O']);
    expect(qm9.testIndices[0]).toBe(7278);
    expect(qm9.test[0]).toBe(qm9.smiles[7278]);
  });

  it('round-trips hundreds of molecules to the same canonical SMILES, in any atom order', () => {
    const rng = createRng(1);
    let checked = 0;
    for (let i = 0; i < qm9.smiles.length; i += 300) {
      const s = qm9.smiles[i];
      const g = fromSmiles(rdkit, s, QM9_CHARGED_ENCODING);
      const ref = canonicalSmiles(rdkit, s);
      expect(toSmiles(rdkit, g, QM9_CHARGED_ENCODING)).toBe(ref);
      expect(toSmiles(rdkit, permute(g, rng.permutation(g.n)), QM9_CHARGED_ENCODING)).toBe(ref);
      checked++;
    }
    expect(checked).toBe(447);
  });

  it('every sampled training molecule is valid under each definition', () => {
    const sample = qm9.train.filter((_, i) => i % 400 === 0).map((s) => fromSmiles(rdkit, s, QM9_ENCODING, { dropCharges: true }));
    expect(digressValidity(rdkit, sample, QM9_ENCODING).validity).toBeGreaterThan(0.99);
    expect(relaxedValidity(rdkit, sample, QM9_ENCODING).validity).toBeGreaterThan(0.99);
    expect(gdssValidity(sample, QM9_ENCODING).validity).toBeGreaterThan(0.99);
  });
});
