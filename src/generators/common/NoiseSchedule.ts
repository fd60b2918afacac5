import { assertFinite, assertOneOf } from '../../core/assert.js';

/** Names of the built-in noise schedules. */
export type NoiseScheduleName = 'cosine' | 'linear';

/** Serializable config of a {@link NoiseSchedule}. */
export interface NoiseScheduleConfig {
  /** Which schedule. */
  name: NoiseScheduleName;
  /** Offset `s` of the cosine schedule (ignored by `linear`). @default 0.008 */
  offset?: number;
}

/**
 * A noise schedule of a discrete diffusion: the fraction `ā(t)` of the signal kept at time
 * `t ∈ [0, 1]` (`t = 0` clean data, `t = 1` pure noise). It parameterises the cumulative
 * transition `Q̄_t = ā(t) I + (1 − ā(t)) 1 mᵀ` of a {@link CategoricalTransition}; the
 * one-step transition between times `s < t` keeps `ā(t) / ā(s)` of the signal.
 *
 * Schedules are separate from transition models (DiGress convention): any schedule composes
 * with any limit distribution.
 */
export interface NoiseSchedule {
  /** `ā(t)`, non-increasing from `ā(0) = 1` to `ā(1) ≈ 0`. */
  alphaBar(t: number): number;
  /** Serializable description. */
  getConfig(): NoiseScheduleConfig;
}

/**
 * Builds a {@link NoiseSchedule} from its config.
 *
 * - `cosine` (Nichol & Dhariwal 2021, used by DiGress): `ā(t) = f(t) / f(0)` with
 *   `f(t) = cos²(π/2 · (t + s) / (1 + s))`, clipped to `[0, 1]`;
 * - `linear`: `ā(t) = 1 − t`.
 *
 * @param config - name and offset
 * @returns the schedule
 * @throws `InputError` for an unknown name or a negative offset
 *
 * @example
 * ```ts
 * const s = noiseSchedule({ name: 'cosine' });
 * s.alphaBar(0); // 1
 * s.alphaBar(1); // ~0
 * ```
 */
export function noiseSchedule(config: NoiseScheduleConfig): NoiseSchedule {
  assertOneOf(config?.name, 'config.name', ['cosine', 'linear'] as const);
  const offset = config.offset ?? 0.008;
  assertFinite(offset, 'config.offset', { min: 0 });
  const frozen: NoiseScheduleConfig = { name: config.name, offset };
  if (config.name === 'linear') {
    return { alphaBar: (t) => clamp01(1 - t), getConfig: () => ({ ...frozen }) };
  }
  const f = (t: number): number => Math.cos(((t + offset) / (1 + offset)) * (Math.PI / 2)) ** 2;
  const f0 = f(0);
  return {
    alphaBar: (t) => (t <= 0 ? 1 : t >= 1 ? 0 : clamp01(f(t) / f0)),
    getConfig: () => ({ ...frozen }),
  };
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
