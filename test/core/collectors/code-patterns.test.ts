import { describe, expect, it } from 'vitest';
import { type Occurrence, patternsIn } from '../../../src/core/collectors/code-patterns.js';

/** `id kind line token` per occurrence, for one pattern. */
function of(id: string, found: Occurrence[]): string[] {
  return found
    .filter(([pattern]) => pattern === id)
    .map(([, kind, line, token]) => `${kind} ${line} ${token}`);
}

describe('patternsIn', () => {
  it('tells a definition from a call, decorator and instantiation', () => {
    const python = [
      'from tenacity import retry',
      '',
      '@retry(stop=3)',
      'def fetch():',
      '    pass',
      '',
      'class CircuitBreaker:',
      '    pass',
      '',
      'breaker = CircuitBreaker()',
    ].join('\n');
    const found = patternsIn(python, 'app.py');
    expect(of('retry', found)).toEqual(['o 1 tenacity', 'o 1 retry', 'u 3 retry']);
    expect(of('circuit-breaker', found)).toEqual([
      'd 7 circuitbreaker',
      'o 10 breaker',
      'u 10 circuitbreaker',
    ]);
  });

  it('counts a call inside the definition of the same pattern as a mention, one outside it as a use', () => {
    const python = [
      'class CircuitBreakerOpen(Exception):',
      '    pass',
      '',
      'class CircuitBreaker:',
      '    def call(self, fn):',
      '        raise CircuitBreakerOpen()',
      '',
      'def client():',
      '    return CircuitBreaker()',
    ].join('\n');
    const kinds = of('circuit-breaker', patternsIn(python, 'resilience.py'));
    expect(kinds).toContain('o 6 circuitbreakeropen');
    expect(kinds).toContain('u 9 circuitbreaker');
  });

  it('reads Ruby blocks and bare calls, but not constants, as uses', () => {
    const ruby = [
      'class Client',
      '  MAX_RETRIES = 3',
      '  CIRCUIT_BREAKER_THRESHOLD = 5',
      '  def fetch',
      '    with_retries do',
      '      http.get',
      '    end',
      '  end',
      'end',
    ].join('\n');
    const found = patternsIn(ruby, 'lib/client.rb');
    expect(of('retry', found)).toEqual(['o 2 max_retries', 'u 5 with_retries']);
    expect(of('circuit-breaker', found).every((entry) => entry.startsWith('o '))).toBe(true);
  });

  it('never counts comments, and skips lines that name a fragment for something else', () => {
    const found = patternsIn('// retry(3) once the API is stable\nexec("npm audit --json")\n', 'src/a.js');
    expect(of('retry', found)).toEqual(['o 1 retry']);
    expect(of('audit-log', found)).toEqual([]);
  });

  it('counts configuration-driven patterns on any line that is not a comment', () => {
    const found = patternsIn(
      "# RotatingFileHandler\nhandler = 'logging.handlers.RotatingFileHandler'\n",
      'settings.py',
    );
    expect(of('log-rotation', found)).toEqual(['o 1 rotatingfilehandler', 'u 2 rotatingfilehandler']);
  });

  it('keeps files without any fragment empty, so most files cost one search', () => {
    expect(patternsIn('export const answer = 42;\n', 'src/answer.ts')).toEqual([]);
  });
});
