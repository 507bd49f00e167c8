// Components a project integrates through a client library: datastores, caches, brokers,
// protocols, policy and secret engines. Named tools that live outside the code (SaaS accounts,
// dashboards) are not here: the repository cannot show them.

export interface Technology {
  id: string;
  /** Name shown in messages. */
  name: string;
  /** How an item names it; case matters where the word is also ordinary English (Vault, NATS). */
  mention: RegExp;
  /**
   * Lowercase strings whose absence from every file outside documentation shows the project
   * does not use it: its name and those of its usual clients. Broad on purpose: a stray match
   * only makes the verdict `unknown`, a missing one would make it a false alarm.
   */
  traces: string[];
}

export const TECHNOLOGIES: readonly Technology[] = [
  {
    id: 'redis',
    name: 'Redis',
    mention: /\bRedis\b/i,
    traces: [
      'redis',
      'ioredis',
      'aioredis',
      'redigo',
      'redix',
      'jedis',
      'lettuce',
      'predis',
      'valkey',
      'upstash',
      'keydb',
    ],
  },
  {
    id: 'memcached',
    name: 'Memcached',
    mention: /\bMemcached?\b/i,
    traces: ['memcache', 'memcached', 'pymemcache', 'gomemcache', 'dalli', 'pylibmc'],
  },
  {
    id: 'kafka',
    name: 'Kafka',
    mention: /\bKafka\b/i,
    traces: ['kafka', 'kafkajs', 'confluent', 'sarama', 'redpanda'],
  },
  {
    id: 'rabbitmq',
    name: 'RabbitMQ',
    mention: /\bRabbitMQ\b|\bAMQP\b/i,
    traces: ['rabbit', 'rabbitmq', 'rabbitbroker', 'amqp', 'amqplib', 'pika', 'bunny', 'lapin'],
  },
  { id: 'nats', name: 'NATS', mention: /\bNATS\b/, traces: ['nats'] },
  { id: 'mqtt', name: 'MQTT', mention: /\bMQTT\b/i, traces: ['mqtt', 'paho', 'mosquitto'] },
  {
    id: 'graphql',
    name: 'GraphQL',
    mention: /\bGraphQL\b/i,
    traces: ['graphql', 'gql', 'gqlgen', 'graphene', 'apollo', 'absinthe'],
  },
  {
    id: 'grpc',
    name: 'gRPC',
    mention: /\bgRPC\b/i,
    traces: ['grpc', 'grpcio', 'protobuf', '.proto', 'tonic'],
  },
  { id: 'vault', name: 'HashiCorp Vault', mention: /\b(?:HashiCorp\s+)?Vault\b/, traces: ['vault', 'hvac'] },
  {
    id: 'opa',
    name: 'Open Policy Agent',
    mention: /\bOPA\b|\bOpen Policy Agent\b/,
    traces: ['open-policy-agent', 'openpolicyagent', 'opa', 'rego'],
  },
  {
    id: 'elasticsearch',
    name: 'Elasticsearch',
    mention: /\bElastic ?search\b|\bOpenSearch\b/i,
    traces: ['elastic', 'elasticsearch', 'opensearch'],
  },
  {
    id: 'mongodb',
    name: 'MongoDB',
    mention: /\bMongo(?:DB)?\b/i,
    traces: ['mongo', 'mongodb', 'mongoose', 'mongoid', 'pymongo'],
  },
  {
    id: 'postgresql',
    name: 'PostgreSQL',
    mention: /\bPostgres(?:QL)?\b/i,
    traces: [
      'postgres',
      'postgresql',
      'postgrex',
      'psycopg',
      'psycopg2',
      'asyncpg',
      'npgsql',
      'pgx',
      'pg8000',
      "'pg'",
      '"pg"',
    ],
  },
  {
    id: 'mysql',
    name: 'MySQL',
    mention: /\bMySQL\b|\bMariaDB\b/i,
    traces: ['mysql', 'mysql2', 'pymysql', 'mysqlclient', 'mariadb'],
  },
  { id: 'sqlite', name: 'SQLite', mention: /\bSQLite\d?\b/i, traces: ['sqlite', 'sqlite3', 'aiosqlite'] },
  {
    id: 'cassandra',
    name: 'Cassandra',
    mention: /\bCassandra\b|\bScyllaDB\b/i,
    traces: ['cassandra', 'scylla', 'gocql'],
  },
  { id: 'clickhouse', name: 'ClickHouse', mention: /\bClickHouse\b/i, traces: ['clickhouse'] },
  { id: 'neo4j', name: 'Neo4j', mention: /\bNeo4j\b/i, traces: ['neo4j'] },
  { id: 'influxdb', name: 'InfluxDB', mention: /\bInfluxDB\b/i, traces: ['influx', 'influxdb'] },
  { id: 'celery', name: 'Celery', mention: /\bCelery\b/i, traces: ['celery'] },
  { id: 'sidekiq', name: 'Sidekiq', mention: /\bSidekiq\b/i, traces: ['sidekiq'] },
  { id: 'bullmq', name: 'BullMQ', mention: /\bBullMQ\b/i, traces: ['bull', 'bullmq'] },
  { id: 'keycloak', name: 'Keycloak', mention: /\bKeycloak\b/i, traces: ['keycloak'] },
];
