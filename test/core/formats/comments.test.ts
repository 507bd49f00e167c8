import { describe, expect, it } from 'vitest';
import { withoutComments } from '../../../src/core/formats/comments.js';

describe('withoutComments', () => {
  it('blanks // and /* */ comments, keeping strings, line count and columns', () => {
    const lines = [
      'app.use(cors()); // app.use(rateLimit())',
      '/* app.use(helmet());',
      '   still a comment */ app.use(compression());',
      "const glob = 'src/**/*.ts'; const url = 'https://example.com';",
    ];
    expect(withoutComments(lines, ['javascript'])).toEqual([
      'app.use(cors());                        ',
      '                     ',
      '                      app.use(compression());',
      "const glob = 'src/**/*.ts'; const url = 'https://example.com';",
    ]);
  });

  it('blanks # comments in Python and YAML, not # inside strings or parameter expansions', () => {
    expect(
      withoutComments(['# app.add_middleware(CORSMiddleware)', 'color = "#fff"  # hex'], ['python']),
    ).toEqual(['                                    ', 'color = "#fff"       ']);
    const expansion = ['run: echo $', '{TAG#v}'].join('');
    expect(withoutComments([expansion], ['yaml'])).toEqual([expansion]);
  });

  it('leaves languages without a known comment syntax alone', () => {
    expect(withoutComments(['{"a": "// b"}'], ['json'])).toEqual(['{"a": "// b"}']);
  });
});
