import { describe, expect, it } from 'vitest';
import { parseTrainDistortion } from '../../bench/trainDistortion.js';

describe('training-distortion knobs of the generator benches (GRAPHGEN_VUN_TRAIN_DISTORTION, GRAPHGEN_MOLGEN_TRAIN_DISTORTION)', () => {
  const knob = (raw: string | undefined) => parseTrainDistortion('GRAPHGEN_VUN_TRAIN_DISTORTION', raw);

  it('maps uniform times (absent, empty, identity) to no distortion and the usual folder', () => {
    for (const raw of [undefined, '', 'identity']) expect(knob(raw)).toEqual({ distortion: undefined, suffix: '' });
  });

  it('maps any other distortion to itself and its own folder suffix', () => {
    expect(knob('polydec')).toEqual({ distortion: 'polydec', suffix: '-td-polydec' });
    expect(parseTrainDistortion('GRAPHGEN_MOLGEN_TRAIN_DISTORTION', 'cos')).toEqual({ distortion: 'cos', suffix: '-td-cos' });
  });

  it('rejects unknown names with an error naming the knob, the value and the accepted names', () => {
    expect(() => knob('poly')).toThrow(/GRAPHGEN_VUN_TRAIN_DISTORTION: expected one of identity, polyinc, polydec, cos, revcos, got "poly"/);
    expect(() => parseTrainDistortion('GRAPHGEN_MOLGEN_TRAIN_DISTORTION', 'Polydec')).toThrow(/GRAPHGEN_MOLGEN_TRAIN_DISTORTION.*"Polydec"/);
  });
});
