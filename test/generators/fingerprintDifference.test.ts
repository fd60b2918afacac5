import { describe, expect, it } from 'vitest';
import { fingerprintDifference } from '../../src/generators/common/checkpoint.js';

describe('fingerprintDifference', () => {
  const saved = JSON.stringify({ kind: 'defog', config: { denoiser: { layers: 4, hiddenX: 96 }, features: { name: 'rrwp' } }, marginals: [[0.5, 0.5]], n: 10 });

  it('treats a key-order change as the same model', () => {
    const reordered = JSON.stringify({ n: 10, kind: 'defog', marginals: [[0.5, 0.5]], config: { features: { name: 'rrwp' }, denoiser: { hiddenX: 96, layers: 4 } } });
    expect(fingerprintDifference(saved, saved)).toBeUndefined();
    expect(fingerprintDifference(saved, reordered)).toBeUndefined();
  });

  it('names the first differing leaf with both values', () => {
    const current = JSON.stringify({ kind: 'defog', config: { denoiser: { layers: 6, hiddenX: 128 }, features: { name: 'rrwp' } }, marginals: [[0.5, 0.5]], n: 10 });
    expect(fingerprintDifference(saved, current)).toBe('config.denoiser.layers: 4 in the checkpoint, 6 here');
  });

  it('indexes arrays and reports length changes', () => {
    const changed = JSON.stringify({ kind: 'defog', config: { denoiser: { layers: 4, hiddenX: 96 }, features: { name: 'rrwp' } }, marginals: [[0.5, 0.25]], n: 10 });
    expect(fingerprintDifference(saved, changed)).toBe('marginals[0][1]: 0.5 in the checkpoint, 0.25 here');
    const longer = JSON.stringify({ kind: 'defog', config: { denoiser: { layers: 4, hiddenX: 96 }, features: { name: 'rrwp' } }, marginals: [[0.5, 0.5, 0]], n: 10 });
    expect(fingerprintDifference(saved, longer)).toBe('marginals[0]: length 2 in the checkpoint, 3 here');
    expect(fingerprintDifference('[1]', '{"0":1}')).toBe('(root): [1] in the checkpoint, {"0":1} here');
  });

  it('reports keys present on one side only', () => {
    const extra = JSON.stringify({ kind: 'defog', config: { denoiser: { layers: 4, hiddenX: 96 }, features: { name: 'rrwp', components: true } }, marginals: [[0.5, 0.5]], n: 10 });
    expect(fingerprintDifference(saved, extra)).toBe('config.features.components: absent in the checkpoint, true here');
    expect(fingerprintDifference(extra, saved)).toBe('config.features.components: true in the checkpoint, absent here');
  });

  it('clips long values', () => {
    const d = fingerprintDifference(JSON.stringify({ kind: 'defog', config: {} }), JSON.stringify({ kind: 'defog', config: 'x'.repeat(200) }));
    expect(d).toMatch(/^config: \{\} in the checkpoint, "x{76}\.\.\. here$/);
  });

  it('compares strings that are not JSON whole', () => {
    expect(fingerprintDifference('a', 'a')).toBeUndefined();
    expect(fingerprintDifference('a', 'b')).toBe('"a" in the checkpoint, "b" here');
  });
});
