import { describe, expect, it } from 'vitest';
import { parseDenoiserSize } from '../../bench/denoiserSize.js';

describe('denoiser-size knobs of the generator benches (GRAPHGEN_MOLGEN_DENOISER, GRAPHGEN_VUN_DENOISER)', () => {
  const molgen = (raw: string) => parseDenoiserSize('GRAPHGEN_MOLGEN_DENOISER', raw, 8, '4x96-32-64');

  it('parses LAYERSxHIDDENX-HIDDENE-HIDDENY with the bench heads', () => {
    expect(molgen('4x96-32-64')).toEqual({ layers: 4, hiddenX: 96, hiddenE: 32, hiddenY: 64, heads: 8 });
    expect(molgen('6x128-32-64')).toEqual({ layers: 6, hiddenX: 128, hiddenE: 32, hiddenY: 64, heads: 8 });
    expect(parseDenoiserSize('GRAPHGEN_VUN_DENOISER', '5x64-16-32', 4, '3x32-16-16')).toEqual({ layers: 5, hiddenX: 64, hiddenE: 16, hiddenY: 32, heads: 4 });
  });

  it('rejects malformed sizes with an error naming the variable, the value and the reason', () => {
    expect(() => molgen('4x96')).toThrow(/GRAPHGEN_MOLGEN_DENOISER.*such as 4x96-32-64, got "4x96".*wrong format/);
    expect(() => molgen('0x96-32-64')).toThrow(/at least one layer/);
    expect(() => molgen('4x100-32-64')).toThrow(/multiple of the 8 heads/);
    expect(() => molgen('4x96-0-64')).toThrow(/edge and graph widths must be positive/);
    expect(() => molgen('4x96-32-0')).toThrow(/edge and graph widths must be positive/);
    expect(molgen('2x16-4-4').hiddenE).toBe(4);
    expect(() => molgen(' 4x96-32-64')).toThrow(/wrong format/);
    expect(() => parseDenoiserSize('GRAPHGEN_VUN_DENOISER', '3x30-16-16', 4, '3x32-16-16')).toThrow(/GRAPHGEN_VUN_DENOISER.*"3x30-16-16".*multiple of the 4 heads/);
  });
});
