// Where middleware libraries are applied, per framework: the application site, not the import,
// is what a behaviour claim needs. Each case is a real-looking snippet; negatives sit beside it.

import { describe, expect, it } from 'vitest';
import { codeSignalsCollector } from '../../../src/core/collectors/code-signals.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

async function applied(files: Record<string, string>) {
  const signals = await collectEvidence(
    codeSignalsCollector,
    await createRepoView(new MemoryRepo(files)),
    DEFAULT_CONFIG,
  );
  return signals.applied.map((a) => ({
    signal: a.signal,
    at: `${a.path}:${a.line}`,
    reach: a.reach,
    route: a.route,
    via: a.via?.name,
  }));
}

describe('code-signals: application sites', () => {
  it('Express: app.use of the library, of a name built from it, and of a name imported from another file', async () => {
    const found = await applied({
      'src/middleware/security.js': [
        "import rateLimit from 'express-rate-limit';",
        "import helmet from 'helmet';",
        'export const loginLimiter = rateLimit({ windowMs: 60_000, max: 5 });',
        'export const helmetConfig = helmet({ contentSecurityPolicy: false });',
        '',
      ].join('\n'),
      'src/routes/auth.js': [
        "import { Router } from 'express';",
        "import { loginLimiter } from '../middleware/security.js';",
        'const router = Router();',
        "router.post('/login', loginLimiter, login);",
        'export default router;',
        '',
      ].join('\n'),
      'src/server.js': [
        "import express from 'express';",
        "import cors from 'cors';",
        "import { helmetConfig } from './middleware/security.js';",
        'const app = express();',
        'app.use(helmetConfig);',
        'app.use(cors({',
        "  origin: ['https://app.example.com'],",
        '}));',
        '',
      ].join('\n'),
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { signal: 'cors', at: 'src/server.js:6', reach: 'app', route: undefined, via: undefined },
        {
          signal: 'security-headers',
          at: 'src/server.js:5',
          reach: 'app',
          route: undefined,
          via: 'helmetConfig',
        },
        {
          signal: 'rate-limiting',
          at: 'src/routes/auth.js:4',
          reach: 'route',
          route: '/login',
          via: 'loginLimiter',
        },
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('Express: limiters imported over several lines and applied in multi-line route declarations', async () => {
    const found = await applied({
      'server/middlewares/security.js':
        "import rateLimit from 'express-rate-limit';\nexport const loginRateLimit = rateLimit({ max: 5 });\n",
      'server/routes/auth.route.js': [
        "import express from 'express';",
        'import {',
        '  loginRateLimit,',
        '  validateLogin,',
        "} from '../middlewares/security.js';",
        'const router = express.Router();',
        "router.post('/login',",
        '  loginRateLimit,',
        '  login',
        ');',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      {
        signal: 'rate-limiting',
        at: 'server/routes/auth.route.js:7',
        reach: 'route',
        route: '/login',
        via: 'loginRateLimit',
      },
    ]);
  });

  it('Express: a limiter imported and built but never applied, or applied only in a comment, is not applied', async () => {
    const found = await applied({
      'server/middlewares/security.js':
        "import rateLimit from 'express-rate-limit';\nexport const generalRateLimit = rateLimit({ max: 500 });\n",
      'server/server.js': [
        "import express from 'express';",
        "import { generalRateLimit } from './middlewares/security.js';",
        'const app = express();',
        '// app.use(generalRateLimit);',
        '/* app.use(generalRateLimit); */',
        "app.get('/health', (req, res) => res.send('ok'));",
        '',
      ].join('\n'),
    });
    expect(found).toEqual([]);
  });

  it('Fastify register and Hono app.use, with a path narrowing the application', async () => {
    const found = await applied({
      'src/app.ts': [
        "import Fastify from 'fastify';",
        "import cors from '@fastify/cors';",
        "import rateLimit from '@fastify/rate-limit';",
        'const app = Fastify();',
        "await app.register(cors, { origin: ['https://example.com'] });",
        "await app.register(rateLimit, { prefix: '/admin', max: 10 });",
        '',
      ].join('\n'),
      'edge/index.ts': [
        "import { Hono } from 'hono';",
        "import { secureHeaders } from 'hono/secure-headers';",
        "import { cors } from 'hono/cors';",
        'const app = new Hono();',
        "app.use('*', secureHeaders());",
        "app.use('/api/*', cors());",
        '',
      ].join('\n'),
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { signal: 'cors', at: 'src/app.ts:5', reach: 'app', route: undefined, via: undefined },
        { signal: 'rate-limiting', at: 'src/app.ts:6', reach: 'router', route: '/admin', via: undefined },
        { signal: 'security-headers', at: 'edge/index.ts:5', reach: 'app', route: undefined, via: undefined },
        { signal: 'cors', at: 'edge/index.ts:6', reach: 'router', route: '/api/*', via: undefined },
      ]),
    );
  });

  it('FastAPI add_middleware and slowapi decorators; a CORSMiddleware import alone applies nothing', async () => {
    const found = await applied({
      'app/main.py': [
        'from fastapi import FastAPI',
        'from fastapi.middleware.cors import CORSMiddleware',
        'from app.limits import limiter',
        '',
        'app = FastAPI()',
        'app.add_middleware(',
        '    CORSMiddleware,',
        '    allow_origins=["https://example.com"],',
        ')',
        '',
        '@app.post("/admin/reindex")',
        '@limiter.limit("5/minute")',
        'def reindex(request):',
        '    return {}',
        '',
      ].join('\n'),
      'app/limits.py':
        'from slowapi import Limiter\nfrom slowapi.util import get_remote_address\n\nlimiter = Limiter(key_func=get_remote_address)\n',
      'other/main.py':
        'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n# app.add_middleware(CORSMiddleware)\n',
    });
    expect(found).toEqual([
      { signal: 'cors', at: 'app/main.py:6', reach: 'app', route: undefined, via: undefined },
      {
        signal: 'rate-limiting',
        at: 'app/main.py:12',
        reach: 'route',
        route: '/admin/reindex',
        via: 'limiter',
      },
    ]);
  });

  it('Flask extensions bound to the app, and Django MIDDLEWARE entries', async () => {
    const found = await applied({
      'web/app.py': [
        'from flask import Flask',
        'from flask_cors import CORS',
        'from flask_limiter import Limiter',
        'from flask_limiter.util import get_remote_address',
        '',
        'app = Flask(__name__)',
        'CORS(app, origins=["https://example.com"])',
        'limiter = Limiter(get_remote_address, app=app)',
        '',
      ].join('\n'),
      'web/unused.py': 'from flask_talisman import Talisman\n',
    });
    expect(found).toEqual([
      { signal: 'cors', at: 'web/app.py:7', reach: 'app', route: undefined, via: undefined },
      { signal: 'rate-limiting', at: 'web/app.py:8', reach: 'app', route: undefined, via: undefined },
    ]);
  });

  it('Django: django-ratelimit decorators on views, MIDDLEWARE entries as configuration', async () => {
    const signals = await collectEvidence(
      codeSignalsCollector,
      await createRepoView(
        new MemoryRepo({
          'shop/views.py':
            'from django_ratelimit.decorators import ratelimit\n\n@ratelimit(key="ip", rate="5/m")\ndef login(request):\n    pass\n',
          'shop/settings.py':
            'MIDDLEWARE = [\n    "csp.middleware.CSPMiddleware",\n    # "corsheaders.middleware.CorsMiddleware",\n]\n',
        }),
      ),
      DEFAULT_CONFIG,
    );
    expect(signals.applied.map((a) => [a.signal, `${a.path}:${a.line}`, a.reach])).toEqual([
      ['rate-limiting', 'shop/views.py:3', 'route'],
    ]);
    expect(signals.wired.filter((hit) => hit.how === 'config').map((hit) => [hit.library, hit.line])).toEqual(
      [['django-csp', 2]],
    );
  });

  it('Gin, Echo and chi: r.Use, a group with its prefix, and a limiter built in a middleware function of the package', async () => {
    const found = await applied({
      'cmd/api/main.go': [
        'package main',
        '',
        'import (',
        '\t"github.com/gin-contrib/cors"',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tr.Use(cors.New(cors.Config{AllowOrigins: []string{"https://example.com"}}))',
        '\tadmin := r.Group("/admin")',
        '\tadmin.Use(RateLimit())',
        '\tr.Run()',
        '}',
        '',
      ].join('\n'),
      'cmd/api/limit.go': [
        'package main',
        '',
        'import "golang.org/x/time/rate"',
        '',
        'func RateLimit() gin.HandlerFunc {',
        '\tlimiter := rate.NewLimiter(10, 20)',
        '\treturn func(c *gin.Context) {',
        '\t\tif !limiter.Allow() {',
        '\t\t\tc.AbortWithStatus(429)',
        '\t\t}',
        '\t}',
        '}',
        '',
      ].join('\n'),
      'svc/router.go': [
        'package svc',
        '',
        'import (',
        '\t"github.com/go-chi/chi/v5"',
        '\t"github.com/go-chi/httprate"',
        ')',
        '',
        'func Routes() {',
        '\tr := chi.NewRouter()',
        '\t// r.Use(httprate.LimitByIP(100, time.Minute))',
        '}',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      { signal: 'cors', at: 'cmd/api/main.go:10', reach: 'app', route: undefined, via: undefined },
      {
        signal: 'rate-limiting',
        at: 'cmd/api/main.go:12',
        reach: 'router',
        route: '/admin',
        via: 'RateLimit',
      },
    ]);
  });

  it('Phoenix/Plug: plug in the endpoint, a limiter plug in a router pipeline, a plug module never plugged', async () => {
    const found = await applied({
      'lib/shop_web/endpoint.ex': [
        'defmodule ShopWeb.Endpoint do',
        '  use Phoenix.Endpoint, otp_app: :shop',
        '  plug CORSPlug, origin: ["https://shop.example.com"]',
        '  # plug ShopWeb.Plugs.Attack',
        '  plug ShopWeb.Router',
        'end',
        '',
      ].join('\n'),
      'lib/shop_web/plugs/rate_limit.ex': [
        'defmodule ShopWeb.Plugs.RateLimit do',
        '  import Plug.Conn',
        '  def init(opts), do: opts',
        '  def call(conn, _opts) do',
        '    case Hammer.check_rate("api:#{ip(conn)}", 60_000, 100) do',
        '      {:allow, _} -> conn',
        '      {:deny, _} -> conn |> send_resp(429, "") |> halt()',
        '    end',
        '  end',
        'end',
        '',
      ].join('\n'),
      'lib/shop_web/plugs/attack.ex': 'defmodule ShopWeb.Plugs.Attack do\n  use PlugAttack\nend\n',
      'lib/shop_web/router.ex': [
        'defmodule ShopWeb.Router do',
        '  use Phoenix.Router',
        '  alias ShopWeb.Plugs.RateLimit',
        '  pipeline :api do',
        '    plug RateLimit',
        '  end',
        'end',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      { signal: 'cors', at: 'lib/shop_web/endpoint.ex:3', reach: 'app', route: undefined, via: undefined },
      {
        signal: 'rate-limiting',
        at: 'lib/shop_web/router.ex:5',
        reach: 'router',
        route: undefined,
        via: 'RateLimit',
      },
    ]);
  });

  it('Zod schemas count when input is parsed with them, not when only declared', async () => {
    const found = await applied({
      'src/schemas.ts':
        "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\nexport const Unused = z.object({});\n",
      'src/routes.ts':
        "import { Cart } from './schemas';\nexport function add(req) {\n  const cart = Cart.parse(req.body);\n}\n",
    });
    expect(found).toEqual([
      { signal: 'input-validation', at: 'src/routes.ts:3', reach: 'route', route: undefined, via: 'Cart' },
    ]);
  });
});
