import { beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/index.js';
import { InputError } from '../../src/core/index.js';
import {
  loadRdkit, createMoleculeEncoding, QM9_ENCODING, fromSmiles, digressValidity, relaxedValidity,
  gdssValidity, moleculeStability, uniqueness, novelty, type RdkitModule,
} from '../../src/molecules/index.js';

let rdkit: RdkitModule;
beforeAll(async () => {
  rdkit = await loadRdkit();
});

const C = 0, N = 1, O = 2, F = 3;
const mol = (n: number, edges: [number, number][], atoms: number[], bonds?: number[]) =>
  Graph.fromEdgeList(n, edges, { nodeLabels: atoms, edgeLabels: bonds });
const star = (center: number, k: number) => mol(k + 1, Array.from({ length: k }, (_, i) => [0, i + 1] as [number, number]), [center, ...Array(k).fill(C)]);

describe('digressValidity', () => {
  it('sanitises the whole molecule and keeps the largest fragment', () => {
    const graphs = [
      fromSmiles(rdkit, 'CCO', QM9_ENCODING),
      star(C, 5), // pentavalent carbon
      fromSmiles(rdkit, 'CC.O', QM9_ENCODING), // valid, largest fragment CC
      fromSmiles(rdkit, 'O.C', QM9_ENCODING), // tie: first fragment (lowest atom index) wins
      star(N, 4), // tetravalent neutral N
      Graph.empty(0),
    ];
    const r = digressValidity(rdkit, graphs, QM9_ENCODING);
    expect(r.valid).toEqual([true, false, true, true, false, false]);
    expect(r.numValid).toBe(3);
    expect(r.validity).toBeCloseTo(3 / 6, 15);
    expect(r.smiles).toEqual(['CCO', null, 'CC', 'O', null, null]);
  });

  it('returns 0 for no graphs and rejects bad input', () => {
    expect(digressValidity(rdkit, [], QM9_ENCODING)).toEqual({ validity: 0, numValid: 0, valid: [], smiles: [] });
    expect(() => digressValidity(rdkit, 'CCO' as unknown as Graph[], QM9_ENCODING)).toThrow(InputError);
    expect(() => digressValidity(rdkit, [mol(1, [], [7])], QM9_ENCODING)).toThrow(/graphs\[0\] node 0/);
    expect(() => digressValidity(rdkit, [null as unknown as Graph], QM9_ENCODING)).toThrow(/graphs\[0\]/);
  });
});

describe('relaxedValidity', () => {
  it('charges N, O, S that exceed their valence by exactly one', () => {
    const graphs = [
      star(N, 4), // [N+](C)(C)(C)C
      star(O, 3), // C[O+](C)C
      star(N, 5), // N with valence 5: exceeds by 2, stays invalid
      star(C, 5), // carbon is never charged
      mol(3, [[0, 1], [1, 2]], [C, N, O], [2, 2]), // C=N=O: N valence 4 -> C=[N+]=O, O fine
      mol(2, [[0, 1]], [F, F], [2]), // F=F stays invalid
    ];
    const r = relaxedValidity(rdkit, graphs, QM9_ENCODING);
    expect(r.valid).toEqual([true, true, false, false, true, false]);
    expect(r.smiles).toEqual(['C[N+](C)(C)C', 'C[O+](C)C', null, null, 'C=[N+]=O', null]);
    expect(r.validity).toBeCloseTo(3 / 6, 15);
    expect(digressValidity(rdkit, graphs, QM9_ENCODING).validity).toBe(0);
  });

  it('applies the charge only to the first failing atom after each bond, as the reference does', () => {
    // N0 gets four bonds; after the fourth, N0 is the first failing atom and is charged.
    // Then N5 is bonded a fourth time: it is the first (only) failing atom and is charged too.
    const g = mol(9, [[0, 1], [0, 2], [0, 3], [0, 4], [4, 5], [5, 6], [5, 7], [5, 8]], [N, C, C, C, C, N, C, C, C]);
    expect(relaxedValidity(rdkit, [g], QM9_ENCODING).smiles).toEqual(['C[N+](C)(C)C[N+](C)(C)C']);
    // A pentavalent carbon with a lower index blocks the rule for every later atom.
    const blocked = mol(10, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [5, 6], [5, 7], [5, 8], [5, 9]], [C, C, C, C, C, N, C, C, C, C]);
    expect(relaxedValidity(rdkit, [blocked], QM9_ENCODING).valid).toEqual([false]);
  });
});

