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
