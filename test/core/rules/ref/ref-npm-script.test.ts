import { describe, expect, it } from 'vitest';
import { refNpmScript } from '../../../../src/core/rules/ref/ref-npm-script.js';
import { judgeOne } from '../../../support/rule-harness.js';

const manifest = `{
  "name": "app",
  "scripts": {
    "build": "tsc -p .",
    "deploy:check": "node scripts/check-deploy.js"
  }
}
`;

describe('ref.npm-script', () => {
  it('passes with the line of the script', async () => {
    const finding = await judgeOne(
      refNpmScript,
      { 'package.json': manifest },
      'Run `npm run deploy:check` - verify dependencies',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'package.json', line: 5 }] });
  });

  it('fails when the script is missing, listing the scripts there are', async () => {
    const finding = await judgeOne(refNpmScript, { 'package.json': manifest }, 'Lint passes: `npm run lint`');
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: '`npm run lint` has no script "lint" in package.json (scripts: build, deploy:check)',
    });
  });

  it('prefers the package.json of the checklist folder', async () => {
    const files = {
      'package.json': manifest,
      'services/api/package.json': '{ "scripts": { "lint": "eslint ." } }\n',
    };
    const finding = await judgeOne(refNpmScript, files, 'Lint passes: `npm run lint`', {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'services/api/package.json', line: 1 }],
    });
  });

  it('is unknown when yarn may run a binary, or package.json is broken', async () => {
    const binary = await judgeOne(
      refNpmScript,
      { 'package.json': manifest },
      'Lint clean with `yarn eslint`',
    );
    expect(binary.verdict).toBe('unknown');
    const broken = await judgeOne(
      refNpmScript,
      { 'package.json': '{ "scripts": ' },
      'Build: `npm run build`',
    );
    expect(broken.verdict).toBe('unknown');
  });

  it('fails when there is no package.json at all', async () => {
    const finding = await judgeOne(refNpmScript, { 'go.mod': 'module x\n' }, 'Build: `npm run build`');
    expect(finding).toMatchObject({ verdict: 'fail', evidence: [{ path: 'package.json' }] });
  });
});
