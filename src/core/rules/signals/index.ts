// The signals.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { signalsBackups } from './signals-backups.js';
import { signalsChangelog } from './signals-changelog.js';
import { signalsCompression } from './signals-compression.js';
import { signalsCors } from './signals-cors.js';
import { signalsErrorTracking } from './signals-error-tracking.js';
import { signalsGracefulShutdown } from './signals-graceful-shutdown.js';
import { signalsGrafanaDashboards } from './signals-grafana-dashboards.js';
import { signalsHttpsEnforced } from './signals-https-enforced.js';
import { signalsInputValidation } from './signals-input-validation.js';
import { signalsLicense } from './signals-license.js';
import { signalsLockfile } from './signals-lockfile.js';
import { signalsLogShipping } from './signals-log-shipping.js';
import { signalsMetrics } from './signals-metrics.js';
import { signalsMigrations } from './signals-migrations.js';
import { signalsOpenapi } from './signals-openapi.js';
import { signalsOrmOrParameterisedQueries } from './signals-orm-or-parameterised-queries.js';
import { signalsProcessManager } from './signals-process-manager.js';
import { signalsPrometheusConfig } from './signals-prometheus-config.js';
import { signalsRateLimiting } from './signals-rate-limiting.js';
import { signalsRunbook } from './signals-runbook.js';
import { signalsSecurityHeaders } from './signals-security-headers.js';
import { signalsSecurityPolicy } from './signals-security-policy.js';
import { signalsStructuredLogging } from './signals-structured-logging.js';
import { signalsTopicDocumented } from './signals-topic-documented.js';
import { signalsTracing } from './signals-tracing.js';

export const signalsRules: Rule[] = [
  signalsMetrics,
  signalsPrometheusConfig,
  signalsGrafanaDashboards,
  signalsStructuredLogging,
  signalsLogShipping,
  signalsErrorTracking,
  signalsTracing,
  signalsSecurityHeaders,
  signalsCors,
  signalsRateLimiting,
  signalsHttpsEnforced,
  signalsCompression,
  signalsInputValidation,
  signalsOrmOrParameterisedQueries,
  signalsGracefulShutdown,
  signalsMigrations,
  signalsBackups,
  signalsProcessManager,
  signalsRunbook,
  signalsTopicDocumented,
  signalsOpenapi,
  signalsChangelog,
  signalsSecurityPolicy,
  signalsLicense,
  signalsLockfile,
];
