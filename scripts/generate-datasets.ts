/**
 * Writes each built-in dataset recipe, generated with the default seed, to
 * `datasets/<name>/{train,val,test}.g6` (graph6, no header, one graph per line), so the exact
 * graphs are stable across versions. `test/datasets/committed.test.ts` regenerates them and checks
 * they are byte-identical.
 *
 * Usage: `npm run datasets:generate` (or `npx tsx scripts/generate-datasets.ts [name ...]`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, RECIPE_NAMES, type RecipeName } from '../src/datasets/index.js';
import { formatGraph6 } from '../src/io/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'datasets');
const names = process.argv.length > 2 ? (process.argv.slice(2) as RecipeName[]) : RECIPE_NAMES;
for (const name of names) {
  const data = loadDataset(name);
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const split of ['train', 'val', 'test'] as const) {
    writeFileSync(join(dir, `${split}.g6`), formatGraph6(data[split]));
  }
  console.log(`${name}: ${data.train.length}/${data.val.length}/${data.test.length} graphs -> datasets/${name}/`);
}
