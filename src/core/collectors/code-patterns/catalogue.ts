// Engineering patterns a checklist claims the code implements (circuit breakers, retries, audit
// logs...), written about the project's own code rather than a named product. Each entry says how
// an item names the pattern, which identifiers show it applied, and which broader words are
// enough to keep its absence from being claimed.

export interface CodePattern {
  id: string;
  /** Name shown in messages. */
  name: string;
  /** How an item names the pattern. */
  mention: RegExp;
  /**
   * Lowercase fragments of identifiers (or of configuration values, for `configUse`) whose call,
   * decorator or instantiation in production code shows the pattern applied: `SimpleCircuitBreaker.new`,
   * `@retry(`, `gobreaker.NewCircuitBreaker(`.
   */
  uses: string[];
  /**
   * Lowercase fragments whose presence anywhere outside documentation keeps the pattern from
   * being called absent. Broad on purpose: a stray match only makes the verdict `unknown`.
   * The `uses` fragments count too.
   */
  traces: string[];
  /**
   * The pattern is switched on by naming it in configuration or a declaration rather than by a
   * call (`RotatingFileHandler` in a logging dict, `@Version` on a field, `max-size` under a
   * Compose logging driver): any occurrence of a `uses` fragment on a line that is not a comment
   * counts, in code or configuration files.
   */
  configUse?: boolean;
  /**
   * Whether finding no trace decides the claim. Not where frameworks provide the pattern by
   * default without a word in the project (most ORMs pool connections).
   */
  absenceDecides?: false;
  /** A line that also matches this applies the pattern, called or not (`delay * BACKOFF ** attempt`). */
  useWhen?: RegExp;
  /** Lines that name a fragment for something else (`npm audit` is not an audit log). */
  ignore?: RegExp;
  /** Identifiers that hold a fragment by accident (`swarm` is not cache warming). */
  notToken?: RegExp;
}

