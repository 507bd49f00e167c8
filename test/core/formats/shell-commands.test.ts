import { describe, expect, it } from 'vitest';
import {
  classifyTokens,
  kindsFromScriptName,
  packageScriptName,
  splitCommands,
} from '../../../src/core/formats/shell-commands.js';

function classify(command: string) {
  return splitCommands(command).map((tokens) => classifyTokens(tokens));
}

describe('shell-command classifier', () => {
  it('splits chains, continuations and comments into commands', () => {
    expect(splitCommands('npm ci && npm test # all\ngo vet \\\n  ./...')).toEqual([
      ['npm', 'ci'],
      ['npm', 'test'],
      ['go', 'vet', './...'],
    ]);
  });

  it('sees the tool behind wrappers, runners and environment assignments', () => {
    expect(classify('CI=1 npx vitest run')[0]?.kinds).toEqual(['test']);
    expect(classify('uv run --group dev mypy src')[0]?.kinds).toEqual(['typecheck']);
    expect(classify('docker compose run --rm api pytest -q')[0]?.kinds).toEqual(['test']);
  });

  it('names the scanner a security command runs', () => {
    expect(classify('go run golang.org/x/vuln/cmd/govulncheck@latest ./...')[0]).toEqual({
      kinds: ['security'],
      scanners: ['govulncheck'],
      opaque: false,
    });
  });

  it('counts a formatter as lint only when it checks', () => {
    expect(classify('prettier --check .')[0]?.kinds).toEqual(['lint']);
    expect(classify('prettier --write .')[0]?.kinds).toEqual([]);
  });

  it('calls an unknown local script opaque and a chore not', () => {
    expect(classify('./scripts/run-things.sh')[0]?.opaque).toBe(true);
    expect(classify('./scripts/clean.sh')[0]?.opaque).toBe(false);
  });

  it('reads package scripts and script names', () => {
    expect(packageScriptName(['pnpm', '-r', 'run', 'typecheck'])).toBe('typecheck');
    expect(packageScriptName(['npm', 'install'])).toBeUndefined();
    expect(kindsFromScriptName('test:e2e')).toEqual(['test']);
    expect(kindsFromScriptName('release.sh')).toEqual(['deploy']);
  });
});
