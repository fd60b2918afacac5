/**
 * Gradient-clip knob of the generator benches (`GRAPHGEN_VUN_CLIP_NORM`): the global gradient-norm
 * clip of the optimiser (`FitOptions.clipNorm`). An empty or absent value means the bench's clip
 * {@link BENCH_CLIP_NORM} (`FitOptions`' default) and the bench's usual checkpoint folder; any
 * other value trains in that folder plus `-clip<value>` (the clip changes the optimiser's steps, so
 * a run is only resumed with its own).
 */

/** The clip the benches pass when the knob is unset: the value of `FitOptions.clipNorm`'s default, passed explicitly so the report states what ran. */
export const BENCH_CLIP_NORM = 10;

/** A parsed clip knob. */
export interface ClipNormKnob {
  /** The clip for `FitOptions.clipNorm` ({@link BENCH_CLIP_NORM} when unset). */
  clipNorm: number;
  /** Appended to the checkpoint folder: `''` or `-clip<value>` (the value as written). */
  suffix: string;
  /** `KEY=VALUE ` for the report's command, or `''`. */
  env: string;
}

/**
 * Parses the knob `key` with value `raw`.
 * @throws `Error` naming the knob and the value unless it is a finite number > 0
 */
export function parseClipNorm(key: string, raw: string | undefined): ClipNormKnob {
  if (raw === undefined || raw === '') return { clipNorm: BENCH_CLIP_NORM, suffix: '', env: '' };
  const v = Number(raw);
  if (!/^[0-9.eE+-]+$/.test(raw) || !Number.isFinite(v) || !(v > 0)) throw new Error(`${key}: expected a finite number > 0, got ${JSON.stringify(raw)}`);
  return { clipNorm: v, suffix: `-clip${raw}`, env: `${key}=${raw} ` };
}
