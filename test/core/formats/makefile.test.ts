import { describe, expect, it } from 'vitest';
import { parseMakefile } from '../../../src/core/formats/makefile.js';

const MAKEFILE = [
  '.PHONY: test lint \\',
  '\tdeploy',
  'BIN := bin/app',
  '',
  'all: build test',
  '',
  'build:',
  '\t@go build ./... \\',
  '\t  --tags: prod',
  '',
  '$(BIN): main.go',
  '\tgo build -o $(BIN)',
  '',
  'test lint: build',
  '\tgo test ./...',
].join('\n');

describe('parseMakefile', () => {
  const makefile = parseMakefile(MAKEFILE);

  it('reads rules, prerequisites, recipes and the default goal', () => {
    expect(makefile.first).toBe('all');
    expect(makefile.targets.get('all')?.prerequisites).toEqual(['build', 'test']);
    expect(makefile.targets.get('build')?.recipe).toContain('go build ./...');
    expect(makefile.targets.get('lint')?.recipe).toBe('go test ./...\n');
  });

  it('leaves computed target names out of the rules but marks the Makefile open', () => {
    expect(makefile.targets.has('$(BIN)')).toBe(false);
    expect(makefile.open).toBe(true);
  });

  it('declares every name of a continued .PHONY list and none from a continued recipe', () => {
    const declared = makefile.declared.map((target) => `${target.name}:${target.line}`);
    expect(declared).toEqual(['test:1', 'lint:1', 'deploy:1', 'all:5', 'build:7', 'test:14', 'lint:14']);
    expect(makefile.declared[0]?.excerpt).toBe('.PHONY: test lint \\');
  });

  it('is closed when every target is listed statically', () => {
    expect(parseMakefile('build:\n\tgo build\n').open).toBe(false);
  });
});
