import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector } from '../../collectors/dockerfiles.js';
import type { Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import {
  at,
  inContainerContext,
  listed,
  lookedForCompose,
  missingFileFinding,
  namedComposeFiles,
  ref,
  type ServiceView,
  saysKubernetes,
  selectCompose,
} from '../docker/docker-evidence.js';

const VOLUMES = /\b(?:volumes?|bind mounts?|mounts?)\b/i;
const PERSISTENCE = /\b(?:persist\w*|durable|named volumes?|data)\b/i;
const NOT_COMPOSE = /\b(?:pvcs?|persistent ?volume ?claims?|storage ?class\w*|ebs|efs)\b/i;
/** `./priv:/app/priv`: a mount written in the item. */
const MOUNT = /^([.~/$][^\s:]*|[A-Za-z0-9][\w.-]*):(\/[^\s:]*)(?::[a-z,]+)?$/;
/** Images that keep data which must outlive the container (caches such as Redis are left out on purpose). */
const STATEFUL =
  /(?:^|\/)(?:postgres|postgis|timescaledb|mysql|mariadb|mongo|elasticsearch|opensearch|rabbitmq|minio|clickhouse|influxdb|cassandra|neo4j|couchdb|etcd|zookeeper|kafka|questdb|meilisearch|qdrant|weaviate)(?:[:@/-]|$)/i;

interface Params {
  mount?: { source: string; target: string; written: string };
  named: boolean;
  path?: string;
}

/** Whether data that must persist lives in named or bind volumes (or the mount the item names exists). */
export const composeVolumes: Rule<Params> = {
  id: 'compose.volumes',
  title: 'Persistent data is on volumes',
  why: 'Data written inside a container is lost when it is recreated; databases and uploads need a named volume or a bind mount.',
  fix: 'Mount a named volume at the data directory (`pgdata:/var/lib/postgresql/data` plus a top-level `volumes: {pgdata: {}}`).',
  recognises:
    'Volumes or mounts "for persistence"/"persistent data"/"named volumes" in a Docker/Compose context, and a mount written ' +
    'as `./src:/target` under such an item; not Kubernetes PVCs.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    const context = [item.text, ...item.parents].join('\n');
    if (saysKubernetes(item) || NOT_COMPOSE.test(context) || !inContainerContext(item)) return [];
    const named = /\bnamed volumes?\b/i.test(item.text);
    const mounts = item.codeSpans.flatMap((span) => {
      const found = MOUNT.exec(span.trim());
      return found?.[1] && found[2] ? [{ source: found[1], target: found[2], written: span.trim() }] : [];
    });
    if (mounts.length > 0 && VOLUMES.test(context)) return mounts.map((mount) => ({ mount, named }));
    if (!VOLUMES.test(item.text) || !PERSISTENCE.test(item.text)) return [];
    const files = namedComposeFiles(item);
    return files.length > 0 ? files.map((path) => ({ named, path })) : [{ named }];
  },
  evaluate(params, ctx) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding('Compose file', selection.missing);
    if (selection.files.length === 0) {
      return {
        verdict: 'unknown',
        message: `${lookedForCompose(ctx.scope)}; volumes given to \`docker run\` or a platform cannot be seen`,
        evidence: [],
      };
    }
    if (params.mount) return judgeMount(params.mount, selection.services, selection.files);
    const files = listed(selection.files, 2);
    const stateful = selection.services.filter((service) => service.image && STATEFUL.test(service.image));
    const lacking = stateful.filter((service) => !persistent(service, params.named));
    if (lacking.length > 0) {
      const gaps = lacking.map(
        (service) => `${service.name} (${service.image}, ${at(service.path, service.line)})`,
      );
      return {
        verdict: 'fail',
        message: `${lacking.length} data service(s) in ${files} keep data without a ${params.named ? 'named volume' : 'named or bind volume'}: ${listed(gaps, 3)}`,
        evidence: lacking.map((service) => ref(service.path, service.line)),
      };
    }
    const mounted = selection.services.flatMap((service) =>
      service.volumes
        .filter((volume) => isPersistent(volume.kind, params.named))
        .map((volume) => ({ service, volume })),
    );
    if (mounted.length === 0) {
      return {
        verdict: 'fail',
        message: `no service in ${files} mounts a ${params.named ? 'named volume' : 'named or bind volume'}`,
        evidence: selection.files.map((path) => ref(path)),
      };
    }
    const shown = mounted.map(({ service, volume }) => `${service.name} → ${volume.target}`);
    return {
      verdict: 'pass',
      message: `${mounted.length} persistent mount(s) in ${files}: ${listed(shown, 3)}`,
      evidence: mounted.map(({ volume }) => ref(volume.path, volume.line, volume.excerpt)),
    };
  },
  examples: {
    match: [
      'Docker volume mounts configured for persistence',
      'Docker volumes for persistent data',
      'Database data stored in named volumes (`docker-compose.yml`)',
    ],
    noMatch: [
      'Persistent volume claims for the database',
      'Database backups automated (daily)',
      'Volume of logs reduced',
      'Docker Compose for local development',
    ],
    verdicts: [
      {
        files: {
          'docker-compose.yml':
            'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
        },
        item: 'Docker volumes for persistent data',
        verdict: 'pass',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' },
        item: 'Docker volumes for persistent data',
        verdict: 'fail',
      },
    ],
  },
};

function isPersistent(kind: string, named: boolean): boolean {
  return named ? kind === 'named' : kind === 'named' || kind === 'bind' || kind === 'unresolved';
}

function persistent(service: ServiceView, named: boolean): boolean {
  return service.volumes.some((volume) => isPersistent(volume.kind, named));
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}

function judgeMount(mount: NonNullable<Params['mount']>, services: ServiceView[], files: string[]): Finding {
  const all = services.flatMap((service) => service.volumes.map((volume) => ({ service, volume })));
  const exact = all.find(
    ({ volume }) =>
      volume.source !== undefined &&
      normalise(volume.source) === normalise(mount.source) &&
      normalise(volume.target) === normalise(mount.target),
  );
  if (exact) {
    return {
      verdict: 'pass',
      message: `service ${exact.service.name} mounts ${mount.source} at ${mount.target} (${at(exact.volume.path, exact.volume.line)})`,
      evidence: [ref(exact.volume.path, exact.volume.line, exact.volume.excerpt)],
    };
  }
  const sameTarget = all.find(({ volume }) => normalise(volume.target) === normalise(mount.target));
  const found = sameTarget
    ? `; ${sameTarget.service.name} mounts ${sameTarget.volume.source ?? 'an anonymous volume'} there (${at(sameTarget.volume.path, sameTarget.volume.line)})`
    : '';
  return {
    verdict: 'fail',
    message: `no service in ${files} mounts ${mount.written}${found}`,
    evidence: sameTarget
      ? [ref(sameTarget.volume.path, sameTarget.volume.line, sameTarget.volume.excerpt)]
      : [],
  };
}
