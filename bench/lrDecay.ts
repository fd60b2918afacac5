/**
 * Learning-rate decay knobs of the long-running generator benches (`GRAPHGEN_MOLGEN_DECAY`,
 * `GRAPHGEN_VUN_DECAY`): a comma-separated list of segments `FROM:STEPS[:PEAK]`. Before the
 * first segment the rate is the bench's base rate `lr`; from step FROM of a segment it follows
 * a half cosine from PEAK (default `lr`) down to `lr / 100` over STEPS steps and stays there
 * until the next segment starts (a warm restart when its PEAK is above the floor). A segment may
 * start before the previous one has run its STEPS: it cuts that one short there (a warm restart of
 * a run stopped mid-cosine; the earlier rates stay as they were). The schedule
 * is a function of the global optimiser step, so a run resumed from a checkpoint continues it.
 */
import { warmupCosineSchedule, type LrSchedule } from '../src/nn/LrSchedule.js';

/** A parsed decay knob: the schedule, a sentence for the report and the `KEY=VALUE ` prefix of the command. */
export interface LrDecay {
  schedule: LrSchedule | number;
  text: string;
  env: string;
}

/**
 * Parses the decay knob `key` (value `raw`) for base rate `lr`; no value = the constant `lr`.
 * @throws `Error` naming the knob for a malformed value, a segment with STEPS < 1 or PEAK <= 0, or segments whose FROM do not increase
 */
export function lrDecay(key: string, raw: string | undefined, lr: number): LrDecay {
  if (raw === undefined || raw === '') return { schedule: lr, text: `Adam lr ${lr}`, env: '' };
  const floor = lr / 100;
  const segments = raw.split(',').map((part) => {
    const m = /^(\d+):(\d+)(?::([0-9.eE+-]+))?$/.exec(part.trim());
    const peak = m?.[3] === undefined ? lr : Number(m[3]);
    if (m === null || Number(m[2]) < 1 || !(peak > 0)) throw new Error(`${key}: expected FROM:STEPS[:PEAK] segments separated by commas (integers, STEPS >= 1, PEAK > 0), got ${JSON.stringify(raw)}`);
    return { from: Number(m[1]), span: Number(m[2]), peak, cosine: warmupCosineSchedule({ peak, totalSteps: Number(m[2]), minLr: floor }) };
  });
  segments.forEach((s, i) => {
    if (i > 0 && s.from <= segments[i - 1].from) throw new Error(`${key}: segment ${i + 1} starts at step ${s.from}, not after segment ${i} (step ${segments[i - 1].from})`);
  });
  const schedule = (step: number): number => {
    let rate = lr;
    for (const s of segments) if (step >= s.from) rate = s.cosine(step - s.from);
    return rate;
  };
  const int = (x: number): string => x.toLocaleString('en-US');
  const cut = (i: number): string => (i + 1 < segments.length && segments[i + 1].from < segments[i].from + segments[i].span ? ` (cut at step ${int(segments[i + 1].from)})` : '');
  const text = `Adam lr ${lr} to step ${int(segments[0].from)}, then ${segments.map((s, i) => `from step ${int(s.from)} a half cosine from ${s.peak} down to ${floor} over ${int(s.span)} steps${cut(i)}`).join(', then ')}`;
  return { schedule, text, env: `${key}=${raw} ` };
}
