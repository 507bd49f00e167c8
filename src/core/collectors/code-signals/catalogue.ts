// What each code signal looks like: the libraries that provide it (by package name in each
// ecosystem and by how code imports them), and the calls or configuration lines that wire
// it in without a library. One table, so adding a library is one line.

export type SignalId =
  | 'metrics'
  | 'structured-logging'
  | 'error-tracking'
  | 'tracing'
  | 'security-headers'
  | 'cors'
  | 'rate-limiting'
  | 'compression'
  | 'https-redirect'
  | 'input-validation'
  | 'orm'
  | 'graceful-shutdown'
  | 'openapi'
  | 'migrations'
  | 'backups'
  | 'process-manager'
  | 'prometheus-scrape'
  | 'prometheus-alerts'
  | 'grafana-dashboard'
  | 'log-shipping';

export type SourceLanguage = 'javascript' | 'python' | 'go' | 'elixir' | 'jvm' | 'rust' | 'ruby';
/** Configuration files read for signals, besides source code. */
export type ConfigKind =
  | 'spring-config'
  | 'nginx'
  | 'yaml'
  | 'json'
  | 'shell'
  | 'logging-config'
  | 'systemd'
  | 'container'
  | 'elixir-config'
  | 'django-settings';
export type ScanLanguage = SourceLanguage | ConfigKind;

export interface LibrarySpec {
  signal: SignalId;
  /** Name shown in messages. */
  library: string;
  /** How an item names this library ("Sentry", "OpenTelemetry"). */
  mention?: RegExp;
  /** Package names; a trailing `*` matches a scope or prefix (`@opentelemetry/*`). */
  npm?: string[];
  pypi?: string[];
  /** Python import names when they differ from the distribution names. */
  pyModules?: string[];
  /** Go module paths (imports of sub-packages count). */
  go?: string[];
  hex?: string[];
  /** Elixir module names used in code (`Sentry`, `LoggerJSON`). */
  elixir?: string[];
  /** Maven artifactIds. */
  maven?: string[];
  /** Java/Kotlin package prefixes imported. */
  jvm?: string[];
  cargo?: string[];
  /** Ruby gems (Gemfile, gemspec). */
  gem?: string[];
  /**
   * Ruby constants code must name to use the gem (`Rack::Attack`, `Sentry`). Bundler loads gems
   * without a `require` in the file, so naming the constant stands for the import.
   */
  ruby?: string[];
}

const SENTRY = /\bsentry\b/i;
const OTEL = /\bopen[- ]?telemetry\b|\botel\b/i;
const PROMETHEUS = /\bprometheus\b|\bprom-client\b/i;

