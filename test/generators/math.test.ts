import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { CategoricalTransition } from '../../src/generators/common/CategoricalTransition.js';
import { noiseSchedule } from '../../src/generators/common/NoiseSchedule.js';
import { NodeCountPrior } from '../../src/generators/common/NodeCountPrior.js';
import { graphMarginals } from '../../src/generators/common/graphMarginals.js';
import { distortTime, TIME_DISTORTIONS } from '../../src/generators/common/timeDistortion.js';
import { diffusionPosterior } from '../../src/generators/diffusion/diffusionPosterior.js';
import { DiffusionProcess } from '../../src/generators/diffusion/DiffusionProcess.js';
import { flowRateMatrix } from '../../src/generators/flow/flowRateMatrix.js';
import { FlowProcess, FlowRateKernel } from '../../src/generators/flow/FlowProcess.js';

function matmul(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const c = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let l = 0; l < k; l++) c[i * k + j] += a[i * k + l] * b[l * k + j];
  return c;
}

describe('noise schedules', () => {
  it('cosine is 1 at 0, ~0 at 1 and non-increasing', () => {
    const s = noiseSchedule({ name: 'cosine' });
    expect(s.alphaBar(0)).toBe(1);
    expect(s.alphaBar(1)).toBeLessThan(1e-6);
    let prev = 1;
    for (let k = 1; k <= 100; k++) {
      const a = s.alphaBar(k / 100);
      expect(a).toBeLessThanOrEqual(prev + 1e-15);
      prev = a;
    }
    expect(noiseSchedule({ name: 'linear' }).alphaBar(0.25)).toBeCloseTo(0.75);
  });
  it('rejects unknown names', () => {
    expect(() => noiseSchedule({ name: 'nope' as 'cosine' })).toThrow(/config.name/);
  });
});

describe('CategoricalTransition', () => {
  const cases = [CategoricalTransition.uniform(3), CategoricalTransition.marginal([5, 3, 2]), CategoricalTransition.absorbing(3, 0)];
  it('rows sum to 1 and the matrix converges to 1 m^T', () => {
    for (const tr of cases) {
      for (const a of [1, 0.7, 0.2, 0]) {
        const q = tr.matrix(a);
        for (let i = 0; i < 3; i++) expect(q[i * 3] + q[i * 3 + 1] + q[i * 3 + 2]).toBeCloseTo(1, 12);
      }
      const q0 = tr.matrix(0);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(q0[i * 3 + j]).toBeCloseTo(tr.limit[j], 12);
      // Products of one-step matrices along a schedule converge to the limit.
      const s = noiseSchedule({ name: 'cosine' });
      const T = 50;
      let prod = tr.matrix(1);
      for (let k = 1; k <= T; k++) prod = matmul(prod, tr.matrix(s.alphaBar(k / T) / Math.max(1e-300, s.alphaBar((k - 1) / T))), 3);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(prod[i * 3 + j]).toBeCloseTo(tr.limit[j], 6);
    }
  });
  it('is closed under products: Q(a) Q(b) = Q(ab)', () => {
    const tr = cases[1];
    const p = matmul(tr.matrix(0.6), tr.matrix(0.3), 3);
    const q = tr.matrix(0.18);
    for (let i = 0; i < 9; i++) expect(p[i]).toBeCloseTo(q[i], 12);
  });
  it('rejects bad limits', () => {
    expect(() => CategoricalTransition.marginal([])).toThrow(/frequencies/);
    expect(() => CategoricalTransition.marginal([1, Number.NaN])).toThrow(/frequencies\[1\]/);
    expect(() => CategoricalTransition.marginal([0, 0])).toThrow(/positive/);
    expect(() => CategoricalTransition.absorbing(2, 2)).toThrow(/state/);
    expect(CategoricalTransition.fromConfig(cases[1].getConfig()).limit).toEqual(cases[1].limit);
  });
});

