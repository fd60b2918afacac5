/**
 * Gradient-clip knob of the generator benches (`GRAPHGEN_VUN_CLIP_NORM`): the global gradient-norm
 * clip of the optimiser (`FitOptions.clipNorm`, whose default is 10). An empty or absent value keeps
 * the default and the bench's usual checkpoint folder; any other value trains in that folder plus
 * `-clip<value>` (the clip changes the optimiser's steps, so a run is only resumed with its own).
 */

/** A parsed clip knob. */
export interface ClipNormKnob {
  /** The clip for `FitOptions.clipNorm`; undefined for the default. */
  clipNorm: number | undefined;
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
  if (raw === undefined || raw === '') return { clipNorm: undefined, suffix: '', env: '' };
  const v = Number(raw);
  if (!/^[0-9.eE+-]+$/.test(raw) || !Number.isFinite(v) || !(v > 0)) throw new Error(`${key}: expected a finite number > 0, got ${JSON.stringify(raw)}`);
  return { clipNorm: v, suffix: `-clip${raw}`, env: `${key}=${raw} ` };
}
