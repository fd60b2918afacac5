import * as tf from '@tensorflow/tfjs-core';
import { FormatError, ShapeError } from '../core/errors.js';
import type { Module } from './Module.js';

/** One tensor entry of a {@link WeightsManifest}. */
export interface WeightsManifestEntry {
  /** Dotted parameter name, e.g. `"layers.0.weight"`. */
  name: string;
  /** Shape. */
  shape: number[];
  /** Byte offset of the first value in the binary buffer (multiple of 4). */
  byteOffset: number;
}

/** JSON manifest describing a weights buffer. */
export interface WeightsManifest {
  /** Always `"graphgen-weights"`. */
  format: 'graphgen-weights';
  /** Format version, currently 1. */
  version: 1;
  /** Value type of the buffer: little-endian IEEE-754 float32. */
  dtype: 'float32-le';
  /** `className` of the saved module. */
  className: string;
  /** `getConfig()` of the saved module (plain JSON), to rebuild it with `fromConfig`. */
  config: unknown;
  /** Total bytes of the buffer. */
  byteLength: number;
  /** Tensors in buffer order. */
  tensors: WeightsManifestEntry[];
}

/** Portable weights: a JSON manifest plus one binary buffer of float32 values. */
export interface SerializedWeights {
  /** Describes names, shapes and offsets. */
  manifest: WeightsManifest;
  /** Concatenated little-endian float32 values. */
  bytes: Uint8Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Serialises a module's parameters into a portable `{manifest, bytes}` pair: a JSON manifest
 * (format, version, class name, config, and for each parameter its dotted name, shape and
 * byte offset) and one buffer of little-endian float32 values. Pure (no I/O); use
 * {@link writeWeightsFiles} to store it. Round trips are bit-exact.
 *
 * @param module - the module to save
 * @returns the manifest and the bytes
 *
 * @example
 * ```ts
 * const { manifest, bytes } = serializeWeights(mlp);
 * loadWeights(Mlp.fromConfig(manifest.config as MlpConfig, createRng(0)), { manifest, bytes });
 * ```
 */
export function serializeWeights(module: Module): SerializedWeights {
  const params = module.namedParameters();
  const tensors: WeightsManifestEntry[] = [];
  let offset = 0;
  for (const p of params) {
    tensors.push({ name: p.name, shape: [...p.variable.shape], byteOffset: offset });
    offset += 4 * p.variable.size;
  }
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  params.forEach((p, i) => {
    const data = p.variable.dataSync() as Float32Array;
    const at = tensors[i].byteOffset;
    if (LITTLE_ENDIAN) bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    else for (let k = 0; k < data.length; k++) view.setFloat32(at + 4 * k, data[k], true);
  });
  return {
    manifest: {
      format: 'graphgen-weights',
      version: 1,
      dtype: 'float32-le',
      className: module.className,
      config: JSON.parse(JSON.stringify(module.getConfig())) as unknown,
      byteLength: offset,
      tensors,
    },
    bytes,
  };
}

/**
 * Validates a manifest object (e.g. parsed JSON).
 *
 * @throws `FormatError` naming the first malformed field
 */
export function validateWeightsManifest(value: unknown): WeightsManifest {
  const m = value as Partial<WeightsManifest> | null;
  const bad = (field: string, expected: string): never => {
    throw new FormatError(`weights manifest: ${field}: expected ${expected}`, { argument: `manifest.${field}`, expected });
  };
  if (typeof m !== 'object' || m === null) bad('(root)', 'an object');
  if (m!.format !== 'graphgen-weights') bad('format', '"graphgen-weights"');
  if (m!.version !== 1) bad('version', '1');
  if (m!.dtype !== 'float32-le') bad('dtype', '"float32-le"');
  if (typeof m!.className !== 'string') bad('className', 'a string');
  if (!Number.isSafeInteger(m!.byteLength) || (m!.byteLength as number) < 0) bad('byteLength', 'a non-negative integer');
  if (!Array.isArray(m!.tensors)) bad('tensors', 'an array');
  m!.tensors!.forEach((t, i) => {
    if (typeof t?.name !== 'string') bad(`tensors[${i}].name`, 'a string');
    if (!Array.isArray(t.shape) || !t.shape.every((s) => Number.isSafeInteger(s) && s >= 0)) bad(`tensors[${i}].shape`, 'an array of non-negative integers');
    const size = 4 * t.shape.reduce((p, s) => p * s, 1);
    if (!Number.isSafeInteger(t.byteOffset) || t.byteOffset % 4 !== 0 || t.byteOffset < 0 || t.byteOffset + size > (m!.byteLength as number)) {
      bad(`tensors[${i}].byteOffset`, 'a multiple of 4 inside the buffer');
    }
  });
  return m as WeightsManifest;
}

/**
 * Loads serialised weights into an existing module, matching parameters by name. The module
 * must have exactly the saved parameter names and shapes (build it with `fromConfig` from
 * `manifest.config`). Values are assigned bit-exactly.
 *
 * @param module - the destination; its variables are overwritten
 * @param weights - from {@link serializeWeights} or {@link readWeightsFiles}
 * @throws `FormatError` for a malformed manifest, a buffer of the wrong length, or a
 *   class name that differs from the module's
 * @throws `ShapeError` when a parameter is missing, extra, or of another shape
 *
 * @example
 * ```ts
 * loadWeights(model, await readWeightsFiles('ckpt/model'));
 * ```
 */
export function loadWeights(module: Module, weights: SerializedWeights): void {
  const manifest = validateWeightsManifest(weights.manifest);
  const bytes = weights.bytes;
  if (!(bytes instanceof Uint8Array) || bytes.length !== manifest.byteLength) {
    throw new FormatError(`weights bytes: expected ${manifest.byteLength} bytes, got ${bytes instanceof Uint8Array ? bytes.length : typeof bytes}`, {
      argument: 'weights.bytes',
    });
  }
  if (manifest.className !== module.className) {
    throw new FormatError(`weights manifest: className: expected "${module.className}", got "${manifest.className}"`, {
      argument: 'manifest.className',
    });
  }
  const params = module.namedParameters();
  const byName = new Map(manifest.tensors.map((t) => [t.name, t]));
  for (const p of params) {
    const t = byName.get(p.name);
    if (t === undefined) throw ShapeError.mismatch(`weights["${p.name}"]`, `[${p.variable.shape.join(', ')}]`, 'missing');
    if (t.shape.length !== p.variable.rank || t.shape.some((s, i) => s !== p.variable.shape[i])) {
      throw ShapeError.mismatch(`weights["${p.name}"]`, `[${p.variable.shape.join(', ')}]`, `[${t.shape.join(', ')}]`);
    }
  }
  if (manifest.tensors.length !== params.length) {
    const known = new Set(params.map((p) => p.name));
    const extra = manifest.tensors.find((t) => !known.has(t.name));
    throw ShapeError.mismatch('weights', `${params.length} tensors`, `${manifest.tensors.length} (unexpected "${extra?.name}")`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const p of params) {
    const t = byName.get(p.name)!;
    const data = new Float32Array(p.variable.size);
    if (LITTLE_ENDIAN) new Uint8Array(data.buffer).set(bytes.subarray(t.byteOffset, t.byteOffset + 4 * data.length));
    else for (let k = 0; k < data.length; k++) data[k] = view.getFloat32(t.byteOffset + 4 * k, true);
    tf.tidy(() => p.variable.assign(tf.tensor(data, p.variable.shape, 'float32')));
  }
}