describe('diffusionPosterior', () => {
  it('equals brute-force Bayes p(z_s | z_t) when the prediction is the true posterior of x0', () => {
    const rng = createRng(7);
    for (const tr of [CategoricalTransition.marginal([0.6, 0.3, 0.1]), CategoricalTransition.uniform(3), CategoricalTransition.absorbing(3, 2)]) {
      for (let trial = 0; trial < 5; trial++) {
        const K = 3;
        const pi = Float64Array.from({ length: K }, () => 0.1 + rng.uniform());
        const piSum = pi.reduce((a, b) => a + b, 0);
        for (let i = 0; i < K; i++) pi[i] /= piSum;
        const abS = 0.2 + 0.7 * rng.uniform();
        const abT = abS * (0.1 + 0.8 * rng.uniform());
        const Qs = tr.matrix(abS);
        const Qts = tr.matrix(abT / abS);
        // joint p(x0, zs, zt) = pi(x0) Qs[x0, zs] Qts[zs, zt]
        for (let zt = 0; zt < K; zt++) {
          const brute = new Float64Array(K);
          const postX0 = new Float64Array(K);
          let norm = 0;
          for (let x0 = 0; x0 < K; x0++)
            for (let zs = 0; zs < K; zs++) {
              const p = pi[x0] * Qs[x0 * K + zs] * Qts[zs * K + zt];
              brute[zs] += p;
              postX0[x0] += p;
              norm += p;
            }
          if (norm < 1e-12) continue;
          for (let i = 0; i < K; i++) {
            brute[i] /= norm;
            postX0[i] /= norm;
          }
          const got = diffusionPosterior(tr, postX0, zt, abT, abS, new Float64Array(K));
          for (let i = 0; i < K; i++) expect(got[i]).toBeCloseTo(brute[i], 10);
        }
      }
    }
  });
  it('goes to the predicted class at s = 0 and stays for impossible predictions', () => {
    const tr = CategoricalTransition.absorbing(2, 0);
    const out = diffusionPosterior(tr, Float64Array.of(0, 1), 1, 0.5, 1, new Float64Array(2));
    expect(Array.from(out)).toEqual([0, 1]);
    // z_t = 1 cannot come from x0 = 0 under an absorbing-at-0 chain: stay.
    const stay = diffusionPosterior(tr, Float64Array.of(1, 0), 1, 0.5, 0.8, new Float64Array(2));
    expect(Array.from(stay)).toEqual([0, 1]);
  });
});

describe('DeFoG rate matrices', () => {
  function conditionalRates(prior: Float64Array, x1: number, t: number, eta: number): Float64Array {
    const K = prior.length;
    const R = new Float64Array(K * K);
    const onehot = new Float64Array(K);
    onehot[x1] = 1;
    const row = new Float64Array(K);
    for (let z = 0; z < K; z++) {
      flowRateMatrix(prior, onehot, z, t, { eta }, row);
      R.set(row, z * K);
    }
    return R;
  }
  const pt = (prior: Float64Array, x1: number, t: number): Float64Array => prior.map((p, z) => (z === x1 ? t : 0) + (1 - t) * p);

  it('satisfy the Kolmogorov forward equation dp_t/dt = p_t^T R_t (with and without eta)', () => {
    for (const prior of [Float64Array.of(0.5, 0.3, 0.2), Float64Array.of(1 / 3, 1 / 3, 1 / 3), Float64Array.of(1, 0, 0)]) {
      for (const eta of [0, 0.5, 3]) {
        for (const x1 of [0, 1, 2]) {
          for (const t of [0.1, 0.45, 0.8]) {
            const K = 3;
            const R = conditionalRates(prior, x1, t, eta);
            const p = pt(prior, x1, t);
            const h = 1e-6;
            const dp = pt(prior, x1, t + h).map((v, z) => (v - pt(prior, x1, t - h)[z]) / (2 * h));
            for (let z = 0; z < K; z++) {
              let flow = 0;
              for (let y = 0; y < K; y++) flow += p[y] * R[y * K + z];
              expect(flow).toBeCloseTo(dp[z], 6);
            }
            // rows of a rate matrix sum to 0, off-diagonals >= 0
            for (let y = 0; y < K; y++) {
              let s = 0;
              for (let z = 0; z < K; z++) {
                s += R[y * K + z];
                if (z !== y) expect(R[y * K + z]).toBeGreaterThanOrEqual(0);
              }
              expect(s).toBeCloseTo(0, 12);
            }
          }
        }
      }
    }
  });
  it('target guidance adds omega / (Z p_t(z_t)) towards x1', () => {
    const prior = Float64Array.of(0.5, 0.5);
    const a = flowRateMatrix(prior, Float64Array.of(0, 1), 0, 0.5, {}, new Float64Array(2));
    const b = flowRateMatrix(prior, Float64Array.of(0, 1), 0, 0.5, { omega: 0.2 }, new Float64Array(2));
    expect(a[1]).toBeCloseTo(2, 12);
    expect(b[1] - a[1]).toBeCloseTo(0.2 / (2 * 0.25), 12);
  });
  it('the CTMC sampler transports the prior to the data distribution', () => {
    // One variable, K = 3, data distribution q; exact prediction p(x1 | z_t) by Bayes.
    const prior = Float64Array.of(0.5, 0.3, 0.2);
    const q = Float64Array.of(0.1, 0.2, 0.7);
    const kernel = new FlowRateKernel({ x: prior, e: prior }, { distortion: 'identity' });
    const grid = kernel.timeGrid(400);
    let dist = prior.slice();
    const out = new Float64Array(3);
    for (let k = 0; k < 400; k++) {
      const t = grid[k];
      const next = new Float64Array(3);
      for (let z = 0; z < 3; z++) {
        const post = q.map((qx, x1) => qx * pt(prior, x1, t)[z]);
        const s = post.reduce((a, b) => a + b, 0);
        kernel.transition('x', post.map((v) => v / s), z, t, grid[k + 1], out);
        for (let y = 0; y < 3; y++) next[y] += dist[z] * out[y];
      }
      dist = next;
    }
    for (let z = 0; z < 3; z++) expect(dist[z]).toBeCloseTo(q[z], 2);
  });
  it('time distortions are monotone bijections of [0, 1]', () => {
    for (const d of TIME_DISTORTIONS) {
      expect(distortTime(0, d)).toBeCloseTo(0, 12);
      expect(distortTime(1, d)).toBeCloseTo(1, 12);
      let prev = 0;
      for (let k = 1; k <= 50; k++) {
        const v = distortTime(k / 50, d);
        expect(v).toBeGreaterThan(prev - 1e-12);
        prev = v;
      }
    }
  });
});

