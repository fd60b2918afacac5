import { beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/index.js';
import { permute } from '../../src/graph/permute.js';
import { createRng, InputError } from '../../src/core/index.js';
import {
  loadRdkit, createMoleculeEncoding, QM9_ENCODING, QM9_CHARGED_ENCODING, BondClass, BOND_ORDERS,
  fromSmiles, toSmiles, toMolblock, toSvg, canonicalSmiles, isValidMolecule, type RdkitModule,
} from '../../src/molecules/index.js';

let rdkit: RdkitModule;
beforeAll(async () => {
  rdkit = await loadRdkit();
});

const C = 0, N = 1, O = 2, F = 3;

describe('loadRdkit', () => {
  it('loads once and returns the same module', async () => {
    const again = await loadRdkit();
    expect(again).toBe(rdkit);
    expect(rdkit.version()).toMatch(/^\d{4}\.\d{2}/);
  });
});

describe('MoleculeEncoding', () => {
  it('parses atom names with charges and maps (element, charge) to classes', () => {
    const enc = createMoleculeEncoding(['C', 'N', 'O', 'F', 'N+', 'O-', 'S+2']);
    expect(enc.atoms.map((a) => [a.symbol, a.atomicNumber, a.charge])).toEqual([
      ['C', 6, 0], ['N', 7, 0], ['O', 8, 0], ['F', 9, 0], ['N', 7, 1], ['O', 8, -1], ['S', 16, 2],
    ]);
    expect(enc.classOf(7, 1)).toBe(4);
    expect(enc.classOf(7)).toBe(1);
    expect(enc.classOf(17)).toBe(-1);
    expect(enc.toConfig()).toEqual({ atoms: ['C', 'N', 'O', 'F', 'N+', 'O-', 'S+2'] });
    expect(QM9_ENCODING.atoms.map((a) => a.name)).toEqual(['C', 'N', 'O', 'F']);
    expect(BondClass).toEqual({ none: 0, single: 1, double: 2, triple: 3, aromatic: 4 });
    expect(BOND_ORDERS).toEqual([0, 1, 2, 3, 1.5]);
  });

  it('rejects bad vocabularies', () => {
    expect(() => createMoleculeEncoding([])).toThrow(InputError);
    expect(() => createMoleculeEncoding(['C', 'Xx'])).toThrow(/atoms\[1\]/);
    expect(() => createMoleculeEncoding(['C', 'c'])).toThrow(/atoms\[1\]/);
    expect(() => createMoleculeEncoding(['N', 'N'])).toThrow(/not already listed/);
    expect(() => createMoleculeEncoding(['N+9'])).toThrow(/charge/);
    expect(() => createMoleculeEncoding('C' as unknown as string[])).toThrow(InputError);
    expect(() => createMoleculeEncoding([7 as unknown as string])).toThrow(InputError);
  });
});

describe('fromSmiles / toSmiles', () => {
  it('builds heavy-atom graphs with implicit hydrogens', () => {
    const g = fromSmiles(rdkit, 'OCC#N', QM9_ENCODING);
    expect(g.n).toBe(4);
    expect(Array.from(g.nodeLabels())).toEqual([O, C, C, N]);
    expect(g.edges()).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(Array.from(g.edgeLabels())).toEqual([1, 1, 3]);
    expect(toSmiles(rdkit, g, QM9_ENCODING)).toBe('N#CCO');
  });

  it('kekulises by default and keeps aromatic bonds on request', () => {
    const k = fromSmiles(rdkit, 'c1ccccc1', QM9_ENCODING);
    const labels = Array.from(k.edgeLabels());
    expect(labels.filter((l) => l === 2)).toHaveLength(3);
    expect(labels.filter((l) => l === 1)).toHaveLength(3);
    const a = fromSmiles(rdkit, 'C1=CC=CC=C1', QM9_ENCODING, { kekulize: false });
    expect(Array.from(a.edgeLabels())).toEqual([4, 4, 4, 4, 4, 4]);
    expect(toSmiles(rdkit, k, QM9_ENCODING)).toBe('c1ccccc1');
    expect(toSmiles(rdkit, a, QM9_ENCODING)).toBe('c1ccccc1');
  });

  it('handles charges: vocabulary types, or dropped as DiGress/GDSS do', () => {
    expect(() => fromSmiles(rdkit, '[NH3+]CC([O-])=O', QM9_ENCODING)).toThrow(/atom 0 is N\+/);
    const g = fromSmiles(rdkit, '[NH3+]CC([O-])=O', QM9_CHARGED_ENCODING);
    expect(Array.from(g.nodeLabels())).toEqual([4, C, C, 5, O]);
    expect(toSmiles(rdkit, g, QM9_CHARGED_ENCODING)).toBe(canonicalSmiles(rdkit, '[NH3+]CC([O-])=O'));
    const d = fromSmiles(rdkit, '[NH3+]CC([O-])=O', QM9_ENCODING, { dropCharges: true });
    expect(toSmiles(rdkit, d, QM9_ENCODING)).toBe('NCC(=O)O');
  });

  it('gives the same canonical SMILES for every atom order', () => {
    const rng = createRng(7);
    for (const s of ['CC1=CC=CN1', 'OC1COC1C#N', 'FC(F)(F)C(=O)N', 'C1CC2CC1O2']) {
      const g = fromSmiles(rdkit, s, QM9_ENCODING);
      const ref = toSmiles(rdkit, g, QM9_ENCODING);
      expect(ref).toBe(canonicalSmiles(rdkit, s));
      for (let t = 0; t < 5; t++) expect(toSmiles(rdkit, permute(g, rng.permutation(g.n)), QM9_ENCODING)).toBe(ref);
    }
  });

  it('names the input and RDKit\'s reason for invalid SMILES', () => {
    expect(() => fromSmiles(rdkit, 'C1CC', QM9_ENCODING)).toThrow(/"C1CC".*unclosed ring/);
    expect(() => fromSmiles(rdkit, 'CC(C)(C)(C)C', QM9_ENCODING)).toThrow(/valence/i);
    expect(() => fromSmiles(rdkit, 'c1cccc1', QM9_ENCODING)).toThrow(InputError);
    expect(() => fromSmiles(rdkit, 'CCl', QM9_ENCODING)).toThrow(/atom 1 is Cl/);
    expect(() => fromSmiles(rdkit, '[CH3]', QM9_ENCODING)).toThrow(/radical/);
    expect(() => fromSmiles(rdkit, '', QM9_ENCODING)).toThrow(InputError);
    expect(() => fromSmiles(rdkit, 'CC O', QM9_ENCODING)).toThrow(/whitespace/);
    expect(() => fromSmiles(rdkit, 42 as unknown as string, QM9_ENCODING)).toThrow(InputError);
    expect(() => fromSmiles(rdkit, 'CC', {} as typeof QM9_ENCODING)).toThrow(/encoding/);
    expect(() => fromSmiles({} as RdkitModule, 'CC', QM9_ENCODING)).toThrow(/rdkit/);
    try {
      fromSmiles(rdkit, 'C1CC', QM9_ENCODING);
    } catch (e) {
      expect((e as InputError).code).toBe('E_INPUT');
      expect((e as InputError).details.argument).toBe('smiles');
    }
  });

  it('rejects graphs that do not fit the encoding or that RDKit rejects', () => {
    const bad = Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 9] });
    expect(() => toSmiles(rdkit, bad, QM9_ENCODING)).toThrow(/node 1/);
    const badBond = Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 0], edgeLabels: [5] });
    expect(() => toSmiles(rdkit, badBond, QM9_ENCODING)).toThrow(/bond class/);
    const penta = Graph.fromEdgeList(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]], { nodeLabels: [C, C, C, C, C, C] });
    expect(() => toSmiles(rdkit, penta, QM9_ENCODING)).toThrow(/valence/i);
    expect(() => toSmiles(rdkit, Graph.empty(0), QM9_ENCODING)).toThrow(/at least one atom/);
    expect(() => toSmiles(rdkit, 'CC' as unknown as Graph, QM9_ENCODING)).toThrow(InputError);
  });
});

