import { describe, expect, it } from 'vitest';
import { httpRouteServed } from '../../../../src/core/rules/http/http-route-served.js';
import { judgeOne } from '../../../support/rule-harness.js';

const expressApp = `import express from 'express';
import metricsRouter from './routes/metrics.js';

const app = express();
app.get('/health', (_req, res) => res.json({ ok: true }));
app.use('/api', metricsRouter);
export default app;
`;
const metricsRoutes = `import { Router } from 'express';
const router = Router();
router.get('/metrics', async (_req, res) => res.send(await registry.metrics()));
export default router;
`;

describe('http.route-served', () => {
  it('passes on a route declared in Express', async () => {
    const finding = await judgeOne(
      httpRouteServed,
      { 'src/app.ts': expressApp },
      'Health endpoint responding: `GET /health`',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'src/app.ts', line: 5 }] });
  });

  it('resolves a router mounted under a prefix', async () => {
    const files = { 'src/app.ts': expressApp, 'src/routes/metrics.ts': metricsRoutes };
    const finding = await judgeOne(httpRouteServed, files, 'Metrics endpoint (/api/metrics)');
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence.map((ref) => `${ref.path}:${ref.line}`)).toEqual([
      'src/routes/metrics.ts:3',
      'src/app.ts:6',
    ]);
  });

  it('fails when the framework serves other routes only', async () => {
    const finding = await judgeOne(
      httpRouteServed,
      { 'src/app.ts': expressApp },
      'Readiness check passing: `curl http://localhost:4000/ready`',
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: 'no route /ready among 1 routes declared in 1 files (Express at src/app.ts:1)',
    });
  });

  it('is unknown without a web framework or when the prefix cannot be resolved', async () => {
    const none = await judgeOne(
      httpRouteServed,
      { 'src/bot.ts': 'export {};\n' },
      'Application metrics exposed on `/metrics`',
    );
    expect(none.verdict).toBe('unknown');
    const unresolved = {
      'src/routes/metrics.ts': metricsRoutes,
      'src/server.ts': "import express from 'express';\n",
    };
    const partial = await judgeOne(httpRouteServed, unresolved, 'Metrics endpoint (/api/metrics)');
    expect(partial.verdict).toBe('unknown');
  });

  it('understands Phoenix scopes, Go muxes, FastAPI, Spring and Next.js file routes', async () => {
    const phoenix = `defmodule AppWeb.Router do
  use Phoenix.Router

  scope "/api", AppWeb do
    get "/system/info", SystemController, :info
  end
  get "/health", HealthController, :index
end
`;
    expect(
      (
        await judgeOne(
          httpRouteServed,
          { 'lib/app_web/router.ex': phoenix },
          'System info accessible: `curl http://localhost:4000/api/system/info`',
        )
      ).verdict,
    ).toBe('pass');
    const go = 'package main\nimport "net/http"\nfunc main() { http.HandleFunc("GET /healthz", health) }\n';
    expect(
      (await judgeOne(httpRouteServed, { 'main.go': go }, 'Liveness probe hits `/healthz`')).verdict,
    ).toBe('pass');
    const fastapi =
      'from fastapi import APIRouter, FastAPI\nrouter = APIRouter(prefix="/api")\n@router.get("/metrics")\ndef metrics(): ...\napp = FastAPI()\napp.include_router(router)\n';
    expect(
      (await judgeOne(httpRouteServed, { 'app/main.py': fastapi }, 'Metrics endpoint (/api/metrics)'))
        .verdict,
    ).toBe('pass');
    const spring =
      '@RestController\n@RequestMapping("/api")\npublic class Health {\n  @GetMapping("/health")\n  String ok() { return "ok"; }\n}\n';
    expect(
      (
        await judgeOne(
          httpRouteServed,
          { 'src/main/java/Health.java': spring },
          'Health endpoint responding: `GET /api/health`',
        )
      ).verdict,
    ).toBe('pass');
    const next = { 'src/app/api/webhook/[slug]/route.ts': 'export async function POST() {}\n' };
    expect(
      (await judgeOne(httpRouteServed, next, 'Webhook routing functional: `POST /api/webhook/:slug`'))
        .verdict,
    ).toBe('pass');
  });
});