export const LIBRARIES: LibrarySpec[] = [
  // Metrics
  { signal: 'metrics', library: 'prom-client', mention: PROMETHEUS, npm: ['prom-client'] },
  { signal: 'metrics', library: 'express-prom-bundle', mention: PROMETHEUS, npm: ['express-prom-bundle'] },
  { signal: 'metrics', library: 'fastify-metrics', mention: PROMETHEUS, npm: ['fastify-metrics'] },
  {
    signal: 'metrics',
    library: 'prometheus_client',
    mention: PROMETHEUS,
    pypi: ['prometheus-client', 'prometheus_client'],
    pyModules: ['prometheus_client'],
  },
  {
    signal: 'metrics',
    library: 'prometheus-fastapi-instrumentator',
    mention: PROMETHEUS,
    pypi: ['prometheus-fastapi-instrumentator'],
    pyModules: ['prometheus_fastapi_instrumentator'],
  },
  {
    signal: 'metrics',
    library: 'django-prometheus',
    mention: PROMETHEUS,
    pypi: ['django-prometheus'],
    pyModules: ['django_prometheus'],
  },
  {
    signal: 'metrics',
    library: 'Prometheus Go client',
    mention: PROMETHEUS,
    go: ['github.com/prometheus/client_golang'],
  },
  { signal: 'metrics', library: 'PromEx', mention: PROMETHEUS, hex: ['prom_ex'], elixir: ['PromEx'] },
  {
    signal: 'metrics',
    library: 'TelemetryMetricsPrometheus',
    mention: PROMETHEUS,
    hex: ['telemetry_metrics_prometheus', 'telemetry_metrics_prometheus_core'],
    elixir: ['TelemetryMetricsPrometheus'],
  },
  {
    signal: 'metrics',
    library: 'prometheus_ex',
    mention: PROMETHEUS,
    hex: ['prometheus_ex', 'prometheus_plugs'],
    elixir: ['Prometheus.PlugExporter', 'Prometheus.Metric'],
  },
  {
    signal: 'metrics',
    library: 'Micrometer Prometheus registry',
    mention: PROMETHEUS,
    maven: ['micrometer-registry-prometheus'],
    jvm: ['io.micrometer.prometheus', 'io.micrometer.prometheusmetrics'],
  },
  {
    signal: 'metrics',
    library: 'Prometheus Java client',
    mention: PROMETHEUS,
    maven: ['simpleclient', 'prometheus-metrics-core'],
    jvm: ['io.prometheus'],
  },
  {
    signal: 'metrics',
    library: 'Rust prometheus',
    mention: PROMETHEUS,
    cargo: ['prometheus', 'metrics-exporter-prometheus'],
  },
  {
    signal: 'metrics',
    library: 'Prometheus Ruby client',
    mention: PROMETHEUS,
    gem: ['prometheus-client'],
    ruby: ['Prometheus::Client', 'Prometheus::Middleware'],
  },
  // Structured logging
  {
    signal: 'structured-logging',
    library: 'pino',
    mention: /\bpino\b/i,
    npm: ['pino', 'pino-http', 'nestjs-pino'],
  },
  { signal: 'structured-logging', library: 'winston', mention: /\bwinston\b/i, npm: ['winston'] },
  { signal: 'structured-logging', library: 'bunyan', mention: /\bbunyan\b/i, npm: ['bunyan'] },
  { signal: 'structured-logging', library: 'structlog', mention: /\bstructlog\b/i, pypi: ['structlog'] },
  {
    signal: 'structured-logging',
    library: 'python-json-logger',
    mention: /\bjson[- ]logger\b/i,
    pypi: ['python-json-logger'],
    pyModules: ['pythonjsonlogger'],
  },
  { signal: 'structured-logging', library: 'ecs-logging', pypi: ['ecs-logging'], pyModules: ['ecs_logging'] },
  { signal: 'structured-logging', library: 'zap', mention: /\bzap\b/i, go: ['go.uber.org/zap'] },
  {
    signal: 'structured-logging',
    library: 'zerolog',
    mention: /\bzerolog\b/i,
    go: ['github.com/rs/zerolog'],
  },
  {
    signal: 'structured-logging',
    library: 'logrus',
    mention: /\blogrus\b/i,
    go: ['github.com/sirupsen/logrus'],
  },
  {
    signal: 'structured-logging',
    library: 'logger_json',
    mention: /\blogger[_ ]?json\b/i,
    hex: ['logger_json'],
    elixir: ['LoggerJSON'],
  },
  {
    signal: 'structured-logging',
    library: 'logstash-logback-encoder',
    mention: /\blogstash\b/i,
    maven: ['logstash-logback-encoder'],
    jvm: ['net.logstash.logback'],
  },
  {
    signal: 'structured-logging',
    library: 'tracing-subscriber (JSON)',
    cargo: ['tracing-subscriber', 'slog-json'],
  },
  // Error tracking
  {
    signal: 'error-tracking',
    library: 'Sentry',
    mention: SENTRY,
    npm: ['@sentry/*'],
    pypi: ['sentry-sdk', 'raven'],
    pyModules: ['sentry_sdk', 'raven'],
    go: ['github.com/getsentry/sentry-go'],
    hex: ['sentry'],
    elixir: ['Sentry'],
    maven: ['sentry', 'sentry-spring-boot-starter', 'sentry-spring-boot-starter-jakarta', 'sentry-logback'],
    jvm: ['io.sentry'],
    cargo: ['sentry'],
    gem: ['sentry-ruby', 'sentry-rails', 'sentry-sidekiq'],
    ruby: ['Sentry'],
  },
  {
    signal: 'error-tracking',
    library: 'Rollbar',
    mention: /\brollbar\b/i,
    npm: ['rollbar'],
    pypi: ['rollbar'],
    pyModules: ['rollbar'],
    go: ['github.com/rollbar/rollbar-go'],
    hex: ['rollbax'],
    elixir: ['Rollbax'],
    maven: ['rollbar-java'],
    jvm: ['com.rollbar'],
  },
  {
    signal: 'error-tracking',
    library: 'Bugsnag',
    mention: /\bbugsnag\b/i,
    npm: ['@bugsnag/*', 'bugsnag'],
    pypi: ['bugsnag'],
    pyModules: ['bugsnag'],
    go: ['github.com/bugsnag/bugsnag-go'],
    hex: ['bugsnag'],
    elixir: ['Bugsnag'],
    maven: ['bugsnag'],
    jvm: ['com.bugsnag'],
  },
  {
    signal: 'error-tracking',
    library: 'Honeybadger',
    mention: /\bhoneybadger\b/i,
    npm: ['@honeybadger-io/*'],
    pypi: ['honeybadger'],
    pyModules: ['honeybadger'],
    go: ['github.com/honeybadger-io/honeybadger-go'],
    hex: ['honeybadger'],
    elixir: ['Honeybadger'],
  },
  {
    signal: 'error-tracking',
    library: 'AppSignal',
    mention: /\bappsignal\b/i,
    npm: ['@appsignal/*'],
    pypi: ['appsignal'],
    pyModules: ['appsignal'],
    hex: ['appsignal', 'appsignal_phoenix'],
    elixir: ['Appsignal'],
  },
  {
    signal: 'error-tracking',
    library: 'Airbrake',
    mention: /\bairbrake\b/i,
    npm: ['@airbrake/*'],
    pypi: ['pybrake'],
    pyModules: ['pybrake'],
    go: ['github.com/airbrake/gobrake'],
  },
  {
    signal: 'error-tracking',
    library: 'Raygun',
    mention: /\braygun\b/i,
    npm: ['raygun'],
    pypi: ['raygun4py'],
  },
  // Tracing
  {
    signal: 'tracing',
    library: 'OpenTelemetry',
    mention: OTEL,
    npm: ['@opentelemetry/*'],
    pypi: ['opentelemetry-*'],
    pyModules: ['opentelemetry'],
    go: ['go.opentelemetry.io/otel', 'go.opentelemetry.io/contrib'],
    hex: ['opentelemetry', 'opentelemetry_api', 'opentelemetry_exporter', 'opentelemetry_*'],
    elixir: ['OpentelemetryPhoenix', 'OpentelemetryEcto', 'OpenTelemetry', 'OpentelemetryBandit'],
    maven: ['opentelemetry-*', 'micrometer-tracing-bridge-otel'],
    jvm: ['io.opentelemetry'],
    cargo: ['opentelemetry', 'opentelemetry-otlp', 'tracing-opentelemetry'],
    gem: ['opentelemetry-sdk', 'opentelemetry-instrumentation-*', 'opentelemetry-exporter-otlp'],
    ruby: ['OpenTelemetry'],
  },
  {
    signal: 'tracing',
    library: 'Datadog APM',
    mention: /\bdatadog\b|\bdd-trace\b/i,
    npm: ['dd-trace'],
    pypi: ['ddtrace'],
    pyModules: ['ddtrace'],
    go: ['gopkg.in/DataDog/dd-trace-go.v1', 'github.com/DataDog/dd-trace-go'],
    maven: ['dd-java-agent', 'dd-trace-api'],
    jvm: ['datadog.trace'],
  },
  {
    signal: 'tracing',
    library: 'Jaeger client',
    mention: /\bjaeger\b/i,
    npm: ['jaeger-client'],
    pypi: ['jaeger-client'],
    pyModules: ['jaeger_client'],
    go: ['github.com/uber/jaeger-client-go'],
  },
  {
    signal: 'tracing',
    library: 'Elastic APM',
    mention: /\belastic apm\b/i,
    npm: ['elastic-apm-node'],
    pypi: ['elastic-apm'],
    pyModules: ['elasticapm'],
    go: ['go.elastic.co/apm'],
  },
  {
    signal: 'tracing',
    library: 'Micrometer Tracing',
    maven: ['micrometer-tracing', 'micrometer-tracing-bridge-brave'],
  },
  // Security headers
  {
    signal: 'security-headers',
    library: 'helmet',
    mention: /\bhelmet\b/i,
    npm: ['helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet'],
  },
  { signal: 'security-headers', library: 'lusca', npm: ['lusca'] },
  {
    signal: 'security-headers',
    library: 'flask-talisman',
    mention: /\btalisman\b/i,
    pypi: ['flask-talisman'],
    pyModules: ['flask_talisman'],
  },
  { signal: 'security-headers', library: 'secure (Python)', pypi: ['secure'], pyModules: ['secure'] },
  { signal: 'security-headers', library: 'django-csp', pypi: ['django-csp'], pyModules: ['csp'] },
  { signal: 'security-headers', library: 'unrolled/secure', go: ['github.com/unrolled/secure'] },
  { signal: 'security-headers', library: 'gin-contrib/secure', go: ['github.com/gin-contrib/secure'] },
  { signal: 'security-headers', library: 'hono/secure-headers', npm: ['hono/secure-headers'] },
  {
    signal: 'security-headers',
    library: 'Fiber helmet',
    go: ['github.com/gofiber/fiber/v2/middleware/helmet', 'github.com/gofiber/fiber/v3/middleware/helmet'],
  },
  { signal: 'security-headers', library: 'Spring Security', maven: ['spring-boot-starter-security'] },
  { signal: 'security-headers', library: 'secure_headers', gem: ['secure_headers'], ruby: ['SecureHeaders'] },
  // Rack::Protection sets X-Frame-Options, X-XSS-Protection and (on request) CSP and HSTS.
  {
    signal: 'security-headers',
    library: 'Rack::Protection',
    gem: ['rack-protection'],
    ruby: ['Rack::Protection'],
  },
  // CORS
  {
    signal: 'cors',
    library: 'cors middleware',
    npm: ['cors', '@fastify/cors', 'fastify-cors', '@koa/cors', 'koa2-cors'],
  },
  {
    signal: 'cors',
    library: 'django-cors-headers',
    pypi: ['django-cors-headers'],
    pyModules: ['corsheaders'],
  },
  { signal: 'cors', library: 'flask-cors', pypi: ['flask-cors', 'Flask-Cors'], pyModules: ['flask_cors'] },
  { signal: 'cors', library: 'rs/cors', go: ['github.com/rs/cors'] },
  { signal: 'cors', library: 'gin-contrib/cors', go: ['github.com/gin-contrib/cors'] },
  { signal: 'cors', library: 'go-chi/cors', go: ['github.com/go-chi/cors'] },
  { signal: 'cors', library: 'hono/cors', npm: ['hono/cors'] },
  {
    signal: 'cors',
    library: 'Starlette CORSMiddleware',
    pyModules: ['fastapi.middleware.cors', 'starlette.middleware.cors'],
  },
  {
    signal: 'cors',
    library: 'Fiber cors',
    go: ['github.com/gofiber/fiber/v2/middleware/cors', 'github.com/gofiber/fiber/v3/middleware/cors'],
  },
  { signal: 'cors', library: 'cors_plug', hex: ['cors_plug'], elixir: ['CORSPlug'] },
  { signal: 'cors', library: 'Corsica', hex: ['corsica'], elixir: ['Corsica'] },
  { signal: 'cors', library: 'actix-cors', cargo: ['actix-cors'] },
  { signal: 'cors', library: 'rack-cors', gem: ['rack-cors'], ruby: ['Rack::Cors'] },
  // Response compression
  {
    signal: 'compression',
    library: 'compression middleware',
    npm: ['compression', '@fastify/compress', 'fastify-compress', 'koa-compress', 'hono/compress'],
  },
  {
    signal: 'compression',
    library: 'Starlette GZipMiddleware',
    pyModules: ['fastapi.middleware.gzip', 'starlette.middleware.gzip'],
  },
  {
    signal: 'compression',
    library: 'Flask-Compress',
    pypi: ['flask-compress', 'Flask-Compress'],
    pyModules: ['flask_compress'],
  },
  { signal: 'compression', library: 'brotli-asgi', pypi: ['brotli-asgi'], pyModules: ['brotli_asgi'] },
  { signal: 'compression', library: 'gin-contrib/gzip', go: ['github.com/gin-contrib/gzip'] },
  {
    signal: 'compression',
    library: 'Go gzip handler',
    go: ['github.com/NYTimes/gziphandler', 'github.com/klauspost/compress/gzhttp'],
  },
  {
    signal: 'compression',
    library: 'Fiber compress',
    go: [
      'github.com/gofiber/fiber/v2/middleware/compress',
      'github.com/gofiber/fiber/v3/middleware/compress',
    ],
  },
  // Rack ships Rack::Deflater: the `rack` gem says nothing, `use Rack::Deflater` does.
  {
    signal: 'compression',
    library: 'Rack::Deflater',
    mention: /\bdeflater\b/i,
    ruby: ['Rack::Deflater', 'Rack::Brotli'],
  },
  // HTTPS enforced by the application (redirect from plain HTTP)
  {
    signal: 'https-redirect',
    library: 'HTTPS redirect middleware',
    npm: ['express-sslify', 'express-enforces-ssl', 'express-force-ssl', 'koa-sslify', 'heroku-ssl-redirect'],
  },
  {
    signal: 'https-redirect',
    library: 'Starlette HTTPSRedirectMiddleware',
    pyModules: ['fastapi.middleware.httpsredirect', 'starlette.middleware.httpsredirect'],
  },
  {
    signal: 'https-redirect',
    library: 'Rack::SSL',
    mention: /\brack[- :]*ssl\b/i,
    gem: ['rack-ssl', 'rack-ssl-enforcer'],
    ruby: ['Rack::SSL', 'Rack::SslEnforcer'],
  },
  { signal: 'https-redirect', library: 'Plug.SSL', elixir: ['Plug.SSL'] },
  // Rate limiting
  {
    signal: 'rate-limiting',
    library: 'express-rate-limit',
    npm: ['express-rate-limit', 'express-slow-down', 'rate-limit-redis'],
  },
  { signal: 'rate-limiting', library: 'rate-limiter-flexible', npm: ['rate-limiter-flexible'] },
  {
    signal: 'rate-limiting',
    library: '@fastify/rate-limit',
    npm: ['@fastify/rate-limit', 'fastify-rate-limit'],
  },
  { signal: 'rate-limiting', library: 'koa-ratelimit', npm: ['koa-ratelimit'] },
  { signal: 'rate-limiting', library: '@nestjs/throttler', npm: ['@nestjs/throttler'] },
  { signal: 'rate-limiting', library: 'hono-rate-limiter', npm: ['hono-rate-limiter'] },
  { signal: 'rate-limiting', library: 'slowapi', pypi: ['slowapi'], pyModules: ['slowapi'] },
  {
    signal: 'rate-limiting',
    library: 'django-ratelimit',
    pypi: ['django-ratelimit'],
    pyModules: ['django_ratelimit', 'ratelimit'],
  },
  {
    signal: 'rate-limiting',
    library: 'Flask-Limiter',
    pypi: ['flask-limiter', 'Flask-Limiter'],
    pyModules: ['flask_limiter'],
  },
  {
    signal: 'rate-limiting',
    library: 'fastapi-limiter',
    pypi: ['fastapi-limiter'],
    pyModules: ['fastapi_limiter'],
  },
  { signal: 'rate-limiting', library: 'golang.org/x/time/rate', go: ['golang.org/x/time/rate'] },
  {
    signal: 'rate-limiting',
    library: 'Fiber limiter',
    go: ['github.com/gofiber/fiber/v2/middleware/limiter', 'github.com/gofiber/fiber/v3/middleware/limiter'],
  },
  { signal: 'rate-limiting', library: 'tollbooth', go: ['github.com/didip/tollbooth'] },
  { signal: 'rate-limiting', library: 'ulule/limiter', go: ['github.com/ulule/limiter'] },
  { signal: 'rate-limiting', library: 'httprate', go: ['github.com/go-chi/httprate'] },
  { signal: 'rate-limiting', library: 'uber-go/ratelimit', go: ['go.uber.org/ratelimit'] },
  { signal: 'rate-limiting', library: 'Hammer', hex: ['hammer', 'hammer_plug'], elixir: ['Hammer'] },
  { signal: 'rate-limiting', library: 'PlugAttack', hex: ['plug_attack'], elixir: ['PlugAttack'] },
  { signal: 'rate-limiting', library: 'ExRated', hex: ['ex_rated'], elixir: ['ExRated'] },
  {
    signal: 'rate-limiting',
    library: 'Bucket4j',
    maven: ['bucket4j-core', 'bucket4j_jdk17-core', 'bucket4j-spring-boot-starter'],
    jvm: ['io.github.bucket4j', 'com.giffing.bucket4j'],
  },
  {
    signal: 'rate-limiting',
    library: 'Resilience4j RateLimiter',
    maven: ['resilience4j-ratelimiter'],
    jvm: ['io.github.resilience4j.ratelimiter'],
  },
  { signal: 'rate-limiting', library: 'governor', cargo: ['governor', 'tower_governor', 'actix-governor'] },
  {
    signal: 'rate-limiting',
    library: 'Rack::Attack',
    mention: /\brack[- :]*attack\b/i,
    gem: ['rack-attack'],
    ruby: ['Rack::Attack'],
  },
  // Input validation
  { signal: 'input-validation', library: 'zod', mention: /\bzod\b/i, npm: ['zod'] },
  { signal: 'input-validation', library: 'joi', mention: /\bjoi\b/i, npm: ['joi', '@hapi/joi', 'celebrate'] },
  { signal: 'input-validation', library: 'yup', mention: /\byup\b/i, npm: ['yup'] },
  {
    signal: 'input-validation',
    library: 'class-validator',
    mention: /\bclass-validator\b/i,
    npm: ['class-validator'],
  },
  { signal: 'input-validation', library: 'ajv', mention: /\bajv\b/i, npm: ['ajv'] },
  { signal: 'input-validation', library: 'express-validator', npm: ['express-validator'] },
  { signal: 'input-validation', library: 'valibot', npm: ['valibot'] },
  { signal: 'input-validation', library: 'superstruct', npm: ['superstruct'] },
  { signal: 'input-validation', library: 'TypeBox', npm: ['@sinclair/typebox'] },
  { signal: 'input-validation', library: 'pydantic', mention: /\bpydantic\b/i, pypi: ['pydantic'] },
  { signal: 'input-validation', library: 'marshmallow', mention: /\bmarshmallow\b/i, pypi: ['marshmallow'] },
  { signal: 'input-validation', library: 'cerberus', pypi: ['cerberus', 'Cerberus'] },
  { signal: 'input-validation', library: 'jsonschema', pypi: ['jsonschema'] },
  {
    signal: 'input-validation',
    library: 'go-playground/validator',
    go: ['github.com/go-playground/validator'],
  },
  { signal: 'input-validation', library: 'ozzo-validation', go: ['github.com/go-ozzo/ozzo-validation'] },
  {
    signal: 'input-validation',
    library: 'Bean Validation',
    mention: /\bbean validation\b|@Valid\b|\bhibernate[- ]validator\b/i,
    maven: ['spring-boot-starter-validation', 'hibernate-validator', 'jakarta.validation-api'],
    jvm: ['jakarta.validation', 'javax.validation'],
  },
  { signal: 'input-validation', library: 'validator (Rust)', cargo: ['validator', 'garde'] },
  // ORM and query builders
  { signal: 'orm', library: 'Prisma', mention: /\bprisma\b/i, npm: ['@prisma/client'] },
  { signal: 'orm', library: 'TypeORM', mention: /\btypeorm\b/i, npm: ['typeorm'] },
  { signal: 'orm', library: 'Sequelize', mention: /\bsequelize\b/i, npm: ['sequelize'] },
  { signal: 'orm', library: 'Drizzle', mention: /\bdrizzle\b/i, npm: ['drizzle-orm'] },
  { signal: 'orm', library: 'Knex', mention: /\bknex\b/i, npm: ['knex'] },
  { signal: 'orm', library: 'Kysely', mention: /\bkysely\b/i, npm: ['kysely'] },
  { signal: 'orm', library: 'MikroORM', mention: /\bmikro-?orm\b/i, npm: ['@mikro-orm/*'] },
  { signal: 'orm', library: 'Objection', npm: ['objection'] },
  { signal: 'orm', library: 'Mongoose', mention: /\bmongoose\b/i, npm: ['mongoose'] },
  {
    signal: 'orm',
    library: 'SQLAlchemy',
    mention: /\bsqlalchemy\b/i,
    pypi: ['sqlalchemy', 'SQLAlchemy', 'flask-sqlalchemy', 'Flask-SQLAlchemy', 'sqlmodel'],
    pyModules: ['sqlalchemy', 'flask_sqlalchemy', 'sqlmodel'],
  },
  { signal: 'orm', library: 'Django ORM', mention: /\bdjango\b/i, pypi: ['django', 'Django'] },
  { signal: 'orm', library: 'Peewee', pypi: ['peewee'], pyModules: ['peewee'] },
  { signal: 'orm', library: 'Tortoise ORM', pypi: ['tortoise-orm'], pyModules: ['tortoise'] },
  { signal: 'orm', library: 'GORM', mention: /\bgorm\b/i, go: ['gorm.io/gorm', 'github.com/jinzhu/gorm'] },
  { signal: 'orm', library: 'sqlx (Go)', mention: /\bsqlx\b/i, go: ['github.com/jmoiron/sqlx'] },
  { signal: 'orm', library: 'ent', go: ['entgo.io/ent'] },
  { signal: 'orm', library: 'Bun (Go)', go: ['github.com/uptrace/bun'] },
  {
    signal: 'orm',
    library: 'Ecto',
    mention: /\becto\b/i,
    hex: ['ecto_sql', 'ecto'],
    elixir: ['Ecto.Schema', 'Ecto.Query', 'Ecto.Repo'],
  },
  {
    signal: 'orm',
    library: 'JPA/Hibernate',
    mention: /\bjpa\b|\bhibernate\b/i,
    maven: ['spring-boot-starter-data-jpa', 'hibernate-core'],
    jvm: ['jakarta.persistence', 'javax.persistence', 'org.hibernate'],
  },
  { signal: 'orm', library: 'jOOQ', maven: ['jooq', 'spring-boot-starter-jooq'], jvm: ['org.jooq'] },
  {
    signal: 'orm',
    library: 'Spring JDBC',
    maven: ['spring-boot-starter-jdbc'],
    jvm: ['org.springframework.jdbc'],
  },
  { signal: 'orm', library: 'Diesel', mention: /\bdiesel\b/i, cargo: ['diesel'] },
  { signal: 'orm', library: 'sqlx (Rust)', mention: /\bsqlx\b/i, cargo: ['sqlx'] },
  { signal: 'orm', library: 'SeaORM', cargo: ['sea-orm'] },
  // Graceful shutdown helpers
  {
    signal: 'graceful-shutdown',
    library: 'terminus',
    npm: ['@godaddy/terminus', 'http-terminator', 'stoppable', 'lightship', 'close-with-grace'],
  },
  // OpenAPI generated from code
  {
    signal: 'openapi',
    library: 'swagger/OpenAPI tooling',
    npm: [
      'swagger-jsdoc',
      'swagger-ui-express',
      '@nestjs/swagger',
      '@fastify/swagger',
      'tsoa',
      '@hono/zod-openapi',
      'express-openapi-validator',
    ],
  },
  {
    signal: 'openapi',
    library: 'drf-spectacular',
    pypi: ['drf-spectacular', 'drf-yasg', 'flasgger', 'apispec', 'flask-smorest'],
    pyModules: ['drf_spectacular', 'drf_yasg', 'flasgger', 'apispec', 'flask_smorest'],
  },
  { signal: 'openapi', library: 'swaggo', go: ['github.com/swaggo/swag', 'github.com/swaggo/http-swagger'] },
  { signal: 'openapi', library: 'open_api_spex', hex: ['open_api_spex'], elixir: ['OpenApiSpex'] },
  {
    signal: 'openapi',
    library: 'springdoc-openapi',
    maven: [
      'springdoc-openapi-starter-webmvc-ui',
      'springdoc-openapi-ui',
      'springdoc-openapi-*',
      'springfox-*',
    ],
    jvm: ['org.springdoc', 'io.swagger.v3.oas'],
  },
  { signal: 'openapi', library: 'utoipa', cargo: ['utoipa', 'aide'] },
  // Migration tools (the migration files themselves are found by path)
  { signal: 'migrations', library: 'Prisma Migrate', npm: ['prisma'] },
  { signal: 'migrations', library: 'Alembic', pypi: ['alembic'] },
  { signal: 'migrations', library: 'golang-migrate', go: ['github.com/golang-migrate/migrate'] },
  { signal: 'migrations', library: 'goose', go: ['github.com/pressly/goose'] },
  { signal: 'migrations', library: 'Flyway', maven: ['flyway-core', 'flyway-*'] },
  { signal: 'migrations', library: 'Liquibase', maven: ['liquibase-core'] },
  { signal: 'migrations', library: 'node-pg-migrate', npm: ['node-pg-migrate', 'db-migrate', 'umzug'] },
];

