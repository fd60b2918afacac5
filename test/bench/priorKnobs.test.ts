import { afterEach, describe, expect, it } from 'vitest';
import { priorKnobs } from '../../bench/priorKnobs.js';

afterEach(() => {
  delete process.env.T_PRIOR;
  delete process.env.T_NODE_PRIOR;
});

describe('priorKnobs (flow priors of the generator benches)', () => {
  it('defaults to the marginal prior, no folder suffix and an empty command fragment', () => {
    expect(priorKnobs('T_')).toEqual({ prior: 'marginal', tag: '', env: '', text: '', config: {} });
  });
  it('keeps the folder names of the runs made before the node prior existed', () => {
    process.env.T_PRIOR = 'absorbing';
    expect(priorKnobs('T_')).toEqual({ prior: 'absorbing', tag: '-abs', env: 'T_PRIOR=absorbing ', text: 'absorbing prior', config: { prior: 'absorbing' } });
    process.env.T_PRIOR = 'uniform';
    expect(priorKnobs('T_').tag).toBe('-uni');
  });
  it('adds a node prior only when it differs from the prior', () => {
    process.env.T_PRIOR = 'absorbing';
    process.env.T_NODE_PRIOR = 'marginal';
    expect(priorKnobs('T_')).toEqual({ prior: 'absorbing', nodePrior: 'marginal', tag: '-abs-nmarg', env: 'T_PRIOR=absorbing T_NODE_PRIOR=marginal ', text: 'absorbing prior (marginal node prior)', config: { prior: 'absorbing', nodePrior: 'marginal' } });
    process.env.T_NODE_PRIOR = 'absorbing';
    expect(priorKnobs('T_')).toEqual({ prior: 'absorbing', tag: '-abs', env: 'T_PRIOR=absorbing ', text: 'absorbing prior', config: { prior: 'absorbing' } });
    delete process.env.T_PRIOR;
    process.env.T_NODE_PRIOR = 'uniform';
    expect(priorKnobs('T_')).toMatchObject({ prior: 'marginal', nodePrior: 'uniform', tag: '-nuni', env: 'T_NODE_PRIOR=uniform ', config: { nodePrior: 'uniform' } });
  });
  it('names the variable and the value it refuses', () => {
    process.env.T_PRIOR = 'mask';
    expect(() => priorKnobs('T_')).toThrow(/T_PRIOR: expected one of .*absorbing.*got "mask"/);
    process.env.T_PRIOR = '';
    process.env.T_NODE_PRIOR = 'x';
    expect(() => priorKnobs('T_')).toThrow(/T_NODE_PRIOR: .*got "x"/);
  });
});
