import { describe, expect, it } from 'vitest';
import { headerSettings, responseHeadersCollector } from '../../../src/core/collectors/response-headers.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

describe('response-headers collector', () => {
  it('finds headers set by name in any language and in server and framework configuration', () => {
    const ruby = headerSettings(
      'app.rb',
      "# headers['X-Frame-Options'] = 'SAMEORIGIN'\nheaders['X-Frame-Options'] = 'DENY'\nheaders 'Referrer-Policy' => 'no-referrer'\n",
    );
    expect(ruby.map((setting) => [setting.header, setting.line])).toEqual([
      ['x-frame-options', 2],
      ['referrer-policy', 3],
    ]);
    const go = headerSettings(
      'main.go',
      'w.Header().Set("Strict-Transport-Security", "max-age=63072000; preload")\n',
    );
    expect(go[0]).toMatchObject({ header: 'strict-transport-security', line: 1 });
    expect(go[0]?.after).toMatch(/preload/);
    const next = headerSettings(
      'next.config.mjs',
      "export default { headers: async () => [{ source: '/(.*)', headers: [\n  { key: 'X-Content-Type-Options',\n    value: 'nosniff' },\n] }] };\n",
    );
    expect(next[0]).toMatchObject({ header: 'x-content-type-options', line: 2 });
    expect(next[0]?.after).toMatch(/nosniff/);
    expect(
      headerSettings('nginx.conf', 'add_header Content-Security-Policy "default-src \'self\'" always;\n'),
    ).toHaveLength(1);
  });

  it('does not count a header named in prose or a log line as set', () => {
    expect(
      headerSettings(
        'src/docs.ts',
        "// X-Frame-Options: DENY is set by the proxy\nconst help = 'see X-Frame-Options.';\n",
      ),
    ).toEqual([]);
  });

  it('skips tests and vendored code', async () => {
    const view = await createRepoView(
      new MemoryRepo({
        'src/app.ts': "res.setHeader('X-Frame-Options', 'DENY');\n",
        'test/app.test.ts': "res.setHeader('X-Frame-Options', 'DENY');\n",
        'node_modules/x/index.js': "res.setHeader('X-Frame-Options', 'DENY');\n",
      }),
    );
    const evidence = await collectEvidence(responseHeadersCollector, view, DEFAULT_CONFIG);
    expect(evidence.settings.map((setting) => setting.path)).toEqual(['src/app.ts']);
  });
});
