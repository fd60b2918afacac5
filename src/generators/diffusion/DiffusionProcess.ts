import { assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import type { CategoricalTransition } from '../common/CategoricalTransition.js';
import type { DiscreteProcess, GraphPart } from '../common/DiscreteProcess.js';
import type { NoiseSchedule } from '../common/NoiseSchedule.js';
import type { ReverseKernel } from '../common/ReverseKernel.js';
import { diffusionPosterior } from './diffusionPosterior.js';

/** The transition models of the two parts of a graph. */
export interface GraphTransitions {
  /** Node classes, K = dx. */
  x: CategoricalTransition;
  /** Edge classes including class 0 = no edge, K = de. */
  e: CategoricalTransition;
}

/**
 * Forward process and exact reverse kernel of a discrete diffusion on graphs (DiGress, Vignac
 * et al. 2023): each node and each unordered pair is noised independently with
 * `q(z_t | x0) = x0 Q̄(ā(t))`, `t = 0` clean, `t = 1` at the limit distribution m. Training
 * times are `k / T` for k uniform in `1..T` (DiGress's discrete steps; T = `trainSteps`); the
 * sampler may use any number of steps on the grid `1 = t_0 > … > t_S = 0` thanks to the
 * closed form of `Q̄` (see {@link diffusionPosterior}).
 *
 * @example
 * ```ts
 * const p = new DiffusionProcess(noiseSchedule({ name: 'cosine' }), {
 *   x: CategoricalTransition.uniform(1), e: CategoricalTransition.marginal([0.8, 0.2]) });
 * ```
 */
export class DiffusionProcess implements DiscreteProcess, ReverseKernel {
  /** The noise schedule ā(t). */
  readonly schedule: NoiseSchedule;
  /** Transitions of nodes and edges. */
  readonly transitions: GraphTransitions;
  /** Number of discrete training times T. */
  readonly trainSteps: number;

  /** @throws `InputError` when `trainSteps` is not an integer >= 1 */
  constructor(schedule: NoiseSchedule, transitions: GraphTransitions, trainSteps = 500) {
    assertInteger(trainSteps, 'trainSteps', { min: 1 });
    this.schedule = schedule;
    this.transitions = transitions;
    this.trainSteps = trainSteps;
  }

  sampleTime(rng: Rng): number {
    return rng.int(1, this.trainSteps + 1) / this.trainSteps;
  }

  noisyDistribution(part: GraphPart, clean: number, t: number, out: Float64Array): void {
    const tr = this.transitions[part];
    const ab = this.schedule.alphaBar(t);
    for (let j = 0; j < tr.classes; j++) out[j] = tr.entry(ab, clean, j);
  }

  prior(part: GraphPart): Float64Array {
    return this.transitions[part].limit.slice();
  }

  /** `t_k = 1 − k / S`, from noise to data. */
  timeGrid(steps: number): Float64Array {
    assertInteger(steps, 'steps', { min: 1 });
    const g = new Float64Array(steps + 1);
    for (let k = 0; k <= steps; k++) g[k] = 1 - k / steps;
    return g;
  }

  /** {@link diffusionPosterior} between `t` and `tNext < t`. */
  transition(part: GraphPart, pred: Float64Array, current: number, t: number, tNext: number, out: Float64Array): void {
    diffusionPosterior(this.transitions[part], pred, current, this.schedule.alphaBar(t), this.schedule.alphaBar(tNext), out);
  }
}
