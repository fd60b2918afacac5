import { readFile, writeFile } from 'node:fs/promises';
import { FormatError, IoError } from '../core/errors.js';
import { validateWeightsManifest, type SerializedWeights } from './serializeWeights.js';

/**
 * Writes serialised weights as two files: `<basePath>.json` (the manifest) and
 * `<basePath>.bin` (the float32 buffer). Node only; a thin wrapper over
 * {@link serializeWeights}'s pure output.
 *
 * @param basePath - path without extension
 * @param weights - from {@link serializeWeights}
 * @throws `IoError` when a file cannot be written
 *
 * @example
 * ```ts
 * await writeWeightsFiles('ckpt/model', serializeWeights(model));
 * ```
 */
export async function writeWeightsFiles(basePath: string, weights: SerializedWeights): Promise<void> {
  try {
    await writeFile(`${basePath}.bin`, weights.bytes);
    await writeFile(`${basePath}.json`, `${JSON.stringify(weights.manifest, null, 2)}\n`);
  } catch (err) {
    throw new IoError(`cannot write weights to "${basePath}.{json,bin}": ${(err as Error).message}`, { argument: 'basePath', cause: err });
  }
}

/**
 * Reads `<basePath>.json` and `<basePath>.bin` written by {@link writeWeightsFiles}.
 *
 * @param basePath - path without extension
 * @returns the manifest and bytes, ready for {@link loadWeights}
 * @throws `IoError` when a file cannot be read
 * @throws `FormatError` when the manifest is not valid JSON or not a weights manifest
 *
 * @example
 * ```ts
 * loadWeights(model, await readWeightsFiles('ckpt/model'));
 * ```
 */
export async function readWeightsFiles(basePath: string): Promise<SerializedWeights> {
  let text: string;
  let buf: Uint8Array;
  try {
    text = await readFile(`${basePath}.json`, 'utf8');
    buf = new Uint8Array(await readFile(`${basePath}.bin`));
  } catch (err) {
    throw new IoError(`cannot read weights from "${basePath}.{json,bin}": ${(err as Error).message}`, { argument: 'basePath', cause: err });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new FormatError(`weights manifest "${basePath}.json" is not valid JSON`, { argument: 'basePath', cause: err });
  }
  return { manifest: validateWeightsManifest(parsed), bytes: buf };
}
