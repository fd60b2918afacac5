// The export list of graphgen/ot is pinned by test/api/surface.test.ts; this checks the solvers' record shape.
import { describe, expect, it } from 'vitest';
import * as ot from '../../src/ot/index.js';

describe('graphgen/ot public API', () => {
  it('solvers return the stable record shape', () => {
    const keys = (o: object) => Object.keys(o).sort();
    const base = ['iterations', 'plan', 'potentials', 'status', 'value'];
    const s = ot.sinkhorn([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 0.1);
    expect(keys(s)).toEqual([...base, 'backend', 'marginalError', 'method', 'reg'].sort());
    expect(keys(ot.emd([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]]))).toEqual(base);
    expect(keys(ot.gromovWasserstein([[0, 1], [1, 0]], [[0, 1], [1, 0]], [0.5, 0.5], [0.5, 0.5]))).toEqual([...base, 'losses'].sort());
  });
});
