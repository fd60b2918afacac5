import { readFile } from 'node:fs/promises';
import { FormatError, IoError } from '../../core/errors.js';
import type { RngState } from '../../core/rng.js';
import type { WeightsManifest } from '../../nn/serializeWeights.js';
import { atomicWriteFile } from './atomicWriteFile.js';

/** Everything needed to resume training exactly (one JSON file, float arrays in base64). */
export interface TrainingCheckpoint {
  /** Always `"graphgen-checkpoint"`. */
  format: 'graphgen-checkpoint';
  /** Format version. */
  version: 1;
  /** Identity of the model (kind + config + data statistics); resuming checks it. */
  fingerprint: string;
  /** Epochs completed. */
  epoch: number;
  /** Optimiser steps taken. */
  step: number;
  /** Mean loss of each completed epoch. */
  losses: number[];
  /** Steps skipped by the NaN guard. */
  skippedSteps: number;
  /** Validation results so far. */
  validation: { epoch: number; metrics: Record<string, number> }[];
  /** State of the training-loop generator after the last completed epoch. */
  rng: RngState;
  /** Live weights. */
  weights: { manifest: WeightsManifest; bytes: string };
  /** Adam state: step count and moments (base64 float32). */
  adam: { step: number; m: string[]; v: string[] };
  /** EMA state: update count and averaged weights (base64 float32). */
  ema: { updates: number; shadow: string[] };
}

/** Encodes a float32 array as base64 (little-endian bytes). */
export function encodeFloat32(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** Decodes {@link encodeFloat32}. */
export function decodeFloat32(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float32Array(buf.length / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/**
 * Compares two model fingerprints (JSON) as values, so objects equal up to key order match, and
 * names where they first differ as a JSON path with both values (for instance
 * `config.denoiser.layers: 4 in the checkpoint, 6 here`), so a refused resume says what changed.
 * Objects are compared key by key in the checkpoint's order, then keys only the current one has;
 * arrays element by element. Strings that are not JSON are compared and reported whole.
 *
 * @returns undefined when the fingerprints describe the same model, else the first difference
 * @example
 * ```ts
 * fingerprintDifference('{"n":10,"k":[1,2]}', '{"k":[1,2],"n":10}'); // undefined
 * fingerprintDifference('{"n":10,"k":[1,2]}', '{"n":10,"k":[1,3]}');
 * // 'k[1]: 2 in the checkpoint, 3 here'
 * ```
 */
export function fingerprintDifference(saved: string, current: string): string | undefined {
  let a: unknown;
  let b: unknown;
  try {
    a = JSON.parse(saved);
    b = JSON.parse(current);
  } catch {
    return saved === current ? undefined : `${clip(JSON.stringify(saved))} in the checkpoint, ${clip(JSON.stringify(current))} here`;
  }
  const show = (v: unknown): string => (v === undefined ? 'absent' : clip(JSON.stringify(v)));
  const walk = (x: unknown, y: unknown, path: string): string | undefined => {
    const at = path === '' ? '(root)' : path;
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && Array.isArray(x) === Array.isArray(y)) {
      if (Array.isArray(x) && Array.isArray(y)) {
        if (x.length !== y.length) return `${at}: length ${x.length} in the checkpoint, ${y.length} here`;
        for (let i = 0; i < x.length; i++) {
          const d = walk(x[i], y[i], `${path}[${i}]`);
          if (d !== undefined) return d;
        }
        return undefined;
      }
      const ox = x as Record<string, unknown>;
      const oy = y as Record<string, unknown>;
      const keys = [...Object.keys(ox), ...Object.keys(oy).filter((k) => !(k in ox))];
      for (const k of keys) {
        const d = walk(ox[k], oy[k], path === '' ? k : `${path}.${k}`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
    return JSON.stringify(x) === JSON.stringify(y) ? undefined : `${at}: ${show(x)} in the checkpoint, ${show(y)} here`;
  };
  return walk(a, b, '');
}

function clip(s: string): string {
  return s.length <= 80 ? s : `${s.slice(0, 77)}...`;
}

/**
 * Writes a checkpoint atomically (temp file + rename) to `path`.
 * @throws `IoError` when the file cannot be written
 */
export async function writeCheckpoint(path: string, checkpoint: TrainingCheckpoint): Promise<void> {
  await atomicWriteFile(path, JSON.stringify(checkpoint));
}

/**
 * Reads a checkpoint; returns undefined when the file does not exist.
 * @throws `FormatError` for a file that is not a graphgen checkpoint
 * @throws `IoError` for other read errors
 */
export async function readCheckpoint(path: string): Promise<TrainingCheckpoint | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`cannot read checkpoint "${path}": ${(err as Error).message}`, { argument: 'path', cause: err });
  }
  let parsed: TrainingCheckpoint;
  try {
    parsed = JSON.parse(text) as TrainingCheckpoint;
  } catch (err) {
    throw new FormatError(`checkpoint "${path}" is not valid JSON`, { argument: 'path', cause: err });
  }
  if (parsed?.format !== 'graphgen-checkpoint' || parsed.version !== 1) {
    throw new FormatError(`checkpoint "${path}": expected format "graphgen-checkpoint" version 1`, { argument: 'path' });
  }
  return parsed;
}
