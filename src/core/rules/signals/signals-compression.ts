import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim } from './signals-evidence.js';

/** Compressed HTTP responses: gzip, brotli, "response compression", a compression middleware. */
const COMPRESSION =
  /\bgzip\b|\bbrotli\b|\b(?:response|http|content|payload)\s+compression\b|\bcompression\s+(?:middleware|enabled|on)\b|\bcompress(?:ed|es|ing)?\s+(?:http\s+|api\s+)?responses?\b|\bRack::Deflater\b|响应压缩|Gzip 压缩|gzip压缩/i;
/**
 * Compression of other things (images, backups, logs, archives, columns), or in the nginx config,
 * which nginx.setting reads with its own scope.
 */
const NOT_RESPONSES =
  /\b(?:images?|photos?|videos?|backups?|dumps?|logs?|archives?|tarballs?|files?|assets? bundl\w*|columns?|tables?|database|snapshots?|artifacts?|uploads?)\b|\bnginx\b|\bcdn\b|\bcloudflare\b|\bcloudfront\b|\bvercel\b|\bnetlify\b|\bwebpack\b|\bvite\b|\bbuild\b/i;

export const signalsCompression: Rule<SignalClaim> = {
  id: 'signals.compression',
  title: 'HTTP responses are compressed by middleware or server config',
  why: 'Uncompressed JSON and HTML cost bandwidth and latency on every response; a checklist saying compression is on should point at where it is switched on.',
  fix: 'Apply a compression middleware (`app.use(compression())`, `GZipMiddleware`, `use Rack::Deflater`, gin gzip, `server.compression.enabled=true`) or `gzip on` in the proxy.',
  recognises:
    '"gzip", "brotli", "response compression", "compression middleware/enabled" in the item or a nested bullet; not compression of images, backups, logs or files, and not items about nginx (nginx.setting) or a CDN.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, COMPRESSION).filter((claim) => !NOT_RESPONSES.test(claim.claim)),
  evaluate: (claim, ctx) => judgeSignal({ signal: 'compression', what: 'response compression' }, claim, ctx),
  examples: {
    match: [
      '响应压缩',
      'Gzip compression enabled',
      'Response compression middleware',
      'Compress API responses with brotli',
      '**Performance**: gzip on JSON responses',
    ],
    noMatch: [
      'Image compression for uploads',
      'Nightly backups gzipped and shipped to S3',
      'Nginx gzip compression enabled',
      'Gzip compression tested',
      'Static assets compressed by the CDN',
      'Compression ratio documented',
    ],
    verdicts: [
      {
        files: {
          'src/server.ts':
            "import express from 'express';\nimport compression from 'compression';\nconst app = express();\napp.use(compression());\n",
        },
        item: 'Gzip compression enabled',
        verdict: 'pass',
      },
      {
        files: {
          'app.rb':
            "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  configure :production do\n    use Rack::Deflater\n  end\nend\n",
        },
        item: 'Response compression middleware',
        verdict: 'pass',
      },
      {
        // Imported and never applied: installed is not working.
        files: {
          'src/server.ts':
            "import express from 'express';\nimport compression from 'compression';\nconst app = express();\n// app.use(compression());\n",
          'package.json': '{ "dependencies": { "express": "^4.19.0", "compression": "^1.7.4" } }\n',
        },
        item: 'Gzip compression enabled',
        verdict: 'unknown',
      },
      {
        files: {
          'package.json': '{ "dependencies": { "express": "^4.19.0", "compression": "^1.7.4" } }\n',
          'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
        },
        item: 'Gzip compression enabled',
        verdict: 'fail',
      },
      {
        // A neighbouring mechanism: security headers are not compression.
        files: {
          'src/server.ts':
            "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet());\n",
        },
        item: 'Response compression middleware',
        verdict: 'unknown',
      },
    ],
  },
};
