/**
 * Training-time distortion knobs of the generator benches (`GRAPHGEN_VUN_TRAIN_DISTORTION`,
 * `GRAPHGEN_MOLGEN_TRAIN_DISTORTION`): a {@link TimeDistortion} name for
 * `DiscreteFlowConfig.trainDistortion`. `identity` (uniform training times, the model default)
 * and an empty or absent value mean no distortion and the bench's usual checkpoint folder; any
 * other name trains in that folder plus `-td-<name>` (the distortion is part of the model's
 * checkpoint identity), which a warm start can fill from the uniform-time folder
 * (bench/widenCheckpoint.ts).
 */
import { TIME_DISTORTIONS, type TimeDistortion } from '../src/generators/common/timeDistortion.js';

/** A parsed training-distortion knob. */
export interface TrainDistortionKnob {
  /** The distortion for the model config; undefined for uniform times. */
  distortion: TimeDistortion | undefined;
  /** Appended to the checkpoint folder: `''` or `-td-<name>`. */
  suffix: string;
}

/**
 * Parses the knob `key` with value `raw`.
 * @throws `Error` naming the knob, the value and the accepted names for an unknown name
 */
export function parseTrainDistortion(key: string, raw: string | undefined): TrainDistortionKnob {
  const name = raw === undefined || raw === '' ? 'identity' : raw;
  if (!(TIME_DISTORTIONS as readonly string[]).includes(name)) throw new Error(`${key}: expected one of ${TIME_DISTORTIONS.join(', ')}, got ${JSON.stringify(raw)}`);
  if (name === 'identity') return { distortion: undefined, suffix: '' };
  return { distortion: name as TimeDistortion, suffix: `-td-${name}` };
}