describe('http.route-served: catch-all and mounted routes', () => {
  it('does not take a parameter-only route on a mounted router as serving a named endpoint', async () => {
    const files = {
      'src/server.js':
        "import express from 'express';\nimport { ordersRouter } from './orders.js';\nconst app = express();\napp.get('/health', h);\napp.use('/orders', ordersRouter);\n",
      'src/orders.js':
        "import { Router } from 'express';\nexport const ordersRouter = Router();\nordersRouter.get('/:id', show);\n",
    };
    const ready = await judgeOne(httpRouteServed, files, 'Readiness endpoint at `/ready`');
    expect(ready.verdict).toBe('fail');
    expect(ready.message).toMatch(/no route \/ready/);
    const order = await judgeOne(httpRouteServed, files, 'Order endpoint at `/orders/:id`');
    expect(order).toMatchObject({
      verdict: 'pass',
      evidence: [
        { path: 'src/orders.js', line: 3 },
        { path: 'src/server.js', line: 5 },
      ],
    });
  });

  it('does not take an app-level catch-all route as serving a named endpoint', async () => {
    const files = { 'server.js': "const app = require('express')();\napp.get('/:page', render);\n" };
    expect((await judgeOne(httpRouteServed, files, 'Health check at `/health`')).verdict).toBe('fail');
  });
});

