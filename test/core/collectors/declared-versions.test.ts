import { describe, expect, it } from 'vitest';
import { declaredVersionsCollector, versionsIn } from '../../../src/core/collectors/declared-versions.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

/** Image tags, which the collector takes from the Dockerfile and Compose collectors. */
async function imagesOf(path: string, text: string) {
  const view = await createRepoView(new MemoryRepo({ [path]: text }));
  return (await collectEvidence(declaredVersionsCollector, view, DEFAULT_CONFIG)).versions;
}

describe('declared-versions collector', () => {
  it('reads go.mod requires and the go directive, with lines', () => {
    const found = versionsIn(
      'go.mod',
      'module app\n\ngo 1.26\n\nrequire (\n\tgithub.com/stretchr/testify v1.11.1\n\tgithub.com/cilium/ebpf v0.20.0 // indirect\n)\n',
    );
    expect(found.map((entry) => [entry.name, entry.kind, entry.version, entry.line])).toEqual([
      ['go', 'runtime', '1.26', 3],
      ['github.com/stretchr/testify', 'dependency', 'v1.11.1', 6],
      ['github.com/cilium/ebpf', 'dependency', 'v0.20.0', 7],
    ]);
  });

  it('reads package.json dependencies and engines, requirements pins, image tags and version files', async () => {
    expect(
      versionsIn(
        'package.json',
        '{\n  "engines": { "node": ">=20" },\n  "dependencies": { "next": "^14.2.0" }\n}\n',
      ),
    ).toEqual([
      { name: 'next', kind: 'dependency', version: '^14.2.0', path: 'package.json', line: 3 },
      { name: 'node', kind: 'runtime', version: '>=20', path: 'package.json', line: 2 },
    ]);
    expect(versionsIn('requirements.txt', '# web\nDjango==5.0.1\nrequests\n')).toMatchObject([
      { name: 'django', version: '==5.0.1', line: 2 },
    ]);
    expect(
      await imagesOf('Dockerfile', 'FROM --platform=linux/amd64 node:20-alpine AS build\nFROM $BASE:1\n'),
    ).toMatchObject([{ name: 'node', kind: 'image', version: '20-alpine', line: 1 }]);
    expect(await imagesOf('compose.yaml', 'services:\n  db:\n    image: postgres:16\n')).toMatchObject([
      { name: 'postgres', kind: 'image', version: '16', line: 3 },
    ]);
    expect(versionsIn('.nvmrc', '\n20.11.0\n')).toMatchObject([
      { name: 'node', version: '20.11.0', line: 2 },
    ]);
  });
});
