import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as interpolateExample } from '../../../examples/ot-interpolate.js';

describe('examples/ot-interpolate', () => {
  it('writes an SVG of the path between two graphs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-genot-ex-'));
    try {
      const out = join(dir, 'path.svg');
      const r = interpolateExample({ frames: 4, out });
      expect(r.ts).toEqual([0, 1 / 3, 2 / 3, 1]);
      expect(r.graphs.map((g) => g.n)).toEqual([12, 11, 9, 8]);
      const svg = readFileSync(out, 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.match(/<g>/g)?.length).toBe(4);
      expect(svg).not.toContain('NaN');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
