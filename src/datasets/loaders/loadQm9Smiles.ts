import { FormatError, InputError, describeValue } from '../../core/errors.js';
import { inFile, readTextFile } from '../internal/files.js';
import { DEFAULT_BENCHMARK_ROOT } from './loadBenchmark.js';

/** Options of {@link loadQm9Smiles}. */
export interface LoadQm9SmilesOptions {
  /** Folder holding `qm9/smiles.txt` and `qm9/test_idx.json`. @default '../shared/datasets' (relative to the working directory) */
  root?: string;
  /**
   * How to read the test indices: `0` uses them as 0-based row numbers (GDSS, to reproduce its
   * numbers), `1` subtracts 1 first (MoFlow, where the list comes from).
   * @default 0
   */
  indexBase?: 0 | 1;
}

/** Result of {@link loadQm9Smiles}. */
export interface Qm9Smiles {
  /** Training SMILES (every row not in the test list), in file order. */
  train: string[];
  /** Test SMILES, in the order of the index list. */
  test: string[];
  /** 0-based row numbers of the test molecules (after applying `indexBase`). */
  testIndices: number[];
}

/**
 * Reads the QM9 SMILES benchmark files: `<root>/qm9/smiles.txt` (one SMILES per line, QM9/GDB
 * order, 133,885 molecules) and `<root>/qm9/test_idx.json` (a JSON array of integers), and splits
 * them the GDSS way: test = the listed rows, train = all other rows, no validation set. The index
 * base differs between papers (see `indexBase`).
 *
 * @param options - root folder and index base
 * @returns train and test SMILES and the test row numbers
 * @throws `IoError` when a file is missing
 * @throws `FormatError` for an empty line or whitespace inside a SMILES line, or an index list that
 *   is not a JSON array of distinct integers within the file
 * @throws `InputError` for a bad `indexBase` or `root`
 *
 * @example
 * ```ts
 * const { train, test } = await loadQm9Smiles({ root: '../shared/datasets' });
 * [train.length, test.length]; // [120803, 13082]
 * ```
 *
 * @see J. Jo, S. Lee, S. J. Hwang, "GDSS", ICML 2022; R. Ramakrishnan et al., "Quantum chemistry
 *   structures and properties of 134 kilo molecules", Sci. Data 2014.
 */
export async function loadQm9Smiles(options: LoadQm9SmilesOptions = {}): Promise<Qm9Smiles> {
  const root = options.root ?? DEFAULT_BENCHMARK_ROOT;
  if (typeof root !== 'string' || root.length === 0) throw InputError.invalid('options.root', 'a folder path', describeValue(root));
  const base = options.indexBase ?? 0;
  if (base !== 0 && base !== 1) throw InputError.invalid('options.indexBase', '0 or 1', describeValue(base));
  const dir = `${root.replace(/\/+$/, '')}/qm9`;
  const smilesText = await readTextFile(`${dir}/smiles.txt`, 'qm9/smiles.txt');
  const idxText = await readTextFile(`${dir}/test_idx.json`, 'qm9/test_idx.json');
  const smiles = inFile(`${dir}/smiles.txt`, () => {
    const lines = smilesText.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.map((raw, i) => {
      const s = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (s.length === 0 || /\s/.test(s)) throw new FormatError(`smiles: expected one SMILES without spaces, found ${JSON.stringify(s)}`, { line: i + 1 });
      return s;
    });
  });
  const indices = inFile(`${dir}/test_idx.json`, () => {
    let value: unknown;
    try {
      value = JSON.parse(idxText);
    } catch (err) {
      throw new FormatError(`test_idx: invalid JSON: ${(err as Error).message}`, { line: 1, cause: err });
    }
    if (!Array.isArray(value)) throw new FormatError(`test_idx: expected a JSON array of integers, got ${describeValue(value)}`, { line: 1 });
    const seen = new Set<number>();
    return value.map((v: unknown, k) => {
      const i = (v as number) - base;
      if (!Number.isInteger(v) || i < 0 || i >= smiles.length) {
        throw new FormatError(`test_idx: entry ${k} = ${describeValue(v)} is not a row index in ${base}..${smiles.length - 1 + base}`, { line: 1 });
      }
      if (seen.has(i)) throw new FormatError(`test_idx: entry ${k} = ${String(v)} is repeated`, { line: 1 });
      seen.add(i);
      return i;
    });
  });
  const isTest = new Uint8Array(smiles.length);
  for (const i of indices) isTest[i] = 1;
  return { train: smiles.filter((_, i) => !isTest[i]), test: indices.map((i) => smiles[i]), testIndices: indices };
}