export interface Detector {
  signal: SignalId;
  library: string;
  languages: readonly ScanLanguage[];
  pattern: RegExp;
  /** `default`: the platform provides the behaviour without code (decides nothing on its own). */
  how: 'call' | 'config' | 'default';
}

const JS: readonly ScanLanguage[] = ['javascript'];
const SOURCES: readonly ScanLanguage[] = ['javascript', 'python', 'go', 'elixir', 'jvm', 'rust', 'ruby'];
const SECURITY_HEADER =
  '(?:Content-Security-Policy|Strict-Transport-Security|X-Frame-Options|X-Content-Type-Options)';

/** Calls and configuration that wire a signal in without importing a listed library. */
export const DETECTORS: Detector[] = [
  // Fastify's built-in logger is pino.
  {
    signal: 'structured-logging',
    library: 'pino (Fastify logger)',
    languages: JS,
    pattern: /\bFastify\(\s*\{[^}]*\blogger\s*:\s*(?:true|\{)|^\s*logger\s*:\s*(?:true|\{\s*level)/,
    how: 'config',
  },
  { signal: 'structured-logging', library: 'slog', languages: ['go'], pattern: /"log\/slog"/, how: 'call' },
  {
    signal: 'structured-logging',
    library: 'loguru (serialize=True)',
    languages: ['python'],
    pattern: /\bserialize\s*=\s*True\b/,
    how: 'config',
  },
  {
    signal: 'structured-logging',
    library: 'JSON log formatter',
    languages: ['python', 'django-settings'],
    pattern: /\bJson(?:Formatter|Renderer)\b|JSONRenderer\(/,
    how: 'config',
  },
  {
    signal: 'structured-logging',
    library: 'LoggerJSON formatter',
    languages: ['elixir-config'],
    pattern: /\bLoggerJSON\b|:logger_json\b/,
    how: 'config',
  },
  {
    signal: 'structured-logging',
    library: 'JSON log encoder',
    languages: ['logging-config'],
    pattern: /LogstashEncoder|JsonTemplateLayout|JsonLayout|EcsLayout|EcsEncoder/,
    how: 'config',
  },
  {
    signal: 'structured-logging',
    library: 'Spring Boot structured logging',
    languages: ['spring-config'],
    pattern: /^\s*(?:logging\.)?structured\.format|^\s*format\.console\s*[:=]\s*(?:ecs|logstash|gelf)/,
    how: 'config',
  },
  {
    signal: 'structured-logging',
    library: 'tracing-subscriber JSON',
    languages: ['rust'],
    pattern: /\.json\(\)/,
    how: 'call',
  },
  // Error tracking initialised in config rather than code.
  {
    signal: 'error-tracking',
    library: 'Sentry',
    languages: ['elixir-config'],
    pattern: /config\s+:sentry\b/,
    how: 'config',
  },
  {
    signal: 'error-tracking',
    library: 'Sentry',
    languages: ['spring-config'],
    pattern: /^\s*sentry[.:]\s*(?:dsn)?/,
    how: 'config',
  },
  // Tracing agents attached at start-up instead of imported.
  {
    signal: 'tracing',
    library: 'OpenTelemetry',
    languages: ['json', 'container', 'yaml', 'shell'],
    pattern:
      /--(?:require|import)[ =]\s*["']?@opentelemetry\/|opentelemetry-instrument\b|-javaagent:\S*opentelemetry|NODE_OPTIONS=.*@opentelemetry/,
    how: 'config',
  },
  {
    signal: 'tracing',
    library: 'Datadog APM',
    languages: ['json', 'container', 'yaml', 'shell'],
    pattern: /--(?:require|import)[ =]\s*["']?dd-trace\b|\bddtrace-run\b|-javaagent:\S*dd-java-agent/,
    how: 'config',
  },
  // Security headers set by hand or by the framework.
  {
    signal: 'security-headers',
    library: 'headers set in code',
    languages: SOURCES,
    pattern: new RegExp(
      `['"]${SECURITY_HEADER}['"]\\s*(?:[,:=)]|\\]\\s*=(?!=))|\\b(?:set|add|put)_?[Hh]eader\\w*\\(\\s*['"]${SECURITY_HEADER}`,
    ),
    how: 'call',
  },
  {
    signal: 'security-headers',
    library: 'nginx add_header',
    languages: ['nginx'],
    pattern: new RegExp(`^\\s*(?:add_header|more_set_headers)\\s+['"]?${SECURITY_HEADER}`),
    how: 'config',
  },
  {
    signal: 'security-headers',
    library: 'Django SecurityMiddleware',
    languages: ['django-settings', 'python'],
    pattern: /django\.middleware\.security\.SecurityMiddleware|\bSECURE_HSTS_SECONDS\s*=\s*[1-9]/,
    how: 'config',
  },
  {
    signal: 'security-headers',
    library: 'django-csp',
    languages: ['python'],
    pattern: /['"]csp\.middleware\.CSPMiddleware['"]/,
    how: 'config',
  },
  {
    signal: 'security-headers',
    library: 'Echo Secure middleware',
    languages: ['go'],
    pattern: /\bmiddleware\.Secure(?:WithConfig)?\(/,
    how: 'call',
  },
  {
    signal: 'security-headers',
    library: 'Spring Security headers',
    languages: ['jvm'],
    pattern: /\.headers\s*\(|\.contentSecurityPolicy\s*\(|\.httpStrictTransportSecurity\s*\(/,
    how: 'call',
  },
  {
    signal: 'security-headers',
    library: 'Phoenix put_secure_browser_headers',
    languages: ['elixir'],
    pattern: /\bput_secure_browser_headers\b/,
    how: 'call',
  },
  {
    signal: 'security-headers',
    library: 'ingress security headers',
    languages: ['yaml'],
    pattern: new RegExp(
      `(?:add_header|more_set_headers)\\s+['"]?${SECURITY_HEADER}|customResponseHeaders:|contentSecurityPolicy:`,
    ),
    how: 'config',
  },
  // CORS configured by framework calls.
  {
    signal: 'cors',
    library: 'enableCors',
    languages: JS,
    pattern: /\.enableCors\(|\bcors\s*:\s*\{/,
    how: 'call',
  },
  {
    signal: 'cors',
    library: 'django-cors-headers',
    languages: ['python'],
    pattern: /['"]corsheaders\.middleware\.CorsMiddleware['"]/,
    how: 'config',
  },
  {
    signal: 'cors',
    library: 'Echo CORS middleware',
    languages: ['go'],
    pattern: /\bmiddleware\.CORS(?:WithConfig)?\(/,
    how: 'call',
  },
  {
    signal: 'cors',
    library: 'Spring CORS',
    languages: ['jvm', 'spring-config'],
    pattern: /@CrossOrigin\b|CorsConfiguration|addCorsMappings|\.allowedOrigins\(|allowed-origins\s*[:=]/,
    how: 'config',
  },
  {
    signal: 'cors',
    library: 'tower-http CorsLayer',
    languages: ['rust'],
    pattern: /\bCorsLayer\b/,
    how: 'call',
  },
  {
    signal: 'cors',
    library: 'Access-Control-Allow-Origin header',
    languages: ['nginx', 'javascript', 'python', 'go', 'jvm', 'elixir', 'ruby', 'yaml'],
    pattern: /Access-Control-Allow-Origin|cors-allow-origin/i,
    how: 'config',
  },
  // Compression configured by frameworks and proxies.
  {
    signal: 'compression',
    library: 'Django GZipMiddleware',
    languages: ['django-settings'],
    pattern: /django\.middleware\.gzip\.GZipMiddleware/,
    how: 'config',
  },
  {
    signal: 'compression',
    library: 'Go compression middleware',
    languages: ['go'],
    pattern: /\bmiddleware\.(?:Compress|Gzip|GzipWithConfig)\(/,
    how: 'call',
  },
  {
    signal: 'compression',
    library: 'Spring Boot response compression',
    languages: ['spring-config'],
    pattern: /^\s*server\.compression\.enabled\s*[:=]\s*true\b/,
    how: 'config',
  },
  {
    signal: 'compression',
    library: 'Rust compression layer',
    languages: ['rust'],
    pattern: /\bCompressionLayer\b|\bmiddleware::Compress\b/,
    how: 'call',
  },
  {
    signal: 'compression',
    library: 'Phoenix endpoint compression',
    languages: ['elixir-config'],
    pattern: /\bcompress:\s*true\b/,
    how: 'config',
  },
  {
    signal: 'compression',
    library: 'nginx gzip',
    languages: ['nginx'],
    pattern: /^\s*(?:gzip|brotli)\s+on\b/,
    how: 'config',
  },
  // HTTPS enforced by frameworks and proxies.
  {
    signal: 'https-redirect',
    library: 'Django SECURE_SSL_REDIRECT',
    languages: ['django-settings'],
    pattern: /^\s*SECURE_SSL_REDIRECT\s*=\s*True\b/,
    how: 'config',
  },
  {
    signal: 'https-redirect',
    library: 'Rails force_ssl',
    languages: ['ruby'],
    pattern: /^\s*config\.force_ssl\s*=\s*true\b/,
    how: 'config',
  },
  {
    signal: 'https-redirect',
    library: 'Phoenix force_ssl',
    languages: ['elixir-config', 'elixir'],
    pattern: /\bforce_ssl:\s*\[/,
    how: 'config',
  },
  {
    signal: 'https-redirect',
    library: 'Spring Security requiresSecure',
    languages: ['jvm'],
    pattern: /\.requiresSecure\(\)/,
    how: 'call',
  },
  {
    signal: 'https-redirect',
    library: 'nginx redirect to HTTPS',
    languages: ['nginx'],
    pattern: /^\s*(?:return\s+30[1278]\s+["']?https:\/\/|rewrite\s+\S+\s+https:\/\/)/,
    how: 'config',
  },
  {
    signal: 'https-redirect',
    library: 'ingress SSL redirect',
    languages: ['yaml'],
    pattern:
      /ingress\.kubernetes\.io\/(?:force-)?ssl-redirect:\s*["']?true|redirectscheme\.scheme[=:]\s*["']?https/i,
    how: 'config',
  },
  // Rate limiting outside application libraries.
  {
    signal: 'rate-limiting',
    library: 'nginx limit_req',
    languages: ['nginx'],
    pattern: /^\s*limit_req(?:_zone)?\s/,
    how: 'config',
  },
  {
    signal: 'rate-limiting',
    library: 'ingress-nginx rate limit',
    languages: ['yaml'],
    pattern:
      /nginx\.ingress\.kubernetes\.io\/limit-(?:rps|rpm|connections)|^\s*rateLimit:\s*$|RequestRateLimiter/,
    how: 'config',
  },
  {
    signal: 'rate-limiting',
    library: 'Django REST framework throttling',
    languages: ['python', 'django-settings'],
    pattern: /DEFAULT_THROTTLE_(?:RATES|CLASSES)|throttle_classes\s*=/,
    how: 'config',
  },
  {
    signal: 'rate-limiting',
    library: 'Echo RateLimiter middleware',
    languages: ['go'],
    pattern: /\bmiddleware\.RateLimiter(?:WithConfig)?\(/,
    how: 'call',
  },
  {
    signal: 'rate-limiting',
    library: 'tower RateLimitLayer',
    languages: ['rust'],
    pattern: /\bRateLimitLayer\b/,
    how: 'call',
  },
  // Validation without a listed library.
  {
    signal: 'input-validation',
    library: 'Bean Validation',
    languages: ['jvm'],
    pattern: /@(?:Valid|Validated)\b/,
    how: 'call',
  },
  {
    signal: 'input-validation',
    library: 'NestJS ValidationPipe',
    languages: JS,
    pattern: /\bnew\s+ValidationPipe\(|\buseClass\s*:\s*ValidationPipe\b/,
    how: 'call',
  },
  {
    signal: 'input-validation',
    library: 'Ecto changesets',
    languages: ['elixir'],
    pattern: /\bvalidate_(?:required|length|format|number|inclusion|change)\(/,
    how: 'call',
  },
  {
    signal: 'input-validation',
    library: 'Gin binding tags',
    languages: ['go'],
    pattern: /\b(?:binding|validate):"[^"]*required/,
    how: 'call',
  },
  {
    signal: 'input-validation',
    library: 'Django forms/serializers',
    languages: ['python'],
    pattern: /^\s*from\s+(?:django\s+import\s+forms|rest_framework\s+import\s+serializers)\b/,
    how: 'call',
  },
  // ORMs wired without a listed import.
  {
    signal: 'orm',
    library: 'Django ORM',
    languages: ['python'],
    pattern: /^\s*from\s+django\.db\s+import\s+models\b/,
    how: 'call',
  },
  {
    signal: 'orm',
    library: 'Ecto',
    languages: ['elixir'],
    pattern: /\buse\s+Ecto\.(?:Schema|Repo)\b/,
    how: 'call',
  },
  {
    signal: 'orm',
    library: 'Spring Data',
    languages: ['jvm'],
    pattern: /\b(?:JpaRepository|CrudRepository|JdbcTemplate)\b/,
    how: 'call',
  },
  // Graceful shutdown.
  {
    signal: 'graceful-shutdown',
    library: 'SIGTERM handler',
    languages: JS,
    pattern: /process\.(?:on|once|addListener)\(\s*['"]SIGTERM['"]|\benableShutdownHooks\(/,
    how: 'call',
  },
  {
    signal: 'graceful-shutdown',
    library: 'SIGTERM handler',
    languages: ['python'],
    pattern: /signal\.signal\(\s*(?:signal\.)?SIGTERM|add_signal_handler\(\s*(?:signal\.)?SIGTERM/,
    how: 'call',
  },
  {
    signal: 'graceful-shutdown',
    library: 'signal.Notify',
    languages: ['go'],
    pattern: /signal\.Notify(?:Context)?\([^)]*\bSIGTERM\b/,
    how: 'call',
  },
  {
    signal: 'graceful-shutdown',
    library: 'Spring graceful shutdown',
    languages: ['spring-config'],
    pattern: /^\s*(?:server\.)?shutdown\s*[:=]\s*graceful\b/,
    how: 'config',
  },
  {
    signal: 'graceful-shutdown',
    library: 'JVM shutdown hook',
    languages: ['jvm'],
    pattern: /addShutdownHook\(|@PreDestroy\b/,
    how: 'call',
  },
  {
    signal: 'graceful-shutdown',
    library: 'tokio signal handler',
    languages: ['rust'],
    pattern: /SignalKind::terminate\(\)|with_graceful_shutdown\(|signal::ctrl_c\(\)/,
    how: 'call',
  },
  {
    signal: 'graceful-shutdown',
    library: 'uvicorn/gunicorn default SIGTERM handling',
    languages: ['python'],
    pattern: /^\s*(?:import\s+uvicorn|from\s+uvicorn\b)|\buvicorn\.run\(/,
    how: 'default',
  },
  // OpenAPI served by the framework itself.
  {
    signal: 'openapi',
    library: 'FastAPI (serves /openapi.json and /docs by default)',
    languages: ['python'],
    pattern: /^\s*from\s+fastapi\s+import\s+(?:[\w, ]*\b)?FastAPI\b/,
    how: 'call',
  },
  // Backups run from code, scripts or scheduled jobs.
  {
    signal: 'backups',
    library: 'database dump',
    languages: ['shell', 'yaml', 'container', 'javascript', 'python', 'go', 'elixir', 'jvm'],
    pattern:
      /\b(?:pg_dump(?:all)?|pg_basebackup|pgbackrest|wal-g|mysqldump|mariadb-dump|mongodump|redis-cli\s+--rdb|velero\s+(?:backup|schedule)|restic\s+backup|borg\s+create)\b/,
    how: 'call',
  },
  // Prometheus and process managers found by content.
  {
    signal: 'prometheus-scrape',
    library: 'Prometheus scrape config',
    languages: ['yaml'],
    pattern:
      /^\s*scrape_configs:|^\s*kind:\s*(?:ServiceMonitor|PodMonitor)\b|prometheus\.io\/scrape:\s*["']?true/,
    how: 'config',
  },
  {
    signal: 'prometheus-alerts',
    library: 'Prometheus alerting rule',
    languages: ['yaml'],
    pattern: /^\s*-?\s*alert:\s*\S|^\s*kind:\s*PrometheusRule\b/,
    how: 'config',
  },
  {
    signal: 'grafana-dashboard',
    library: 'Grafana dashboard ConfigMap',
    languages: ['yaml'],
    pattern: /^\s*grafana_dashboard:\s*["']?1/,
    how: 'config',
  },
  // Metrics exposed to a scraper: the handler, not the client library, makes a metrics endpoint.
  {
    signal: 'metrics',
    library: 'prom-client',
    languages: JS,
    pattern: /\bregist(?:er|ry)\.metrics\(\s*\)/,
    how: 'call',
  },
  {
    signal: 'metrics',
    library: 'prometheus_client',
    languages: ['python'],
    pattern: /\b(?:generate_latest|make_asgi_app|make_wsgi_app|start_http_server)\(/,
    how: 'call',
  },
  {
    signal: 'metrics',
    library: 'prometheus-fastapi-instrumentator',
    languages: ['python'],
    pattern: /\.expose\(\s*app\b/,
    how: 'call',
  },
  {
    signal: 'metrics',
    library: 'django-prometheus',
    languages: ['python'],
    pattern: /['"]django_prometheus\.(?:middleware\.\w+|urls)['"]/,
    how: 'config',
  },
  {
    signal: 'metrics',
    library: 'Prometheus Go client',
    languages: ['go'],
    pattern: /\bpromhttp\.(?:Handler|HandlerFor|InstrumentMetricHandler)\(/,
    how: 'call',
  },
  {
    signal: 'metrics',
    library: 'Spring Boot Actuator prometheus endpoint',
    languages: ['spring-config'],
    pattern: /^\s*(?:management\.endpoints\.web\.exposure\.)?include\s*[:=].*\bprometheus\b/,
    how: 'config',
  },
  {
    signal: 'process-manager',
    library: 'PM2 runtime',
    languages: ['container'],
    pattern: /\bpm2-runtime\b|\bpm2\s+start\b|\bsupervisord\b/,
    how: 'config',
  },
  {
    signal: 'graceful-shutdown',
    library: 'gunicorn/uvicorn default SIGTERM handling',
    languages: ['container'],
    pattern: /\b(?:gunicorn|uvicorn)\b/,
    how: 'default',
  },
  // Log shippers deployed: their images in compose, Kubernetes and Helm values, and compose
  // logging drivers that send logs off the host.
  ...(
    [
      ['Fluent Bit', 'fluent-bit'],
      ['Fluentd', 'fluentd'],
      ['Vector', 'vector'],
      ['Promtail', 'promtail'],
      ['Logstash', 'logstash'],
      ['Filebeat', 'filebeat'],
      ['Loki', 'loki'],
      ['Grafana Alloy', 'alloy'],
      ['Kibana', 'kibana'],
    ] as const
  ).map(
    ([library, image]): Detector => ({
      signal: 'log-shipping',
      library: `${library} image`,
      languages: ['yaml'],
      pattern: new RegExp(
        `^\\s*-?\\s*(?:image|repository):\\s*["']?(?:[\\w.:-]+\\/)*${image}(?:[:"'\\s@]|$)`,
      ),
      how: 'config',
    }),
  ),
  {
    signal: 'log-shipping',
    library: 'compose logging driver',
    languages: ['yaml'],
    pattern: /^\s*driver:\s*["']?(?:fluentd|gelf|loki|awslogs|splunk|gcplogs|syslog)\b/,
    how: 'config',
  },
  {
    signal: 'process-manager',
    library: 'systemd unit',
    languages: ['systemd'],
    pattern: /^\s*ExecStart\s*=/,
    how: 'config',
  },
];

/** Source lines hinting at a home-grown implementation: not proof, but enough to withhold a fail. */
export const HINTS: { signal: SignalId; pattern: RegExp }[] = [
  { signal: 'metrics', pattern: /['"`]\/metrics['"`]|\bmetrics?Registry\b|\bcollectDefaultMetrics\b/ },
  {
    signal: 'structured-logging',
    pattern:
      /JSON\.stringify\(\s*\{[^}]*\b(?:level|msg|severity)\b|json\.dumps\(\s*\{[^}]*['"](?:level|msg)['"]/,
  },
  { signal: 'error-tracking', pattern: /\bcapture(?:Exception|Error)\(|\berror[_-]?track/i },
  { signal: 'tracing', pattern: /\btraceparent\b|\bstartSpan\(|\bstart_as_current_span\(|\bOTEL_[A-Z_]+/ },
  { signal: 'security-headers', pattern: /\bsecurity[_-]?headers\b|\bsecureHeaders\b/i },
  { signal: 'rate-limiting', pattern: /rate[_-]?limit|\bthrottl/i },
  { signal: 'input-validation', pattern: /\bvalidat(?:e|or|ion)\w*\(|\bschema\.(?:parse|validate)\(/i },
  {
    signal: 'graceful-shutdown',
    pattern: /\bSIG(?:TERM|INT)\b|\bgraceful(?:_|-)?shutdown\b|\bShutdown\(ctx/i,
  },
  { signal: 'cors', pattern: /\bcors\b/i },
];

/**
 * The start of a SQL statement in a string delimited by `quotes`. Each keyword needs its
 * structural partner (SELECT … FROM, INSERT INTO, UPDATE t SET, DELETE FROM) and keywords are
 * all upper or all lower case, so a message such as "Update %s failed" or "Select one from
 * the list" reads as English, not SQL.
 */
function sqlStart(quotes: string): string {
  const body = `[^${quotes}]*`;
  const upper = `SELECT\\s${body}\\bFROM\\b|INSERT\\s+INTO\\b|UPDATE\\s+[\\w.]+\\s+SET\\b|DELETE\\s+FROM\\b`;
  const lower = `select\\s${body}\\bfrom\\b|insert\\s+into\\b|update\\s+[\\w.]+\\s+set\\b|delete\\s+from\\b`;
  return `(?:${upper}|${lower})`;
}

/** String-built SQL: input concatenated or interpolated into a query. */
export const STRING_BUILT_SQL: { languages: readonly ScanLanguage[]; pattern: RegExp }[] = [
  {
    languages: ['javascript', 'jvm'],
    pattern: new RegExp(
      `["']${sqlStart(`"'`)}[^"']*\\b(?:WHERE|VALUES|SET|where|values|set)\\b[^"']*["']\\s*\\+\\s*[A-Za-z_$]`,
    ),
  },
  // Tagged templates (sql`...`, Prisma.$queryRaw`...`) are parameterised; untagged ones are not.
  { languages: JS, pattern: new RegExp(`(?<![\\w)\\].$])\`\\s*${sqlStart('`')}[^\`]*\\$\\{`) },
  { languages: JS, pattern: /\$(?:queryRawUnsafe|executeRawUnsafe)\(\s*`[^`]*\$\{/ },
  {
    languages: ['python'],
    pattern: new RegExp(`\\bf"${sqlStart('"')}[^"]*\\{[^}]+\\}|\\bf'${sqlStart("'")}[^']*\\{[^}]+\\}`),
  },
  {
    languages: ['python'],
    pattern: new RegExp(`["']${sqlStart(`"'`)}[^"']*["']\\s*(?:%\\s*[\\w(]|\\.format\\()`),
  },
  { languages: ['go'], pattern: new RegExp(`Sprintf\\(\\s*"${sqlStart('"')}[^"]*%[sv]`) },
];

/** CORS that lets every origin in. */
export const OPEN_CORS: { languages: readonly ScanLanguage[]; pattern: RegExp }[] = [
  {
    languages: JS,
    pattern:
      /\borigin\s*:\s*(?:['"`]\*['"`]|true\b)|\bcors\(\s*\)|\.register\(\s*cors\s*\)|\.enableCors\(\s*\)/,
  },
  {
    languages: ['python', 'django-settings'],
    pattern:
      /allow_origins\s*=\s*\[\s*["']\*["']|CORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)\s*=\s*True|\bCORS\(\s*app\s*\)/,
  },
  {
    languages: ['go'],
    pattern:
      /AllowedOrigins:\s*\[\]string\{\s*"\*"|AllowAllOrigins:\s*true|cors\.Default\(\)|cors\.AllowAll\(\)/,
  },
  { languages: ['elixir'], pattern: /\borigin:\s*(?:"\*"|\[\s*"\*"\s*\])|plug\s+CORSPlug\s*$/ },
  {
    languages: ['jvm', 'spring-config'],
    pattern: /allowedOrigins\(\s*"\*"|@CrossOrigin\s*(?:\(\s*\))?\s*$|allowed-origins\s*[:=]\s*["']?\*/,
  },
  { languages: ['rust'], pattern: /CorsLayer::(?:permissive|very_permissive)\(\)|allow_origin\(\s*Any\b/ },
  {
    languages: ['nginx', 'javascript', 'python', 'go', 'yaml'],
    pattern: /Access-Control-Allow-Origin['"]?\s*[,:]?\s*['"]?\*|cors-allow-origin:\s*["']?\*/i,
  },
];
