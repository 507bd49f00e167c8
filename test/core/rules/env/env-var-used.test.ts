import { describe, expect, it } from 'vitest';
import { envVarUsed } from '../../../../src/core/rules/env/env-var-used.js';
import { judge, judgeOne } from '../../../support/rule-harness.js';

const runtimeExs = `import Config

config :app, discord_token: System.get_env("DISCORD_BOT_TOKEN")
config :app, map_url: System.fetch_env!("MAP_URL")
`;

describe('env.var-used', () => {
  it('passes with the line that reads the variable', async () => {
    const finding = await judgeOne(
      envVarUsed,
      { 'config/runtime.exs': runtimeExs },
      '`DISCORD_BOT_TOKEN` - Valid Discord bot token',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'DISCORD_BOT_TOKEN is read by code at config/runtime.exs:3',
      evidence: [{ path: 'config/runtime.exs', line: 3 }],
    });
  });

  it('reads JavaScript destructuring, Python and Go reads', async () => {
    const files = {
      'src/config.ts': 'const { LOG_LEVEL = "info", PORT } = process.env;\n',
      'app/settings.py': 'import os\nREDIS = os.environ.get("REDIS_URL")\n',
      'cmd/main.go': 'package main\nimport "os"\nvar key = os.Getenv("API_KEY")\n',
    };
    const findings = await judge(envVarUsed, files, 'Reads `LOG_LEVEL=info`, `REDIS_URL` and `API_KEY`');
    expect(findings.map((finding) => finding.verdict)).toEqual(['pass', 'pass', 'pass']);
    // Setting a value where the software runs is not something the code can show.
    const set = await judge(envVarUsed, files, '`API_KEY` set (strong, random)');
    expect(set.map((finding) => finding.verdict)).toEqual(['unknown']);
    expect(set[0]?.message).toMatch(
      /^API_KEY is read by code at .*; whether it is set \(and to what\) where the software runs is outside the repository$/,
    );
  });

  it('fails when code reads other variables but never this one', async () => {
    const finding = await judgeOne(
      envVarUsed,
      { 'config/runtime.exs': runtimeExs, '.env.example': 'LICENSE_KEY=\n' },
      '`LICENSE_KEY` - Valid license key for premium features',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain(
      'LICENSE_KEY is not read anywhere: 1 source files (1 elixir) read 2 other variables',
    );
    expect(finding.evidence[0]).toMatchObject({ path: '.env.example', line: 1 });
  });

  it('is unknown for toolchain variables, computed reads, or repos without recognised reads', async () => {
    const toolchain = await judgeOne(
      envVarUsed,
      { 'config/runtime.exs': runtimeExs },
      '`MIX_ENV=prod` - Production environment',
    );
    expect(toolchain.verdict).toBe('unknown');
    const computed = {
      'src/env.ts': 'export const read = (key: string) => process.env[key];\nconst a = process.env.A_B;\n',
    };
    expect((await judgeOne(envVarUsed, computed, '`LICENSE_KEY` set')).verdict).toBe('unknown');
    expect((await judgeOne(envVarUsed, { 'src/app.ts': 'export {};\n' }, '`LICENSE_KEY` set')).verdict).toBe(
      'unknown',
    );
  });

  it('passes on a name in a schema and on configuration that uses it', async () => {
    const schema = {
      'src/env.ts':
        'export const env = z.object({ JWT_SECRET: z.string() }).parse(source);\nprocess.env.X_Y;\n',
    };
    expect((await judgeOne(envVarUsed, schema, 'JWT secret configured via `JWT_SECRET`')).verdict).toBe(
      'pass',
    );
    const dockerfile = { Dockerfile: 'FROM elixir:1.16\nENV MIX_ENV=prod\n' };
    expect(await judgeOne(envVarUsed, dockerfile, '`MIX_ENV=prod` - Production environment')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'Dockerfile', line: 2 }],
    });
  });

  it('a property of the value (SSL, a host) is a claim about the environment, not a read', async () => {
    const files = { 'src/db.ts': 'export const url = process.env.DATABASE_URL;\n' };
    for (const text of [
      '`DATABASE_URL` with SSL if external',
      '`DATABASE_URL` uses TLS',
      '`REDIS_URL` points to the managed cluster',
    ]) {
      const finding = await judgeOne(
        envVarUsed,
        { ...files, 'src/cache.ts': 'process.env.REDIS_URL\n' },
        text,
      );
      expect(finding.verdict, text).toBe('unknown');
      expect(finding.evidence[0]?.path, text).toMatch(/^src\//);
    }
    const read = await judgeOne(envVarUsed, files, '`DATABASE_URL` - Postgres connection string');
    expect(read.verdict).toBe('pass');
  });

  it('a value set in a committed PaaS blueprint is set where the software runs', async () => {
    const render = `services:
  - type: web
    name: app
    envVars:
      - key: RACK_ENV
        value: production
      - key: API_TOKEN
        value: changeme
      - key: SESSION_SECRET
        generateValue: true
      - key: STRIPE_SECRET_KEY
        value: sk_live_not_a_real_one
      - key: SENTRY_DSN
        sync: false
`;
    const files = {
      'render.yaml': render,
      'app.rb': "ENV['RACK_ENV']\nENV['API_TOKEN']\nENV['SESSION_SECRET']\n",
    };
    expect(await judgeOne(envVarUsed, files, 'RACK_ENV=production configured')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'render.yaml', line: 5 }],
    });
    expect((await judgeOne(envVarUsed, files, 'RACK_ENV=development configured')).verdict).toBe('unknown');
    expect((await judgeOne(envVarUsed, files, '`API_TOKEN` set for production')).verdict).toBe('unknown');
    expect(await judgeOne(envVarUsed, files, '`SESSION_SECRET` set to a strong random value')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'render.yaml', line: 9 }],
    });
    expect((await judgeOne(envVarUsed, files, '`SENTRY_DSN` configured')).verdict).toBe('unknown');
    // A literal secret in a committed file is a leak, not a secret that is set.
    expect((await judgeOne(envVarUsed, files, '`STRIPE_SECRET_KEY` configured')).message).not.toMatch(
      /render\.yaml/,
    );
    const archived = { 'archive/render.yaml': render, 'app.rb': "ENV['RACK_ENV']\n" };
    expect((await judgeOne(envVarUsed, archived, 'RACK_ENV=production configured')).verdict).toBe('unknown');
  });
});
