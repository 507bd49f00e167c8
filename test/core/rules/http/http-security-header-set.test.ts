import { describe, expect, it } from 'vitest';
import { httpSecurityHeaderSet } from '../../../../src/core/rules/http/http-security-header-set.js';
import { signalsSecurityHeaders } from '../../../../src/core/rules/signals/signals-security-headers.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const SINATRA = `configure :production do
  use Rack::SSL
end

after do
  headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains; preload'
  headers['X-Frame-Options'] = 'DENY'
end
`;

describe('http.security-header-set', () => {
  it('passes a header set by hand, with the value the item names, on its line', async () => {
    const files = { 'app.rb': SINATRA };
    expect(await judgeOne(httpSecurityHeaderSet, files, 'HSTS headers with preload support')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'app.rb', line: 6 }],
    });
    expect(await judgeOne(httpSecurityHeaderSet, files, 'X-Frame-Options: DENY')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'app.rb', line: 7 }],
    });
  });

  it('is unknown for another value or no setting at all (a proxy or library default may send it)', async () => {
    const files = { 'app.rb': SINATRA };
    expect((await judgeOne(httpSecurityHeaderSet, files, 'X-Frame-Options: SAMEORIGIN')).verdict).toBe(
      'unknown',
    );
    expect((await judgeOne(httpSecurityHeaderSet, files, 'Referrer Policy')).verdict).toBe('unknown');
    const examples = { 'examples/app.rb': SINATRA };
    expect((await judgeOne(httpSecurityHeaderSet, examples, 'X-Frame-Options: DENY')).verdict).toBe(
      'unknown',
    );
  });

  it('leaves general header claims and web-server claims to their rules, and takes one header from signals', () => {
    expect(matches(httpSecurityHeaderSet, 'Security headers (CSP, HSTS)')).toBe(false);
    expect(matches(httpSecurityHeaderSet, 'Nginx adds HSTS')).toBe(false);
    expect(matches(signalsSecurityHeaders, 'Security headers (CSP, HSTS)')).toBe(true);
    expect(matches(signalsSecurityHeaders, 'HSTS headers with preload support')).toBe(false);
    expect(matches(signalsSecurityHeaders, 'Strict-Transport-Security (HSTS) enabled')).toBe(false);
  });
});
