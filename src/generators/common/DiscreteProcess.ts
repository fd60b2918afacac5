import type { Rng } from '../../core/rng.js';

/** Which part of a graph a categorical variable belongs to: a node (`x`) or a node pair (`e`). */
export type GraphPart = 'x' | 'e';

/**
 * The forward (noising) side of a discrete generative process on graphs, applied
 * independently to every node and every unordered node pair. It tells the trainer how to
 * corrupt clean data and the sampler where to start.
 *
 * Time conventions are the process's own (DiGress: `t = 0` data, `t = 1` noise; DeFoG:
 * `t = 0` noise, `t = 1` data); the denoiser receives `t` as is.
 */
export interface DiscreteProcess {
  /** Draws a training time for one graph. */
  sampleTime(rng: Rng): number;
  /**
   * Writes the distribution of the noisy state `z_t` given the clean class `clean` into `out`
   * (length K of the part).
   */
  noisyDistribution(part: GraphPart, clean: number, t: number, out: Float64Array): void;
  /** The distribution the sampler starts from (the process's prior), `[K]`. */
  prior(part: GraphPart): Float64Array;
}
