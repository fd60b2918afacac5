/**
 * API snapshot: the public surface of every subpath in package.json's `exports` (export names,
 * their kinds, and the public methods of exported classes) is compared with the committed file
 * test/api/surface/<area>.txt. A change to the surface fails this test until the snapshot is
 * updated on purpose with `npx vitest run test/api -u`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, unknown> };
const areas = Object.keys(pkg.exports)
  .filter((k) => k !== './package.json')
  .map((k) => (k === '.' ? 'index' : k.slice(2)));

function describeExport(name: string, value: unknown): string {
  if (typeof value === 'function') {
    const proto = (value as { prototype?: object }).prototype;
    const isClass = /^class\s/.test(Function.prototype.toString.call(value));
    if (isClass && proto) {
      const methods = Object.getOwnPropertyNames(proto).filter((m) => m !== 'constructor' && !m.startsWith('_')).sort();
      const statics = Object.getOwnPropertyNames(value)
        .filter((m) => !['length', 'name', 'prototype'].includes(m) && !m.startsWith('_'))
        .sort();
      return `class ${name}${statics.length ? ` static(${statics.join(', ')})` : ''} { ${methods.join(', ')} }`;
    }
    return `function ${name}/${(value as (...a: unknown[]) => unknown).length}`;
  }
  if (value !== null && typeof value === 'object') return `object ${name} { ${Object.keys(value).sort().join(', ')} }`;
  return `${typeof value} ${name}`;
}

describe('public API surface', () => {
  for (const area of areas) {
    it(`graphgen${area === 'index' ? '' : `/${area}`}`, async () => {
      const file = area === 'index' ? `${root}src/index.ts` : `${root}src/${area}/index.ts`;
      expect(existsSync(file), `package.json exports "${area}" but ${file} does not exist`).toBe(true);
      const mod = (await import(file)) as Record<string, unknown>;
      const lines = Object.keys(mod).sort().map((k) => describeExport(k, mod[k]));
      await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(`./surface/${area}.txt`);
    });
  }
});
