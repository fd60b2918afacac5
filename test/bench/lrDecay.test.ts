import { describe, expect, it } from 'vitest';
import { lrDecay } from '../../bench/lrDecay.js';

/** The half cosine from `peak` to `floor` at fraction `p` of its span. */
const cos = (peak: number, floor: number, p: number): number => floor + ((peak - floor) * (1 + Math.cos(Math.PI * p))) / 2;

describe('bench lrDecay (the GRAPHGEN_*_DECAY knobs)', () => {
  it('no value: the constant base rate, no command prefix', () => {
    expect(lrDecay('K', undefined, 1e-3)).toEqual({ schedule: 1e-3, text: 'Adam lr 0.001', env: '' });
    expect(lrDecay('K', '', 2e-3).schedule).toBe(2e-3);
  });

  it('one segment: base rate before FROM, half cosine to 1 % over STEPS, then the floor', () => {
    const d = lrDecay('K', '100:50', 1e-3);
    const f = d.schedule as (s: number) => number;
    expect(f(0)).toBe(1e-3);
    expect(f(99)).toBe(1e-3);
    expect(f(100)).toBeCloseTo(1e-3, 15);
    expect(f(125)).toBeCloseTo(cos(1e-3, 1e-5, 0.5), 15);
    expect(f(150)).toBeCloseTo(1e-5, 15);
    expect(f(10_000)).toBeCloseTo(1e-5, 15);
    expect(d.env).toBe('K=100:50 ');
  });

  it('a second segment with its own peak restarts the rate (warm restart) and decays it again', () => {
    const f = lrDecay('K', '100:50,200:40:3e-4', 1e-3).schedule as (s: number) => number;
    expect(f(199)).toBeCloseTo(1e-5, 15);
    expect(f(200)).toBeCloseTo(3e-4, 15);
    expect(f(210)).toBeCloseTo(cos(3e-4, 1e-5, 0.25), 15);
    expect(f(240)).toBeCloseTo(1e-5, 15);
  });

  it('a segment starting before the previous one ends cuts it short there, and the text says so', () => {
    const d = lrDecay('K', '100:50,120:40:3e-4', 1e-3);
    const f = d.schedule as (s: number) => number;
    expect(f(119)).toBeCloseTo(cos(1e-3, 1e-5, 19 / 50), 15);
    expect(f(120)).toBeCloseTo(3e-4, 15);
    expect(f(140)).toBeCloseTo(cos(3e-4, 1e-5, 0.5), 15);
    expect(d.text).toBe('Adam lr 0.001 to step 100, then from step 100 a half cosine from 0.001 down to 0.00001 over 50 steps (cut at step 120), then from step 120 a half cosine from 0.0003 down to 0.00001 over 40 steps');
  });

  it('malformed values, empty spans, non-positive peaks and segments whose FROM do not increase are errors naming the knob', () => {
    for (const bad of ['100', '100:0', 'a:b', '100:50:0', '100:50:-1', '100:50,100:10', '100:50,90:10']) expect(() => lrDecay('GRAPHGEN_X_DECAY', bad, 1e-3)).toThrow(/GRAPHGEN_X_DECAY/);
  });
});
