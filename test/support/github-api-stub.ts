// A local stand-in for api.github.com. Every request is checked against GitHub's own OpenAPI
// description (method, path template, path and query parameters, JSON body) so a test fails
// on any call the real API would reject, even when our scripted response would have let it pass.
// Behind the validation sits a tiny in-memory GitHub (comments, check runs, reactions, pulls,
// collaborator permissions) so publishers can run against it unmodified.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// Limits GitHub enforces that the description does not spell out as schema keywords.
const MAX_COMMENT_BODY = 65_536;
const MAX_PER_PAGE = 100;

type Json = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

interface Operation {
  method: string;
  template: string;
  operationId: string;
  pointer: string;
  segments: string[];
  parameters: OpenApiParameter[];
  parameterPointers: Map<string, string>;
  hasJsonBody: boolean;
  bodyRequired: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Json>>;
  components: { parameters: Record<string, OpenApiParameter> };
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface StubResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A fault on the wire rather than in GitHub's answer. `reset: 'before-headers'` closes the
 * connection without answering or acting. `reset: 'mid-body'` acts (a comment is created), sends
 * the headers and half the body, then closes the connection: the client cannot know it succeeded.
 * `delayMs` holds the answer that long, then acts and answers, unless the client hung up first.
 */
export interface WireFault {
  reset?: 'before-headers' | 'mid-body';
  delayMs?: number;
}

export type Handler = (
  request: RecordedRequest,
  stub: GitHubApiStub,
) => StubResponse | undefined | Promise<StubResponse | undefined>;

export interface StubComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
  userType: 'User' | 'Bot';
}

export interface StubCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output: { title?: string; summary?: string; text?: string };
  annotations: Json[];
  updates: number;
  external_id?: string;
}

export interface StubPull {
  number: number;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** owner/name of the head repository; differs from the base repository for fork PRs. */
  headRepo?: string;
  /** ISO 8601; answered as `updated_at` when set. */
  updatedAt?: string;
}

let loaded: { operations: Operation[]; bodyAjv: Ajv; paramAjv: Ajv } | undefined;

/** Loads the description once per test file; validators compile lazily, per operation. */
function loadDescription() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as Json[] | undefined) ?? [];
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const pointer = `#/paths/${escapePointer(template)}/${method}`;
      const parameters: OpenApiParameter[] = [];
      const parameterPointers = new Map<string, string>();
      const own = (raw.parameters as Json[] | undefined) ?? [];
      [...shared, ...own].forEach((entry, index) => {
        const ref = entry.$ref as string | undefined;
        const parameter = ref
          ? document.components.parameters[ref.replace('#/components/parameters/', '')]
          : (entry as unknown as OpenApiParameter);
        if (!parameter) return;
        parameters.push(parameter);
        const ownIndex = index - shared.length;
        parameterPointers.set(
          parameter.name,
          ref ? `${ref}/schema` : ownIndex >= 0 ? `${pointer}/parameters/${ownIndex}/schema` : '',
        );
      });
      const body = raw.requestBody as Json | undefined;
      const content = body?.content as Json | undefined;
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: raw.operationId as string,
        pointer,
        segments: template.split('/').slice(1),
        parameters,
        parameterPointers,
        hasJsonBody: Boolean(content?.['application/json']),
        bodyRequired: body?.required === true,
      });
    }
  }
  const schemaDocument = { $id: 'api', paths: document.paths, components: document.components };
  const options = { strict: false, allErrors: true, validateSchema: false, validateFormats: true } as const;
  const bodyAjv = addFormats(new Ajv(options));
  bodyAjv.addSchema(schemaDocument);
  const paramAjv = addFormats(new Ajv({ ...options, coerceTypes: true }));
  paramAjv.addSchema(schemaDocument);
  loaded = { operations, bodyAjv, paramAjv };
  return loaded;
}

function escapePointer(text: string): string {
  return text.replaceAll('~', '~0').replaceAll('/', '~1');
}

