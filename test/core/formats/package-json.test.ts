import { describe, expect, it } from 'vitest';
import { parsePackageJson } from '../../../src/core/formats/package-json.js';

describe('parsePackageJson', () => {
  it('reads a manifest, also after a byte-order mark as npm does', () => {
    expect(parsePackageJson('\uFEFF{"scripts":{"test":"vitest"}}')).toEqual({
      manifest: { scripts: { test: 'vitest' } },
    });
  });

  it('says why invalid JSON is no manifest', () => {
    const parsed = parsePackageJson('{"scripts": ');
    expect('problem' in parsed && parsed.problem).toMatch(/^not valid JSON \(/);
  });

  it('reads valid JSON that is not an object as a manifest declaring nothing', () => {
    expect(parsePackageJson('[1, 2]')).toEqual({ manifest: {} });
    expect(parsePackageJson('null')).toEqual({ manifest: {} });
  });
});