export const CODE_PATTERNS: readonly CodePattern[] = [
  {
    id: 'circuit-breaker',
    name: 'a circuit breaker',
    mention: /\bcircuit[\s-]?breakers?\b|熔断|断路器/i,
    uses: ['circuitbreaker', 'circuit_breaker', 'breaker', 'hystrix', 'opossum', 'resilience4j', 'cockatiel'],
    traces: ['circuit', 'breaker', 'polly', 'failsafe', 'resilien'],
  },
  {
    id: 'retry',
    name: 'retries',
    mention: /\bretr(?:y|ies|ying)\b|重试/i,
    uses: ['retry', 'retries', 'tenacity'],
    traces: [
      'retry',
      'retries',
      'retrying',
      'backoff',
      'back_off',
      'attempt',
      'tenacity',
      'polly',
      'resilien',
    ],
  },
  {
    // Apart from retries: a retry loop shows nothing about how long it waits between attempts.
    id: 'backoff',
    name: 'backoff between attempts',
    mention:
      /\b(?:exponential(?:ly)?\s+)?back-?off\b|\bexponential(?:ly)?\s+(?:delays?|retr\w*|wait\w*)|退避/i,
    uses: ['backoff', 'back_off', 'wait_exponential', 'exponentialdelay', 'exponential_delay'],
    // The wait grows as a power of the attempt: `BASE * FACTOR ** n`, `Math.pow(2, attempt)`, `1 << n`.
    useWhen: /\*\*|\bpow\s*\(|<<\s*\(?\s*\w|\bexp2?\s*\(/,
    traces: [
      'backoff',
      'back_off',
      'exponential',
      'delay',
      'sleep',
      'retry',
      'retries',
      'tenacity',
      'polly',
      'resilien',
    ],
  },
  {
    id: 'audit-log',
    name: 'an audit log',
    mention: /\baudit(?:[\s-]?(?:logs?|logging|trails?|events?|records?))\b|审计日志/i,
    uses: ['audit', 'envers', 'simple_history', 'paper_trail', 'auditlog'],
    traces: [
      'audit',
      'envers',
      'simple_history',
      'paper_trail',
      'reversion',
      'activity_log',
      'activitylog',
      'loggable',
    ],
    // Dependency audits (`npm audit`, bundler-audit) and security-audit jobs are about packages, not actions.
    ignore:
      /\b(?:npm|yarn|pnpm|bundle|bundler|pip|cargo|composer|gem|go|mix|dotnet|safety)[\s-]+audit\b|\baudit[\s-]+(?:ci|--)|\bsecurity[\s_-]+audit|\bauditjs\b|\baudit[_-]?level\b|["']audit["']\s*:/i,
  },
  {
    id: 'cache-warming',
    name: 'cache warming',
    mention:
      /\bcache[\s-]?warm(?:ing|ers?|-?up)?\b|\bwarm(?:ing)?[\s-]?(?:up\s+)?(?:the\s+)?caches?\b|\bpre-?warm\w*|缓存预热/i,
    uses: [
      'warm',
      'precache',
      'prime_cache',
      'primecache',
      'preload_cache',
      'preloadcache',
      'populate_cache',
    ],
    // Not `preload`/`prefetch` alone: those are mostly browser resource hints.
    traces: [
      'warm',
      'precache',
      'prime_cache',
      'primecache',
      'preload_cache',
      'preloadcache',
      'populate_cache',
      'precompute',
    ],
    notToken: /swarm/,
  },
  {
    id: 'request-deduplication',
    name: 'request deduplication',
    mention:
      /\b(?:request|call|api)s?[\s-]+(?:de-?dup\w*|coalesc\w*|collaps\w*)|\bde-?dup\w*\s+(?:of\s+)?(?:api\s+|http\s+)?(?:requests?|calls?)\b|\bsingle-?flight\b|请求去重/i,
    uses: ['dedup', 'deduplicat', 'coalesc', 'singleflight'],
    traces: [
      'dedup',
      'deduplicat',
      'coalesc',
      'singleflight',
      'inflight',
      'in_flight',
      'pending_request',
      'pendingrequest',
    ],
  },
  {
    id: 'optimistic-locking',
    name: 'optimistic locking',
    mention: /\boptimistic[\s-]+(?:locking|locks?|concurrency(?:\s+control)?)\b|乐观锁/i,
    uses: [
      '@version',
      'lock_version',
      'rowversion',
      'concurrencytoken',
      'concurrency_token',
      'version_id_col',
      'optimisticlock',
      'optimistic_lock',
    ],
    traces: ['optimistic', 'version'],
    configUse: true,
  },
  {
    id: 'log-rotation',
    name: 'log rotation',
    mention:
      /\blog[\s-]?rotat\w*|\brotat\w*\s+(?:of\s+)?(?:the\s+)?(?:application\s+)?logs?\b|\blogrotate\b|日志轮转/i,
    uses: [
      'rotatingfilehandler',
      'lumberjack',
      'daily-rotate-file',
      'dailyrotatefile',
      'rotating-file-stream',
      'rotatelogs',
      'rollingfileappender',
      'rollingpolicy',
      'sizebasedtriggeringpolicy',
      'logrotate',
      'max-size',
      'max_history',
      'max-history',
    ],
    traces: ['rotat', 'rolling', 'lumberjack', 'maxbytes', 'max_bytes', 'max-size', 'max_size', 'max-file'],
    configUse: true,
  },
  {
    id: 'dead-letter-queue',
    name: 'a dead-letter queue',
    mention: /\bdead[\s-]?letter(?:\s+(?:queues?|exchanges?|topics?))?\b|\bDLQs?\b|死信/i,
    uses: ['deadletter', 'dead_letter', 'dead-letter', 'dlq', 'dlx'],
    traces: [
      'deadletter',
      'dead_letter',
      'dead-letter',
      'dlq',
      'dlx',
      'failed_job',
      'failedjob',
      'failed-job',
    ],
    configUse: true,
  },
  {
    id: 'db-connection-pooling',
    name: 'database connection pooling',
    mention:
      /\b(?:database|db|postgres(?:ql)?|mysql|sql|pg)\s+connection[\s-]?pool(?:ing|s|ed)?\b|\bconnection[\s-]?pool(?:ing|s)?\s+(?:for|of|to|on)\s+(?:the\s+)?(?:database|db|postgres(?:ql)?|mysql)\b|\bpool(?:ing|ed)?\s+(?:of\s+)?(?:database|db)\s+connections\b|\bpersistent\s+(?:database|db)\s+connections\b|数据库连接池/i,
    // Settings only a database pool has: a pool of WebSockets or Redis clients is not one.
    uses: [
      'conn_max_age',
      'hikari',
      'pgbouncer',
      'connection_limit',
      'setmaxopenconns',
      'setmaxidleconns',
      'pool_pre_ping',
      'pool_recycle',
      'db_pool',
      'database_pool',
      'dbpool',
      'maxpoolsize',
      'minpoolsize',
      'max_pool_size',
    ],
    traces: ['pool'],
    configUse: true,
    ignore: /redis|cache|thread|worker|executor|goroutine|celery|sidekiq|puma/i,
    // Most ORMs and drivers pool connections by default, without a word in the project.
    absenceDecides: false,
  },
  {
    id: 'connection-pooling',
    name: 'connection pooling',
    mention:
      /(?<!\b(?:database|db|postgres|postgresql|mysql|sql|pg)\s)\bconnection[\s-]?pool(?:ing|s|ed)?\b(?!\s+(?:for|of|to|on)\s+(?:the\s+)?(?:database|db|postgres|mysql))|连接池/i,
    uses: [
      'connectionpool',
      'connection_pool',
      'pool_size',
      'poolsize',
      'max_pool',
      'maxpool',
      'pool_max',
      'conn_max_age',
      'hikari',
      'pgbouncer',
      'setmaxopenconns',
      'pool_pre_ping',
      'createpool',
    ],
    traces: ['pool'],
    configUse: true,
    ignore: /thread|worker|executor|goroutine/i,
    absenceDecides: false,
  },
  {
    id: 'read-replicas',
    name: 'read replicas',
    mention: /\bread[\s-]?replicas?\b|\bread[\s-]?only\s+replicas?\b|只读副本|读写分离/i,
    uses: [
      'read_replica',
      'readreplica',
      'read-replica',
      'replica_url',
      'replica_host',
      'database_replica',
      'db_replica',
      'reader_endpoint',
      'readerendpoint',
    ],
    traces: ['replica', 'slave', 'secondary', 'database_routers', 'db_router', 'reader', 'replication'],
    configUse: true,
  },
  {
    id: 'correlation-id',
    name: 'request correlation ids',
    mention: /\b(?:correlation|request)[\s-]?ids?\b|\bx-request-id\b|\bx-correlation-id\b/i,
    uses: [
      'correlationid',
      'correlation_id',
      'correlation-id',
      'x-request-id',
      'asgi_correlation_id',
      'requestidmiddleware',
      'request_id_middleware',
      'express-request-id',
    ],
    traces: [
      'correlation',
      'request_id',
      'requestid',
      'request-id',
      'trace_id',
      'traceid',
      'reqid',
      'req_id',
      'x-request',
    ],
    configUse: true,
  },
  {
    id: 'soft-delete',
    name: 'soft deletion',
    mention: /\bsoft[\s-]?delet(?:e|es|ed|ion)\b|软删除/i,
    uses: [
      'soft_delete',
      'softdelete',
      'deleted_at',
      'deletedat',
      'paranoid',
      'is_deleted',
      'isdeleted',
      'sqldelete',
    ],
    traces: ['soft_delete', 'softdelete', 'deleted', 'paranoid', 'discard', 'archived', 'trash'],
    configUse: true,
  },
  {
    id: 'idempotency',
    name: 'idempotency keys',
    mention: /\bidempoten(?:t|cy)(?:[\s-]+keys?)?\b|幂等/i,
    uses: ['idempoten'],
    traces: ['idempoten', 'dedup', 'unique'],
    configUse: true,
    // Idempotency is as often a unique constraint or an upsert as a named key.
    absenceDecides: false,
  },
  {
    id: 'password-hashing',
    name: 'password hashing',
    mention:
      /\bpasswords?\s+(?:are\s+|is\s+)?(?:hash\w*|encrypt\w*|salted)\b|\bhash\w*\s+(?:of\s+)?(?:user\s+)?passwords?\b|\b(?:bcrypt|argon2(?:id)?|scrypt|pbkdf2)\b|密码(?:哈希|加密)/i,
    uses: [
      'bcrypt',
      'argon2',
      'scrypt',
      'pbkdf2',
      'hashpw',
      'passlib',
      'password_hash',
      'make_password',
      'hashpassword',
      'hash_password',
      'passwordencoder',
      'passwordhasher',
      'has_secure_password',
    ],
    traces: ['bcrypt', 'argon', 'scrypt', 'pbkdf2', 'passlib', 'password', 'hash'],
    // `bcrypt.hash(`, `argon2.verify(`, `bcrypt.compareSync(`: the library's functions called.
    useWhen:
      /\b(?:bcrypt\w*|argon2\w*|scrypt\w*|pbkdf2\w*)\.(?:hash\w*|gen\w*|compare\w*|verify\w*|check\w*)\s*\(/i,
    // Django, Laravel, ASP.NET Identity and Devise hash passwords without a word in the project.
    absenceDecides: false,
  },
  {
    id: 'jwt',
    name: 'JWT authentication',
    mention: /\bJWTs?\b|\bJSON web tokens?\b/i,
    uses: ['jwt', 'jose', 'jsonwebtoken'],
    traces: ['jwt', 'jose', 'jsonwebtoken', 'token', 'bearer'],
    // Signing or verifying one: `jwt.verify(`, `jwt.decode(`, `Jwts.parser()`, `decode_token(`.
    useWhen:
      /\bjw[ts]\w*\.(?:verify|decode|sign|encode|parse\w*)\s*\(|\bjws?t?\.?(?:parser|builder)\s*\(|\b(?:verify|decode|validate)_?(?:jwt|access_?token|token)\s*\(/i,
  },
  {
    id: 'csrf-protection',
    name: 'CSRF protection',
    mention: /\bCSRF\b|\bXSRF\b|\bcross[- ]site request forgery\b/i,
    uses: ['csrf', 'csurf', 'xsrf', 'protect_from_forgery', 'antiforgery', 'verifycsrftoken'],
    traces: ['csrf', 'csurf', 'xsrf', 'forgery', 'antiforgery', 'samesite'],
    configUse: true,
    // `csrf().disable()`, `@csrf_exempt`, `CSRF_ENABLED = False` switch it off, not on.
    ignore: /disable|exempt|skip_forgery|=\s*false\b|:\s*false\b/i,
    // Django, Rails, Laravel and Spring Security protect forms by default.
    absenceDecides: false,
  },
];
