import { assertFinite, assertInteger, assertPositive } from '../core/assert.js';

/** A learning-rate schedule: step index (0-based) -> learning rate. */
export type LrSchedule = (step: number) => number;

/** Options of {@link warmupCosineSchedule}. */
export interface WarmupCosineScheduleOptions {
  /** Peak learning rate reached after warmup. */
  peak: number;
  /** Linear warmup steps from `peak / warmupSteps` to `peak`. @default 0 */
  warmupSteps?: number;
  /** Total steps; after warmup the rate follows a half cosine down to `minLr` at this step. */
  totalSteps: number;
  /** Final learning rate. @default 0 */
  minLr?: number;
}

/**
 * Linear warmup then cosine decay (Loshchilov & Hutter 2017, without restarts):
 *
 * `lr(s) = peak (s + 1) / W` for `s < W`, then
 * `lr(s) = minLr + (peak − minLr) (1 + cos(π min(1, (s − W) / (T − W)))) / 2`.
 *
 * @param options - see {@link WarmupCosineScheduleOptions}
 * @returns the schedule
 * @throws `InputError` for a non-positive peak, negative warmup or `totalSteps < warmupSteps`
 *
 * @example
 * ```ts
 * const lr = warmupCosineSchedule({ peak: 2e-4, warmupSteps: 100, totalSteps: 10000 });
 * const adam = new Adam({ learningRate: lr });
 * ```
 */
export function warmupCosineSchedule(options: WarmupCosineScheduleOptions): LrSchedule {
  assertPositive(options.peak, 'options.peak');
  const w = options.warmupSteps ?? 0;
  assertInteger(w, 'options.warmupSteps', { min: 0 });
  assertInteger(options.totalSteps, 'options.totalSteps', { min: Math.max(1, w) });
  const minLr = options.minLr ?? 0;
  assertFinite(minLr, 'options.minLr', { min: 0 });
  const { peak, totalSteps } = options;
  return (step: number) => {
    if (step < w) return (peak * (step + 1)) / w;
    const span = Math.max(1, totalSteps - w);
    const p = Math.min(1, (step - w) / span);
    return minLr + ((peak - minLr) * (1 + Math.cos(Math.PI * p))) / 2;
  };
}

/**
 * A constant learning rate.
 *
 * @example
 * ```ts
 * const lr = constantSchedule(1e-3); // lr(s) = 1e-3
 * ```
 */
export function constantSchedule(lr: number): LrSchedule {
  assertPositive(lr, 'lr');
  return () => lr;
}

/**
 * Exponential decay `lr(s) = lr₀ · rate^(s / decaySteps)`.
 *
 * @example
 * ```ts
 * const lr = exponentialSchedule(1e-3, 0.5, 1000); // halves every 1000 steps
 * ```
 */
export function exponentialSchedule(lr0: number, rate: number, decaySteps: number): LrSchedule {
  assertPositive(lr0, 'lr0');
  assertFinite(rate, 'rate', { min: 0, max: 1 });
  assertPositive(decaySteps, 'decaySteps');
  return (step: number) => lr0 * Math.pow(rate, step / decaySteps);
}
