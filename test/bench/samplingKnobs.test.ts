import { afterEach, describe, expect, it } from 'vitest';
import { envNumber, samplingKnobs } from '../../bench/samplingKnobs.js';

const KEYS = ['T_ETA', 'T_OMEGA', 'T_DISTORTION'];
afterEach(() => {
  for (const k of KEYS) delete process.env[k];
});

describe('samplingKnobs (DeFoG sampling knobs of the generator benches)', () => {
  it('defaults to eta 0, omega 0, polydec and an empty command fragment', () => {
    expect(samplingKnobs('T_')).toEqual({ eta: 0, omega: 0, distortion: 'polydec', env: '' });
  });
  it('reads the knobs and spells only the non-default ones', () => {
    process.env.T_ETA = '50';
    process.env.T_OMEGA = '0.1';
    expect(samplingKnobs('T_')).toEqual({ eta: 50, omega: 0.1, distortion: 'polydec', env: 'T_ETA=50 T_OMEGA=0.1 ' });
    process.env.T_ETA = '';
    process.env.T_DISTORTION = 'cos';
    expect(samplingKnobs('T_')).toEqual({ eta: 0, omega: 0.1, distortion: 'cos', env: 'T_OMEGA=0.1 T_DISTORTION=cos ' });
  });
  it('names the variable and the value it refuses', () => {
    process.env.T_OMEGA = '-1';
    expect(() => samplingKnobs('T_')).toThrow(/T_OMEGA: expected a non-negative number, got "-1"/);
    process.env.T_OMEGA = 'abc';
    expect(() => envNumber('T_OMEGA', 0)).toThrow(/T_OMEGA.*"abc"/);
    delete process.env.T_OMEGA;
    process.env.T_DISTORTION = 'wobbly';
    expect(() => samplingKnobs('T_')).toThrow(/T_DISTORTION: expected one of .*polydec.*got "wobbly"/);
  });
});
