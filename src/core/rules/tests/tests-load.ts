import { testInventory } from '../../collectors/test-inventory.js';
import type { Rule } from '../../rule.js';
import { judgeSuite, type SuiteClaim, suiteClaims } from './tests-evidence.js';

export const testsLoad: Rule<SuiteClaim> = {
  id: 'tests.load',
  title: 'Load tests exist',
  why: 'Capacity claims need a repeatable load test; a script in the repository can be re-run before each release.',
  fix: 'Commit the load test scripts (k6, Locust, Artillery, JMeter, Gatling), e.g. load/checkout.js importing k6/http.',
  recognises:
    'Items that claim load, performance or stress testing ("Load testing with k6", "Load tests passing"); ' +
    'results and numbers of users cannot be confirmed from scripts alone.',
  needs: [testInventory],
  match: (item) => suiteClaims(item, 'load'),
  bound: () => [{ kind: 'load', outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      'Load testing with k6',
      'Load testing completed',
      '**Load Testing** - Performance under concurrent users',
      '**API Load Tests**',
      'Performance tests passing',
      'Load testing (100 concurrent users)',
    ],
    noMatch: [
      'Load balancer configured',
      '负载测试自动化',
      'Hot-reload endpoints without restart',
      'Lazy loading for images',
      'Performance monitoring dashboards',
      'Message sending tested (500+ concurrent users)',
    ],
    verdicts: [
      {
        files: {
          'load/checkout.js':
            'import http from "k6/http";\nexport const options = { vus: 50, duration: "1m" };\nexport default function () { http.get("https://shop.example/"); }\n',
        },
        item: 'Load testing with k6',
        verdict: 'pass',
      },
      { files: { 'src/app.ts': 'export {};\n' }, item: 'Load testing with k6', verdict: 'fail' },
    ],
  },
};
