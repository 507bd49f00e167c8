import { projectDocsCollector } from '../../collectors/project-docs.js';
import type { Rule } from '../../rule.js';
import { docFound, docMissing, docsFor, matchClaim, ref, type SignalClaim } from './signals-evidence.js';

const SECURITY_POLICY =
  /\bSECURITY\.md\b|\bsecurity policy\b|\b(?:vulnerability|responsible|coordinated) disclosure\b|\bdisclosure policy\b/i;

export const signalsSecurityPolicy: Rule<SignalClaim> = {
  id: 'signals.security-policy',
  title: 'A security policy (SECURITY.md) tells researchers how to report vulnerabilities',
  why: 'Without a published way to report vulnerabilities, researchers disclose in public issues or not at all.',
  fix: 'Add `SECURITY.md` (root, `.github/` or `docs/`) with a private reporting address or GitHub private vulnerability reporting.',
  recognises:
    '"SECURITY.md", "security policy", "vulnerability/responsible disclosure" or "disclosure policy".',
  needs: [projectDocsCollector],
  // "Content Security Policy" is a response header (signals.security-headers), not a disclosure policy.
  match: (item) => matchClaim(item, SECURITY_POLICY, /content[- ]security[- ]polic/i),
  evaluate(claim, ctx) {
    const found = docsFor(ctx.get(projectDocsCollector).securityPolicies, ctx);
    const first = found[0];
    if (!first) return docMissing('security policy', 'SECURITY.md in the root, .github/ and docs/', ctx);
    if (/\bdisclos|\breport/i.test(claim.claim) && !first.explainsReporting) {
      return {
        verdict: 'unknown',
        message: `${first.path} exists but says nothing about reporting or disclosure`,
        evidence: [ref(first)],
      };
    }
    return docFound('security policy', found);
  },
  examples: {
    match: [
      'SECURITY.md with a disclosure policy',
      'SECURITY.md with disclosure policy',
      'Security policy published',
      'Vulnerability disclosure process documented',
    ],
    noMatch: [
      'Implemented Content Security Policy (CSP)',
      'Security review by the platform team',
      'Security headers configured',
      'Review security settings (WAF, rate limits)',
    ],
    verdicts: [
      {
        files: {
          'SECURITY.md':
            '# Security policy\n\nReport vulnerabilities to security@acme.example; we answer within 48 hours.\n',
        },
        item: 'Security policy published',
        verdict: 'pass',
      },
      { files: { 'README.md': '# API\n' }, item: 'Security policy published', verdict: 'fail' },
    ],
  },
};
