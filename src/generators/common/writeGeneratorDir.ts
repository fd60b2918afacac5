import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError } from '../../core/errors.js';
import type { Module } from '../../nn/Module.js';
import { serializeWeights } from '../../nn/serializeWeights.js';
import { atomicWriteFile } from './atomicWriteFile.js';
import type { SavedGeneratorFile } from './DenoisingGenerator.js';
import type { GeneratorKind } from './GraphGenerator.js';

/** Options of {@link writeGeneratorDir}. */
export interface WriteGeneratorDirOptions {
  /** Network whose weights go to `weights.json` + `weights.bin` (graphgen/nn format). @default none */
  weights?: Module;
  /** Write `generator.json` without indentation (large states). @default false */
  compact?: boolean;
}

/**
 * The one way generators save themselves: creates `dir`, writes the network weights (if any)
 * and `generator.json` (`{format, version, kind, config, state}`), each file atomically.
 *
 * @param dir - output directory (created with its parents)
 * @param kind - generator family, read back by `loadGenerator`
 * @param config - the generator's serializable config
 * @param state - the fitted state
 * @throws `IoError` when the directory cannot be created or a file cannot be written
 */
export async function writeGeneratorDir(dir: string, kind: GeneratorKind, config: unknown, state: unknown, options: WriteGeneratorDirOptions = {}): Promise<void> {
  await mkdir(dir, { recursive: true }).catch((err: unknown) => {
    throw new IoError(`cannot create "${dir}": ${(err as Error).message}`, { argument: 'dir', cause: err });
  });
  if (options.weights !== undefined) {
    const w = serializeWeights(options.weights);
    await atomicWriteFile(join(dir, 'weights.bin'), w.bytes);
    await atomicWriteFile(join(dir, 'weights.json'), `${JSON.stringify(w.manifest, null, 2)}\n`);
  }
  const file: SavedGeneratorFile = { format: 'graphgen-generator', version: 1, kind, config, state };
  await atomicWriteFile(join(dir, 'generator.json'), `${options.compact ? JSON.stringify(file) : JSON.stringify(file, null, 2)}\n`);
}
