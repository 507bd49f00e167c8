import { describe, expect, it } from 'vitest';
import { signalsCors } from '../../../../src/core/rules/signals/signals-cors.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.cors', () => {
  it('passes when origins come from configuration', async () => {
    const finding = await judgeOne(
      signalsCors,
      {
        'src/server.ts':
          "import cors from 'cors';\nimport express from 'express';\nconst app = express();\napp.use(cors({ origin: process.env.CORS_ORIGIN?.split(',') }));\n",
      },
      'CORS origins configured',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails a claim of configured origins when every origin is allowed', async () => {
    const finding = await judgeOne(
      signalsCors,
      {
        'app/main.py':
          'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"])\n',
      },
      'CORS origins configured',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toMatch(/^CORS admits every origin at app\/main\.py:5/);
    expect(finding.evidence[0]).toMatchObject({ path: 'app/main.py', line: 5 });
  });

  it('passes a plain "CORS configuration" claim on a wildcard, saying so', async () => {
    const finding = await judgeOne(
      signalsCors,
      { 'src/server.js': "const cors = require('cors');\napp.use(cors());\n" },
      'CORS configuration',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('every origin is allowed at src/server.js:2');
  });

  it('is unknown, not failed, when no CORS library is found: headers can be set by hand', async () => {
    const finding = await judgeOne(
      signalsCors,
      { 'src/server.js': "const express = require('express');\n" },
      'CORS configuration',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('cannot be ruled out');
  });

  it('is unknown when the cors package is declared but not imported', async () => {
    const finding = await judgeOne(
      signalsCors,
      {
        'package.json': '{ "dependencies": { "cors": "^2.8.5" } }\n',
        'src/server.js': "require('express');\n",
      },
      'CORS configuration',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('Django: passes on CorsMiddleware in MIDDLEWARE; INSTALLED_APPS alone is not applied', async () => {
    const settings = (middleware: string) =>
      `INSTALLED_APPS = [\n    "django.contrib.admin",\n    "corsheaders",\n]\n\nMIDDLEWARE = [\n${middleware}    "django.middleware.common.CommonMiddleware",\n]\nCORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n`;
    const files = { 'requirements.txt': 'Django==5.1\ndjango-cors-headers==4.4.0\n' };
    const applied = await judgeOne(
      signalsCors,
      { ...files, 'config/settings.py': settings('    "corsheaders.middleware.CorsMiddleware",\n') },
      'CORS configured',
    );
    expect(applied).toMatchObject({ verdict: 'pass', evidence: [{ path: 'config/settings.py', line: 7 }] });
    const commented = await judgeOne(
      signalsCors,
      { ...files, 'config/settings.py': settings('    # "corsheaders.middleware.CorsMiddleware",\n') },
      'CORS configured',
    );
    expect(commented.verdict).toBe('fail');
    expect(commented.message).toMatch(
      /^django-cors-headers is declared at requirements\.txt:2 but never imported/,
    );
  });

  it('is unknown when the cors package is imported by a middleware file nothing applies', async () => {
    const finding = await judgeOne(
      signalsCors,
      {
        'src/middleware/cors.ts':
          "import cors from 'cors';\nexport const corsMiddleware = cors({ origin: ['https://app.example.com'] });\n",
        'src/app.ts': "import express from 'express';\nconst app = express();\napp.use(express.json());\n",
      },
      'CORS origins configured',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toMatch(
      /^cors middleware is imported at src\/middleware\/cors\.ts:1 but never applied/,
    );
  });
});
