import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/Graph.js';
import { collate } from '../../src/graph/collate.js';
import { permute, randomPermutation } from '../../src/graph/permute.js';
import { createRng } from '../../src/core/rng.js';
import { concatExtraFeatures, molecularFeatures } from '../../src/generators/common/molecularFeatures.js';
import { createExtraFeatures } from '../../src/generators/common/createExtraFeatures.js';
import { molecularFeaturesConfig } from '../../src/molecules/molecularFeaturesConfig.js';
import { QM9_ENCODING, createMoleculeEncoding } from '../../src/molecules/MoleculeEncoding.js';

const TABLES = molecularFeaturesConfig(QM9_ENCODING);
const opts = { nodeClasses: 4, edgeClasses: 5 };

describe('molecularFeatures', () => {
  it('builds DiGress tables from an encoding (isoelectronic valences for charged atoms)', () => {
    expect(TABLES.valencies).toEqual([4, 3, 2, 1]);
    expect(TABLES.bondOrders).toEqual([0, 1, 2, 3, 1.5]);
    expect(TABLES.atomWeights.map((w) => Math.round(w))).toEqual([12, 14, 16, 19]);
    expect(molecularFeaturesConfig(createMoleculeEncoding(['N+', 'O-', 'N-', 'C-', 'S'])).valencies).toEqual([4, 1, 2, 3, 2]);
  });

  it('matches hand-computed values: acetaldehyde CC=O and an aromatic pair, padding zero', () => {
    const f = molecularFeatures(TABLES);
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([2, 0, 1]);
    const acetaldehyde = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { nodeLabels: [0, 0, 2], edgeLabels: [1, 2] });
    const aromatic = Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 1], edgeLabels: [4] });
    const { x, e, y } = f.compute(collate([acetaldehyde, aromatic], opts));
    expect(e.length).toBe(0);
    // graph 0: C (1 bond: v 1, deficit 3), C (single + double: v 3, deficit 1), O (double: v 2, deficit 0)
    expect(Array.from(x.slice(0, 6))).toEqual([1, 3, 3, 1, 2, 0]);
    // graph 1: C and N joined by an aromatic bond (1.5); third row is padding
    expect(Array.from(x.slice(6, 12))).toEqual([1.5, 2.5, 1.5, 1.5, 0, 0]);
    expect(y[0]).toBeCloseTo((2 * 12.011 + 15.999) / 150, 6);
    expect(y[1]).toBeCloseTo((12.011 + 14.007) / 150, 6);
  });

  it('is permutation-equivariant per node and invariant per graph, also inside a concatenated set', () => {
    const rng = createRng(3);
    const f = createExtraFeatures({ name: 'rrwp', walkSteps: 3, molecular: TABLES });
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([3 + 2, 3, 1 + 1]);
    for (let trial = 0; trial < 5; trial++) {
      const n = rng.int(3, 9);
      const edges: [number, number][] = [];
      const labels: number[] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < 0.4) {
        edges.push([i, j]);
        labels.push(rng.int(1, 5));
      }
      const g = Graph.fromEdgeList(n, edges, { nodeLabels: Array.from({ length: n }, () => rng.int(0, 4)), edgeLabels: labels });
      const perm = randomPermutation(n, rng);
      const a = f.compute(collate([g], opts));
      const b = f.compute(collate([permute(g, perm)], opts));
      // permute maps node i to perm[i]
      for (let i = 0; i < n; i++) for (let k = 0; k < f.nodeDim; k++) expect(b.x[perm[i] * f.nodeDim + k]).toBeCloseTo(a.x[i * f.nodeDim + k], 5);
      for (let k = 0; k < f.globalDim; k++) expect(b.y[k]).toBeCloseTo(a.y[k], 6);
    }
  });

  it('round-trips its config through createExtraFeatures and rejects bad tables and batches', () => {
    const f = createExtraFeatures({ name: 'cycles', molecular: TABLES });
    const cfg = f.getConfig();
    expect(cfg.name).toBe('cycles');
    expect(cfg.molecular?.valencies).toEqual([4, 3, 2, 1]);
    const g = createExtraFeatures(JSON.parse(JSON.stringify(cfg)));
    expect([g.nodeDim, g.edgeDim, g.globalDim]).toEqual([f.nodeDim, f.edgeDim, f.globalDim]);
    expect(concatExtraFeatures(createExtraFeatures({ name: 'none' }), molecularFeatures(TABLES)).globalDim).toBe(2);
    expect(() => molecularFeatures({ valencies: [], atomWeights: [] })).toThrow(/config.valencies/);
    expect(() => molecularFeatures({ valencies: [4, 3], atomWeights: [12] })).toThrow(/config.atomWeights/);
    expect(() => molecularFeatures({ valencies: [4, NaN], atomWeights: [12, 14] })).toThrow(/config.valencies/);
    expect(() => molecularFeatures({ ...TABLES, maxWeight: 0 })).toThrow(/maxWeight/);
    const wrong = collate([Graph.fromEdgeList(2, [[0, 1]])], { nodeClasses: 1, edgeClasses: 2 });
    expect(() => molecularFeatures(TABLES).compute(wrong)).toThrow(/nodeClasses/);
  });
});
