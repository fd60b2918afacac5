import { describe, expect, it } from 'vitest';
import { parseDenoiserSize } from '../../bench/molgen.bench.js';

describe('GRAPHGEN_MOLGEN_DENOISER (molgen bench denoiser size)', () => {
  it('parses LAYERSxHIDDENX-HIDDENE-HIDDENY with 8 heads', () => {
    expect(parseDenoiserSize('4x96-32-64')).toEqual({ layers: 4, hiddenX: 96, hiddenE: 32, hiddenY: 64, heads: 8 });
    expect(parseDenoiserSize('6x128-32-64')).toEqual({ layers: 6, hiddenX: 128, hiddenE: 32, hiddenY: 64, heads: 8 });
  });

  it('rejects malformed sizes with an error naming the variable and the reason', () => {
    expect(() => parseDenoiserSize('4x96')).toThrow(/GRAPHGEN_MOLGEN_DENOISER.*"4x96".*wrong format/);
    expect(() => parseDenoiserSize('0x96-32-64')).toThrow(/at least one layer/);
    expect(() => parseDenoiserSize('4x100-32-64')).toThrow(/multiple of the 8 heads/);
    expect(() => parseDenoiserSize('4x96-0-64')).toThrow(/edge and graph widths must be positive/);
    expect(() => parseDenoiserSize('4x96-32-0')).toThrow(/edge and graph widths must be positive/);
    expect(parseDenoiserSize('2x16-4-4').hiddenE).toBe(4);
    expect(() => parseDenoiserSize(' 4x96-32-64')).toThrow(/wrong format/);
  });
});
