import { describe, expect, it } from 'vitest';
import { refMakeTarget } from '../../../../src/core/rules/ref/ref-make-target.js';
import { judgeOne } from '../../../support/rule-harness.js';

const makefile = `.PHONY: docker.build release

APP := wanderer_notifier

docker.build:
\tdocker build -t $(APP) .

release: deps
\tMIX_ENV=prod mix release
`;

const mixExs = `defmodule App.MixProject do
  use Mix.Project

  defp aliases do
    [
      setup: ["deps.get", "ecto.setup"],
      "assets.deploy": ["esbuild default --minify"]
    ]
  end
end
`;

describe('ref.make-target', () => {
  it('passes with the target line', async () => {
    const finding = await judgeOne(
      refMakeTarget,
      { Makefile: makefile },
      'Docker image built successfully: `make docker.build`',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'Makefile', line: 5 }] });
    const release = await judgeOne(
      refMakeTarget,
      { Makefile: makefile },
      'Production release built: `make release`',
    );
    expect(release.message).toBe('make target "release" is defined at Makefile:8');
  });

  it('fails on a missing target or a missing Makefile', async () => {
    const missing = await judgeOne(refMakeTarget, { Makefile: makefile }, 'Deployed with `make deploy`');
    expect(missing).toMatchObject({
      verdict: 'fail',
      message: 'no target "deploy" in Makefile (targets: docker.build, release)',
    });
    const none = await judgeOne(refMakeTarget, { 'mix.exs': mixExs }, 'Deployed with `make deploy`');
    expect(none).toMatchObject({ verdict: 'fail', evidence: [{ path: 'Makefile' }] });
  });

  it('is unknown when pattern rules or includes may define the target', async () => {
    const open = `include build/*.mk\n\n%.image:\n\tdocker build -f $*.Dockerfile .\n`;
    const finding = await judgeOne(refMakeTarget, { Makefile: open }, 'Deployed with `make deploy`');
    expect(finding.verdict).toBe('unknown');
  });

  it('knows mix aliases, built-in tasks, and is unknown about dependency tasks', async () => {
    const alias = await judgeOne(refMakeTarget, { 'mix.exs': mixExs }, 'Assets built: `mix assets.deploy`');
    expect(alias).toMatchObject({ verdict: 'pass', evidence: [{ path: 'mix.exs', line: 7 }] });
    const builtIn = await judgeOne(refMakeTarget, { 'mix.exs': mixExs }, 'Migrated: `mix ecto.migrate`');
    expect(builtIn.verdict).toBe('pass');
    const dependency = await judgeOne(
      refMakeTarget,
      { 'mix.exs': mixExs },
      'Static analysis: `mix credo --strict`',
    );
    expect(dependency.verdict).toBe('unknown');
  });
});
