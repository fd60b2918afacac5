/**
 * The sampling side of a discrete generative process: a time grid and, for one categorical
 * variable, the probabilities of its next state given the denoiser's prediction of the clean
 * class. The generic sampler applies it to every node and every unordered node pair (the
 * upper triangle, mirrored: symmetric edge sampling).
 */
export interface ReverseKernel {
  /** Times from the start (noise) to the end (data), length `steps + 1`. */
  timeGrid(steps: number): Float64Array;
  /**
   * Writes `P(z_next = k | z_t = current, prediction)` for every class k into `out` (sums to 1).
   *
   * @param part - `'x'` for nodes, `'e'` for edges
   * @param pred - predicted distribution of the clean class `[K]`
   * @param current - the current class `z_t`
   * @param t - current time
   * @param tNext - next time on the grid
   * @param out - output `[K]`
   */
  transition(part: 'x' | 'e', pred: Float64Array, current: number, t: number, tNext: number, out: Float64Array): void;
}
