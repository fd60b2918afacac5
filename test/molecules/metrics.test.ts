import { beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/index.js';
import { InputError } from '../../src/core/index.js';
import {
  loadRdkit, fromSmiles, toSmiles, QM9_ENCODING, moleculeMetrics, nspdkMmd, moleculeNspdkGraph, frechetDistance,
  enumerateMolecules, smallMoleculesDataset, type RdkitModule,
} from '../../src/molecules/index.js';

let rdkit: RdkitModule;
beforeAll(async () => {
  rdkit = await loadRdkit();
});

describe('enumerateMolecules', () => {
  it('lists every 1- and 2-atom molecule (hand count: 4 + 19)', () => {
    expect(enumerateMolecules(rdkit, { maxAtoms: 2 })).toEqual([
      'C', 'F', 'N', 'O',
      'C#C', 'C#N', 'C=C', 'C=N', 'C=O', 'CC', 'CF', 'CN', 'CO', 'FF', 'N#N', 'N=N', 'N=O', 'NF', 'NN', 'NO', 'O=O', 'OF', 'OO',
    ]);
    expect(enumerateMolecules(rdkit, { maxAtoms: 2, maxBondOrder: 1 })).toHaveLength(4 + 10);
  });

  it('agrees with brute force over all 3-atom graphs', () => {
    const found = new Set<string>();
    const pairs: [number, number][] = [[0, 1], [0, 2], [1, 2]];
    for (let code = 0; code < 64; code++) {
      const orders = [code & 3, (code >> 2) & 3, (code >> 4) & 3];
      const edges = pairs.filter((_, k) => orders[k] > 0);
      if (edges.length < 2) continue; // connected 3-node graphs have >= 2 edges
      for (let atoms = 0; atoms < 64; atoms++) {
        const labels = [atoms & 3, (atoms >> 2) & 3, (atoms >> 4) & 3];
        // neutral valences only: RDKit's clean-up would also accept pentavalent N (C=N=N -> C=[N+]=[N-])
        const cap = [4, 3, 2, 1];
        const sum = [0, 0, 0];
        pairs.forEach(([a, b], k) => {
          sum[a] += orders[k];
          sum[b] += orders[k];
        });
        if (sum.some((x, i) => x > cap[labels[i]])) continue;
        const g = Graph.fromEdgeList(3, edges, { nodeLabels: labels, edgeLabels: orders.filter((o) => o > 0) });
        try {
          found.add(toSmiles(rdkit, g, QM9_ENCODING));
        } catch {
          // invalid valence
        }
      }
    }
    const enumerated = enumerateMolecules(rdkit, { maxAtoms: 3 }).slice(23);
    expect([...found].filter((s) => !enumerated.includes(s))).toEqual([]);
    expect(enumerated).toHaveLength(94);
    expect(new Set(enumerated)).toEqual(found);
  });

  it('makes a deterministic seeded split', () => {
    const a = smallMoleculesDataset(rdkit, { maxAtoms: 3, seed: 1 });
    const b = smallMoleculesDataset(rdkit, { maxAtoms: 3, seed: 1 });
    const c = smallMoleculesDataset(rdkit, { maxAtoms: 3, seed: 2 });
    expect(a).toEqual(b);
    expect(a.train).not.toEqual(c.train);
    expect([a.train.length, a.val.length, a.test.length]).toEqual([93, 11, 13]);
    expect(new Set([...a.train, ...a.val, ...a.test]).size).toBe(117);
    for (const s of a.train.slice(0, 10)) expect(toSmiles(rdkit, fromSmiles(rdkit, s, QM9_ENCODING), QM9_ENCODING)).toBe(s);
  });

  it('rejects bad options', () => {
    expect(() => enumerateMolecules(rdkit, { maxAtoms: 0 })).toThrow(/options.maxAtoms/);
    expect(() => enumerateMolecules(rdkit, { maxAtoms: 7 })).toThrow(/options.maxAtoms/);
    expect(() => enumerateMolecules(rdkit, { maxBondOrder: 4 })).toThrow(/options.maxBondOrder/);
    expect(() => smallMoleculesDataset(rdkit, { maxAtoms: 2, fractions: [0.5, 0.5, 0.5] })).toThrow(/options.fractions/);
  });
});

describe('moleculeMetrics', () => {
  it('reports every metric on a hand-made set', async () => {
    const penta = Graph.fromEdgeList(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]], { nodeLabels: [0, 0, 0, 0, 0, 0] });
    const generated = [...['CCO', 'CCO', 'NC1CC1'].map((s) => fromSmiles(rdkit, s, QM9_ENCODING)), penta, fromSmiles(rdkit, 'CC.O', QM9_ENCODING)];
    const embed = (smiles: readonly string[]) => smiles.map((s) => [s.length, s.split('C').length - 1]);
    const r = await moleculeMetrics(generated, { rdkit, train: ['OCC'], test: ['CCO', 'c1ccccc1', 'CC#N'], fcd: { embed } });
    expect(r.numGenerated).toBe(5);
    expect(r.smiles).toEqual(['CCO', 'CCO', 'NC1CC1', null, 'CC']);
    expect(r.validity).toBeCloseTo(4 / 5, 15);
    expect(r.relaxedValidity).toBeCloseTo(4 / 5, 15);
    expect(r.validityWithoutCorrection).toBeCloseTo(4 / 5, 15);
    expect(r.uniqueness).toBeCloseTo(3 / 4, 15);
    expect(r.novelty).toBeCloseTo(2 / 3, 15);
    expect(r.atomStability).toBeCloseTo(18 / 19, 15);
    expect(r.moleculeStability).toBeCloseTo(4 / 5, 15);
    const expectedNspdk = nspdkMmd(['CCO', 'c1ccccc1', 'CC#N'].map((s) => moleculeNspdkGraph(rdkit, s)), ['CCO', 'CCO', 'NC1CC1', 'CC'].map((s) => moleculeNspdkGraph(rdkit, s)));
    expect(r.nspdk).toBeCloseTo(expectedNspdk, 14);
    expect(r.fcd).toBeCloseTo(frechetDistance(embed(['CCO', 'CCO', 'NC1CC1', 'CC']), embed(['CCO', 'c1ccccc1', 'CC#N'])), 12);
  });

  it('returns nulls without reference sets and rejects bad input', async () => {
    const r = await moleculeMetrics([fromSmiles(rdkit, 'CC', QM9_ENCODING)], { rdkit });
    expect(r.novelty).toBeNull();
    expect(r.nspdk).toBeNull();
    expect(r.fcd).toBeNull();
    await expect(moleculeMetrics('x' as unknown as Graph[], { rdkit })).rejects.toThrow(InputError);
    await expect(moleculeMetrics([], { rdkit, train: ['C1CC'] })).rejects.toThrow(/options.train\[0\]/);
    await expect(moleculeMetrics([fromSmiles(rdkit, 'CC', QM9_ENCODING)], { rdkit, test: ['C('] })).rejects.toThrow(/options.test\[0\]/);
    await expect(moleculeMetrics([], { rdkit, fcd: {} as never })).rejects.toThrow(/options.fcd/);
    await expect(moleculeMetrics([], { rdkit, fcd: { embed: () => [] } })).rejects.toThrow(/options.fcd.reference/);
  });
});
