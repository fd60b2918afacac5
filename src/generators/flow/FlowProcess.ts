import { assertFinite, assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import type { DiscreteProcess, GraphPart } from '../common/DiscreteProcess.js';
import type { ReverseKernel } from '../common/ReverseKernel.js';
import { distortTime, TIME_DISTORTIONS, type TimeDistortion } from '../common/timeDistortion.js';
import { assertOneOf } from '../../core/assert.js';
import { flowRateMatrix } from './flowRateMatrix.js';

/** The priors of the two parts of a graph, `[dx]` and `[de]`. */
export interface GraphPriors {
  /** Node-class prior p0. */
  x: Float64Array;
  /** Edge-class prior p0 (class 0 = no edge). */
  e: Float64Array;
}

/**
 * Forward side of discrete flow matching on graphs (DeFoG, Qin et al. 2025; Campbell et al.
 * 2024): every node and unordered pair follows the linear interpolation
 * `p_t(z | x1) = t δ(z, x1) + (1 − t) p0(z)` from the prior (`t = 0`) to the data (`t = 1`).
 * Training times are `t = f(u)` with u uniform on [0, 1] and f the training
 * {@link TimeDistortion} (DeFoG's `train.time_distortion`): `identity` gives uniform times;
 * `polydec` (`f(u) = 2u − u²`, density `1 / (2 √(1 − t))`, mean 2/3) puts more of the training
 * on the last, nearly clean states, where single edges are decided (DeFoG's tree setting);
 * `polyinc` (`f(u) = u²`) favours the noisy end. One uniform draw per time whatever f, so
 * `identity` draws the same times as a process built without a distortion.
 *
 * @example
 * ```ts
 * const p = new FlowProcess({ x: Float64Array.of(1), e: Float64Array.of(0.8, 0.2) });
 * const q = new FlowProcess(p.priors, 'polydec'); // times concentrated near the data
 * ```
 */
export class FlowProcess implements DiscreteProcess {
  /** Priors p0 of nodes and edges. */
  readonly priors: GraphPriors;
  /** Distortion of the training times. */
  readonly trainDistortion: TimeDistortion;

  /** @throws `InputError` for an unknown distortion */
  constructor(priors: GraphPriors, trainDistortion: TimeDistortion = 'identity') {
    assertOneOf(trainDistortion, 'trainDistortion', TIME_DISTORTIONS);
    this.priors = priors;
    this.trainDistortion = trainDistortion;
  }

  sampleTime(rng: Rng): number {
    return distortTime(rng.uniform(), this.trainDistortion);
  }

  noisyDistribution(part: GraphPart, clean: number, t: number, out: Float64Array): void {
    const p0 = this.priors[part];
    for (let j = 0; j < p0.length; j++) out[j] = (j === clean ? t : 0) + (1 - t) * p0[j];
  }

  prior(part: GraphPart): Float64Array {
    return this.priors[part].slice();
  }
}

/** Sampling-time options of DeFoG, chosen after training. */
export interface FlowSamplingOptions {
  /** Stochasticity η (see {@link flowRateMatrix}). @default 0 */
  eta?: number;
  /** Target guidance ω (see {@link flowRateMatrix}). @default 0 */
  omega?: number;
  /** Time distortion of the sampling grid. @default 'polydec' */
  distortion?: TimeDistortion;
}

/**
 * The CTMC sampler of DeFoG: on the grid `t_k = f(k / S)` (f a {@link TimeDistortion}), each
 * variable jumps with the Euler step of its rate matrix,
 * `P(z_{t+Δt} = z | z_t) = δ(z, z_t) + R_t(z_t, z) Δt` ({@link flowRateMatrix}); when the
 * off-diagonal mass exceeds 1 it is renormalised (the variable surely jumps).
 *
 * @example
 * ```ts
 * const k = new FlowRateKernel(priors, { eta: 0, omega: 0.05, distortion: 'polydec' });
 * ```
 */
export class FlowRateKernel implements ReverseKernel {
  private readonly priors: GraphPriors;
  private readonly opts: Required<FlowSamplingOptions>;

  /** @throws `InputError` for negative η or ω or an unknown distortion */
  constructor(priors: GraphPriors, options: FlowSamplingOptions = {}) {
    const eta = options.eta ?? 0;
    const omega = options.omega ?? 0;
    assertFinite(eta, 'options.eta', { min: 0 });
    assertFinite(omega, 'options.omega', { min: 0 });
    const distortion = options.distortion ?? 'polydec';
    assertOneOf(distortion, 'options.distortion', TIME_DISTORTIONS);
    this.priors = priors;
    this.opts = { eta, omega, distortion };
  }

  /** `t_k = f(k / S)`, k = 0..S. */
  timeGrid(steps: number): Float64Array {
    assertInteger(steps, 'steps', { min: 1 });
    const g = new Float64Array(steps + 1);
    for (let k = 0; k <= steps; k++) g[k] = distortTime(k / steps, this.opts.distortion);
    g[steps] = 1;
    return g;
  }

  transition(part: GraphPart, pred: Float64Array, current: number, t: number, tNext: number, out: Float64Array): void {
    const dt = tNext - t;
    flowRateMatrix(this.priors[part], pred, current, t, this.opts, out);
    let s = 0;
    for (let z = 0; z < out.length; z++) {
      if (z === current) continue;
      out[z] = Math.max(0, out[z] * dt);
      s += out[z];
    }
    if (s > 1) {
      for (let z = 0; z < out.length; z++) out[z] /= s;
      out[current] = 0;
    } else {
      out[current] = 1 - s;
    }
  }
}
