import { InputError, FormatError, describeValue } from '../../core/errors.js';

/** One line of a text input, without its line terminator. */
export interface TextLine {
  /** The content, without `\n` or `\r\n`. */
  text: string;
  /** 1-based line number. */
  line: number;
}

/**
 * Splits text into lines for the line-based formats (graph6, sparse6). `\n` and `\r\n` end a
 * line; a single final line terminator is allowed (and usual); any other empty line is a
 * `FormatError` (nothing is skipped silently). Empty text gives no lines.
 */
export function splitStrictLines(text: unknown, argument: string, format: string): TextLine[] {
  if (typeof text !== 'string') throw InputError.invalid(argument, `${format} text (a string)`, describeValue(text));
  if (text.length === 0) return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  const out: TextLine[] = [];
  for (let i = 0; i < parts.length; i++) {
    let t = parts[i];
    if (t.endsWith('\r')) t = t.slice(0, -1);
    if (t.length === 0) {
      throw new FormatError(`${format}: empty line (only one final line break is allowed; blank lines are not skipped)`, { line: i + 1 });
    }
    out.push({ text: t, line: i + 1 });
  }
  return out;
}

/** Checks that every character of `s` from `from` on is a printable graph6 character (63..126). */
export function checkSixBitChars(s: string, from: number, lineNo: number, format: string): void {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 63 || c > 126) {
      throw new FormatError(
        `${format}: bad character ${JSON.stringify(s[i])} (code ${c}) at column ${i + 1}; expected characters with codes 63..126`,
        { line: lineNo, expected: 'characters with codes 63..126', actual: `code ${c} at column ${i + 1}` },
      );
    }
  }
}