describe('processes', () => {
  it('diffusion noisy distributions are rows of Q-bar and the reverse grid runs 1 -> 0', () => {
    const p = new DiffusionProcess(noiseSchedule({ name: 'cosine' }), { x: CategoricalTransition.uniform(1), e: CategoricalTransition.marginal([0.8, 0.2]) });
    const out = new Float64Array(2);
    p.noisyDistribution('e', 1, 1, out);
    expect(out[0]).toBeCloseTo(0.8, 6);
    p.noisyDistribution('e', 1, 0, out);
    expect(Array.from(out)).toEqual([0, 1]);
    expect(Array.from(p.timeGrid(4))).toEqual([1, 0.75, 0.5, 0.25, 0]);
    const rng = createRng(1);
    for (let i = 0; i < 20; i++) {
      const t = p.sampleTime(rng);
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThanOrEqual(1);
    }
  });
  it('flow interpolates linearly', () => {
    const p = new FlowProcess({ x: Float64Array.of(1), e: Float64Array.of(0.6, 0.4) });
    const out = new Float64Array(2);
    p.noisyDistribution('e', 1, 0.25, out);
    expect(out[0]).toBeCloseTo(0.45);
    expect(out[1]).toBeCloseTo(0.55);
    expect(() => new FlowRateKernel({ x: Float64Array.of(1), e: Float64Array.of(1) }, { eta: -1 })).toThrow(/eta/);
  });
  it('flow training times follow the training distortion: t = f(u), one uniform draw each', () => {
    const priors = { x: Float64Array.of(1), e: Float64Array.of(0.6, 0.4) };
    // identity (the default) draws exactly the uniforms: checkpoints trained before the option resume unchanged
    const plain = new FlowProcess(priors);
    const u = createRng(11);
    const r1 = createRng(11);
    for (let i = 0; i < 50; i++) expect(plain.sampleTime(r1)).toBe(u.uniform());
    // polydec: f(u) = 2u - u^2, so t > 3/4 iff u > 1/2 (probability 1/2) and E[t] = 2/3; identity: 1/4 and 1/2
    const moments = (p: FlowProcess): [number, number] => {
      const rng = createRng(12);
      const m = 20000;
      let above = 0;
      let sum = 0;
      for (let i = 0; i < m; i++) {
        const t = p.sampleTime(rng);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(1);
        above += t > 0.75 ? 1 : 0;
        sum += t;
      }
      return [above / m, sum / m];
    };
    const [aboveDec, meanDec] = moments(new FlowProcess(priors, 'polydec'));
    expect(Math.abs(aboveDec - 0.5)).toBeLessThan(0.015); // 4 standard errors
    expect(Math.abs(meanDec - 2 / 3)).toBeLessThan(0.01);
    const [aboveId, meanId] = moments(plain);
    expect(Math.abs(aboveId - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(meanId - 0.5)).toBeLessThan(0.01);
    const [, meanInc] = moments(new FlowProcess(priors, 'polyinc')); // E[u^2] = 1/3
    expect(Math.abs(meanInc - 1 / 3)).toBeLessThan(0.01);
    expect(() => new FlowProcess(priors, 'square' as never)).toThrow(/trainDistortion/);
  });
});

describe('NodeCountPrior and marginals', () => {
  it('reproduces the training node-count distribution', () => {
    const graphs = [Graph.empty(3), Graph.empty(3), Graph.empty(5), Graph.empty(8)];
    const prior = NodeCountPrior.fromGraphs(graphs);
    expect(prior.maxNodes).toBe(8);
    const ns = prior.sample(4000, createRng(3));
    const freq = (n: number) => ns.filter((v) => v === n).length / ns.length;
    expect(freq(3)).toBeCloseTo(0.5, 1);
    expect(freq(5)).toBeCloseTo(0.25, 1);
    expect(freq(4)).toBe(0);
    expect(NodeCountPrior.fromConfig(prior.getConfig()).probability(8)).toBeCloseTo(0.25);
    expect(() => new NodeCountPrior([0, 0])).toThrow(/positive/);
    expect(() => NodeCountPrior.fromGraphs([])).toThrow(/graphs/);
    expect(() => prior.sample(-1, createRng(0))).toThrow(/count/);
  });
  it('counts edge-class marginals over unordered pairs', () => {
    const m = graphMarginals([Graph.fromEdgeList(3, [[0, 1]]), Graph.fromEdgeList(2, [[0, 1]])], 1, 2);
    expect(m.e[1]).toBeCloseTo(2 / 4);
    expect(m.x[0]).toBe(1);
    expect(() => graphMarginals([Graph.empty(1)], 1, 2)).toThrow(/two nodes/);
  });
});
