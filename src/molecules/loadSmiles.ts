import { readFile } from 'node:fs/promises';
import { FormatError, InputError, IoError, describeValue } from '../core/errors.js';
import type { RdkitModule } from './RdkitModule.js';
import { loadRdkit } from './loadRdkit.js';
import { rdkitErrorMessage } from './internal/rdkitMessage.js';

/** Where {@link loadSmiles} reads from: a file path (string or `file:` URL) or inline text. */
export type SmilesSource = string | URL | { text: string };

/** Options of {@link loadSmiles}. */
export interface LoadSmilesOptions {
  /**
   * CSV mode: the first line is a comma-separated header and the SMILES are read from this column
   * (header name, matched exactly, or a 0-based column index). Fields may be double-quoted.
   * Without it, the file has one SMILES per line: the first whitespace-separated token of each
   * line (so `.smi` files with a name after the SMILES work), a first line that is just `smiles`
   * (any case) is skipped as a header, and blank lines and lines starting with `#` are skipped.
   * @default undefined (one SMILES per line)
   */
  column?: string | number;
  /**
   * What to do with a line whose SMILES RDKit rejects (or a CSV row without the column):
   * `'throw'` stops at the first one with a `FormatError` carrying its 1-based line number;
   * `'collect'` skips it and reports it in {@link LoadSmilesResult.errors}.
   * @default 'throw'
   */
  onError?: 'throw' | 'collect';
  /** Parse every SMILES with RDKit to detect invalid lines (about 0.1 ms per molecule). @default true */
  validate?: boolean;
  /** Return RDKit's canonical SMILES instead of the strings as written (implies validation). @default false */
  canonicalize?: boolean;
  /** The RDKit module; loaded with {@link loadRdkit} when needed and not given. */
  rdkit?: RdkitModule;
}

/** One rejected line of a SMILES file. */
export interface SmilesLineError {
  /** 1-based line number in the file. */
  line: number;
  /** The text that was read as a SMILES (or the whole row when the column is missing). */
  input: string;
  /** Why it was rejected (RDKit's reason when RDKit rejected it). */
  message: string;
}

/** Result of {@link loadSmiles}. */
export interface LoadSmilesResult {
  /** The accepted SMILES, in file order. */
  smiles: string[];
  /** 1-based line number of each accepted SMILES. */
  lines: number[];
  /** Rejected lines (always empty with `onError: 'throw'`). */
  errors: SmilesLineError[];
}

function splitCsv(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (quoted) {
      if (c === '"' && row[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

/**
 * Reads SMILES from a file or text: one SMILES per line, or a CSV column, with per-line errors.
 *
 * Lines are split on `\n` or `\r\n`; blank lines are skipped. Each SMILES is checked with RDKit
 * unless `validate: false`. Invalid lines either stop the load (`FormatError` with
 * `details.line`, the default) or are collected ({@link LoadSmilesResult.errors}); see
 * {@link LoadSmilesOptions.onError}.
 *
 * @param source - a path (string or `file:` URL), or `{ text }` for inline content
 * @param options - see {@link LoadSmilesOptions}
 * @returns the accepted SMILES with their line numbers, and the rejected lines
 * @throws `IoError` when the file cannot be read
 * @throws `FormatError` (`onError: 'throw'`) at the first invalid line, or when the CSV
 *   header lacks the column or the input holds no SMILES at all
 * @throws `InputError` for a malformed source or option
 *
 * @example
 * ```ts
 * const { smiles, errors } = await loadSmiles({ text: 'smiles\nCCO\nC1CC\nc1ccccc1\n' }, { onError: 'collect' });
 * smiles; // ['CCO', 'c1ccccc1']
 * errors; // [{ line: 3, input: 'C1CC', message: "SMILES Parse Error: unclosed ring for input: 'C1CC'" }]
 * ```
 */
export async function loadSmiles(source: SmilesSource, options: LoadSmilesOptions = {}): Promise<LoadSmilesResult> {
  const onError = options.onError ?? 'throw';
  if (onError !== 'throw' && onError !== 'collect') throw InputError.invalid('options.onError', '"throw" or "collect"', describeValue(onError));
  const column = options.column;
  if (column !== undefined && !(typeof column === 'string' && column.length > 0) && !(Number.isInteger(column) && (column as number) >= 0)) {
    throw InputError.invalid('options.column', 'a header name or a 0-based column index', describeValue(column));
  }
  const text = await readSource(source);
  const rows = text.split(/\r?\n/);
  const canonicalize = options.canonicalize === true;
  const validate = canonicalize || options.validate !== false;
  const rdkit = validate ? options.rdkit ?? (await loadRdkit()) : undefined;
  const result: LoadSmilesResult = { smiles: [], lines: [], errors: [] };
  const reject = (line: number, input: string, message: string): void => {
    if (onError === 'throw') throw new FormatError(`${JSON.stringify(input)}: ${message}`, { line, argument: 'source', actual: input });
    result.errors.push({ line, input, message });
  };
  let first = 0;
  let col = -1;
  if (column !== undefined) {
    while (first < rows.length && rows[first].trim() === '') first++;
    if (first === rows.length) throw new FormatError('expected a CSV header line, got an empty input', { line: 1 });
    const header = splitCsv(rows[first]);
    col = typeof column === 'number' ? column : header.indexOf(column);
    if (col < 0 || col >= header.length) {
      throw new FormatError(`expected a column ${JSON.stringify(column)} in the CSV header, got [${header.join(', ')}]`, { line: first + 1, argument: 'options.column' });
    }
    first++;
  }
  for (let r = first; r < rows.length; r++) {
    const row = rows[r];
    const trimmed = row.trim();
    if (trimmed === '') continue;
    let smi: string;
    if (column === undefined) {
      if (trimmed.startsWith('#')) continue;
      smi = trimmed.split(/\s+/)[0];
      if (r === 0 && smi.toLowerCase() === 'smiles') continue;
    } else {
      const fields = splitCsv(row);
      if (col >= fields.length || fields[col] === '') {
        reject(r + 1, trimmed, `expected a SMILES in column ${JSON.stringify(column)}, got ${col >= fields.length ? `${fields.length} fields` : 'an empty field'}`);
        continue;
      }
      smi = fields[col];
    }
    if (rdkit !== undefined) {
      const mol = /\s/.test(smi) ? null : rdkit.get_mol(smi);
      if (mol === null) {
        reject(r + 1, smi, /\s/.test(smi) ? 'a SMILES cannot contain whitespace' : rdkitErrorMessage(rdkit, smi));
        continue;
      }
      try {
        if (canonicalize) smi = mol.get_smiles();
      } finally {
        mol.delete();
      }
    }
    result.smiles.push(smi);
    result.lines.push(r + 1);
  }
  if (result.smiles.length === 0 && result.errors.length === 0) throw new FormatError('expected at least one SMILES, got none', { line: 1 });
  return result;
}

async function readSource(source: SmilesSource): Promise<string> {
  if (typeof source === 'string' || source instanceof URL) {
    if (typeof source === 'string' && source.length === 0) throw InputError.invalid('source', 'a file path, a file: URL or { text }', '""');
    try {
      return await readFile(source, 'utf8');
    } catch (cause) {
      throw new IoError(`source: cannot read ${JSON.stringify(String(source))} (${(cause as Error).message})`, { argument: 'source', actual: String(source), cause });
    }
  }
  if (source && typeof source === 'object' && typeof (source as { text?: unknown }).text === 'string') return (source as { text: string }).text;
  throw InputError.invalid('source', 'a file path, a file: URL or { text: string }', describeValue(source));
}
