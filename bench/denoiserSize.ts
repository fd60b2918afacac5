/**
 * Denoiser-size knobs of the generator benches (`GRAPHGEN_MOLGEN_DENOISER`,
 * `GRAPHGEN_VUN_DENOISER`): `LAYERSxHIDDENX-HIDDENE-HIDDENY`, e.g. `6x128-32-64`, with the
 * bench's fixed number of attention heads. The string is part of the checkpoint folder name, so
 * each size trains in its own folder.
 */
import type { DenoiserSizeConfig } from '../src/generators/common/DenoisingGenerator.js';

/**
 * Parses the size knob `key` (value `raw`) for `heads` attention heads; `example` is shown in errors.
 * @throws `Error` naming the knob, the value and the reason for a malformed value, no layer, a node
 *   width that is not a positive multiple of `heads`, or a non-positive edge or graph width
 */
export function parseDenoiserSize(key: string, raw: string, heads: number, example: string): Required<DenoiserSizeConfig> {
  const m = /^(\d+)x(\d+)-(\d+)-(\d+)$/.exec(raw);
  const bad = (why: string): Error => new Error(`${key}: expected LAYERSxHIDDENX-HIDDENE-HIDDENY such as ${example}, got ${JSON.stringify(raw)} (${why})`);
  if (m === null) throw bad('wrong format');
  const [layers, hiddenX, hiddenE, hiddenY] = m.slice(1).map(Number) as [number, number, number, number];
  if (layers < 1) throw bad('at least one layer');
  if (hiddenX < heads || hiddenX % heads !== 0) throw bad(`the node width must be a positive multiple of the ${heads} heads`);
  if (hiddenE < 1 || hiddenY < 1) throw bad('edge and graph widths must be positive');
  return { layers, hiddenX, hiddenE, hiddenY, heads };
}