describe('http.route-served: routers and controllers that are never mounted', () => {
  const readyRouter =
    "import { Router } from 'express';\nconst router = Router();\nrouter.get('/ready', (_req, res) => res.json({ ready: true }));\nexport default router;\n";

  it('Express: a router file nothing imports or mounts does not serve its routes', async () => {
    const files = {
      'src/app.ts':
        "import express from 'express';\nconst app = express();\napp.get('/health', h);\nexport default app;\n",
      'src/routes/ready.ts': readyRouter,
    };
    const finding = await judgeOne(httpRouteServed, files, 'Readiness endpoint `/ready`');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toBe(
      '/ready is declared at src/routes/ready.ts:3, but router `router` (src/routes/ready.ts:2) is mounted nowhere and no other file imports its file, so nothing shows it is served',
    );
    const mounted = await judgeOne(
      httpRouteServed,
      {
        ...files,
        'src/app.ts':
          "import express from 'express';\nimport ready from './routes/ready.js';\nconst app = express();\napp.use(ready);\n",
      },
      'Readiness endpoint `/ready`',
    );
    expect(mounted).toMatchObject({
      verdict: 'pass',
      message: '/ready is served at src/routes/ready.ts:3 on a router mounted at src/app.ts:4',
      evidence: [
        { path: 'src/routes/ready.ts', line: 3 },
        { path: 'src/app.ts', line: 4 },
      ],
    });
  });

  it('Express: a router mounted in a comment only is not mounted', async () => {
    const files = {
      'src/app.ts':
        "import express from 'express';\nconst app = express();\n// app.use(require('./routes/ready'));\n",
      'src/routes/ready.ts': readyRouter,
    };
    expect((await judgeOne(httpRouteServed, files, 'Readiness endpoint `/ready`')).verdict).toBe('unknown');
  });

  it('NestJS: a controller no module lists in controllers does not serve its routes', async () => {
    const controller =
      "import { Controller, Get } from '@nestjs/common';\n@Controller('ready')\nexport class ReadyController {\n  @Get()\n  check() { return { ok: true }; }\n}\n";
    const moduleWithout =
      "import { Module } from '@nestjs/common';\nimport { UsersController } from './users.controller';\n@Module({\n  controllers: [UsersController],\n})\nexport class AppModule {}\n";
    const unlisted = await judgeOne(
      httpRouteServed,
      { 'src/ready.controller.ts': controller, 'src/app.module.ts': moduleWithout },
      'Readiness endpoint `/ready`',
    );
    expect(unlisted.verdict).toBe('unknown');
    expect(unlisted.message).toContain("its controller ReadyController is in no module's `controllers`");
    const listed = await judgeOne(
      httpRouteServed,
      {
        'src/ready.controller.ts': controller,
        'src/app.module.ts': moduleWithout.replace(
          '[UsersController]',
          '[\n    UsersController,\n    ReadyController,\n  ]',
        ),
      },
      'Readiness endpoint `/ready`',
    );
    expect(listed).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'src/ready.controller.ts', line: 4 }],
    });
  });

  it('FastAPI and Flask: an APIRouter or Blueprint is served once included or registered from another module', async () => {
    const health =
      'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get("/ready")\ndef ready():\n    return {"ok": True}\n';
    const alone = await judgeOne(
      httpRouteServed,
      { 'app/api/health.py': health, 'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' },
      'Readiness endpoint `/ready`',
    );
    expect(alone.verdict).toBe('unknown');
    const included = await judgeOne(
      httpRouteServed,
      {
        'app/api/health.py': health,
        'app/main.py':
          'from fastapi import FastAPI\nfrom app.api import health\napp = FastAPI()\napp.include_router(health.router, tags=["health"])\n',
      },
      'Readiness endpoint `/ready`',
    );
    expect(included).toMatchObject({ verdict: 'pass', evidence: [{ path: 'app/api/health.py', line: 5 }] });
    const flask = await judgeOne(
      httpRouteServed,
      {
        'web/health.py':
          'from flask import Blueprint\nbp = Blueprint("health", __name__)\n@bp.route("/ready")\ndef ready():\n    return "ok"\n',
        'web/__init__.py':
          'from flask import Flask\nfrom .health import bp\napp = Flask(__name__)\napp.register_blueprint(bp)\n',
      },
      'Readiness endpoint `/ready`',
    );
    expect(flask.verdict).toBe('pass');
  });

  it('a metrics client imported without a /metrics handler does not serve /metrics', async () => {
    const finding = await judgeOne(
      httpRouteServed,
      {
        'src/app.ts':
          "import express from 'express';\nimport client from 'prom-client';\nclient.collectDefaultMetrics();\nconst app = express();\napp.get('/health', h);\n",
      },
      'Metrics endpoint at `/metrics`',
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: 'no route /metrics among 1 routes declared in 1 files (Express at src/app.ts:1)',
    });
  });
});

describe('http.route-served: pages', () => {
  const PAGE = 'export default function Page() { return null; }\n';

  it('serves a page named in the item from a file-based router of the project it sits in', async () => {
    const files = {
      'apps/web/next.config.mjs': 'export default {};\n',
      'apps/web/app/privacy/page.tsx': PAGE,
      'apps/web/app/(legal)/terms/page.tsx': PAGE,
    };
    expect(await judgeOne(httpRouteServed, files, 'Created Privacy Policy page (/privacy)')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'apps/web/app/privacy/page.tsx' }],
    });
    expect((await judgeOne(httpRouteServed, files, 'Terms of Service page (/terms)')).verdict).toBe('pass');
    const nuxt = { 'nuxt.config.ts': 'export default {};\n', 'pages/pricing.vue': '<template />\n' };
    expect((await judgeOne(httpRouteServed, nuxt, 'Pricing page at `/pricing`')).verdict).toBe('pass');
  });

  it('leaves a missing page undecided (a client-side router may serve it), and pages/ without the framework is no router', async () => {
    const spa = {
      'server/app.ts':
        "import express from 'express';\nconst app = express();\napp.get('/api/health', (_q, r) => r.end());\n",
      'src/pages/privacy.tsx': PAGE,
    };
    const finding = await judgeOne(httpRouteServed, spa, 'Created Privacy Policy page (/privacy)');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toMatch(/client-side router/);
  });
});
