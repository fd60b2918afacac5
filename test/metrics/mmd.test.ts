import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/Graph.js';
import {
  gaussian,
  gaussianEmd,
  gaussianTv,
  graphDescriptors,
  graphMmd,
  kernelFunction,
  meanStd,
  mmd,
  mmdFromDescriptors,
  mmdRatio,
  MMD_PRESETS,
} from '../../src/metrics/index.js';
import { fixture, toGraph, type EdgeRecord } from './helpers/fixtures.js';

interface MmdFixture {
  sets: Record<'a' | 'b' | 'c', EdgeRecord[]>;
  spectre_ab: Record<string, number>;
  spectre_ac: Record<string, number>;
  gdss_ab: Record<string, number>;
  gdss_ac: Record<string, number>;
  kernels: { vectors: number[][]; gaussianTv: number[][]; gaussian: number[][]; gaussianEmd: number[][] };
}

const fx = fixture<MmdFixture>('mmd.json');
const sets = { a: fx.sets.a.map(toGraph), b: fx.sets.b.map(toGraph), c: fx.sets.c.map(toGraph) };

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

describe('kernels vs the Python transcription', () => {
  it('gaussianTv, gaussian, gaussianEmd (zero padding, EMD via scipy wasserstein)', () => {
    const v = fx.kernels.vectors;
    for (let i = 0; i < v.length; i++) {
      for (let j = 0; j < v.length; j++) {
        expect(rel(gaussianTv(v[i], v[j], 0.7), fx.kernels.gaussianTv[i][j])).toBeLessThan(1e-12);
        expect(rel(gaussian(v[i], v[j], 1.3), fx.kernels.gaussian[i][j])).toBeLessThan(1e-12);
        const si = v[i].reduce((s, x) => s + x, 0);
        const sj = v[j].reduce((s, x) => s + x, 0);
        const a = v[i].map((x) => x / si);
        const b = v[j].map((x) => x / sj);
        expect(rel(gaussianEmd(a, b, 0.5, 3), fx.kernels.gaussianEmd[i][j])).toBeLessThan(1e-9);
      }
    }
  });
});

describe('graph MMDs vs the Python transcription of the reference (fixtures/mmd.json)', () => {
  for (const preset of ['spectre', 'gdss'] as const) {
    for (const pair of ['ab', 'ac'] as const) {
      it(`${preset} ${pair}`, () => {
        const expected = fx[`${preset}_${pair}`];
        const got = graphMmd(sets.a, sets[pair[1] as 'b' | 'c'], { preset });
        expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
        for (const [m, v] of Object.entries(expected)) {
          const g = got[m as keyof typeof got] as number;
          if (Math.abs(v) < 1e-9) expect(Math.abs(g - v)).toBeLessThan(1e-12);
          else expect(rel(g, v)).toBeLessThan(1e-6);
        }
      });
    }
  }
});

