import { describe, expect, it } from 'vitest';
import { parseNginx } from '../../../../src/core/collectors/nginx.js';
import { nginxSetting } from '../../../../src/core/rules/nginx/nginx-setting.js';
import { judge, judgeOne, matches } from '../../../support/rule-harness.js';

const PLAIN = `upstream app { server web:8000; }

server {
    listen 80;
    server_name shop.example.com;
    # return 301 https://$host$request_uri;
    gzip on;
    location / {
        proxy_pass http://app;
        proxy_set_header Upgrade $http_upgrade;
    }
}
`;
const TLS = `server {
    listen 80;
    return 301 https://$host$request_uri;
}
server {
    listen 443 ssl http2;
    ssl_certificate /etc/letsencrypt/live/shop/fullchain.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    add_header Strict-Transport-Security "max-age=63072000" always;
    limit_req zone=api burst=20;
}
`;

describe('nginx.setting', () => {
  it('passes on the directive that sets the claim, with its line', async () => {
    const files = { 'nginx/nginx.conf': PLAIN };
    expect(await judgeOne(nginxSetting, files, 'Configure Nginx reverse proxy')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'nginx/nginx.conf', line: 9 }],
    });
    expect(await judgeOne(nginxSetting, files, 'Nginx gzip compression enabled')).toMatchObject({
      verdict: 'pass',
      evidence: [{ line: 7 }],
    });
  });

  it('fails when the committed configuration lacks it (a commented-out directive does not count)', async () => {
    const files = { 'nginx/nginx.conf': PLAIN };
    const redirect = await judgeOne(nginxSetting, files, 'Redirect HTTP to HTTPS', {
      heading: 'Nginx',
      checked: false,
    });
    expect(redirect).toMatchObject({ verdict: 'fail', evidence: [{ path: 'nginx/nginx.conf' }] });
    const policies = await judgeOne(nginxSetting, files, 'Set up proper SSL policies', { heading: 'Nginx' });
    expect(policies.verdict).toBe('fail');
    expect(policies.message).toContain('ssl_protocols');
    const tls = { 'deploy/nginx/site.conf': TLS };
    for (const text of [
      'Redirect HTTP to HTTPS',
      'Set up proper SSL policies',
      'HSTS enabled',
      'HTTP/2',
      'Rate limiting',
    ])
      expect((await judgeOne(nginxSetting, tls, text, { heading: 'Nginx' })).verdict, text).toBe('pass');
  });

  it('is unknown without a committed configuration, behind an include, or when the item allows another place', async () => {
    expect(
      (await judgeOne(nginxSetting, { 'app.py': '' }, 'Configure nginx for HTTPS termination')).verdict,
    ).toBe('unknown');
    const included = { 'nginx.conf': 'server {\n  listen 80;\n  include /etc/nginx/snippets/ssl.conf;\n}\n' };
    const behind = await judgeOne(nginxSetting, included, 'Configure nginx for HTTPS termination');
    expect(behind).toMatchObject({ verdict: 'unknown', evidence: [{ path: 'nginx.conf', line: 3 }] });
    const either = await judgeOne(
      nginxSetting,
      { 'nginx.conf': PLAIN },
      'Rate limiting at nginx or in the app',
    );
    expect(either.verdict).toBe('unknown');
  });

  it('judges only items about nginx or the reverse proxy', async () => {
    expect(matches(nginxSetting, 'Redirect HTTP to HTTPS')).toBe(false);
    expect(matches(nginxSetting, 'Nginx installed on the server')).toBe(false);
    expect(await judge(nginxSetting, { 'nginx.conf': PLAIN }, 'Gzip compression in Express')).toEqual([]);
  });

  it('parses directives and block openers, not comments', () => {
    expect(
      parseNginx('# gzip on;\nserver { listen 80; # ssl\n  gzip on; }\n').map((d) => `${d.line}:${d.name}`),
    ).toEqual(['2:server', '2:listen', '3:gzip']);
  });
});
