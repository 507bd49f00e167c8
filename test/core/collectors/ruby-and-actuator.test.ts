// Ruby (Rack, Sinatra, Rails) middleware and routes, and Spring Boot Actuator routes: what is
// applied or served, beside what only looks like it (commented out, a message string, a spec).

import { describe, expect, it } from 'vitest';
import { codeSignalsCollector } from '../../../src/core/collectors/code-signals.js';
import { springSettings } from '../../../src/core/collectors/http-routes/spring-actuator.js';
import { httpRoutesCollector } from '../../../src/core/collectors/http-routes.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

async function signals(files: Record<string, string>) {
  return collectEvidence(codeSignalsCollector, await createRepoView(new MemoryRepo(files)), DEFAULT_CONFIG);
}

async function routes(files: Record<string, string>) {
  const http = await collectEvidence(
    httpRoutesCollector,
    await createRepoView(new MemoryRepo(files)),
    DEFAULT_CONFIG,
  );
  return http.routes.map((route) => `${route.method ?? '*'} ${route.route} ${route.path}:${route.line}`);
}

describe('Ruby middleware', () => {
  it('use X in a Sinatra app and config.middleware in Rails are applications; comments and strings are not', async () => {
    const found = await signals({
      'app.rb': [
        "require 'sinatra/base'",
        'class Shop < Sinatra::Base',
        '  configure :production do',
        '    use Rack::Deflater',
        '    use Rack::SSL, exclude: ->(env) { env["PATH_INFO"] == "/health" }',
        '  end',
        '  # use Rack::Attack',
        '  get("/") { logger.warn "Sentry is not configured" }',
        'end',
        '',
      ].join('\n'),
      'config/application.rb': [
        'module Shop',
        '  class Application < Rails::Application',
        '    config.middleware.insert_before 0, Rack::Cors do',
        '    end',
        '  end',
        'end',
        '',
      ].join('\n'),
      Gemfile: "source 'https://rubygems.org'\ngem 'rack-attack'\ngem 'sentry-ruby'\n",
    });
    expect(
      found.applied.map((a) => `${a.signal} ${a.library} ${a.path}:${a.line} ${a.reach}`).sort(),
    ).toEqual([
      'compression Rack::Deflater app.rb:4 app',
      'cors rack-cors config/application.rb:3 app',
      'https-redirect Rack::SSL app.rb:5 app',
    ]);
    expect(found.wired.filter((hit) => hit.library === 'Sentry')).toEqual([]);
    expect(found.declared.map((dep) => dep.name).sort()).toEqual(['rack-attack', 'sentry-ruby']);
  });
});

describe('Ruby routes', () => {
  it('Sinatra routes with namespaces, routes in methods, Rails routes; specs are not served', async () => {
    const found = await routes({
      'app.rb': [
        "require 'sinatra/base'",
        'class Shop < Sinatra::Base',
        '  get "/health" do',
        '    "ok"',
        '  end',
        '  namespace "/api" do',
        '    post "/orders" do',
        '    end',
        '  end',
        'end',
        '',
      ].join('\n'),
      'config/routes.rb': [
        'Rails.application.routes.draw do',
        '  get "up" => "rails/health#show"',
        '  namespace :admin do',
        '    get "stats", to: "stats#index"',
        '  end',
        'end',
        '',
      ].join('\n'),
      'spec/app_spec.rb': 'describe "x" do\n  it "y" do\n    get "/health" do\n    end\n  end\nend\n',
    });
    expect(found.sort()).toEqual([
      'GET /admin/stats config/routes.rb:4',
      'GET /health app.rb:3',
      'GET /up config/routes.rb:2',
      'POST /api/orders app.rb:7',
    ]);
  });
});

describe('Spring Boot Actuator', () => {
  it('reads nested YAML keys, YAML lists and properties', () => {
    const yaml = springSettings(
      'src/main/resources/application.yml',
      'management:\n  endpoints:\n    web:\n      exposure:\n        include:\n          - health\n          - prometheus\n---\nmanagement:\n  endpoints:\n    web:\n      exposure:\n        include: "*"\n',
    );
    expect(yaml.get('management.endpoints.web.exposure.include')?.value).toBe('health,prometheus');
    const properties = springSettings(
      'application.properties',
      '# management.endpoints.web.exposure.include=*\nmanagement.endpoints.web.exposure.include=health,info\n',
    );
    expect(properties.get('management.endpoints.web.exposure.include')).toMatchObject({
      value: 'health,info',
      line: 2,
    });
  });

  it('serves what the base config exposes, only with the actuator starter', async () => {
    const config = {
      'src/main/resources/application.properties':
        'server.servlet.context-path=/svc\nmanagement.endpoints.web.exposure.include=health,metrics,prometheus\nmanagement.endpoint.health.probes.enabled=true\n',
      'src/main/resources/application-prod.properties': 'management.endpoints.web.exposure.include=*\n',
    };
    expect(await routes({ ...config, 'pom.xml': '<project></project>\n' })).toEqual([]);
    const served = await routes({
      ...config,
      'pom.xml': '<project><artifactId>spring-boot-starter-actuator</artifactId></project>\n',
    });
    expect(served).toEqual([
      'GET /svc/actuator/health src/main/resources/application.properties:2',
      'GET /svc/actuator/metrics src/main/resources/application.properties:2',
      'GET /svc/actuator/health/liveness src/main/resources/application.properties:3',
      'GET /svc/actuator/health/readiness src/main/resources/application.properties:3',
    ]);
  });
});
