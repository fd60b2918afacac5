/**
 * DeFoG's sampling-time knobs of the generator benches, read from the environment under a prefix
 * (`GRAPHGEN_VUN_`, `GRAPHGEN_MOLGEN_`): `<prefix>ETA` (stochasticity eta, default 0),
 * `<prefix>OMEGA` (target guidance omega, default 0) and `<prefix>DISTORTION` (sampling-time
 * distortion, default `polydec`), as `DiscreteFlow.sample` takes them. They change sampling only,
 * never the checkpoint.
 */
import { TIME_DISTORTIONS, type TimeDistortion } from '../src/generators/common/timeDistortion.js';

/**
 * A non-negative number from the environment variable `key`; `fallback` when unset or empty.
 * @throws `Error` naming the variable and its value when it is not a finite non-negative number
 */
export function envNumber(key: string, fallback: number): number {
  const raw = process.env[key];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${key}: expected a non-negative number, got ${JSON.stringify(raw)}`);
  return v;
}

/** Parsed sampling knobs. */
export interface SamplingKnobs {
  eta: number;
  omega: number;
  distortion: TimeDistortion;
  /** The non-default knobs as they appear in a command line (`''` when all are default), each followed by a space. */
  env: string;
}

/**
 * Reads `<prefix>ETA`, `<prefix>OMEGA` and `<prefix>DISTORTION`.
 * @throws `Error` naming the variable for a negative or non-numeric eta/omega or an unknown distortion
 */
export function samplingKnobs(prefix: string): SamplingKnobs {
  const eta = envNumber(`${prefix}ETA`, 0);
  const omega = envNumber(`${prefix}OMEGA`, 0);
  const distortion = (process.env[`${prefix}DISTORTION`] || 'polydec') as TimeDistortion;
  if (!TIME_DISTORTIONS.includes(distortion)) throw new Error(`${prefix}DISTORTION: expected one of ${TIME_DISTORTIONS.join(', ')}, got ${JSON.stringify(distortion)}`);
  const env = `${eta === 0 ? '' : `${prefix}ETA=${eta} `}${omega === 0 ? '' : `${prefix}OMEGA=${omega} `}${distortion === 'polydec' ? '' : `${prefix}DISTORTION=${distortion} `}`;
  return { eta, omega, distortion, env };
}
