// The public surface of graphgen/ot changes only on purpose: update this list with the change.
import { describe, expect, it } from 'vitest';
import * as ot from '../../src/ot/index.js';

describe('graphgen/ot public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(ot).sort()).toEqual([
      'DEFAULT_SINKHORN_METHOD',
      'SINKHORN_WASM_URL',
      'emd',
      'emd1d',
      'emd2',
      'entropicFusedGromovWasserstein',
      'entropicFusedGromovWasserstein2',
      'entropicGromovWasserstein',
      'entropicGromovWasserstein2',
      'fgwBarycenter',
      'fusedGromovWasserstein',
      'fusedGromovWasserstein2',
      'gromovBarycenter',
      'gromovWasserstein',
      'gromovWasserstein2',
      'instantiateSinkhornWasm',
      'jsSinkhornKernel',
      'loadSinkhornWasm',
      'lsap',
      'sinkhorn',
      'sinkhorn2',
      'sinkhornBatch',
      'sinkhornDivergence',
      'sinkhornKnopp',
      'sinkhornLog',
      'sinkhornStabilized',
    ]);
  });

  it('solvers return the stable record shape', () => {
    const keys = (o: object) => Object.keys(o).sort();
    const base = ['iterations', 'plan', 'potentials', 'status', 'value'];
    const s = ot.sinkhorn([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 0.1);
    expect(keys(s)).toEqual([...base, 'backend', 'marginalError', 'method', 'reg'].sort());
    expect(keys(ot.emd([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]]))).toEqual(base);
    expect(keys(ot.gromovWasserstein([[0, 1], [1, 0]], [[0, 1], [1, 0]], [0.5, 0.5], [0.5, 0.5]))).toEqual([...base, 'losses'].sort());
  });
});
