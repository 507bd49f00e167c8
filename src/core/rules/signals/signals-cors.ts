import { codeSignalsCollector } from '../../collectors/code-signals.js';
import { inScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import { at, judgeSignal, matchBehaviourClaim, ref, type SignalClaim } from './signals-evidence.js';

const CORS = /\bcors\b|\bcross[- ]origin resource sharing\b|跨域资源共享|跨域配置/i;
/** Claims that origins are restricted, which a wildcard contradicts. */
const RESTRICTED =
  /\borigins?\b|\brestrict\w*|\ballow-?list\w*|\bwhitelist\w*|\bspecific\b|\bproperly\b|\bstrict\b|\blocked[- ]down\b/i;

export const signalsCors: Rule<SignalClaim> = {
  id: 'signals.cors',
  title: 'CORS is configured, with restricted origins when the item says so',
  why: "CORS that admits every origin lets any website call the API with a user's credentials or read its responses.",
  fix: "Pass an explicit origin list (`cors({ origin: ['https://app.example.com'] })`, `allow_origins=[...]`), read from configuration.",
  recognises:
    '"CORS" or "cross-origin resource sharing" in the item or a nested bullet; "origins configured" or "restricted" also checks for wildcards.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, CORS),
  evaluate(claim, ctx) {
    const found = judgeSignal({ signal: 'cors', what: 'CORS' }, claim, ctx);
    if (found.verdict !== 'pass') return found;
    const open = ctx
      .get(codeSignalsCollector)
      .openCors.filter((location) => inScope(location.path, ctx.scope));
    const first = open[0];
    if (!first) return found;
    if (RESTRICTED.test(claim.claim)) {
      return {
        verdict: 'fail',
        message: `CORS admits every origin at ${at(first)} ("${first.excerpt.slice(0, 80)}")${open.length > 1 ? ` and ${open.length - 1} more places` : ''}`,
        evidence: open.slice(0, 3).map(ref),
      };
    }
    return { ...found, message: `${found.message}; note: every origin is allowed at ${at(first)}` };
  },
  examples: {
    match: [
      '跨域配置 (CORS)',
      'CORS origins configured',
      'CORS configuration',
      'CORS properly configured',
      'CORS restricted to the web app domain',
    ],
    noMatch: [
      'Security headers configured',
      'CORS tested from the staging frontend',
      'Cross-team review scheduled',
    ],
    verdicts: [
      {
        // Rails: the gem's middleware inserted into the app's stack.
        files: {
          'config/initializers/cors.rb':
            "Rails.application.config.middleware.insert_before 0, Rack::Cors do\n  allow do\n    origins ENV.fetch('WEB_ORIGIN')\n    resource '*', headers: :any, methods: %i[get post]\n  end\nend\n",
          Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'rack-cors'\n",
        },
        item: 'CORS configuration',
        verdict: 'pass',
      },
      {
        // Declared in the Gemfile, never inserted: Bundler loads it, nothing applies it.
        files: {
          'config/application.rb':
            'module Shop\n  class Application < Rails::Application\n    # config.middleware.insert_before 0, Rack::Cors\n  end\nend\n',
          Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'rack-cors'\n",
        },
        item: 'CORS configuration',
        verdict: 'unknown',
      },
      {
        files: {
          'src/server.ts':
            "import cors from 'cors';\nimport express from 'express';\nconst app = express();\napp.use(cors({ origin: process.env.CORS_ORIGIN?.split(',') }));\n",
        },
        item: 'CORS origins configured',
        verdict: 'pass',
      },
      {
        files: {
          'app/main.py':
            'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"])\n',
        },
        item: 'CORS origins configured',
        verdict: 'fail',
      },
      {
        files: {
          'src/server.js': "const express = require('express');\n",
        },
        item: 'CORS configuration',
        verdict: 'unknown',
      },
    ],
  },
};