function findOperation(operations: Operation[], method: string, path: string) {
  const segments = path.split('/').slice(1).map(decodeURIComponent);
  let best: { operation: Operation; params: Record<string, string>; literals: number } | undefined;
  for (const operation of operations) {
    if (operation.method !== method || operation.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = operation.segments.every((segment, index) => {
      const actual = segments[index] ?? '';
      const param = /^\{(.+)\}$/.exec(segment);
      if (param?.[1]) {
        params[param[1]] = actual;
        return actual !== '';
      }
      literals++;
      return segment === actual;
    });
    if (matches && (!best || literals > best.literals)) best = { operation, params, literals };
  }
  return best;
}

export class GitHubApiStub {
  readonly requests: RecordedRequest[] = [];
  readonly problems: string[] = [];
  readonly comments: StubComment[] = [];
  readonly checkRuns: StubCheckRun[] = [];
  readonly reactions: { commentId: number; content: string }[] = [];
  readonly pulls = new Map<number, StubPull>();
  readonly permissions = new Map<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'>();
  /** The token's identity for GET /user; undefined answers 403 like an Actions GITHUB_TOKEN does. */
  viewer: { login: string; type: 'User' | 'Bot' } | undefined;
  url = '';
  private readonly handlers = new Map<string, Handler>();
  private readonly faults: { operationId: string; response: StubResponse | WireFault; remaining: number }[] =
    [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly validators = new Map<string, ValidateFunction>();
  private nextId = 1000;
  private server: Server | undefined;

  static async start(): Promise<GitHubApiStub> {
    const stub = new GitHubApiStub();
    loadDescription();
    stub.server = createServer((request, response) => {
      stub.handle(request, response).catch((error: unknown) => {
        stub.problems.push(`stub crashed on ${request.method} ${request.url}: ${String(error)}`);
        send(response, { status: 500, body: { message: 'stub crashed' } });
      });
    });
    await new Promise<void>((resolve) => stub.server?.listen(0, '127.0.0.1', resolve));
    const { port } = stub.server.address() as AddressInfo;
    stub.url = `http://127.0.0.1:${port}`;
    return stub;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** Replaces the in-memory behaviour of one operation. Returning undefined falls back to it. */
  on(operationId: string, handler: Handler): this {
    this.handlers.set(operationId, handler);
    return this;
  }

  off(operationId: string): this {
    this.handlers.delete(operationId);
    return this;
  }

  /** Answers the next `times` calls of an operation ('*' for any) with `response`, or breaks them on the wire. */
  failNext(operationId: string, response: StubResponse | WireFault, times = 1): this {
    this.faults.push({ operationId, response, remaining: times });
    return this;
  }

  /** Forgets recorded requests, pending faults and scripted handlers (not the simulated data). */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.handlers.clear();
  }

  requestsFor(operationId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.operationId === operationId);
  }

  /** Throws when any request was one the API description does not allow. */
  assertNoProblems(): void {
    if (this.problems.length > 0) {
      throw new Error(`GitHub API stub saw invalid requests:\n${this.problems.join('\n')}`);
    }
  }

  addComment(
    issueNumber: number,
    body: string,
    login: string,
    userType: 'User' | 'Bot' = 'User',
  ): StubComment {
    const comment = { id: this.nextId++, issueNumber, body, login, userType };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number): StubComment[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { operations } = loadDescription();
    const url = new URL(request.url ?? '/', this.url);
    // GitHub Enterprise Server serves the same API under /api/v3 (Probot's GHE_HOST points there).
    url.pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
    const method = request.method ?? 'GET';
    const rawBody = await readBody(request);
    // GitHub Enterprise Server serves the same API under /api/v3 (Probot's GHE_HOST).
    const found = findOperation(operations, method, url.pathname.replace(/^\/api\/v3(?=\/)/, ''));
    if (!found) {
      this.problems.push(`${method} ${url.pathname}: no such operation in the GitHub API description`);
      send(response, { status: 404, body: { message: 'Not Found' } });
      return;
    }
    const { operation, params } = found;
    const query = Object.fromEntries(url.searchParams);
    let body: unknown;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        this.problems.push(`${operation.operationId}: body is not JSON`);
      }
    }
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      operationId: operation.operationId,
      params,
      query,
      body,
      headers: request.headers,
    };
    this.requests.push(recorded);
    const problems = this.validate(operation, recorded);
    if (problems.length > 0) {
      this.problems.push(...problems.map((problem) => `${operation.operationId}: ${problem}`));
      send(response, { status: 422, body: { message: 'Validation Failed', errors: problems } });
      return;
    }
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.operationId === operation.operationId || candidate.operationId === '*'),
    );
    if (fault) fault.remaining--;
    const wire = fault && !('status' in fault.response) ? fault.response : undefined;
    if (fault && !wire) {
      send(response, fault.response as StubResponse);
      return;
    }
    if (wire?.reset === 'before-headers') {
      response.socket?.destroy();
      return;
    }
    if (wire?.delayMs !== undefined) {
      await this.sleep(wire.delayMs);
      if (response.destroyed || response.socket?.destroyed !== false) return;
    }
    const scripted = await this.handlers.get(operation.operationId)?.(recorded, this);
    const reply = scripted ?? this.simulate(recorded);
    if (wire?.reset === 'mid-body') sendHalf(response, reply);
    else send(response, reply);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private validate(operation: Operation, request: RecordedRequest): string[] {
    const { bodyAjv, paramAjv } = loadDescription();
    const problems: string[] = [];
    const known = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of Object.keys(request.query)) {
      if (!known.has(name)) problems.push(`unknown query parameter "${name}"`);
    }
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const value = parameter.in === 'path' ? request.params[parameter.name] : request.query[parameter.name];
      if (value === undefined) {
        if (parameter.required) problems.push(`missing ${parameter.in} parameter "${parameter.name}"`);
        continue;
      }
      const pointer = operation.parameterPointers.get(parameter.name);
      if (!pointer) continue;
      const validate = this.compile(paramAjv, `param:${pointer}`, `api${pointer}`);
      if (!validate(value)) {
        problems.push(
          `${parameter.in} parameter "${parameter.name}"=${value}: ${paramAjv.errorsText(validate.errors)}`,
        );
      }
    }
    if (request.query.per_page !== undefined && Number(request.query.per_page) > MAX_PER_PAGE) {
      problems.push(`per_page ${request.query.per_page} exceeds ${MAX_PER_PAGE}`);
    }
    if (operation.hasJsonBody) {
      if (request.body === undefined) {
        if (operation.bodyRequired) problems.push('missing JSON body');
      } else {
        const pointer = `${operation.pointer}/requestBody/content/application~1json/schema`;
        const validate = this.compile(bodyAjv, `body:${pointer}`, `api${pointer}`);
        if (!validate(request.body)) problems.push(`body: ${bodyAjv.errorsText(validate.errors)}`);
      }
    } else if (request.body !== undefined) {
      problems.push('body sent to an operation that takes none');
    }
    const commentBody = (request.body as Json | undefined)?.body;
    if (operation.operationId.startsWith('issues/') && typeof commentBody === 'string') {
      if (commentBody.length > MAX_COMMENT_BODY) {
        problems.push(`comment body has ${commentBody.length} characters; GitHub allows ${MAX_COMMENT_BODY}`);
      }
    }
    return problems;
  }

  private compile(ajv: Ajv, key: string, ref: string): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** The in-memory GitHub behind the validation. */
  private simulate(request: RecordedRequest): StubResponse {
    const { params, query } = request;
    const body = (request.body ?? {}) as Json;
    const repoUrl = `https://github.com/${params.owner}/${params.repo}`;
    const commentJson = (comment: StubComment) => ({
      id: comment.id,
      body: comment.body,
      html_url: `${repoUrl}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      user: { login: comment.login, type: comment.userType },
    });
    const checkRunJson = (run: StubCheckRun) => ({
      id: run.id,
      name: run.name,
      head_sha: run.head_sha,
      status: run.status,
      conclusion: run.conclusion ?? null,
      external_id: run.external_id ?? null,
      html_url: `${repoUrl}/runs/${run.id}`,
    });
    switch (request.operationId) {
      case 'users/get-authenticated':
        return this.viewer
          ? { status: 200, body: { login: this.viewer.login, type: this.viewer.type, id: 1 } }
          : { status: 403, body: { message: 'Resource not accessible by integration' } };
      case 'issues/list-comments': {
        const all = this.commentsOn(Number(params.issue_number));
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        const lastPage = Math.max(1, Math.ceil(all.length / perPage));
        const links: string[] = [];
        const pageUrl = (n: number) => {
          const next = new URL(request.path, this.url);
          next.searchParams.set('per_page', String(perPage));
          next.searchParams.set('page', String(n));
          return next.toString();
        };
        if (page < lastPage)
          links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
        if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(page - 1)}>; rel="prev"`);
        return {
          status: 200,
          headers: links.length > 0 ? { link: links.join(', ') } : {},
          body: all.slice((page - 1) * perPage, page * perPage).map(commentJson),
        };
      }
      case 'issues/create-comment': {
        const login = this.viewer?.login ?? 'github-actions[bot]';
        const comment = this.addComment(Number(params.issue_number), String(body.body), login, 'Bot');
        return { status: 201, body: commentJson(comment) };
      }
      case 'issues/update-comment': {
        const comment = this.comments.find((candidate) => candidate.id === Number(params.comment_id));
        if (!comment) return notFound();
        comment.body = String(body.body);
        return { status: 200, body: commentJson(comment) };
      }
      case 'issues/delete-comment': {
        const index = this.comments.findIndex((candidate) => candidate.id === Number(params.comment_id));
        if (index < 0) return notFound();
        this.comments.splice(index, 1);
        return { status: 204 };
      }
      case 'checks/create': {
        const output = (body.output ?? {}) as Json;
        const run: StubCheckRun = {
          id: this.nextId++,
          name: String(body.name),
          head_sha: String(body.head_sha),
          status: body.conclusion ? 'completed' : String(body.status ?? 'queued'),
          conclusion: body.conclusion as string | undefined,
          output: {
            title: output.title as string,
            summary: output.summary as string,
            text: output.text as string,
          },
          annotations: [...((output.annotations as Json[] | undefined) ?? [])],
          updates: 0,
          ...(typeof body.external_id === 'string' ? { external_id: body.external_id } : {}),
        };
        this.checkRuns.push(run);
        return { status: 201, body: checkRunJson(run) };
      }
      case 'checks/list-for-ref': {
        // Newest first, as GitHub lists them; a ref here is always a commit SHA.
        const runs = this.checkRuns
          .filter((run) => run.head_sha === params.ref)
          .filter((run) => query.check_name === undefined || run.name === query.check_name)
          .reverse();
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        return {
          status: 200,
          body: {
            total_count: runs.length,
            check_runs: runs.slice((page - 1) * perPage, page * perPage).map(checkRunJson),
          },
        };
      }
      case 'checks/update': {
        const run = this.checkRuns.find((candidate) => candidate.id === Number(params.check_run_id));
        if (!run) return notFound();
        const output = body.output as Json | undefined;
        if (output) {
          run.output = {
            title: output.title as string,
            summary: output.summary as string,
            text: output.text as string,
          };
          run.annotations.push(...((output.annotations as Json[] | undefined) ?? []));
        }
        if (body.conclusion) {
          run.conclusion = String(body.conclusion);
          run.status = 'completed';
        }
        run.updates++;
        return { status: 200, body: checkRunJson(run) };
      }
      case 'reactions/create-for-issue-comment':
        this.reactions.push({ commentId: Number(params.comment_id), content: String(body.content) });
        return { status: 201, body: { id: this.nextId++, content: body.content } };
      case 'pulls/get': {
        const pull = this.pulls.get(Number(params.pull_number));
        if (!pull) return notFound();
        const fullName = `${params.owner}/${params.repo}`;
        return {
          status: 200,
          body: {
            number: pull.number,
            html_url: `${repoUrl}/pull/${pull.number}`,
            head: { sha: pull.headSha, ref: pull.headRef, repo: { full_name: pull.headRepo ?? fullName } },
            base: { sha: pull.baseSha, ref: pull.baseRef, repo: { full_name: fullName } },
            ...(pull.updatedAt ? { updated_at: pull.updatedAt } : {}),
          },
        };
      }
      case 'repos/get-collaborator-permission-level': {
        const permission = this.permissions.get(String(params.username));
        if (!permission) return notFound();
        return { status: 200, body: { permission, role_name: permission, user: { login: params.username } } };
      }
      default:
        this.problems.push(
          `${request.operationId}: valid, but the stub has no behaviour for it (script it with on())`,
        );
        return { status: 501, body: { message: 'not simulated' } };
    }
  }
}

function notFound(): StubResponse {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

/** GitHub names every answer with an id; Octokit's request log prints it. */
let requestCount = 0;
function requestId(): string {
  requestCount += 1;
  return `STUB:${requestCount.toString(16).toUpperCase().padStart(8, '0')}`;
}

function send(response: ServerResponse, reply: StubResponse): void {
  const headers: Record<string, string> = { 'x-github-request-id': requestId(), ...reply.headers };
  if (reply.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  response.writeHead(reply.status, headers);
  response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}

/** Headers promising the whole body, half of it, then a dropped connection. */
function sendHalf(response: ServerResponse, reply: StubResponse): void {
  const body = Buffer.from(JSON.stringify(reply.body ?? {}));
  response.writeHead(reply.status, {
    'x-github-request-id': requestId(),
    ...reply.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.length),
  });
  response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
