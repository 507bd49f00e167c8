import { describe, expect, it } from 'vitest';
import { refClassFile } from '../../../../src/core/rules/ref/ref-class-file.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const JAVA = 'src/main/java/vn/app/config/security';
const FILES = {
  [`${JAVA}/JwtUtil.java`]: 'package vn.app.config.security;\npublic class JwtUtil {}\n',
  'src/test/java/vn/app/config/security/JwtUtilTest.java': 'class JwtUtilTest {}\n',
  'examples/legacy/GlobalExceptionHandler.java': 'class GlobalExceptionHandler {}\n',
};

describe('ref.class-file', () => {
  it('passes on the file named after the class the item names', async () => {
    const finding = await judgeOne(refClassFile, FILES, 'JwtUtilTest (JWT generation/validation)');
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'src/test/java/vn/app/config/security/JwtUtilTest.java' }],
    });
  });

  it('is unknown, never unbacked, without such a file, or when the item says what the class does', async () => {
    // Only an example copy has it: not the project's.
    const missing = await judgeOne(refClassFile, FILES, 'GlobalExceptionHandler (400/401/404/500)');
    expect(missing).toMatchObject({ verdict: 'unknown', evidence: [] });
    const behaviour = await judgeOne(refClassFile, FILES, '`JwtUtilTest` covers token expiry');
    expect(behaviour).toMatchObject({
      verdict: 'unknown',
      evidence: [{ path: expect.stringContaining('JwtUtilTest.java') }],
    });
  });

  it('leaves product names and lists of classes alone', () => {
    for (const text of [
      'PagerDuty integration',
      'GitHub Actions',
      'Add more service tests (AuthService, PointService)',
    ])
      expect(matches(refClassFile, text), text).toBe(false);
  });
});