describe('toMolblock', () => {
  it('writes a V2000 block with charges that RDKit reads back', () => {
    const enc = createMoleculeEncoding(['C', 'N+', 'O-', 'O']);
    // nitromethane C[N+](=O)[O-]
    const g = Graph.fromEdgeList(4, [[0, 1], [1, 2], [1, 3]], { nodeLabels: [0, 1, 2, 3], edgeLabels: [1, 1, 2] });
    const block = toMolblock(g, enc);
    expect(block.split('\n')[3]).toBe('  4  3  0  0  0  0  0  0  0  0999 V2000');
    expect(block).toContain('M  CHG  2   2   1   3  -1');
    expect(block.endsWith('M  END\n')).toBe(true);
    const mol = rdkit.get_mol(block)!;
    expect(mol.get_smiles()).toBe(canonicalSmiles(rdkit, 'C[N+](=O)[O-]'));
    mol.delete();
  });

  it('rejects oversized and malformed graphs', () => {
    const big = Graph.empty(1000, { nodeLabels: new Int32Array(1000) });
    expect(() => toMolblock(big, QM9_ENCODING)).toThrow(/999/);
    expect(() => toMolblock(null as unknown as Graph, QM9_ENCODING)).toThrow(InputError);
  });
});

describe('isValidMolecule', () => {
  it('accepts valid molecules and rejects known invalid graphs', () => {
    const ok = (s: string) => isValidMolecule(rdkit, fromSmiles(rdkit, s, QM9_ENCODING), QM9_ENCODING);
    expect(ok('CCO')).toBe(true);
    expect(ok('CC.O')).toBe(true);
    const g = (n: number, edges: [number, number][], atoms: number[], bonds?: number[]) =>
      isValidMolecule(rdkit, Graph.fromEdgeList(n, edges, { nodeLabels: atoms, edgeLabels: bonds }), QM9_ENCODING);
    expect(g(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]], [C, C, C, C, C, C])).toBe(false); // pentavalent C
    expect(g(3, [[0, 1], [1, 2]], [C, C, C], [3, 2])).toBe(false); // C with valence 5
    expect(g(2, [[0, 1]], [F, F], [2])).toBe(false); // F=F
    expect(g(3, [[0, 1], [0, 2]], [O, C, C], [2, 1])).toBe(false); // trivalent O
    expect(g(5, [[0, 1], [0, 2], [0, 3], [0, 4]], [N, C, C, C, C])).toBe(false); // tetravalent neutral N
    expect(g(5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]], [C, C, C, C, C], [4, 4, 4, 4, 4])).toBe(false); // c1cccc1
    expect(g(3, [[0, 1], [1, 2]], [C, C, C], [4, 4])).toBe(false); // aromatic bonds outside a ring
    expect(g(0, [], [])).toBe(false);
    expect(g(1, [], [F])).toBe(true); // HF
  });
});

