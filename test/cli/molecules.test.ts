import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../generators/cliHelpers.js';
import { formatSmilesLines, isMoleculeDataset, readGeneratedSmiles, resolveMoleculeSmiles } from '../../src/cli/moleculeDatasets.js';
import { loadRdkit } from '../../src/molecules/loadRdkit.js';
import { canonicalSmiles } from '../../src/molecules/canonicalSmiles.js';

const SHARED = join(process.cwd(), '..', 'shared', 'datasets');

describe('graphgen train / sample / eval on molecules', () => {
  it('trains defog on small-molecules, samples SMILES (empty line = invalid) deterministically, and evaluates them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-mol-'));
    const model = join(dir, 'model');
    const t = runCliProcess(['train', '--dataset', 'small-molecules', '--model', 'defog', '--epochs', '1', '--layers', '1', '--hidden', '8', '--steps', '3', '--limit', '40', '--out', model, '--no-progress']);
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/trained defog on small-molecules \(40 graphs\)/);
    expect(t.stdout).toMatch(/validity\s+[0-9.]+ %/);
    expect(t.stdout).toMatch(/NSPDK MMD/);
    expect(JSON.parse(readFileSync(join(model, 'molecules.json'), 'utf8'))).toMatchObject({ format: 'graphgen-molecules', atoms: ['C', 'N', 'O', 'F'], dataset: 'small-molecules' });

    const a = join(dir, 'a.smi');
    const s = runCliProcess(['sample', '--model', model, '--count', '8', '--steps', '3', '--seed', '2', '--out', a, '--no-progress']);
    expect(s.status).toBe(0);
    expect(s.stdout).toMatch(/wrote 8 graphs/);
    const lines = await readGeneratedSmiles(a, '--generated');
    expect(lines).toHaveLength(8);
    const rdkit = await loadRdkit();
    for (const l of lines) if (l !== null) expect(canonicalSmiles(rdkit, l)).toBe(l);
    const b = join(dir, 'b.smi');
    runCliProcess(['sample', '--model', model, '--count', '8', '--steps', '3', '--seed', '2', '--out', b, '--no-progress']);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));

    const e = runCliProcess(['eval', '--molecules', '--generated', a, '--train', 'small-molecules', '--reference', 'small-molecules:test', '--json']);
    expect(e.status).toBe(0);
    const r = JSON.parse(e.stdout) as Record<string, number | null>;
    expect(r.numGenerated).toBe(8);
    expect(r.validity).toBeCloseTo(lines.filter((l) => l !== null).length / 8, 10);
    for (const k of ['validity', 'relaxedValidity', 'validityWithoutCorrection', 'uniqueness', 'atomStability', 'moleculeStability']) {
      expect(r[k]).toBeGreaterThanOrEqual(0);
      expect(r[k]).toBeLessThanOrEqual(1);
    }
    expect(r.smiles).toBeUndefined();
  }, 60_000);

  it('evaluates a hand-made SMILES file: table and exact fractions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-mol-'));
    const gen = join(dir, 'g.smi');
    const train = join(dir, 'train.smi');
    // 5 lines: CCO twice, one empty (invalid), C=O, an unparsable line (invalid)
    writeFileSync(gen, 'CCO\n\nC=O\nOCC\nnot-a-smiles\n');
    writeFileSync(train, 'CCO\nCCC\n');
    const j = runCliProcess(['eval', '--molecules', '--generated', gen, '--train', train, '--json']);
    expect(j.status).toBe(0);
    const r = JSON.parse(j.stdout) as Record<string, number | null>;
    expect(r.numGenerated).toBe(5);
    expect(r.validity).toBeCloseTo(3 / 5, 10);
    expect(r.uniqueness).toBeCloseTo(2 / 3, 10);
    expect(r.novelty).toBeCloseTo(1 / 2, 10);
    expect(r.nspdk).toBeNull();
    const table = runCliProcess(['eval', '--molecules', '--generated', gen, '--reference', train]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/validity\s+60\.0 %/);
    expect(table.stdout).toMatch(/NSPDK MMD\s+[0-9.]+/);
  }, 30_000);

  it('rejects a non-denoising model on molecules, a missing QM9 root, and eval without --reference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-mol-'));
    const er = runCliProcess(['train', '--dataset', 'small-molecules', '--model', 'er', '--epochs', '1', '--out', join(dir, 'm'), '--no-eval']);
    expect(er.status).toBe(2);
    expect(er.stderr).toMatch(/--model.*digress or defog/);
    const qm9 = runCliProcess(['train', '--dataset', 'qm9', '--root', join(dir, 'nowhere'), '--out', join(dir, 'q'), '--no-eval']);
    expect(qm9.status).toBe(2);
    expect(qm9.stderr).toMatch(/qm9/);
    expect(existsSync(join(dir, 'q', 'generator.json'))).toBe(false);
    const ev = runCliProcess(['eval', '--generated', join(dir, 'x.g6')]);
    expect(ev.status).toBe(2);
    expect(ev.stderr).toMatch(/--reference/);
  }, 30_000);

  it('SMILES lines round-trip, including a trailing invalid molecule; dataset names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-mol-'));
    const p = join(dir, 'x.smi');
    writeFileSync(p, formatSmilesLines(['CC', null, 'O', null]));
    expect(await readGeneratedSmiles(p, '--generated')).toEqual(['CC', null, 'O', null]);
    expect(formatSmilesLines([])).toBe('');
    expect(isMoleculeDataset('qm9')).toBe(true);
    expect(isMoleculeDataset('small-molecules:test')).toBe(true);
    expect(isMoleculeDataset('planar')).toBe(false);
  });

  it.skipIf(!existsSync(join(SHARED, 'qm9', 'smiles.txt')))('reads the QM9 splits from the shared root (GDSS split)', async () => {
    const test = await resolveMoleculeSmiles('qm9:test', 'train', { root: SHARED, argument: '--reference' });
    expect(test).toHaveLength(13082);
  });
});
