import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { trainCommand } from '../../src/cli/commands/train.js';
import { runCliProcess, toyDatasetDir } from '../generators/cliHelpers.js';

describe('graphgen train', () => {
  it('is a commander Command named train', () => {
    expect(trainCommand()).toBeInstanceOf(Command);
    expect(trainCommand().name()).toBe('train');
  });

  it('trains a tiny model, saves it with a checkpoint and prints an evaluation table', () => {
    const dir = toyDatasetDir();
    const out = join(dir, 'model');
    const r = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'defog', '--epochs', '2', '--layers', '1', '--hidden', '8', '--steps', '2', '--out', out, '--no-progress']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/trained defog .* 2 epochs, 2 steps/);
    expect(r.stdout).toMatch(/degree/);
    for (const f of ['generator.json', 'weights.json', 'weights.bin', 'checkpoint.json']) expect(existsSync(join(out, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'generator.json'), 'utf8')).kind).toBe('defog');
    // resume continues from the checkpoint
    const again = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'defog', '--epochs', '3', '--layers', '1', '--hidden', '8', '--out', out, '--resume', '--no-eval', '--no-progress', '--validate-every', '1']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/validation: degree/);
    expect(again.stdout).toMatch(/3 epochs, 3 steps/);
    // a cosine schedule trains too, and changes the weights against a constant rate
    const cos = join(dir, 'cos');
    const flat = join(dir, 'flat');
    const base = ['train', '--dataset', join(dir, 'data'), '--model', 'defog', '--epochs', '2', '--layers', '1', '--hidden', '8', '--no-eval', '--no-progress'];
    expect(runCliProcess([...base, '--out', flat]).status).toBe(0);
    const rc = runCliProcess([...base, '--out', cos, '--lr-schedule', 'cosine', '--warmup', '2']);
    expect(rc.stderr).toBe('');
    expect(rc.status).toBe(0);
    expect(readFileSync(join(cos, 'weights.bin')).equals(readFileSync(join(flat, 'weights.bin')))).toBe(false);
    // --components adds the component features to DeFoG's RRWP and saves them in the model
    const comp = join(dir, 'comp');
    const rcomp = runCliProcess([...base, '--out', comp, '--components']);
    expect(rcomp.status).toBe(0);
    const saved = JSON.parse(readFileSync(join(comp, 'generator.json'), 'utf8')) as { config: { features: unknown } };
    expect(saved.config.features).toEqual({ name: 'rrwp', walkSteps: 8, components: true });
    // --cycle-edges adds the cycle-edge features, alone or after the component ones
    for (const [flags, want] of [
      [['--cycle-edges'], { name: 'rrwp', walkSteps: 8, cycleEdges: true }],
      [['--components', '--cycle-edges'], { name: 'rrwp', walkSteps: 8, components: true, cycleEdges: true }],
      // --spectral-pairs adds the spectral-projector features
      [['--spectral-pairs', '2'], { name: 'rrwp', walkSteps: 8, spectralPairs: 2 }],
    ] as const) {
      const out = join(dir, `cyc${flags.join('')}`);
      const r = runCliProcess([...base, '--out', out, ...flags]);
      expect(r.status).toBe(0);
      expect((JSON.parse(readFileSync(join(out, 'generator.json'), 'utf8')) as { config: { features: unknown } }).config.features).toEqual(want);
    }
    // --self-conditioning is saved in the model
    const sc = join(dir, 'sc');
    const rsc = runCliProcess([...base, '--out', sc, '--self-conditioning', '2']);
    expect(rsc.stderr).toBe('');
    expect(rsc.status).toBe(0);
    expect((JSON.parse(readFileSync(join(sc, 'generator.json'), 'utf8')) as { config: { selfConditioning?: unknown } }).config.selfConditioning).toEqual({ probability: 0.5, spectralPairs: 2 });
    // --train-distortion is saved in the model (and so in its checkpoint identity)
    const td = join(dir, 'td');
    const rtd = runCliProcess([...base, '--out', td, '--train-distortion', 'polydec']);
    expect(rtd.stderr).toBe('');
    expect(rtd.status).toBe(0);
    expect((JSON.parse(readFileSync(join(td, 'generator.json'), 'utf8')) as { config: { trainDistortion?: string } }).config.trainDistortion).toBe('polydec');
    expect((JSON.parse(readFileSync(join(flat, 'generator.json'), 'utf8')) as { config: { trainDistortion?: string } }).config.trainDistortion).toBeUndefined();
    // --prior is saved in the model (trained here with size-pooled batches)
    const abs = join(dir, 'abs');
    expect(runCliProcess([...base, '--out', abs, '--prior', 'absorbing', '--node-prior', 'marginal', '--size-pool', '2']).status).toBe(0);
    const absConfig = (JSON.parse(readFileSync(join(abs, 'generator.json'), 'utf8')) as { config: { prior?: string; nodePrior?: string } }).config;
    expect(absConfig).toMatchObject({ prior: 'absorbing', nodePrior: 'marginal' });
    expect((JSON.parse(readFileSync(join(td, 'generator.json'), 'utf8')) as { config: { nodePrior?: string } }).config.nodePrior).toBeUndefined();
  });

  it('fits a baseline and rejects bad arguments with exit code 2', () => {
    const dir = toyDatasetDir();
    const ok = runCliProcess(['train', '--dataset', join(dir, 'data', 'train.g6'), '--model', 'er', '--out', join(dir, 'er'), '--no-progress']);
    expect(ok.status).toBe(0);
    const all = Number(/\((\d+) graphs\)/.exec(ok.stdout)?.[1]);
    expect(all).toBeGreaterThan(3);
    const limited = runCliProcess(['train', '--dataset', join(dir, 'data', 'train.g6'), '--model', 'er', '--limit', '3', '--time-limit', '0.5', '--out', join(dir, 'er3'), '--no-progress']);
    expect(limited.status).toBe(0);
    expect(limited.stdout).toMatch(/\(3 graphs\)/);
    for (const [flag, value] of [['--limit', '0'], ['--time-limit', '-1'], ['--time-limit', 'soon'], ['--lr-schedule', 'step'], ['--warmup', '10'], ['--lr', '0'], ['--size-pool', '0']]) {
      const r = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'er', flag, value, '--out', join(dir, 'x')]);
      expect(r.status, `${flag} ${value}`).toBe(2);
      expect(r.stderr).toContain(flag);
    }
    const compEr = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'er', '--components', '--out', join(dir, 'x')]);
    expect(compEr.status).toBe(2);
    expect(compEr.stderr).toContain('--components');
    const cycEr = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'sbm', '--cycle-edges', '--out', join(dir, 'x')]);
    expect(cycEr.status).toBe(2);
    expect(cycEr.stderr).toContain('--cycle-edges');
    for (const [model, value] of [['sbm', '2'], ['defog', '0'], ['defog', '17'], ['defog', 'two']]) {
      const r = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', model, '--spectral-pairs', value, '--out', join(dir, 'x')]);
      expect(r.status, `${model} ${value}`).toBe(2);
      expect(r.stderr).toContain('--spectral-pairs');
    }
    for (const [model, value] of [['er', '1'], ['defog', '-1'], ['digress', '17'], ['defog', 'yes']]) {
      const r = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', model, '--self-conditioning', value, '--out', join(dir, 'x')]);
      expect(r.status, `${model} ${value}`).toBe(2);
      expect(r.stderr).toContain('--self-conditioning');
    }
    for (const [model, value] of [['digress', 'polydec'], ['defog', 'square']]) {
      const r = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', model, '--train-distortion', value, '--out', join(dir, 'x')]);
      expect(r.status, `${model} ${value}`).toBe(2);
      expect(r.stderr).toContain('--train-distortion');
    }
    for (const [model, value] of [['digress', 'absorbing'], ['defog', 'mask']]) {
      const r = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', model, '--prior', value, '--out', join(dir, 'x')]);
      expect(r.status, `${model} ${value}`).toBe(2);
      expect(r.stderr).toContain('--prior');
    }
    const nodePrior = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'digress', '--node-prior', 'marginal', '--out', join(dir, 'x')]);
    expect(nodePrior.status).toBe(2);
    expect(nodePrior.stderr).toContain('--node-prior');
    const bad = runCliProcess(['train', '--dataset', join(dir, 'nope'), '--out', join(dir, 'x')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--dataset/);
    const badModel = runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'gan', '--out', join(dir, 'x')]);
    expect(badModel.status).toBe(2);
    const badEpochs = runCliProcess(['train', '--dataset', join(dir, 'data'), '--epochs', '-1', '--out', join(dir, 'x')]);
    expect(badEpochs.status).toBe(2);
    expect(badEpochs.stderr).toMatch(/--epochs/);
  }, 180_000); // about 15 CLI processes (two inside loops), each a fresh node start; slow on a loaded 2-core machine
});