describe('toSvg', () => {
  it('draws graphs and SMILES, and rejects invalid ones unless asked', () => {
    const svg = toSvg(rdkit, fromSmiles(rdkit, 'c1ccccc1O', QM9_ENCODING), QM9_ENCODING, { width: 300, height: 200 });
    expect(svg).toContain('<svg');
    expect(svg).toContain("width='300px'");
    expect(toSvg(rdkit, 'CCO', QM9_ENCODING)).toContain('</svg>');
    const penta = Graph.fromEdgeList(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]], { nodeLabels: [C, C, C, C, C, C] });
    expect(() => toSvg(rdkit, penta, QM9_ENCODING)).toThrow(/valence/i);
    expect(toSvg(rdkit, penta, QM9_ENCODING, { allowInvalid: true })).toContain('</svg>');
    expect(() => toSvg(rdkit, 'CCO', QM9_ENCODING, { width: 0 })).toThrow(/options.width/);
    expect(() => toSvg(rdkit, 'CCO', QM9_ENCODING, { height: NaN })).toThrow(/options.height/);
    expect(() => toSvg(rdkit, '', QM9_ENCODING)).toThrow(InputError);
  });
});

describe('canonicalSmiles', () => {
  it('canonicalises and rejects invalid input', () => {
    expect(canonicalSmiles(rdkit, 'C1=CC=CC=C1O')).toBe('Oc1ccccc1');
    expect(canonicalSmiles(rdkit, 'OCC')).toBe('CCO');
    expect(() => canonicalSmiles(rdkit, 'C(')).toThrow(/"C\("/);
    expect(() => canonicalSmiles(rdkit, ' ')).toThrow(InputError);
  });
});
