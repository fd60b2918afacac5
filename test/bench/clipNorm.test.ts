import { describe, expect, it } from 'vitest';
import { BENCH_CLIP_NORM, parseClipNorm } from '../../bench/clipNorm.js';

describe('gradient-clip knob of the generator benches (GRAPHGEN_VUN_CLIP_NORM)', () => {
  const knob = (raw: string | undefined) => parseClipNorm('GRAPHGEN_VUN_CLIP_NORM', raw);

  it('keeps the default clip and the usual folder when absent or empty', () => {
    expect(BENCH_CLIP_NORM).toBe(10);
    for (const raw of [undefined, '']) expect(knob(raw)).toEqual({ clipNorm: 10, suffix: '', env: '' });
  });

  it('maps a positive value to the clip, its own folder suffix and the command prefix', () => {
    expect(knob('1')).toEqual({ clipNorm: 1, suffix: '-clip1', env: 'GRAPHGEN_VUN_CLIP_NORM=1 ' });
    expect(knob('0.5')).toEqual({ clipNorm: 0.5, suffix: '-clip0.5', env: 'GRAPHGEN_VUN_CLIP_NORM=0.5 ' });
  });

  it('rejects zero, negative, non-finite and non-numeric values with an error naming the knob and the value', () => {
    for (const raw of ['0', '-1', 'Infinity', 'abc', ' 1', '1/2']) expect(() => knob(raw)).toThrow(`GRAPHGEN_VUN_CLIP_NORM: expected a finite number > 0, got ${JSON.stringify(raw)}`);
  });
});
