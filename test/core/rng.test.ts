import { describe, expect, it } from 'vitest';
import { createRng, rngFromState, InputError } from '../../src/core/index.js';

describe('createRng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 20 }, () => a.nextUint32());
    const xb = Array.from({ length: 20 }, () => b.nextUint32());
    const xc = Array.from({ length: 20 }, () => c.nextUint32());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('matches the reference xoshiro128** stream (C reference from state {1,2,3,4})', () => {
    const r = rngFromState({ s: [1, 2, 3, 4], spareNormal: null });
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('pins the stream for seed 0 so that datasets stay stable across versions', () => {
    const r = createRng(0);
    // Recorded once; a change here changes every seeded dataset and must be deliberate.
    const first = Array.from({ length: 4 }, () => r.nextUint32());
    expect(first).toEqual([3809008728, 1133695204, 53579671, 2891528803]);
  });

  it('string seeds and large integer seeds work', () => {
    expect(createRng('abc').uniform()).toBe(createRng('abc').uniform());
    expect(createRng(2 ** 40).uniform()).not.toBe(createRng(0).uniform());
    expect(() => createRng(1.5)).toThrow(InputError);
    expect(() => createRng(Number.NaN)).toThrow(/seed/);
  });

  it('uniform is in [0,1) with the right mean; normal has mean 0 and variance 1', () => {
    const r = createRng(1);
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    s = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(s / n).toBeCloseTo(0, 1);
    expect(s2 / n).toBeCloseTo(1, 1);
  });

  it('int is unbiased on a small range and validates its range', () => {
    const r = createRng(7);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.int(0, 3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => r.int(3, 3)).toThrow(InputError);
    expect(() => r.int(0, 1.5)).toThrow(InputError);
  });

  it('categorical follows the weights and rejects bad weights', () => {
    const r = createRng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[r.categorical([1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
    expect(() => r.categorical([0, 0])).toThrow(InputError);
    expect(() => r.categorical([1, -1])).toThrow(/weights\[1\]/);
    expect(() => r.categorical([1, Number.NaN])).toThrow(InputError);
  });

  it('permutation is a permutation; shuffled does not mutate', () => {
    const r = createRng(5);
    const p = r.permutation(100);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const items = [1, 2, 3, 4];
    const s = r.shuffled(items);
    expect(items).toEqual([1, 2, 3, 4]);
    expect(s.slice().sort()).toEqual(items);
  });

  it('split gives independent, reproducible children', () => {
    const a = createRng(9);
    const b = createRng(9);
    const ca = a.split();
    const cb = b.split();
    expect(ca.uniform()).toBe(cb.uniform());
    expect(a.uniform()).toBe(b.uniform());
    const parent = Array.from({ length: 10 }, () => a.nextUint32());
    const child = Array.from({ length: 10 }, () => ca.nextUint32());
    expect(parent).not.toEqual(child);
  });

  it('state round-trips, including the cached normal', () => {
    const r = createRng(11);
    r.normal();
    const st = r.getState();
    const copy = rngFromState(JSON.parse(JSON.stringify(st)));
    expect(Array.from({ length: 5 }, () => copy.normal())).toEqual(Array.from({ length: 5 }, () => r.normal()));
    expect(() => rngFromState({ s: [0, 0, 0, 0], spareNormal: null })).toThrow(InputError);
    expect(() => rngFromState({ s: [1, 2, 3] as never, spareNormal: null })).toThrow(InputError);
  });
});
