/**
 * Packaging check: `npm pack` the repository (which runs `prepare` = build), install the tarball
 * into a scratch project whose dependencies are linked from this repository's node_modules (no
 * network), then import every subpath from plain Node and type-check a consumer with NodeNext.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json').map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));

describe('packed package', () => {
  it('installs from its tarball and every subpath imports from Node and type-checks under NodeNext', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'graphgen-pack-'));
    try {
      const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const tarball = join(scratch, out.trim().split('\n').pop() as string);
      const modules = join(scratch, 'node_modules');
      mkdirSync(join(modules, pkg.name), { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', join(modules, pkg.name), '--strip-components=1']);
      for (const dep of readdirSync(join(root, 'node_modules'))) {
        if (dep === '.bin' || dep === pkg.name || dep.startsWith('.')) continue;
        symlinkSync(join(root, 'node_modules', dep), join(modules, dep));
      }
      writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module', private: true }));
      const imports = subpaths.map((s, i) => `import * as m${i} from '${s}';`).join('\n');
      const checks = subpaths.map((s, i) => `if (Object.keys(m${i}).length === 0) throw new Error('${s} exports nothing');`).join('\n');
      writeFileSync(
        join(scratch, 'consumer.mts'),
        `${imports}\nimport { Graph } from 'graphgen/graph';\nimport { createRng } from 'graphgen/core';\n${checks}\n` +
          `const g: Graph = Graph.fromEdgeList(3, [[0, 1], [1, 2]]);\nconst r: number = createRng(1).uniform();\n` +
          `if (g.numEdges !== 2 || !(r >= 0)) throw new Error('bad');\nconsole.log('ok', ${subpaths.length});\n`,
      );
      writeFileSync(join(scratch, 'consumer.mjs'), readFileSync(join(scratch, 'consumer.mts'), 'utf8').replace(/: Graph|: number/g, ''));
      const run = execFileSync(process.execPath, ['consumer.mjs'], { cwd: scratch, encoding: 'utf8' });
      expect(run.trim()).toBe(`ok ${subpaths.length}`);
      writeFileSync(
        join(scratch, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.mts'] }),
      );
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
      const cli = execFileSync(process.execPath, [join(modules, pkg.name, 'dist/cli/main.js'), '--version'], { encoding: 'utf8' });
      expect(cli.trim()).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 240_000);
});
