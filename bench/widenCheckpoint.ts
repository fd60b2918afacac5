/**
 * Warm start of a generator whose extra features gained columns (e.g. `components: true` added to
 * RRWP): copies the training checkpoint of `from` into `to` with zero rows appended to the first
 * layer of each input MLP of the graph-transformer denoiser (`inX`, `inE`, `inY`), for the new
 * input columns at the end of the node, pair and global inputs. Zero rows keep the network's
 * function exactly (the new columns enter multiplied by 0), their Adam moments start at 0, their
 * EMA shadow at 0; training then learns to use them. The step count, learning-rate schedule
 * position, RNG state and CPU minutes carry over, so a budgeted run resumes from `to` as if it had
 * always had the wider input. Only appended columns are supported: the new feature set must
 * extend the old one at the end of each input (true for `components`, which follows the named
 * set, for `cycleEdges`, which follows the component features, and for `spectralPairs`, which
 * follows both, when there are no molecular features), and for self-conditioning
 * (`DenoisingGeneratorConfig.selfConditioning`), whose channels follow all features.
 *
 * The new model may also train with another time distribution (`DiscreteFlowConfig.trainDistortion`):
 * that changes how training goes on, not what the weights mean, so the same copy (with no new
 * columns when the features are equal) warm-starts a run with, e.g., `polydec` training times
 * from a checkpoint trained with uniform ones.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { decodeFloat32, encodeFloat32, readCheckpoint, writeCheckpoint } from '../src/generators/common/checkpoint.js';
import type { BenchModel } from './trainWithBudget.js';

/** The first layers that read the denoiser's inputs, and the config key holding their width. */
const INPUT_LAYERS = [
  { name: 'inX.layers.0.weight', key: 'inNodeFeatures' },
  { name: 'inE.layers.0.weight', key: 'inEdgeFeatures' },
  { name: 'inY.layers.0.weight', key: 'inGlobalFeatures' },
] as const;

/** JSON with the keys of every level sorted (order-independent comparison). */
function canonical(o: unknown): string {
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      keys.add(k);
      walk(x);
    }
  };
  walk(o);
  return JSON.stringify(o, [...keys].sort());
}

/** Appends `extra` zero rows to a row-major `[rows, cols]` matrix. */
function appendRows(a: Float32Array, cols: number, extra: number): Float32Array {
  const out = new Float32Array(a.length + extra * cols);
  out.set(a);
  return out;
}

/**
 * Writes `to/checkpoint.json` (and `to/cpu-minutes.txt`) from `from`, widened for `model`'s
 * features; does nothing when `to` already has a checkpoint.
 *
 * @param from - folder of the narrower checkpoint
 * @param to - folder of the widened one
 * @param model - an untrained instance of the wider model (its features give the new widths)
 * @returns whether a checkpoint was written
 * @throws Error when `from` has no checkpoint, holds a model that differs in more than its
 *   features and training distortion, or has wider inputs than the new model
 */
export async function widenCheckpoint(from: string, to: string, model: BenchModel): Promise<boolean> {
  if ((await readCheckpoint(`${to}/checkpoint.json`)) !== undefined) return false;
  const ck = await readCheckpoint(`${from}/checkpoint.json`);
  if (ck === undefined) throw new Error(`widenCheckpoint: no checkpoint in ${from}`);
  const cfg = model.config as unknown as { nodeClasses?: number; edgeClasses?: number; features: unknown; selfConditioning?: unknown };
  const fingerprint = JSON.parse(ck.fingerprint) as { config: Record<string, unknown> };
  const without = (c: object): string => canonical({ ...c, features: null, trainDistortion: null, selfConditioning: null });
  if (without(fingerprint.config) !== without(cfg)) throw new Error(`widenCheckpoint: the model in ${from} differs in more than its features, self-conditioning and training distortion`);
  if (fingerprint.config.selfConditioning !== undefined && canonical(fingerprint.config.selfConditioning) !== canonical(cfg.selfConditioning)) throw new Error(`widenCheckpoint: the model in ${from} has other self-conditioning channels; only a model without them can be widened`);
  // equal inputs: a plain copy under the new identity (no input widths to work out, whatever the feature set)
  const sameInputs = canonical(fingerprint.config.features) === canonical(cfg.features) && canonical(fingerprint.config.selfConditioning ?? null) === canonical(cfg.selfConditioning ?? null);
  const sc = model.selfConditioning;
  const widths = {
    inNodeFeatures: (cfg.nodeClasses ?? 1) + model.features.nodeDim + (sc?.nodeDim ?? 0),
    inEdgeFeatures: (cfg.edgeClasses ?? 2) + model.features.edgeDim + (sc?.edgeDim ?? 0),
    inGlobalFeatures: 1 + model.features.globalDim + (sc?.globalDim ?? 0),
  };
  const manifest = ck.weights.manifest;
  const denoiserConfig = manifest.config as Record<string, number>;
  const bytes = Buffer.from(ck.weights.bytes, 'base64');
  const tensors: Float32Array[] = [];
  const m = ck.adam.m.map(decodeFloat32);
  const v = ck.adam.v.map(decodeFloat32);
  const shadow = ck.ema.shadow.map(decodeFloat32);
  let offset = 0;
  manifest.tensors.forEach((t, k) => {
    const size = t.shape.reduce((a, b) => a * b, 1);
    let w: Float32Array = new Float32Array(bytes.buffer.slice(bytes.byteOffset + t.byteOffset, bytes.byteOffset + t.byteOffset + 4 * size));
    if (m[k].length !== size || v[k].length !== size || shadow[k].length !== size) throw new Error(`widenCheckpoint: optimiser state of ${t.name} does not match its shape`);
    const layer = sameInputs ? undefined : INPUT_LAYERS.find((l) => l.name === t.name);
    if (layer !== undefined) {
      const [rows, cols] = t.shape;
      const extra = widths[layer.key] - rows;
      if (extra < 0 || rows !== denoiserConfig[layer.key]) throw new Error(`widenCheckpoint: ${t.name} has ${rows} input rows, the new model ${widths[layer.key]}`);
      w = appendRows(w, cols, extra);
      m[k] = appendRows(m[k], cols, extra);
      v[k] = appendRows(v[k], cols, extra);
      shadow[k] = appendRows(shadow[k], cols, extra);
      t.shape = [rows + extra, cols];
      denoiserConfig[layer.key] = rows + extra;
    }
    t.byteOffset = offset;
    offset += 4 * w.length;
    tensors.push(w);
  });
  const all = new Float32Array(offset / 4);
  let at = 0;
  for (const w of tensors) {
    all.set(w, at);
    at += w.length;
  }
  manifest.byteLength = offset;
  ck.weights.bytes = encodeFloat32(all);
  ck.adam.m = m.map(encodeFloat32);
  ck.adam.v = v.map(encodeFloat32);
  ck.ema.shadow = shadow.map(encodeFloat32);
  fingerprint.config = cfg as unknown as Record<string, unknown>; // the new model's own key order, as its fingerprint writes it
  ck.fingerprint = JSON.stringify(fingerprint);
  await mkdir(to, { recursive: true });
  await writeCheckpoint(`${to}/checkpoint.json`, ck);
  await copyFile(`${from}/cpu-minutes.txt`, `${to}/cpu-minutes.txt`);
  return true;
}