describe('mmd: definition and properties', () => {
  it('is the biased V-statistic, no square root', () => {
    const k = Math.exp(-0.5);
    expect(mmd([[1, 0]], [[0, 1]], { name: 'gaussianTv', sigma: 1 })).toBeCloseTo(2 - 2 * k, 15);
    // identical samples give exactly 0
    expect(mmd([[1, 2, 3], [0, 1]], [[1, 2, 3], [0, 1]], { name: 'gaussian', sigma: 1 })).toBeCloseTo(0, 15);
  });

  it('normalisation sumEps divides by sum + 1e-6', () => {
    const a = mmd([[2, 0]], [[0, 2]], { name: 'gaussianTv', sigma: 1 }, { normalize: 'sumEps' });
    const d = 2 / (2 + 1e-6);
    expect(a).toBeCloseTo(2 - 2 * Math.exp(-(d * d) / 2), 15);
  });

  it('descriptors can be computed once and reused', () => {
    const ref = graphDescriptors(sets.b);
    const r1 = mmdFromDescriptors(graphDescriptors(sets.a), ref, { preset: 'spectre' });
    expect(r1).toEqual(graphMmd(sets.a, sets.b));
    expect(Object.keys(mmdFromDescriptors(graphDescriptors(sets.a), ref, { preset: 'gdss' })).sort()).toEqual(['clustering', 'degree', 'orbit', 'spectral']);
  });

  it('drops graphs without nodes', () => {
    const withEmpty = [...sets.a, Graph.empty(0)];
    expect(graphMmd(withEmpty, sets.b, { metrics: ['degree'] }).degree).toBe(graphMmd(sets.a, sets.b, { metrics: ['degree'] }).degree);
  });

  it('presets are frozen and as documented', () => {
    expect(MMD_PRESETS.gdss.clustering?.kernel).toEqual({ name: 'gaussianEmd', sigma: 0.1, distanceScaling: 100 });
    expect(MMD_PRESETS.spectre.orbit?.normalize).toBe('none');
    expect(Object.isFrozen(MMD_PRESETS.spectre)).toBe(true);
  });

  it('ratio: rounding of the reference to 4 decimals, zero references skipped', () => {
    const r = mmdRatio({ degree: 0.002, clustering: 0.5, orbit: 0.01 }, { degree: 0.00104, clustering: 0.00004, orbit: 0.005 }, { metrics: ['degree', 'clustering', 'orbit'] });
    expect(r.perMetric.degree).toBeCloseTo(0.002 / 0.001, 12);
    expect(r.skipped).toEqual(['clustering']);
    expect(r.ratio).toBeCloseTo((2 + 2) / 2, 12);
    expect(Number.isNaN(mmdRatio({}, {}).ratio)).toBe(true);
  });

  it('meanStd uses the population std', () => {
    const r = meanStd([1, 2, 3]);
    expect(r.mean).toBe(2);
    expect(r.std).toBeCloseTo(Math.sqrt(2 / 3), 15);
  });

  it('rejects bad input with typed errors naming the argument', () => {
    expect(() => gaussianTv([1], [1], NaN)).toThrow(/sigma: expected a finite number > 0, got NaN/);
    expect(() => gaussian([1], [1], 0)).toThrow(/sigma/);
    expect(() => gaussianEmd([1], [1], 1, -1)).toThrow(/distanceScaling/);
    expect(() => gaussianTv([1, NaN], [1], 1)).toThrow(/x\[1\]/);
    expect(() => mmd([], [[1]], { name: 'gaussianTv', sigma: 1 })).toThrow(/x: expected a non-empty sample/);
    expect(() => mmd([[1]], [[1]], { name: 'nope' as 'gaussian', sigma: 1 })).toThrow(/kernel.name/);
    expect(() => mmd([[1]], [[1]], { name: 'gaussian', sigma: NaN })).toThrow(/kernel.sigma/);
    expect(() => mmd([[0]], [[1]], { name: 'gaussian', sigma: 1 }, { normalize: 'sum' })).toThrow(/x\[0\]: expected a histogram with a positive sum/);
    expect(() => mmd([[1]], [[1]], { name: 'gaussian', sigma: 1 }, { normalize: 'bad' as 'sum' })).toThrow(/options.normalize/);
    expect(() => kernelFunction(null as unknown as 'x' as never)).toThrow(/kernel/);
    expect(() => graphMmd([], sets.b)).toThrow(/graphs: expected a non-empty array of Graph/);
    expect(() => graphMmd([Graph.empty(0)], sets.b)).toThrow(/graphs with no nodes are dropped/);
    expect(() => graphMmd(sets.a, sets.b, { preset: 'x' as 'gdss' })).toThrow(/options.preset/);
    expect(() => graphMmd(sets.a, sets.b, { metrics: ['deg' as 'degree'] })).toThrow(/options.metrics\[0\]/);
    expect(() => graphMmd(sets.a, sets.b, { preset: 'gdss', metrics: ['wavelet'] })).toThrow(/options.metrics/);
    expect(() => mmdRatio({ degree: NaN }, { degree: 1 })).toThrow(/generated.degree/);
    expect(() => mmdRatio({}, {}, { decimals: -1 })).toThrow(/options.decimals/);
    expect(() => meanStd([])).toThrow(/values/);
    expect(() => meanStd([1, NaN])).toThrow(/values\[1\]/);
  });
});

import { absplineFilterBank, normalizedLaplacian, isTree, isLobster, isGrid, isPlanarValid } from '../../src/metrics/index.js';

describe('more bad input', () => {
  it('descriptor and filter entry points', () => {
    const bad = 'g' as unknown as Graph;
    expect(() => normalizedLaplacian(bad)).toThrow(/graph: expected a Graph/);
    for (const f of [isTree, isLobster, isGrid, isPlanarValid]) expect(() => f(bad)).toThrow(/graph: expected a Graph/);
    expect(() => absplineFilterBank({ count: 1 })).toThrow(/options.count/);
    expect(() => absplineFilterBank({ lmax: NaN })).toThrow(/options.lmax/);
    expect(() => graphDescriptors([sets.a[0], bad])).toThrow(/graphs\[1\]: expected a Graph/);
    const d = graphDescriptors(sets.a, { metrics: ['degree'] });
    expect(() => mmdFromDescriptors(d, d, { metrics: ['orbit'] })).toThrow(/generated.orbit/);
  });
});
