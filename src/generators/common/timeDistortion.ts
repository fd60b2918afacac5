import { assertOneOf } from '../../core/assert.js';

/**
 * Time distortions of DeFoG (Qin et al. 2025), bijections of `[0, 1]` applied to the
 * sampling grid so that steps concentrate where the model needs them, or to uniform training
 * times so that training concentrates there (`DiscreteFlowConfig.trainDistortion`):
 *
 * - `identity`: `f(t) = t`;
 * - `polyinc`: `f(t) = t²` (small steps near the noise end, `t = 0`);
 * - `polydec`: `f(t) = 2t − t²` (small steps near the data end, `t = 1`; DeFoG's released configs sample planar, tree and QM9 with it, and train trees with it);
 * - `cos`: `f(t) = (1 − cos πt) / 2` (small steps at both ends);
 * - `revcos`: `f(t) = 2t − (1 − cos πt) / 2` (small steps in the middle).
 */
export type TimeDistortion = 'identity' | 'polyinc' | 'polydec' | 'cos' | 'revcos';

/** All {@link TimeDistortion} names, for validation. */
export const TIME_DISTORTIONS: readonly TimeDistortion[] = ['identity', 'polyinc', 'polydec', 'cos', 'revcos'];

/**
 * Applies a {@link TimeDistortion}.
 *
 * @param t - time in [0, 1]
 * @param kind - the distortion
 * @returns `f(t)` in [0, 1], monotone in t, with `f(0) = 0` and `f(1) = 1`
 * @throws `InputError` for an unknown name
 *
 * @example
 * ```ts
 * distortTime(0.5, 'polydec'); // 0.75
 * ```
 */
export function distortTime(t: number, kind: TimeDistortion): number {
  assertOneOf(kind, 'distortion', TIME_DISTORTIONS);
  switch (kind) {
    case 'identity':
      return t;
    case 'polyinc':
      return t * t;
    case 'polydec':
      return 2 * t - t * t;
    case 'cos':
      return (1 - Math.cos(Math.PI * t)) / 2;
    case 'revcos':
      return 2 * t - (1 - Math.cos(Math.PI * t)) / 2;
  }
}
