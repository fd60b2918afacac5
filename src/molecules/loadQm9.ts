import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FormatError, InputError, IoError, describeValue } from '../core/errors.js';
import { loadSmiles } from './loadSmiles.js';

/** Options of {@link loadQm9}. */
export interface LoadQm9Options {
  /**
   * Folder that holds `qm9/smiles.txt` and `qm9/test_idx.json` (the benchmark copy described in
   * that folder's README). graphgen never downloads or copies them. Relative paths resolve
   * against the current working directory.
   * @default '../shared/datasets'
   */
  root?: string;
  /**
   * How the values of `test_idx.json` index the rows of `smiles.txt`: `'gdss'` uses them as
   * 0-based row indices (GDSS `utils/data_loader_mol.py`, reproduces GDSS's numbers); `'moflow'`
   * subtracts 1 first (MoFlow `data/transform_qm9.py`, where the file comes from).
   * @default 'gdss'
   */
  split?: 'gdss' | 'moflow';
}

/** Result of {@link loadQm9}. */
export interface LoadQm9Result {
  /** All 133,885 SMILES in QM9/GDB order (Kekulé, no stereo, as stored in the file). */
  smiles: string[];
  /** Training SMILES: every row not in the test split, in file order (120,803 rows). */
  train: string[];
  /** Test SMILES, in the order of `test_idx.json` (13,082 rows). */
  test: string[];
  /** 0-based rows of the training molecules, ascending. */
  trainIndices: Int32Array;
  /** 0-based rows of the test molecules, in file order of `test_idx.json`. */
  testIndices: Int32Array;
}

/**
 * Loads QM9 (Ramakrishnan et al., Sci. Data 2014; 133,885 molecules of up to 9 heavy atoms C, N,
 * O, F) with the GDSS/MoFlow test split, from a local copy of `qm9/smiles.txt` and
 * `qm9/test_idx.json`. Returns SMILES; turn them into graphs with {@link fromSmiles}
 * ({@link QM9_ENCODING} with `dropCharges: true` as DiGress and GDSS do, or {@link QM9_CHARGED_ENCODING}).
 * The SMILES are not re-validated (every row parses with RDKit).
 *
 * @param options - data root and index convention, see {@link LoadQm9Options}
 * @returns the full list, the train/test split and their row indices
 * @throws `IoError` when a file is missing (the message names the expected path)
 * @throws `FormatError` when `test_idx.json` is not an array of integers or an index is
 *   outside the rows of `smiles.txt`
 * @throws `InputError` for a bad option
 *
 * @example
 * ```ts
 * const qm9 = await loadQm9({ root: '../shared/datasets' });
 * qm9.train.length; // 120803
 * qm9.test.length;  // 13082
 * ```
 */
export async function loadQm9(options: LoadQm9Options = {}): Promise<LoadQm9Result> {
  const root = options.root ?? '../shared/datasets';
  if (typeof root !== 'string' || root.length === 0) throw InputError.invalid('options.root', 'a folder path', describeValue(root));
  const split = options.split ?? 'gdss';
  if (split !== 'gdss' && split !== 'moflow') throw InputError.invalid('options.split', '"gdss" or "moflow"', describeValue(split));
  const smilesPath = join(root, 'qm9', 'smiles.txt');
  const idxPath = join(root, 'qm9', 'test_idx.json');
  let idxText: string;
  try {
    idxText = await readFile(idxPath, 'utf8');
  } catch (cause) {
    throw new IoError(`options.root: expected ${JSON.stringify(idxPath)} (the QM9 test indices), got ${(cause as Error).message}`, { argument: 'options.root', cause });
  }
  const { smiles } = await loadSmiles(smilesPath, { validate: false });
  let raw: unknown;
  try {
    raw = JSON.parse(idxText);
  } catch (cause) {
    throw new FormatError(`${idxPath}: expected JSON, got ${(cause as Error).message}`, { argument: idxPath, cause });
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Array.isArray((raw as { valid_idxs?: unknown }).valid_idxs)) {
    raw = ((raw as { valid_idxs: unknown[] }).valid_idxs).map((x) => (typeof x === 'string' ? Number(x) : x));
  }
  if (!Array.isArray(raw)) throw new FormatError(`${idxPath}: expected an array of row indices, got ${describeValue(raw)}`, { argument: idxPath });
  const offset = split === 'moflow' ? 1 : 0;
  const testIndices = new Int32Array(raw.length);
  const isTest = new Uint8Array(smiles.length);
  raw.forEach((x, k) => {
    const i = (x as number) - offset;
    if (!Number.isInteger(x) || i < 0 || i >= smiles.length) {
      throw new FormatError(`${idxPath}: entry ${k}: expected a row index in ${offset}..${smiles.length - 1 + offset}, got ${describeValue(x)}`, { argument: idxPath });
    }
    if (isTest[i]) throw new FormatError(`${idxPath}: entry ${k}: index ${x} appears twice`, { argument: idxPath });
    isTest[i] = 1;
    testIndices[k] = i;
  });
  const trainIndices = new Int32Array(smiles.length - testIndices.length);
  let t = 0;
  for (let i = 0; i < smiles.length; i++) if (!isTest[i]) trainIndices[t++] = i;
  return {
    smiles,
    train: Array.from(trainIndices, (i) => smiles[i]),
    test: Array.from(testIndices, (i) => smiles[i]),
    trainIndices,
    testIndices,
  };
}
