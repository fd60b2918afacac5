import { FormatError, InputError } from '../../core/errors.js';

/** Largest node count a graph6/sparse6 size field can hold (36 bits). */
export const MAX_SIZE_FIELD = 68719476735;

/**
 * Encodes `n` as the graph6/sparse6 size field N(n) of B. McKay's spec, as 6-bit values
 * (add 63 to get the characters): one value for n <= 62, `63` then 3 values for
 * n <= 258047, `63, 63` then 6 values for n <= 2^36 - 1.
 */
export function encodeSizeField(n: number, argument: string): number[] {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_SIZE_FIELD) {
    throw InputError.invalid(argument, `a node count in 0..${MAX_SIZE_FIELD} (graph6/sparse6 size field)`, String(n));
  }
  if (n <= 62) return [n];
  if (n <= 258047) return [63, (n >>> 12) & 63, (n >>> 6) & 63, n & 63];
  const out = [63, 63];
  for (let shift = 30; shift >= 0; shift -= 6) out.push(Math.floor(n / 2 ** shift) % 64);
  return out;
}

/** Result of {@link decodeSizeField}. */
export interface SizeField {
  /** The node count. */
  n: number;
  /** Index of the first character after the size field. */
  next: number;
}

/**
 * Decodes the size field starting at `pos` of `line` (characters already checked to be in
 * 63..126). Non-minimal encodings (e.g. a small n in the 4-character form) are accepted, as in
 * nauty and networkx.
 */
export function decodeSizeField(line: string, pos: number, lineNo: number, format: string): SizeField {
  const at = (i: number): number => {
    if (i >= line.length) {
      throw new FormatError(`${format}: truncated size field (the line ends after ${line.length} characters)`, { line: lineNo });
    }
    return line.charCodeAt(i) - 63;
  };
  const first = at(pos);
  if (first < 63) return { n: first, next: pos + 1 };
  const second = at(pos + 1);
  if (second < 63) {
    return { n: (second << 12) | (at(pos + 2) << 6) | at(pos + 3), next: pos + 4 };
  }
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 64 + at(pos + 2 + i);
  return { n, next: pos + 8 };
}