describe('gdssValidity', () => {
  it('checks valences after GDSS\'s charge rule, without RDKit', () => {
    const graphs = [
      fromSmiles(rdkit, 'CC(=O)N', QM9_ENCODING),
      star(N, 4), // charged to N+: passes
      star(C, 5),
      mol(2, [[0, 1]], [O, O], [3]), // O#O
      fromSmiles(rdkit, 'CC.O', QM9_ENCODING), // disconnected is fine
      Graph.empty(0),
    ];
    const r = gdssValidity(graphs, QM9_ENCODING);
    expect(r.valid).toEqual([true, true, false, false, true, false]);
    expect(r.numValid).toBe(3);
    expect(r.validity).toBeCloseTo(0.5, 15);
    expect(gdssValidity([], QM9_ENCODING).validity).toBe(0);
    expect(() => gdssValidity([mol(1, [], [4])], QM9_ENCODING)).toThrow(InputError);
  });

  it('counts aromatic bonds as 1.5 with RDKit\'s rounding', () => {
    const enc = QM9_ENCODING;
    const benzene = fromSmiles(rdkit, 'c1ccccc1', enc, { kekulize: false });
    expect(gdssValidity([benzene], enc).valid).toEqual([true]);
    // a carbon with three aromatic bonds and a single bond: 4.5 + 0.1 rounds to 5 > 4
    const g = mol(5, [[0, 1], [0, 2], [0, 3], [0, 4]], [C, C, C, C, C], [4, 4, 4, 1]);
    expect(gdssValidity([g], enc).valid).toEqual([false]);
  });
});

describe('moleculeStability', () => {
  const withH = createMoleculeEncoding(['C', 'H', 'O', 'N']);
  const Hc = 1;
  it('explicit hydrogens: DiGress\'s rule, hand-computed', () => {
    const methane = mol(5, [[0, 1], [0, 2], [0, 3], [0, 4]], [C, Hc, Hc, Hc, Hc]);
    const methyl = mol(4, [[0, 1], [0, 2], [0, 3]], [C, Hc, Hc, Hc]); // C has 3: unstable
    const water = mol(3, [[0, 1], [0, 2]], [2, Hc, Hc]);
    const r = moleculeStability([methane, methyl, water], withH);
    expect(r.numAtoms).toBe(12);
    expect(r.numStableAtoms).toBe(11);
    expect(r.atomStability).toBeCloseTo(11 / 12, 15);
    expect(r.stable).toEqual([true, false, true]);
    expect(r.moleculeStability).toBeCloseTo(2 / 3, 15);
  });

  it('aromatic bonds count 1.5 and charges shift the allowed valence', () => {
    // benzene ring with aromatic bonds and one H per carbon: 1.5 + 1.5 + 1 = 4
    const edges: [number, number][] = [];
    const bonds: number[] = [];
    for (let i = 0; i < 6; i++) {
      edges.push([i, (i + 1) % 6], [i, i + 6]);
      bonds.push(4, 1);
    }
    const benzene = mol(12, edges, [...Array(6).fill(C), ...Array(6).fill(Hc)], bonds);
    expect(moleculeStability([benzene], withH).moleculeStability).toBe(1);
    const enc = createMoleculeEncoding(['C', 'N+', 'H']);
    const ammonium = mol(5, [[0, 1], [0, 2], [0, 3], [0, 4]], [1, 2, 2, 2, 2]);
    expect(moleculeStability([ammonium], enc).atomStability).toBe(1);
  });

  it('implicit hydrogens: stable when implicit H can fill an allowed valence', () => {
    const graphs = [fromSmiles(rdkit, 'CC=O', QM9_ENCODING), star(C, 5), fromSmiles(rdkit, 'c1ccccc1', QM9_ENCODING, { kekulize: false })];
    const r = moleculeStability(graphs, QM9_ENCODING, { hydrogens: 'implicit' });
    expect(r.stable).toEqual([true, false, true]);
    expect(r.numStableAtoms).toBe(3 + 5 + 6); // only the centre of the star fails
    expect(r.numAtoms).toBe(15);
    // explicit mode on H-free graphs: only atoms that need no H are stable (the O of CC=O)
    const e = moleculeStability([fromSmiles(rdkit, 'CC=O', QM9_ENCODING)], QM9_ENCODING);
    expect(e.numStableAtoms).toBe(1);
    expect(e.stable).toEqual([false]);
    expect(moleculeStability([Graph.empty(0)], QM9_ENCODING).stable).toEqual([true]);
    expect(moleculeStability([], QM9_ENCODING)).toMatchObject({ atomStability: 0, moleculeStability: 0 });
    expect(() => moleculeStability([], QM9_ENCODING, { hydrogens: 'none' as 'implicit' })).toThrow(/options.hydrogens/);
  });
});

describe('uniqueness and novelty', () => {
  it('match hand-computed values', () => {
    expect(uniqueness(['CCO', 'CCO', 'C', null])).toBeCloseTo(2 / 3, 15);
    expect(uniqueness(['C', 'N', 'O'])).toBe(1);
    expect(uniqueness([null, null])).toBe(0);
    expect(uniqueness([])).toBe(0);
    expect(novelty(['CCO', 'CCO', 'CCN', null], ['CCO', 'C'])).toBeCloseTo(1 / 2, 15);
    expect(novelty(['CCO', 'CCN', 'CCC', 'C'], new Set(['C']))).toBeCloseTo(3 / 4, 15);
    expect(novelty(['C'], [])).toBe(1);
    expect(novelty([null], ['C'])).toBe(0);
  });

  it('reject bad input', () => {
    expect(() => uniqueness('CCO' as unknown as string[])).toThrow(InputError);
    expect(() => uniqueness([1 as unknown as string])).toThrow(/smiles\[0\]/);
    expect(() => novelty(['C'], [null as unknown as string])).toThrow(/train\[0\]/);
    expect(() => novelty(['C'], 'C' as unknown as string[])).toThrow(InputError);
  });
});
