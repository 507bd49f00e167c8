import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  SKIPPED_KIND
} from "./chunk-ACFAP3QR.js";
import {
  NOT_THIS_PROJECT,
  VENDORED_OR_GENERATED,
  anyLiteral,
  inFolders
} from "./chunk-OD44H7IY.js";
import {
  MAX_ALIASES,
  loadYaml,
  parseYamlStream,
  require_dist
} from "./chunk-NFAWFCN6.js";
import {
  require_picomatch
} from "./chunk-NIWGLF44.js";
import {
  __toESM
} from "./chunk-LGCBDMQP.js";

// src/core/collectors/workflows.ts
var import_yaml = __toESM(require_dist(), 1);

// src/core/formats/makefile.ts
var MAX_RULE_LINE = 5e3;
var RULE_LINE = /^([^\t#:=][^:=]*?)\s*::?(?![=])(.*)$/;
var ASSIGNMENT = /^[\w.-]+\s*(?:\?|:|::|\+|!)?=/;
var PLAIN_NAME = /^[A-Za-z0-9_./%-]+$/;
var OPEN = /^-?include\s|^[^\t#=%$\n]*[%$][^=\n]*::?(?!=)/m;
function parseMakefile(text3) {
  const makefile = { targets: /* @__PURE__ */ new Map(), declared: [], open: OPEN.test(text3) };
  let current;
  const lines = text3.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const first3 = lines[index];
    const lineNumber = index + 1;
    let line = first3;
    while (line.endsWith("\\") && index + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++index]}`;
    if (line.startsWith("	")) {
      if (current) current.recipe += `${line.trim().replace(/^[@+-]+/, "")}
`;
      continue;
    }
    const rule = line.length > MAX_RULE_LINE || ASSIGNMENT.test(line) ? null : RULE_LINE.exec(line);
    if (!rule) {
      if (line.trim() && !line.startsWith("#")) current = void 0;
      continue;
    }
    const head = (rule[1] ?? "").trim();
    const rest = rule[2] ?? "";
    const names2 = head.split(/\s+/);
    const excerpt2 = first3.trim().slice(0, 160);
    const listed3 = head.startsWith(".PHONY") ? rest.split(/\s+/) : names2;
    for (const name of listed3)
      if (name && !name.startsWith(".") && !/[$%()]/.test(name))
        makefile.declared.push({ name, line: lineNumber, excerpt: excerpt2 });
    if (/^\s/.test(first3) || !names2.every((name) => PLAIN_NAME.test(name))) {
      current = void 0;
      continue;
    }
    current = { prerequisites: (rest.split(/[;#]/)[0] ?? "").split(/\s+/).filter(Boolean), recipe: "" };
    for (const name of names2) {
      makefile.targets.set(name, current);
      if (!makefile.first && !name.startsWith(".") && !name.includes("%")) makefile.first = name;
    }
  }
  return makefile;
}

// src/core/formats/package-json.ts
function parsePackageJson(text3) {
  let parsed;
  try {
    parsed = JSON.parse(text3.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { problem: `not valid JSON (${error instanceof Error ? error.message : "parse error"})` };
  }
  const isObject3 = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
  return { manifest: isObject3 ? parsed : {} };
}

// src/core/formats/paths.ts
function folderOf(path2) {
  const slash = path2.lastIndexOf("/");
  return slash < 0 ? "" : path2.slice(0, slash);
}
function baseName(path2) {
  return path2.slice(path2.lastIndexOf("/") + 1);
}
function joinPath(base, relative) {
  const parts = [];
  for (const part of `${base}/${relative}`.split("/")) {
    if (part === "..") parts.pop();
    else if (part && part !== ".") parts.push(part);
  }
  return parts.join("/");
}

// src/core/formats/shell-commands.ts
function emptyClassification() {
  return { kinds: [], scanners: [], opaque: false };
}
function merge(into, from) {
  into.kinds.push(...from.kinds);
  into.scanners.push(...from.scanners);
  into.opaque ||= from.opaque;
}
var CHORE = /(^|[:_./-])(format|fmt|prettier|clean|docs?|codegen|generate|gen|install|setup|bootstrap|prepare|postinstall|changelog|version|serve|start|dev|watch)([:_./-]|$)/i;
function splitCommands(script) {
  return script.replace(/\$\{\{[^}]*\}\}/g, "$EXPR").replace(/\\\r?\n/g, " ").split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, "")).flatMap((line) => line.split(/&&|\|\||;|\|/)).map((command) => command.trim().replace(/["']/g, "").split(/\s+/).filter(Boolean)).filter((tokens) => tokens.length > 0);
}
var PACKAGE_MANAGERS = /* @__PURE__ */ new Set(["npm", "yarn", "pnpm", "bun"]);
var PM_BUILTINS = /* @__PURE__ */ new Set([
  "install",
  "i",
  "ci",
  "add",
  "remove",
  "exec",
  "dlx",
  "x",
  "audit",
  "publish",
  "config",
  "set",
  "version",
  "pack",
  "link",
  "init",
  "create",
  "cache",
  "why",
  "list",
  "ls",
  "outdated",
  "update",
  "upgrade",
  "rebuild",
  "prune",
  "dedupe",
  "workspaces",
  "workspace",
  "npm",
  "import",
  "setup",
  "env"
]);
function packageScriptName(tokens) {
  const rest = stripPrefixes(tokens);
  const manager = rest[0];
  if (!manager || !PACKAGE_MANAGERS.has(manager)) return void 0;
  const args = withoutFlags(rest.slice(1));
  const first3 = args[0];
  if (!first3) return void 0;
  if (first3 === "run" || first3 === "run-script") return args[1];
  if (first3 === "t" || first3 === "tst") return "test";
  if (manager === "bun" && first3 === "test") return void 0;
  if (manager === "npm" && !["test", "start", "stop", "restart"].includes(first3)) return void 0;
  if (PM_BUILTINS.has(first3)) return void 0;
  return first3;
}
function withoutFlags(args) {
  const kept = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("-")) {
      if (/^(--filter|-F|--prefix|-C|--cwd|-w|--workspace|--dir)$/.test(arg)) i++;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}
var WRAPPERS = /* @__PURE__ */ new Set(["sudo", "time", "env", "exec", "command", "xvfb-run", "nohup"]);
function stripPrefixes(tokens) {
  let rest = tokens;
  for (; ; ) {
    const head = rest[0];
    const next = rest[1];
    if (head === void 0) return rest;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(head) || WRAPPERS.has(head)) rest = rest.slice(1);
    else if (head === "npx" || head === "bunx") rest = runnerArgs(rest.slice(1));
    else if (["pnpm", "yarn", "npm"].includes(head) && (next === "exec" || next === "dlx"))
      rest = runnerArgs(rest.slice(2));
    else if (["poetry", "uv", "pipenv", "hatch", "pdm", "rye"].includes(head) && next === "run")
      rest = runnerArgs(rest.slice(2));
    else if (head === "uvx" || head === "pipx")
      rest = runnerArgs(rest.slice(head === "pipx" && next === "run" ? 2 : 1));
    else if (head === "bundle" && next === "exec") rest = rest.slice(2);
    else if (head === "go" && next === "run" && rest[2] && /^[\w.-]+\.[\w-]+\/[^\s@]+(@\S+)?$/.test(rest[2]))
      rest = [rest[2].replace(/@.*$/, "").split("/").pop(), ...rest.slice(3)];
    else if (/^python[0-9.]*$/.test(head) && next === "-m") rest = rest.slice(2);
    else if (head.includes("node_modules/.bin/"))
      rest = [head.slice(head.lastIndexOf("/") + 1), ...rest.slice(1)];
    else return rest;
  }
}
var RUNNER_VALUE_FLAGS = /* @__PURE__ */ new Set([
  "--group",
  "--with",
  "--python",
  "-p",
  "--package",
  "--extra",
  "--env-file",
  "--from",
  "--project",
  "--directory",
  "--spec"
]);
function runnerArgs(args) {
  let index = 0;
  while (index < args.length && args[index].startsWith("-")) {
    index += RUNNER_VALUE_FLAGS.has(args[index]) ? 2 : 1;
  }
  return args.slice(index);
}
var TOOLS = [
  {
    head: /^(vitest|jest|mocha|ava|tap|karma|jasmine|pytest|py\.test|rspec|phpunit|ctest)$/,
    kinds: ["test"]
  },
  { head: /^(playwright|cypress)$/, sub: /^(test|run)$/, kinds: ["test"] },
  // Compiled toolchains build the code before they test it.
  { head: /^(go|mix|cargo|dotnet|swift|zig)$/, sub: /^test$/, kinds: ["test", "build"] },
  { head: /^(deno|bun|flutter|dart|rails|rake)$/, sub: /^test$/, kinds: ["test"] },
  { head: /^richgo$/, sub: /^test$/, kinds: ["test", "build"] },
  { head: /^gotestsum$/, kinds: ["test", "build"] },
  { head: /^cargo$/, sub: /^nextest$/, kinds: ["test"] },
  {
    head: /^(mvn|mvnw|\.\/mvnw)$/,
    sub: /^(test|verify|install|integration-test)$/,
    kinds: ["test", "build"]
  },
  { head: /^(mvn|mvnw|\.\/mvnw)$/, sub: /^(package|compile)$/, kinds: ["build"] },
  { head: /^(gradle|gradlew|\.\/gradlew)$/, sub: /^:?(.*:)?(test|check|integrationTest)$/, kinds: ["test"] },
  { head: /^(gradle|gradlew|\.\/gradlew)$/, sub: /^:?(.*:)?build$/, kinds: ["build", "test"] },
  { head: /^(gradle|gradlew|\.\/gradlew)$/, sub: /^:?(.*:)?(assemble|compile.*)$/, kinds: ["build"] },
  {
    head: /^(eslint|biome|oxlint|xo|standard|stylelint|ruff|flake8|pylint|golangci-lint|staticcheck|rubocop|standardrb|hadolint|shellcheck|actionlint|ktlint|detekt|swiftlint|phpcs|phpstan|tflint|markdownlint|markdownlint-cli2|yamllint)$/,
    kinds: ["lint"]
  },
  { head: /^go$/, sub: /^vet$/, kinds: ["lint"] },
  // Format checks fail the build on unformatted code; checklists call that linting too.
  {
    head: /^(prettier|black|isort|shfmt|rustfmt)$/,
    flag: /(^|\s)(--check|-c|--list-different|-l|-d|--diff)(\s|$)/,
    kinds: ["lint"]
  },
  { head: /^mix$/, sub: /^format$/, flag: /--check-formatted/, kinds: ["lint"] },
  { head: /^(cargo|terraform|tofu)$/, sub: /^fmt$/, flag: /(^|\s)-?-check(\s|$)/, kinds: ["lint"] },
  { head: /^gofmt$/, flag: /(^|\s)-[ld](\s|$)/, kinds: ["lint"] },
  { head: /^dotnet$/, sub: /^format$/, flag: /--verify-no-changes/, kinds: ["lint"] },
  { head: /^mix$/, sub: /^credo$/, kinds: ["lint"] },
  { head: /^cargo$/, sub: /^clippy$/, kinds: ["lint"] },
  { head: /^deno$/, sub: /^lint$/, kinds: ["lint"] },
  { head: /^pre-commit$/, sub: /^run$/, kinds: ["lint"] },
  { head: /^(tsc|vue-tsc|mypy|pyright|basedpyright|pytype|dialyzer|svelte-check)$/, kinds: ["typecheck"] },
  { head: /^mix$/, sub: /^dialyzer$/, kinds: ["typecheck"] },
  { head: /^(deno|astro)$/, sub: /^check$/, kinds: ["typecheck"] },
  { head: /^flow$/, sub: /^check$/, kinds: ["typecheck"] },
  { head: /^docker$/, sub: /^(build|buildx)$/, kinds: ["build"] },
  { head: /^(docker-compose|podman|buildah)$/, sub: /^(build|bud)$/, kinds: ["build"] },
  { head: /^(go|cargo|swift|dotnet|zig|bazel|bazelisk)$/, sub: /^build$/, kinds: ["build"] },
  { head: /^dotnet$/, sub: /^publish$/, kinds: ["build"] },
  { head: /^mix$/, sub: /^(compile|release|escript\.build)$/, kinds: ["build"] },
  { head: /^(vite|next|nuxt|astro|remix|ng|flutter)$/, sub: /^build$/, kinds: ["build"] },
  { head: /^(webpack|rollup|esbuild|tsup|parcel)$/, kinds: ["build"] },
  { head: /^(poetry|hatch|uv|pdm)$/, sub: /^build$/, kinds: ["build"] },
  { head: /^build$/, kinds: ["build"] },
  { head: /^(npm|yarn|pnpm)$/, sub: /^audit$/, kinds: ["security"], scanner: "npm audit" },
  { head: /^(audit-ci|better-npm-audit)$/, kinds: ["security"], scanner: "npm audit" },
  { head: /^pip-audit$/, kinds: ["security"], scanner: "pip-audit" },
  { head: /^safety$/, sub: /^(check|scan)$/, kinds: ["security"], scanner: "Safety" },
  { head: /^bandit$/, kinds: ["security"], scanner: "Bandit" },
  { head: /^govulncheck$/, kinds: ["security"], scanner: "govulncheck" },
  { head: /^osv-scanner$/, kinds: ["security"], scanner: "OSV-Scanner" },
  { head: /^trivy$/, kinds: ["security"], scanner: "Trivy" },
  { head: /^grype$/, kinds: ["security"], scanner: "Grype" },
  { head: /^snyk$/, sub: /^(test|monitor|code|container|iac)$/, kinds: ["security"], scanner: "Snyk" },
  { head: /^semgrep$/, kinds: ["security"], scanner: "Semgrep" },
  { head: /^gitleaks$/, kinds: ["security"], scanner: "gitleaks" },
  { head: /^trufflehog$/, kinds: ["security"], scanner: "TruffleHog" },
  { head: /^secretlint$/, kinds: ["security"], scanner: "secretlint" },
  { head: /^detect-secrets(-hook)?$/, kinds: ["security"], scanner: "detect-secrets" },
  { head: /^ggshield$/, kinds: ["security"], scanner: "GitGuardian" },
  { head: /^cargo$/, sub: /^(audit|deny)$/, kinds: ["security"], scanner: "cargo audit" },
  { head: /^(bundle-audit|bundler-audit)$/, kinds: ["security"], scanner: "bundler-audit" },
  { head: /^bundle$/, sub: /^audit$/, kinds: ["security"], scanner: "bundler-audit" },
  { head: /^brakeman$/, kinds: ["security"], scanner: "Brakeman" },
  { head: /^mix$/, sub: /^(deps\.audit|sobelow|hex\.audit)$/, kinds: ["security"], scanner: "mix audit" },
  { head: /^(checkov|tfsec|kics)$/, kinds: ["security"], scanner: "Checkov" },
  { head: /^dependency-check(\.sh)?$/, kinds: ["security"], scanner: "OWASP Dependency-Check" },
  { head: /^kubectl$/, sub: /^(apply|set|rollout|replace|create)$/, kinds: ["deploy"] },
  { head: /^helm$/, sub: /^(upgrade|install)$/, kinds: ["deploy"] },
  { head: /^helmfile$/, sub: /^(apply|sync)$/, kinds: ["deploy"] },
  { head: /^(terraform|tofu)$/, sub: /^apply$/, kinds: ["deploy"] },
  { head: /^pulumi$/, sub: /^up$/, kinds: ["deploy"] },
  {
    head: /^(flyctl|fly|firebase|serverless|sls|cdk|sam|wrangler|netlify|railway|eb)$/,
    sub: /^deploy$/,
    kinds: ["deploy"]
  },
  { head: /^vercel$/, kinds: ["deploy"] },
  { head: /^gcloud$/, sub: /^(run|app|functions|builds)$/, kinds: ["deploy"] },
  { head: /^aws$/, sub: /^(ecs|lambda|deploy|elasticbeanstalk|cloudformation)$/, kinds: ["deploy"] },
  { head: /^az$/, sub: /^(webapp|containerapp|functionapp)$/, kinds: ["deploy"] },
  {
    head: /^(npm|yarn|pnpm|cargo|poetry|twine|gem|flit)$/,
    sub: /^(publish|upload|push)$/,
    kinds: ["deploy"]
  },
  { head: /^mix$/, sub: /^hex\.publish$/, kinds: ["deploy"] },
  { head: /^docker$/, sub: /^push$/, kinds: ["deploy"] },
  { head: /^(semantic-release|goreleaser|release-it)$/, kinds: ["deploy"] },
  { head: /^changeset$/, sub: /^publish$/, kinds: ["deploy"] },
  { head: /^gh$/, sub: /^release$/, kinds: ["deploy"] }
];
function classifyTokens(tokens, insideAction = false) {
  const found2 = emptyClassification();
  const rest = stripPrefixes(tokens);
  let head = rest[0];
  if (!head) return found2;
  let args = withoutFlags(rest.slice(1));
  if (head === "docker" && args[0] === "compose") {
    head = "docker-compose";
    args = args.slice(1);
  }
  if ((head === "docker" || head === "docker-compose") && (args[0] === "run" || args[0] === "exec")) {
    return classifyInsideContainer(rest);
  }
  const headName = head.startsWith("./") && !/^\.\/(mvnw|gradlew)$/.test(head) ? head : head.replace(/^.*\//, "").replace(/:.*$/, "");
  for (const tool of TOOLS) {
    if (!tool.head.test(headName)) continue;
    if (tool.sub && !tool.sub.test(args[0] ?? "")) continue;
    if (tool.flag && !tool.flag.test(rest.slice(1).join(" "))) continue;
    found2.kinds.push(...tool.kinds);
    if (tool.scanner) found2.scanners.push(tool.scanner);
    return found2;
  }
  if (headName === "tox" || headName === "nox") return classifyTestEnvironments(rest.slice(1));
  if (head.startsWith("$")) {
    const kinds = kindsFromScriptName(args[0] ?? "");
    if (kinds.length) found2.kinds.push(...kinds);
    else found2.opaque = true;
    return found2;
  }
  if (/^(make|just|task|mage|invoke|rake|gmake)$/.test(headName)) {
    const targets = args.filter((arg) => !arg.includes("="));
    const kinds = targets.length ? targets.flatMap(kindsFromScriptName) : ["build"];
    if (kinds.length) found2.kinds.push(...kinds);
    else found2.opaque = !targets.every((target) => CHORE.test(target));
    return found2;
  }
  if (isLocalScript(head, args)) {
    const script = head === "bash" || head === "sh" || head === "zsh" ? args[0] : head;
    const scriptName = script.replace(/^.*\//, "").replace(/\.[a-z]+$/, "");
    const kinds = kindsFromScriptName(scriptName);
    if (kinds.length) found2.kinds.push(...kinds);
    else found2.opaque = !CHORE.test(scriptName);
    return found2;
  }
  if (insideAction && /^(npm|yarn|pnpm)$/.test(head)) found2.opaque = true;
  return found2;
}
function classifyTestEnvironments(args) {
  const found2 = emptyClassification();
  const flag = args.findIndex((arg) => arg === "-e" || arg === "-s" || arg === "--session" || arg === "-m");
  const named = flag >= 0 ? (args[flag + 1] ?? "").split(",").filter(Boolean) : [];
  if (!named.length) {
    found2.kinds.push("test");
    return found2;
  }
  for (const environment of named) {
    const kinds = /^(py|pypy)\d/.test(environment) ? ["test"] : kindsFromScriptName(environment);
    found2.kinds.push(...kinds);
  }
  return found2;
}
function isLocalScript(head, args) {
  if (/^(bash|sh|zsh)$/.test(head)) return args[0] !== void 0 && !args[0].startsWith("-");
  return head.startsWith("./") || head.startsWith("scripts/") || head.startsWith("bin/");
}
function classifyInsideContainer(tokens) {
  for (let start = 2; start < tokens.length; start++) {
    const inner = classifyTokens(tokens.slice(start));
    if (inner.kinds.length || inner.scanners.length) return { ...inner, opaque: false };
  }
  return emptyClassification();
}
function kindsFromScriptName(name) {
  const lower = name.toLowerCase();
  const part = (words) => new RegExp(`(^|[:_./-])(${words})([:_./-]|$)`).test(lower);
  const kinds = [];
  if (part("test|tests|spec|specs|e2e|unit|integration|coverage|cov|vitest|jest|pytest") || /(^|[:_./-])(unit|rich|go|ci|py|all|full|int)tests?([:_./-]|$)/.test(lower))
    kinds.push("test");
  if (part("lint|eslint|biome|stylelint|ruff|credo|clippy")) kinds.push("lint");
  if (part("typecheck|type-check|typing|typescript|types|tsc|check-types|mypy|pyright|dialyzer"))
    kinds.push("typecheck");
  if (part("build|compile|bundle|dist")) kinds.push("build");
  if (part("audit|security|snyk|vulncheck")) kinds.push("security");
  if (part("deploy|release|publish|ship")) kinds.push("deploy");
  return kinds;
}

// src/core/collectors/workflows/known-actions.ts
var KNOWN_ACTIONS = [
  { prefix: "github/codeql-action/analyze", kinds: ["security"], scanner: "CodeQL" },
  { prefix: "github/codeql-action/init", kinds: ["security"], scanner: "CodeQL" },
  { prefix: "aquasecurity/trivy-action", kinds: ["security"], scanner: "Trivy" },
  { prefix: "aquasecurity/setup-trivy", kinds: [] },
  { prefix: "gitleaks/gitleaks-action", kinds: ["security"], scanner: "gitleaks" },
  { prefix: "zricethezav/gitleaks-action", kinds: ["security"], scanner: "gitleaks" },
  { prefix: "trufflesecurity/trufflehog", kinds: ["security"], scanner: "TruffleHog" },
  { prefix: "gitguardian/ggshield", kinds: ["security"], scanner: "GitGuardian" },
  { prefix: "secretlint/", kinds: ["security"], scanner: "secretlint" },
  { prefix: "returntocorp/semgrep-action", kinds: ["security"], scanner: "Semgrep" },
  { prefix: "semgrep/semgrep-action", kinds: ["security"], scanner: "Semgrep" },
  { prefix: "snyk/actions", kinds: ["security"], scanner: "Snyk" },
  { prefix: "actions/dependency-review-action", kinds: ["security"], scanner: "dependency review" },
  { prefix: "anchore/scan-action", kinds: ["security"], scanner: "Grype" },
  { prefix: "anchore/sbom-action", kinds: [] },
  { prefix: "ossf/scorecard-action", kinds: ["security"], scanner: "OpenSSF Scorecard" },
  { prefix: "google/osv-scanner-action", kinds: ["security"], scanner: "OSV-Scanner" },
  { prefix: "golang/govulncheck-action", kinds: ["security"], scanner: "govulncheck" },
  { prefix: "pypa/gh-action-pip-audit", kinds: ["security"], scanner: "pip-audit" },
  { prefix: "bridgecrewio/checkov-action", kinds: ["security"], scanner: "Checkov" },
  { prefix: "aquasecurity/tfsec", kinds: ["security"], scanner: "tfsec" },
  { prefix: "docker/scout-action", kinds: ["security"], scanner: "Docker Scout" },
  { prefix: "sonarsource/sonarcloud-github-action", kinds: ["lint"] },
  { prefix: "sonarsource/sonarqube-scan-action", kinds: ["lint"] },
  { prefix: "golangci/golangci-lint-action", kinds: ["lint"] },
  { prefix: "actions-rs/clippy-check", kinds: ["lint"] },
  { prefix: "super-linter/super-linter", kinds: ["lint"] },
  { prefix: "github/super-linter", kinds: ["lint"] },
  { prefix: "astral-sh/ruff-action", kinds: ["lint"] },
  { prefix: "chartboost/ruff-action", kinds: ["lint"] },
  { prefix: "reviewdog/", kinds: ["lint"] },
  { prefix: "hadolint/hadolint-action", kinds: ["lint"] },
  { prefix: "ludeeus/action-shellcheck", kinds: ["lint"] },
  { prefix: "wearerequired/lint-action", kinds: ["lint"] },
  { prefix: "pre-commit/action", kinds: ["lint"] },
  { prefix: "jakebailey/pyright-action", kinds: ["typecheck"] },
  { prefix: "cypress-io/github-action", kinds: ["test"] },
  { prefix: "docker/build-push-action", kinds: ["build"] },
  { prefix: "redhat-actions/buildah-build", kinds: ["build"] },
  { prefix: "goreleaser/goreleaser-action", kinds: ["build", "deploy"] },
  { prefix: "softprops/action-gh-release", kinds: ["deploy"] },
  { prefix: "actions/create-release", kinds: ["deploy"] },
  { prefix: "ncipollo/release-action", kinds: ["deploy"] },
  { prefix: "googleapis/release-please-action", kinds: ["deploy"] },
  { prefix: "google-github-actions/release-please-action", kinds: ["deploy"] },
  { prefix: "changesets/action", kinds: ["deploy"] },
  { prefix: "cycjimmy/semantic-release-action", kinds: ["deploy"] },
  { prefix: "js-devtools/npm-publish", kinds: ["deploy"] },
  { prefix: "pypa/gh-action-pypi-publish", kinds: ["deploy"] },
  { prefix: "actions/deploy-pages", kinds: ["deploy"] },
  { prefix: "peaceiris/actions-gh-pages", kinds: ["deploy"] },
  { prefix: "jamesives/github-pages-deploy-action", kinds: ["deploy"] },
  { prefix: "aws-actions/amazon-ecs-deploy-task-definition", kinds: ["deploy"] },
  { prefix: "azure/webapps-deploy", kinds: ["deploy"] },
  { prefix: "azure/k8s-deploy", kinds: ["deploy"] },
  { prefix: "azure/functions-action", kinds: ["deploy"] },
  { prefix: "google-github-actions/deploy-cloudrun", kinds: ["deploy"] },
  { prefix: "google-github-actions/deploy-appengine", kinds: ["deploy"] },
  { prefix: "superfly/flyctl-actions", kinds: ["deploy"] },
  { prefix: "amondnet/vercel-action", kinds: ["deploy"] },
  { prefix: "cloudflare/wrangler-action", kinds: ["deploy"] },
  { prefix: "cloudflare/pages-action", kinds: ["deploy"] },
  { prefix: "nwtgck/actions-netlify", kinds: ["deploy"] },
  { prefix: "akhileshns/heroku-deploy", kinds: ["deploy"] },
  { prefix: "appleboy/ssh-action", kinds: [] }
];

// src/core/collectors/workflows.ts
var WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
var OTHER_CI = [
  /^\.gitlab-ci\.ya?ml$/,
  /^\.circleci\/config\.ya?ml$/,
  /(^|\/)Jenkinsfile$/,
  /^azure-pipelines\.ya?ml$/,
  /^\.azure-pipelines\//,
  /^\.travis\.ya?ml$/,
  /^bitbucket-pipelines\.ya?ml$/,
  /^\.buildkite\//,
  /^\.drone\.ya?ml$/,
  /^\.woodpecker(\.ya?ml|\/)/,
  /^appveyor\.ya?ml$/,
  /^cloudbuild\.ya?ml$/,
  /^buildspec\.ya?ml$/,
  /^\.semaphore\//,
  /^\.tekton\//
];
var MAX_SCRIPT_DEPTH = 4;
var workflowsCollector = {
  id: "workflows",
  unparsable: (evidence2) => evidence2.unparsable.map((file) => ({ path: file.path, reason: file.error })),
  async collect(repo) {
    const evidence2 = {
      workflows: [],
      unparsable: [],
      otherCi: repo.files.filter((path2) => OTHER_CI.some((pattern) => pattern.test(path2)))
    };
    const scripts = new ScriptBook(repo);
    for (const path2 of repo.files.filter((file) => WORKFLOW_FILE.test(file))) {
      const text3 = await repo.read(path2);
      if (text3 === null) continue;
      const loaded = loadYaml(text3);
      if ("error" in loaded) {
        evidence2.unparsable.push({ path: path2, error: loaded.error });
        continue;
      }
      evidence2.workflows.push(await readWorkflow(path2, loaded, scripts));
    }
    return evidence2;
  }
};
function isDict(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function text(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function strings(value) {
  if (Array.isArray(value)) return value.map(text).filter((item) => item !== void 0);
  const single = text(value);
  return single === void 0 ? [] : [single];
}
async function readWorkflow(path2, loaded, scripts) {
  const root = isDict(loaded.value) ? loaded.value : {};
  const onKey = "on" in root ? "on" : "true" in root ? "true" : void 0;
  const triggers = onKey ? readTriggers(root[onKey], onKey, loaded) : [];
  const workflow = { path: path2, name: text(root.name), triggers, jobs: [] };
  const triggerTargets = targetsOfPathFilters(triggers);
  const defaultDir = workingDirectoryOf(root.defaults);
  const jobs = isDict(root.jobs) ? root.jobs : {};
  for (const [id, rawJob] of Object.entries(jobs)) {
    if (!isDict(rawJob)) continue;
    const job = {
      id,
      name: text(rawJob.name),
      line: loaded.lineOf(["jobs", id]) ?? 1,
      steps: [],
      uses: text(rawJob.uses),
      environment: text(isDict(rawJob.environment) ? rawJob.environment.name : rawJob.environment)
    };
    const jobDir = workingDirectoryOf(rawJob.defaults) ?? defaultDir;
    const rawSteps = Array.isArray(rawJob.steps) ? rawJob.steps : [];
    for (const [index, rawStep] of rawSteps.entries()) {
      if (!isDict(rawStep)) continue;
      const line = loaded.lineOf(["jobs", id, "steps", index]) ?? job.line;
      job.steps.push(await readStep(rawStep, line, jobDir, triggerTargets, scripts));
    }
    workflow.jobs.push(job);
  }
  return workflow;
}
function readTriggers(on, onKey, loaded) {
  const onLine = loaded.lineOf([onKey]) ?? 1;
  const bare = (event) => ({
    event,
    line: onLine,
    branches: [],
    branchesIgnore: [],
    tags: [],
    paths: [],
    pathsIgnore: []
  });
  if (typeof on === "string") return [bare(on)];
  if (Array.isArray(on)) return strings(on).map(bare);
  if (!isDict(on)) return [];
  return Object.entries(on).map(([event, filters]) => {
    const trigger = bare(event);
    trigger.line = lineOfKey(loaded, onKey, event) ?? onLine;
    if (isDict(filters)) {
      trigger.branches = strings(filters.branches);
      trigger.branchesIgnore = strings(filters["branches-ignore"]);
      trigger.tags = strings(filters.tags);
      trigger.paths = strings(filters.paths);
      trigger.pathsIgnore = strings(filters["paths-ignore"]);
    }
    return trigger;
  });
}
function lineOfKey(loaded, mapKey, key) {
  const map = loaded.doc.get(mapKey, true);
  if (!(0, import_yaml.isMap)(map)) return void 0;
  for (const pair of map.items) {
    if ((0, import_yaml.isScalar)(pair.key) && String(pair.key.value) === key && pair.key.range)
      return loaded.lineAt(pair.key.range[0]);
  }
  return void 0;
}
function workingDirectoryOf(defaults) {
  if (!isDict(defaults) || !isDict(defaults.run)) return void 0;
  return text(defaults.run["working-directory"]);
}
async function readStep(raw, line, jobDir, triggerTargets, scripts) {
  const withInputs = {};
  if (isDict(raw.with)) {
    for (const [key, value] of Object.entries(raw.with)) {
      const input = text(value);
      if (input !== void 0) withInputs[key] = input;
    }
  }
  const name = text(raw.name);
  const uses = text(raw.uses);
  const run = text(raw.run);
  const workingDirectory = text(raw["working-directory"]) ?? jobDir;
  const found2 = emptyClassification();
  if (uses?.startsWith("./")) merge(found2, await classifyLocalAction(uses, scripts));
  else if (uses) merge(found2, classifyAction(uses, withInputs));
  if (run) merge(found2, await classifyScript(run, scripts, literalDir(workingDirectory) ?? "", 0));
  if (found2.opaque && name) {
    const byName = kindsFromName(name);
    if (byName.length) {
      found2.kinds.push(...byName);
      found2.opaque = false;
    }
  }
  const targets = stepTargets(workingDirectory, run, withInputs) ?? triggerTargets;
  const label = name ?? uses ?? firstCommand(run ?? "") ?? "step";
  const step = {
    line,
    with: withInputs,
    kinds: [...new Set(found2.kinds)],
    scanners: [...new Set(found2.scanners)],
    opaque: found2.opaque,
    targets,
    label
  };
  const ignored = ignoredScanners(step.scanners, run, raw["continue-on-error"]);
  if (ignored.length) step.failureIgnored = ignored;
  if (name !== void 0) step.name = name;
  if (uses !== void 0) step.uses = uses;
  if (run !== void 0) step.run = run;
  if (workingDirectory !== void 0) step.workingDirectory = workingDirectory;
  return step;
}
var SWALLOWED = /\|\|\s*(?:true|:|exit\s+0)\s*(?:;\s*)?$/;
function ignoredScanners(scanners, run, continueOnError) {
  if (!scanners.length) return [];
  if (continueOnError === true || continueOnError === "true") return [...scanners];
  if (!run) return [];
  const lines = run.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  return scanners.filter((scanner) => {
    const running = lines.filter(
      (line) => splitCommands(line.replace(/\|\|.*$/, "")).some(
        (tokens) => classifyTokens(tokens).scanners.includes(scanner)
      )
    );
    return running.length > 0 && running.every((line) => SWALLOWED.test(line.trim()));
  });
}
function firstCommand(run) {
  const line = run.split("\n").map((part) => part.trim()).find((part) => part && !part.startsWith("#"));
  return line && line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
function literalDir(dir) {
  if (dir === void 0 || dir.includes("${{") || dir.includes("$")) return void 0;
  const clean = dir.trim().replace(/^\.\/+/, "").replace(/\/+$/, "");
  return clean === "." ? "" : clean;
}
function stepTargets(workingDirectory, run, withInputs) {
  const candidates2 = [
    literalDir(workingDirectory),
    literalDir(withInputs["working-directory"] ?? withInputs.working_directory ?? withInputs.context),
    run ? literalDir(/^\s*cd\s+([^\s;&|]+)/.exec(run)?.[1]) : void 0,
    run ? literalDir(/(?:--prefix|--cwd|\s-C)\s+([^\s;&|]+)/.exec(run)?.[1]) : void 0
  ];
  const dir = candidates2.find((candidate) => candidate !== void 0);
  if (dir === void 0) return void 0;
  return dir === "" ? [] : [dir];
}
function targetsOfPathFilters(triggers) {
  const folders = /* @__PURE__ */ new Set();
  for (const trigger of triggers) {
    for (const pattern of trigger.paths) {
      if (pattern.startsWith("!")) continue;
      const literal = pattern.replace(/^\.\//, "").split(/[*?[{]/)[0] ?? "";
      const folder = literal.includes("/") ? literal.slice(0, literal.lastIndexOf("/")) : "";
      if (folder === "" || folder.startsWith(".github")) return [];
      folders.add(folder);
    }
  }
  return [...folders];
}
var COMMAND_INPUTS = ["run", "command", "script", "cmd"];
function classifyAction(uses, withInputs) {
  const found2 = emptyClassification();
  const action = uses.toLowerCase().replace(/@.*$/, "");
  const known = KNOWN_ACTIONS.find((entry2) => action.startsWith(entry2.prefix));
  if (known) {
    found2.kinds.push(...known.kinds);
    if (known.scanner) found2.scanners.push(known.scanner);
    if (known.prefix === "aquasecurity/trivy-action" && withInputs["scan-type"] === "config")
      found2.kinds.push("lint");
    return found2;
  }
  if (/^gradle\/(gradle-build-action|actions\/setup-gradle)/.test(action) && withInputs.arguments) {
    merge(found2, classifyTokens(["gradle", ...withInputs.arguments.split(/\s+/)]));
  }
  for (const input of COMMAND_INPUTS) {
    const command = withInputs[input];
    if (command) for (const part of splitCommands(command)) merge(found2, classifyTokens(part, true));
  }
  return found2;
}
async function classifyLocalAction(uses, scripts) {
  const found2 = emptyClassification();
  const folder = joinPath("", uses);
  const source = await scripts.file(`${folder}/action.yml`) ?? await scripts.file(`${folder}/action.yaml`);
  const loaded = source === null ? void 0 : loadYaml(source);
  const runs = loaded && !("error" in loaded) && isDict(loaded.value) ? loaded.value.runs : void 0;
  if (!isDict(runs) || runs.using !== "composite" || !Array.isArray(runs.steps)) {
    found2.opaque = true;
    return found2;
  }
  for (const step of runs.steps) {
    if (!isDict(step)) continue;
    const run = text(step.run);
    const nested = text(step.uses);
    const inputs = {};
    if (isDict(step.with)) for (const [key, value] of Object.entries(step.with)) inputs[key] = String(value);
    if (run) merge(found2, await classifyScript(run, scripts, "", MAX_SCRIPT_DEPTH - 1));
    if (nested)
      merge(
        found2,
        nested.startsWith("./") ? { kinds: [], scanners: [], opaque: true } : classifyAction(nested, inputs)
      );
  }
  return found2;
}
function kindsFromName(name) {
  const lower = name.toLowerCase();
  if (/\b(set ?up|install|cache|upload|download|report|prepare|start)\b/.test(lower)) return [];
  const kinds = [];
  if (/\b(unit |integration |e2e |end-to-end )?tests?\b/.test(lower)) kinds.push("test");
  if (/\blint(ing|er)?\b/.test(lower)) kinds.push("lint");
  if (/\btype[- ]?check(ing)?\b/.test(lower)) kinds.push("typecheck");
  if (/\bdeploy/.test(lower)) kinds.push("deploy");
  return kinds;
}
async function classifyScript(script, scripts, directory, depth2) {
  const found2 = emptyClassification();
  for (const tokens of splitCommands(script)) {
    const packageScript = packageScriptName(tokens);
    if (packageScript !== void 0) {
      merge(found2, await classifyPackageScript(packageScript, scripts, directory, depth2));
      continue;
    }
    const local = depth2 < MAX_SCRIPT_DEPTH ? await classifyLocalCommand(tokens, scripts, directory, depth2) : void 0;
    merge(found2, local ?? classifyTokens(tokens));
  }
  return found2;
}
async function classifyLocalCommand(tokens, scripts, directory, depth2) {
  const rest = stripPrefixes(tokens);
  const head = rest[0] ?? "";
  const args = rest.slice(1);
  if (/^g?make$/.test(head)) {
    const dirFlag = args.indexOf("-C");
    const makeDir = dirFlag >= 0 ? joinPath(directory, args[dirFlag + 1] ?? "") : directory;
    const makefile = await scripts.makefile(makeDir);
    if (!makefile) return void 0;
    const named = withoutFlags(args).filter((arg) => !arg.includes("="));
    const goals = named.length ? named : makefile.first ? [makefile.first] : [];
    const found3 = emptyClassification();
    for (const goal of goals)
      merge(found3, await classifyMakeTarget(goal, makefile, scripts, makeDir, depth2 + 1));
    return found3;
  }
  if (!isLocalScript(head, args)) return void 0;
  const scriptPath = /^(bash|sh|zsh)$/.test(head) ? args[0] : head;
  const text3 = await scripts.file(joinPath(directory, scriptPath));
  if (text3 === null) return void 0;
  const found2 = await classifyScript(text3, scripts, directory, depth2 + 1);
  const byName = kindsFromScriptName(scriptPath.replace(/^.*\//, "").replace(/\.[a-z]+$/, ""));
  found2.kinds.push(...byName);
  return found2;
}
async function classifyMakeTarget(target, makefile, scripts, directory, depth2) {
  const found2 = emptyClassification();
  found2.kinds.push(...kindsFromScriptName(target));
  const rule = makefile.targets.get(target);
  if (!rule || depth2 > MAX_SCRIPT_DEPTH) {
    if (!found2.kinds.length && !CHORE.test(target)) found2.opaque = true;
    return found2;
  }
  for (const prerequisite of rule.prerequisites) {
    if (makefile.targets.has(prerequisite)) {
      merge(found2, await classifyMakeTarget(prerequisite, makefile, scripts, directory, depth2 + 1));
    }
  }
  const recipe = rule.recipe.replace(/^\$\((info|warning|error|eval)\b.*$/gm, "").replace(/\$\(MAKE\)|\$\{MAKE\}/g, "make");
  merge(found2, await classifyScript(recipe, scripts, directory, depth2));
  return found2;
}
async function classifyPackageScript(name, scripts, directory, depth2) {
  const found2 = emptyClassification();
  found2.kinds.push(...kindsFromScriptName(name));
  const body = depth2 < MAX_SCRIPT_DEPTH ? await scripts.body(directory, name) : void 0;
  if (body !== void 0) merge(found2, await classifyScript(body, scripts, directory, depth2 + 1));
  if (body === void 0 && name === "test") found2.kinds.push("test");
  if (!found2.kinds.length && !found2.scanners.length && !CHORE.test(name)) found2.opaque = true;
  return found2;
}
var ScriptBook = class {
  constructor(repo) {
    this.repo = repo;
  }
  repo;
  books = /* @__PURE__ */ new Map();
  makefiles = /* @__PURE__ */ new Map();
  /** A tracked file's text; untracked paths are not scripts anyone's CI checks out. */
  async file(path2) {
    return this.repo.has(path2) ? this.repo.read(path2) : null;
  }
  makefile(directory) {
    let pending = this.makefiles.get(directory);
    if (!pending) {
      const prefix = directory ? `${directory}/` : "";
      const path2 = ["GNUmakefile", "makefile", "Makefile"].map((name) => prefix + name).find((p) => this.repo.has(p));
      pending = path2 ? this.repo.read(path2).then((text3) => text3 === null ? void 0 : parseMakefile(text3)) : Promise.resolve(void 0);
      this.makefiles.set(directory, pending);
    }
    return pending;
  }
  async body(directory, name) {
    const local = await this.scripts(directory);
    if (name in local) return local[name];
    if (directory === "") return void 0;
    const root = await this.scripts("");
    return root[name];
  }
  scripts(directory) {
    let book = this.books.get(directory);
    if (!book) {
      book = this.load(directory ? `${directory}/package.json` : "package.json");
      this.books.set(directory, book);
    }
    return book;
  }
  async load(path2) {
    const source = await this.repo.read(path2);
    if (source === null) return {};
    const parsed = parsePackageJson(source);
    if ("problem" in parsed || !isDict(parsed.manifest.scripts)) return {};
    const scripts = {};
    for (const [name, body] of Object.entries(parsed.manifest.scripts))
      if (typeof body === "string") scripts[name] = body;
    return scripts;
  }
};

// src/core/rule.ts
function evalContext(store, scope) {
  return {
    scope,
    get: (collector) => store.get(collector),
    files: store.repo.files,
    has: (path2) => store.repo.has(path2),
    hasDir: (path2) => store.repo.hasDir(path2),
    named: (basename) => store.repo.named(basename)
  };
}
function claimText(item) {
  return item.details.length ? `${item.text}
${item.details.join("\n")}` : item.text;
}

// src/core/evidence.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var CONCURRENT_READS = 16;
async function createRepoView(reader, exclude = [], memo) {
  const excluded = exclude.length ? (0, import_picomatch.default)(exclude, { dot: true }) : null;
  const listed3 = await reader.listFiles();
  const files = excluded ? listed3.filter((file) => !excluded(file)) : listed3;
  const fileSet = new Set(files);
  const dirs = /* @__PURE__ */ new Set();
  for (const file of files) {
    let slash = file.lastIndexOf("/");
    while (slash > 0) {
      const dir = file.slice(0, slash);
      if (dirs.has(dir)) break;
      dirs.add(dir);
      slash = dir.lastIndexOf("/");
    }
  }
  const cache2 = /* @__PURE__ */ new Map();
  let byName;
  const perFile = memo ? remembered(memo) : async (_kind, path2, compute) => {
    const text3 = await read(path2);
    return text3 === null ? null : compute(text3);
  };
  return {
    named(basename) {
      if (!byName) {
        byName = /* @__PURE__ */ new Map();
        for (const file of files) {
          const name = file.slice(file.lastIndexOf("/") + 1);
          const list = byName.get(name);
          if (list) list.push(file);
          else byName.set(name, [file]);
        }
      }
      return byName.get(basename) ?? [];
    },
    revision: reader.revision,
    files,
    has: (path2) => fileSet.has(path2),
    hasDir: (path2) => dirs.has(path2.replace(/\/+$/, "")),
    read,
    perFile,
    perPath: (kind, path2, compute) => memo ? memo.perPath(kind, path2, compute) : compute(),
    async perFiles(kind, paths, compute) {
      const results = new Array(paths.length);
      const misses = [];
      for (let index = 0; index < paths.length; index++) {
        const path2 = paths[index];
        const id = memo ? reader.contentId?.(path2) : void 0;
        const known = id !== void 0 ? memo?.find(kind, path2, id) : void 0;
        if (known) {
          results[index] = known.value;
          if (known.value === null) replaySkip(path2, id);
        } else misses.push(index);
      }
      let next = 0;
      const worker = async () => {
        while (next < misses.length) {
          const index = misses[next++];
          const path2 = paths[index];
          results[index] = await perFile(kind, path2, (text3) => compute(text3, index));
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, misses.length) }, worker));
      return results;
    }
  };
  function remembered(memo2) {
    return async (kind, path2, compute) => {
      const before = reader.contentId?.(path2);
      if (before !== void 0) {
        const known2 = memo2.find(kind, path2, before);
        if (known2) {
          if (known2.value === null) replaySkip(path2, before);
          return known2.value;
        }
      }
      const text3 = await read(path2);
      const id = before ?? reader.contentId?.(path2);
      if (text3 === null) {
        if (id !== void 0) {
          const reason = reader.skipReason?.(path2);
          memo2.remember(kind, path2, id, void 0, null, reason !== void 0);
          if (reason !== void 0) memo2.remember(SKIPPED_KIND, path2, id, void 0, reason);
        }
        return null;
      }
      const known = memo2.find(kind, path2, id, text3);
      if (known) return known.value;
      const value = compute(text3);
      memo2.remember(kind, path2, id, text3, value);
      return value;
    };
  }
  function replaySkip(path2, id) {
    const reason = id !== void 0 ? memo?.find(SKIPPED_KIND, path2, id)?.value : void 0;
    if (typeof reason === "string") reader.noteSkipped?.(path2, reason);
  }
  function read(path2) {
    let pending = cache2.get(path2);
    if (!pending) {
      pending = reader.readFile(path2);
      cache2.set(path2, pending);
    }
    return pending;
  }
}
var EvidenceStore = class {
  constructor(repo, config) {
    this.repo = repo;
    this.config = config;
  }
  repo;
  config;
  results = /* @__PURE__ */ new Map();
  settled = /* @__PURE__ */ new Map();
  loaded = /* @__PURE__ */ new Set();
  async load(collectors) {
    await Promise.all([...collectors].map((collector) => this.collect(collector)));
  }
  /** A collector's result, its `needs` collected first (a cycle is impossible: it would be an import cycle). */
  collect(collector) {
    let result = this.results.get(collector.id);
    if (!result) {
      const needs = collector.needs ?? [];
      const facts = { get: (needed) => this.get(needed) };
      result = Promise.all(needs.map((needed) => this.collect(needed))).then(() => collector.collect(this.repo, this.config, facts)).then((value) => {
        this.settled.set(collector.id, value);
        return value;
      });
      this.results.set(collector.id, result);
    }
    this.loaded.add(collector);
    return result;
  }
  /** Files the loaded collectors could read but not parse, with the collector's reason. */
  unparsable() {
    const found2 = [];
    for (const collector of this.loaded) {
      for (const file of collector.unparsable?.(this.settled.get(collector.id)) ?? []) {
        found2.push({ path: file.path, reason: `not parsed as ${collector.id} evidence: ${file.reason}` });
      }
    }
    return found2;
  }
  /** Synchronous access for rules and collectors; every collector they need is loaded first. */
  get(collector) {
    if (!this.settled.has(collector.id)) {
      throw new Error(
        `collector "${collector.id}" was used by a rule or collector that did not list it in needs`
      );
    }
    return this.settled.get(collector.id);
  }
};
function scopeOf(checklistPath, files) {
  const slash = checklistPath.lastIndexOf("/");
  if (slash < 0) return "";
  let scope = checklistPath.slice(0, slash).replace(/(^|\/)(docs?|documentation|\.github)(\/.*)?$/i, "");
  if (!files || !scope || holdsProject(scope, files)) return scope;
  do {
    const up = scope.lastIndexOf("/");
    scope = up < 0 ? "" : scope.slice(0, up);
  } while (scope && (isNonProductionPath(`${scope}/`) || !holdsProject(scope, files)));
  return scope;
}
function holdsProject(scope, files) {
  return files.some((path2) => inScope(path2, scope) && !DOCUMENT.test(path2));
}
var DOCUMENT = /\.(md|markdown|mdx|txt|rst|adoc|pdf|png|jpe?g|gif|svg|webp|html?|csv|docx?|pptx?|xlsx?|out|log|prof)$|(^|\/)coverage[\w-]*$/i;
var NON_PRODUCTION = /(^|\/)(archive[sd]?|deprecated|old|legacy|examples?|samples?|demos?|sandbox|playground|fixtures?|testdata|kind|minikube|local|dev)(\/|$)/i;
function isNonProductionPath(path2) {
  return NON_PRODUCTION.test(path2);
}
function inScope(path2, scope) {
  return scope === "" || path2 === scope || path2.startsWith(`${scope}/`);
}
function firstForScope(found2, scope, keep = () => true) {
  const production = found2.filter(
    (item) => keep(item) && (!isNonProductionPath(item.path) || scope !== "" && inScope(item.path, scope))
  );
  return production.find((item) => inScope(item.path, scope)) ?? production[0];
}
function candidatePaths(path2, scope) {
  const clean = path2.replace(/^\.\//, "").replace(/\/+$/, "");
  return scope === "" ? [clean] : [`${scope}/${clean}`, clean];
}

// src/core/secrets/allowlist.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
var INLINE_ALLOW = /readiness-allow-secret:[ \t]*([^\n]*)/;
function inlineAllowReason(line) {
  const reason = INLINE_ALLOW.exec(line)?.[1]?.replace(/(?:-->|\*\/|%>|#\}|\}\})[ \t\r]*$/, "").trim();
  return reason ? reason : null;
}
var EMPTY_ALLOWLIST = { reasonFor: () => null, problems: [] };
function compileAllowlist(config) {
  const problems = [];
  const entries = [];
  for (const [index, entry2] of config.secrets.allow.entries()) {
    const path2 = entry2.path ? (0, import_picomatch2.default)(entry2.path, { dot: true }) : () => true;
    const value = valueMatcher(entry2.pattern);
    if (!value) {
      problems.push(
        `secrets.allow[${index}].pattern is not a valid regular expression; the entry is ignored`
      );
      continue;
    }
    entries.push({ path: path2, value, reason: entry2.reason });
  }
  return {
    problems,
    reasonFor(path2, kind, raw) {
      return entries.find((entry2) => entry2.path(path2) && entry2.value(raw, kind))?.reason ?? null;
    }
  };
}
function valueMatcher(pattern) {
  if (pattern === void 0) return () => true;
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (!regex) return (value, kind) => kind === pattern || value.includes(pattern);
  try {
    const compiled = new RegExp(regex[1], (regex[2] ?? "").replace(/[gy]/g, ""));
    return (value) => compiled.test(value);
  } catch {
    return null;
  }
}

// src/core/secrets/env-files.ts
var TEMPLATE_SUFFIX = /^(?:example|sample|template|tmpl|tpl|dist|defaults?|schema|skeleton|blank|editme)$/i;
function isEnvFile(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  const parts = name.split(".");
  if (name.startsWith(".env")) {
    if (parts[1] !== "env") return false;
    return !parts.slice(2).some((part) => TEMPLATE_SUFFIX.test(part));
  }
  return parts.length === 2 && parts[1] === "env" && /^[\w-]+$/.test(parts[0] ?? "") && !TEMPLATE_SUFFIX.test(parts[0] ?? "");
}
var ASSIGNMENT2 = /^[ \t]{0,8}(?:export[ \t]{1,8})?([A-Za-z_][A-Za-z0-9_.-]{0,127})[ \t]{0,8}=[ \t]{0,8}(.{0,4096})$/;
function envAssignments(text3) {
  const found2 = [];
  const lines = text3.split("\n");
  for (const [index, raw] of lines.entries()) {
    const match = ASSIGNMENT2.exec(raw.replace(/\r$/, ""));
    if (!match) continue;
    found2.push({ line: index + 1, key: match[1], value: unquote(match[2]) });
  }
  return found2;
}
function unquote(value) {
  const quote = value[0];
  if (quote === '"' || quote === "'" || quote === "`") {
    const end = value.indexOf(quote, 1);
    return end > 0 ? value.slice(1, end) : value.slice(1);
  }
  return value.replace(/[ \t]+#.*$/, "").trim();
}
var BLANK_OR_PLACEHOLDER = /^$|^(?:changeme|change[_-]?me|xxx+|\*+|todo|tbd|none|null|undefined|replace[_-]?me|secret|password|\.\.\.|…)$|^<.*>$|^\$\{?[A-Za-z_]|^\{\{.*\}\}$|your[_-]|example|dummy|placeholder/i;
function hasRealValue(value) {
  return !BLANK_OR_PLACEHOLDER.test(value.trim());
}
var SECRET_KEY_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CREDENTIALS?|KEY)(?:_|$)/i;
var PUBLIC_NAME = /PUBLIC|PUBLISHABLE|(?:^|_)ID$/i;
function isSecretEnvKey(key) {
  return SECRET_KEY_NAME.test(key) && !PUBLIC_NAME.test(key);
}

// src/core/secrets/k8s-secret.ts
var KIND_SECRET = /^kind:[ \t]{0,8}["']?Secret["']?[ \t]*(?:#.*)?$/m;
var SECTION = /^(data|stringData):[ \t]*(?:#.*)?$/;
var ENTRY = /^([ \t]{1,16})["']?([A-Za-z0-9_.-]{1,253})["']?:[ \t]{0,8}(.{0,8192})$/;
function mightHoldSecretManifest(text3) {
  return text3.includes("Secret") && KIND_SECRET.test(text3);
}
function secretDataValues(text3) {
  const values = [];
  const lines = text3.split("\n");
  let documentStart = 0;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    if (line === void 0 || /^---/.test(line)) {
      const document = lines.slice(documentStart, index);
      if (KIND_SECRET.test(document.join("\n"))) values.push(...documentValues(document, documentStart));
      documentStart = index + 1;
    }
  }
  return values;
}
function documentValues(lines, offset) {
  const values = [];
  let section = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (/^\S/.test(line)) {
      section = SECTION.exec(line)?.[1] ?? null;
      continue;
    }
    const entry2 = section ? ENTRY.exec(line) : null;
    if (!entry2) continue;
    const indent = entry2[1].length;
    let value = stripYamlScalar(entry2[3]);
    if (/^[|>][-+]?$/.test(value)) value = firstBlockLine(lines, index + 1, indent);
    values.push({ line: offset + index + 1, key: entry2[2], value, encoded: section === "data" });
  }
  return values;
}
function stripYamlScalar(raw) {
  const value = raw.replace(/[ \t]+#.*$/, "").trim();
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2)
    return value.slice(1, -1);
  return value;
}
function firstBlockLine(lines, from, indent) {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index];
    if (!line.trim()) continue;
    const lineIndent = line.length - line.trimStart().length;
    return lineIndent > indent ? line.trim() : "";
  }
  return "";
}
function decodeSecretData(value) {
  try {
    return atob(value);
  } catch {
    return null;
  }
}

// src/core/secrets/values.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count2 of counts.values()) {
    const p = count2 / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
var PLACEHOLDER_WORD = /example|dummy|fake|redacted|placeholder|sample|xxxx|your[_-]?|notreal|not[_-]a[_-]real|changeme/i;
var FREEFORM_PLACEHOLDER = /change[_-]?(?:me|this|it)|replace|todo|insert|test|mock|foobar|secret|password|passwd|token|pass(?:word)?123|123456|qwerty|letmein|default|none|null|undefined|^\*+$|\*{3,}|x{3,}|\.{3}|…/i;
var REFERENCE = /\$\{|\$\(|^\$[A-Za-z_]|\{\{|\}\}|<[^>]*>|%[sd(]|%\{|\{[0-9]?\}|^#\{|^@|^env\(|process\.env|os\.environ|getenv/i;
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var KNOWN_EXAMPLES = /* @__PURE__ */ new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  // Azurite / Azure Storage Emulator's fixed development account key (documented by Microsoft).
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
]);
function isKnownExample(value) {
  return KNOWN_EXAMPLES.has(value);
}
var REPEATED_RUN = /(.)\1{5}/;
function isPlaceholderToken(value, minEntropy) {
  return isKnownExample(value) || PLACEHOLDER_WORD.test(value) || REPEATED_RUN.test(value) || shannonEntropy(value) < minEntropy;
}
var THRESHOLDS = {
  // Passwords are short and human-made; keys and tokens are long and machine-made.
  password: { minLength: 8, minEntropy: 2.8 },
  key: { minLength: 16, minEntropy: 3.3 }
};
function looksLikeSecretValue(value, strength, options = {}) {
  const { minLength, minEntropy } = THRESHOLDS[strength];
  if (value.length < minLength || value.length > 512) return false;
  if (isKnownExample(value) || UUID.test(value)) return false;
  if (PLACEHOLDER_WORD.test(value) || FREEFORM_PLACEHOLDER.test(value) || REFERENCE.test(value)) return false;
  if (REPEATED_RUN.test(value)) return false;
  if (/^[A-Z][A-Z0-9_]*$/.test(value) || /^[a-z]+(?:[-_][a-z]+)*$/.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?$/.test(value)) return false;
  if (/^[./~]|:\/\/|\.(?:json|ya?ml|pem|key|crt|txt|env|js|ts|py|toml|ini|cfg)$/i.test(value)) return false;
  if (/^sha\d{1,3}-/i.test(value) || !options.hexIsSecret && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(value))
    return false;
  if (/[()[\]{};]/.test(value)) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
  const needed = strength === "key" ? /[0-9]/ : /[0-9]|[^A-Za-z0-9]/;
  if (classes < 2 || !needed.test(value)) return false;
  return shannonEntropy(value) >= minEntropy;
}

// src/core/secrets/patterns.ts
var KIND_LABELS = {
  "aws-access-key-id": "AWS access key id",
  "aws-secret-access-key": "AWS secret access key",
  "github-token": "GitHub token",
  "gitlab-token": "GitLab token",
  "slack-token": "Slack token",
  "slack-webhook": "Slack webhook URL",
  "stripe-live-key": "Stripe live key",
  "google-api-key": "Google API key",
  "private-key": "private key",
  "gcp-service-account-key": "GCP service account private key",
  "azure-storage-key": "Azure storage account key",
  "openai-api-key": "OpenAI API key",
  "anthropic-api-key": "Anthropic API key",
  "npm-token": "npm token",
  "pypi-token": "PyPI token",
  jwt: "JWT",
  "url-credentials": "password in URL",
  "secret-assignment": "secret assigned in code or config",
  "env-file-secret": "secret in .env file",
  "k8s-secret-data": "Kubernetes Secret data"
};
var secretOf = (match) => match.groups?.secret ?? match[0];
function token(minEntropy) {
  return ({ match }) => {
    const value = secretOf(match);
    return isPlaceholderToken(value, minEntropy) ? null : value;
  };
}
var PEM_BODY_LINE = /^[ \t]{0,8}([A-Za-z0-9+/=]{40,100})[ \t\r]{0,8}$/;
var PEM_HEADER_LINE = /^[ \t]{0,8}(?:Proc-Type|DEK-Info|Comment|Version):|^[ \t\r]{0,8}$/;
var ESCAPED_PEM_BODY = /^(?:\\r)?\\n([A-Za-z0-9+/=]{40,100})/;
function privateKeyBody({ match, line, following }) {
  const afterHeader = line.slice(match.index + match[0].length);
  const escaped = ESCAPED_PEM_BODY.exec(afterHeader);
  if (escaped?.[1]) return isPlaceholderToken(escaped[1], 3.5) ? null : escaped[1];
  const lines = following().split("\n", 6);
  for (const next of lines) {
    const body = PEM_BODY_LINE.exec(next);
    if (body?.[1]) return isPlaceholderToken(body[1], 3.5) ? null : body[1];
    if (!PEM_HEADER_LINE.test(next)) return null;
  }
  return null;
}
function decodeJsonSegment(segment) {
  try {
    const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
    const parsed = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    return parsed && typeof parsed === "object" ? parsed : null;
  } catch {
    return null;
  }
}
function signedJwt({ match }) {
  const [header, payload] = match[0].split(".", 2);
  const head = decodeJsonSegment(header ?? "");
  const body = decodeJsonSegment(payload ?? "");
  if (!head || typeof head.alg !== "string" || head.alg.toLowerCase() === "none" || !body) return null;
  if (body.role === "anon") return null;
  if (body.sub === "1234567890" && body.name === "John Doe") return null;
  return match[0];
}
var DEFAULT_DB_PASSWORDS = /* @__PURE__ */ new Set([
  "password",
  "pass",
  "postgres",
  "root",
  "admin",
  "secret",
  "guest",
  "mysql",
  "redis",
  "mongo",
  "test",
  "dev",
  "user",
  "pwd"
]);
var LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;
function urlPassword({ match }) {
  const { user = "", secret = "", host = "" } = match.groups ?? {};
  if (LOCAL_HOST.test(host) || host.endsWith(".example.com") || /^example\./i.test(host)) return null;
  if (secret === user || DEFAULT_DB_PASSWORDS.has(secret.toLowerCase())) return null;
  return looksLikeSecretValue(decodeURIComponentSafe(secret), "password") ? secret : null;
}
function decodeURIComponentSafe(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
var PASSWORD_NAME = /pass|pwd/i;
function secretAssignment({ match, line, configFile }) {
  const { name = "", quote = "", secret = "" } = match.groups ?? {};
  const end = match.index + match[0].length;
  if (quote ? line[end] !== quote : !configFile) return null;
  const strength = PASSWORD_NAME.test(name) ? "password" : "key";
  return looksLikeSecretValue(secret, strength) ? secret : null;
}
var SECRET_NAME = "password|passwd|passphrase|pwd|secret[_-]?key|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?";
var SECRET_PATTERNS = [
  {
    kind: "gcp-service-account-key",
    literals: ['"private_key"'],
    regex: /"private_key"[ \t]{0,8}:[ \t]{0,8}"-----BEGIN (?:RSA )?PRIVATE KEY-----/g,
    accept: privateKeyBody
  },
  {
    kind: "private-key",
    literals: ["private key"],
    regex: /-----BEGIN (?:(?:RSA|EC|OPENSSH|DSA|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
    accept: privateKeyBody
  },
  {
    kind: "aws-access-key-id",
    literals: ["akia", "asia"],
    hint: "(?:akia|asia)[a-z2-7]{16}",
    regex: /(?<![A-Za-z0-9/+])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9/+])/g,
    // A pre-signed URL carries a key id by design; the signature expires, the id alone grants nothing.
    accept: (candidate) => /X-Amz-Credential=$/i.test(
      candidate.line.slice(Math.max(0, candidate.match.index - 20), candidate.match.index)
    ) ? null : token(2.5)(candidate)
  },
  {
    kind: "aws-secret-access-key",
    literals: ["aws_secret", "aws-secret", "awssecret", "secretaccesskey", "secret_access_key"],
    regex: /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)["']?[ \t]{0,8}(?:=>|:=|=|:)[ \t]{0,8}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    accept: token(3.5)
  },
  {
    kind: "github-token",
    literals: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    regex: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{50,240})(?![A-Za-z0-9_])/g,
    accept: token(3.5)
  },
  {
    kind: "gitlab-token",
    literals: ["glpat-"],
    regex: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/g,
    accept: token(3.3)
  },
  {
    kind: "slack-token",
    literals: ["xox"],
    regex: /(?<![A-Za-z0-9])xox[abposr]-[0-9A-Za-z-]{10,250}(?![A-Za-z0-9-])/g,
    accept: token(3.3)
  },
  {
    kind: "slack-webhook",
    literals: ["hooks.slack.com"],
    regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9+/_-]{20,200})/g,
    accept: ({ match }) => {
      const path2 = secretOf(match);
      return /[A-Z]0{6,}|X{6,}/.test(path2) || isPlaceholderToken(path2, 3.3) ? null : path2;
    }
  },
  {
    kind: "stripe-live-key",
    literals: ["sk_live_", "rk_live_"],
    regex: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{20,247}(?![A-Za-z0-9_])/g,
    accept: token(3.5)
  },
  {
    kind: "google-api-key",
    literals: ["aiza"],
    regex: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
    accept: token(3.5)
  },
  {
    kind: "azure-storage-key",
    literals: ["accountkey="],
    regex: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/g,
    accept: token(4)
  },
  {
    kind: "anthropic-api-key",
    literals: ["sk-ant-"],
    hint: "(?<![a-z0-9_-])sk-ant-",
    regex: /(?<![A-Za-z0-9_-])sk-ant-[a-z]{3,8}[0-9]{2}-[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/g,
    accept: token(3.5)
  },
  {
    kind: "openai-api-key",
    literals: ["sk-"],
    hint: "(?<![a-z0-9_-])sk-(?:proj-|svcacct-|admin-|[a-z0-9]{20})",
    regex: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
    accept: token(3.5)
  },
  {
    kind: "npm-token",
    literals: ["npm_"],
    regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    accept: token(3.5)
  },
  {
    kind: "pypi-token",
    literals: ["pypi-ageic"],
    regex: /(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,400}/g,
    accept: token(3.5)
  },
  {
    kind: "jwt",
    literals: ["eyj"],
    hint: "eyj[a-z0-9_-]{10}",
    regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{16,1000}/g,
    accept: signedJwt
  },
  {
    kind: "url-credentials",
    literals: ["://"],
    hint: ":\\/\\/[^\\s/@:\"'`<>]{1,64}:[^\\s/@\"'`<>]{1,128}@",
    regex: /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/(?<user>[^\s:@/"'`<>]{1,64}):(?<secret>[^\s:@/"'`<>]{1,128})@(?<host>[A-Za-z0-9.-]{1,253}|\[[0-9a-fA-F:]{2,39}\])/gi,
    accept: urlPassword
  },
  {
    kind: "secret-assignment",
    literals: [
      "pass",
      "pwd",
      "secret",
      "token",
      "credential",
      ...["api", "access", "private", "auth", "signing", "encryption", "master"].flatMap(
        (word) => ["key", "_key", "-key"].map((suffix) => `${word}${suffix}`)
      )
    ],
    hint: `(?:${SECRET_NAME})["']?[ \\t]{0,8}[:=]`,
    regex: new RegExp(
      `(?<name>${SECRET_NAME})["']?[ \\t]{0,8}(?:=>|:=|=|:)[ \\t]{0,8}(?<quote>["'\`]?)(?<secret>[^\\s"'\`]{1,512})`,
      "gi"
    ),
    accept: secretAssignment
  }
];

// src/core/secrets/redact.ts
var MIN_LENGTH_FOR_PREFIX = 12;
var PREFIX_LENGTH = 4;
function redact(value) {
  const prefix = value.length >= MIN_LENGTH_FOR_PREFIX ? value.slice(0, PREFIX_LENGTH) : "";
  return `${prefix}\u2026(${value.length} chars)`;
}

// src/core/secrets/scanner.ts
var MAX_LINE_LENGTH = 4096;
var WINDOW_BEFORE = 256;
var WINDOW_AFTER = 1024;
var escapeLiteral = (literal) => literal.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
var PREFILTER = new RegExp(
  [...new Set(SECRET_PATTERNS.flatMap((pattern) => pattern.literals.map(escapeLiteral)))].join("|"),
  "gi"
);
var GATE = new RegExp(
  SECRET_PATTERNS.map((pattern) => pattern.hint ?? pattern.literals.map(escapeLiteral).join("|")).join("|"),
  "iy"
);
var SKIPPED_FILE = /\.min\.(?:js|mjs|cjs|css)$|\.(?:js|css)\.map$|\.map$/i;
var LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum|mix\.lock)$/;
var LOCKFILE_HASH_LINE = /integrity|checksum|sha(?:1|256|384|512)[-:]|"hash"|h1:/i;
var TEST_PATH = /(?:^|\/)(?:tests?|__tests__|specs?|fixtures?|__fixtures__|testdata|test-data|__mocks__|mocks?|e2e|cypress|playwright)\/|[._-](?:test|spec)\.[a-z]+$|_test\.go$|(?:^|\/)test_[^/]+\.py$/i;
var DOCS_PATH = /(?:^|\/)(?:docs?|documentation|examples?|samples?)\/|\.(?:md|mdx|markdown|rst|adoc|txt)$/i;
var VENDORED_PATH = inFolders([
  "node_modules",
  "vendor",
  "third_party",
  "bower_components",
  ".venv",
  "venv",
  "site-packages"
]);
var CONFIG_FILE = /\.(?:ya?ml|properties|ini|cfg|conf|toml|env)$|(?:^|\/)\.env[^/]*$|(?:^|\/)\.npmrc$/i;
function pathContext(path2) {
  if (VENDORED_PATH.test(path2)) return "vendored";
  if (TEST_PATH.test(path2)) return "test";
  if (DOCS_PATH.test(path2)) return "docs";
  return "code";
}
function isSkippedForSecrets(path2) {
  return SKIPPED_FILE.test(path2);
}
var Recorder = class {
  constructor(path2, allowlist) {
    this.path = path2;
    this.allowlist = allowlist;
    this.context = pathContext(path2);
  }
  path;
  allowlist;
  scan = { findings: [], allowed: [], longLines: 0 };
  linesWithFindings = /* @__PURE__ */ new Set();
  context;
  hasFindingOn(line) {
    return this.linesWithFindings.has(line);
  }
  /** A generic `password: …` match inside a Secret manifest is better named as Secret data. */
  relabel(line, from, to) {
    for (const finding of [...this.scan.findings, ...this.scan.allowed]) {
      if (finding.line === line && finding.kind === from) finding.kind = to;
    }
  }
  /** A hit on `line` of a file split into `lines`: the line and the one above may allow it. */
  recordLine(lines, line, kind, value) {
    this.record({ line, kind, value, lineText: lines[line - 1] ?? "", previousLine: lines[line - 2] ?? "" });
  }
  record(hit) {
    this.linesWithFindings.add(hit.line);
    const finding = {
      path: this.path,
      line: hit.line,
      kind: hit.kind,
      redacted: redact(hit.value),
      context: this.context
    };
    const reason = inlineAllowReason(hit.lineText) ?? inlineAllowReason(hit.previousLine) ?? this.allowlist.reasonFor(this.path, hit.kind, hit.value);
    if (reason) this.scan.allowed.push({ ...finding, reason });
    else this.scan.findings.push(finding);
  }
};
function scanFile(path2, text3, allowlist = EMPTY_ALLOWLIST) {
  const recorder = new Recorder(path2, allowlist);
  if (isSkippedForSecrets(path2)) return recorder.scan;
  const envFile = isEnvFile(path2);
  scanLines(text3, recorder, {
    configFile: envFile || CONFIG_FILE.test(path2),
    lockfile: LOCKFILE.test(path2),
    // In env files every assignment is read below with env-specific rules.
    skipKind: envFile ? "secret-assignment" : void 0
  });
  if (envFile) scanEnvFile(path2, text3, recorder);
  if (/\.ya?ml$/i.test(path2) && mightHoldSecretManifest(text3)) scanSecretManifest(text3, recorder);
  recorder.scan.findings.sort((a, b) => a.line - b.line);
  recorder.scan.allowed.sort((a, b) => a.line - b.line);
  return recorder.scan;
}
function scanLines(text3, recorder, options) {
  PREFILTER.lastIndex = 0;
  let lineNumber = 1;
  let countedTo = 0;
  let lastLongLine = -1;
  let hit = PREFILTER.exec(text3);
  while (hit) {
    GATE.lastIndex = hit.index;
    if (!GATE.test(text3)) {
      PREFILTER.lastIndex = hit.index + 1;
      hit = PREFILTER.exec(text3);
      continue;
    }
    const lineStart = text3.lastIndexOf("\n", hit.index - 1) + 1;
    let lineEnd = text3.indexOf("\n", hit.index);
    if (lineEnd < 0) lineEnd = text3.length;
    for (let at9 = text3.indexOf("\n", countedTo); at9 >= 0 && at9 < lineStart; at9 = text3.indexOf("\n", at9 + 1)) {
      lineNumber++;
    }
    countedTo = lineStart;
    let from = lineStart;
    let to = lineEnd;
    if (lineEnd - lineStart > MAX_LINE_LENGTH) {
      from = Math.max(lineStart, hit.index - WINDOW_BEFORE);
      to = Math.min(lineEnd, hit.index + WINDOW_AFTER);
      if (lineStart !== lastLongLine) recorder.scan.longLines++;
      lastLongLine = lineStart;
    }
    const line = text3.slice(from, to);
    if (!(options.lockfile && LOCKFILE_HASH_LINE.test(line))) {
      scanLine(text3, line, to, lineNumber, lineStart, recorder, options);
    }
    PREFILTER.lastIndex = to < lineEnd ? to : lineEnd + 1;
    hit = PREFILTER.exec(text3);
  }
}
function scanLine(text3, line, lineEnd, lineNumber, lineStart, recorder, options) {
  const lower = line.toLowerCase();
  const taken = [];
  const following = () => text3.slice(lineEnd + 1, lineEnd + 1025);
  for (const pattern of SECRET_PATTERNS) {
    if (pattern.kind === options.skipKind || !appliesTo(pattern, lower)) continue;
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(line); match; match = pattern.regex.exec(line)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from) || insideDataUri(line, start)) continue;
      taken.push([start, end]);
      const value = pattern.accept({ match, line, following, configFile: options.configFile });
      if (value === null) continue;
      const previous = previousLine(text3, lineStart);
      recorder.record({
        line: lineNumber,
        kind: pattern.kind,
        value,
        lineText: line,
        previousLine: previous
      });
    }
  }
}
function appliesTo(pattern, lowerLine) {
  for (const literal of pattern.literals) if (lowerLine.includes(literal)) return true;
  return false;
}
function previousLine(text3, lineStart) {
  if (lineStart === 0) return "";
  const start = text3.lastIndexOf("\n", lineStart - 2) + 1;
  return text3.slice(start, Math.min(lineStart - 1, start + MAX_LINE_LENGTH));
}
function insideDataUri(line, index) {
  const marker = line.lastIndexOf("base64,", index);
  if (marker < 0) return false;
  for (let at9 = marker + 7; at9 < index; at9++) {
    const code = line.charCodeAt(at9);
    const base64 = code >= 65 && code <= 90 || code >= 97 && code <= 122 || code >= 47 && code <= 57 || code === 43 || code === 61;
    if (!base64) return false;
  }
  return true;
}
function scanEnvFile(path2, text3, recorder) {
  const lines = text3.split("\n");
  const summary = { path: path2, assignments: 0, valued: [] };
  for (const { line, key, value } of envAssignments(text3)) {
    summary.assignments++;
    if (!hasRealValue(value)) continue;
    summary.valued.push({ line, key });
    if (recorder.hasFindingOn(line) || !isSecretEnvKey(key) || !looksLikeSecretValue(value, "password", { hexIsSecret: true }))
      continue;
    recorder.recordLine(lines, line, "env-file-secret", value);
  }
  recorder.scan.envFile = summary;
}
function scanSecretManifest(text3, recorder) {
  const lines = text3.split("\n");
  for (const { line, value, encoded } of secretDataValues(text3)) {
    if (recorder.hasFindingOn(line)) {
      recorder.relabel(line, "secret-assignment", "k8s-secret-data");
      continue;
    }
    const plain2 = encoded ? decodeSecretData(value) : value;
    if (plain2 === null || !hasRealValue(plain2) || !hasRealValue(value) || isUrlWithoutPassword(plain2))
      continue;
    recorder.recordLine(lines, line, "k8s-secret-data", value);
  }
}
function isUrlWithoutPassword(value) {
  return /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value) && !/:\/\/[^/@\s]{0,64}:[^/@\s]{1,128}@/.test(value);
}

// src/core/rules/ci/ci-evidence.ts
var CHANGE_EVENTS = /* @__PURE__ */ new Set(["push", "pull_request", "pull_request_target", "merge_group"]);
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function allSteps(evidence2) {
  const byPath = new Map(evidence2.workflows.map((workflow) => [workflow.path, workflow]));
  const hits = [];
  for (const workflow of evidence2.workflows) {
    for (const job of workflow.jobs) {
      for (const step of job.steps) hits.push({ workflow, job, step, triggers: workflow.triggers });
      const called = job.uses?.startsWith("./") ? byPath.get(job.uses.slice(2).replace(/@.*$/, "")) : void 0;
      if (!called) continue;
      for (const calledJob of called.jobs) {
        for (const step of calledJob.steps) {
          hits.push({ workflow: called, job: calledJob, step, triggers: workflow.triggers });
        }
      }
    }
  }
  return hits;
}
function byScope(hits, scope) {
  const scoped = { here: [], repoWide: [], elsewhere: [] };
  for (const hit of hits) {
    const { targets } = hit.step;
    if (targets.length === 0) scoped.repoWide.push(hit);
    else if (targets.some((target) => inScope(target, scope) || inScope(scope, target)))
      scoped.here.push(hit);
    else scoped.elsewhere.push(hit);
  }
  if (scope === "")
    return { here: [...scoped.here, ...scoped.repoWide, ...scoped.elsewhere], repoWide: [], elsewhere: [] };
  return scoped;
}
function preferScope(hits, scope) {
  const scoped = byScope(hits, scope);
  return scoped.here.length ? scoped.here : scoped.repoWide;
}
function runsOn(hit, events) {
  return hit.triggers.some((trigger) => events.has(trigger.event));
}
function describeTriggers(triggers) {
  if (!triggers.length) return "no trigger";
  return triggers.map((trigger) => {
    const filters = [...trigger.branches, ...trigger.tags.map((tag) => `tag ${tag}`)];
    const target = trigger.event === "push" || trigger.event === "pull_request" ? " to " : " on ";
    return filters.length ? `${trigger.event}${target}${filters.join(", ")}` : trigger.event;
  }).join("; ");
}
function stepRef(hit) {
  return { path: hit.workflow.path, line: hit.step.line, excerpt: excerpt(hit.step.label) };
}
function excerpt(label) {
  const single = label.replace(/\s+/g, " ").trim();
  const scan2 = scanFile(".github/workflows/step.yml", single);
  if (scan2.findings.length || scan2.allowed.length)
    return "(step text withheld: it looks like it holds a credential)";
  return single.length > 80 ? `${single.slice(0, 77)}...` : single;
}
function where(hit) {
  return `${hit.workflow.path}:${hit.step.line} (${excerpt(hit.step.label)})`;
}
function sample(hits, limit = 3) {
  const seen = /* @__PURE__ */ new Set();
  const first3 = hits.filter((hit) => !seen.has(hit.workflow.path) && seen.add(hit.workflow.path));
  return [...first3, ...hits.filter((hit) => !first3.includes(hit))].slice(0, limit);
}
function whyUndecidable(evidence2, hits) {
  const broken = evidence2.unparsable[0];
  if (broken) {
    return {
      message: `${broken.path} could not be parsed (${broken.error}); fix it so its steps can be read`,
      evidence: [{ path: broken.path }]
    };
  }
  const opaque = hits.filter((hit) => hit.step.opaque);
  if (opaque.length) {
    const shown2 = sample(opaque, 2);
    return {
      message: `cannot see what ${shown2.map(where).join(" and ")} run${shown2.length > 1 ? "" : "s"}; name the step or call the tool directly`,
      evidence: shown2.map(stepRef)
    };
  }
  const remote = evidence2.workflows.flatMap(
    (workflow) => workflow.jobs.filter((job) => job.uses && !job.uses.startsWith("./")).map((job) => ({ workflow, job }))
  );
  const firstRemote = remote[0];
  if (firstRemote) {
    return {
      message: `job ${firstRemote.job.id} in ${firstRemote.workflow.path} calls ${firstRemote.job.uses}, which lives in another repository`,
      evidence: [{ path: firstRemote.workflow.path, line: firstRemote.job.line }]
    };
  }
  const other = evidence2.otherCi[0];
  if (other) {
    return {
      message: `CI may be configured in ${other}, which this check does not read`,
      evidence: [{ path: other }]
    };
  }
  return void 0;
}
function lookedAt(evidence2) {
  return evidence2.workflows.length ? evidence2.workflows.slice(0, 5).map((workflow) => ({ path: workflow.path })) : [{ path: ".github/workflows" }];
}
function workflowCount(evidence2) {
  const count2 = evidence2.workflows.length;
  return `${count2} workflow${count2 === 1 ? "" : "s"} in .github/workflows`;
}
var KIND_WORDS = {
  test: "runs tests",
  lint: "runs a linter",
  typecheck: "type-checks",
  build: "builds",
  security: "runs a security scanner",
  deploy: "deploys or releases"
};
function judgeKind(evidence2, scope, claim) {
  const word = claim.what ?? KIND_WORDS[claim.kind];
  const all = allSteps(evidence2);
  const ofKind = all.filter((hit) => hit.step.kinds.includes(claim.kind) && (claim.only?.(hit.step) ?? true));
  const relevant = preferScope(ofKind, scope);
  const triggered = relevant.filter((hit) => runsOn(hit, claim.events));
  const scopeWords = scope ? ` for ${scope}` : "";
  if (triggered.length) {
    const shown2 = sample(triggered);
    const first3 = shown2[0];
    return {
      verdict: "pass",
      message: `${first3.workflow.path} ${word}${scopeWords} on ${describeTriggers(first3.triggers)}: ${shown2.map(where).join(", ")}`,
      evidence: shown2.map(stepRef)
    };
  }
  if (relevant.length) return wrongTriggers(relevant, claim, word);
  const elsewhere = byScope(ofKind, scope).elsewhere;
  if (elsewhere.length) {
    const shown2 = sample(elsewhere);
    const folders = [...new Set(shown2.flatMap((hit) => hit.step.targets))].join(", ");
    return {
      verdict: "fail",
      message: `CI ${word} only for ${folders} (${shown2.map(where).join(", ")}), not for ${scope}`,
      evidence: shown2.map(stepRef)
    };
  }
  const undecidable = whyUndecidable(evidence2, all);
  if (undecidable) {
    return {
      verdict: "unknown",
      message: `no workflow step visibly ${word}; ${undecidable.message}`,
      evidence: undecidable.evidence
    };
  }
  const steps = all.length;
  return {
    verdict: "fail",
    message: evidence2.workflows.length ? `none of the ${steps} steps in ${workflowCount(evidence2)} ${word}` : "no CI workflows: .github/workflows holds no .yml files and no other CI configuration was found",
    evidence: lookedAt(evidence2)
  };
}
function wrongTriggers(hits, claim, word) {
  const shown2 = sample(hits);
  const first3 = shown2[0];
  const triggers = describeTriggers(first3.triggers);
  const evidence2 = [
    ...shown2.map(stepRef),
    ...first3.triggers.map((t) => ({ path: first3.workflow.path, line: t.line }))
  ];
  const pushEverywhere = hits.some(
    (hit) => hit.triggers.some((t) => t.event === "push" && !t.branches.length && !t.tags.length)
  );
  if (pushEverywhere && claim.events === PULL_REQUEST_EVENTS) {
    return {
      verdict: "unknown",
      message: `${first3.workflow.path} ${word} on push to every branch but has no pull_request trigger, so pull requests from forks are not covered`,
      evidence: evidence2
    };
  }
  const manualOnly = hits.every(
    (hit) => hit.triggers.every((t) => !CHANGE_EVENTS.has(t.event) && t.event !== "schedule")
  );
  return {
    verdict: manualOnly ? "unknown" : "fail",
    message: `${first3.workflow.path} ${word} only on ${triggers}, not ${claim.eventWords} (${where(first3)})`,
    evidence: evidence2
  };
}
var CI_CONTEXT = /\b(ci|ci\/cd|continuous integration|pipelines?|workflows?|github actions?|pull requests?|prs?|merge requests?|on every (push|commit|merge|change))\b/i;
var ONE_OFF = /\b(completed?|performed|done|passe[sd]|passing|green|clean|reviewed|resolved|fixed|addressed|verified|signed[- ]off|no (critical|high|known))\b/i;
var PULL_REQUEST_WORDS = /\b(pull requests?|prs?|merge requests?)\b/i;

// src/core/rules/ci/ci-build.ts
var BUILDING = /\b(builds?|built|compiles?|compilation)\b/i;
var NOT_A_BUILD = /\bbuild (cache|args?|arguments|scheduler|number|info)\b|\bmulti-stage\b/i;
var IMAGE = /\b(docker|container|oci)\b|\bimages?\b/i;
var IMAGE_BUILD = /docker\/build-push-action|buildah|kaniko|\bdocker(-compose| compose)? (buildx )?build\b|\bpodman build\b/i;
var ciBuild = {
  id: "ci.build",
  title: "CI builds the project",
  why: "A build that only succeeds on one laptop breaks the release the day it is needed; CI proves it builds from a clean checkout.",
  fix: "Add a step that builds the project (`npm run build`, `docker build .`, `go build ./...`, `mix compile`) to a workflow triggered by `pull_request` or `push`.",
  recognises: 'Items about builds in CI, a pipeline, a workflow or on pull requests ("CI builds the Docker image on every push").',
  needs: [workflowsCollector],
  match(item) {
    const text3 = claimText(item);
    if (!BUILDING.test(text3) || NOT_A_BUILD.test(text3)) return [];
    return CI_CONTEXT.test(text3) && !ONE_OFF.test(text3) ? [{ image: IMAGE.test(text3) }] : [];
  },
  evaluate({ image }, ctx) {
    const imageOnly = {
      only: (step) => IMAGE_BUILD.test(`${step.uses ?? ""} ${step.run ?? ""}`),
      what: "builds an image"
    };
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: "build",
      events: CHANGE_EVENTS,
      eventWords: "on push or pull requests",
      ...image ? imageOnly : {}
    });
  },
  examples: {
    match: [
      "CI builds the Docker image on every push",
      "Build runs in the CI/CD pipeline",
      "**Continuous Integration** - GitHub Actions workflow builds and tests every PR",
      "Production bundle compiles in CI"
    ],
    noMatch: [
      "Application built in production mode",
      "Docker images built and pushed",
      "Docker configuration (multi-stage builds)",
      "Cache services (Session, Build, Token)",
      "Production release built: `make release`",
      "Build verified in CI"
    ],
    verdicts: [
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc --noEmit\n      - run: npm run build\n"
        },
        item: "Build runs in the CI/CD pipeline",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n"
        },
        item: "Build runs in the CI/CD pipeline",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/ci/ci-deploy-workflow.ts
var DEPLOY_AUTOMATION = /\b(deploy(ment)?s? automation|automated (deploy(ment)?s?|releases?|release process)|auto[- ]deploy(s|ment)?|continuous (deployment|delivery)|cd pipeline|deploy(ment)? (pipeline|workflow)s?|release (workflow|automation|pipeline)s?)\b/i;
var DEPLOY_VIA_CI = /\bdeploy(s|ed|ment)?\b.*\b(github actions?|ci\/cd|workflows?)\b|\b(github actions?|ci\/cd|workflows?)\b.*\bdeploy/i;
var NOT_THIS_CLAIM = /\bscripts?\b|\brunbooks?\b|\bblue[- ]green\b|\bcanary\b|\bzero[- ]downtime\b|\bstrategy\b|\bscheduler\b|\btested\b/i;
var PLATFORM_CONFIG = /^(vercel\.json|netlify\.toml|fly\.toml|render\.yaml|railway\.(json|toml)|app\.yaml|Procfile|\.platform\.app\.yaml|amplify\.yml|skaffold\.yaml|serverless\.ya?ml|argocd\/.*|\.argocd.*)$/;
var DEPLOY_SCRIPT = /(^|\/)deploy[^/]*\.(sh|bash|ps1|py|js|mjs|ts)$|(^|\/)bin\/deploy$/i;
var DEPLOY_JOB_NAME = /\bdeploy/i;
var DEPLOY_ENVIRONMENT = /prod|staging|stage|preview|live|pages|release|deploy/i;
var ciDeployWorkflow = {
  id: "ci.deploy-workflow",
  title: "A workflow deploys or releases",
  why: "Manual deployments drift from what was reviewed and depend on whoever holds the credentials; a workflow deploys the same way every time.",
  fix: "Add a workflow under .github/workflows that deploys or publishes on push to the main branch, on tags or on release (kubectl/helm, a cloud deploy action, `npm publish`, a GitHub release), using an `environment:` for approvals.",
  recognises: "Items about deployment or release automation, continuous deployment, or deploy/release pipelines and workflows; not deploy scripts, runbooks, deployment strategies (blue-green, canary) or tests of a deployment.",
  needs: [workflowsCollector],
  match(item) {
    const text3 = claimText(item);
    if (NOT_THIS_CLAIM.test(text3) || ONE_OFF.test(text3)) return [];
    return DEPLOY_AUTOMATION.test(text3) || DEPLOY_VIA_CI.test(text3) ? [void 0] : [];
  },
  evaluate(_params, ctx) {
    const evidence2 = ctx.get(workflowsCollector);
    const all = allSteps(evidence2);
    const deploySteps = all.filter((hit) => hit.step.kinds.includes("deploy"));
    const deployJobs = all.filter(
      (hit) => isDeployJob(hit.job) && hit.step === hit.job.steps.at(-1) && !deploySteps.some((known) => known.job === hit.job)
    );
    const deploying = [...deploySteps, ...deployJobs];
    const scoped = byScope(deploying, ctx.scope);
    const relevant = scoped.here.length ? scoped.here : scoped.repoWide;
    if (relevant.length) {
      const shown2 = sample(relevant);
      const first3 = shown2[0];
      const environment = first3.job.environment ? `, environment ${first3.job.environment}` : "";
      return {
        verdict: "pass",
        message: `${first3.workflow.path} deploys (job ${first3.job.id}${environment}) on ${describeTriggers(first3.triggers)}: ${shown2.map(where).join(", ")}`,
        evidence: shown2.map(stepRef)
      };
    }
    if (scoped.elsewhere.length) {
      const first3 = scoped.elsewhere[0];
      return {
        verdict: "unknown",
        message: `workflows deploy ${first3.step.targets.join(", ")} (${where(first3)}), none points at ${ctx.scope}; a shared pipeline may deploy it too`,
        evidence: [stepRef(first3)]
      };
    }
    const undecidable = whyUndecidable(evidence2, all);
    if (undecidable) {
      return {
        verdict: "unknown",
        message: `no workflow visibly deploys; ${undecidable.message}`,
        evidence: undecidable.evidence
      };
    }
    const platform = ctx.files.find((path2) => PLATFORM_CONFIG.test(path2));
    const script = ctx.files.find((path2) => DEPLOY_SCRIPT.test(path2));
    const other = platform ?? script;
    if (other) {
      return {
        verdict: "unknown",
        message: platform ? `no workflow deploys, but ${platform} suggests a platform that may deploy on git push; its settings decide` : `no workflow deploys; ${script} exists but nothing in CI runs it, so deployment is likely manual`,
        evidence: [{ path: other }]
      };
    }
    return {
      verdict: "fail",
      message: evidence2.workflows.length ? `none of the ${workflowCount(evidence2)} deploys or releases (no deploy, publish or release step, no job with an environment)` : "no deployment automation: .github/workflows holds no workflows and no other CI or platform configuration was found",
      evidence: lookedAt(evidence2)
    };
  },
  examples: {
    match: [
      "Deployment automation",
      "Automated deployment via GitHub Actions on merge to main",
      "**Continuous Deployment** - pushes to main deploy to staging",
      "Release workflow publishes the package to npm"
    ],
    noMatch: [
      "Deployment Scripts - Automated deployment with health checks",
      "CI/CD Ready - Structured for integration with CI/CD pipelines",
      "Blue-green deployment setup",
      "Zero-downtime deployment tested",
      "Deployment runbooks",
      "Deployment Build Scheduler - Daily at 2 AM UTC (`deployment-build-scheduler.ts`)",
      "**DevOps Team**: Deployment pipeline verified",
      "Deployment strategy chosen"
    ],
    verdicts: [
      {
        files: {
          ".github/workflows/deploy.yml": "name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: flyctl deploy --remote-only\n"
        },
        item: "Automated deployment via GitHub Actions on merge to main",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n"
        },
        item: "Automated deployment via GitHub Actions on merge to main",
        verdict: "fail"
      }
    ]
  }
};
function isDeployJob(job) {
  return DEPLOY_ENVIRONMENT.test(job.environment ?? "") || DEPLOY_JOB_NAME.test(`${job.id} ${job.name ?? ""}`);
}

// src/core/rules/ci/ci-lint.ts
var LINTING = /\b(lint(s|ing|ers?)?|eslint|biome|ruff|flake8|pylint|golangci-lint|credo|clippy|rubocop|stylelint|static analysis)\b/i;
var ciLint = {
  id: "ci.lint",
  title: "A linter runs in CI",
  why: "A linter only a few developers run locally lets the mistakes it exists to catch reach the main branch.",
  fix: "Add a step that runs the linter (`npx eslint .`, `ruff check`, `golangci-lint run`, `mix credo`) to a workflow triggered by `pull_request` or `push`.",
  recognises: 'Items about linting or static analysis in CI, a pipeline, a workflow or on pull requests ("Linting in CI").',
  needs: [workflowsCollector],
  match(item) {
    const text3 = claimText(item);
    return LINTING.test(text3) && CI_CONTEXT.test(text3) && !ONE_OFF.test(text3) ? [void 0] : [];
  },
  evaluate(_params, ctx) {
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: "lint",
      events: CHANGE_EVENTS,
      eventWords: "on push or pull requests"
    });
  },
  examples: {
    match: [
      "Linting in CI",
      "ESLint runs on every pull request",
      "**Code Quality** - lint and format checks in the CI pipeline",
      "Static analysis (credo) in GitHub Actions"
    ],
    noMatch: ["ESLint configured", "Code linting passes", "npm run lint", "Lint errors fixed in CI"],
    verdicts: [
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx eslint .\n      - run: npx vitest run\n"
        },
        item: "ESLint runs on every pull request",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc -p .\n"
        },
        item: "ESLint runs on every pull request",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/ci/ci-pipeline-present.ts
var PIPELINE = /\b(?:ci(?:\/cd)? pipelines?|ci(?:\/cd)? (?:set ?up|configured|config(?:uration)?|workflows?)|continuous integration|github actions?(?: workflows?| pipelines?| ci)?|gitlab[- ]ci|jenkins(?:file| pipelines?)|circleci|azure pipelines|travis(?:[- ]ci)?|bitbucket pipelines)\b/i;
var NARROWER = /\b(?:tests?|testing|lint\w*|type[- ]?check\w*|typescript|builds?|scan\w*|security|audit|coverage|deploy\w*|release\w*|publish\w*|cach\w*|artifacts?|matrix|reusable|secrets?|badge|dependabot|renovate|codeql|sonar\w*|docker|images?|migrations?)/i;
var NOT_THE_REPO = /\b(?:install(?:ed)?|account|runners?|minutes|billing|self[- ]hosted|ready|readiness|compatible|structured for|integration with|prepared for)\b/i;
var SYSTEMS = [
  {
    name: "GitHub Actions",
    words: /github actions?/i,
    file: /^\.github\/workflows\/[^/]+\.ya?ml$/,
    where: ".github/workflows"
  },
  { name: "GitLab CI", words: /gitlab/i, file: /^\.gitlab-ci\.ya?ml$/, where: ".gitlab-ci.yml" },
  { name: "Jenkins", words: /jenkins/i, file: /(^|\/)Jenkinsfile$/, where: "Jenkinsfile" },
  { name: "CircleCI", words: /circleci/i, file: /^\.circleci\//, where: ".circleci/config.yml" },
  {
    name: "Azure Pipelines",
    words: /azure pipelines/i,
    file: /^(azure-pipelines\.ya?ml$|\.azure-pipelines\/)/,
    where: "azure-pipelines.yml"
  },
  { name: "Travis CI", words: /travis/i, file: /^\.travis\.ya?ml$/, where: ".travis.yml" },
  {
    name: "Bitbucket Pipelines",
    words: /bitbucket/i,
    file: /^bitbucket-pipelines\.ya?ml$/,
    where: "bitbucket-pipelines.yml"
  }
];
var ciPipelinePresent = {
  id: "ci.pipeline-present",
  title: "A CI pipeline is configured, in the CI system the item names",
  why: "A claim that changes go through CI is only true if a pipeline is configured in the repository; a pipeline in another CI system than the one named is not the one the checklist promises.",
  fix: "Add a pipeline for the CI system the item names (for GitHub Actions, a workflow under .github/workflows), or correct the item.",
  recognises: 'Items claiming a CI or CI/CD pipeline, continuous integration, GitHub Actions workflows, or a named CI system (GitLab CI, Jenkins, CircleCI, Azure Pipelines, Travis, Bitbucket Pipelines), without saying what it runs: tests, lint, builds, scans and deploys have their own rules. A pipeline "green" or "validated" is decided only when no pipeline exists.',
  needs: [workflowsCollector],
  match(item) {
    const text3 = item.text;
    if (!PIPELINE.test(text3) || NARROWER.test(text3) || NOT_THE_REPO.test(text3)) return [];
    const named = SYSTEMS.filter((system) => system.words.test(text3));
    if (named.length > 1) return [];
    return [{ system: named[0]?.name, outcome: ONE_OFF.test(text3) || /\bvalidated\b/i.test(text3) }];
  },
  evaluate(claim, ctx) {
    const evidence2 = ctx.get(workflowsCollector);
    const wanted = claim.system ? SYSTEMS.filter((system) => system.name === claim.system) : SYSTEMS;
    const configs = ctx.files.filter(
      (path2) => wanted.some((system) => system.file.test(path2)) || !claim.system && evidence2.otherCi.includes(path2)
    );
    if (configs.length === 0) return absent(claim, evidence2);
    const shown2 = configs.slice(0, 3);
    const found2 = `${claim.system ?? "CI"} is configured: ${shown2.join(", ")}${configs.length > 3 ? ` and ${configs.length - 3} more` : ""}`;
    if (claim.outcome) {
      return {
        verdict: "unknown",
        message: `${found2}; whether its runs pass is recorded by the CI system, not the repository`,
        evidence: shown2.map((path2) => ({ path: path2 }))
      };
    }
    return { verdict: "pass", message: found2, evidence: shown2.map((path2) => ({ path: path2 })) };
  },
  examples: {
    match: [
      "CI/CD pipeline configured",
      "GitHub Actions workflows validated (CI + CD)",
      "CI pipeline green",
      "Jenkins pipeline set up",
      "Continuous integration"
    ],
    noMatch: [
      "Tests run in the CI pipeline",
      "CI pipeline builds the Docker image",
      "CI/CD pipelines with reusable workflows",
      "Lint in GitHub Actions",
      "Self-hosted GitHub Actions runners registered",
      "Migrated from Jenkins to GitHub Actions",
      "**CI/CD Ready** - Structured for integration with CI/CD pipelines"
    ],
    verdicts: [
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n"
        },
        item: "CI/CD pipeline configured",
        verdict: "pass"
      },
      { files: { "README.md": "# API\n" }, item: "CI/CD pipeline configured", verdict: "fail" }
    ]
  }
};
function absent(claim, evidence2) {
  const system = claim.system ? SYSTEMS.find((s) => s.name === claim.system) : void 0;
  if (system) {
    const other = [...evidence2.otherCi, ...evidence2.workflows.map((workflow) => workflow.path)][0];
    return {
      verdict: "fail",
      message: `no ${system.name} configuration (${system.where}) in the repository${other ? `; CI is configured elsewhere (${other}), which is not the system the item names` : ""}`,
      evidence: [{ path: system.where }]
    };
  }
  return {
    verdict: "fail",
    message: `no CI configuration in the repository: ${workflowCount(evidence2)}, and no GitLab, Jenkins, CircleCI, Azure, Travis, Bitbucket or other CI file`,
    evidence: lookedAt(evidence2)
  };
}

// src/core/rules/ci/ci-security-scan.ts
var ANY_EQUIVALENT = /\bor (?:equivalent|similar|another|alternatives?)\b|\be\.g\./i;
var NAMED_SCANNERS = [
  [/\bcodeql\b/i, "CodeQL"],
  [/\btrivy\b/i, "Trivy"],
  [/\bsnyk\b/i, "Snyk"],
  [/\bsemgrep\b/i, "Semgrep"],
  [/\b(npm|yarn|pnpm) audit\b/i, "npm audit"],
  [/\bpip-audit\b/i, "pip-audit"],
  [/\bgovulncheck\b/i, "govulncheck"],
  [/\bosv[- ]scanner\b/i, "OSV-Scanner"],
  [/\bgrype\b/i, "Grype"],
  [/\bdependency[- ]review\b/i, "dependency review"],
  [/\b(openssf )?scorecard\b/i, "OpenSSF Scorecard"],
  [/\bbandit\b/i, "Bandit"],
  [/\bdocker scout\b/i, "Docker Scout"],
  [/\bbundle[- ]?audit\b|\bbundler-audit\b/i, "bundler-audit"],
  [/\bbrakeman\b/i, "Brakeman"]
];
var SCANNING = /\b(security|vulnerabilit(y|ies)|code|dependency|container|image|sast)[- ](scan(s|ning|ner)?|analysis|audit(s|ing)?)\b|\bsast\b/i;
var AUTOMATED = /\b(automated|automatic(ally)?|continuous|scheduled|nightly|weekly)\b/i;
var OTHER_CLAIM = /\bsecrets?\b|\bpenetration\b|\bpen[- ]?test/i;
var OUTCOME = /\b(?:no|zero|0)\s+(?:known\s+|open\s+|outstanding\s+)?(?:security\s+|critical\s+|high\s+|(?:high|critical)[/ ](?:high|critical)\s+)?vulnerabilit|\bvulnerabilit(?:y|ies)\s+(?:fixed|resolved|addressed|patched)|\b(?:passes|passing|clean)\b/i;
var SCAN_EVENTS = /* @__PURE__ */ new Set([...CHANGE_EVENTS, "schedule"]);
var SETTINGS_SCANNERS = /* @__PURE__ */ new Set(["CodeQL"]);
var ciSecurityScan = {
  id: "ci.security-scan",
  title: "A security scanner runs in CI",
  why: "Vulnerable dependencies and insecure code patterns appear with every change; only a scanner that runs automatically keeps finding them.",
  fix: "Add a workflow that runs a scanner on pull requests or on a schedule: github/codeql-action, aquasecurity/trivy-action, `npm audit --audit-level=high`, `pip-audit`, `govulncheck ./...`.",
  recognises: 'Items about automated security, vulnerability, dependency or code scanning in CI, or naming a scanner (CodeQL, Trivy, Snyk, Semgrep, npm audit...); not one-off "scan completed" items nor secret scanning.',
  needs: [workflowsCollector],
  match(item) {
    const text3 = claimText(item);
    if (ONE_OFF.test(text3) || OTHER_CLAIM.test(text3) || OUTCOME.test(text3)) return [];
    const inCi = [text3, ...item.parents, ...item.section].some((context) => CI_CONTEXT.test(context)) || AUTOMATED.test(text3);
    const named = NAMED_SCANNERS.filter(([pattern]) => pattern.test(text3)).map(([, name]) => ({
      scanner: name,
      inCi
    }));
    if (named.length) return ANY_EQUIVALENT.test(text3) ? [{ inCi }] : named;
    return SCANNING.test(text3) && inCi ? [{ inCi }] : [];
  },
  evaluate({ scanner, inCi }, ctx) {
    const evidence2 = ctx.get(workflowsCollector);
    const all = allSteps(evidence2);
    const scanning = preferScope(
      all.filter((hit) => hit.step.scanners.length),
      ctx.scope
    );
    const wanted = scanner ? scanning.filter((hit) => hit.step.scanners.includes(scanner)) : scanning;
    const scheduled = wanted.filter((hit) => runsOn(hit, SCAN_EVENTS));
    const automatic = scheduled.filter((hit) => !ignoresAll(hit, scanner));
    const what = scanner ?? "a security scanner";
    if (!automatic.length && scheduled.length) {
      const first3 = scheduled[0];
      return {
        verdict: "unknown",
        message: `${what} runs in ${first3.workflow.path} (${where(first3)}), but its failure is ignored (\`|| true\` or continue-on-error), so what it finds never fails the build`,
        evidence: [stepRef(first3)]
      };
    }
    const brakeman = scanner === "Brakeman" ? brakemanWithoutRails(automatic, ctx) : void 0;
    if (brakeman) return brakeman;
    if (automatic.length) {
      const shown2 = sample(automatic);
      const first3 = shown2[0];
      const names2 = [...new Set(automatic.flatMap((hit) => hit.step.scanners))];
      return {
        verdict: "pass",
        message: `${names2.join(", ")} run${names2.length === 1 ? "s" : ""} in ${first3.workflow.path} on ${describeTriggers(first3.triggers)}: ${shown2.map(where).join(", ")}`,
        evidence: shown2.map(stepRef)
      };
    }
    if (wanted.length) {
      const first3 = wanted[0];
      return {
        verdict: "unknown",
        message: `${what} runs in ${first3.workflow.path} only on ${describeTriggers(first3.triggers)}, not automatically (${where(first3)})`,
        evidence: [stepRef(first3)]
      };
    }
    if (scanner && scanning.length) {
      const shown2 = sample(scanning);
      const others = [...new Set(scanning.flatMap((hit) => hit.step.scanners))].join(", ");
      return {
        verdict: SETTINGS_SCANNERS.has(scanner) || inCi === false ? "unknown" : "fail",
        message: `the item names ${scanner}, but the workflows run ${others} instead (${shown2.map(where).join(", ")})`,
        evidence: shown2.map(stepRef)
      };
    }
    const undecidable = whyUndecidable(evidence2, all);
    if (undecidable) {
      return {
        verdict: "unknown",
        message: `no workflow visibly runs ${what}; ${undecidable.message}`,
        evidence: undecidable.evidence
      };
    }
    if (!scanner || SETTINGS_SCANNERS.has(scanner)) {
      return {
        verdict: "unknown",
        message: `no ${scanner ?? "security scanner"} in ${workflowCount(evidence2)}; GitHub code scanning default setup is a repository setting the repository cannot show, so add a scanning workflow to make this provable`,
        evidence: lookedAt(evidence2)
      };
    }
    return {
      verdict: inCi === false ? "unknown" : "fail",
      message: `no step in ${workflowCount(evidence2)} runs ${scanner}${inCi === false ? "; the item does not say the scan runs in CI, and it may run elsewhere (a registry, a developer)" : ""}`,
      evidence: lookedAt(evidence2)
    };
  },
  examples: {
    match: [
      "Automated security scanning",
      "Security scanning (CodeQL)",
      "Dependency vulnerability scanning in CI (npm audit)",
      "Container image scanning with Trivy in the pipeline",
      "**SAST** - Semgrep runs on every pull request"
    ],
    noMatch: [
      "No security vulnerabilities (npm audit)",
      "npm audit clean",
      "Security scanning completed",
      "Security scan completed",
      "Security scanning performed on container image",
      "Penetration testing",
      "Security audit",
      "Secret scanning enabled",
      "npm audit clean"
    ],
    verdicts: [
      {
        files: {
          ".github/workflows/codeql.yml": "name: codeql\non:\n  pull_request:\njobs:\n  analyze:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n"
        },
        item: "Security scanning (CodeQL)",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n"
        },
        item: "Security scanning (CodeQL)",
        verdict: "unknown"
      }
    ]
  }
};
function ignoresAll(hit, scanner) {
  const ignored = hit.step.failureIgnored ?? [];
  return scanner ? ignored.includes(scanner) : hit.step.scanners.every((name) => ignored.includes(name));
}
var RAILS_APP = /(?:^|\/)(?:config\/application\.rb|bin\/rails)$/;
function brakemanWithoutRails(hits, ctx) {
  if (!hits.length || ctx.files.some((path2) => RAILS_APP.test(path2))) return void 0;
  if (hits.some((hit) => /\bbrakeman\b[^\n]*\s(?:--force|-f)\b/.test(hit.step.run ?? ""))) return void 0;
  const shown2 = sample(hits);
  return {
    verdict: "fail",
    message: `Brakeman runs at ${shown2.map(where).join(", ")}, but it scans only Rails applications and the repository has none (no config/application.rb or bin/rails) and no --force`,
    evidence: shown2.map(stepRef)
  };
}

// src/core/rules/ci/ci-tests-on-pr.ts
var TESTS = /\b(tests?|testing|test suites?|specs)\b/i;
var OTHER_TESTING = /\b(load|performance|stress|penetration|pen|smoke|manual|security|disaster|backup|chaos|uat)\b/i;
var ciTestsOnPr = {
  id: "ci.tests-on-pr",
  title: "Tests run in CI on pull requests",
  why: "Tests that no pipeline runs stop protecting the main branch the day someone forgets to run them locally.",
  fix: "Add a workflow under .github/workflows triggered by `pull_request` with a step that runs the test suite (`npm test`, `pytest`, `go test ./...`).",
  recognises: 'Items about tests running in CI, in a pipeline or workflow, or on pull requests ("CI/CD test workflows", "Tests run on every pull request"); not claims that tests pass, nor load, smoke or security testing.',
  needs: [workflowsCollector],
  match(item) {
    const text3 = claimText(item);
    if (!TESTS.test(text3) || !CI_CONTEXT.test(text3) || ONE_OFF.test(text3) || OTHER_TESTING.test(text3))
      return [];
    return [{ onPullRequests: PULL_REQUEST_WORDS.test(text3) }];
  },
  evaluate(params, ctx) {
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: "test",
      events: params.onPullRequests ? PULL_REQUEST_EVENTS : CHANGE_EVENTS,
      eventWords: params.onPullRequests ? "on pull requests" : "on push or pull requests"
    });
  },
  examples: {
    match: [
      "CI/CD test workflows",
      "Automated testing in CI",
      "Tests run on every pull request",
      "**CI Pipeline** - GitHub Actions runs the test suite on every PR",
      "Unit and integration tests run in the CI pipeline"
    ],
    noMatch: [
      "All tests passing",
      "Unit tests (Vitest)",
      "Load tests run in CI against staging",
      "Testing process for updates",
      "CI/CD Ready - Structured for integration with CI/CD pipelines",
      "Tests passing in CI",
      "Smoke tests passed"
    ],
    verdicts: [
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx eslint .\n      - run: npx vitest run\n"
        },
        item: "Automated testing in CI",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc -p .\n"
        },
        item: "Automated testing in CI",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/ci/ci-typecheck.ts
var TYPECHECKING = /\b(type[- ]?check(s|ing|er)?|tsc|mypy|pyright|dialyzer|static typing|types are checked)\b/i;
var ciTypecheck = {
  id: "ci.typecheck",
  title: "Types are checked in CI",
  why: "Type errors that no pipeline catches ship whenever the bundler or interpreter does not check types itself.",
  fix: "Add a step that runs the type checker (`npx tsc --noEmit`, `mypy .`, `pyright`, `mix dialyzer`) to a workflow triggered by `pull_request` or `push`.",
  recognises: "Items about type checking (tsc, mypy, pyright, dialyzer) in CI, a pipeline, a workflow or on pull requests.",
  needs: [workflowsCollector],
  match(item) {
    const text3 = claimText(item);
    return TYPECHECKING.test(text3) && CI_CONTEXT.test(text3) && !ONE_OFF.test(text3) ? [void 0] : [];
  },
  evaluate(_params, ctx) {
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: "typecheck",
      events: CHANGE_EVENTS,
      eventWords: "on push or pull requests"
    });
  },
  examples: {
    match: [
      "Type checking in CI",
      "TypeScript type-check runs on every PR",
      "CI pipeline runs `tsc --noEmit`",
      "mypy in the GitHub Actions workflow"
    ],
    noMatch: [
      "TypeScript strict mode enabled",
      "npm run typecheck",
      "Type errors resolved",
      "Type checking passes in CI"
    ],
    verdicts: [
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc --noEmit\n      - run: npm run build\n"
        },
        item: "TypeScript type-check runs on every PR",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n"
        },
        item: "TypeScript type-check runs on every PR",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/ci/index.ts
var ciRules = [
  ciPipelinePresent,
  ciTestsOnPr,
  ciLint,
  ciTypecheck,
  ciBuild,
  ciSecurityScan,
  ciDeployWorkflow
];

// src/core/formats/source-files.ts
var LANGUAGE_BY_EXTENSION = {
  ts: "javascript",
  tsx: "javascript",
  mts: "javascript",
  cts: "javascript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  vue: "javascript",
  svelte: "javascript",
  astro: "javascript",
  py: "python",
  go: "go",
  ex: "elixir",
  exs: "elixir",
  rs: "rust",
  java: "jvm",
  kt: "jvm",
  kts: "jvm",
  groovy: "jvm",
  scala: "jvm",
  rb: "ruby",
  php: "php",
  cs: "csharp"
};
var MINIFIED = /\.min\.(js|mjs|cjs|css)$|\.d\.ts$|\.bundle\.js$/;
var TEST_PATH2 = /(^|\/)(tests?|__tests__|__mocks__|spec|e2e|fixtures?|testdata)\/|[._-](test|spec)\.\w+$|_test\.(go|exs)$|(^|\/)test_[^/]+\.py$|Tests?\.(java|kt|cs)$/;
function isTestPath(path2) {
  return TEST_PATH2.test(path2);
}
var MAX_SOURCE_LINE = 5e3;
function scanKind(path2) {
  if (VENDORED_OR_GENERATED.test(path2) || MINIFIED.test(path2)) return void 0;
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const language = LANGUAGE_BY_EXTENSION[extension];
  if (language) return { language, kind: "code" };
  if (/^application([-.][\w-]+)?\.(ya?ml|properties)$/.test(name))
    return { language: "spring-config", kind: "config" };
  if (/^(docker-)?compose([-.][\w-]+)?\.ya?ml$/.test(name)) return { language: "compose", kind: "config" };
  if (/^Dockerfile([-.][\w-]+)?$|\.dockerfile$/i.test(name))
    return { language: "dockerfile", kind: "config" };
  if (extension === "prisma") return { language: "prisma", kind: "config" };
  if (extension === "sh" || extension === "bash") return { language: "shell", kind: "script" };
  return void 0;
}
function filesToScan(repo) {
  const scanned = [];
  for (const path2 of repo.files) {
    const target = repo.perPath("scan-kind", path2, () => scanKind(path2));
    if (target) scanned.push({ path: path2, target });
  }
  return scanned;
}

// src/core/formats/project-files.ts
var NOT_SCANNED = /\.(md|markdown|mdx|rst|adoc|txt|pdf|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|eot|csv|docx?|pptx?|xlsx?|out|log|prof|map|lock|sum)$|\.min\.js$|(^|\/)(package-lock\.json|pnpm-lock\.yaml|npm-shrinkwrap\.json|LICEN[CS]E[^/]*|CHANGELOG[^/]*)$/i;
var REQUIREMENTS = /(^|\/)requirements[\w.-]*\.(txt|in)$/i;
var MANIFEST = /(^|\/)(package\.json|go\.mod|pyproject\.toml|Pipfile|setup\.(py|cfg)|pom\.xml|build\.gradle(\.kts)?|libs\.versions\.toml|Gemfile|[\w.-]+\.gemspec|mix\.exs|Cargo\.toml|composer\.json|[\w.-]+\.csproj|packages\.config)$/;
var SOURCE_CODE = /\.(?:[cm]?[jt]sx?|py|go|rb|ex|exs|java|kt|kts|scala|groovy|cs|fs|php|rs|swift|dart|vue|svelte|erl|clj)$/i;
var SPRING_CONFIG = /(^|\/)application[\w-]*\.(?:ya?ml|properties)$/i;
var CI_DEFINITION = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)\.circleci\/config\.ya?ml$|(^|\/)azure-pipelines[^/]*\.ya?ml$|(^|\/)Jenkinsfile$|(^|\/)bitbucket-pipelines\.ya?ml$|(^|\/)\.travis\.ya?ml$|(^|\/)\.buildkite\//;
function isCiDefinition(path2) {
  return CI_DEFINITION.test(path2);
}
function isSourceFile(path2) {
  return SOURCE_CODE.test(path2);
}
function isScannedForTechnologies(path2) {
  return REQUIREMENTS.test(path2) || !(NOT_SCANNED.test(path2) || VENDORED_OR_GENERATED.test(path2));
}
function roleOf(path2) {
  if (MANIFEST.test(path2) || REQUIREMENTS.test(path2)) return "manifest";
  if (isTestPath(path2)) return "test";
  return (SOURCE_CODE.test(path2) || SPRING_CONFIG.test(path2)) && !/(^|\/)\.github\//.test(path2) ? "code" : "config";
}

// src/core/collectors/code-patterns/catalogue.ts
var CODE_PATTERNS = [
  {
    id: "circuit-breaker",
    name: "a circuit breaker",
    mention: /\bcircuit[\s-]?breakers?\b|熔断|断路器/i,
    uses: ["circuitbreaker", "circuit_breaker", "breaker", "hystrix", "opossum", "resilience4j", "cockatiel"],
    traces: ["circuit", "breaker", "polly", "failsafe", "resilien"]
  },
  {
    id: "retry",
    name: "retries",
    mention: /\bretr(?:y|ies|ying)\b|重试/i,
    uses: ["retry", "retries", "tenacity"],
    traces: [
      "retry",
      "retries",
      "retrying",
      "backoff",
      "back_off",
      "attempt",
      "tenacity",
      "polly",
      "resilien"
    ]
  },
  {
    // Apart from retries: a retry loop shows nothing about how long it waits between attempts.
    id: "backoff",
    name: "backoff between attempts",
    mention: /\b(?:exponential(?:ly)?\s+)?back-?off\b|\bexponential(?:ly)?\s+(?:delays?|retr\w*|wait\w*)|退避/i,
    uses: ["backoff", "back_off", "wait_exponential", "exponentialdelay", "exponential_delay"],
    // The wait grows as a power of the attempt: `BASE * FACTOR ** n`, `Math.pow(2, attempt)`, `1 << n`.
    useWhen: /\*\*|\bpow\s*\(|<<\s*\(?\s*\w|\bexp2?\s*\(/,
    traces: [
      "backoff",
      "back_off",
      "exponential",
      "delay",
      "sleep",
      "retry",
      "retries",
      "tenacity",
      "polly",
      "resilien"
    ]
  },
  {
    id: "audit-log",
    name: "an audit log",
    mention: /\baudit(?:[\s-]?(?:logs?|logging|trails?|events?|records?))\b|审计日志/i,
    uses: ["audit", "envers", "simple_history", "paper_trail", "auditlog"],
    traces: [
      "audit",
      "envers",
      "simple_history",
      "paper_trail",
      "reversion",
      "activity_log",
      "activitylog",
      "loggable"
    ],
    // Dependency audits (`npm audit`, bundler-audit) and security-audit jobs are about packages, not actions.
    ignore: /\b(?:npm|yarn|pnpm|bundle|bundler|pip|cargo|composer|gem|go|mix|dotnet|safety)[\s-]+audit\b|\baudit[\s-]+(?:ci|--)|\bsecurity[\s_-]+audit|\bauditjs\b|\baudit[_-]?level\b|["']audit["']\s*:/i
  },
  {
    id: "cache-warming",
    name: "cache warming",
    mention: /\bcache[\s-]?warm(?:ing|ers?|-?up)?\b|\bwarm(?:ing)?[\s-]?(?:up\s+)?(?:the\s+)?caches?\b|\bpre-?warm\w*|缓存预热/i,
    uses: [
      "warm",
      "precache",
      "prime_cache",
      "primecache",
      "preload_cache",
      "preloadcache",
      "populate_cache"
    ],
    // Not `preload`/`prefetch` alone: those are mostly browser resource hints.
    traces: [
      "warm",
      "precache",
      "prime_cache",
      "primecache",
      "preload_cache",
      "preloadcache",
      "populate_cache",
      "precompute"
    ],
    notToken: /swarm/
  },
  {
    id: "request-deduplication",
    name: "request deduplication",
    mention: /\b(?:request|call|api)s?[\s-]+(?:de-?dup\w*|coalesc\w*|collaps\w*)|\bde-?dup\w*\s+(?:of\s+)?(?:api\s+|http\s+)?(?:requests?|calls?)\b|\bsingle-?flight\b|请求去重/i,
    uses: ["dedup", "deduplicat", "coalesc", "singleflight"],
    traces: [
      "dedup",
      "deduplicat",
      "coalesc",
      "singleflight",
      "inflight",
      "in_flight",
      "pending_request",
      "pendingrequest"
    ]
  },
  {
    id: "optimistic-locking",
    name: "optimistic locking",
    mention: /\boptimistic[\s-]+(?:locking|locks?|concurrency(?:\s+control)?)\b|乐观锁/i,
    uses: [
      "@version",
      "lock_version",
      "rowversion",
      "concurrencytoken",
      "concurrency_token",
      "version_id_col",
      "optimisticlock",
      "optimistic_lock"
    ],
    traces: ["optimistic", "version"],
    configUse: true
  },
  {
    id: "log-rotation",
    name: "log rotation",
    mention: /\blog[\s-]?rotat\w*|\brotat\w*\s+(?:of\s+)?(?:the\s+)?(?:application\s+)?logs?\b|\blogrotate\b|日志轮转/i,
    uses: [
      "rotatingfilehandler",
      "lumberjack",
      "daily-rotate-file",
      "dailyrotatefile",
      "rotating-file-stream",
      "rotatelogs",
      "rollingfileappender",
      "rollingpolicy",
      "sizebasedtriggeringpolicy",
      "logrotate",
      "max-size",
      "max_history",
      "max-history"
    ],
    traces: ["rotat", "rolling", "lumberjack", "maxbytes", "max_bytes", "max-size", "max_size", "max-file"],
    configUse: true
  },
  {
    id: "dead-letter-queue",
    name: "a dead-letter queue",
    mention: /\bdead[\s-]?letter(?:\s+(?:queues?|exchanges?|topics?))?\b|\bDLQs?\b|死信/i,
    uses: ["deadletter", "dead_letter", "dead-letter", "dlq", "dlx"],
    traces: [
      "deadletter",
      "dead_letter",
      "dead-letter",
      "dlq",
      "dlx",
      "failed_job",
      "failedjob",
      "failed-job"
    ],
    configUse: true
  },
  {
    id: "db-connection-pooling",
    name: "database connection pooling",
    mention: /\b(?:database|db|postgres(?:ql)?|mysql|sql|pg)\s+connection[\s-]?pool(?:ing|s|ed)?\b|\bconnection[\s-]?pool(?:ing|s)?\s+(?:for|of|to|on)\s+(?:the\s+)?(?:database|db|postgres(?:ql)?|mysql)\b|\bpool(?:ing|ed)?\s+(?:of\s+)?(?:database|db)\s+connections\b|\bpersistent\s+(?:database|db)\s+connections\b|数据库连接池/i,
    // Settings only a database pool has: a pool of WebSockets or Redis clients is not one.
    uses: [
      "conn_max_age",
      "hikari",
      "pgbouncer",
      "connection_limit",
      "setmaxopenconns",
      "setmaxidleconns",
      "pool_pre_ping",
      "pool_recycle",
      "db_pool",
      "database_pool",
      "dbpool",
      "maxpoolsize",
      "minpoolsize",
      "max_pool_size"
    ],
    traces: ["pool"],
    configUse: true,
    ignore: /redis|cache|thread|worker|executor|goroutine|celery|sidekiq|puma/i,
    // Most ORMs and drivers pool connections by default, without a word in the project.
    absenceDecides: false
  },
  {
    id: "connection-pooling",
    name: "connection pooling",
    mention: /(?<!\b(?:database|db|postgres|postgresql|mysql|sql|pg)\s)\bconnection[\s-]?pool(?:ing|s|ed)?\b(?!\s+(?:for|of|to|on)\s+(?:the\s+)?(?:database|db|postgres|mysql))|连接池/i,
    uses: [
      "connectionpool",
      "connection_pool",
      "pool_size",
      "poolsize",
      "max_pool",
      "maxpool",
      "pool_max",
      "conn_max_age",
      "hikari",
      "pgbouncer",
      "setmaxopenconns",
      "pool_pre_ping",
      "createpool"
    ],
    traces: ["pool"],
    configUse: true,
    ignore: /thread|worker|executor|goroutine/i,
    absenceDecides: false
  },
  {
    id: "read-replicas",
    name: "read replicas",
    mention: /\bread[\s-]?replicas?\b|\bread[\s-]?only\s+replicas?\b|只读副本|读写分离/i,
    uses: [
      "read_replica",
      "readreplica",
      "read-replica",
      "replica_url",
      "replica_host",
      "database_replica",
      "db_replica",
      "reader_endpoint",
      "readerendpoint"
    ],
    traces: ["replica", "slave", "secondary", "database_routers", "db_router", "reader", "replication"],
    configUse: true
  },
  {
    id: "correlation-id",
    name: "request correlation ids",
    mention: /\b(?:correlation|request)[\s-]?ids?\b|\bx-request-id\b|\bx-correlation-id\b/i,
    uses: [
      "correlationid",
      "correlation_id",
      "correlation-id",
      "x-request-id",
      "asgi_correlation_id",
      "requestidmiddleware",
      "request_id_middleware",
      "express-request-id"
    ],
    traces: [
      "correlation",
      "request_id",
      "requestid",
      "request-id",
      "trace_id",
      "traceid",
      "reqid",
      "req_id",
      "x-request"
    ],
    configUse: true
  },
  {
    id: "soft-delete",
    name: "soft deletion",
    mention: /\bsoft[\s-]?delet(?:e|es|ed|ion)\b|软删除/i,
    uses: [
      "soft_delete",
      "softdelete",
      "deleted_at",
      "deletedat",
      "paranoid",
      "is_deleted",
      "isdeleted",
      "sqldelete"
    ],
    traces: ["soft_delete", "softdelete", "deleted", "paranoid", "discard", "archived", "trash"],
    configUse: true
  },
  {
    id: "idempotency",
    name: "idempotency keys",
    mention: /\bidempoten(?:t|cy)(?:[\s-]+keys?)?\b|幂等/i,
    uses: ["idempoten"],
    traces: ["idempoten", "dedup", "unique"],
    configUse: true,
    // Idempotency is as often a unique constraint or an upsert as a named key.
    absenceDecides: false
  },
  {
    id: "password-hashing",
    name: "password hashing",
    mention: /\bpasswords?\s+(?:are\s+|is\s+)?(?:hash\w*|encrypt\w*|salted)\b|\bhash\w*\s+(?:of\s+)?(?:user\s+)?passwords?\b|\b(?:bcrypt|argon2(?:id)?|scrypt|pbkdf2)\b|密码(?:哈希|加密)/i,
    uses: [
      "bcrypt",
      "argon2",
      "scrypt",
      "pbkdf2",
      "hashpw",
      "passlib",
      "password_hash",
      "make_password",
      "hashpassword",
      "hash_password",
      "passwordencoder",
      "passwordhasher",
      "has_secure_password"
    ],
    traces: ["bcrypt", "argon", "scrypt", "pbkdf2", "passlib", "password", "hash"],
    // `bcrypt.hash(`, `argon2.verify(`, `bcrypt.compareSync(`: the library's functions called.
    useWhen: /\b(?:bcrypt\w*|argon2\w*|scrypt\w*|pbkdf2\w*)\.(?:hash\w*|gen\w*|compare\w*|verify\w*|check\w*)\s*\(/i,
    // Django, Laravel, ASP.NET Identity and Devise hash passwords without a word in the project.
    absenceDecides: false
  },
  {
    id: "jwt",
    name: "JWT authentication",
    mention: /\bJWTs?\b|\bJSON web tokens?\b/i,
    uses: ["jwt", "jose", "jsonwebtoken"],
    traces: ["jwt", "jose", "jsonwebtoken", "token", "bearer"],
    // Signing or verifying one: `jwt.verify(`, `jwt.decode(`, `Jwts.parser()`, `decode_token(`.
    useWhen: /\bjw[ts]\w*\.(?:verify|decode|sign|encode|parse\w*)\s*\(|\bjws?t?\.?(?:parser|builder)\s*\(|\b(?:verify|decode|validate)_?(?:jwt|access_?token|token)\s*\(/i
  },
  {
    id: "csrf-protection",
    name: "CSRF protection",
    mention: /\bCSRF\b|\bXSRF\b|\bcross[- ]site request forgery\b/i,
    uses: ["csrf", "csurf", "xsrf", "protect_from_forgery", "antiforgery", "verifycsrftoken"],
    traces: ["csrf", "csurf", "xsrf", "forgery", "antiforgery", "samesite"],
    configUse: true,
    // `csrf().disable()`, `@csrf_exempt`, `CSRF_ENABLED = False` switch it off, not on.
    ignore: /disable|exempt|skip_forgery|=\s*false\b|:\s*false\b/i,
    // Django, Rails, Laravel and Spring Security protect forms by default.
    absenceDecides: false
  }
];

// src/core/formats/lines.ts
function lineOf(text3, index) {
  let line = 1;
  for (let i = text3.indexOf("\n"); i >= 0 && i < index; i = text3.indexOf("\n", i + 1)) line++;
  return line;
}

// src/core/collectors/technology-traces/catalogue.ts
var TECHNOLOGIES = [
  {
    id: "redis",
    name: "Redis",
    mention: /\bRedis\b/i,
    traces: [
      "redis",
      "ioredis",
      "aioredis",
      "redigo",
      "redix",
      "jedis",
      "lettuce",
      "predis",
      "valkey",
      "upstash",
      "keydb"
    ]
  },
  {
    id: "memcached",
    name: "Memcached",
    mention: /\bMemcached?\b/i,
    traces: ["memcache", "memcached", "pymemcache", "gomemcache", "dalli", "pylibmc"]
  },
  {
    id: "kafka",
    name: "Kafka",
    mention: /\bKafka\b/i,
    traces: ["kafka", "kafkajs", "confluent", "sarama", "redpanda"]
  },
  {
    id: "rabbitmq",
    name: "RabbitMQ",
    mention: /\bRabbitMQ\b|\bAMQP\b/i,
    traces: ["rabbit", "rabbitmq", "rabbitbroker", "amqp", "amqplib", "pika", "bunny", "lapin"]
  },
  { id: "nats", name: "NATS", mention: /\bNATS\b/, traces: ["nats"] },
  { id: "mqtt", name: "MQTT", mention: /\bMQTT\b/i, traces: ["mqtt", "paho", "mosquitto"] },
  {
    id: "graphql",
    name: "GraphQL",
    mention: /\bGraphQL\b/i,
    traces: ["graphql", "gql", "gqlgen", "graphene", "apollo", "absinthe"]
  },
  {
    id: "grpc",
    name: "gRPC",
    mention: /\bgRPC\b/i,
    traces: ["grpc", "grpcio", "protobuf", ".proto", "tonic"]
  },
  { id: "vault", name: "HashiCorp Vault", mention: /\b(?:HashiCorp\s+)?Vault\b/, traces: ["vault", "hvac"] },
  {
    id: "opa",
    name: "Open Policy Agent",
    mention: /\bOPA\b|\bOpen Policy Agent\b/,
    traces: ["open-policy-agent", "openpolicyagent", "opa", "rego"]
  },
  {
    id: "elasticsearch",
    name: "Elasticsearch",
    mention: /\bElastic ?search\b|\bOpenSearch\b/i,
    traces: ["elastic", "elasticsearch", "opensearch"]
  },
  {
    id: "mongodb",
    name: "MongoDB",
    mention: /\bMongo(?:DB)?\b/i,
    traces: ["mongo", "mongodb", "mongoose", "mongoid", "pymongo"]
  },
  {
    id: "postgresql",
    name: "PostgreSQL",
    mention: /\bPostgres(?:QL)?\b/i,
    traces: [
      "postgres",
      "postgresql",
      "postgrex",
      "psycopg",
      "psycopg2",
      "asyncpg",
      "npgsql",
      "pgx",
      "pg8000",
      "'pg'",
      '"pg"'
    ]
  },
  {
    id: "mysql",
    name: "MySQL",
    mention: /\bMySQL\b|\bMariaDB\b/i,
    traces: ["mysql", "mysql2", "pymysql", "mysqlclient", "mariadb"]
  },
  { id: "sqlite", name: "SQLite", mention: /\bSQLite\d?\b/i, traces: ["sqlite", "sqlite3", "aiosqlite"] },
  {
    id: "cassandra",
    name: "Cassandra",
    mention: /\bCassandra\b|\bScyllaDB\b/i,
    traces: ["cassandra", "scylla", "gocql"]
  },
  { id: "clickhouse", name: "ClickHouse", mention: /\bClickHouse\b/i, traces: ["clickhouse"] },
  { id: "neo4j", name: "Neo4j", mention: /\bNeo4j\b/i, traces: ["neo4j"] },
  { id: "influxdb", name: "InfluxDB", mention: /\bInfluxDB\b/i, traces: ["influx", "influxdb"] },
  { id: "celery", name: "Celery", mention: /\bCelery\b/i, traces: ["celery"] },
  { id: "sidekiq", name: "Sidekiq", mention: /\bSidekiq\b/i, traces: ["sidekiq"] },
  { id: "bullmq", name: "BullMQ", mention: /\bBullMQ\b/i, traces: ["bull", "bullmq"] },
  { id: "keycloak", name: "Keycloak", mention: /\bKeycloak\b/i, traces: ["keycloak"] }
];

// src/core/collectors/technology-traces.ts
var COMMENT = /^\s*(?:\/\/|#|\/\*|\*|--|;|<!--|%)/;
var OWNER = /* @__PURE__ */ new Map();
for (const technology of TECHNOLOGIES) for (const trace of technology.traces) OWNER.set(trace, technology.id);
var ANY_TRACE = anyLiteral(OWNER.keys(), "gi");
function tracesIn(text3) {
  const found2 = /* @__PURE__ */ new Map();
  ANY_TRACE.lastIndex = 0;
  for (let match = ANY_TRACE.exec(text3); match; match = ANY_TRACE.exec(text3)) {
    const id = OWNER.get(match[0].toLowerCase());
    const seen = found2.get(id);
    if (seen?.strict !== void 0) continue;
    const strict = standsAlone(text3, match.index, match[0].length) && !COMMENT.test(lineText(text3, match.index));
    if (seen && !strict) continue;
    const line = lineOf(text3, match.index);
    if (!seen) found2.set(id, strict ? { line, strict: line } : { line });
    else seen.strict = line;
  }
  const out = [];
  for (const [id, seen] of found2) {
    out.push([id, seen.line, seen.strict === seen.line]);
    if (seen.strict !== void 0 && seen.strict !== seen.line) out.push([id, seen.strict, true]);
  }
  return out;
}
var WORD_CHAR = /[A-Za-z0-9]/;
function standsAlone(text3, at9, length) {
  return !WORD_CHAR.test(text3.charAt(at9 - 1)) && !WORD_CHAR.test(text3.charAt(at9 + length));
}
function lineText(text3, at9) {
  const start = text3.lastIndexOf("\n", at9 - 1) + 1;
  const end = text3.indexOf("\n", at9);
  return text3.slice(start, end < 0 ? text3.length : end);
}
var technologyTracesCollector = {
  id: "technology-traces",
  async collect(repo) {
    const paths = repo.files.filter(isScannedForTechnologies);
    const perFile = await repo.perFiles("technology-traces", paths, tracesIn);
    const traces = /* @__PURE__ */ new Map();
    const manifests = [];
    let scanned = 0;
    perFile.forEach((found2, index) => {
      if (!found2) return;
      scanned += 1;
      const path2 = paths[index];
      const role = roleOf(path2);
      if (role === "manifest") manifests.push(path2);
      for (const [id, line, strict] of found2) {
        const list = traces.get(id) ?? [];
        list.push({ path: path2, line, role, strict });
        traces.set(id, list);
      }
    });
    return { traces, scanned, manifests };
  }
};

// src/core/collectors/code-patterns.ts
var FRAGMENTS = /* @__PURE__ */ new Map();
for (const pattern of CODE_PATTERNS) {
  for (const fragment of pattern.uses) entry(fragment).uses.push(pattern);
  for (const fragment of pattern.traces)
    if (!pattern.uses.includes(fragment)) entry(fragment).traces.push(pattern);
}
function entry(fragment) {
  const found2 = FRAGMENTS.get(fragment) ?? { uses: [], traces: [] };
  FRAGMENTS.set(fragment, found2);
  return found2;
}
var ANY_FRAGMENT = anyLiteral(FRAGMENTS.keys(), "gi");
var COMMENT2 = /^\s*(?:\/\/|#(?!\[)|\/\*|\*|--|;|<!--|%|"""|''')/;
var IMPORT = /^\s*(?:import\b|from\s+\S+\s+import\b|export\s+(?:\{|\*)|require(?:_relative)?\b|using\b|use\s+[\w\\:]+|#include\b|@import\b|package\b|alias\s)|\brequire\s*\(/;
var IDENTIFIER_CHAR = /[\w$]/;
var CALL_AFTER = /^\s*(?:<[^<>()]*>\s*)?\(|^(?:\.|::)(?:new|call|execute|run|wrap|fire|invoke|decorate|protect|with\w*)\b/;
var CALL_BEFORE = /(?:@|\bnew\s+)[\w$.]*$/;
var RUBY_BLOCK_AFTER = /^\s+do\b|^\s*\{\s*\|/;
var RUBY_BARE_CALL_AFTER = /^(?:\s*$|\s+(?!=|do\b)[\w:'"@([])/;
var MODIFIERS = "(?:(?:public|private|protected|static|final|abstract|synchronized|override|async|virtual|internal|open|suspend|export|default|pub(?:\\([\\w ]+\\))?)\\s+)";
var DEFINITIONS = /* @__PURE__ */ new Map();
function definesToken(line, token2) {
  let patterns = DEFINITIONS.get(token2);
  if (!patterns) {
    patterns = definitionsOf(token2);
    DEFINITIONS.set(token2, patterns);
  }
  return patterns.some((pattern) => pattern.test(line));
}
function definitionsOf(token2) {
  const name = token2.replace(/[$@.-]/g, "\\$&");
  return [
    // class X, def x, func (r *T) X, fn x, defmodule A.X, type X struct, function* x
    `\\b(?:class|interface|struct|enum|trait|module|record|object|type|def|defp|defmodule|func|function\\*?|fn|fun|sub)\\s+(?:self\\.|\\([^)]*\\)\\s*)?(?:[\\w$]+(?:\\.|::))*${name}\\b`,
    // const x = (…) => / function / async
    `\\b(?:const|let|var)\\s+${name}\\s*(?::[^=]+)?=\\s*(?:async\\b\\s*)?(?:function\\b|\\(|[\\w$]+\\s*=>)`,
    // public Foo retryCall(int n) {   (Java, C#, Kotlin with modifiers)
    `^\\s*${MODIFIERS}+[\\w<>\\[\\],.?\\s]*?\\b${name}\\s*\\(`,
    // x(a, b) {   (method shorthand in JavaScript and TypeScript classes)
    `^\\s*(?:${MODIFIERS}|get\\s+|set\\s+)*${name}\\s*(?:<[^>]*>)?\\s*\\([^)]*\\)\\s*(?::[^{]*)?\\{\\s*$`
  ].map((pattern) => new RegExp(pattern, "i"));
}
function kindOf(line, start, end, token2, isUse, pattern, ruby) {
  if (!isUse || COMMENT2.test(line) || IMPORT.test(line)) return "o";
  if (definesToken(line, token2)) return "d";
  if (pattern.configUse || pattern.useWhen?.test(line)) return "u";
  const after = line.slice(end);
  const before = line.slice(0, start);
  if (CALL_AFTER.test(after) || CALL_BEFORE.test(before)) return "u";
  const method = /^[a-z_]/.test(line.charAt(start));
  if (ruby && (RUBY_BLOCK_AFTER.test(after) || method && /^\s*$/.test(before) && RUBY_BARE_CALL_AFTER.test(after)))
    return "u";
  return "o";
}
var KEPT_PER_KIND = 8;
function patternsIn(text3, path2 = "") {
  ANY_FRAGMENT.lastIndex = 0;
  if (!ANY_FRAGMENT.test(text3)) return [];
  const ruby = path2.endsWith(".rb");
  const lines = text3.split("\n");
  const found2 = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    ANY_FRAGMENT.lastIndex = 0;
    for (let match = ANY_FRAGMENT.exec(line); match; match = ANY_FRAGMENT.exec(line)) {
      let start = match.index;
      let end = start + match[0].length;
      while (start > 0 && IDENTIFIER_CHAR.test(line.charAt(start - 1))) start--;
      while (end < line.length && IDENTIFIER_CHAR.test(line.charAt(end))) end++;
      ANY_FRAGMENT.lastIndex = Math.max(ANY_FRAGMENT.lastIndex, end);
      const token2 = line.slice(start, end).toLowerCase();
      const owners = FRAGMENTS.get(match[0].toLowerCase());
      if (!owners) continue;
      for (const [patterns, isUse] of [
        [owners.uses, true],
        [owners.traces, false]
      ]) {
        for (const pattern of patterns) {
          if (pattern.ignore?.test(line) || pattern.notToken?.test(token2)) continue;
          found2.push({
            id: pattern.id,
            kind: kindOf(line, start, end, token2, isUse, pattern, ruby),
            index,
            token: token2
          });
        }
      }
    }
  }
  const bodies = found2.filter((occurrence) => occurrence.kind === "d").map((definition) => ({
    id: definition.id,
    from: definition.index,
    to: bodyEnd(lines, definition.index)
  }));
  const out = [];
  const kept = /* @__PURE__ */ new Map();
  for (const occurrence of found2) {
    const inside = bodies.some(
      (body) => body.id === occurrence.id && occurrence.index >= body.from && occurrence.index <= body.to
    );
    const kind = occurrence.kind === "u" && inside ? "o" : occurrence.kind;
    const key = `${occurrence.id}\0${kind}`;
    const count2 = kept.get(key) ?? 0;
    if (count2 >= KEPT_PER_KIND) continue;
    kept.set(key, count2 + 1);
    out.push([occurrence.id, kind, occurrence.index + 1, occurrence.token]);
  }
  return out;
}
function bodyEnd(lines, from) {
  const depth2 = indentOf(lines[from]);
  for (let index = from + 1; index < lines.length; index++) {
    const line = lines[index];
    if (!line.trim()) continue;
    if (indentOf(line) > depth2) continue;
    return /^\s*(?:[}\])]|end\b)/.test(line) ? index : index - 1;
  }
  return lines.length - 1;
}
function indentOf(line) {
  return line.length - line.trimStart().length;
}
function isScanned(path2) {
  return isScannedForTechnologies(path2) && !isCiDefinition(path2) && !/(^|\/)\.github\//.test(path2) && (!isTestPath(path2) || isSourceFile(path2));
}
var codePatternsCollector = {
  id: "code-patterns",
  needs: [technologyTracesCollector],
  async collect(repo, _config, facts) {
    const componentsByPath = /* @__PURE__ */ new Map();
    for (const [id, traces] of facts.get(technologyTracesCollector).traces)
      for (const trace of traces) {
        if (!trace.strict) continue;
        const components = componentsByPath.get(trace.path) ?? /* @__PURE__ */ new Set();
        componentsByPath.set(trace.path, components.add(id));
      }
    const paths = repo.files.filter(isScanned);
    const perFile = await repo.perFiles(
      "code-patterns",
      paths,
      (text3, index) => patternsIn(text3, paths[index])
    );
    const occurrences = /* @__PURE__ */ new Map();
    let scanned = 0;
    perFile.forEach((found2, index) => {
      if (!found2) return;
      scanned += 1;
      const path2 = paths[index];
      const role = roleOf(path2);
      const components = [...componentsByPath.get(path2) ?? []];
      for (const [id, kind, line, token2] of found2) {
        const list = occurrences.get(id) ?? [];
        list.push({ path: path2, line, kind, token: token2, role, components });
        occurrences.set(id, list);
      }
    });
    return { occurrences, scanned };
  }
};

// src/core/extract/env-vars.ts
var NAME_WITH_UNDERSCORE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
var SINGLE_WORD = /^[A-Z][A-Z0-9]{1,}$/;
var ASSIGNMENT3 = /^([A-Z][A-Z0-9_]*)=\S*$/;
var TEXT_NAME = /(?<![\w$.{/-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w*(])/g;
var ENV_CONTEXT = /\b(env|environment|variables?|vars?|config(?:ured|uration)?|secrets?|tokens?|keys?)\b/i;
var NOT_VARIABLES = /* @__PURE__ */ new Set(["HTTP_ONLY", "SAME_SITE", "READ_ONLY", "TODO_LIST", "N_A"]);
function extractEnvVars(item) {
  const names2 = /* @__PURE__ */ new Set();
  for (const span of item.codeSpans) {
    const text3 = span.trim();
    const assigned = ASSIGNMENT3.exec(text3)?.[1];
    if (assigned && (NAME_WITH_UNDERSCORE.test(assigned) || SINGLE_WORD.test(assigned))) names2.add(assigned);
    else if (NAME_WITH_UNDERSCORE.test(text3)) names2.add(text3);
  }
  if (ENV_CONTEXT.test(item.text)) {
    const prose = item.codeSpans.reduce((text3, span) => text3.replace(span, " "), item.text);
    for (const match of prose.matchAll(TEXT_NAME)) names2.add(match[1]);
  }
  return [...names2].filter((name) => !NOT_VARIABLES.has(name));
}

// src/core/rules/claim-words.ts
var ENV_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
var STOP = new Set(
  "a an the and or with via for of in on to is are be as by from into its it this that all each per at our we your".split(
    " "
  )
);
function namesCodeOrVariable(item) {
  return item.codeSpans.length > 0 || extractEnvVars(item).length > 0 || ENV_NAME.test(item.text);
}
function wordsBesides(text3, named, splitHyphens = false) {
  let rest = text3;
  for (const mention of named) rest = rest.replace(new RegExp(mention.source, `${mention.flags}g`), " ");
  const words = rest.toLowerCase().match(/[a-z][a-z-]*/g) ?? [];
  return (splitHyphens ? words.flatMap((word) => word.split("-")) : words).filter(
    (word) => word && !STOP.has(word)
  );
}

// src/core/rules/code/code-pattern-applied.ts
var NOT_CLAIMED = /\b(?:no|not|without|remov\w*|replac\w*|drop\w*|deprecat\w*|instead|avoid\w*|optional|alternatives?|vs|versus|evaluat\w*|consider\w*|investigat\w*|if (?:needed|used|using|applicable|any|required|necessary))\b/i;
var BARE = new Set(
  "implemented implementation implement implementing in place added add enabled enable configured configure configuration config support supported handling logic mechanism mechanisms pattern patterns strategy strategies policy policies automatic automatically automated exponential backoff back off jitter max maximum limit limits external dependencies dependency services service calls call requests request api apis clients client http outbound upstream third party layer used use using basic simple proper properly set up setup log logs logging trail trails events records queue queues exchange exchanges topic topics locking lock locks concurrency control rotation rotate rotated warming warm cache caches caching deduplication dedup coalescing single flight breaker breakers circuit retry retries retrying audit optimistic dead letter dlq authentication auth tokens token based hashing hashed protection".split(" ")
);
var ELSEWHERE = /^(?:complet\w*|perform\w*|execut\w*|rotat\w*|secrets?|keys?|deploy\w*|releas\w*|pipelines?|ci|builds?|test\w*|monitor\w*|alert\w*|dashboards?|metrics?|status|review\w*|document\w*|runbooks?|train\w*|tun\w*|verif\w*|validat\w*|database|db|sql|migrations?|infrastructure|terraform|kubernetes|k8s)$/;
var ENV_SAMPLE = /(^|\/)\.env(?:\.[\w-]+)?$|\.env\.(?:example|sample|template|dist)$/i;
var MAX_OTHER_WORDS = 4;
var codePatternApplied = {
  id: "code.pattern-applied",
  title: "An engineering pattern the checklist names (circuit breaker, retries, audit log...) is applied in the code",
  why: "Resilience and accountability patterns listed as done but absent from the code are found missing during the outage or the audit they were meant for.",
  fix: "Apply the pattern where the application makes the calls it protects (or records the actions it audits), or correct the checklist.",
  recognises: "Items whose subject is a catalogued pattern (circuit breaker, retries/backoff, audit log, cache warming, request deduplication, optimistic locking, log rotation, dead-letter queue), alone or with a few words; not items about monitoring, testing or deploying it, removing it or weighing it. Passes only on a call, decorator, instantiation (or, for configuration-driven patterns, a configuration line) in production code, outside the file that defines what is called; fails only when nothing outside documentation names it.",
  needs: [codePatternsCollector],
  match: patternClaims,
  evaluate(claim, ctx) {
    const facts = ctx.get(codePatternsCollector);
    const { pattern } = claim;
    const occurrences = facts.occurrences.get(pattern.id) ?? [];
    if (!occurrences.length) return absent2(pattern, facts.scanned);
    const applies = (occurrence) => occurrence.role === "code" || pattern.configUse === true && occurrence.role === "config" && !ENV_SAMPLE.test(occurrence.path);
    const onComponent = (occurrence) => !claim.components.length || claim.components.some((component) => occurrence.components.includes(component.id));
    const use = firstForScope(
      occurrences,
      ctx.scope,
      (occurrence) => occurrence.kind === "u" && applies(occurrence) && onComponent(occurrence)
    );
    if (use) {
      const definition2 = occurrences.find(
        (occurrence) => occurrence.kind === "d" && occurrence.token === use.token
      );
      const found2 = `${capitalised(pattern.name)} is applied at ${at(use)}${definition2 ? ` (defined at ${at(definition2)})` : ""}`;
      const evidence2 = definition2 ? [ref(use), ref(definition2)] : [ref(use)];
      if (claim.shape === "bare") return { verdict: "pass", message: found2, evidence: evidence2 };
      return {
        verdict: "unknown",
        message: `${found2}; the rest of the claim ("${claim.rest}") is not something one call site can show`,
        evidence: evidence2
      };
    }
    const elsewhere = claim.components.length ? firstForScope(occurrences, ctx.scope, (occurrence) => occurrence.kind === "u" && applies(occurrence)) : void 0;
    if (elsewhere) {
      return {
        verdict: "unknown",
        message: `${capitalised(pattern.name)} is applied at ${at(elsewhere)}, but not in a file that uses ${claim.components.map((component) => component.name).join(" or ")}`,
        evidence: [ref(elsewhere)]
      };
    }
    const definition = firstForScope(
      occurrences,
      ctx.scope,
      (occurrence) => occurrence.kind === "d" && applies(occurrence)
    );
    if (definition) {
      return {
        verdict: "unknown",
        message: `${capitalised(pattern.name)} is defined at ${at(definition)}, but nothing outside its own body calls it, so whether it is applied is unclear`,
        evidence: [ref(definition)]
      };
    }
    const seen = firstForScope(occurrences, ctx.scope) ?? occurrences[0];
    return {
      verdict: "unknown",
      message: `${capitalised(pattern.name)} is only mentioned (${describe(seen)} at ${at(seen)}${occurrences.length > 1 ? ` and ${occurrences.length - 1} more places` : ""}), never applied in application code`,
      evidence: occurrences.slice(0, 3).map(ref)
    };
  },
  examples: {
    match: [
      "Circuit breaker implemented",
      "Retry with exponential backoff",
      "Exponential backoff for API requests",
      "Audit logging",
      "Cache warming strategies",
      "API request deduplication",
      "Optimistic locking",
      "Log rotation",
      "Dead-letter queue for failed messages",
      "Connection pooling for Redis",
      "Redis caching with retry logic",
      "\u7194\u65AD",
      "JWT authentication",
      "Passwords hashed with bcrypt",
      "CSRF protection"
    ],
    noMatch: [
      "Circuit breaker status monitoring",
      "Cache warming completed",
      "Retry failed deployments from the Actions tab",
      "npm audit passes",
      "Security audit completed",
      "No retries on non-idempotent requests",
      "Consider adding a circuit breaker",
      "Alerts on dead-letter queue depth",
      "Set `RETRY_LIMIT` in production",
      "JWT secret rotated every 90 days",
      "Password policy reviewed by security",
      "Log rotation configured on the production hosts by the platform team and checked in the quarterly review"
    ],
    verdicts: [
      {
        files: {
          "src/breaker.ts": "export class CircuitBreaker {\n  constructor(private limit: number) {}\n  fire<T>(call: () => Promise<T>) { return call(); }\n}\n",
          "src/client.ts": "import { CircuitBreaker } from './breaker';\nconst breaker = new CircuitBreaker(5);\nexport const get = (url: string) => breaker.fire(() => fetch(url));\n"
        },
        item: "Circuit breaker implemented",
        verdict: "pass"
      },
      {
        // Defined but never instantiated: a class is not the pattern applied.
        files: {
          "app/utils/resilience.py": "class CircuitBreaker:\n    def __init__(self, limit):\n        self.limit = limit\n\n    def call(self, fn):\n        if self.open:\n            raise CircuitBreakerOpen()\n        return fn()\n\n\nclass CircuitBreakerOpen(Exception):\n    pass\n",
          "app/main.py": 'from app.utils.resilience import CircuitBreaker\n\nprint("ready")\n'
        },
        item: "Circuit breaker implemented",
        verdict: "unknown"
      },
      {
        files: {
          "lib/client.rb": "class Client\n  def fetch(path)\n    with_retries do\n      http.get(path)\n    end\n  end\nend\n",
          "lib/retrying.rb": "module Retrying\n  def with_retries\n    attempts = 0\n    begin\n      yield\n    rescue StandardError\n      attempts += 1\n      retry if attempts < 3\n    end\n  end\nend\n"
        },
        item: "Retry mechanism",
        verdict: "pass"
      },
      {
        files: {
          "src/server.js": "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
          "package.json": '{ "dependencies": { "express": "^4.19.0" } }\n'
        },
        item: "Audit logging",
        verdict: "fail"
      },
      {
        // A comment is not code: mentioned, not applied.
        files: {
          "src/server.js": "const express = require('express');\n// TODO: audit log every admin action\nconst app = express();\napp.listen(3000);\n"
        },
        item: "Audit logging",
        verdict: "unknown"
      },
      {
        files: {
          "settings.py": "LOGGING = {\n    'handlers': {\n        'file': {\n            'class': 'logging.handlers.RotatingFileHandler',\n            'maxBytes': 5242880,\n        },\n    },\n}\n"
        },
        item: "Log rotation",
        verdict: "pass"
      },
      {
        files: {
          "src/auth.ts": "import jwt from 'jsonwebtoken';\nexport const check = (token: string) => jwt.verify(token, process.env.JWT_SECRET as string);\n"
        },
        item: "JWT authentication",
        verdict: "pass"
      },
      {
        // Switched off is not protection.
        files: {
          "src/main/java/app/SecurityConfig.java": "class SecurityConfig {\n  SecurityFilterChain chain(HttpSecurity http) throws Exception {\n    return http.csrf(csrf -> csrf.disable()).build();\n  }\n}\n"
        },
        item: "CSRF protection",
        verdict: "unknown"
      },
      {
        // Go: the breaker is built in the constructor of another type in the same file.
        files: {
          "internal/engine/engine.go": "package engine\n\ntype Engine struct {\n	breaker *CircuitBreaker\n}\n\nfunc NewEngine() *Engine {\n	return &Engine{breaker: NewCircuitBreaker(3)}\n}\n\ntype CircuitBreaker struct {\n	limit int\n}\n\nfunc NewCircuitBreaker(limit int) *CircuitBreaker {\n	return &CircuitBreaker{limit: limit}\n}\n"
        },
        item: "Circuit breaker implemented",
        verdict: "pass"
      },
      {
        files: {
          "src/client.py": "import time\n\nBASE_DELAY = 0.5\n\n\ndef fetch(call, retries=3):\n    for attempt in range(retries):\n        try:\n            return call()\n        except IOError:\n            time.sleep(BASE_DELAY * 2 ** attempt)\n"
        },
        item: "Exponential backoff",
        verdict: "unknown"
      },
      {
        files: {
          "src/client.py": "import time\n\nBACKOFF_BASE = 0.5\n\n\ndef fetch(call, retries=3):\n    for attempt in range(retries):\n        try:\n            return call()\n        except IOError:\n            time.sleep(BACKOFF_BASE * 2 ** attempt)\n"
        },
        item: "Exponential backoff",
        verdict: "pass"
      },
      {
        // Dependency audits in CI are not an audit log of what users did.
        files: {
          ".github/workflows/ci.yml": "on: push\njobs:\n  audit:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm audit --audit-level=high\n",
          "src/server.js": "const app = require('express')();\napp.listen(3000);\n"
        },
        item: "Audit trail",
        verdict: "fail"
      },
      {
        // A pool of WebSocket connections is not a database connection pool; ORMs pool by
        // default, so finding no pool settings proves nothing either.
        files: {
          "src/speech.ts": "export const POOL = { poolSize: 50 };\n",
          "src/db.ts": "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n"
        },
        item: "Database connection pooling",
        verdict: "unknown"
      },
      {
        files: {
          "config/settings.py": "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'CONN_MAX_AGE': 600}}\n"
        },
        item: "Database connection pooling",
        verdict: "pass"
      },
      {
        // The pool is there, but for the database, not for Redis.
        files: {
          "package.json": '{ "dependencies": { "ioredis": "^5.4.0", "pg": "^8.11.0" } }\n',
          "src/db.ts": "import { Pool } from 'pg';\nexport const db = new Pool({ max: 20, connection_pool: true });\n",
          "src/cache.ts": "import Redis from 'ioredis';\nexport const cache = new Redis(process.env.REDIS_URL);\n"
        },
        item: "Connection pooling for Redis",
        verdict: "unknown"
      },
      {
        files: {
          "app/cache.py": "import redis\nfrom app.retrying import retry\n\nclient = redis.Redis()\n\n\n@retry(attempts=3)\ndef get(key):\n    return client.get(key)\n"
        },
        item: "Redis caching with retry logic",
        verdict: "pass"
      }
    ]
  }
};
function patternClaims(item) {
  const text3 = item.text;
  if (NOT_CLAIMED.test(text3) || namesCodeOrVariable(item)) return [];
  const named = CODE_PATTERNS.filter((pattern) => pattern.mention.test(text3));
  if (!named.length || named.length > 2) return [];
  const components = TECHNOLOGIES.filter((technology) => technology.mention.test(text3));
  const words = wordsBesides(
    text3,
    [...components.map((technology) => technology.mention), ...named.map((pattern) => pattern.mention)],
    true
  );
  const other = words.filter((word) => !BARE.has(word));
  if (other.length > MAX_OTHER_WORDS || other.some((word) => ELSEWHERE.test(word))) return [];
  const shape = other.length ? "qualified" : "bare";
  return named.map((pattern) => ({ pattern, shape, rest: other.join(" "), components }));
}
function absent2(pattern, scanned) {
  if (pattern.absenceDecides === false) {
    return {
      verdict: "unknown",
      message: `no configuration of ${pattern.name} found, but frameworks commonly provide it by default, so its absence proves nothing`,
      evidence: []
    };
  }
  if (!scanned) {
    return {
      verdict: "unknown",
      message: `no code or configuration files to look for ${pattern.name} in`,
      evidence: []
    };
  }
  const looked = [.../* @__PURE__ */ new Set([...pattern.uses, ...pattern.traces])];
  return {
    verdict: "fail",
    message: `no trace of ${pattern.name} in the ${scanned} code and configuration files (looked for ${looked.slice(0, 8).join(", ")}${looked.length > 8 ? "..." : ""} in identifiers and settings; documentation not counted)`,
    evidence: [{ path: "." }]
  };
}
function describe(occurrence) {
  if (occurrence.role === "test") return "in a test";
  if (occurrence.kind === "d") return "a definition";
  return occurrence.role === "code" ? "a comment, import or name" : "in configuration";
}
function capitalised(text3) {
  return text3.charAt(0).toUpperCase() + text3.slice(1);
}
function at(occurrence) {
  return `${occurrence.path}:${occurrence.line}`;
}
function ref(occurrence) {
  return { path: occurrence.path, line: occurrence.line };
}

// src/core/rules/code/index.ts
var codeRules = [codePatternApplied];

// src/core/collectors/compose.ts
var import_yaml3 = __toESM(require_dist(), 1);
var COMPOSE_NAME = /^(?:docker-|podman-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
var VENDORED = inFolders(["node_modules", "vendor", ".git"]);
var MAX_EXCERPT = 120;
function isComposePath(path2) {
  return COMPOSE_NAME.test(path2.slice(path2.lastIndexOf("/") + 1)) && !VENDORED.test(path2);
}
var composeCollector = {
  id: "compose",
  unparsable: (evidence2) => evidence2.files.flatMap((file) => file.unparsable ? [{ path: file.path, reason: file.unparsable }] : []),
  async collect(repo) {
    const files = [];
    for (const path2 of repo.files.filter(isComposePath)) {
      const text3 = await repo.read(path2);
      if (text3 !== null) files.push(parseCompose(path2, text3));
    }
    return { files };
  }
};
function parseCompose(path2, text3) {
  const lineCounter = new import_yaml3.LineCounter();
  const lines = text3.split(/\r\n|\r|\n/);
  const services = [];
  const awaited = /* @__PURE__ */ new Set();
  try {
    const documents = parseYamlStream(text3, { lineCounter, merge: true });
    if (!Array.isArray(documents)) return { path: path2, services };
    for (const document of documents) {
      const error = document.errors[0];
      if (error) return { path: path2, services: [], unparsable: `YAML error: ${error.message.split("\n")[0]}` };
      const value = document.toJS({ maxAliasCount: MAX_ALIASES.compose });
      const tree = document.contents ?? void 0;
      if (!isObject(value) || !isObject(value.services)) continue;
      const locate2 = (keys2) => lineOf2(document, tree, keys2, lineCounter);
      const dir = folderOf(path2);
      for (const [name, raw] of Object.entries(value.services)) {
        if (!isObject(raw)) continue;
        services.push(service(name, raw, dir, locate2, lines));
        for (const dependency of completedDependencies(raw.depends_on)) awaited.add(dependency);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { path: path2, services: [], unparsable: reason ?? "unreadable YAML" };
  }
  for (const service2 of services) service2.oneShot = awaited.has(service2.name);
  return { path: path2, services };
}
function service(name, raw, dir, locate2, lines) {
  const serviceLine = locate2(["services", name]) ?? 1;
  const at9 = (...keys2) => locate2(["services", name, ...keys2]) ?? serviceLine;
  const located = (value, ...keys2) => {
    if (value === void 0 || value === null || isObject(value) || Array.isArray(value)) return void 0;
    const line = at9(...keys2);
    return { value: String(value), line, excerpt: excerptAt(lines, line) };
  };
  const deploy = isObject(raw.deploy) ? raw.deploy : {};
  const limits = isObject(deploy.resources) && isObject(deploy.resources.limits) ? deploy.resources.limits : {};
  const restartPolicy = isObject(deploy.restart_policy) ? deploy.restart_policy : void 0;
  const result = {
    name,
    line: serviceLine,
    volumes: volumes(raw.volumes, (index) => at9("volumes", index), lines),
    profiles: Array.isArray(raw.profiles) ? raw.profiles.map(String) : [],
    oneShot: false,
    environment: environmentOf(raw.environment, (key) => at9("environment", key))
  };
  const image = located(raw.image, "image");
  if (image) result.image = image;
  if (raw.build !== void 0 && raw.build !== null) {
    result.build = { line: at9("build"), ...buildOf(raw.build, dir) };
  }
  if (isObject(raw.healthcheck)) {
    const line = at9("healthcheck");
    const disabled = raw.healthcheck.disable === true || isNoneTest(raw.healthcheck.test);
    result.healthcheck = { line, disabled, excerpt: excerptAt(lines, line) };
  }
  const memory = located(limits.memory, "deploy", "resources", "limits", "memory") ?? located(raw.mem_limit, "mem_limit");
  if (memory) result.memoryLimit = memory;
  const cpu = located(limits.cpus, "deploy", "resources", "limits", "cpus") ?? located(raw.cpus, "cpus") ?? located(raw.cpu_quota, "cpu_quota");
  if (cpu) result.cpuLimit = cpu;
  const restart = located(raw.restart, "restart") ?? located(restartPolicy?.condition, "deploy", "restart_policy", "condition") ?? (restartPolicy ? located("any", "deploy", "restart_policy") : void 0);
  if (restart) result.restart = restart;
  const user = located(raw.user, "user");
  if (user) result.user = user;
  return result;
}
function environmentOf(environment, lineAt2) {
  const entries = Array.isArray(environment) ? environment.map((entry2, index) => [String(entry2).split("=")[0]?.trim() ?? "", index]) : isObject(environment) ? Object.keys(environment).map((name) => [name, name]) : [];
  return entries.filter(([name]) => /^[A-Za-z_]\w*$/.test(name)).map(([name, key]) => ({ name, line: lineAt2(key) }));
}
function completedDependencies(dependsOn) {
  if (!isObject(dependsOn)) return [];
  return Object.entries(dependsOn).filter(([, spec]) => isObject(spec) && spec.condition === "service_completed_successfully").map(([name]) => name);
}
function isNoneTest(test) {
  if (Array.isArray(test)) return test[0] === "NONE";
  return test === "NONE";
}
function buildOf(build, dir) {
  const written = typeof build === "string" ? build : isObject(build) ? String(build.context ?? ".") : ".";
  const dockerfile = isObject(build) && typeof build.dockerfile === "string" ? build.dockerfile : "Dockerfile";
  const context = fromFolder(dir, written);
  return { context, dockerfile: fromFolder(context, dockerfile) };
}
function fromFolder(folder, path2) {
  return joinPath(path2.startsWith("/") ? "" : folder, path2);
}
function volumes(raw, lineAt2, lines) {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry2, index) => {
    const line = lineAt2(index);
    const excerpt2 = excerptAt(lines, line);
    if (typeof entry2 === "string") return [shortVolume(entry2, line, excerpt2)];
    if (!isObject(entry2) || typeof entry2.target !== "string") return [];
    const source = typeof entry2.source === "string" ? entry2.source : void 0;
    const type = typeof entry2.type === "string" ? entry2.type : source ? kindOfSource(source) : "anonymous";
    const kind = type === "volume" ? source ? "named" : "anonymous" : isVolumeKind(type) ? type : "other";
    return [{ kind, ...source ? { source } : {}, target: entry2.target, line, excerpt: excerpt2 }];
  });
}
function shortVolume(entry2, line, excerpt2) {
  const colon = entry2.indexOf(":", /^[A-Za-z]:[\\/]/.test(entry2) ? 2 : 0);
  if (colon < 0) return { kind: "anonymous", target: entry2, line, excerpt: excerpt2 };
  const source = entry2.slice(0, colon);
  const target = entry2.slice(colon + 1).replace(/:(?:ro|rw|z|Z|[a-z,]+)$/, "");
  return { kind: kindOfSource(source), source, target, line, excerpt: excerpt2 };
}
function kindOfSource(source) {
  if (source.startsWith("$")) return "unresolved";
  if (/^(?:[./~]|[A-Za-z]:[\\/])/.test(source)) return "bind";
  return "named";
}
function isVolumeKind(type) {
  return type === "bind" || type === "tmpfs";
}
function lineOf2(document, tree, keys2, counter) {
  let node = tree;
  let line;
  for (const key of keys2) {
    node = unalias(document, node);
    const found2 = childOf(document, node, key);
    if (!found2) return line;
    line = found2.line !== void 0 ? counter.linePos(found2.line).line : line;
    node = found2.value;
  }
  return line;
}
function childOf(document, node, key) {
  if (!node) return void 0;
  if (typeof key === "number") {
    const item = "items" in node && Array.isArray(node.items) ? node.items[key] : void 0;
    return item && !(0, import_yaml3.isMap)(node) ? { line: item.range?.[0], value: item } : void 0;
  }
  if (!(0, import_yaml3.isMap)(node)) return void 0;
  let merged;
  for (const pair of node.items) {
    const pairKey = (0, import_yaml3.isScalar)(pair.key) ? typeof pair.key.value === "symbol" ? "<<" : String(pair.key.value) : void 0;
    if (pairKey === key)
      return { line: pair.key.range?.[0], value: pair.value };
    if (pairKey === "<<" && !merged) {
      const sources = pair.value && "items" in pair.value ? pair.value.items : [pair.value];
      for (const source of sources) {
        const inSource = childOf(document, unalias(document, source), key);
        if (inSource) {
          merged = { line: pair.key.range?.[0], value: inSource.value };
          break;
        }
      }
    }
  }
  return merged;
}
function unalias(document, node) {
  let current = node;
  for (let hops = 0; current && (0, import_yaml3.isAlias)(current) && hops < MAX_ALIASES.compose; hops++) {
    current = current.resolve(document);
  }
  return current;
}
function excerptAt(lines, line) {
  return (lines[line - 1] ?? "").trim().slice(0, MAX_EXCERPT);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/core/formats/located-yaml.ts
var import_yaml5 = __toESM(require_dist(), 1);
var MAX_NODES = 1e5;
var MAX_DOCUMENTS = 1e3;
var LimitError = class extends Error {
};
function parseLocated(text3) {
  const lineCounter = new import_yaml5.LineCounter();
  let parsed;
  try {
    parsed = parseYamlStream(text3, { lineCounter, prettyErrors: false, strict: false });
  } catch (error) {
    return { ok: false, error: describe2(error) };
  }
  const docs = Array.isArray(parsed) ? parsed : [];
  if (docs.length > MAX_DOCUMENTS) return { ok: false, error: `more than ${MAX_DOCUMENTS} YAML documents` };
  const budget = { nodes: 0, aliases: 0 };
  const documents = [];
  for (const doc of docs) {
    const problem = doc.errors[0];
    if (problem) {
      const line = problem.linePos?.[0].line ?? lineCounter.linePos(problem.pos[0]).line;
      return { ok: false, error: problem.message.split("\n")[0] ?? "invalid YAML", line };
    }
    const lineOf4 = (node) => node.range ? lineCounter.linePos(node.range[0]).line : 0;
    const convert = (node, depth2) => {
      if (++budget.nodes > MAX_NODES) throw new LimitError(`more than ${MAX_NODES} YAML nodes`);
      if (depth2 > 64) throw new LimitError("YAML nested deeper than 64 levels");
      if ((0, import_yaml5.isAlias)(node)) {
        if (++budget.aliases > MAX_ALIASES.manifest)
          throw new LimitError(`more than ${MAX_ALIASES.manifest} YAML aliases`);
        return convert(node.resolve(doc), depth2 + 1);
      }
      if ((0, import_yaml5.isMap)(node)) {
        const entries = /* @__PURE__ */ new Map();
        for (const pair of node.items) {
          const key = (0, import_yaml5.isScalar)(pair.key) ? String(pair.key.value) : null;
          if (key === null) continue;
          const value = convert(pair.value, depth2 + 1) ?? {
            kind: "scalar",
            line: lineOf4(pair.key),
            value: null
          };
          entries.set(key, { keyLine: lineOf4(pair.key), value });
        }
        return { kind: "map", line: lineOf4(node), entries };
      }
      if ((0, import_yaml5.isSeq)(node)) {
        const items2 = [];
        for (const item of node.items) {
          const converted = convert(item, depth2 + 1);
          if (converted) items2.push(converted);
        }
        return { kind: "seq", line: lineOf4(node), items: items2 };
      }
      if ((0, import_yaml5.isScalar)(node)) return { kind: "scalar", line: lineOf4(node), value: node.value };
      return null;
    };
    try {
      const root = convert(doc.contents, 0);
      documents.push({ line: root?.line ?? lineOf4(doc), root });
    } catch (error) {
      if (error instanceof LimitError) return { ok: false, error: error.message };
      return { ok: false, error: describe2(error) };
    }
  }
  return { ok: true, documents };
}
function describe2(error) {
  return error instanceof Error ? error.message.split("\n")[0] ?? "invalid YAML" : "invalid YAML";
}
function child(node, key) {
  return node?.kind === "map" ? node.entries.get(key)?.value : void 0;
}
function keyLine(node, key) {
  return node?.kind === "map" ? node.entries.get(key)?.keyLine : void 0;
}
function path(node, ...keys2) {
  let current = node ?? void 0;
  for (const key of keys2) current = child(current, key);
  return current;
}
function scalar(node) {
  return node?.kind === "scalar" ? node.value : void 0;
}
function text2(node) {
  const value = scalar(node);
  return typeof value === "string" || typeof value === "number" ? String(value) : void 0;
}
function items(node) {
  return node?.kind === "seq" ? node.items : [];
}
function keys(node) {
  return node?.kind === "map" ? [...node.entries.keys()] : [];
}
function plain(node) {
  if (!node) return void 0;
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(plain);
  return Object.fromEntries([...node.entries].map(([key, entry2]) => [key, plain(entry2.value)]));
}

// src/core/collectors/kubernetes/facts.ts
var PROBES = ["livenessProbe", "readinessProbe", "startupProbe"];
var POD_SECURITY_MODES = ["enforce", "audit", "warn"];

// src/core/collectors/kubernetes/helm.ts
var import_yaml7 = __toESM(require_dist(), 1);
var ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
var ACTIONS_ONLY = /^\s*(?:\{\{[\s\S]*?\}\}\s*)+$/;
var VALUE_ACTION = /^(\s*(?:-\s+)?(?:[\w./-]+:\s+)?)\{\{-?\s*((?:(?!\}\})[\s\S])*?)\s*-?\}\}\s*$/;
var INDENTED_YAML = /^(?:toYaml\s+(\S+)|(\S+)\s*\|\s*toYaml)\s*\|\s*n?indent\s+(\d+)$/;
var VALUES_REF = /^\.Values((?:\.[\w-]+)+)$/;
var TEMPLATED = "TEMPLATED";
var MULTILINE_COMMENT = /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g;
var VALUE_PRESERVING = /^(quote|squote|toString|int|int64|float64|default\s+\S+)$/;
function isTemplate(text3) {
  return text3.includes("{{");
}
function renderTemplate(source, values) {
  const blocks = [];
  const origins = /* @__PURE__ */ new Map();
  const uncommented = source.replace(MULTILINE_COMMENT, (comment) => comment.replace(/[^\r\n]/g, ""));
  const lines = uncommented.split(/\r\n|\r|\n/);
  let openKeyIndent = -1;
  const output = lines.map((line, index) => {
    const rendered = renderLine(line, index);
    if (rendered.trim()) openKeyIndent = /:\s*$/.test(rendered) ? rendered.search(/\S/) : -1;
    return rendered;
  });
  function renderLine(line, index) {
    const lineNo = index + 1;
    const insideDefine = blocks.some((block) => block.kind === "define");
    const condition = describeConditions(blocks);
    if (ACTIONS_ONLY.test(line)) {
      const actions = [...line.matchAll(ACTION)].map((found2) => (found2[1] ?? "").trim());
      const indented = actions.length === 1 ? INDENTED_YAML.exec(actions[0] ?? "") : null;
      if (indented && !insideDefine) {
        const reference = indented[1] ?? indented[2] ?? "";
        const awaitsValue = openKeyIndent >= 0 && Number(indented[3]) > openKeyIndent;
        const indent = " ".repeat(Number(indented[3]) + 1);
        const found2 = lookup(reference, blocks, values);
        if (found2?.present) {
          origins.set(lineNo, { valuesPath: values?.path, valuesLine: found2.line, condition });
          if (isFilled(found2.value)) return asBlock(found2.value, Number(indented[3]));
          return awaitsValue ? indent + JSON.stringify(found2.value ?? null) : "";
        }
        if (condition) origins.set(lineNo, { condition });
        return awaitsValue ? indent + JSON.stringify(`{{ ${actions[0]} }}`) : "";
      }
      for (const action of actions) track(action, blocks, values);
      return "";
    }
    if (insideDefine || blocks.some((block) => block.active === false && block.elseBranch)) return "";
    if (condition) origins.set(lineNo, { condition });
    if (!isTemplate(line)) return line;
    const whole = VALUE_ACTION.exec(line);
    if (whole) {
      const action = (whole[2] ?? "").trim();
      const [reference = "", ...pipeline] = action.split("|").map((part) => part.trim());
      const keepsValue = pipeline.every((step) => VALUE_PRESERVING.test(step));
      const found2 = keepsValue ? lookup(reference, blocks, values) : void 0;
      if (found2?.present && (found2.value === null || typeof found2.value !== "object")) {
        origins.set(lineNo, { valuesPath: values?.path, valuesLine: found2.line, condition });
        return `${whole[1]}${JSON.stringify(found2.value)}`;
      }
      return `${whole[1]}${JSON.stringify(`{{ ${action} }}`)}`;
    }
    return line.replace(/\{\{[\s\S]*?\}\}/g, TEMPLATED);
  }
  const text3 = [];
  const lineMap = [];
  const outputOrigins = /* @__PURE__ */ new Map();
  output.forEach((chunk, index) => {
    for (const piece of chunk.split("\n")) {
      text3.push(piece);
      lineMap.push(index + 1);
      const origin = origins.get(index + 1);
      if (origin) outputOrigins.set(text3.length, origin);
    }
  });
  return { text: text3.join("\n"), lineMap, origins: outputOrigins };
}
function isFilled(value) {
  return typeof value === "object" && value !== null && Object.keys(value).length > 0;
}
function asBlock(value, indent) {
  const pad = " ".repeat(indent);
  return (0, import_yaml7.stringify)(value, { lineWidth: 0 }).trimEnd().split("\n").map((line) => pad + line).join("\n");
}
function isTemplated(value) {
  return typeof value === "string" && (value.startsWith("{{") || value.includes(TEMPLATED));
}
function track(action, blocks, values) {
  const [keyword = "", ...rest] = action.replace(/^\/\*[\s\S]*\*\/$/, "").split(/\s+/);
  const argument = rest.join(" ");
  switch (keyword) {
    case "if": {
      blocks.push({ kind: "if", active: truth(argument, blocks, values), description: `if ${argument}` });
      return;
    }
    case "with": {
      const active = truth(argument, blocks, values);
      blocks.push({
        kind: "with",
        active,
        description: `with ${argument}`,
        dot: argument.split("|")[0]?.trim()
      });
      return;
    }
    case "range":
      blocks.push({ kind: "range", active: void 0, description: `range ${argument}` });
      return;
    case "define":
      blocks.push({ kind: "define", active: false, description: "define" });
      return;
    case "block":
      blocks.push({ kind: "other", active: true, description: "block" });
      return;
    case "else": {
      const top = blocks.at(-1);
      if (!top) return;
      top.elseBranch = true;
      if (rest[0] === "if") {
        const before = top.active;
        const next = truth(rest.slice(1).join(" "), blocks, values);
        top.active = before === true ? false : before === false ? next : void 0;
        top.description = `else ${rest.slice(1).join(" ")}`;
      } else {
        top.active = top.active === void 0 ? void 0 : !top.active;
        top.description = `else of ${top.description}`;
      }
      return;
    }
    case "end":
      blocks.pop();
      return;
    default:
      return;
  }
}
function describeConditions(blocks) {
  const off = blocks.find((block) => block.active === false && block.kind !== "define");
  if (off) return `off with default values (${off.description})`;
  const open = blocks.find((block) => block.active === void 0);
  return open ? `depends on ${open.description}` : void 0;
}
function truth(condition, blocks, values) {
  const negated = /^not\s+(.+)$/.exec(condition.trim());
  if (negated) {
    const inner = truth(negated[1] ?? "", blocks, values);
    return inner === void 0 ? void 0 : !inner;
  }
  const found2 = lookup(condition.trim(), blocks, values);
  if (!found2) return void 0;
  return found2.present ? helmTruthy(found2.value) : false;
}
function helmTruthy(value) {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}
function lookup(reference, blocks, values) {
  let resolved = reference;
  if (reference === ".") {
    const inner = [...blocks].reverse().find((block) => block.kind === "with" || block.kind === "range");
    if (inner?.kind !== "with" || !inner.dot) return void 0;
    resolved = inner.dot;
  }
  const match = VALUES_REF.exec(resolved);
  if (!match || !values?.root) return void 0;
  const keys2 = (match[1] ?? "").slice(1).split(".");
  const node = path(values.root, ...keys2);
  if (!node) return { present: false };
  return { present: true, value: plain(node), line: node.line };
}

// src/core/collectors/kubernetes/extract.ts
var POD_TEMPLATE = {
  Deployment: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  Job: ["spec", "template"],
  Rollout: ["spec", "template"],
  DeploymentConfig: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"],
  PodTemplate: ["template"],
  Pod: []
};
var WORKLOAD_KINDS = Object.keys(POD_TEMPLATE);
function workloadFacts(root, object, locate2) {
  const templatePath = POD_TEMPLATE[object.kind];
  if (!templatePath) return null;
  const template = templatePath.length ? path(root, ...templatePath) : root;
  const spec = child(template, "spec");
  const podLine = keyLine(template, "spec") ?? object.at.line;
  const workload = {
    object,
    pod: {
      at: locate2(podLine),
      securityContext: securityContext(spec, locate2),
      automountServiceAccountToken: setting(spec, "automountServiceAccountToken", locate2, asBoolean),
      serviceAccountName: text2(child(spec, "serviceAccountName"))
    },
    containers: [
      ...items(child(spec, "initContainers")).map((node) => container(node, true, locate2)),
      ...items(child(spec, "containers")).map((node) => container(node, false, locate2))
    ]
  };
  const replicas = setting(child(root, "spec"), "replicas", locate2, asNumber);
  if (replicas) workload.replicas = replicas;
  return workload;
}
function container(node, init, locate2) {
  const probes = {};
  for (const probe of PROBES) {
    const found2 = probeSetting(node, probe, locate2);
    if (found2) probes[probe] = found2;
  }
  return {
    name: text2(child(node, "name")) ?? "(unnamed)",
    init,
    at: locate2(node.line),
    resources: resources(node, locate2),
    probes,
    securityContext: securityContext(node, locate2),
    env: items(child(node, "env")).flatMap((entry2) => {
      const name = text2(child(entry2, "name"));
      return name ? [{ name, at: locate2(entry2.line) }] : [];
    })
  };
}
function probeSetting(node, probe, locate2) {
  const line = keyLine(node, probe);
  if (line === void 0) return void 0;
  const value = child(node, probe);
  const at9 = keyAt(locate2, line, value);
  if (value?.kind === "scalar" && isTemplated(value.value)) return { templated: true, at: at9 };
  return { value: value?.kind === "map" && value.entries.size > 0 ? "set" : "empty", at: at9 };
}
function resources(node, locate2) {
  const line = keyLine(node, "resources");
  if (line === void 0) return void 0;
  const value = child(node, "resources");
  const at9 = keyAt(locate2, line, value);
  if (value?.kind === "scalar" && isTemplated(value.value))
    return { at: at9, templated: true, requests: [], limits: [] };
  const named = (key) => keys(child(value, key)).filter((name) => scalar(path(value, key, name)) !== null);
  const templatedPart = ["requests", "limits"].some((key) => isTemplated(scalar(child(value, key))));
  return { at: at9, templated: templatedPart, requests: named("requests"), limits: named("limits") };
}
function securityContext(owner, locate2) {
  const line = keyLine(owner, "securityContext");
  if (line === void 0) return void 0;
  const node = child(owner, "securityContext");
  const at9 = keyAt(locate2, line, node);
  if (node?.kind === "scalar" && isTemplated(node.value)) return { at: at9, templated: true };
  const facts = { at: at9, templated: false };
  const runAsNonRoot = setting(node, "runAsNonRoot", locate2, asBoolean);
  if (runAsNonRoot) facts.runAsNonRoot = runAsNonRoot;
  const runAsUser = setting(node, "runAsUser", locate2, asNumber);
  if (runAsUser) facts.runAsUser = runAsUser;
  const readOnly = setting(node, "readOnlyRootFilesystem", locate2, asBoolean);
  if (readOnly) facts.readOnlyRootFilesystem = readOnly;
  const escalation = setting(node, "allowPrivilegeEscalation", locate2, asBoolean);
  if (escalation) facts.allowPrivilegeEscalation = escalation;
  const privileged = setting(node, "privileged", locate2, asBoolean);
  if (privileged) facts.privileged = privileged;
  const capabilities = child(node, "capabilities");
  const dropLine = keyLine(capabilities, "drop");
  if (dropLine !== void 0) {
    const drop = child(capabilities, "drop");
    facts.capabilitiesDrop = drop?.kind === "scalar" && isTemplated(drop.value) ? { templated: true, at: locate2(dropLine) } : { value: items(drop).flatMap((item) => text2(item) ?? []), at: locate2(drop?.line || dropLine) };
  }
  return facts;
}
function hpaFacts(root, object, locate2) {
  const spec = child(root, "spec");
  const target = child(spec, "scaleTargetRef");
  const facts = { object, custom: [] };
  const kind = text2(child(target, "kind"));
  const name = text2(child(target, "name"));
  if (kind && name) facts.target = { kind, name };
  const min = setting(spec, "minReplicas", locate2, asNumber);
  if (min) facts.minReplicas = min;
  const max = setting(spec, "maxReplicas", locate2, asNumber);
  if (max) facts.maxReplicas = max;
  const v1Cpu = setting(spec, "targetCPUUtilizationPercentage", locate2, asNumber);
  if (v1Cpu) facts.cpu = v1Cpu;
  for (const metric2 of items(child(spec, "metrics"))) {
    const custom = customMetric(metric2, locate2);
    if (custom) facts.custom.push(custom);
    const resource = child(metric2, "resource");
    const resourceName = text2(child(resource, "name"));
    if (resourceName !== "cpu" && resourceName !== "memory") continue;
    const found2 = setting(child(resource, "target"), "averageUtilization", locate2, asNumber) ?? setting(resource, "targetAverageUtilization", locate2, asNumber);
    if (found2) facts[resourceName] = found2;
  }
  return facts;
}
function customMetric(metric2, locate2) {
  const type = text2(child(metric2, "type"));
  if (type !== "Pods" && type !== "Object" && type !== "External") return void 0;
  const source = child(metric2, type.charAt(0).toLowerCase() + type.slice(1));
  return setting(child(source, "metric"), "name", locate2, asString) ?? setting(source, "metricName", locate2, asString);
}
function pdbFacts(root, object, locate2) {
  const spec = child(root, "spec");
  const facts = { object };
  const minAvailable = setting(spec, "minAvailable", locate2, asIntOrString);
  if (minAvailable) facts.minAvailable = minAvailable;
  const maxUnavailable = setting(spec, "maxUnavailable", locate2, asIntOrString);
  if (maxUnavailable) facts.maxUnavailable = maxUnavailable;
  return facts;
}
function networkPolicyFacts(root, object) {
  const spec = child(root, "spec");
  const selector = child(spec, "podSelector");
  const selectsAllPods = keyLine(spec, "podSelector") !== void 0 && (selector === void 0 || selector.kind === "scalar" && selector.value === null || selector.kind === "map" && ["matchLabels", "matchExpressions"].every((key) => isEmpty(child(selector, key))));
  const facts = {
    object,
    selectsAllPods,
    policyTypes: items(child(spec, "policyTypes")).flatMap((item) => text2(item) ?? [])
  };
  if (keyLine(spec, "ingress") !== void 0) facts.ingressRules = items(child(spec, "ingress")).length;
  if (keyLine(spec, "egress") !== void 0) facts.egressRules = items(child(spec, "egress")).length;
  return facts;
}
function ingressFacts(root, object, locate2) {
  const spec = child(root, "spec");
  const facts = {
    object,
    hosts: items(child(spec, "rules")).flatMap((rule) => text2(child(rule, "host")) ?? [])
  };
  const tlsLine = keyLine(spec, "tls");
  if (tlsLine !== void 0) {
    const tls = child(spec, "tls");
    facts.tls = tls?.kind === "scalar" && isTemplated(tls.value) ? { templated: true, at: locate2(tlsLine) } : { value: items(tls).length, at: locate2(tlsLine) };
  }
  return facts;
}
function namespaceFacts(root, object, locate2) {
  const labels = path(root, "metadata", "labels");
  const facts = { object, podSecurity: {} };
  for (const mode of POD_SECURITY_MODES) {
    const found2 = setting(labels, `pod-security.kubernetes.io/${mode}`, locate2, asString);
    if (found2) facts.podSecurity[mode] = found2;
  }
  return facts;
}
var PLACEHOLDER = /^(?:<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|x+|\*+|\.+|-+|todo|tbd|changeme|change[-_ ]?me|replace[-_ ]?me|placeholder|your[-_ ].*|example|dummy|redacted|secret|password)$/i;
function secretFacts(root, object, locate2) {
  const facts = { object, type: text2(child(root, "type")), entries: [] };
  for (const field of ["data", "stringData"]) {
    const block = child(root, field);
    if (block?.kind !== "map") continue;
    for (const [key, entry2] of block.entries) {
      facts.entries.push({
        key,
        field,
        kind: secretValueKind(scalar(entry2.value), field),
        at: locate2(entry2.keyLine)
      });
    }
  }
  return facts;
}
function secretValueKind(value, field) {
  if (value === null || value === void 0 || value === "") return "empty";
  if (isTemplated(value)) return "templated";
  const raw = String(value).trim();
  const plainText = field === "data" ? decodeBase64(raw) : raw;
  if (plainText !== null && PLACEHOLDER.test(plainText.trim())) return "placeholder";
  return plainText === "" ? "empty" : "literal";
}
function decodeBase64(value) {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(value)) return null;
  try {
    return atob(value.replace(/\s+/g, ""));
  } catch {
    return null;
  }
}
function serviceAccountFacts(root, object, locate2) {
  const automount = setting(root, "automountServiceAccountToken", locate2, asBoolean);
  return automount ? { object, automountServiceAccountToken: automount } : { object };
}
function limitRangeFacts(root, object) {
  const limits = items(path(root, "spec", "limits")).filter(
    (limit) => text2(child(limit, "type")) === "Container"
  );
  return {
    object,
    defaultLimits: limits.flatMap((limit) => keys(child(limit, "default"))),
    defaultRequests: limits.flatMap((limit) => keys(child(limit, "defaultRequest")))
  };
}
function keyAt(locate2, line, value) {
  const at9 = locate2(line);
  if (!value?.line || value.line === line) return at9;
  const inner = locate2(value.line);
  if (inner.fromValues) at9.fromValues = inner.fromValues;
  if (inner.condition && !at9.condition) at9.condition = inner.condition;
  return at9;
}
function setting(owner, key, locate2, read) {
  const line = keyLine(owner, key);
  if (line === void 0) return void 0;
  const raw = scalar(child(owner, key));
  const at9 = locate2(line);
  if (isTemplated(raw)) return { templated: true, at: at9 };
  const value = read(raw);
  return value === void 0 ? void 0 : { value, at: at9 };
}
function asBoolean(value) {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return void 0;
}
function asNumber(value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  return void 0;
}
function asIntOrString(value) {
  return typeof value === "number" || typeof value === "string" ? value : void 0;
}
function asString(value) {
  return typeof value === "string" ? value : void 0;
}
function isEmpty(node) {
  if (!node) return true;
  if (node.kind === "map") return node.entries.size === 0;
  if (node.kind === "seq") return node.items.length === 0;
  return node.value === null;
}

// src/core/collectors/kubernetes.ts
var YAML_FILE = /\.ya?ml$/i;
var KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
var NOT_DEPLOYMENT = inFolders([
  "node_modules",
  "vendor",
  "fixtures",
  "__fixtures__",
  "testdata",
  "test",
  "tests",
  "__tests__",
  ".github"
]);
var KIND_LINE = /^kind:\s*["']?([A-Za-z][\w]*)/;
var kubernetesCollector = {
  id: "kubernetes",
  unparsable: (evidence2) => evidence2.unparsable.map((file) => ({ path: file.path, reason: file.error })),
  collect: collectKubernetes
};
async function collectKubernetes(repo) {
  const yamlFiles = repo.files.filter((file) => YAML_FILE.test(file) && !NOT_DEPLOYMENT.test(file));
  const evidence2 = {
    yamlFiles: yamlFiles.length,
    manifestFiles: [],
    objects: [],
    workloads: [],
    hpas: [],
    pdbs: [],
    networkPolicies: [],
    ingresses: [],
    namespaces: [],
    secrets: [],
    limitRanges: [],
    serviceAccounts: [],
    kustomizations: [],
    charts: [],
    unparsable: []
  };
  const charts = await readCharts(repo, yamlFiles, evidence2);
  const patchFiles = await readKustomizations(repo, evidence2);
  const manifests = [];
  for (const file of yamlFiles) {
    if (KUSTOMIZATION.test(file) || /(^|\/)Chart\.ya?ml$/.test(file)) continue;
    const chart = charts.find((candidate) => file.startsWith(candidate.facts.dir));
    if (chart && !file.startsWith(`${chart.facts.dir}templates/`)) continue;
    manifests.push({ file, chart });
  }
  const plain2 = manifests.filter(({ chart }) => !chart).map(({ file }) => file);
  const kinds = await repo.perFiles("k8s-declares-kind", plain2, (source) => /^kind\s*:/m.test(source));
  const declaresKind = new Map(plain2.map((file, index) => [file, kinds[index] === true]));
  for (const { file, chart } of manifests) {
    if (!chart && !declaresKind.get(file)) continue;
    const source = await repo.read(file);
    if (source === null) continue;
    readManifest(file, source, chart, patchFiles.has(file), evidence2);
  }
  mergePatches(evidence2);
  return evidence2;
}
async function readCharts(repo, yamlFiles, evidence2) {
  const contexts = [];
  for (const chartFile of yamlFiles.filter((file) => /(^|\/)Chart\.ya?ml$/.test(file))) {
    const dir = chartFile.slice(0, chartFile.lastIndexOf("/") + 1);
    const facts = { dir, templateKinds: [] };
    let values = null;
    const valuesPath = [`${dir}values.yaml`, `${dir}values.yml`].find((candidate) => repo.has(candidate));
    if (valuesPath) {
      facts.valuesPath = valuesPath;
      const parsed = parseLocated(await repo.read(valuesPath) ?? "");
      if (parsed.ok) values = { path: valuesPath, root: parsed.documents[0]?.root ?? null };
      else evidence2.unparsable.push({ path: valuesPath, error: parsed.error, line: parsed.line, kinds: [] });
    }
    contexts.push({ facts, values });
    evidence2.charts.push(facts);
  }
  return contexts.sort((a, b) => b.facts.dir.length - a.facts.dir.length);
}
async function readKustomizations(repo, evidence2) {
  const patchFiles = /* @__PURE__ */ new Set();
  for (const file of repo.files.filter((candidate) => KUSTOMIZATION.test(candidate))) {
    if (NOT_DEPLOYMENT.test(file)) continue;
    const parsed = parseLocated(await repo.read(file) ?? "");
    if (!parsed.ok) {
      evidence2.unparsable.push({ path: file, error: parsed.error, line: parsed.line, kinds: [] });
      continue;
    }
    const root = parsed.documents[0]?.root;
    const dir = file.slice(0, file.lastIndexOf("/") + 1);
    const listed3 = (key) => items(child(root, key)).flatMap((item) => text2(item) ?? text2(child(item, "path")) ?? []);
    const patches = ["patches", "patchesStrategicMerge", "patchesJson6902"].flatMap(listed3).map((patch) => joinPath(dir, patch));
    for (const patch of patches) patchFiles.add(patch);
    const facts = {
      path: file,
      resources: listed3("resources").map((resource) => joinPath(dir, resource)),
      patches,
      components: listed3("components").map((component) => joinPath(dir, component)),
      component: text2(child(root, "kind")) === "Component",
      opaquePatches: [...items(child(root, "patches")), ...items(child(root, "patchesJson6902"))].filter((entry2) => child(entry2, "patch") || child(entry2, "target")).map((entry2) => ({ ...patchTarget(entry2), at: { path: file, line: entry2.line } })),
      replicas: items(child(root, "replicas")).flatMap((entry2) => {
        const name = text2(child(entry2, "name"));
        const count2 = Number(text2(child(entry2, "count")));
        return name && Number.isInteger(count2) ? [{ name, count: count2, at: { path: file, line: entry2.line } }] : [];
      }),
      secretGenerators: items(child(root, "secretGenerator")).map((generator) => ({
        name: text2(child(generator, "name")) ?? "(unnamed)",
        at: { path: file, line: generator.line },
        literals: items(child(generator, "literals")).length,
        files: items(child(generator, "files")).length + items(child(generator, "envs")).length
      }))
    };
    evidence2.kustomizations.push(facts);
  }
  return patchFiles;
}
function readManifest(file, source, chart, patch, evidence2) {
  const kindLines = source.split(/\r\n|\r|\n/).flatMap((line, index) => {
    const kind = KIND_LINE.exec(line)?.[1];
    return kind ? [{ kind, line: index + 1 }] : [];
  });
  if (chart) {
    for (const { kind, line } of kindLines)
      chart.facts.templateKinds.push({ kind, at: { path: file, line } });
  }
  const rendered = isTemplate(source) ? renderTemplate(source, chart?.values ?? null) : null;
  const parsed = parseLocated(rendered?.text ?? source);
  if (!parsed.ok) {
    if (kindLines.length)
      evidence2.unparsable.push({ path: file, error: parsed.error, line: parsed.line, kinds: kindLines });
    return;
  }
  const locate2 = (line) => ({
    path: file,
    line: rendered?.lineMap[line - 1] ?? line,
    ...originOf(rendered?.origins.get(line))
  });
  let found2 = false;
  for (const document of parsed.documents) {
    const root = document.root;
    const apiVersion = text2(child(root, "apiVersion"));
    const kind = text2(child(root, "kind"));
    if (!root || !apiVersion || !kind) continue;
    if (/\btest\b/.test(text2(path(root, "metadata", "annotations", "helm.sh/hook")) ?? "")) continue;
    found2 = true;
    const object = {
      apiVersion,
      kind,
      name: text2(child(child(root, "metadata"), "name")) ?? "(unnamed)",
      at: locate2(keyLine(root, "kind") ?? document.line),
      patch
    };
    const namespace = text2(child(child(root, "metadata"), "namespace"));
    if (namespace) object.namespace = namespace;
    if (chart) object.chart = chart.facts.dir;
    evidence2.objects.push(object);
    addFacts(root, object, locate2, evidence2);
  }
  if (found2) evidence2.manifestFiles.push(file);
}
function addFacts(root, object, locate2, evidence2) {
  const workload = workloadFacts(root, object, locate2);
  if (workload) {
    evidence2.workloads.push(workload);
    return;
  }
  switch (object.kind) {
    case "HorizontalPodAutoscaler":
      evidence2.hpas.push(hpaFacts(root, object, locate2));
      return;
    case "PodDisruptionBudget":
      evidence2.pdbs.push(pdbFacts(root, object, locate2));
      return;
    case "NetworkPolicy":
      evidence2.networkPolicies.push(networkPolicyFacts(root, object));
      return;
    case "Ingress":
      evidence2.ingresses.push(ingressFacts(root, object, locate2));
      return;
    case "Namespace":
      evidence2.namespaces.push(namespaceFacts(root, object, locate2));
      return;
    case "Secret":
      evidence2.secrets.push(secretFacts(root, object, locate2));
      return;
    case "ServiceAccount":
      evidence2.serviceAccounts.push(serviceAccountFacts(root, object, locate2));
      return;
    case "LimitRange":
      evidence2.limitRanges.push(limitRangeFacts(root, object));
      return;
    default:
      return;
  }
}
function originOf(origin) {
  if (!origin) return {};
  const result = {};
  if (origin.valuesPath && origin.valuesLine)
    result.fromValues = { path: origin.valuesPath, line: origin.valuesLine };
  if (origin.condition) result.condition = origin.condition;
  return result;
}
function mergePatches(evidence2) {
  const patches = evidence2.workloads.filter((workload) => workload.object.patch);
  evidence2.workloads = evidence2.workloads.filter((workload) => !workload.object.patch);
  for (const kustomization of evidence2.kustomizations) {
    const reach = reachOf(kustomization, evidence2.kustomizations, /* @__PURE__ */ new Set());
    const reached = evidence2.workloads.filter(
      (workload) => !workload.object.chart && reach.some(
        (prefix) => prefix === "" || workload.object.at.path === prefix || workload.object.at.path.startsWith(`${prefix}/`)
      )
    );
    for (const workload of reached) {
      const replicas = kustomization.replicas.find((entry2) => entry2.name === workload.object.name);
      if (replicas && !workload.replicas) workload.replicas = { value: replicas.count, at: replicas.at };
      for (const patch of kustomization.opaquePatches) {
        if ((patch.kind ?? workload.object.kind) !== workload.object.kind) continue;
        if ((patch.name ?? workload.object.name) !== workload.object.name) continue;
        workload.opaquePatches = [...workload.opaquePatches ?? [], patch.at];
      }
    }
  }
  for (const patch of patches) {
    const bases = evidence2.workloads.filter(
      (base) => base.object.kind === patch.object.kind && base.object.name === patch.object.name
    );
    for (const base of bases) {
      base.replicas ??= patch.replicas;
      base.pod.securityContext ??= patch.pod.securityContext;
      base.pod.automountServiceAccountToken ??= patch.pod.automountServiceAccountToken;
      for (const patched of patch.containers) {
        const target = base.containers.find((container2) => container2.name === patched.name);
        if (target) completeContainer(target, patched);
      }
    }
  }
}
function reachOf(kustomization, all, seen) {
  if (seen.has(kustomization.path)) return [];
  seen.add(kustomization.path);
  const dir = folderOf(kustomization.path);
  if (kustomization.component) {
    return all.filter((includer) => includer.components.includes(dir)).flatMap((includer) => reachOf(includer, all, seen));
  }
  const nested = kustomization.resources.flatMap(
    (resource) => all.filter((candidate) => folderOf(candidate.path) === resource).flatMap((sub) => reachOf(sub, all, seen))
  );
  return [dir, ...kustomization.resources, ...nested];
}
function patchTarget(entry2) {
  const target = child(entry2, "target");
  const inline = text2(child(entry2, "patch"));
  const parsed = inline ? parseLocated(inline) : null;
  const object = parsed?.ok ? parsed.documents[0]?.root : void 0;
  const kind = text2(child(target, "kind")) ?? text2(child(object, "kind"));
  const name = text2(child(target, "name")) ?? text2(child(child(object, "metadata"), "name"));
  return { ...kind ? { kind } : {}, ...name ? { name } : {} };
}
function completeContainer(target, patched) {
  target.resources ??= patched.resources;
  target.securityContext ??= patched.securityContext;
  target.probes = { ...patched.probes, ...target.probes };
}

// src/core/collectors/dockerfiles.ts
var DOCKERFILE_NAME = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;
var NOT_A_DOCKERFILE = /\.(?:dockerignore|md|txt|rst|adoc|html)$/i;
var VENDORED2 = inFolders(["node_modules", "vendor", ".git"]);
function isDockerfilePath(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name) && !VENDORED2.test(path2);
}
var dockerfilesCollector = {
  id: "dockerfiles",
  needs: [kubernetesCollector],
  async collect(repo, _config, facts) {
    const dockerfiles = [];
    for (const path2 of repo.files.filter(isDockerfilePath)) {
      const text3 = await repo.read(path2);
      if (text3 === null) continue;
      dockerfiles.push(parseDockerfile(path2, text3));
    }
    const dockerignores = repo.files.filter((path2) => /(?:^|\/|\.)\.?dockerignore$/.test(path2));
    return {
      dockerfiles,
      dockerignores,
      workloadManifests: workloadManifestsOf(facts.get(kubernetesCollector), repo)
    };
  }
};
function workloadManifestsOf(kubernetes, repo) {
  const byPath = /* @__PURE__ */ new Map();
  for (const chart of kubernetes.charts) {
    const path2 = [`${chart.dir}Chart.yaml`, `${chart.dir}Chart.yml`].find((candidate) => repo.has(candidate));
    if (path2) byPath.set(path2, { path: path2, setsNonRootUser: false });
  }
  for (const workload of kubernetes.workloads) {
    const path2 = workload.object.at.path;
    const known = byPath.get(path2) ?? { path: path2, setsNonRootUser: false };
    known.setsNonRootUser ||= setsNonRootUser(workload);
    byPath.set(path2, known);
  }
  return [...byPath.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function setsNonRootUser(workload) {
  const contexts = [workload.pod.securityContext, ...workload.containers.map((c) => c.securityContext)];
  return contexts.some((context) => {
    if (!context) return false;
    const user = context.runAsUser;
    return context.runAsNonRoot?.value === true || context.runAsNonRoot?.templated === true || user !== void 0 && (user.templated === true || user.value !== void 0 && user.value > 0);
  });
}
var PRIVILEGE_DROP = /\b(gosu|su-exec|setpriv|runuser|s6-setuidgid|setuidgid|chpst\s+-u|su\s+-c)\b/;
var MAX_EXCERPT2 = 120;
function parseDockerfile(path2, text3) {
  const problems = [];
  const stages = [];
  const stagesByName = /* @__PURE__ */ new Map();
  const globalArgs = {};
  let current;
  const close = (stage) => {
    if (!stage) return;
    const parent = stage.base.stage ? stagesByName.get(stage.base.stage) : void 0;
    stage.effective = {
      user: stage.user ?? parent?.effective.user,
      healthcheck: stage.healthcheck ?? parent?.effective.healthcheck,
      privilegeDrop: stage.privilegeDrop ?? parent?.effective.privilegeDrop,
      base: parent ? parent.effective.base : stage.base
    };
  };
  for (const instruction of instructions(text3)) {
    const { keyword, args, line, excerpt: excerpt2 } = instruction;
    if (keyword === "FROM") {
      close(current);
      current = startStage(args, line, excerpt2, stages.length, globalArgs, stagesByName);
      stages.push(current);
      if (current.name) stagesByName.set(current.name, current);
      continue;
    }
    if (!current) {
      if (keyword === "ARG") Object.assign(globalArgs, argDeclarations(args));
      else problems.push(`${keyword} at line ${line} comes before any FROM`);
      continue;
    }
    recordInstruction(current, instruction, globalArgs);
  }
  close(current);
  if (stages.length === 0) problems.push("no FROM instruction");
  return { path: path2, stages, problems };
}
function recordInstruction(stage, instruction, globalArgs) {
  const { keyword, args, line, excerpt: excerpt2 } = instruction;
  switch (keyword) {
    case "USER":
      stage.user = { value: args.split(/\s+/)[0] ?? "", line, excerpt: excerpt2 };
      break;
    case "HEALTHCHECK":
      stage.healthcheck = { line, none: /^none\b/i.test(args), excerpt: excerpt2 };
      break;
    case "EXPOSE":
      for (const port of args.split(/\s+/).filter(Boolean)) stage.expose.push({ value: port, line, excerpt: excerpt2 });
      break;
    case "ARG":
      for (const [name, value] of Object.entries(argDeclarations(args))) {
        stage.args[name] = value ?? globalArgs[name];
      }
      break;
    case "COPY":
    case "ADD": {
      const from = /--from=(\S+)/i.exec(args);
      if (from?.[1]) stage.copiesFrom.push(from[1].toLowerCase());
      break;
    }
  }
  if (keyword === "RUN" || keyword === "ENTRYPOINT" || keyword === "CMD") {
    const tool = PRIVILEGE_DROP.exec(args);
    if (tool?.[1]) stage.privilegeDrop = { value: tool[1], line, excerpt: excerpt2 };
  }
}
function startStage(args, line, excerpt2, index, globalArgs, stagesByName) {
  const words = args.split(/\s+/).filter((word) => word && !word.startsWith("--"));
  const written = words[0] ?? "";
  const name = words[1]?.toLowerCase() === "as" ? words[2]?.toLowerCase() : void 0;
  const base = baseImage(written, globalArgs, stagesByName);
  const stage = {
    index,
    line,
    excerpt: excerpt2,
    base,
    expose: [],
    copiesFrom: [],
    args: {},
    effective: { base }
  };
  if (name) stage.name = name;
  return stage;
}
function baseImage(written, globalArgs, stagesByName) {
  const { value, used, unresolved } = substitute(written, globalArgs);
  const base = { written, unresolvedArgs: unresolved, args: used, scratch: false };
  if (unresolved.length > 0) return base;
  base.resolved = value;
  const lower = value.toLowerCase();
  if (stagesByName.has(lower)) {
    base.stage = lower;
    return base;
  }
  if (lower === "scratch") {
    base.scratch = true;
    return base;
  }
  const at9 = value.indexOf("@");
  const reference = at9 >= 0 ? value.slice(0, at9) : value;
  if (at9 >= 0) base.digest = value.slice(at9 + 1);
  const colon = reference.lastIndexOf(":");
  if (colon > reference.lastIndexOf("/")) {
    base.name = reference.slice(0, colon);
    base.tag = reference.slice(colon + 1);
  } else {
    base.name = reference;
  }
  return base;
}
var VARIABLE = /\$(?:\{([A-Za-z_]\w*)(?::?([-+])([^}]*))?\}|([A-Za-z_]\w*))/g;
function substitute(text3, defaults) {
  const used = [];
  const unresolved = [];
  const value = text3.replace(
    VARIABLE,
    (_whole, braced, operator, operand, bare) => {
      const name = braced ?? bare;
      used.push(name);
      const known = defaults[name];
      if (operator === "-") return known ? known : operand ?? "";
      if (operator === "+") return known ? operand ?? "" : "";
      if (known === void 0) unresolved.push(name);
      return known ?? "";
    }
  );
  return { value, used, unresolved };
}
function argDeclarations(args) {
  const declared2 = {};
  for (const match of args.matchAll(/([A-Za-z_]\w*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    const [, name, raw] = match;
    if (!name) continue;
    declared2[name] = raw === void 0 ? void 0 : raw.replace(/^(["'])(.*)\1$/, "$2");
  }
  return declared2;
}
function* instructions(text3) {
  const lines = text3.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let escapeChar = "\\";
  let index = 0;
  for (; index < lines.length; index++) {
    const directive = /^#\s*([A-Za-z][\w-]*)\s*=\s*(\S*)\s*$/.exec(lines[index]);
    if (!directive) break;
    if (directive[1]?.toLowerCase() === "escape" && (directive[2] === "`" || directive[2] === "\\")) {
      escapeChar = directive[2];
    }
  }
  while (index < lines.length) {
    const first3 = lines[index];
    const trimmed = first3.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      index++;
      continue;
    }
    const line = index + 1;
    let joined2 = "";
    let part = first3;
    for (; ; ) {
      const end = part.trimEnd();
      index++;
      if (!end.endsWith(escapeChar)) {
        joined2 += part;
        break;
      }
      joined2 += end.slice(0, -1);
      while (index < lines.length && /^\s*(#.*)?$/.test(lines[index])) index++;
      if (index >= lines.length) break;
      part = lines[index];
    }
    const parsed = /^\s*([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(joined2);
    if (!parsed) continue;
    const keyword = parsed[1].toUpperCase();
    const args = (parsed[2] ?? "").trim();
    index = skipHeredocs(keyword, args, lines, index);
    yield { keyword, args, line, excerpt: trimmed.slice(0, MAX_EXCERPT2) };
  }
}
function skipHeredocs(keyword, args, lines, from) {
  if (keyword !== "RUN" && keyword !== "COPY" && keyword !== "ADD") return from;
  let index = from;
  for (const heredoc of args.matchAll(/<<(-?)(["']?)([A-Za-z_][\w-]*)\2/g)) {
    const stripTabs = heredoc[1] === "-";
    const delimiter = heredoc[3];
    while (index < lines.length) {
      const body = lines[index];
      index++;
      if ((stripTabs ? body.replace(/^\t+/, "") : body) === delimiter) break;
    }
  }
  return index;
}

// src/core/rules/docker/docker-evidence.ts
var CONTAINER_WORDS = /\b(?:docker\w*|containers?|containeri[sz]\w*|containerfiles?|compose|podman|oci)\b/i;
var KUBERNETES_WORDS = /\b(?:pods?|kubernetes|k8s|helm|securityContext|probes?|liveness|readiness|kubectl|manifests?)\b/i;
function saysContainer(item) {
  return CONTAINER_WORDS.test(item.text) || namedDockerfiles(item).length > 0 || namedComposeFiles(item).length > 0;
}
function inContainerContext(item) {
  if (saysContainer(item)) return true;
  if (KUBERNETES_WORDS.test(item.text)) return false;
  return [...item.section, ...item.parents].some((text3) => CONTAINER_WORDS.test(text3));
}
function saysKubernetes(item) {
  return KUBERNETES_WORDS.test(item.text);
}
function inComposeContext(item) {
  if (/\bcompose\b/i.test(item.text) || namedComposeFiles(item).length > 0) return true;
  if (/\bdockerfile\b/i.test(item.text) || namedDockerfiles(item).length > 0) return false;
  return [...item.section, ...item.parents].some((text3) => /\bcompose\b/i.test(text3));
}
function namedDockerfiles(item) {
  return item.codeSpans.filter((span) => !/\s/.test(span) && isDockerfilePath(span));
}
function namedComposeFiles(item) {
  return item.codeSpans.filter((span) => !/\s/.test(span) && isComposePath(span));
}
var FIXTURE = /(?:^|\/)(?:fixtures|__fixtures__|testdata)\//;
var NON_PRODUCTION2 = /(?:^|[./_-])(?:dev|develop|development|test|tests|testing|ci|local|debug|e2e)(?:[./_-]|$)/i;
function isScopeOrAncestor(dir, scope) {
  return dir === "" || dir === scope || scope.startsWith(`${dir}/`);
}
function forScope(files, scope) {
  const real = files.filter((file) => !FIXTURE.test(file.path));
  const inside = real.filter((file) => inScope(file.path, scope));
  if (inside.length > 0 || scope === "") return inside;
  return real.filter((file) => isScopeOrAncestor(folderOf(file.path), scope));
}
function preferProduction(files) {
  const production = files.filter((file) => !NON_PRODUCTION2.test(baseName(file.path)));
  return production.length > 0 ? production : files;
}
function selectDockerfiles(ctx, named) {
  const { dockerfiles } = ctx.get(dockerfilesCollector);
  if (named) {
    const candidates2 = candidatePaths(named, ctx.scope);
    const found2 = candidates2.map((path2) => dockerfiles.find((file) => file.path === path2)).find((file) => file !== void 0);
    return found2 ? { dockerfiles: [found2] } : { dockerfiles: [], missing: candidates2 };
  }
  return { dockerfiles: forScope(dockerfiles, ctx.scope) };
}
function whereDockerfilesWereSought(scope) {
  const where3 = scope ? `${scope} or the folders above it` : "the repository";
  return `no Dockerfile or Containerfile in ${where3} (looked for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)`;
}
function missingFileFinding(kind, candidates2) {
  return {
    verdict: "fail",
    message: `${kind} ${candidates2.at(-1)} not found (looked for ${candidates2.join(", ")})`,
    evidence: candidates2.map((path2) => ({ path: path2 }))
  };
}
var BASE_COMPOSE = /^(?:docker-|podman-)?compose\.ya?ml$/i;
var PRODUCTION_COMPOSE = /prod/i;
function selectCompose(ctx, named) {
  const { files } = ctx.get(composeCollector);
  let primary;
  if (named) {
    const candidates2 = candidatePaths(named, ctx.scope);
    const found2 = candidates2.map((path2) => files.find((file) => file.path === path2)).find(Boolean);
    if (!found2) return { files: [], services: [], unparsable: [], missing: candidates2 };
    primary = [found2];
  } else {
    const scoped = forScope(files, ctx.scope);
    const production = scoped.filter((file) => PRODUCTION_COMPOSE.test(baseName(file.path)));
    primary = production.length > 0 ? production : preferProduction(scoped);
  }
  const unparsable = primary.flatMap(
    (file) => file.unparsable ? [{ path: file.path, reason: file.unparsable }] : []
  );
  const services = /* @__PURE__ */ new Map();
  for (const file of primary) {
    const bases = files.filter(
      (base) => base !== file && folderOf(base.path) === folderOf(file.path) && BASE_COMPOSE.test(baseName(base.path))
    );
    for (const service2 of file.services) {
      const key = `${folderOf(file.path)}\0${service2.name}`;
      const view = services.get(key) ?? emptyView(service2, file.path);
      apply(view, service2, file.path);
      for (const base of bases) {
        const inherited = base.services.find((candidate) => candidate.name === service2.name);
        if (inherited) apply(view, inherited, base.path);
      }
      services.set(key, view);
    }
  }
  return { files: primary.map((file) => file.path), services: [...services.values()], unparsable };
}
function emptyView(service2, path2) {
  return { name: service2.name, path: path2, line: service2.line, volumes: [], auxiliary: false };
}
function apply(view, service2, path2) {
  const withPath = (setting2) => setting2 ? { ...setting2, path: path2 } : void 0;
  view.image ??= service2.image?.value;
  view.build ??= service2.build;
  if (!view.healthcheck && service2.healthcheck) view.healthcheck = { ...service2.healthcheck, path: path2 };
  view.memoryLimit ??= withPath(service2.memoryLimit);
  view.cpuLimit ??= withPath(service2.cpuLimit);
  view.restart ??= withPath(service2.restart);
  view.user ??= withPath(service2.user);
  if (view.volumes.length === 0) view.volumes = service2.volumes.map((volume) => ({ ...volume, path: path2 }));
  view.auxiliary ||= service2.profiles.length > 0 || service2.oneShot;
}
function lookedForCompose(scope) {
  const where3 = scope ? `${scope} or the folders above it` : "the repository";
  return `no Compose file in ${where3} (looked for docker-compose*.yml, compose*.yaml)`;
}
function servicesBuiltFrom(ctx, dockerfile) {
  return ctx.get(composeCollector).files.flatMap((file) => file.services.map((service2) => ({ ...service2, path: file.path }))).filter((service2) => service2.build?.dockerfile === dockerfile);
}
function workloadManifests(ctx) {
  return ctx.get(dockerfilesCollector).workloadManifests;
}
function at2(path2, line) {
  return `${path2}:${line}`;
}
function ref2(path2, line, excerpt2) {
  const evidence2 = { path: path2 };
  if (line !== void 0) evidence2.line = line;
  if (excerpt2) evidence2.excerpt = excerpt2;
  return evidence2;
}
var SEVERITY = { fail: 2, unknown: 1, pass: 0 };
var MAX_MESSAGES = 3;
function combine(findings) {
  const [first3] = findings;
  if (!first3 || findings.length === 1)
    return first3 ?? { verdict: "unknown", message: "nothing to judge", evidence: [] };
  const worst = findings.reduce((a, b) => SEVERITY[b.verdict] > SEVERITY[a.verdict] ? b : a).verdict;
  const chosen = findings.filter((finding) => finding.verdict === worst);
  const shown2 = chosen.slice(0, MAX_MESSAGES).map((finding) => finding.message);
  const more2 = chosen.length > MAX_MESSAGES ? `; and ${chosen.length - MAX_MESSAGES} more` : "";
  return {
    verdict: worst,
    message: `${shown2.join("; ")}${more2}`,
    evidence: chosen.flatMap((f) => f.evidence)
  };
}
function listed(names2, limit = 4) {
  const shown2 = names2.slice(0, limit).join(", ");
  return names2.length > limit ? `${shown2} and ${names2.length - limit} more` : shown2;
}
function longRunningServices(selection) {
  return selection.services.filter((service2) => !service2.auxiliary);
}
function noLongRunningService(selection) {
  const problems = selection.unparsable.map((u) => `${u.path}: ${u.reason}`);
  const why = problems.length > 0 ? `could not read ${listed(problems, 2)}` : `no long-running service in ${listed(selection.files, 2)}`;
  return { verdict: "unknown", message: why, evidence: selection.files.map((path2) => ref2(path2)) };
}
function noFromInstruction(file) {
  return { verdict: "unknown", message: `${file.path} has no FROM instruction`, evidence: [ref2(file.path)] };
}

// src/core/rules/compose/compose-file-present.ts
var COMPOSE = /\b(?:docker[- ]compose|podman[- ]compose|compose (?:files?|setup|stack|config(?:uration)?))\b/i;
var NARROWER2 = /\b(?:health\w*|limits?|resources?|restart\w*|volumes?|overrides?|secrets?|networks?|profiles?|installed|install|running|up|v2|plugin|version|ports?|images?|scal\w+|backups?)\b/i;
var composeFilePresent = {
  id: "compose.file-present",
  title: "The project has a Compose file",
  why: "A claim that the stack runs with Docker Compose is only true if the Compose file is in the repository.",
  fix: "Add a docker-compose.yml (or compose.yaml) for the stack, or untick the item.",
  recognises: "Items claiming a Docker Compose (or Podman Compose) file, setup or stack without a narrower property (health checks, limits, restart, volumes, overrides...) and without naming the file; not installs or running stacks.",
  needs: [composeCollector],
  match(item) {
    const text3 = item.text;
    if (!COMPOSE.test(text3) || NARROWER2.test(text3)) return [];
    return namedComposeFiles(item).length > 0 ? [] : [void 0];
  },
  evaluate(_params, ctx) {
    const { files, services } = selectCompose(ctx);
    if (files.length === 0) {
      const elsewhere = ctx.get(composeCollector).files.map((file) => file.path);
      if (elsewhere.length > 0) {
        return {
          verdict: "unknown",
          message: `${lookedForCompose(ctx.scope)}; ${listed(elsewhere, 3)} may be the one the item means`,
          evidence: elsewhere.slice(0, 3).map((path2) => ({ path: path2 }))
        };
      }
      return {
        verdict: "fail",
        message: lookedForCompose(ctx.scope),
        evidence: [{ path: ctx.scope || "." }]
      };
    }
    const names2 = services.map((service2) => service2.name);
    return {
      verdict: "pass",
      message: `found ${listed(files, 3)}${names2.length ? ` with services ${listed(names2, 6)}` : ""}`,
      evidence: files.map((path2) => ({ path: path2 }))
    };
  },
  examples: {
    match: [
      "Docker Compose for local dev",
      "docker-compose setup for the whole stack",
      "Compose file for production"
    ],
    noMatch: [
      "Docker and Docker Compose installed",
      "Compose services have health checks",
      "Use docker-compose override files",
      "Configuration backup: Environment variables, Docker Compose files",
      "Stack running with `docker compose up`",
      "Production compose in `docker-compose.prod.yml`"
    ],
    verdicts: [
      {
        files: { "docker-compose.yml": "services:\n  api:\n    build: .\n" },
        item: "Docker Compose for local dev",
        verdict: "pass"
      },
      { files: { Dockerfile: "FROM node:20\n" }, item: "Docker Compose for local dev", verdict: "fail" }
    ]
  }
};

// src/core/rules/compose/compose-healthchecks.ts
var EVERY = /\b(?:all|every|each)\b/i;
var HEALTH_CHECK = /\bhealth[- ]?checks?\b/i;
var NOT_THE_SETTING = /\b(?:endpoints?|routes?|passing|responding|monitor\w*|alert\w*|dashboards?|failures?)\b/i;
var ROLE_WORDS = {
  database: /\b(database|db|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?)\b/i,
  cache: /\b(cache|redis|valkey|memcached)\b/i
};
var ROLE_SERVICES = {
  database: /(^|[/_-])(db|database|postgres|postgis|timescaledb|mysql|mariadb|mongo|cockroach)/i,
  cache: /(^|[/_-])(redis|valkey|memcached|cache)/i
};
function roleOf2(text3) {
  return Object.keys(ROLE_WORDS).find((role) => ROLE_WORDS[role].test(text3));
}
var composeHealthchecks = {
  id: "compose.healthchecks",
  title: "Compose services define health checks",
  why: "Compose only restarts or waits on (`depends_on: condition: service_healthy`) services whose health it can check.",
  fix: "Add a `healthcheck:` (test, interval, retries) to each long-running service, or a HEALTHCHECK to the image it builds.",
  recognises: '"health checks" about Docker Compose (in the text, a named compose file, or the heading); not endpoints or monitoring.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    if (!HEALTH_CHECK.test(item.text) || NOT_THE_SETTING.test(item.text) || !inComposeContext(item))
      return [];
    const named = namedComposeFiles(item);
    const role = roleOf2(item.text);
    const withRole = (params) => role ? { ...params, role } : params;
    return named.length > 0 ? named.map((path2) => withRole({ path: path2 })) : [withRole({})];
  },
  evaluate(params, ctx, item) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding("Compose file", selection.missing);
    if (selection.files.length === 0)
      return {
        verdict: "fail",
        message: lookedForCompose(ctx.scope),
        evidence: [{ path: ctx.scope || "." }]
      };
    const longRunning = longRunningServices(selection);
    const role = params.role;
    const services = role ? longRunning.filter((service2) => ROLE_SERVICES[role].test(`${service2.name} ${service2.image ?? ""}`)) : longRunning;
    if (role && services.length === 0 && longRunning.length > 0)
      return {
        verdict: "unknown",
        message: `no ${role} service among ${longRunning.map((service2) => service2.name).join(", ")} in ${listed(selection.files, 2)}`,
        evidence: longRunning.slice(0, 3).map((service2) => ref2(service2.path, service2.line))
      };
    if (services.length === 0) return noLongRunningService(selection);
    const checked = services.filter((service2) => hasHealthcheck(service2, ctx));
    const missing2 = services.filter((service2) => !checked.includes(service2));
    const files = listed(selection.files, 2);
    if (missing2.length === 0) {
      return {
        verdict: "pass",
        message: `all ${services.length} services in ${files} have a healthcheck`,
        evidence: services.map(
          (service2) => ref2(service2.path, service2.healthcheck?.line ?? service2.line, service2.healthcheck?.excerpt)
        )
      };
    }
    const missingBuilt = missing2.filter((service2) => service2.build);
    const builtHere = services.some((service2) => service2.build);
    const gaps = missing2.map((service2) => `${service2.name} (${at2(service2.path, service2.line)})`);
    if (checked.length === 0 || missingBuilt.length > 0) {
      return {
        verdict: "fail",
        message: `${missing2.length} of ${services.length} services in ${files} have no healthcheck: ${listed(gaps, 3)}`,
        evidence: missing2.map((service2) => ref2(service2.path, service2.line))
      };
    }
    const note = `${checked.length} of ${services.length} services in ${files} have a healthcheck; none on ${listed(gaps, 3)}`;
    if (EVERY.test(item.text))
      return { verdict: "fail", message: note, evidence: missing2.map((s) => ref2(s.path, s.line)) };
    const built = services.filter((service2) => service2.build);
    return builtHere ? {
      verdict: "pass",
      message: `every service built here has a healthcheck (${built.map((s) => s.name).join(", ")}); third-party ${missing2.length === 1 ? "image" : "images"} without one: ${listed(gaps, 3)}`,
      evidence: checked.map((s) => ref2(s.path, s.healthcheck?.line ?? s.line))
    } : {
      verdict: "unknown",
      message: `${note}; which of them must have one is not clear`,
      evidence: missing2.map((s) => ref2(s.path, s.line))
    };
  },
  examples: {
    match: [
      "**Orchestration** - Docker Compose with health checks and resource limits",
      "Health checks defined in `docker-compose.production.yml`",
      "Compose services have healthchecks"
    ],
    noMatch: [
      "Health check endpoints",
      "Docker Compose for local development",
      "Service responding to health checks",
      "Health checks configured"
    ],
    verdicts: [
      {
        files: {
          "docker-compose.yml": 'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]\n      interval: 10s\n'
        },
        item: "Compose services have healthchecks",
        verdict: "pass"
      },
      {
        files: { "docker-compose.yml": "services:\n  api:\n    build: .\n" },
        item: "Compose services have healthchecks",
        verdict: "fail"
      }
    ]
  }
};
function hasHealthcheck(service2, ctx) {
  if (service2.healthcheck) return !service2.healthcheck.disabled;
  const dockerfile = service2.build?.dockerfile;
  if (!dockerfile) return false;
  const parsed = ctx.get(dockerfilesCollector).dockerfiles.find((file) => file.path === dockerfile);
  const own = parsed?.stages.at(-1)?.effective.healthcheck;
  return own !== void 0 && !own.none;
}

// src/core/rules/compose/compose-override-files.ts
var OVERRIDE = /\b(?:docker[- ]|podman[- ])?compose\b[^.;]*\boverrides?\b|\boverride\s+files?\b[^.;]*\bcompose\b|\bcompose\.override\b/i;
var NOT_USED = /\b(?:no|not|without|instead of|avoid\w*|remov\w*|drop\w*)\b/i;
function overlaidService(file, files) {
  const folder = file.path.slice(0, file.path.lastIndexOf("/") + 1);
  const others = files.filter(
    (other) => other !== file && other.path.slice(0, other.path.lastIndexOf("/") + 1) === folder
  );
  return file.services.find(
    (service2) => !service2.image && !service2.build && others.some(
      (other) => other.services.some((base) => base.name === service2.name && (base.image || base.build))
    )
  );
}
var composeOverrideFiles = {
  id: "compose.override-files",
  title: "Compose settings per environment are layered with override files",
  why: "Override files keep one base definition and change only what differs per environment; full copies drift apart.",
  fix: "Keep the shared services in docker-compose.yml and put what differs in docker-compose.override.yml or docker-compose.prod.yml used with `-f base -f prod`.",
  recognises: 'Items about Docker/Podman Compose override files ("Use docker-compose override files").',
  needs: [composeCollector],
  match: (item) => OVERRIDE.test(item.text) && !NOT_USED.test(item.text) ? [void 0] : [],
  evaluate(_params, ctx) {
    const counts = (path2) => !isNonProductionPath(path2) || ctx.scope !== "" && inScope(path2, ctx.scope);
    const files = ctx.get(composeCollector).files.filter((file) => counts(file.path) && !file.unparsable);
    const named = files.find((file) => /override/i.test(file.path.slice(file.path.lastIndexOf("/") + 1)));
    if (named)
      return { verdict: "pass", message: `override file ${named.path}`, evidence: [{ path: named.path }] };
    for (const file of files) {
      const partial = overlaidService(file, files);
      if (partial) {
        return {
          verdict: "pass",
          message: `${file.path} overlays another Compose file (service ${partial.name} sets no image or build of its own)`,
          evidence: [{ path: file.path, line: partial.line }]
        };
      }
    }
    if (!files.length) {
      return {
        verdict: "fail",
        message: "no Compose files in the project, so no override files either",
        evidence: [{ path: ctx.scope || "." }]
      };
    }
    return {
      verdict: "fail",
      message: `none of the ${files.length} Compose files (${files.slice(0, 3).map((file) => file.path).join(", ")}) is an override: none is named *.override.yml and each defines every service in full`,
      evidence: files.slice(0, 3).map((file) => ({ path: file.path }))
    };
  },
  examples: {
    match: ["Use docker-compose override files", "Compose overrides per environment"],
    noMatch: ["Override the default port in config", "No compose override files: one file per environment"],
    verdicts: [
      {
        files: {
          "docker-compose.yml": "services:\n  api:\n    build: .\n",
          "docker-compose.override.yml": 'services:\n  api:\n    ports: ["3000:3000"]\n'
        },
        item: "Use docker-compose override files",
        verdict: "pass"
      },
      {
        // A production file layered on the base: its service sets only what differs.
        files: {
          "docker-compose.yml": "services:\n  api:\n    build: .\n",
          "docker-compose.prod.yml": "services:\n  api:\n    restart: always\n"
        },
        item: "Use docker-compose override files",
        verdict: "pass"
      },
      {
        files: {
          "docker-compose.yml": "services:\n  api:\n    build: .\n",
          "docker-compose.prod.yml": "services:\n  api:\n    image: ghcr.io/acme/api:1.0.0\n    restart: always\n"
        },
        item: "Use docker-compose override files",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/compose/compose-resource-limits.ts
var LIMITS = /\bresource limits?\b|\b(?:cpu|memory|mem|ram)(?: (?:and|&|\/) (?:cpu|memory|mem|ram))? limits?\b|\blimits? (?:on|for) (?:cpu|memory|ram)\b|\bmem_limit\b|\bdeploy\.resources\b/i;
var MEMORY = /\b(?:memory|mem|ram)\b/i;
var EVERY_SERVICE = /\b(?:all|every|each)\s+(?:the\s+|of the\s+)?services\b/i;
var CPU = /\bcpus?\b/i;
var composeResourceLimits = {
  id: "compose.resource-limits",
  title: "Compose services have resource limits",
  why: "A container without a memory limit can take the whole host down with it; one without a CPU limit starves its neighbours.",
  fix: "Set `deploy.resources.limits` (memory, cpus) or `mem_limit`/`cpus` on every long-running service.",
  recognises: '"resource limits", "CPU and memory limits", "mem_limit" about Docker, containers or Compose (text or heading); not Kubernetes. Memory or CPU only when the item names only one.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    if (!LIMITS.test(item.text) || saysKubernetes(item)) return [];
    if (!inContainerContext(item) && !EVERY_SERVICE.test(item.text)) return [];
    const memory = MEMORY.test(item.text);
    const cpu = CPU.test(item.text);
    const base = { memory, cpu, composeNamed: /\bcompose\b/i.test(item.text) };
    const named = namedComposeFiles(item);
    return named.length > 0 ? named.map((path2) => ({ ...base, composeNamed: true, path: path2 })) : [base];
  },
  evaluate(params, ctx) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding("Compose file", selection.missing);
    const manifests = workloadManifests(ctx);
    if (selection.files.length === 0) {
      if (params.composeNamed)
        return {
          verdict: "fail",
          message: lookedForCompose(ctx.scope),
          evidence: [{ path: ctx.scope || "." }]
        };
      return {
        verdict: "unknown",
        message: `${lookedForCompose(ctx.scope)}; limits set by Kubernetes, \`docker run\` flags or the platform are judged elsewhere`,
        evidence: []
      };
    }
    const services = longRunningServices(selection);
    if (services.length === 0) return noLongRunningService(selection);
    const wanted = params.memory === params.cpu ? params.memory ? "memory and CPU" : "memory or CPU" : params.memory ? "memory" : "CPU";
    const lacking = services.filter((service2) => !limited(service2, params));
    const files = listed(selection.files, 2);
    if (lacking.length === 0) {
      const shown2 = services.map((service2) => service2.memoryLimit ?? service2.cpuLimit).filter((s) => s !== void 0);
      return {
        verdict: "pass",
        message: `all ${services.length} services in ${files} set ${wanted} limits`,
        evidence: shown2.map((setting2) => ref2(setting2.path, setting2.line, setting2.excerpt))
      };
    }
    const gaps = lacking.map((service2) => `${service2.name} (${at2(service2.path, service2.line)})`);
    if (!params.composeNamed && manifests.length > 0 && lacking.length === services.length) {
      return {
        verdict: "unknown",
        message: `no ${wanted} limit in ${files}, but Kubernetes manifests (${listed(
          manifests.map((m) => m.path),
          2
        )}) may set them; the Kubernetes rules decide`,
        evidence: lacking.map((service2) => ref2(service2.path, service2.line))
      };
    }
    return {
      verdict: "fail",
      message: `${lacking.length} of ${services.length} services in ${files} have no ${wanted} limit: ${listed(gaps, 3)}`,
      evidence: lacking.map((service2) => ref2(service2.path, service2.line))
    };
  },
  examples: {
    match: [
      "**Orchestration** - Docker Compose with health checks and resource limits",
      "Container resource limits configured (memory, CPU)",
      "Memory limits set on all Docker containers",
      "`mem_limit` set for every service in `docker-compose.prod.yml`",
      "Set memory and CPU limits for ALL services"
    ],
    noMatch: [
      "Resource limits set",
      "Kubernetes pods have CPU and memory limits",
      "Rate limits on the public API",
      "Max memory policy configured"
    ],
    verdicts: [
      {
        files: {
          "docker-compose.yml": 'services:\n  api:\n    build: .\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "0.5"\n'
        },
        item: "Container resource limits configured (memory, CPU)",
        verdict: "pass"
      },
      {
        files: { "docker-compose.yml": "services:\n  api:\n    build: .\n" },
        item: "Container resource limits configured (memory, CPU)",
        verdict: "fail"
      }
    ]
  }
};
function limited(service2, params) {
  const memory = service2.memoryLimit !== void 0;
  const cpu = service2.cpuLimit !== void 0;
  if (!params.memory && !params.cpu) return memory || cpu;
  return (!params.memory || memory) && (!params.cpu || cpu);
}

// src/core/rules/compose/compose-restart-policy.ts
var RESTART = /\brestart[ _-]?polic(?:y|ies)\b|\brestart: ?(?:always|unless-stopped|on-failure)\b|\bauto[- ]?restart\w*|\brestart(?:s|ed)? automatically\b/i;
var composeRestartPolicy = {
  id: "compose.restart-policy",
  title: "Compose services have a restart policy",
  why: "Without a restart policy a crashed container or a host reboot leaves the service down until someone notices.",
  fix: "Set `restart: unless-stopped` (or `deploy.restart_policy.condition: on-failure`) on every long-running service.",
  recognises: '"restart policy", "auto-restart", "restart: always/unless-stopped" about Docker, containers or Compose (text or heading); not Kubernetes.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    if (!RESTART.test(item.text) || saysKubernetes(item) || !inContainerContext(item)) return [];
    const composeNamed = /\bcompose\b/i.test(item.text);
    const named = namedComposeFiles(item);
    return named.length > 0 ? named.map((path2) => ({ composeNamed: true, path: path2 })) : [{ composeNamed }];
  },
  evaluate(params, ctx) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding("Compose file", selection.missing);
    if (selection.files.length === 0) {
      return params.composeNamed ? { verdict: "fail", message: lookedForCompose(ctx.scope), evidence: [{ path: ctx.scope || "." }] } : {
        verdict: "unknown",
        message: `${lookedForCompose(ctx.scope)}; restarts handled by systemd, Kubernetes or the platform are judged elsewhere`,
        evidence: []
      };
    }
    const services = longRunningServices(selection);
    if (services.length === 0) return noLongRunningService(selection);
    const files = listed(selection.files, 2);
    const lacking = services.filter(
      (service2) => !service2.restart || /^["']?no["']?$/i.test(service2.restart.value)
    );
    if (lacking.length === 0) {
      const policies = [...new Set(services.map((service2) => service2.restart?.value))].join(", ");
      return {
        verdict: "pass",
        message: `all ${services.length} services in ${files} have a restart policy (${policies})`,
        evidence: services.flatMap(
          (service2) => service2.restart ? [ref2(service2.restart.path, service2.restart.line, service2.restart.excerpt)] : []
        )
      };
    }
    const gaps = lacking.map(
      (service2) => service2.restart ? `${service2.name} (restart: no at ${at2(service2.restart.path, service2.restart.line)})` : `${service2.name} (${at2(service2.path, service2.line)})`
    );
    return {
      verdict: "fail",
      message: `${lacking.length} of ${services.length} services in ${files} have no restart policy: ${listed(gaps, 3)}`,
      evidence: lacking.map(
        (service2) => ref2(service2.restart?.path ?? service2.path, service2.restart?.line ?? service2.line)
      )
    };
  },
  examples: {
    match: [
      "Docker Compose restart policies configured",
      "Containers auto-restart on failure",
      "Restart policy set for all services in `docker-compose.yml`"
    ],
    noMatch: [
      "Service restart alerts",
      "Verify command persistence across bot restart",
      "Kubernetes restartPolicy set on jobs"
    ],
    verdicts: [
      {
        files: { "docker-compose.yml": "services:\n  api:\n    build: .\n    restart: unless-stopped\n" },
        item: "Docker Compose restart policies configured",
        verdict: "pass"
      },
      {
        files: { "docker-compose.yml": "services:\n  api:\n    build: .\n" },
        item: "Docker Compose restart policies configured",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/compose/compose-volumes.ts
var VOLUMES = /\b(?:volumes?|bind mounts?|mounts?)\b/i;
var PERSISTENCE = /\b(?:persist\w*|durable|named volumes?|data)\b/i;
var NOT_COMPOSE = /\b(?:pvcs?|persistent ?volume ?claims?|storage ?class\w*|ebs|efs)\b/i;
var MOUNT = /^([.~/$][^\s:]*|[A-Za-z0-9][\w.-]*):(\/[^\s:]*)(?::[a-z,]+)?$/;
var STATEFUL = /(?:^|\/)(?:postgres|postgis|timescaledb|mysql|mariadb|mongo|elasticsearch|opensearch|rabbitmq|minio|clickhouse|influxdb|cassandra|neo4j|couchdb|etcd|zookeeper|kafka|questdb|meilisearch|qdrant|weaviate)(?:[:@/-]|$)/i;
var composeVolumes = {
  id: "compose.volumes",
  title: "Persistent data is on volumes",
  why: "Data written inside a container is lost when it is recreated; databases and uploads need a named volume or a bind mount.",
  fix: "Mount a named volume at the data directory (`pgdata:/var/lib/postgresql/data` plus a top-level `volumes: {pgdata: {}}`).",
  recognises: 'Volumes or mounts "for persistence"/"persistent data"/"named volumes" in a Docker/Compose context, and a mount written as `./src:/target` under such an item; not Kubernetes PVCs.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    const context = [item.text, ...item.parents].join("\n");
    if (saysKubernetes(item) || NOT_COMPOSE.test(context) || !inContainerContext(item)) return [];
    const named = /\bnamed volumes?\b/i.test(item.text);
    const mounts2 = item.codeSpans.flatMap((span) => {
      const found2 = MOUNT.exec(span.trim());
      return found2?.[1] && found2[2] ? [{ source: found2[1], target: found2[2], written: span.trim() }] : [];
    });
    if (mounts2.length > 0 && VOLUMES.test(context)) return mounts2.map((mount) => ({ mount, named }));
    if (!VOLUMES.test(item.text) || !PERSISTENCE.test(item.text)) return [];
    const files = namedComposeFiles(item);
    return files.length > 0 ? files.map((path2) => ({ named, path: path2 })) : [{ named }];
  },
  evaluate(params, ctx) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding("Compose file", selection.missing);
    if (selection.files.length === 0) {
      return {
        verdict: "unknown",
        message: `${lookedForCompose(ctx.scope)}; volumes given to \`docker run\` or a platform cannot be seen`,
        evidence: []
      };
    }
    if (params.mount) return judgeMount(params.mount, selection.services, selection.files);
    const files = listed(selection.files, 2);
    const stateful = selection.services.filter((service2) => service2.image && STATEFUL.test(service2.image));
    const lacking = stateful.filter((service2) => !persistent(service2, params.named));
    if (lacking.length > 0) {
      const gaps = lacking.map(
        (service2) => `${service2.name} (${service2.image}, ${at2(service2.path, service2.line)})`
      );
      return {
        verdict: "fail",
        message: `${lacking.length} data service(s) in ${files} keep data without a ${params.named ? "named volume" : "named or bind volume"}: ${listed(gaps, 3)}`,
        evidence: lacking.map((service2) => ref2(service2.path, service2.line))
      };
    }
    const mounted = selection.services.flatMap(
      (service2) => service2.volumes.filter((volume) => isPersistent(volume.kind, params.named)).map((volume) => ({ service: service2, volume }))
    );
    if (mounted.length === 0) {
      return {
        verdict: "fail",
        message: `no service in ${files} mounts a ${params.named ? "named volume" : "named or bind volume"}`,
        evidence: selection.files.map((path2) => ref2(path2))
      };
    }
    const shown2 = mounted.map(({ service: service2, volume }) => `${service2.name} \u2192 ${volume.target}`);
    return {
      verdict: "pass",
      message: `${mounted.length} persistent mount(s) in ${files}: ${listed(shown2, 3)}`,
      evidence: mounted.map(({ volume }) => ref2(volume.path, volume.line, volume.excerpt))
    };
  },
  examples: {
    match: [
      "Docker volume mounts configured for persistence",
      "Docker volumes for persistent data",
      "Database data stored in named volumes (`docker-compose.yml`)"
    ],
    noMatch: [
      "Persistent volume claims for the database",
      "Database backups automated (daily)",
      "Volume of logs reduced",
      "Docker Compose for local development"
    ],
    verdicts: [
      {
        files: {
          "docker-compose.yml": "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n"
        },
        item: "Docker volumes for persistent data",
        verdict: "pass"
      },
      {
        files: { "docker-compose.yml": "services:\n  db:\n    image: postgres:16\n" },
        item: "Docker volumes for persistent data",
        verdict: "fail"
      }
    ]
  }
};
function isPersistent(kind, named) {
  return named ? kind === "named" : kind === "named" || kind === "bind" || kind === "unresolved";
}
function persistent(service2, named) {
  return service2.volumes.some((volume) => isPersistent(volume.kind, named));
}
function normalise(path2) {
  return path2.replace(/^\.\//, "").replace(/\/+$/, "") || ".";
}
function judgeMount(mount, services, files) {
  const all = services.flatMap((service2) => service2.volumes.map((volume) => ({ service: service2, volume })));
  const exact = all.find(
    ({ volume }) => volume.source !== void 0 && normalise(volume.source) === normalise(mount.source) && normalise(volume.target) === normalise(mount.target)
  );
  if (exact) {
    return {
      verdict: "pass",
      message: `service ${exact.service.name} mounts ${mount.source} at ${mount.target} (${at2(exact.volume.path, exact.volume.line)})`,
      evidence: [ref2(exact.volume.path, exact.volume.line, exact.volume.excerpt)]
    };
  }
  const sameTarget = all.find(({ volume }) => normalise(volume.target) === normalise(mount.target));
  const found2 = sameTarget ? `; ${sameTarget.service.name} mounts ${sameTarget.volume.source ?? "an anonymous volume"} there (${at2(sameTarget.volume.path, sameTarget.volume.line)})` : "";
  return {
    verdict: "fail",
    message: `no service in ${files} mounts ${mount.written}${found2}`,
    evidence: sameTarget ? [ref2(sameTarget.volume.path, sameTarget.volume.line, sameTarget.volume.excerpt)] : []
  };
}

// src/core/rules/compose/index.ts
var composeRules = [
  composeFilePresent,
  composeHealthchecks,
  composeOverrideFiles,
  composeResourceLimits,
  composeRestartPolicy,
  composeVolumes
];

// src/core/collectors/coverage-config.ts
var METRIC_KEY = /["']?\b(lines|branches|functions|statements)["']?\s*[:=]\s*(\d{1,3}(?:\.\d+)?)\b/g;
var VITEST_CONFIG = /(^|\/)(vitest|vite)\.(config|workspace)\.[cm]?[jt]s$/;
var JEST_CONFIG = /(^|\/)jest\.config\.([cm]?[jt]s|json)$/;
var RC_FILE = /(^|\/)\.(nycrc|c8rc)(\.json|\.ya?ml)?$/;
var PYTHON_CONFIG = /(^|\/)(\.coveragerc|setup\.cfg|tox\.ini|pyproject\.toml)$/;
var CODECOV_CONFIG = /(^|\/)\.?codecov\.ya?ml$/;
var GO_TEST_COVERAGE = /(^|\/)\.?testcoverage\.ya?ml$/;
var BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;
var COMMAND_FILE = /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.yml|\.circleci\/config\.yml|azure-pipelines\.ya?ml|Jenkinsfile|[Mm]akefile|GNUmakefile|[^/]*\.mk|[Jj]ustfile|Taskfile\.ya?ml|tox\.ini|pytest\.ini|setup\.cfg|pyproject\.toml|noxfile\.py|package\.json|[^/]*\.sh)$/;
var EXTERNAL_GATE = /(^|\/)(sonar-project\.properties|\.coveralls\.ya?ml)$/;
var MAX_BLOCK = 8e3;
var coverageConfig = {
  id: "coverage-config",
  async collect(repo) {
    const result = { thresholds: [], searched: [], external: [] };
    for (const path2 of repo.files) {
      if (NOT_THIS_PROJECT.test(path2)) continue;
      if (EXTERNAL_GATE.test(path2)) result.external.push(path2);
      if (!isCandidate(path2)) continue;
      const text3 = await repo.read(path2);
      if (text3 === null) continue;
      result.searched.push(path2);
      result.thresholds.push(...thresholdsIn(path2, text3));
    }
    return result;
  }
};
function isCandidate(path2) {
  return [
    VITEST_CONFIG,
    JEST_CONFIG,
    RC_FILE,
    PYTHON_CONFIG,
    CODECOV_CONFIG,
    GO_TEST_COVERAGE,
    BUILD_FILE,
    COMMAND_FILE
  ].some((pattern) => pattern.test(path2));
}
function thresholdsIn(path2, text3) {
  const found2 = [];
  const add2 = (tool, metric2, value, index) => {
    if (!Number.isFinite(value) || value < 0 || value > 100) return;
    const line = lineOf(text3, index);
    const excerpt2 = (text3.split("\n")[line - 1] ?? "").trim().slice(0, 120);
    if (!found2.some((other) => other.line === line && other.metric === metric2 && other.tool === tool)) {
      found2.push({ path: path2, line, excerpt: excerpt2, tool, metric: metric2, value });
    }
  };
  const keysIn = (tool, start, end) => {
    for (const match of text3.slice(start, end).matchAll(METRIC_KEY)) {
      add2(tool, match[1], Number(match[2]), start + match.index);
    }
  };
  if (VITEST_CONFIG.test(path2)) {
    for (const block of blocksAfter(text3, /\bcoverage\s*:\s*\{/g)) {
      keysIn("vitest", block.start, block.end);
      const all = /\b100\s*:\s*true\b/.exec(text3.slice(block.start, block.end));
      if (all)
        for (const metric2 of ["lines", "branches", "functions", "statements"]) {
          add2("vitest", metric2, 100, block.start + all.index);
        }
    }
  }
  if (JEST_CONFIG.test(path2) || path2.endsWith("package.json")) {
    for (const block of blocksAfter(text3, /["']?\bcoverageThreshold["']?\s*:\s*\{/g))
      keysIn("jest", block.start, block.end);
  }
  if (RC_FILE.test(path2) && /check-?coverage["']?\s*[:=]\s*true|checkCoverage["']?\s*[:=]\s*true/i.test(text3)) {
    keysIn(path2.includes("c8rc") ? "c8" : "nyc", 0, text3.length);
  }
  if (path2.endsWith("package.json")) {
    for (const block of blocksAfter(text3, /["'](nyc|c8)["']\s*:\s*\{/g)) {
      const body = text3.slice(block.start, block.end);
      if (/["']check-?coverage["']\s*:\s*true|["']checkCoverage["']\s*:\s*true/.test(body)) {
        keysIn(block.opener.includes("c8") ? "c8" : "nyc", block.start, block.end);
      }
    }
  }
  if (PYTHON_CONFIG.test(path2)) {
    for (const match of text3.matchAll(/^[ \t]*fail_under[ \t]*=[ \t]*(\d{1,3}(?:\.\d+)?)/gm)) {
      add2("coverage.py", "total", Number(match[1]), match.index);
    }
  }
  if (CODECOV_CONFIG.test(path2)) {
    for (const match of text3.matchAll(/^[ \t]*target:[ \t]*["']?(\d{1,3}(?:\.\d+)?)%?/gm)) {
      add2("codecov", "total", Number(match[1]), match.index);
    }
  }
  if (GO_TEST_COVERAGE.test(path2)) {
    for (const match of text3.matchAll(/^[ \t]*total:[ \t]*(\d{1,3}(?:\.\d+)?)/gm)) {
      add2("go-test-coverage", "total", Number(match[1]), match.index);
    }
  }
  if (BUILD_FILE.test(path2) && /jacoco/i.test(text3)) {
    const minimum = /<minimum>\s*(0?\.\d+|1(?:\.0+)?)\s*<\/minimum>|\bminimum\s*=\s*["']?(0?\.\d+|1(?:\.0+)?)\b/g;
    for (const match of text3.matchAll(minimum)) {
      const before = text3.slice(Math.max(0, match.index - 300), match.index);
      const counter = /(?:<counter>|counter\s*=\s*["'])(LINE|BRANCH|INSTRUCTION|METHOD)/g;
      const last = [...before.matchAll(counter)].pop()?.[1];
      const metric2 = {
        LINE: "lines",
        BRANCH: "branches",
        INSTRUCTION: "statements",
        METHOD: "functions"
      };
      add2(
        "jacoco",
        last ? metric2[last] : "total",
        Number(match[1] ?? match[2]) * 100,
        match.index
      );
    }
  }
  if (COMMAND_FILE.test(path2)) commandLineThresholds(text3, add2);
  return found2;
}
function commandLineThresholds(text3, add2) {
  for (const match of text3.matchAll(/--cov-fail-under[= ](\d{1,3}(?:\.\d+)?)/g)) {
    add2("pytest-cov", "total", Number(match[1]), match.index);
  }
  for (const match of text3.matchAll(/\bcoverage\s+report\b[^\n]*?--fail-under[= ](\d{1,3}(?:\.\d+)?)/g)) {
    add2("coverage.py", "total", Number(match[1]), match.index);
  }
  for (const match of text3.matchAll(
    /--coverage\.thresholds\.(lines|branches|functions|statements)[= ](\d{1,3}(?:\.\d+)?)/g
  )) {
    add2("vitest", match[1], Number(match[2]), match.index);
  }
  for (const match of text3.matchAll(/\b(nyc|c8)\b[^\n]*--check-coverage[^\n]*/g)) {
    for (const flag of match[0].matchAll(/--(lines|branches|functions|statements)[= ](\d{1,3}(?:\.\d+)?)/g)) {
      add2(match[1], flag[1], Number(flag[2]), match.index);
    }
  }
  if (/go tool cover/.test(text3)) {
    const comparison = /^[^\n]*(?:cov|total|percent|threshold)[^\n]*?(?:<=?|>=?|-lt|-le|-ge|-gt)\s*["']?(\d{1,3}(?:\.\d+)?)\b[^\n]*$/gim;
    for (const match of text3.matchAll(comparison)) add2("go", "total", Number(match[1]), match.index);
  }
}
function blocksAfter(text3, opener) {
  const blocks = [];
  for (const match of text3.matchAll(opener)) {
    const start = match.index + match[0].length;
    const limit = Math.min(text3.length, start + MAX_BLOCK);
    let depth2 = 1;
    let end = start;
    while (end < limit && depth2 > 0) {
      const char2 = text3[end];
      if (char2 === "{") depth2++;
      else if (char2 === "}") depth2--;
      end++;
    }
    blocks.push({ opener: match[0], start, end });
  }
  return blocks;
}

// src/core/collectors/coverage-reports.ts
var import_picomatch3 = __toESM(require_picomatch(), 1);
var FORMAT_PRECEDENCE = [
  "istanbul-summary",
  "coverage-py-json",
  "cobertura",
  "jacoco",
  "clover",
  "lcov",
  "istanbul-final",
  "go-cover"
];
var FORMAT_LABEL = {
  "istanbul-summary": "istanbul summary",
  "istanbul-final": "istanbul coverage-final",
  lcov: "LCOV",
  cobertura: "Cobertura XML",
  clover: "Clover XML",
  jacoco: "JaCoCo XML",
  "go-cover": "Go cover profile",
  "coverage-py-json": "coverage.py JSON"
};
var CONVENTIONAL_PATHS = [
  "coverage/coverage-summary.json",
  "coverage/coverage-final.json",
  "coverage/lcov.info",
  "lcov.info",
  "coverage/cobertura-coverage.xml",
  "coverage/cobertura.xml",
  "cobertura.xml",
  "coverage.xml",
  "coverage/clover.xml",
  "clover.xml",
  "target/site/jacoco/jacoco.xml",
  "build/reports/jacoco/test/jacocoTestReport.xml",
  "coverage.out",
  "cover.out",
  "coverage.json"
];
var REPORT_NAME = /(^|\/)(coverage-summary\.json|coverage-final\.json|lcov\.info|[^/]*\.lcov|cobertura[^/]*\.xml|coverage\.xml|clover\.xml|coverage\.out|cover\.out|[^/]*\.coverprofile|coverage\.json)$|(^|\/)jacoco[^/]*\/.*\.xml$|(^|\/)[^/]*jacoco[^/]*\.xml$/i;
var PROJECT_MANIFEST = /(^|\/)(package\.json|go\.mod|pyproject\.toml|setup\.py|setup\.cfg|tox\.ini|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|mix\.exs)$/;
var MAX_PROJECT_FOLDERS = 60;
var coverageReports = {
  id: "coverage-reports",
  async collect(repo, config) {
    const result = {
      reports: [],
      unreadable: [],
      configuredPaths: config.coverage.paths,
      ...config.coverage.threshold === void 0 ? {} : { defaultThreshold: config.coverage.threshold }
    };
    for (const [path2, origin] of candidates(repo, config.coverage.paths)) {
      const text3 = await repo.read(path2);
      if (text3 === null) {
        if (origin === "config")
          result.unreadable.push({ path: path2, reason: "configured report not found or not readable" });
        continue;
      }
      const parsed = parseCoverageReport(path2, text3);
      if ("reason" in parsed) result.unreadable.push({ path: path2, reason: parsed.reason });
      else result.reports.push({ ...parsed, origin });
    }
    return result;
  }
};
function candidates(repo, configured) {
  const found2 = /* @__PURE__ */ new Map();
  for (const entry2 of configured) {
    const clean = entry2.replace(/^\.\//, "");
    if (import_picomatch3.default.scan(clean).isGlob) {
      const isMatch = (0, import_picomatch3.default)(clean, { dot: true });
      for (const file of repo.files) if (isMatch(file)) found2.set(file, "config");
    } else {
      found2.set(clean, "config");
    }
  }
  for (const file of repo.files) {
    if (!found2.has(file) && REPORT_NAME.test(file) && !NOT_THIS_PROJECT.test(file))
      found2.set(file, "tracked");
  }
  for (const folder of projectFolders(repo.files)) {
    for (const relative of CONVENTIONAL_PATHS) {
      const path2 = folder ? `${folder}/${relative}` : relative;
      if (!found2.has(path2)) found2.set(path2, "generated");
    }
  }
  return found2;
}
function projectFolders(files) {
  const folders = /* @__PURE__ */ new Set([""]);
  for (const file of files) {
    if (folders.size >= MAX_PROJECT_FOLDERS) break;
    if (!PROJECT_MANIFEST.test(file) || NOT_THIS_PROJECT.test(file)) continue;
    const slash = file.lastIndexOf("/");
    folders.add(slash < 0 ? "" : file.slice(0, slash));
  }
  return [...folders];
}
function parseCoverageReport(path2, text3) {
  const head = text3.trimStart().slice(0, 400);
  try {
    if (head.startsWith("{")) return parseJsonReport(path2, text3);
    if (head.startsWith("<")) return parseXmlReport(path2, text3);
    if (/^mode:\s*(set|count|atomic)\b/.test(head)) return parseGoProfile(path2, text3);
    if (/^(TN:|SF:)/m.test(head)) return parseLcov(path2, text3);
  } catch (error) {
    return { reason: `unreadable: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200) };
  }
  return { reason: "not a coverage format this tool reads" };
}
function metric(covered2, total) {
  if (!Number.isFinite(covered2) || !Number.isFinite(total) || total < 0 || covered2 < 0 || covered2 > total) {
    return void 0;
  }
  return { covered: covered2, total, pct: total === 0 ? 100 : covered2 / total * 100 };
}
function withMetrics(path2, format, entries, line) {
  const metrics = {};
  for (const [name, value] of entries) if (value) metrics[name] = value;
  if (!Object.keys(metrics).length) return { reason: `${FORMAT_LABEL[format]} without usable totals` };
  return line === void 0 ? { path: path2, format, metrics } : { path: path2, format, metrics, line };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function num(value) {
  return typeof value === "number" ? value : Number.NaN;
}
function parseJsonReport(path2, text3) {
  const data = JSON.parse(text3);
  if (!isRecord(data)) return { reason: "JSON report is not an object" };
  if (isRecord(data.totals) && isRecord(data.meta)) return coveragePyJson(path2, text3, data.totals);
  if (isRecord(data.total)) return istanbulSummary(path2, text3, data.total);
  return istanbulFinal(path2, data);
}
function istanbulSummary(path2, text3, total) {
  const read = (name) => {
    const entry2 = total[name];
    return isRecord(entry2) ? metric(num(entry2.covered), num(entry2.total)) : void 0;
  };
  const names2 = ["lines", "branches", "statements", "functions"];
  const at9 = text3.indexOf('"total"');
  return withMetrics(
    path2,
    "istanbul-summary",
    names2.map((name) => [name, read(name)]),
    at9 < 0 ? void 0 : lineOf(text3, at9)
  );
}
function coveragePyJson(path2, text3, totals) {
  const at9 = text3.indexOf('"totals"');
  return withMetrics(
    path2,
    "coverage-py-json",
    [
      ["lines", metric(num(totals.covered_lines), num(totals.num_statements))],
      [
        "branches",
        totals.num_branches ? metric(num(totals.covered_branches), num(totals.num_branches)) : void 0
      ]
    ],
    at9 < 0 ? void 0 : lineOf(text3, at9)
  );
}
function istanbulFinal(path2, data) {
  const counted = () => ({ covered: 0, total: 0 });
  const totals = { lines: counted(), statements: counted(), branches: counted(), functions: counted() };
  const count2 = (into, hits) => {
    into.total++;
    if (typeof hits === "number" && hits > 0) into.covered++;
  };
  let files = 0;
  for (const entry2 of Object.values(data)) {
    if (!isRecord(entry2) || !isRecord(entry2.statementMap) || !isRecord(entry2.s)) continue;
    files++;
    const lineHits = /* @__PURE__ */ new Map();
    for (const [id, hits] of Object.entries(entry2.s)) {
      count2(totals.statements, hits);
      const location = entry2.statementMap[id];
      const line = isRecord(location) && isRecord(location.start) ? num(location.start.line) : Number.NaN;
      if (Number.isFinite(line)) lineHits.set(line, Math.max(lineHits.get(line) ?? 0, num(hits) || 0));
    }
    for (const hits of lineHits.values()) count2(totals.lines, hits);
    for (const branch of Object.values(isRecord(entry2.b) ? entry2.b : {})) {
      if (Array.isArray(branch)) for (const hits of branch) count2(totals.branches, hits);
    }
    for (const hits of Object.values(isRecord(entry2.f) ? entry2.f : {})) count2(totals.functions, hits);
  }
  if (!files) return { reason: "JSON is neither an istanbul nor a coverage.py report" };
  return withMetrics(
    path2,
    "istanbul-final",
    Object.keys(totals).map((name) => [
      name,
      metric(totals[name].covered, totals[name].total)
    ])
  );
}
function parseLcov(path2, text3) {
  const sums = { LF: 0, LH: 0, BRF: 0, BRH: 0, FNF: 0, FNH: 0 };
  let records = 0;
  let daTotal = 0;
  let daHit = 0;
  let sawLf = false;
  for (const raw of text3.split("\n")) {
    const line = raw.trim();
    if (line === "end_of_record") records++;
    const summary = /^(LF|LH|BRF|BRH|FNF|FNH):(\d+)$/.exec(line);
    if (summary) {
      sums[summary[1]] += Number(summary[2]);
      if (summary[1] === "LF") sawLf = true;
      continue;
    }
    const da = /^DA:\d+,(-?\d+)/.exec(line);
    if (da) {
      daTotal++;
      if (Number(da[1]) > 0) daHit++;
    }
  }
  if (!records) return { reason: "LCOV file without any end_of_record" };
  return withMetrics(path2, "lcov", [
    ["lines", sawLf ? metric(sums.LH, sums.LF) : metric(daHit, daTotal)],
    ["branches", sums.BRF ? metric(sums.BRH, sums.BRF) : void 0],
    ["functions", sums.FNF ? metric(sums.FNH, sums.FNF) : void 0]
  ]);
}
function parseGoProfile(path2, text3) {
  const blocks = /* @__PURE__ */ new Map();
  for (const line of text3.split("\n")) {
    const match = /^(.+:\d+\.\d+,\d+\.\d+) (\d+) (\d+)\s*$/.exec(line);
    if (!match) continue;
    const key = match[1];
    const previous = blocks.get(key);
    const hit = Number(match[3]) > 0 || (previous?.hit ?? false);
    blocks.set(key, { statements: Number(match[2]), hit });
  }
  if (!blocks.size) return { reason: "Go cover profile without blocks" };
  let total = 0;
  let covered2 = 0;
  for (const block of blocks.values()) {
    total += block.statements;
    if (block.hit) covered2 += block.statements;
  }
  return withMetrics(path2, "go-cover", [["statements", metric(covered2, total)]]);
}
function attributes(tag) {
  const found2 = {};
  for (const match of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g))
    found2[match[1]] = match[2];
  return found2;
}
function parseXmlReport(path2, text3) {
  const root = /<(coverage|report)\b([^>]*)>/.exec(text3);
  if (!root) return { reason: "XML without a <coverage> or <report> root" };
  if (root[1] === "report") return jacoco(path2, text3);
  const clover = /<project\b[^>]*>\s*<metrics\b([^>]*)\/?>/.exec(text3);
  if (clover) return cloverReport(path2, text3, clover);
  return cobertura(path2, text3, root);
}
function cobertura(path2, text3, root) {
  const attrs = attributes(root[2]);
  const fromCounts = (covered2, valid) => covered2 !== void 0 && valid !== void 0 ? metric(Number(covered2), Number(valid)) : void 0;
  const fromRate = (rate) => {
    const value = Number(rate);
    if (rate === void 0 || !Number.isFinite(value) || value < 0 || value > 1) return void 0;
    return { covered: value, total: 1, pct: value * 100, fromRate: true };
  };
  const lines = fromCounts(attrs["lines-covered"], attrs["lines-valid"]) ?? fromRate(attrs["line-rate"]);
  const branchesValid = Number(attrs["branches-valid"] ?? Number.NaN);
  const branches = branchesValid > 0 ? fromCounts(attrs["branches-covered"], attrs["branches-valid"]) : void 0;
  return withMetrics(
    path2,
    "cobertura",
    [
      ["lines", lines],
      ["branches", branches]
    ],
    lineOf(text3, root.index)
  );
}
function cloverReport(path2, text3, found2) {
  const attrs = attributes(found2[1]);
  const pair = (covered2, total) => attrs[covered2] !== void 0 && attrs[total] !== void 0 ? metric(Number(attrs[covered2]), Number(attrs[total])) : void 0;
  return withMetrics(
    path2,
    "clover",
    [
      ["statements", pair("coveredstatements", "statements")],
      ["branches", Number(attrs.conditionals) > 0 ? pair("coveredconditionals", "conditionals") : void 0],
      ["functions", Number(attrs.methods) > 0 ? pair("coveredmethods", "methods") : void 0]
    ],
    lineOf(text3, found2.index + found2[0].indexOf("<metrics"))
  );
}
function jacoco(path2, text3) {
  const end = text3.lastIndexOf("</report>");
  const lastChild = Math.max(text3.lastIndexOf("</package>"), text3.lastIndexOf("</group>"));
  const start = lastChild < 0 ? text3.indexOf("<report") : lastChild;
  const tail = text3.slice(start, end < 0 ? void 0 : end);
  const counters = /* @__PURE__ */ new Map();
  for (const match of tail.matchAll(/<counter\b([^>]*)\/>/g)) {
    const attrs = attributes(match[1]);
    const covered2 = Number(attrs.covered);
    const total = covered2 + Number(attrs.missed);
    if (attrs.type) counters.set(attrs.type, { covered: covered2, total, line: lineOf(text3, start + match.index) });
  }
  const read = (type) => {
    const counter = counters.get(type);
    return counter ? metric(counter.covered, counter.total) : void 0;
  };
  return withMetrics(
    path2,
    "jacoco",
    [
      ["lines", read("LINE")],
      ["branches", read("BRANCH")],
      ["statements", read("INSTRUCTION")],
      ["functions", read("METHOD")]
    ],
    counters.get("LINE")?.line
  );
}
var REPORT_OUTPUT_FOLDER = /(^|\/)(coverage|target\/site\/jacoco|build\/reports\/jacoco(\/[^/]+)?)$/;
function projectFolderOf(path2) {
  const folder = path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "";
  return folder.replace(REPORT_OUTPUT_FOLDER, "");
}
function depth(folder) {
  return folder ? folder.split("/").length : 0;
}
function chooseReport(reports, scope) {
  if (!reports.length) return void 0;
  const inside = reports.filter((report2) => inScope(report2.path, scope));
  const pool = inside.length ? inside : reports;
  const rank = (report2) => [
    report2.origin === "config" ? 0 : 1,
    depth(projectFolderOf(report2.path)),
    FORMAT_PRECEDENCE.indexOf(report2.format)
  ];
  const sorted = [...pool].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
  const report = sorted[0];
  const others = reports.filter((other) => other !== report);
  let reason;
  if (report.origin === "config") reason = "configured in coverage.paths";
  else if (scope && !inside.length) reason = `no report inside ${scope}; using the repository's`;
  else if (others.length)
    reason = `preferred over ${others.length} other report${others.length > 1 ? "s" : ""}`;
  else reason = "the only report found";
  return { report, reason, others };
}

// src/core/rules/coverage/coverage-evidence.ts
var COVERAGE = /\bcoverage\b/i;
var OTHER_COVERAGE = /\b(doc(s|umentation)?|type|types|typescript|i18n|translation|insurance|network|cell(ular)?|wi-?fi|signal|geographic|monitoring|alert(ing)?|log(ging)?|trac(e|ing)|observability|on-?call|support|SLA)\s+coverage\b|\bcoverage\s+(of|for)\s+(docs?|documentation|alerts?|monitoring|logs?|on-?call)\b/i;
var PERCENT = /(\d{1,3}(?:\.\d+)?)\s*(%|percent\b|pct\b)(\s*\+|\s+or\s+(?:more|higher|above|better))?/gi;
var STRICT_BEFORE = /(>(?!=)|\bmore than|\babove|\bover|\bgreater than|\bexceeds?|\bhigher than)\s*$/i;
var METRIC_WORDS = [
  [/\bbranch(es)?\b/i, "branches"],
  [/\bstatements?\b/i, "statements"],
  [/\bfunctions?\b/i, "functions"],
  [/\blines?\b/i, "lines"]
];
function speaksOfTestCoverage(text3) {
  return COVERAGE.test(text3) && !OTHER_COVERAGE.test(text3);
}
function coverageTargets(text3) {
  if (!speaksOfTestCoverage(text3)) return [];
  const targets = [];
  for (const match of text3.matchAll(PERCENT)) {
    const threshold = Number(match[1]);
    if (threshold > 100) continue;
    const before = text3.slice(Math.max(0, match.index - 30), match.index);
    const after = text3.slice(match.index + match[0].length, match.index + match[0].length + 30);
    const near = `${before.split(/[,;]/).pop() ?? ""} ${after.split(/[,;]/)[0] ?? ""}`;
    const metric2 = METRIC_WORDS.find(([word]) => word.test(near))?.[1];
    const target = { threshold, strict: STRICT_BEFORE.test(before) };
    if (metric2) target.metric = metric2;
    targets.push(target);
  }
  return targets;
}
function formatPercent(value) {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}
function describeThreshold(threshold) {
  const metric2 = threshold.metric === "total" ? "total" : threshold.metric;
  return `${threshold.tool} ${metric2} ${formatPercent(threshold.value)} at ${threshold.path}:${threshold.line}`;
}

// src/core/rules/coverage/coverage-above-threshold.ts
var THRESHOLDS_MET = /\bcoverage\s+(thresholds?|targets?|goals?|gates?)\s+(are\s+|is\s+)?(met|reached|achieved|satisfied|pass(ed|ing)?|green)\b|\bmeets?\s+(the\s+)?coverage\s+(thresholds?|targets?)\b/i;
var ABOUT_CONFIGURATION = /\b(enforc\w*|configur\w*|set\s+(up|to|at)|fail[\s_-]?under|gates?\s+(in|on)\s+ci)\b/i;
var coverageAboveThreshold = {
  id: "coverage.above-threshold",
  title: "Test coverage reaches the stated threshold",
  why: "A coverage number in a checklist is only true for the code as it is now; a report shows whether it still holds.",
  fix: "Add tests until the report reaches the threshold, or correct the number in the checklist. Run the tests with coverage before this check (or list the report in coverage.paths in .github/readiness.yml).",
  recognises: 'Items about test or code coverage that name a percentage ("> 70%", "at least 80 percent", "80%+ line coverage") or say coverage thresholds are met.',
  needs: [coverageReports, coverageConfig],
  match(item) {
    const text3 = claimText(item);
    if (!speaksOfTestCoverage(text3)) return [];
    if (THRESHOLDS_MET.test(text3)) return [{}];
    if (ABOUT_CONFIGURATION.test(text3)) return [];
    return coverageTargets(text3);
  },
  bound: () => [{}],
  evaluate(params, ctx) {
    const collected = ctx.get(coverageReports);
    const choice = chooseReport(collected.reports, ctx.scope);
    if (!choice) return noReport(collected.configuredPaths, collected.unreadable);
    const targets = targetsFor(params, collected.defaultThreshold, ctx);
    if (!targets.length) {
      return {
        verdict: "unknown",
        message: 'the item names no coverage percentage and none is configured; write it in the item ("\u2265 80% line coverage") or set coverage.threshold in .github/readiness.yml',
        evidence: [reportEvidence(choice.report)]
      };
    }
    const source = `${choice.report.path} (${FORMAT_LABEL[choice.report.format]}, ${describeOrigin(choice.report)}; ${choice.reason})`;
    const results = targets.map((target) => compare(target, choice.report));
    const failed = results.filter((result) => result.verdict === "fail");
    const undecided2 = results.filter((result) => result.verdict === "unknown");
    const decisive = failed.length ? failed : undecided2.length ? undecided2 : results;
    return {
      verdict: failed.length ? "fail" : undecided2.length ? "unknown" : "pass",
      message: `${decisive.map((result) => result.text).join("; ")} in ${source}`,
      evidence: [reportEvidence(choice.report), ...targets.flatMap((target) => target.evidence)]
    };
  },
  examples: {
    match: [
      "Add unit tests for core flows (30% coverage minimum)",
      "**Test Coverage**: > 70%",
      "Coverage thresholds met",
      "Code coverage at least 80 percent",
      "80%+ line coverage",
      "Coverage: 70% minimum",
      ">= 80% line coverage, 70% branch coverage"
    ],
    noMatch: [
      "Test coverage thresholds",
      "Coverage threshold of 80% enforced in CI",
      "API documentation coverage 90%",
      "Monitoring coverage for all services",
      "Unit tests (Vitest)",
      "Address testing coverage and API documentation",
      "99.9% uptime SLA"
    ],
    verdicts: [
      {
        files: {
          "coverage/coverage-summary.json": '{ "total": { "lines": { "total": 100, "covered": 82, "pct": 82 }, "statements": { "pct": 82 }, "functions": { "pct": 80 }, "branches": { "pct": 75 } } }\n'
        },
        item: "**Test Coverage**: > 70%",
        verdict: "pass"
      },
      { files: { "src/app.ts": "export {};\n" }, item: "**Test Coverage**: > 70%", verdict: "unknown" }
    ]
  }
};
function targetsFor(params, defaultThreshold, ctx) {
  if (params.threshold !== void 0) {
    return [
      { threshold: params.threshold, strict: params.strict, metric: params.metric ?? "lines", evidence: [] }
    ];
  }
  if (defaultThreshold !== void 0) {
    return [
      {
        threshold: defaultThreshold,
        strict: false,
        metric: "lines",
        from: "coverage.threshold in .github/readiness.yml",
        evidence: []
      }
    ];
  }
  const thresholds = ctx.get(coverageConfig).thresholds;
  const inside = thresholds.filter((threshold) => inScope(threshold.path, ctx.scope));
  return (inside.length ? inside : thresholds).map((threshold) => ({
    threshold: threshold.value,
    strict: false,
    metric: threshold.metric === "total" ? "lines" : threshold.metric,
    from: `${threshold.tool} threshold at ${threshold.path}:${threshold.line}`,
    evidence: [{ path: threshold.path, line: threshold.line, excerpt: threshold.excerpt }]
  }));
}
function compare(target, report) {
  const wanted = formatPercent(target.threshold);
  const from = target.from ? ` (${target.from})` : "";
  const found2 = measured(report, target.metric);
  if (!found2) {
    return {
      verdict: "unknown",
      text: `report has no ${singular(target.metric)} coverage to compare with ${wanted}${from}`
    };
  }
  const { name, value } = found2;
  const ok = target.strict ? value.pct > target.threshold : value.pct >= target.threshold;
  const actual = formatPercent(Math.floor(value.pct * 10) / 10);
  const counts = value.fromRate ? "" : ` (${value.covered}/${value.total})`;
  const relation = ok ? target.strict ? ">" : "\u2265" : target.strict ? "\u2264" : "<";
  return {
    verdict: ok ? "pass" : "fail",
    text: `${singular(name)} coverage ${actual}${counts} ${relation} ${wanted}${from}`
  };
}
function measured(report, metric2) {
  const exact = report.metrics[metric2];
  if (exact) return { name: metric2, value: exact };
  const statements = report.metrics.statements;
  return metric2 === "lines" && statements ? { name: "statements", value: statements } : void 0;
}
function singular(metric2) {
  return { lines: "line", branches: "branch", statements: "statement", functions: "function" }[metric2];
}
function describeOrigin(report) {
  if (report.origin === "tracked") return "committed, may be stale";
  return report.origin === "config" ? "configured" : "generated";
}
function reportEvidence(report) {
  const lines = report.metrics.lines ?? report.metrics.statements;
  const excerpt2 = lines && !lines.fromRate ? `${lines.covered}/${lines.total} covered` : void 0;
  return {
    path: report.path,
    ...report.line === void 0 ? {} : { line: report.line },
    ...excerpt2 ? { excerpt: excerpt2 } : {}
  };
}
function noReport(configured, unreadable) {
  const problems = unreadable.map((entry2) => `${entry2.path}: ${entry2.reason}`);
  const where3 = configured.length ? `the configured coverage.paths (${configured.join(", ")})` : "coverage/coverage-summary.json, lcov.info, coverage.xml, clover.xml, jacoco.xml, coverage.out, coverage.json";
  return {
    verdict: "unknown",
    message: `no coverage report found (looked for ${where3}${problems.length ? `; ${problems.join("; ")}` : ""}); run the tests with coverage before this check or set coverage.paths in .github/readiness.yml`,
    evidence: unreadable.map((entry2) => ({ path: entry2.path }))
  };
}

// src/core/rules/coverage/coverage-threshold-configured.ts
var ABOUT_THRESHOLD = /\b(thresholds?|enforc\w*|fail[\s_-]?under|gates?|gating|minimums?\s+(is\s+)?(set|configured|enforced))\b/i;
var ABOUT_REACHING = /\b(met|meets?|reached|achieved|satisfied|passing|passed|exceeded)\b/i;
var SHOWN = 3;
var coverageThresholdConfigured = {
  id: "coverage.threshold-configured",
  title: "A coverage threshold is configured for the test run",
  why: "Without a configured threshold coverage can fall silently; with one, the test run fails when it drops.",
  fix: "Configure a threshold the test run enforces: coverage.thresholds in vitest.config, coverageThreshold in jest config, check-coverage in .nycrc/.c8rc, fail_under in .coveragerc/pyproject, or --cov-fail-under in CI.",
  recognises: 'Items that say test coverage thresholds exist or are enforced ("Test coverage thresholds", "Coverage threshold of 80% enforced in CI"), comparing the number when the item names one.',
  needs: [coverageConfig],
  match(item) {
    const text3 = claimText(item);
    if (!speaksOfTestCoverage(text3) || !ABOUT_THRESHOLD.test(text3) || ABOUT_REACHING.test(text3)) return [];
    const targets = coverageTargets(text3);
    return targets.length ? targets : [{}];
  },
  bound: () => [{}],
  evaluate(params, ctx) {
    const collected = ctx.get(coverageConfig);
    const inside = collected.thresholds.filter((threshold) => inScope(threshold.path, ctx.scope));
    const thresholds = inside.length ? inside : collected.thresholds;
    const outside = !inside.length && ctx.scope !== "" ? ` (none inside ${ctx.scope}; using the repository's)` : "";
    if (!thresholds.length) {
      const external = collected.external.filter((path2) => inScope(path2, ctx.scope) || !path2.includes("/"));
      if (external.length) {
        return {
          verdict: "unknown",
          message: `no coverage threshold in the repository's test configuration; ${external.join(", ")} may gate coverage in an external service`,
          evidence: external.map((path2) => ({ path: path2 }))
        };
      }
      const searched = collected.searched.filter((path2) => inScope(path2, ctx.scope));
      return {
        verdict: "fail",
        message: `no coverage threshold configured in ${searched.length ? searched.slice(0, 5).join(", ") : "any file"} (looked for vitest/jest/nyc/c8 thresholds, fail_under, --cov-fail-under, Codecov targets, JaCoCo minimums)`,
        evidence: searched.length ? searched.slice(0, SHOWN).map((path2) => ({ path: path2 })) : [{ path: ctx.scope || "." }]
      };
    }
    if (params.threshold === void 0) {
      return {
        verdict: "pass",
        message: `coverage threshold configured: ${thresholds.slice(0, SHOWN).map(describeThreshold).join("; ")}${outside}`,
        evidence: thresholds.slice(0, SHOWN).map(evidenceOf)
      };
    }
    const wanted = params.threshold;
    const relevant = thresholds.filter(
      (threshold) => !params.metric || threshold.metric === params.metric || threshold.metric === "total"
    );
    const strongest = [...relevant].sort((a, b) => b.value - a.value)[0];
    if (!strongest) {
      return {
        verdict: "unknown",
        message: `no ${params.metric} coverage threshold configured to compare with ${formatPercent(wanted)}; found ${thresholds.map(describeThreshold).join("; ")}`,
        evidence: thresholds.slice(0, SHOWN).map(evidenceOf)
      };
    }
    const ok = strongest.value >= wanted;
    return {
      verdict: ok ? "pass" : "fail",
      message: `configured coverage threshold ${describeThreshold(strongest)} ${ok ? "\u2265" : "<"} ${formatPercent(wanted)} stated in the item${outside}`,
      evidence: [evidenceOf(strongest)]
    };
  },
  examples: {
    match: [
      "Test coverage thresholds",
      "Coverage threshold of 80% enforced in CI",
      "Code coverage gate configured (--cov-fail-under=85%)",
      "Minimum test coverage enforced: 75%",
      "Coverage thresholds configured in vitest.config.ts"
    ],
    noMatch: [
      "Coverage thresholds met",
      "**Test Coverage**: > 70%",
      "Alert thresholds configured",
      "Rate limiting thresholds tuned",
      "Documentation coverage threshold set",
      "Performance budget thresholds"
    ],
    verdicts: [
      {
        files: {
          "vitest.config.ts": 'import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { coverage: { thresholds: { lines: 80 } } } });\n'
        },
        item: "Test coverage thresholds",
        verdict: "pass"
      },
      {
        files: {
          "vitest.config.ts": 'import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: {} });\n'
        },
        item: "Test coverage thresholds",
        verdict: "fail"
      }
    ]
  }
};
function evidenceOf(threshold) {
  return { path: threshold.path, line: threshold.line, excerpt: threshold.excerpt };
}

// src/core/rules/coverage/index.ts
var coverageRules = [coverageAboveThreshold, coverageThresholdConfigured];

// src/core/collectors/declared-versions.ts
var FILES = /^(?:go\.mod|package\.json|requirements[\w.-]*\.txt|\.nvmrc|\.node-version|\.python-version|\.ruby-version|\.tool-versions)$/;
var TAGGED_IMAGE = /^([\w./-]+):([\w.-]+)/;
var RUNTIME_FILES = {
  ".nvmrc": "node",
  ".node-version": "node",
  ".python-version": "python",
  ".ruby-version": "ruby"
};
var declaredVersionsCollector = {
  id: "declared-versions",
  needs: [dockerfilesCollector, composeCollector],
  async collect(repo, _config, facts) {
    const paths = repo.files.filter(
      (path2) => FILES.test(baseName(path2)) && !VENDORED_OR_GENERATED.test(path2)
    );
    const parsed = await repo.perFiles(
      "declared-versions",
      paths,
      (text3, index) => versionsIn(paths[index], text3)
    );
    const images = [];
    const image = (path2, reference, line) => {
      const tagged = TAGGED_IMAGE.exec(reference);
      if (tagged && !reference.includes("$") && !VENDORED_OR_GENERATED.test(path2))
        images.push({ name: tagged[1], kind: "image", version: tagged[2], path: path2, line });
    };
    for (const dockerfile of facts.get(dockerfilesCollector).dockerfiles)
      for (const stage of dockerfile.stages)
        if (!stage.base.stage) image(dockerfile.path, stage.base.written, stage.line);
    for (const file of facts.get(composeCollector).files)
      for (const service2 of file.services)
        if (service2.image) image(file.path, service2.image.value, service2.image.line);
    const byPath = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
    return { versions: [...parsed.flatMap((found2) => found2 ?? []), ...images].sort(byPath) };
  }
};
function versionsIn(path2, text3) {
  const name = baseName(path2);
  const lines = text3.split(/\r\n|\r|\n/);
  const found2 = [];
  const add2 = (entry2, kind, version, line) => found2.push({ name: entry2, kind, version, path: path2, line });
  if (name === "package.json") {
    const parsed = parsePackageJson(text3);
    if ("problem" in parsed) return [];
    const manifest = parsed.manifest;
    for (const field of ["dependencies", "devDependencies", "peerDependencies", "engines"]) {
      const deps = manifest[field];
      if (typeof deps !== "object" || deps === null) continue;
      for (const [dep, version] of Object.entries(deps)) {
        if (typeof version !== "string") continue;
        const line = lineOfKey2(lines, dep);
        add2(dep, field === "engines" ? "runtime" : "dependency", version, line);
      }
    }
    return found2;
  }
  const runtime = RUNTIME_FILES[name];
  if (runtime) {
    const first3 = lines.findIndex((line) => line.trim());
    if (first3 >= 0) add2(runtime, "runtime", lines[first3].trim(), first3 + 1);
    return found2;
  }
  lines.forEach((raw, index) => {
    const line = raw.replace(/(?:^|\s)(?:#|\/\/).*$/, "").trim();
    if (!line || line.length > 500) return;
    if (name === "go.mod") {
      const go = /^(go|toolchain)\s+(?:go)?(\d[\w.]*)$/.exec(line);
      if (go) add2("go", "runtime", go[2], index + 1);
      const module = /^(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+(v\d[\w.+-]*)/.exec(line);
      if (module) add2(module[1], "dependency", module[2], index + 1);
    } else if (name === ".tool-versions") {
      const tool = /^([\w-]+)\s+(\d[\w.]*)/.exec(line);
      if (tool)
        add2(tool[1] === "nodejs" ? "node" : tool[1], "runtime", tool[2], index + 1);
    } else if (/^requirements/.test(name)) {
      const pinned = /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(==|>=|~=)\s*(\d[\w.]*)/.exec(line);
      if (pinned)
        add2(pinned[1].toLowerCase(), "dependency", `${pinned[2]}${pinned[3]}`, index + 1);
    }
  });
  return found2;
}
function lineOfKey2(lines, key) {
  const index = lines.findIndex((line) => line.includes(`"${key}"`));
  return index < 0 ? 1 : index + 1;
}

// src/core/rules/deps/deps-declared-version.ts
var ITEM = /^([A-Za-z][\w.+#]*(?:[ -][A-Za-z][\w.+#]*){0,2})\s+(v?)(\d+(?:\.\d+){0,2})(\+)?\s*(?:\([^()]*\)|（[^（）]*）)?\s*(?:for\s+[A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,2})?\s*$/;
var MAX_ITEM = 100;
var NOT_SOFTWARE = /^(?:phase|step|stage|level|tier|sprint|week|day|month|year|version|release|milestone|section|chapter|part|iteration|round|option|priority|wave|epic|story|task|item|rule|point|score|grade|rating|top|page|gate|lane|slot|batch|sample|case|scenario|test|v|p|q|h|x)$/i;
var ALIASES = {
  golang: "go",
  nodejs: "node",
  postgresql: "postgres",
  pg: "postgres",
  mongodb: "mongo",
  elasticsearch: "elasticsearch"
};
var GENERIC_SEGMENT = /^(?:api|apis|client|clients|core|common|http|https|grpc|sdk|lib|libs|pkg|internal|util|utils|server|v\d+|exporters?|contrib|github\.com|gitlab\.com|golang\.org|google\.golang\.org)$/;
var depsDeclaredVersion = {
  id: "deps.declared-version",
  title: "A component the item names at a version is declared at that version (or a later one of the same line)",
  why: 'A checklist that pins "testify v1.9.0" or "PostgreSQL 14+" tells readers what the system runs on; when the repository declares something else, upgrades and incident notes go wrong.',
  fix: "Update the dependency, runtime or image to the version the item names, or correct the checklist.",
  recognises: 'Items that are only a component and a version ("testify v1.9.0", "Go 1.25.3", "PostgreSQL 14+", with at most a parenthetical), looked up in go.mod, package.json, requirements files, runtime version files and container image tags. Only a declaration at that version or later passes; anything else is left undecided.',
  needs: [declaredVersionsCollector],
  match(item) {
    const text3 = item.text.replace(/[*_`✅]/g, " ").replace(/\s+/g, " ").trim();
    if (text3.length > MAX_ITEM) return [];
    const found2 = ITEM.exec(text3);
    if (!found2) return [];
    const name = found2[1].trim();
    if (NOT_SOFTWARE.test(name.split(/[ -]/)[0])) return [];
    const written = found2[3];
    const orLater = found2[4] === "+";
    if (!found2[2] && !written.includes(".") && !orLater) return [];
    return [{ name, version: written.split(".").map(Number), written, orLater }];
  },
  evaluate(claim, ctx) {
    const all = ctx.get(declaredVersionsCollector).versions.filter(
      (entry2) => names(entry2).has(normalise2(claim.name)) && (!isNonProductionPath(entry2.path) || ctx.scope !== "" && inScope(entry2.path, ctx.scope))
    );
    const scoped = all.filter((entry2) => inScope(entry2.path, ctx.scope));
    const declared2 = scoped.length ? scoped : all;
    const wanted = `${claim.name} ${claim.written}${claim.orLater ? "+" : ""}`;
    if (!declared2.length)
      return {
        verdict: "unknown",
        message: `no declaration of ${claim.name} found (looked in go.mod, package.json, requirements files, runtime version files and image tags); it may be named differently or installed elsewhere`,
        evidence: []
      };
    const holding = declared2.find((entry2) => holds(claim, numbers(entry2.version))) ?? all.find((entry2) => entry2.kind === "image" && holds(claim, numbers(entry2.version)));
    if (holding)
      return {
        verdict: "pass",
        message: `${wanted}: ${holding.name} ${holding.version} at ${holding.path}:${holding.line}`,
        evidence: [{ path: holding.path, line: holding.line, excerpt: `${holding.name} ${holding.version}` }]
      };
    const first3 = declared2[0];
    return {
      verdict: "unknown",
      message: `${first3.name} is declared at ${first3.version} (${first3.path}:${first3.line}), not ${wanted}; the item may describe another part of the system or an older state`,
      evidence: declared2.slice(0, 3).map((entry2) => ({ path: entry2.path, line: entry2.line }))
    };
  },
  examples: {
    match: [
      "testify v1.9.0",
      "Go 1.25.3",
      "PostgreSQL 14+",
      "OTLP v1.38.0 (latest)",
      "Redis 6.2+ for stream consumer groups"
    ],
    noMatch: [
      "Phase 2",
      "OWASP Top 10",
      "Priority 1 (critical)",
      "Upgrade Node to 20 and remove the polyfills",
      "PostgreSQL 14+ with gen_random_uuid() support",
      "JWT Token Manager (v5.2.1)",
      "PostgreSQL 14+ with read replicas for reporting"
    ],
    verdicts: [
      {
        files: { "go.mod": "module app\n\ngo 1.26\n\nrequire github.com/stretchr/testify v1.11.1\n" },
        item: "testify v1.9.0",
        verdict: "pass"
      },
      {
        files: { "docker-compose.yml": "services:\n  db:\n    image: postgres:16-alpine\n" },
        item: "PostgreSQL 14+",
        verdict: "pass"
      },
      {
        files: { "go.mod": "module app\n\ngo 1.26\n\nrequire github.com/stretchr/testify v1.11.1\n" },
        item: "Wire v0.6.0",
        verdict: "unknown"
      }
    ]
  }
};
function normalise2(name) {
  const plain2 = name.toLowerCase().replace(/\.js$/, "js").replace(/[^a-z0-9]/g, "");
  return ALIASES[plain2] ?? plain2;
}
function names(entry2) {
  const segments = entry2.name.toLowerCase().split("/").filter((segment) => !/^v\d+$/.test(segment));
  const last = segments[segments.length - 1] ?? "";
  const found2 = /* @__PURE__ */ new Set([normalise2(entry2.name), normalise2(last)]);
  if (segments.length >= 2) found2.add(normalise2(`${segments[segments.length - 2]}${last}`));
  if (entry2.kind === "dependency") {
    for (const segment of segments)
      if (segment.length >= 4 && !GENERIC_SEGMENT.test(segment)) found2.add(normalise2(segment));
  }
  found2.delete("");
  return found2;
}
function numbers(version) {
  const digits = /\d+(?:\.\d+)*/.exec(version)?.[0];
  return digits ? digits.split(".").map(Number) : [];
}
function holds(claim, declared2) {
  if (!declared2.length) return false;
  if (!claim.orLater && declared2[0] !== claim.version[0]) return false;
  for (let i = 0; i < claim.version.length; i++) {
    const have = declared2[i] ?? 0;
    const want = claim.version[i] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}

// src/core/collectors/repo-meta.ts
var DEPENDABOT = [".github/dependabot.yml", ".github/dependabot.yaml"];
var RENOVATE = [
  "renovate.json",
  "renovate.json5",
  ".github/renovate.json",
  ".github/renovate.json5",
  ".gitlab/renovate.json",
  ".gitlab/renovate.json5",
  ".renovaterc",
  ".renovaterc.json",
  ".renovaterc.json5"
];
var CODEOWNERS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
var PRE_COMMIT = ".pre-commit-config.yaml";
var GIT_HOOK_FILE = /^(\.husky\/[^/_][^/]*|lefthook\.ya?ml|\.lefthook\.ya?ml|\.githooks\/[^/]+)$/;
var SECRET_SCANNER_CONFIG = /^(\.gitleaks\.toml|gitleaks\.toml|\.secretlintrc(\.json|\.ya?ml|\.js|\.cjs)?|\.secrets\.baseline|\.trufflehog\.ya?ml|\.gitguardian\.ya?ml)$/;
var repoMetaCollector = {
  id: "repo-meta",
  unparsable: (evidence2) => evidence2.unparsable.map((file) => ({ path: file.path, reason: file.error })),
  async collect(repo) {
    const evidence2 = {
      renovate: [],
      codeowners: [],
      gitHooks: [],
      secretScannerConfigs: repo.files.filter((path2) => SECRET_SCANNER_CONFIG.test(path2)),
      unparsable: []
    };
    await readDependabot(repo, evidence2);
    await readRenovate(repo, evidence2);
    for (const path2 of CODEOWNERS) {
      const source = repo.has(path2) ? await repo.read(path2) : null;
      if (source !== null) evidence2.codeowners.push({ path: path2, rules: parseCodeowners(source) });
    }
    await readPreCommit(repo, evidence2);
    for (const path2 of repo.files.filter((file) => GIT_HOOK_FILE.test(file))) {
      const source = await repo.read(path2);
      if (source !== null) evidence2.gitHooks.push({ path: path2, text: source });
    }
    return evidence2;
  }
};
function isDict2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
async function readDependabot(repo, evidence2) {
  const path2 = DEPENDABOT.find((candidate) => repo.has(candidate));
  const source = path2 ? await repo.read(path2) : null;
  if (!path2 || source === null) return;
  const loaded = loadYaml(source);
  if ("error" in loaded) {
    evidence2.unparsable.push({ path: path2, error: loaded.error });
    return;
  }
  const updates = isDict2(loaded.value) && Array.isArray(loaded.value.updates) ? loaded.value.updates : [];
  evidence2.dependabot = {
    path: path2,
    updates: updates.flatMap((entry2, index) => {
      if (!isDict2(entry2) || typeof entry2["package-ecosystem"] !== "string") return [];
      const directories = [entry2.directory, ...Array.isArray(entry2.directories) ? entry2.directories : []];
      return [
        {
          ecosystem: entry2["package-ecosystem"],
          directories: directories.filter((dir) => typeof dir === "string"),
          line: loaded.lineOf(["updates", index]) ?? 1
        }
      ];
    })
  };
}
async function readRenovate(repo, evidence2) {
  for (const path2 of RENOVATE) {
    const source = repo.has(path2) ? await repo.read(path2) : null;
    if (source === null) continue;
    evidence2.renovate.push({ path: path2, enabled: !/"?enabled"?\s*:\s*false/.test(topLevelOnly(source)), line: 1 });
  }
  const manifest = repo.has("package.json") ? await repo.read("package.json") : null;
  if (manifest === null) return;
  const parsed = parsePackageJson(manifest);
  if ("manifest" in parsed && isDict2(parsed.manifest.renovate)) {
    const line = manifest.slice(0, manifest.indexOf('"renovate"')).split("\n").length;
    evidence2.renovate.push({
      path: "package.json",
      enabled: parsed.manifest.renovate.enabled !== false,
      line
    });
  }
}
function topLevelOnly(source) {
  let depth2 = 0;
  let kept = "";
  for (const char2 of source) {
    if (char2 === "{" || char2 === "[") depth2++;
    else if (char2 === "}" || char2 === "]") depth2--;
    else if (depth2 === 1) kept += char2;
  }
  return kept;
}
function parseCodeowners(source) {
  const rules = [];
  for (const [index, raw] of source.split(/\r?\n/).entries()) {
    const line = raw.replace(/(^|[^\\])#.*$/, "$1").trim();
    if (!line) continue;
    const [pattern, ...owners] = line.split(/\s+/);
    if (pattern) rules.push({ pattern: pattern.replace(/\\#/g, "#"), owners, line: index + 1 });
  }
  return rules;
}
async function readPreCommit(repo, evidence2) {
  const source = repo.has(PRE_COMMIT) ? await repo.read(PRE_COMMIT) : null;
  if (source === null) return;
  const loaded = loadYaml(source);
  if ("error" in loaded) {
    evidence2.unparsable.push({ path: PRE_COMMIT, error: loaded.error });
    return;
  }
  const repos = isDict2(loaded.value) && Array.isArray(loaded.value.repos) ? loaded.value.repos : [];
  const hooks = [];
  for (const [repoIndex, entry2] of repos.entries()) {
    if (!isDict2(entry2) || !Array.isArray(entry2.hooks)) continue;
    const repoUrl = typeof entry2.repo === "string" ? entry2.repo : "";
    for (const [hookIndex, hook] of entry2.hooks.entries()) {
      if (!isDict2(hook) || typeof hook.id !== "string") continue;
      const line = loaded.lineOf(["repos", repoIndex, "hooks", hookIndex]) ?? 1;
      hooks.push({ repo: repoUrl, id: hook.id, line });
    }
  }
  evidence2.preCommit = { path: PRE_COMMIT, hooks };
}

// src/core/rules/deps/deps-update-bot.ts
var DEPENDENCY_UPDATES = /\b(automated|automatic|auto)[- ]?(dependency|dependencies|package|library) updates?\b|\bdependency (update|upgrade)s? (bot|automat\w*)\b|\bdependency updates? (are |is )?automated\b/i;
var ALERTS = /\balerts?\b/i;
var depsUpdateBot = {
  id: "deps.update-bot",
  title: "A bot keeps dependencies up to date",
  why: "Dependencies go stale and collect known vulnerabilities; a bot opens the upgrade pull requests before anyone has to remember.",
  fix: "Add .github/dependabot.yml with an `updates` entry per ecosystem (npm, docker, github-actions...), or a renovate.json extending `config:recommended`.",
  recognises: "Items naming Dependabot or Renovate, or about automated dependency updates; not Dependabot alerts (a repository setting) or one-off upgrades.",
  needs: [repoMetaCollector],
  match(item) {
    const text3 = claimText(item);
    if (ALERTS.test(text3) || ONE_OFF.test(text3)) return [];
    const securityUpdatesOnly = /\bsecurity updates?\b/i.test(text3) && !/\bversion updates?\b/i.test(text3);
    if (/\bdependabot\b/i.test(text3)) return [{ bot: "Dependabot", securityUpdatesOnly }];
    if (/\brenovate(bot)?\b/i.test(text3)) return [{ bot: "Renovate", securityUpdatesOnly: false }];
    return DEPENDENCY_UPDATES.test(text3) ? [{ securityUpdatesOnly: false }] : [];
  },
  evaluate({ bot, securityUpdatesOnly }, ctx) {
    const meta = ctx.get(repoMetaCollector);
    const dependabot = meta.dependabot?.updates.length ? meta.dependabot : void 0;
    const renovate = meta.renovate.find((config) => config.enabled);
    const found2 = [];
    if (dependabot) {
      const covering = dependabot.updates.filter(
        (update) => update.directories.some((dir) => coversScope(dir, ctx.scope))
      );
      if (ctx.scope && !covering.length) {
        return {
          verdict: "unknown",
          message: `${dependabot.path} updates ${dependabot.updates.flatMap((u) => u.directories).join(", ")} but no entry names /${ctx.scope}; a workspace root may still cover it`,
          evidence: [{ path: dependabot.path, line: dependabot.updates[0]?.line }]
        };
      }
      const entries = covering.length ? covering : dependabot.updates;
      found2.push({
        name: "Dependabot",
        ref: {
          path: dependabot.path,
          line: entries[0]?.line,
          excerpt: `package-ecosystem: ${entries[0]?.ecosystem}`
        },
        detail: `${dependabot.path} updates ${entries.map((u) => u.ecosystem).join(", ")}`
      });
    }
    if (renovate) {
      found2.push({
        name: "Renovate",
        ref: { path: renovate.path, line: renovate.line },
        detail: `Renovate is configured in ${renovate.path}`
      });
    }
    const named = bot ? found2.find((entry2) => entry2.name === bot) : found2[0];
    if (named) return { verdict: "pass", message: named.detail, evidence: [named.ref] };
    const substitute2 = found2[0];
    if (substitute2) {
      return {
        verdict: "pass",
        message: `${substitute2.detail} (the item names ${bot}; ${substitute2.name} automates the same updates)`,
        evidence: [substitute2.ref]
      };
    }
    const broken = meta.unparsable.find((file) => file.path.includes("dependabot"));
    if (broken) {
      return {
        verdict: "unknown",
        message: `${broken.path} could not be parsed (${broken.error}); Dependabot will not run it either`,
        evidence: [{ path: broken.path }]
      };
    }
    if (securityUpdatesOnly) {
      return {
        verdict: "unknown",
        message: "no .github/dependabot.yml; Dependabot security updates can be enabled in repository settings, which the repository cannot show",
        evidence: [{ path: ".github/dependabot.yml" }]
      };
    }
    const disabled = meta.renovate[0];
    if (meta.dependabot || disabled) {
      const path2 = meta.dependabot?.path ?? disabled?.path ?? "";
      return {
        verdict: "fail",
        message: meta.dependabot ? `${path2} has no \`updates\` entries, so Dependabot opens no update pull requests` : `Renovate is switched off in ${path2} ("enabled": false)`,
        evidence: [{ path: path2 }]
      };
    }
    return {
      verdict: "fail",
      message: 'no dependency update bot: no .github/dependabot.yml and no Renovate config (renovate.json, .github/renovate.json, .renovaterc, package.json "renovate")',
      evidence: [{ path: ".github/dependabot.yml" }, { path: "renovate.json" }]
    };
  },
  examples: {
    match: [
      "Automated dependency updates (Dependabot)",
      "Dependabot configured for npm and Docker",
      "Renovate bot keeps dependencies current",
      "**Dependency Management** - automated dependency updates"
    ],
    noMatch: [
      "Regular security updates applied",
      "Dependabot alerts enabled",
      "Dependencies up to date",
      "Testing process for updates",
      "All dependencies upgraded to latest"
    ],
    verdicts: [
      {
        files: {
          ".github/dependabot.yml": "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n"
        },
        item: "Automated dependency updates (Dependabot)",
        verdict: "pass"
      },
      {
        files: { "package.json": '{ "name": "api" }\n' },
        item: "Automated dependency updates (Dependabot)",
        verdict: "fail"
      }
    ]
  }
};
function coversScope(directory, scope) {
  const dir = directory.replace(/^\/+/, "").replace(/\/+$/, "");
  if (dir === scope) return true;
  if (!/[*?]/.test(dir)) return false;
  const pattern = new RegExp(
    `^${dir.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, ".*").replace(/\*/g, "[^/]*")}$`
  );
  return pattern.test(scope);
}

// src/core/rules/deps/index.ts
var depsRules = [depsUpdateBot, depsDeclaredVersion];

// src/core/rules/docker/docker-dockerfile-present.ts
var CONTAINERISED = /\b(?:dockerfiles?|containerfiles?|docker (?:containers?|configuration|config|setup|support)|containeri[sz](?:ation|ed)|dockeri[sz](?:ation|ed))\b/i;
var NOT_ABOUT_THE_REPO = /\b(?:push(?:ed)?|registry|running|deployed|installed|scann?(?:ed|ing)?|tagged|signed|metrics|logs?|built successfully)\b/i;
var NARROWER3 = /multi[- ]?stage|non[- ]?root|rootless|health|pinned|digest|dockerignore|compose|resource|limits/i;
var QUALITY = /\boptimi[sz]\w*|\bhardened\b|\bminimal\b|\bslim\b|\blean\b|\bbest[- ]practices?\b|\bsecured?\b|\bsmall(?:er|est)?\b|\breduced\b|\befficient\b/i;
var dockerDockerfilePresent = {
  id: "docker.dockerfile-present",
  title: "The project has a Dockerfile",
  why: "A claim that the service is containerised is only true if the image is defined in the repository.",
  fix: "Add a Dockerfile (or Containerfile) for the service, or untick the item.",
  recognises: "Items claiming Docker containers, configuration, setup or containerisation without a narrower property (multi-stage, non-root, health check...) and without naming a file; not image pushes, registries or installs.",
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    const text3 = item.text;
    if (!CONTAINERISED.test(text3) || NOT_ABOUT_THE_REPO.test(text3) || NARROWER3.test(text3)) return [];
    if (namedDockerfiles(item).length > 0) return [];
    const quality = QUALITY.exec(text3)?.[0];
    return [quality ? { quality } : {}];
  },
  evaluate(params, ctx) {
    const { dockerfiles } = selectDockerfiles(ctx);
    if (dockerfiles.length > 0) {
      const described = dockerfiles.map((file) => {
        const final = file.stages.at(-1);
        return final ? `${file.path} (FROM ${final.base.written})` : file.path;
      });
      return {
        // "Optimized" Dockerfiles: that they exist is shown, what they are is not.
        verdict: params.quality ? "unknown" : "pass",
        message: params.quality ? `found ${listed(described, 3)}; whether they are "${params.quality}" is not something their existence shows` : `found ${listed(described, 3)}`,
        evidence: dockerfiles.map((file) => {
          const final = file.stages.at(-1);
          return ref2(file.path, final?.line, final?.excerpt);
        })
      };
    }
    const prebuilt = selectCompose(ctx).services.filter((service2) => service2.image && !service2.build);
    if (prebuilt.length > 0) {
      return {
        verdict: "unknown",
        message: `${whereDockerfilesWereSought(ctx.scope)}; Compose runs prebuilt images (${listed(
          prebuilt.map((service2) => service2.image),
          3
        )}) that may be built elsewhere`,
        evidence: prebuilt.map((service2) => ref2(service2.path, service2.line))
      };
    }
    return {
      verdict: "fail",
      message: whereDockerfilesWereSought(ctx.scope),
      evidence: [{ path: ctx.scope || "." }]
    };
  },
  examples: {
    match: [
      "**Containerization** - Production Docker containers",
      "**Containerization** - Production-optimized Docker containers",
      "Dockerfiles optimized",
      "Dockerfile created for the API service",
      "Dockerized application with production configuration",
      "Docker setup for local and production use"
    ],
    noMatch: [
      "Docker images hardened and minimal",
      "Docker images built and pushed",
      "Docker image built successfully: `make docker.build`",
      "Docker and Docker Compose installed",
      "Container metrics collected (cAdvisor)",
      "Security scanning performed on container image",
      "Docker configuration (multi-stage builds)",
      "`Dockerfile.production` - Multi-stage production build"
    ],
    verdicts: [
      {
        files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n' },
        item: "Dockerfiles optimized",
        verdict: "unknown"
      },
      {
        files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' },
        item: "Dockerfile created for the API service",
        verdict: "pass"
      },
      {
        files: { "app.py": 'print("hello")\n' },
        item: "Dockerfile created for the API service",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/docker/docker-dockerignore.ts
var DOCKERIGNORE = /\.?docker ?ignore\b/i;
var ABOUT_CONTENT = /\b(?:excludes?|excluding|contains?|includes?|lists?)\b/i;
var dockerDockerignore = {
  id: "docker.dockerignore",
  title: "Build context has a .dockerignore",
  why: "Without .dockerignore the whole folder (node_modules, .git, .env files) is sent to the builder and can end up in the image.",
  fix: "Add a .dockerignore next to the Dockerfile (or at the build context root) excluding .git, node_modules, .env* and build output.",
  recognises: '".dockerignore" named as present or configured; not claims about what it excludes.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    return DOCKERIGNORE.test(item.text) && !ABOUT_CONTENT.test(item.text) ? [void 0] : [];
  },
  evaluate(_params, ctx) {
    const { dockerignores } = ctx.get(dockerfilesCollector);
    const present = new Set(dockerignores);
    const { dockerfiles } = selectDockerfiles(ctx);
    if (dockerfiles.length === 0) {
      const candidates2 = [.../* @__PURE__ */ new Set([ctx.scope, ""])].map((dir) => joined(dir, ".dockerignore"));
      const found2 = candidates2.find((path2) => present.has(path2));
      return found2 ? { verdict: "pass", message: `${found2} present`, evidence: [ref2(found2)] } : {
        verdict: "fail",
        message: `no .dockerignore (looked for ${candidates2.join(", ")})`,
        evidence: candidates2.map((path2) => ref2(path2))
      };
    }
    return combine(
      dockerfiles.map((file) => {
        const contexts = [
          ...servicesBuiltFrom(ctx, file.path).map((service2) => service2.build?.context ?? ""),
          ...ancestors(folderOf(file.path))
        ];
        const candidates2 = [
          .../* @__PURE__ */ new Set([`${file.path}.dockerignore`, ...contexts.map((dir) => joined(dir, ".dockerignore"))])
        ];
        const found2 = candidates2.find((path2) => present.has(path2));
        if (found2)
          return { verdict: "pass", message: `${found2} covers ${file.path}`, evidence: [ref2(found2)] };
        return {
          verdict: "fail",
          message: `no .dockerignore for ${file.path} (looked for ${candidates2.join(", ")})`,
          evidence: candidates2.map((path2) => ref2(path2))
        };
      })
    );
  },
  examples: {
    match: [
      "`.dockerignore` configured",
      ".dockerignore file present",
      "Docker ignore file added to keep the build context small"
    ],
    noMatch: [
      "`.dockerignore` excludes .env and node_modules",
      ".gitignore covers build output",
      "Docker images built and pushed"
    ],
    verdicts: [
      {
        files: { Dockerfile: "FROM nginx:1.25\n", ".dockerignore": "node_modules\n.git\n.env\n" },
        item: "`.dockerignore` configured",
        verdict: "pass"
      },
      { files: { Dockerfile: "FROM nginx:1.25\n" }, item: "`.dockerignore` configured", verdict: "fail" }
    ]
  }
};
function joined(dir, name) {
  return dir ? `${dir}/${name}` : name;
}
function ancestors(dir) {
  const found2 = [dir];
  for (let current = dir; current; current = folderOf(current)) found2.push(folderOf(current));
  return found2;
}

// src/core/rules/docker/docker-healthcheck.ts
var HEALTH_CHECK2 = /\bhealth[- ]?checks?\b/i;
var NOT_THE_INSTRUCTION = /\b(?:endpoints?|routes?|urls?|passing|responding|returning|monitor\w*|alert\w*|dashboards?|scripts?|failures?|status|deployment)\b|\/health/i;
var dockerHealthcheck = {
  id: "docker.healthcheck",
  title: "Container image defines a health check",
  why: "Without a health check Docker and Compose only know that the process exists, not that it serves; a hung service stays in rotation.",
  fix: "Add `HEALTHCHECK CMD curl -fsS http://localhost:3000/health || exit 1` to the final stage, or a `healthcheck:` to the Compose service.",
  recognises: 'The HEALTHCHECK instruction, or "health checks" in a Docker/container context (text or heading) that is not about Compose, Kubernetes probes, endpoints, monitoring or checks passing at run time.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    const named = namedDockerfiles(item);
    const instruction = /\bHEALTHCHECK\b/.test(item.text);
    if (!instruction) {
      if (!HEALTH_CHECK2.test(item.text) || NOT_THE_INSTRUCTION.test(item.text)) return [];
      if (saysKubernetes(item) || inComposeContext(item) || !inContainerContext(item)) return [];
    }
    const flag = instruction ? { instruction: true } : {};
    return named.length > 0 ? named.map((path2) => ({ path: path2, ...flag })) : [flag];
  },
  evaluate(params, ctx) {
    const selection = selectDockerfiles(ctx, params.path);
    if (selection.missing) return missingFileFinding("Dockerfile", selection.missing);
    if (selection.dockerfiles.length === 0) {
      const checked = selectCompose(ctx).services.filter(
        (service2) => service2.healthcheck && !service2.healthcheck.disabled
      );
      if (checked.length > 0) {
        return {
          verdict: "pass",
          message: `no Dockerfile in scope; Compose defines healthchecks for ${listed(checked.map((s) => s.name))}`,
          evidence: checked.map(
            (service2) => ref2(service2.path, service2.healthcheck?.line, service2.healthcheck?.excerpt)
          )
        };
      }
      return {
        verdict: "unknown",
        message: "no Dockerfile or Compose healthcheck in scope: the image may be defined elsewhere",
        evidence: []
      };
    }
    return combine(
      preferProduction(selection.dockerfiles).map((file) => judge(file, ctx, params.instruction))
    );
  },
  examples: {
    match: [
      "Dockerfile HEALTHCHECK instruction added",
      "Container health checks configured",
      "Docker health check defined for the API image",
      "`Dockerfile.production` includes a health check"
    ],
    noMatch: [
      "Health checks configured",
      "Health check endpoints",
      "Docker Compose with health checks and resource limits",
      "**Deployment Scripts** - Automated deployment with health checks",
      "Service responding to health checks",
      "Kubernetes liveness and readiness probes (container health checks)"
    ],
    verdicts: [
      {
        files: {
          Dockerfile: 'FROM node:20-alpine\nCOPY . .\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n'
        },
        item: "Dockerfile HEALTHCHECK instruction added",
        verdict: "pass"
      },
      {
        files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n' },
        item: "Dockerfile HEALTHCHECK instruction added",
        verdict: "fail"
      }
    ]
  }
};
function judge(file, ctx, instruction = false) {
  const final = file.stages.at(-1);
  if (!final) return noFromInstruction(file);
  const stage = `final stage of ${file.path}`;
  const own = final.effective.healthcheck;
  if (own && !own.none) {
    return {
      verdict: "pass",
      message: `${stage} declares HEALTHCHECK (${at2(file.path, own.line)})`,
      evidence: [ref2(file.path, own.line, own.excerpt)]
    };
  }
  const services = servicesBuiltFrom(ctx, file.path);
  const composed = services.find((service2) => service2.healthcheck && !service2.healthcheck.disabled);
  if (composed?.healthcheck) {
    return {
      verdict: "pass",
      message: `Compose service ${composed.name} built from ${file.path} defines a healthcheck (${at2(composed.path, composed.healthcheck.line)})`,
      evidence: [ref2(composed.path, composed.healthcheck.line, composed.healthcheck.excerpt)]
    };
  }
  if (own?.none) {
    return {
      verdict: "fail",
      message: `${stage} disables health checks with HEALTHCHECK NONE (${at2(file.path, own.line)})`,
      evidence: [ref2(file.path, own.line, own.excerpt)]
    };
  }
  const manifests = instruction ? [] : workloadManifests(ctx);
  if (manifests.length > 0) {
    return {
      verdict: "unknown",
      message: `${stage} has no HEALTHCHECK, but Kubernetes manifests (${listed(
        manifests.map((m) => m.path),
        2
      )}) may define probes; the Kubernetes rules decide`,
      evidence: [ref2(file.path, final.line, final.excerpt)]
    };
  }
  const disabled = services.find((service2) => service2.healthcheck?.disabled);
  const composeNote = disabled ? ` and Compose service ${disabled.name} disables it (${at2(disabled.path, disabled.healthcheck?.line ?? disabled.line)})` : services.length > 0 ? ` and no Compose service built from it defines one` : "";
  return {
    verdict: "fail",
    message: `${stage} has no HEALTHCHECK (FROM ${final.base.written} at ${at2(file.path, final.line)})${composeNote}`,
    evidence: [ref2(file.path, final.line, final.excerpt)]
  };
}

// src/core/rules/docker/docker-multi-stage.ts
var MULTI_STAGE = /\bmulti[- ]?stage\b/i;
var ABOUT_BUILDS = /\b(?:build|builds|docker\w*|containers?|images?|dockerfiles?)\b/i;
var ABOUT_RELEASES = /\b(?:deploy\w*|rollouts?|releases?|pipelines?|approvals?|canary|environments?)\b/i;
var dockerMultiStage = {
  id: "docker.multi-stage",
  title: "Dockerfile uses a multi-stage build",
  why: "A multi-stage build keeps compilers, dev dependencies and sources out of the image that runs in production.",
  fix: "Build in a first stage (`FROM node:20 AS build`) and copy only the output into a slim final stage (`COPY --from=build`).",
  recognises: '"multi-stage" about a build, Docker or an image (not multi-stage deployments or rollouts); a named Dockerfile is judged alone.',
  needs: [dockerfilesCollector],
  match(item) {
    if (!MULTI_STAGE.test(item.text)) return [];
    const named = namedDockerfiles(item);
    if (named.length > 0) return named.map((path2) => ({ path: path2 }));
    if (ABOUT_RELEASES.test(item.text) && !/\bbuilds?\b/i.test(item.text)) return [];
    return ABOUT_BUILDS.test(item.text) || inContainerContext(item) ? [{}] : [];
  },
  evaluate(params, ctx) {
    const selection = selectDockerfiles(ctx, params.path);
    if (selection.missing) return missingFileFinding("Dockerfile", selection.missing);
    if (selection.dockerfiles.length === 0) {
      return {
        verdict: "fail",
        message: whereDockerfilesWereSought(ctx.scope),
        evidence: [{ path: ctx.scope || "." }]
      };
    }
    const findings = selection.dockerfiles.map(judge2);
    for (const verdict of ["pass", "fail", "unknown"]) {
      const chosen = findings.filter((finding) => finding.verdict === verdict);
      if (chosen.length > 0) return combine(chosen);
    }
    return { verdict: "unknown", message: "nothing to judge", evidence: [] };
  },
  examples: {
    match: [
      "`Dockerfile.production` - Multi-stage production build",
      "Docker configuration (multi-stage builds)",
      "Multi-stage Dockerfile to keep the runtime image small",
      "Use multi-stage builds for smaller images"
    ],
    noMatch: [
      "Multi-stage deployment pipeline with approvals",
      "Multi-stage rollout (canary, then 100%)",
      "Docker images built and pushed"
    ],
    verdicts: [
      {
        files: {
          Dockerfile: 'FROM node:20 AS build\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20-slim\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/server.js"]\n'
        },
        item: "Multi-stage Dockerfile to keep the runtime image small",
        verdict: "pass"
      },
      {
        files: {
          Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n'
        },
        item: "Multi-stage Dockerfile to keep the runtime image small",
        verdict: "fail"
      }
    ]
  }
};
function judge2(file) {
  const final = file.stages.at(-1);
  if (!final) return noFromInstruction(file);
  if (file.stages.length === 1) {
    return {
      verdict: "fail",
      message: `${file.path} has a single stage (FROM ${final.base.written} at ${at2(file.path, final.line)})`,
      evidence: [ref2(file.path, final.line, final.excerpt)]
    };
  }
  const names2 = file.stages.map((stage) => stage.name ?? `#${stage.index}`);
  return {
    verdict: "pass",
    message: `${file.path} has ${file.stages.length} stages (${listed(names2)}); final FROM ${final.base.written} at ${at2(file.path, final.line)}`,
    evidence: [ref2(file.path, final.line, final.excerpt)]
  };
}

// src/core/rules/docker/docker-non-root.ts
var NON_ROOT = /\bnon[- ]?root\b|\brootless\b|\bunprivileged user\b|\bnot (?:run(?:s|ning)? )?as root\b|\brun(?:s|ning)? as (?:a |an )?(?:dedicated|unprivileged|non-privileged|app|application) user\b/i;
var NON_ROOT_BASE = /nonroot|non-root|rootless|unprivileged|^cgr\.dev\/|chainguard|(?:^|\/)bitnami\/|nanoserver/i;
var dockerNonRoot = {
  id: "docker.non-root",
  title: "Container runs as a non-root user",
  why: "A process running as root inside a container turns any code-execution bug into root on the container and a step closer to the host.",
  fix: "Create a user and switch to it in the final stage (`RUN adduser -D app` then `USER app`, or `USER node` on node images).",
  recognises: '"non-root", "rootless", "not as root" or "runs as an unprivileged user" about a container, Docker or an image (in the text or its heading); not Kubernetes pods or securityContext.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    if (!NON_ROOT.test(item.text) || saysKubernetes(item) || !inContainerContext(item)) return [];
    const named = namedDockerfiles(item);
    return named.length > 0 ? named.map((path2) => ({ path: path2 })) : [{}];
  },
  evaluate(params, ctx) {
    const selection = selectDockerfiles(ctx, params.path);
    if (selection.missing) return missingFileFinding("Dockerfile", selection.missing);
    if (selection.dockerfiles.length === 0) {
      return {
        verdict: "unknown",
        message: "no Dockerfile in scope: the user the image runs as is decided where the image is built",
        evidence: []
      };
    }
    return combine(preferProduction(selection.dockerfiles).map((file) => judge3(file, ctx)));
  },
  examples: {
    match: [
      "Container runs as non-root user",
      "Run containers as non-root",
      "Dockerfile switches to a non-root USER",
      "`Dockerfile.production` runs as an unprivileged user"
    ],
    noMatch: [
      "Pods run as non-root (securityContext)",
      "Database user is not root",
      "Security scanning performed on container image",
      "SSH root login disabled"
    ],
    verdicts: [
      {
        files: {
          Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n'
        },
        item: "Container runs as non-root user",
        verdict: "pass"
      },
      {
        files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n' },
        item: "Container runs as non-root user",
        verdict: "fail"
      }
    ]
  }
};
function judge3(file, ctx) {
  const final = file.stages.at(-1);
  if (!final) return noFromInstruction(file);
  const composeUsers = servicesBuiltFrom(ctx, file.path).filter((service2) => service2.user);
  if (composeUsers.length > 0) {
    const rootUsers = composeUsers.filter((service2) => isRoot(service2.user?.value ?? ""));
    const shown2 = rootUsers[0] ?? composeUsers[0];
    const user2 = shown2?.user;
    if (shown2 && user2) {
      return {
        verdict: rootUsers.length > 0 ? "fail" : "pass",
        message: `Compose service ${shown2.name} runs ${file.path} as user ${user2.value} (${at2(shown2.path, user2.line)})`,
        evidence: [ref2(shown2.path, user2.line, user2.excerpt)]
      };
    }
  }
  const user = final.effective.user;
  const stage = `final stage of ${file.path}`;
  if (user) {
    const evidence2 = [ref2(file.path, user.line, user.excerpt)];
    if (user.value.includes("$")) {
      return {
        verdict: "unknown",
        message: `${stage} sets USER ${user.value} from a build argument or variable (${at2(file.path, user.line)}); the value given at build time decides`,
        evidence: evidence2
      };
    }
    if (isRoot(user.value)) {
      return {
        verdict: "fail",
        message: `${stage} runs as USER ${user.value} (${at2(file.path, user.line)})`,
        evidence: evidence2
      };
    }
    return {
      verdict: "pass",
      message: `${stage} runs as USER ${user.value} (${at2(file.path, user.line)})`,
      evidence: evidence2
    };
  }
  const fromLine = ref2(file.path, final.line, final.excerpt);
  const drop = final.effective.privilegeDrop;
  if (drop) {
    return {
      verdict: "unknown",
      message: `${stage} has no USER but uses ${drop.value} (${at2(file.path, drop.line)}) to switch user at run time; the entrypoint decides`,
      evidence: [ref2(file.path, drop.line, drop.excerpt)]
    };
  }
  const base = final.effective.base;
  if (base.resolved && NON_ROOT_BASE.test(base.resolved)) {
    return {
      verdict: "unknown",
      message: `${stage} has no USER; base image ${base.resolved} usually runs as a non-root user by default`,
      evidence: [fromLine]
    };
  }
  const nonRootManifest = workloadManifests(ctx).find((manifest) => manifest.setsNonRootUser);
  if (nonRootManifest) {
    return {
      verdict: "unknown",
      message: `${stage} has no USER, but ${nonRootManifest.path} sets runAsNonRoot/runAsUser; the Kubernetes rules decide`,
      evidence: [fromLine, ref2(nonRootManifest.path)]
    };
  }
  return {
    verdict: "fail",
    message: `${stage} runs as root (no USER after FROM ${final.base.written} at ${at2(file.path, final.line)})`,
    evidence: [fromLine]
  };
}
function isRoot(user) {
  const name = user.split(":")[0]?.trim().toLowerCase();
  return name === "root" || name === "0";
}

// src/core/rules/docker/docker-pinned-base.ts
var PINNED = /\b(?:base )?images?\b[^.]*\bpinned\b|\bpin(?:ned|s)?\b[^.]*\bimages?\b|\bimage digests?\b|\bdigest[- ]pinned\b|\b(?:no|avoid(?:ing)?|never use|not using)\b[^.]*\blatest\b[^.]*\btags?\b|\bno [`']?:?latest\b/i;
var dockerPinnedBase = {
  id: "docker.pinned-base",
  title: "Base images are pinned",
  why: "An untagged or `latest` base image changes under you: the same commit builds a different image tomorrow.",
  fix: "Pin every FROM to a version tag (`node:20.11-alpine`) or, better, a digest (`node:20.11-alpine@sha256:...`).",
  recognises: '"base images pinned", "pin images", "image digests", "no latest tags" in a container context; asks for digests when the item says digest/sha256.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    if (!PINNED.test(item.text) || !inContainerContext(item) && !/\bimages?\b/i.test(item.text)) return [];
    return [
      { digest: /\b(?:digests?|sha256)\b/i.test(item.text), baseOnly: /\bbase\b|\bFROM\b/i.test(item.text) }
    ];
  },
  evaluate(params, ctx) {
    const references = [];
    for (const file of selectDockerfiles(ctx).dockerfiles) {
      for (const stage of file.stages) {
        const base = stage.base;
        if (base.stage || base.scratch) continue;
        const reference = {
          image: base.resolved ?? base.written,
          path: file.path,
          line: stage.line,
          excerpt: stage.excerpt
        };
        if (base.tag) reference.tag = base.tag;
        if (base.digest) reference.digest = base.digest;
        if (base.unresolvedArgs.length > 0) reference.unresolved = base.unresolvedArgs;
        references.push(reference);
      }
    }
    if (!params.baseOnly) {
      for (const service2 of selectCompose(ctx).services) {
        if (!service2.image || service2.build) continue;
        references.push(composeReference(service2.image, service2.path, service2.line));
      }
    }
    if (references.length === 0) {
      return {
        verdict: "unknown",
        message: "no Dockerfile FROM or Compose image in scope to judge",
        evidence: []
      };
    }
    const loose = references.filter((r) => !r.unresolved && !isPinned(r, params.digest));
    if (loose.length > 0) {
      const described = loose.map((r) => `${describe3(r, params.digest)} at ${at2(r.path, r.line)}`);
      return {
        verdict: "fail",
        message: `${loose.length} of ${references.length} images not pinned: ${listed(described, 3)}`,
        evidence: loose.map(evidenceOf2)
      };
    }
    const unresolved = references.filter((r) => r.unresolved);
    if (unresolved.length > 0) {
      const described = unresolved.map(
        (r) => `${r.image} at ${at2(r.path, r.line)} (ARG ${r.unresolved?.join(", ")} has no default)`
      );
      return {
        verdict: "unknown",
        message: `base image chosen at build time: ${listed(described, 3)}; the build arguments decide`,
        evidence: unresolved.map(evidenceOf2)
      };
    }
    const byDigest = references.filter((r) => r.digest).length;
    return {
      verdict: "pass",
      message: `all ${references.length} images pinned (${byDigest} by digest, ${references.length - byDigest} by tag)`,
      evidence: references.map(evidenceOf2)
    };
  },
  examples: {
    match: [
      "Base images pinned",
      "Docker base images pinned to specific versions (no `latest`)",
      "Container images pinned by digest",
      "Avoid latest tags in Dockerfiles"
    ],
    noMatch: [
      "Image tagged appropriately for production",
      "Image pushed to registry (if using)",
      "Dependencies pinned in package-lock.json"
    ],
    verdicts: [
      {
        files: { Dockerfile: 'FROM node:20.11.1-alpine3.19\nCMD ["node", "server.js"]\n' },
        item: "Base images pinned",
        verdict: "pass"
      },
      {
        files: { Dockerfile: 'FROM node:latest\nCMD ["node", "server.js"]\n' },
        item: "Base images pinned",
        verdict: "fail"
      }
    ]
  }
};
function composeReference(image, path2, line) {
  const at9 = image.indexOf("@");
  const name = at9 >= 0 ? image.slice(0, at9) : image;
  const colon = name.lastIndexOf(":");
  const reference = { image, path: path2, line, excerpt: `image: ${image}` };
  if (colon > name.lastIndexOf("/")) reference.tag = name.slice(colon + 1);
  if (at9 >= 0) reference.digest = image.slice(at9 + 1);
  if (image.includes("$")) reference.unresolved = ["(variable)"];
  return reference;
}
function isPinned(reference, digest) {
  if (reference.digest) return true;
  return !digest && reference.tag !== void 0 && reference.tag !== "latest";
}
function describe3(reference, digest) {
  if (!reference.tag) return `${reference.image} (no tag means latest)`;
  if (reference.tag === "latest") return reference.image;
  return digest ? `${reference.image} (tag, no digest)` : reference.image;
}
function evidenceOf2(reference) {
  return ref2(reference.path, reference.line, reference.excerpt);
}

// src/core/rules/docker/index.ts
var dockerRules = [
  dockerDockerfilePresent,
  dockerMultiStage,
  dockerNonRoot,
  dockerHealthcheck,
  dockerPinnedBase,
  dockerDockerignore
];

// src/core/collectors/env-docs.ts
var TEMPLATE = /(^|\/)(\.env(\.[\w-]+)*\.(example|sample|template|tmpl|dist|defaults?)|env\.(example|sample|template)|(example|sample)\.env|\.env\.(example|sample)\.[\w-]+)$/i;
var TEMPLATE_LINE = /^\s*#?\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;
var SKIPPED = inFolders(["node_modules", "vendor", "dist", "build", ".git"]);
var MARKDOWN_NAME = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;
var envDocsCollector = {
  id: "env-docs",
  // Compose and Kubernetes files are read by their own collectors; what they set is taken from
  // there, so a manifest the Kubernetes rules skip (a test fixture) documents nothing here either.
  needs: [composeCollector, kubernetesCollector],
  async collect(repo, _config, facts) {
    const candidates2 = [];
    for (const path2 of repo.files) {
      if (SKIPPED.test(path2)) continue;
      const kind = TEMPLATE.test(path2) ? "template" : /\.mdx?$/i.test(path2) ? "markdown" : void 0;
      if (kind) candidates2.push({ path: path2, kind });
    }
    const found2 = await repo.perFiles(
      "env-docs",
      candidates2.map(({ path: path2 }) => path2),
      (text3, index) => {
        const { path: path2, kind } = candidates2[index];
        const file = scanDoc(path2, text3, kind);
        return file.templates.length || file.documented.size ? file : NO_DOCS;
      }
    );
    const byPath = /* @__PURE__ */ new Map();
    for (const [index, file] of found2.entries())
      if (file && file !== NO_DOCS) byPath.set(candidates2[index].path, file);
    const manifests = [
      ...composeNames(facts.get(composeCollector)),
      ...kubernetesNames(facts.get(kubernetesCollector))
    ];
    for (const { path: path2, kind, names: names2 } of manifests) {
      if (SKIPPED.test(path2) || byPath.has(path2)) continue;
      const lines = (await repo.read(path2))?.split(/\r\n|\r|\n/) ?? [];
      const file = emptyDocs();
      for (const { name, line } of names2)
        add(file, name, { path: path2, line, excerpt: redactValue(lines[line - 1] ?? name), kind });
      byPath.set(path2, file);
    }
    const docs = emptyDocs();
    for (const path2 of [...byPath.keys()].sort(byCodeUnit)) merge2(docs, byPath.get(path2));
    return docs;
  }
};
function byCodeUnit(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function composeNames(compose) {
  return compose.files.map((file) => ({
    path: file.path,
    kind: "compose",
    names: firstOfEach(file.services.flatMap((service2) => service2.environment))
  }));
}
function kubernetesNames(kubernetes) {
  const byFile = /* @__PURE__ */ new Map();
  for (const workload of kubernetes.workloads)
    for (const container2 of workload.containers)
      for (const entry2 of container2.env) {
        const names2 = byFile.get(entry2.at.path) ?? [];
        names2.push({ name: entry2.name, line: entry2.at.line });
        byFile.set(entry2.at.path, names2);
      }
  return [...byFile].map(([path2, names2]) => ({ path: path2, kind: "kubernetes", names: firstOfEach(names2) }));
}
function firstOfEach(names2) {
  const seen = /* @__PURE__ */ new Set();
  return names2.filter(({ name }) => !seen.has(name) && Boolean(seen.add(name)));
}
function emptyDocs() {
  return { templates: [], documented: /* @__PURE__ */ new Map() };
}
function scanDoc(path2, text3, kind) {
  const docs = emptyDocs();
  if (kind === "template") {
    docs.templates.push(path2);
    eachLine(text3, (line, number) => {
      const name = TEMPLATE_LINE.exec(line)?.[1];
      if (name) add(docs, name, { path: path2, line: number, excerpt: redactValue(line), kind: "template" });
    });
  } else {
    eachLine(text3, (line, number) => {
      for (const match of line.matchAll(MARKDOWN_NAME)) {
        add(docs, match[1], {
          path: path2,
          line: number,
          excerpt: line.trim().slice(0, 160),
          kind: "markdown"
        });
      }
    });
  }
  return docs;
}
var NO_DOCS = emptyDocs();
function merge2(docs, file) {
  docs.templates.push(...file.templates);
  for (const [name, found2] of file.documented) for (const doc of found2) add(docs, name, doc);
}
function add(docs, name, doc) {
  const known = docs.documented.get(name);
  if (!known) docs.documented.set(name, [doc]);
  else if (known.length < 10) known.push(doc);
}
function eachLine(text3, visit) {
  text3.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.length <= 5e3) visit(line, index + 1);
  });
}
function redactValue(line) {
  return line.trim().replace(/^(\s*(?:#\s*)?(?:export\s+)?(?:-\s*)?[\w.]+\s*[=:]).*$/, "$1 \u2026").slice(0, 160);
}

// src/core/formats/required-literals.ts
var MAX_EXACT = 32;
var MAX_CLASS = 12;
var ANY = { exact: null, need: null };
var EMPTY = () => ({ exact: /* @__PURE__ */ new Set([""]), need: null });
var Unsupported = class extends Error {
};
function requiredLiterals(pattern) {
  if (pattern.flags.includes("i") && pattern.flags.includes("u") || pattern.flags.includes("v"))
    return void 0;
  try {
    const parser = new Parser(pattern.source);
    const info = parser.alternation();
    if (parser.at < pattern.source.length) return void 0;
    const need = requirement(info);
    return need ? minimal(need) : void 0;
  } catch (error) {
    if (error instanceof Unsupported) return void 0;
    throw error;
  }
}
function minimal(set) {
  const all = [...new Set(set)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept = [];
  for (const s of all) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept.sort();
}
function requirement(info) {
  const set = info.exact ?? info.need;
  if (!set || set.size === 0 || set.has("")) return null;
  return set;
}
function cross(a, b) {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = /* @__PURE__ */ new Set();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}
function better(a, b) {
  if (!a) return b;
  if (!b) return a;
  const shortest = (set) => Math.min(...[...set].map((s) => s.length));
  const [la, lb] = [Math.min(shortest(a), 6), Math.min(shortest(b), 6)];
  if (la !== lb) return la > lb ? a : b;
  return b.size < a.size ? b : a;
}
function char(c) {
  const code = c.codePointAt(0);
  if (code > 127) return ANY;
  return { exact: /* @__PURE__ */ new Set([c.toLowerCase()]), need: null };
}
var Parser = class {
  constructor(source) {
    this.source = source;
  }
  source;
  at = 0;
  alternation() {
    const branches = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    let exact = /* @__PURE__ */ new Set();
    let need = /* @__PURE__ */ new Set();
    for (const branch of branches) {
      if (exact && branch.exact) for (const s of branch.exact) exact.add(s);
      else exact = null;
      const required = requirement(branch);
      if (need && required) for (const s of required) need.add(s);
      else need = null;
    }
    if (exact && exact.size > MAX_EXACT) exact = null;
    return { exact, need };
  }
  sequence() {
    let run = /* @__PURE__ */ new Set([""]);
    let allExact = true;
    let best = null;
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const item = this.quantified(this.atom());
      const joined2 = item.exact ? cross(run, item.exact) : null;
      if (joined2) {
        run = joined2;
        continue;
      }
      best = better(best, requirement({ exact: run, need: null }));
      if (item.exact) {
        allExact = false;
        run = item.exact;
      } else {
        allExact = false;
        best = better(best, requirement(item));
        run = /* @__PURE__ */ new Set([""]);
      }
    }
    if (allExact) return { exact: run, need: null };
    return { exact: null, need: better(best, requirement({ exact: run, need: null })) };
  }
  quantified(item) {
    const rest = this.source.slice(this.at);
    let min;
    let max;
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (rest[0] === "*") [min, max, this.at] = [0, Infinity, this.at + 1];
    else if (rest[0] === "+") [min, max, this.at] = [1, Infinity, this.at + 1];
    else if (rest[0] === "?") [min, max, this.at] = [0, 1, this.at + 1];
    else if (braces) {
      min = Number(braces[1]);
      max = braces[2] === void 0 ? min : braces[3] ? Number(braces[3]) : Infinity;
      this.at += braces[0].length;
    } else return item;
    if (this.source[this.at] === "?") this.at++;
    if (min === 0) {
      if (max === 1 && item.exact) return { exact: /* @__PURE__ */ new Set([...item.exact, ""]), need: null };
      return ANY;
    }
    if (min === 1 && max === 1) return item;
    return { exact: null, need: requirement(item) };
  }
  atom() {
    const c = this.source[this.at++];
    switch (c) {
      case "^":
      case "$":
        return EMPTY();
      case ".":
        return ANY;
      case "(":
        return this.group();
      case "[":
        return this.charClass();
      case "\\":
        return this.escape(false);
      case "{":
      case "}":
      case "]":
        return char(c);
      case "*":
      case "+":
      case "?":
      case ")":
      case "|":
        throw new Unsupported(c);
      default:
        return char(String.fromCodePoint(this.source.codePointAt(this.at - 1)));
    }
  }
  group() {
    const rest = this.source.slice(this.at);
    const look = /^\?(?:=|!|<=|<!)/.exec(rest);
    if (look) {
      this.at += look[0].length;
      this.alternation();
      this.expect(")");
      return EMPTY();
    }
    const prefix = /^\?(?::|<[A-Za-z_$][\w$]*>)/.exec(rest);
    if (prefix) this.at += prefix[0].length;
    else if (rest[0] === "?") throw new Unsupported("group modifier");
    const inner = this.alternation();
    this.expect(")");
    return inner;
  }
  expect(c) {
    if (this.source[this.at] !== c) throw new Unsupported(`expected ${c}`);
    this.at++;
  }
  /** One escape; in a class, `\b` is a backspace. Returns ANY for classes of characters. */
  escape(inClass) {
    const c = this.source[this.at++];
    if (c === void 0) throw new Unsupported("trailing backslash");
    if ("dDwWsS".includes(c)) return ANY;
    if (c === "b") return inClass ? char("\b") : EMPTY();
    if (c === "B") return EMPTY();
    if (c === "n") return char("\n");
    if (c === "r") return char("\r");
    if (c === "t") return char("	");
    if (c === "f") return char("\f");
    if (c === "v") return char("\v");
    if (c === "0" && !/\d/.test(this.source[this.at] ?? "")) return char("\0");
    if (/\d/.test(c) || c === "k" || c === "p" || c === "P" || c === "c") {
      if (c === "c" || /\d/.test(c)) {
        while (/\d/.test(this.source[this.at] ?? "")) this.at++;
        if (c === "c") this.at++;
      } else if (this.source[this.at] === "<" || this.source[this.at] === "{") {
        const close = this.source.indexOf(this.source[this.at] === "<" ? ">" : "}", this.at);
        if (close < 0) throw new Unsupported("unclosed escape");
        this.at = close + 1;
      }
      return ANY;
    }
    if (c === "x") {
      const hex = /^[0-9A-Fa-f]{2}/.exec(this.source.slice(this.at));
      if (!hex) return char("x");
      this.at += 2;
      return char(String.fromCharCode(Number.parseInt(hex[0], 16)));
    }
    if (c === "u") {
      const hex = /^(?:[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]+\})/.exec(this.source.slice(this.at));
      if (!hex) return char("u");
      this.at += hex[0].length;
      return char(String.fromCodePoint(Number.parseInt(hex[0].replace(/[{}]/g, ""), 16)));
    }
    return char(c);
  }
  /** `[...]`: the set of its characters when few and all plain; else any. */
  charClass() {
    const negated = this.source[this.at] === "^";
    if (negated) this.at++;
    const members = /* @__PURE__ */ new Set();
    let bounded = true;
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      const low = this.classAtom();
      if (this.source[this.at] === "-" && this.source[this.at + 1] !== "]" && this.at + 1 < this.source.length) {
        this.at++;
        const high = this.classAtom();
        if (low === null || high === null) {
          bounded = false;
          continue;
        }
        const [from, to] = [low.codePointAt(0), high.codePointAt(0)];
        if (to - from >= MAX_CLASS) bounded = false;
        else for (let code = from; code <= to; code++) members.add(String.fromCodePoint(code));
      } else if (low === null) bounded = false;
      else members.add(low);
    }
    this.expect("]");
    if (negated || !bounded || members.size === 0) return ANY;
    const exact = /* @__PURE__ */ new Set();
    for (const member of members) {
      const one = char(member).exact;
      if (!one) return ANY;
      for (const s of one) exact.add(s);
    }
    return exact.size > MAX_CLASS ? ANY : { exact, need: null };
  }
  /** One class member as a character, or null for a class escape (`\d`, `\w`, …). */
  classAtom() {
    const c = this.source[this.at++];
    if (c !== "\\") return String.fromCodePoint(this.source.codePointAt(this.at - 1));
    const info = this.escape(true);
    const only = info.exact?.size === 1 ? [...info.exact] : [];
    return only[0] ?? null;
  }
};
var LiteralGate = class {
  search;
  /** False when some pattern requires nothing: every line is a candidate. */
  selective;
  constructor(patterns) {
    const literals = /* @__PURE__ */ new Set();
    let selective = true;
    for (const pattern of patterns) {
      const required = requiredLiterals(pattern);
      if (!required) {
        selective = false;
        break;
      }
      for (const literal of required) literals.add(literal);
    }
    this.selective = selective;
    this.search = selective && literals.size ? new RegExp(minimal(literals).map(escapeRegExp).join("|"), "g") : null;
  }
  /** Whether any line of the (already lowercased) text may match. */
  mayMatch(lowerText) {
    if (!this.selective) return true;
    if (!this.search) return false;
    this.search.lastIndex = 0;
    return this.search.test(lowerText);
  }
  /**
   * Indices of the lines that hold a required literal (in ascending order); undefined when every line
   * must be tested. `lines` is `text` split at line ends, `lowerText` is `text.toLowerCase()`.
   */
  candidateLines(text3, lowerText, lines) {
    if (!this.selective) return void 0;
    const found2 = /* @__PURE__ */ new Set();
    const search = this.search;
    if (!search) return found2;
    if (lowerText.length !== text3.length) {
      lines.forEach((line2, index) => {
        search.lastIndex = 0;
        if (search.test(line2.toLowerCase())) found2.add(index);
      });
      return found2;
    }
    search.lastIndex = 0;
    let line = 0;
    let lineStart = 0;
    let lineEnd = (lines[0] ?? "").length;
    for (let match = search.exec(lowerText); match; match = search.exec(lowerText)) {
      while (match.index > lineEnd && line < lines.length - 1) {
        lineStart = lineEnd + (lowerText.startsWith("\r\n", lineEnd) ? 2 : 1);
        line++;
        lineEnd = lineStart + lines[line].length;
      }
      found2.add(line);
      search.lastIndex = Math.max(lineEnd + 1, match.index + 1);
    }
    return found2;
  }
};
function escapeRegExp(text3) {
  return text3.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// src/core/collectors/env-reads.ts
var NAME = "([A-Za-z_][A-Za-z0-9_]*)";
var QUOTED_NAME = `['"\`]${NAME}['"\`]`;
var READS = {
  javascript: [
    new RegExp(`process\\.env\\.${NAME}`, "g"),
    new RegExp(`process\\.env\\[\\s*${QUOTED_NAME}\\s*\\]`, "g"),
    new RegExp(`import\\.meta\\.env\\.${NAME}`, "g"),
    new RegExp(`Deno\\.env\\.get\\(\\s*${QUOTED_NAME}`, "g"),
    new RegExp(`Bun\\.env\\.${NAME}`, "g")
  ],
  python: [
    new RegExp(`\\b(?:os\\.)?getenv\\(\\s*${QUOTED_NAME}`, "g"),
    new RegExp(`\\benviron(?:\\.get)?(?:\\[|\\()\\s*${QUOTED_NAME}`, "g"),
    new RegExp(`\\benv(?:\\.(?:str|int|bool|float|list|url|db_url|json))?\\(\\s*${QUOTED_NAME}`, "g")
  ],
  go: [
    new RegExp(`os\\.(?:Getenv|LookupEnv)\\(\\s*"${NAME}"`, "g"),
    new RegExp(`\\b(?:env|envconfig):"${NAME}[",]`, "g")
  ],
  elixir: [new RegExp(`System\\.(?:get_env|fetch_env!?)\\(?\\s*"${NAME}"`, "g")],
  rust: [
    new RegExp(`env::var(?:_os)?\\(\\s*"${NAME}"`, "g"),
    new RegExp(`\\b(?:option_)?env!\\(\\s*"${NAME}"`, "g"),
    new RegExp(`\\benv\\s*=\\s*"${NAME}"`, "g")
  ],
  jvm: [new RegExp(`System\\.getenv\\(\\s*"${NAME}"`, "g"), /\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}/g],
  ruby: [new RegExp(`ENV(?:\\.fetch\\(|\\[)\\s*${QUOTED_NAME}`, "g")],
  php: [
    new RegExp(`(?:getenv|\\benv)\\(\\s*${QUOTED_NAME}`, "g"),
    new RegExp(`\\$_(?:ENV|SERVER)\\[\\s*${QUOTED_NAME}`, "g")
  ],
  csharp: [new RegExp(`GetEnvironmentVariable\\(\\s*"${NAME}"`, "g")],
  "spring-config": [/\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}/g],
  compose: [/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?+][^}]*)?\}/g, /(?<!\$)\$([A-Z_][A-Z0-9_]*)\b/g],
  dockerfile: [/^\s*(?:ENV|ARG)\s+([A-Za-z_][A-Za-z0-9_]*)/g, /\$\{?([A-Z_][A-Z0-9_]*)/g],
  prisma: [/\benv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g],
  shell: [/\$\{([A-Z_][A-Z0-9_]*)(?::?[-?+=][^}]*)?\}/g, /(?<!\$)\$([A-Z_][A-Z0-9_]*)\b/g]
};
var DESTRUCTURING = /\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env)\b/g;
var DYNAMIC = {
  javascript: /process\.env\[\s*(?!['"`])|\(\s*process\.env\s*[,)]|=\s*process\.env\s*;|cleanEnv\(|createEnv\(/,
  python: /\bBaseSettings\b|os\.environ\s*\)|environ\.Env\(|os\.environ\.(?:items|keys|copy)\(/,
  go: /AutomaticEnv\(\)|envconfig\.Process\(|env\.Parse\(|os\.Environ\(\)/,
  elixir: /System\.(?:get_env|fetch_env!?)\(\s*(?!")[\w(]|System\.get_env\(\)/,
  rust: /envy::|env::vars\(\)/,
  jvm: /@SpringBootApplication|@ConfigurationProperties|System\.getenv\(\s*\)/,
  ruby: /ENV\.(?:to_h|each|select)|ENV\[\s*(?!['"])/
};
var MENTION = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]|\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*[:=]/g;
var ENV_PATTERNS = Object.fromEntries(
  Object.entries(READS).map(([language, patterns]) => [
    language,
    [...patterns, DYNAMIC[language], language === "javascript" ? DESTRUCTURING : void 0, MENTION].filter(
      (part) => part !== void 0
    )
  ])
);
var GATES = Object.fromEntries(
  Object.entries(ENV_PATTERNS).map(([language, patterns]) => [language, new LiteralGate(patterns)])
);
var MAX_READS_PER_NAME = 20;
var envReadsCollector = {
  id: "env-reads",
  async collect(repo) {
    const result = {
      reads: /* @__PURE__ */ new Map(),
      mentions: /* @__PURE__ */ new Map(),
      dynamic: [],
      scanned: {},
      lineCounts: /* @__PURE__ */ new Map()
    };
    const targets = filesToScan(repo);
    const found2 = await repo.perFiles(
      "env-reads",
      targets.map(({ path: path2 }) => path2),
      (text3, index) => {
        const { path: path2, target } = targets[index];
        return scanFile2(path2, text3, target);
      }
    );
    for (const file of found2) merge3(result, file);
    return result;
  }
};
function scanFile2(path2, text3, target) {
  const lines = text3.split(/\r\n|\r|\n/);
  if (target.language === "javascript" && lines.some((line) => line.length > MAX_SOURCE_LINE))
    return void 0;
  const lineCount = text3.endsWith("\n") ? lines.length - 1 : lines.length;
  const summary = { path: path2, language: target.language, lineCount };
  const gate = GATES[target.language];
  const wanted = gate?.candidateLines(text3, text3.toLowerCase(), lines);
  if (!gate || wanted?.size === 0) return { ...summary, reads: NONE, mentions: NONE, dynamic: NONE };
  const out = { ...summary, reads: [], mentions: [], dynamic: [] };
  const patterns = READS[target.language] ?? [];
  const dynamic = DYNAMIC[target.language];
  const visit = (line, index) => {
    if (line.length > MAX_SOURCE_LINE) return;
    const at9 = (name) => ({ path: path2, line: index + 1, excerpt: line.trim().slice(0, 160), name });
    for (const regex of patterns) {
      for (const match of line.matchAll(regex))
        out.reads.push({ ...at9(match[1]), kind: target.kind });
    }
    if (target.language === "javascript") {
      for (const match of line.matchAll(DESTRUCTURING)) {
        for (const part of match[1].split(",")) {
          const name = /^\s*\.{0,3}([A-Za-z_]\w*)/.exec(part)?.[1];
          if (name) out.reads.push({ ...at9(name), kind: "code" });
        }
      }
    }
    if (dynamic?.test(line)) out.dynamic.push({ path: path2, line: index + 1, excerpt: line.trim().slice(0, 160) });
    if (target.kind === "code") {
      for (const match of line.matchAll(MENTION)) out.mentions.push(at9(match[1] ?? match[2]));
    }
  };
  if (wanted) for (const index of wanted) visit(lines[index], index);
  else lines.forEach(visit);
  return out.reads.length || out.mentions.length || out.dynamic.length ? out : { ...summary, reads: NONE, mentions: NONE, dynamic: NONE };
}
var NONE = [];
function merge3(out, file) {
  if (!file) return;
  out.scanned[file.language] = (out.scanned[file.language] ?? 0) + 1;
  out.lineCounts.set(file.path, file.lineCount);
  for (const read of file.reads) record(out, read);
  for (const { name, ...location } of file.mentions) {
    if (!out.mentions.has(name)) out.mentions.set(name, location);
  }
  out.dynamic.push(...file.dynamic);
}
function record(out, read) {
  const known = out.reads.get(read.name);
  if (!known) out.reads.set(read.name, [read]);
  else if (known.length < MAX_READS_PER_NAME && !known.some((k) => k.path === read.path && k.line === read.line)) {
    known.push(read);
  }
}

// src/core/formats/toml.ts
var MAX_LINES = 2e4;
function parseToml(text3) {
  const entries = [];
  const counts = /* @__PURE__ */ new Map();
  let table = "";
  let element = 0;
  let open = null;
  const lines = text3.split(/\r\n|\r|\n/).slice(0, MAX_LINES);
  lines.forEach((raw, index) => {
    if (open) {
      if (raw.includes(open)) open = null;
      return;
    }
    const line = stripComment(raw).trim();
    if (!line) return;
    const header = /^\[\[\s*([^\]]+?)\s*\]\]$|^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      table = unquoteKey((header[1] ?? header[2] ?? "").trim());
      if (header[1] !== void 0) {
        element = counts.get(table) ?? 0;
        counts.set(table, element + 1);
      } else element = 0;
      return;
    }
    const pair = /^((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*(.*)$/.exec(
      line
    );
    if (!pair) return;
    const dotted = unquoteKey(pair[1] ?? "");
    const value = (pair[2] ?? "").trim();
    const dot = dotted.lastIndexOf(".");
    const key = dot < 0 ? dotted : dotted.slice(dot + 1);
    const inner = dot < 0 ? table : [table, dotted.slice(0, dot)].filter(Boolean).join(".");
    entries.push({ table: inner, element, key, value: unquoteValue(value), line: index + 1 });
    if (value.startsWith('"""') && !value.slice(3).includes('"""')) open = '"""';
    else if (value.startsWith("'''") && !value.slice(3).includes("'''")) open = "'''";
    else if (value.startsWith("[") && !balanced(value)) open = "]";
  });
  return entries;
}
function unquoteKey(key) {
  return key.split(/\s*\.\s*(?=(?:[^"']|"[^"]*"|'[^']*')*$)/).map((part) => part.replace(/^"(.*)"$|^'(.*)'$/, "$1$2")).join(".");
}
function unquoteValue(value) {
  const quoted = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(value);
  return quoted ? quoted[1] ?? quoted[2] ?? "" : value;
}
function balanced(value) {
  let depth2 = 0;
  for (const char2 of value) {
    if (char2 === "[") depth2++;
    else if (char2 === "]") depth2--;
  }
  return depth2 <= 0;
}
function stripComment(line) {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const char2 = line.charAt(i);
    if (quote) {
      if (char2 === "\\" && quote === '"') i++;
      else if (char2 === quote) quote = "";
    } else if (char2 === '"' || char2 === "'") quote = char2;
    else if (char2 === "#") return line.slice(0, i);
  }
  return line;
}

// src/core/collectors/paas.ts
var FILES2 = [
  [/^render\.ya?ml$/i, "render"],
  [/^fly(?:\.[\w-]+)?\.toml$/i, "fly"],
  [/^vercel\.json$/i, "vercel"],
  [/^netlify\.toml$/i, "netlify"],
  [/^Procfile(?:\.[\w-]+)?$/, "heroku"],
  [/^app\.json$/i, "heroku"],
  [/^railway\.(?:json|toml)$/i, "railway"]
];
function paasPlatformOf(path2) {
  const name = baseName(path2);
  return FILES2.find(([pattern]) => pattern.test(name))?.[1];
}
var paasCollector = {
  id: "paas",
  unparsable: (evidence2) => evidence2.configs.flatMap(
    (config) => config.unparsable ? [{ path: config.path, reason: config.unparsable }] : []
  ),
  async collect(repo) {
    const paths = repo.files.filter((path2) => paasPlatformOf(path2) && !VENDORED_OR_GENERATED.test(path2));
    const parsed = await repo.perFiles(
      "paas",
      paths,
      (source, index) => parsePaas(paths[index], source)
    );
    return {
      configs: parsed.filter((config) => config !== null && config !== void 0)
    };
  }
};
function parsePaas(path2, source) {
  const platform = paasPlatformOf(path2);
  if (!platform) return void 0;
  const name = baseName(path2);
  if (platform === "render") return parseRender(path2, source);
  if (platform === "heroku" && /^Procfile/.test(name)) return parseProcfile(path2, source);
  if (/\.toml$/i.test(name)) return parseTomlConfig(path2, platform, source);
  return parseJsonConfig(path2, platform, source);
}
function empty(path2, platform) {
  return { path: path2, platform, services: [], env: [], settings: [] };
}
function parseProcfile(path2, source) {
  const config = empty(path2, "heroku");
  source.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const match = /^([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(raw.trim());
    if (!match || raw.trim().startsWith("#")) return;
    const [, process = "", command = ""] = match;
    config.services.push({ kind: process, name: process, line: index + 1 });
    config.settings.push({ key: "command", value: command.trim(), line: index + 1, service: process });
  });
  return config;
}
function parseRender(path2, source) {
  const config = empty(path2, "render");
  const parsed = parseLocated(source);
  if (!parsed.ok) return { ...config, unparsable: parsed.error };
  const root = parsed.documents[0]?.root ?? null;
  for (const service2 of items(child(root, "services"))) {
    const name = text2(child(service2, "name")) ?? "";
    const kind = text2(child(service2, "type")) ?? "service";
    config.services.push({ kind, name, line: service2.line });
    collectSettings(service2, "", name, config.settings, ["envVars", "name", "type"]);
    renderEnv(child(service2, "envVars"), config.env);
  }
  for (const database of items(child(root, "databases"))) {
    config.services.push({
      kind: "postgres",
      name: text2(child(database, "name")) ?? "",
      line: database.line
    });
  }
  for (const group of items(child(root, "envVarGroups"))) renderEnv(child(group, "envVars"), config.env);
  return config;
}
function renderEnv(node, env) {
  for (const entry2 of items(node)) {
    const name = text2(child(entry2, "key"));
    if (!name) continue;
    const written = scalar(child(entry2, "value"));
    const value = written === void 0 || written === null ? void 0 : String(written);
    const how = value !== void 0 ? "value" : [true, "true", "yes"].includes(scalar(child(entry2, "generateValue"))) ? "generated" : child(entry2, "fromService") || child(entry2, "fromDatabase") || child(entry2, "fromGroup") ? "linked" : "dashboard";
    env.push({ name, ...value !== void 0 ? { value } : {}, how, line: entry2.line });
  }
}
function collectSettings(node, prefix, service2, into, skip = []) {
  if (node?.kind !== "map") return;
  for (const [key, entry2] of node.entries) {
    if (skip.includes(key)) continue;
    const dotted = prefix ? `${prefix}.${key}` : key;
    const value = text2(entry2.value);
    if (value !== void 0) into.push({ key: dotted, value, line: entry2.keyLine, service: service2 });
    else if (entry2.value.kind === "map" && !prefix) collectSettings(entry2.value, dotted, service2, into);
    else if (entry2.value.kind !== "scalar")
      into.push({ key: dotted, value: "", line: entry2.keyLine, service: service2 });
  }
}
function parseTomlConfig(path2, platform, source) {
  const config = empty(path2, platform);
  for (const entry2 of parseToml(source)) {
    const key = entry2.table ? `${entry2.table}.${entry2.key}` : entry2.key;
    if (/^(?:env|build\.environment|context\.[^.]+\.environment)$/.test(entry2.table)) {
      config.env.push({ name: entry2.key, value: entry2.value, how: "value", line: entry2.line });
      continue;
    }
    if (platform === "fly" && key === "app")
      config.services.push({ kind: "app", name: entry2.value, line: entry2.line });
    if (platform === "fly" && entry2.table === "processes")
      config.services.push({ kind: "process", name: entry2.key, line: entry2.line });
    config.settings.push({ key, value: entry2.value, line: entry2.line });
  }
  return config;
}
var HEROKU_KEYS = ["env", "addons", "formation", "buildpacks", "stack", "scripts"];
function parseJsonConfig(path2, platform, source) {
  const config = empty(path2, platform);
  let value;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return {
      ...config,
      unparsable: `invalid JSON: ${error instanceof Error ? error.message : "unreadable"}`
    };
  }
  if (!isObject2(value)) return { ...config, unparsable: "not a JSON object" };
  if (platform === "heroku" && !HEROKU_KEYS.some((key) => key in value && !(key === "scripts" && !("env" in value))))
    return void 0;
  const line = (key) => jsonKeyLine(source, key);
  for (const [key, entry2] of Object.entries(value)) {
    if (key === "env" && isObject2(entry2)) {
      for (const [name, spec] of Object.entries(entry2)) {
        const written = typeof spec === "string" ? spec : isObject2(spec) ? spec.value : void 0;
        const how = typeof written === "string" ? "value" : isObject2(spec) && typeof spec.generator === "string" ? "generated" : "dashboard";
        config.env.push({
          name,
          ...typeof written === "string" ? { value: written } : {},
          how,
          line: line(name)
        });
      }
      continue;
    }
    if (key === "addons" && Array.isArray(entry2)) {
      for (const addon of entry2) {
        const name = typeof addon === "string" ? addon : isObject2(addon) ? String(addon.plan ?? "") : "";
        if (name)
          config.services.push({ kind: name.split(":")[0] ?? name, name, line: jsonValueLine(source, name) });
      }
      continue;
    }
    if (key === "formation" && isObject2(entry2)) {
      for (const process of Object.keys(entry2))
        config.services.push({ kind: process, name: process, line: line(process) });
    }
    if (key === "crons" && Array.isArray(entry2)) {
      for (const _ of entry2) config.services.push({ kind: "cron", name: "cron", line: line("crons") });
    }
    flattenJson(key, entry2, config.settings, line);
  }
  return config;
}
function flattenJson(key, value, into, line) {
  const leaf = key.slice(key.lastIndexOf(".") + 1);
  if (isObject2(value) && key.split(".").length < 3) {
    for (const [inner, entry2] of Object.entries(value)) flattenJson(`${key}.${inner}`, entry2, into, line);
    return;
  }
  const written = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  into.push({ key, value: written.slice(0, 300), line: line(leaf) });
}
function jsonKeyLine(source, key) {
  const index = source.indexOf(`${JSON.stringify(key)}`);
  return index < 0 ? 1 : lineOf(source, index);
}
function jsonValueLine(source, value) {
  return jsonKeyLine(source, value);
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/core/rules/env/env-var-used.ts
var TOOLCHAIN_VARIABLES = /^(MIX_ENV|NODE_ENV|NODE_OPTIONS|RAILS_ENV|RACK_ENV|FLASK_ENV|FLASK_APP|DJANGO_SETTINGS_MODULE|PYTHON\w*|GO\w*|CGO_ENABLED|JAVA_OPTS|JAVA_TOOL_OPTIONS|SPRING_\w+|ASPNETCORE_\w+|RUST_LOG|RUST_BACKTRACE|ERL_\w+|ELIXIR_\w+|RELEASE_\w+|PHX_SERVER|PHX_HOST|TZ|LANG|LC_\w+|PATH|HOME|USER|PWD|HOSTNAME|SHELL|TERM|CI|DEBUG|npm_\w+|GITHUB_\w+|RUNNER_\w+|VERCEL_\w+|NEXT_RUNTIME|KUBERNETES_\w+)$/;
var SETS_A_VALUE = /\b(?:set|configured|generated|rotated|strong|changed|updated|provided|populated|random|secure|added to)\b|\b(?:with|uses?|over|requires?|enforc\w*)\s+(?:ssl|tls|https|sslmode)\b|\bpoints?\s+(?:to|at)\b/i;
var envVarUsed = {
  id: "env.var-used",
  title: "Environment variables the item names are read by the code",
  why: "A checklist that tells operators to set a variable the code no longer reads (or never read) wastes their time and hides the setting that does matter.",
  fix: "Remove or rename the variable in the checklist, or read it in the code where the configuration is loaded.",
  recognises: "Variable names in code spans (`DISCORD_BOT_TOKEN`, `LOG_LEVEL=info`, `PORT=4000`) and ALL_CAPS_WITH_UNDERSCORES names in prose about environment configuration. Placeholders (`CHANGE_THIS_*`) and shell commands are not names.",
  needs: [envReadsCollector, envDocsCollector, paasCollector],
  match: (item) => extractEnvVars(item),
  evaluate(name, ctx, item) {
    const deployed = SETS_A_VALUE.test(item.text) || TOOLCHAIN_VARIABLES.test(name) ? setOnPlatform(name, ctx, item) : void 0;
    if (deployed) return deployed;
    const env = ctx.get(envReadsCollector);
    const reads2 = preferScope2(env.reads.get(name) ?? [], ctx.scope);
    if (reads2.length) {
      const first3 = reads2[0];
      const how = first3.kind === "code" ? "read by code" : first3.kind === "script" ? "read by a script" : "used in configuration";
      const more2 = reads2.length > 1 ? ` (and ${reads2.length - 1} more place${reads2.length > 2 ? "s" : ""})` : "";
      const found2 = `${name} is ${how} at ${first3.path}:${first3.line}${more2}`;
      return SETS_A_VALUE.test(item.text) ? {
        verdict: "unknown",
        message: `${found2}; whether it is set (and to what) where the software runs is outside the repository`,
        evidence: reads2.slice(0, 3).map(ref3)
      } : { verdict: "pass", message: found2, evidence: reads2.slice(0, 3).map(ref3) };
    }
    const mention = env.mentions.get(name);
    if (mention) {
      return {
        verdict: "pass",
        message: `${name} is named in code at ${mention.path}:${mention.line}`,
        evidence: [ref3(mention)]
      };
    }
    const scanned = Object.entries(env.scanned).filter(
      ([language]) => !/compose|dockerfile|shell|config|prisma/.test(language)
    );
    const files = scanned.reduce((sum, [, count2]) => sum + count2, 0);
    const documented = ctx.get(envDocsCollector).documented.get(name) ?? [];
    if (TOOLCHAIN_VARIABLES.test(name)) {
      return {
        verdict: "unknown",
        message: `${name} is read by the runtime or toolchain, not by application code; the repository cannot show it is set`,
        evidence: documented.slice(0, 1).map(ref3)
      };
    }
    if (!files) {
      return {
        verdict: "unknown",
        message: `no application source files were found to look for reads of ${name}`,
        evidence: []
      };
    }
    const dynamic = env.dynamic.find((at9) => inScope(at9.path, ctx.scope)) ?? env.dynamic[0];
    if (dynamic) {
      return {
        verdict: "unknown",
        message: `${name} is not read by name, but ${dynamic.path}:${dynamic.line} reads variables by a computed name or as a whole, which may include it`,
        evidence: [ref3(dynamic)]
      };
    }
    const codeReads = [...env.reads.values()].flat().filter((read) => read.kind === "code");
    if (!codeReads.length) {
      return {
        verdict: "unknown",
        message: `no environment reads were recognised in ${files} source files, so the absence of ${name} proves nothing`,
        evidence: []
      };
    }
    const languages = scanned.map(([language, count2]) => `${count2} ${language}`).join(", ");
    const elsewhere = codeReads.slice(0, 2).map(ref3);
    const docNote = documented[0] ? `; it is documented at ${documented[0].path}:${documented[0].line}` : "";
    return {
      verdict: "fail",
      message: `${name} is not read anywhere: ${files} source files (${languages}) read ${new Set(codeReads.map((r) => r.name)).size} other variables, e.g. at ${elsewhere[0]?.path}:${elsewhere[0]?.line}${docNote}`,
      evidence: [...documented.slice(0, 1).map(ref3), ...elsewhere]
    };
  },
  examples: {
    match: [
      "`DISCORD_BOT_TOKEN` - Valid Discord bot token",
      "`MIX_ENV=prod` - Production environment",
      "`LOG_LEVEL=info` - Appropriate logging level",
      "`PORT=4000` - Web server port",
      "Set DATABASE_URL and REDIS_URL environment variables",
      "JWT secret configured via `JWT_SECRET`"
    ],
    noMatch: [
      "All `CHANGE_THIS_*` values updated",
      'Test API call successful: `curl -H "Authorization: Bearer $MAP_API_KEY" "$MAP_URL/api/maps/$MAP_NAME/systems"`',
      "Node environment set to `production`",
      "All required environment variables set",
      "Health endpoint responding: `GET /api/health`",
      "HTTPS used for all external communications"
    ],
    verdicts: [
      {
        files: { "src/config.ts": 'export const logLevel = process.env.LOG_LEVEL ?? "info";\n' },
        item: "`LOG_LEVEL=info` - Appropriate logging level",
        verdict: "pass"
      },
      {
        files: { "src/config.ts": "export const port = process.env.PORT;\n" },
        item: "`LOG_LEVEL=info` - Appropriate logging level",
        verdict: "fail"
      }
    ]
  }
};
var PLACEHOLDER2 = /^(?:|changeme|change[-_ ]?me|change[-_ ]this.*|todo|tbd|xxx+|placeholder|replace[-_ ]?me|your[-_].*|<.*>|\$\{.*\}|\.\.\.)$/i;
var SECRET_NAME2 = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|DSN|_KEY$/;
function setOnPlatform(name, ctx, item) {
  const claimed = claimedValue(name, item);
  const settings = ctx.get(paasCollector).configs.filter(
    (config2) => !isNonProductionPath(config2.path) || ctx.scope !== "" && inScope(config2.path, ctx.scope)
  ).flatMap((config2) => config2.env.filter((env2) => env2.name === name).map((env2) => ({ config: config2, env: env2 })));
  const scoped = settings.filter(({ config: config2 }) => inScope(config2.path, ctx.scope));
  const found2 = (scoped.length ? scoped : settings)[0];
  if (!found2) return void 0;
  const { config, env } = found2;
  const where3 = `${config.path}:${env.line}`;
  const evidence2 = [{ path: config.path, line: env.line, excerpt: name }];
  if (env.how === "generated" || env.how === "linked") {
    if (claimed !== void 0) return void 0;
    const how = env.how === "generated" ? "generated by the platform" : "taken from another service";
    return { verdict: "pass", message: `${name} is set in ${where3}, its value ${how}`, evidence: evidence2 };
  }
  if (env.how === "dashboard" || env.value === void 0 || PLACEHOLDER2.test(env.value.trim())) {
    return {
      verdict: "unknown",
      message: `${name} is declared at ${where3} without a real value (${env.how === "dashboard" ? "left to the platform" : "a placeholder"}); what it is set to where the software runs is outside the repository`,
      evidence: evidence2
    };
  }
  if (SECRET_NAME2.test(name)) return void 0;
  if (claimed !== void 0 && claimed.toLowerCase() !== env.value.trim().toLowerCase()) {
    return {
      verdict: "unknown",
      message: `${where3} sets ${name} to "${env.value.slice(0, 40)}", not "${claimed}"; another environment may set it as claimed`,
      evidence: evidence2
    };
  }
  return { verdict: "pass", message: `${name} is set to "${env.value.slice(0, 40)}" at ${where3}`, evidence: evidence2 };
}
function claimedValue(name, item) {
  for (const text3 of [...item.codeSpans, item.text]) {
    const match = new RegExp(`\\b${name}\\s*[=:]\\s*["']?([\\w.:/-]+)`).exec(text3);
    if (match?.[1]) return match[1];
  }
  return void 0;
}
function preferScope2(reads2, scope) {
  const inside = reads2.filter((read) => inScope(read.path, scope));
  return inside.length ? inside : reads2;
}
function ref3(at9) {
  return { path: at9.path, line: at9.line, excerpt: at9.excerpt };
}

// src/core/rules/env/env-all-documented.ts
var ENV_VARS = String.raw`(?:env(?:ironment)?\s*(?:var(?:iable)?s?|config(?:uration)?)|env\s*vars?|\.env\.\w+|env\s+template)`;
var CLAIMS = [
  new RegExp(String.raw`\b(?:all|every)\b.*${ENV_VARS}.*\b(?:documented|listed|described)\b`, "i"),
  new RegExp(String.raw`${ENV_VARS}.*\b(?:documented|listed in|described in)\b`, "i"),
  /\.env\.(?:example|sample|template)\b.*\b(?:up[ -]to[ -]date|complete|in sync|current|maintained)\b/i,
  /\b(?:document(?:ed)?|documentation (?:of|for))\b.*\benv(?:ironment)? var(?:iable)?s\b/i
];
var COMPLETE = /\b(?:all|every|each|any|complete|up[ -]to[ -]date|in sync|current)\b/i;
var envAllDocumented = {
  id: "env.all-documented",
  title: "Every environment variable the code reads is documented",
  why: "Operators configure production from the documented variables; an undocumented one is discovered at 3 a.m. as a crash or a silent default.",
  fix: "Add each undocumented variable to .env.example (with a safe placeholder and a comment), or remove reads that are no longer used.",
  recognises: 'Claims that all environment variables are documented or that .env.example is up to date ("All env vars documented", ".env.example up to date"). Validation, setting values in production and storing secrets are other claims.',
  needs: [envReadsCollector, envDocsCollector],
  match: (item) => CLAIMS.some((claim) => claim.test(item.text)) ? [true] : [],
  evaluate(_claim, ctx, item) {
    const env = ctx.get(envReadsCollector);
    const docs = ctx.get(envDocsCollector);
    const reads2 = /* @__PURE__ */ new Map();
    for (const [name, found2] of env.reads) {
      const first3 = found2.find((read) => read.kind === "code" && inScope(read.path, ctx.scope));
      if (first3 && !TOOLCHAIN_VARIABLES.test(name)) reads2.set(name, first3);
    }
    if (!reads2.size) {
      return {
        verdict: "unknown",
        message: "no environment reads were recognised in the source files, so there is nothing to compare with the documentation",
        evidence: []
      };
    }
    const undocumented = [...reads2.values()].filter((read) => !docs.documented.has(read.name));
    if (!docs.documented.size) {
      const looked = ctx.scope ? `${ctx.scope}/.env.example` : ".env.example";
      return {
        verdict: "fail",
        message: `${reads2.size} variables are read by code but none is documented: no .env.example/.env.sample/.env.template, compose environment, Kubernetes env or Markdown mention (e.g. ${undocumented[0]?.name} at ${undocumented[0]?.path}:${undocumented[0]?.line})`,
        evidence: [{ path: looked }, ...undocumented.slice(0, 5).map(locate)]
      };
    }
    if (undocumented.length) {
      const listed3 = undocumented.slice(0, 5).map((read) => `${read.name} (${read.path}:${read.line})`).join(", ");
      const message = `${undocumented.length} of ${reads2.size} variables read by code are not documented: ${listed3}${undocumented.length > 5 ? ", \u2026" : ""}`;
      return COMPLETE.test(item.text) ? { verdict: "fail", message, evidence: undocumented.slice(0, 10).map(locate) } : {
        verdict: "unknown",
        message: `${message}; the item does not claim every variable is documented`,
        evidence: undocumented.slice(0, 10).map(locate)
      };
    }
    const stale = docs.templates.length && !env.dynamic.length ? staleEntries(docs, env.reads, env.mentions) : [];
    const where3 = docs.templates.filter((path2) => inScope(path2, ctx.scope)).join(", ") || "the documentation";
    if (stale.length) {
      const listed3 = stale.slice(0, 5).map((doc) => `${doc.name} (${doc.path}:${doc.line})`).join(", ");
      return {
        verdict: "unknown",
        message: `all ${reads2.size} variables read by code are documented, but ${stale.length} template entries are read nowhere in the code: ${listed3}; a library may read them`,
        evidence: stale.slice(0, 10).map((doc) => ({ path: doc.path, line: doc.line }))
      };
    }
    return {
      verdict: "pass",
      message: `all ${reads2.size} variables read by code are documented (${where3})`,
      evidence: docs.templates.slice(0, 3).map((path2) => ({ path: path2 }))
    };
  },
  examples: {
    match: [
      "All env vars documented",
      "`.env.example` up to date",
      "All environment variables documented in README",
      "Environment variables documented in `.env.example`",
      "Documentation of all environment variables"
    ],
    noMatch: [
      "Environment variable validation",
      "All required environment variables set",
      "Environment variables stored securely (not in code)",
      "Configure all environment variables (see `.env.docker.example`)",
      "Copy `.env.production.example` to `.env.production`",
      "Disaster recovery plan documented"
    ],
    verdicts: [
      {
        files: {
          "src/config.ts": "export const port = process.env.PORT;\nexport const db = process.env.DATABASE_URL;\n",
          ".env.example": "PORT=3000\nDATABASE_URL=postgres://localhost/app\n"
        },
        item: "`.env.example` up to date",
        verdict: "pass"
      },
      {
        files: {
          "src/config.ts": "export const port = process.env.PORT;\nexport const db = process.env.DATABASE_URL;\n",
          ".env.example": "PORT=3000\n"
        },
        item: "`.env.example` up to date",
        verdict: "fail"
      }
    ]
  }
};
function locate(read) {
  return { path: read.path, line: read.line, excerpt: read.excerpt };
}
function staleEntries(docs, reads2, mentions) {
  return [...docs.documented.entries()].flatMap(([name, found2]) => {
    const template = found2.find((doc) => doc.kind === "template");
    if (!template || reads2.has(name) || mentions.has(name) || TOOLCHAIN_VARIABLES.test(name)) return [];
    return [{ name, path: template.path, line: template.line }];
  });
}

// src/core/rules/env/index.ts
var envRules = [envVarUsed, envAllDocumented];

// src/core/extract/routes.ts
var ROUTE_CONTEXT = /\b(endpoints?|routes?|api|https?|curl|GET|POST|PUT|PATCH|DELETE|expos(?:e|ed|es)|serv(?:e|ed|es)|respond(?:s|ing)?|returning|health|metrics|readiness|liveness|probes?|webhooks?)\b/i;
var PAGE_CONTEXT = /\bpages?\b/i;
var ROUTE_PATH = /^\/[\w.~:{}[\]<>*@$-]*(?:\/[\w.~:{}[\]<>*@$-]*)*$/;
var METHOD_ROUTE = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/[^\s`'")]*)/g;
var LOCAL_URL = /\bhttps?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?::\d+)?(\/[^\s`'")]*)/g;
var TEXT_ROUTE = /(?:^|[\s(])(\/[a-z][\w.~:{}-]*(?:\/[\w.~:{}-]+)*\/?)(?=$|[\s),;])/g;
var FILE_SYSTEM_ROOTS = /^\/(etc|var|usr|opt|tmp|home|root|dev|proc|sys|bin|sbin|app|srv|mnt|data|run|lib)(\/|$)/;
var STATIC_FILE = /\.(png|jpe?g|gif|svg|ico|css|js|map|txt|html?|woff2?)$/i;
function extractRoutes(item) {
  if (!ROUTE_CONTEXT.test(item.text))
    return PAGE_CONTEXT.test(item.text) ? pageRoutes(item).map((path2) => ({ path: path2, page: true })) : [];
  if (/\bcommands?\b/i.test(item.text) && !/\b(endpoints?|routes?|https?|curl|api)\b/i.test(item.text))
    return [];
  const found2 = /* @__PURE__ */ new Map();
  const add2 = (path2, method) => {
    const clean = cleanRoute(path2);
    if (!clean) return;
    const key = `${method ?? ""} ${clean}`;
    if (found2.has(key)) return;
    if (method) found2.delete(` ${clean}`);
    else if ([...found2.values()].some((ref11) => ref11.path === clean)) return;
    found2.set(key, method ? { method, path: clean } : { path: clean });
  };
  for (const match of item.text.matchAll(METHOD_ROUTE)) add2(match[2], match[1]);
  for (const match of item.text.matchAll(LOCAL_URL)) add2(match[1]);
  for (const span of item.codeSpans) if (ROUTE_PATH.test(span.trim())) add2(span.trim());
  const prose = item.codeSpans.reduce((text3, span) => text3.replace(span, " "), item.text);
  for (const match of prose.matchAll(TEXT_ROUTE)) add2(match[1]);
  return [...found2.values()];
}
function pageRoutes(item) {
  const found2 = /* @__PURE__ */ new Set();
  for (const span of item.codeSpans) if (ROUTE_PATH.test(span.trim())) found2.add(span.trim());
  const prose = item.codeSpans.reduce((text3, span) => text3.replace(span, " "), item.text);
  for (const match of prose.matchAll(TEXT_ROUTE)) found2.add(match[1]);
  return [...found2].flatMap((path2) => cleanRoute(path2) ?? []);
}
function cleanRoute(raw) {
  const path2 = (raw.split(/[?#]/)[0] ?? "").replace(/[.,;:]+$/, "").replace(/(.)\/+$/, "$1");
  if (!ROUTE_PATH.test(path2) || path2.includes("$") || FILE_SYSTEM_ROOTS.test(path2) || STATIC_FILE.test(path2)) {
    return void 0;
  }
  return path2;
}
function canonicalRoute(path2) {
  const segments = path2.toLowerCase().split("/").filter(Boolean).map((segment) => /^(:.*|\$?\{.*\}|\[.*\]|<.*>|\*.*)$/.test(segment) ? ":" : segment);
  return `/${segments.join("/")}`;
}
function sameRoute(a, b) {
  const left = a.split("/");
  const right = b.split("/");
  if (left.length !== right.length) return false;
  let literals = 0;
  for (let i = 0; i < left.length; i++) {
    const [l, r] = [left[i], right[i]];
    if (l === r) {
      if (l && l !== ":") literals++;
    } else if (l !== ":" && r !== ":") return false;
  }
  return literals > 0 || a === b;
}

// src/core/formats/comments.ts
var STYLE = {
  javascript: "slash",
  go: "slash",
  jvm: "slash",
  rust: "slash",
  python: "hash",
  "django-settings": "hash",
  elixir: "hash",
  ruby: "hash",
  "elixir-config": "hash",
  shell: "hash",
  yaml: "hash",
  nginx: "hash",
  container: "hash",
  systemd: "hash"
};
function styleOf(languages) {
  const styles = languages.map((language) => STYLE[language] ?? "none");
  if (styles.includes("slash")) return "slash";
  if (styles.includes("hash")) return "hash";
  return "none";
}
function withoutComments(lines, languages) {
  const style = styleOf(languages);
  if (style === "none") return [...lines];
  let inBlock = false;
  return lines.map((line) => {
    if (style === "hash") return blankHash(line);
    const result = blankSlash(line, inBlock);
    inBlock = result.inBlock;
    return result.line;
  });
}
function blankHash(line) {
  if (!line.includes("#")) return line;
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1])) && line[i + 1] !== "{")
      return line.slice(0, i) + " ".repeat(line.length - i);
  }
  return line;
}
function blankSlash(line, startInBlock) {
  if (!startInBlock && !line.includes("/")) return { line, inBlock: false };
  const out = line.split("");
  let inBlock = startInBlock;
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inBlock) {
      if (c === "*" && line[i + 1] === "/") {
        out[i] = " ";
        out[i + 1] = " ";
        i++;
        inBlock = false;
      } else out[i] = " ";
    } else if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && line[i + 1] === "/") {
      for (let j = i; j < line.length; j++) out[j] = " ";
      break;
    } else if (c === "/" && line[i + 1] === "*") {
      out[i] = " ";
      out[i + 1] = " ";
      i++;
      inBlock = true;
    }
  }
  return { line: out.join(""), inBlock };
}

// src/core/collectors/http-routes/spring-actuator.ts
var BASE_CONFIG = /(^|\/)application\.(?:properties|ya?ml)$/;
var BUILD = /(^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?)$/;
var STANDARD = [
  "health",
  "info",
  "metrics",
  "env",
  "loggers",
  "beans",
  "mappings",
  "conditions",
  "configprops",
  "threaddump",
  "heapdump",
  "scheduledtasks",
  "caches"
];
function springSettings(path2, text3) {
  const settings = /* @__PURE__ */ new Map();
  const lines = text3.split(/\r\n|\r|\n/);
  if (/\.properties$/.test(path2)) {
    lines.forEach((raw, index) => {
      const match = /^\s*([\w.[\]-]+)\s*[=:]\s*(.*?)\s*$/.exec(raw);
      if (match && !/^\s*[#!]/.test(raw))
        settings.set(match[1], { value: match[2], line: index + 1, excerpt: raw.trim() });
    });
    return settings;
  }
  const stack = [];
  let listKey;
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\s+#.*$/, "");
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (/^---/.test(line)) break;
    const indent = /^\s*/.exec(line)[0].length;
    const item = /^\s*-\s*["']?([^"'\s]+)["']?\s*$/.exec(line);
    if (item && listKey) {
      const known = settings.get(listKey);
      if (known) known.value = known.value ? `${known.value},${item[1]}` : item[1];
      continue;
    }
    const entry2 = /^\s*([\w.-]+)\s*:\s*(.*)$/.exec(line);
    if (!entry2) continue;
    while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    const key = [...stack.map((part) => part.key), entry2[1]].join(".");
    const value = entry2[2].trim();
    listKey = void 0;
    if (value) settings.set(key, { value, line: index + 1, excerpt: raw.trim() });
    else {
      stack.push({ indent, key: entry2[1] });
      settings.set(key, { value: "", line: index + 1, excerpt: raw.trim() });
      listKey = key;
    }
  }
  return settings;
}
function unquote2(value) {
  return value.replace(/^[[\s"']+|[\]\s"']+$/g, "");
}
function ids(value) {
  return value.split(",").map((id) => unquote2(id).trim()).filter(Boolean);
}
async function actuatorRoutes(repo) {
  const builds = repo.files.filter((path2) => BUILD.test(path2));
  if (!builds.length) return [];
  const declared2 = await repo.perFiles("spring-actuator-build", builds, (text3) => ({
    actuator: text3.includes("spring-boot-starter-actuator"),
    prometheus: text3.includes("micrometer-registry-prometheus")
  }));
  if (!declared2.some((build) => build?.actuator)) return [];
  const prometheus = declared2.some((build) => build?.prometheus);
  const configs = repo.files.filter((path2) => BASE_CONFIG.test(path2) && !isTestPath(path2));
  const read = await repo.perFiles("spring-actuator-config", configs, (text3, index) => [
    ...springSettings(configs[index], text3)
  ]);
  const routes = [];
  configs.forEach((path2, index) => {
    const settings = new Map(read[index] ?? []);
    const get = (key) => settings.get(key);
    if (/^false$/i.test(get("management.endpoints.enabled-by-default")?.value ?? "")) return;
    const include = get("management.endpoints.web.exposure.include");
    const exclude = new Set(ids(get("management.endpoints.web.exposure.exclude")?.value ?? ""));
    const wanted = include ? ids(include.value) : ["health"];
    const exposed = (wanted.includes("*") ? [...STANDARD, ...prometheus ? ["prometheus"] : []] : wanted).filter((id) => !exclude.has(id) && !exclude.has("*")).filter((id) => id !== "prometheus" || prometheus);
    const context = unquote2(get("server.servlet.context-path")?.value ?? "");
    const base = unquote2(get("management.endpoints.web.base-path")?.value ?? "/actuator");
    const at9 = include ?? { line: 1, excerpt: `${path2} (Actuator exposes health by default)` };
    const add2 = (id, where3) => {
      const route = `/${[context, base, id].map((part) => part.replace(/^\/+|\/+$/g, "")).filter(Boolean).join("/")}`;
      routes.push({
        path: path2,
        line: where3.line,
        excerpt: where3.excerpt,
        method: "GET",
        route,
        canonical: canonicalRoute(route)
      });
    };
    for (const id of exposed) add2(id, at9);
    const probes = get("management.endpoint.health.probes.enabled") ?? get("management.health.probes.enabled");
    if (exposed.includes("health") && probes && /^true$/i.test(unquote2(probes.value))) {
      add2("health/liveness", probes);
      add2("health/readiness", probes);
    }
  });
  return routes;
}

// src/core/collectors/http-routes.ts
var FRAMEWORKS = [
  { name: "Express", language: "javascript", pattern: /(?:from\s+|require\(\s*)['"]express['"]/ },
  { name: "Fastify", language: "javascript", pattern: /(?:from\s+|require\(\s*)['"]fastify['"]/ },
  {
    name: "Koa",
    language: "javascript",
    pattern: /(?:from\s+|require\(\s*)['"](?:koa|@koa\/router|koa-router)['"]/
  },
  { name: "Hono", language: "javascript", pattern: /(?:from\s+|require\(\s*)['"]hono['"]/ },
  { name: "NestJS", language: "javascript", pattern: /from\s+['"]@nestjs\/(?:common|core)['"]/ },
  { name: "Next.js", language: "javascript", pattern: /from\s+['"]next\/server['"]|NextApiRequest/ },
  { name: "Go net/http", language: "go", pattern: /"net\/http"/ },
  { name: "Gin", language: "go", pattern: /"github\.com\/gin-gonic\/gin"/ },
  { name: "Echo", language: "go", pattern: /"github\.com\/labstack\/echo/ },
  { name: "chi", language: "go", pattern: /"github\.com\/go-chi\/chi/ },
  { name: "Fiber", language: "go", pattern: /"github\.com\/gofiber\/fiber/ },
  { name: "Flask", language: "python", pattern: /^\s*(?:from\s+flask\s+import|import\s+flask)\b/ },
  { name: "FastAPI", language: "python", pattern: /^\s*from\s+fastapi\s+import\b/ },
  { name: "Django", language: "python", pattern: /^\s*from\s+django\.urls\s+import\b/ },
  { name: "Plug", language: "elixir", pattern: /\buse\s+(?:Plug\.Router|Phoenix\.Router)\b/ },
  { name: "Spring", language: "jvm", pattern: /@(?:RestController|Controller)\b|@SpringBootApplication\b/ },
  {
    name: "Sinatra",
    language: "ruby",
    pattern: /\brequire\s*\(?\s*["']sinatra(?:\/base)?["']|<\s*Sinatra::(?:Base|Application)\b/,
    partial: true
  },
  { name: "Rails", language: "ruby", pattern: /\.routes\.draw\b/, partial: true }
];
var IMPLICIT = [
  { name: "express-prom-bundle", pattern: /['"]express-prom-bundle['"]/, serves: /^\/metrics$/ },
  { name: "fastify-metrics", pattern: /['"]fastify-metrics['"]/, serves: /^\/metrics$/ },
  { name: "PromEx", pattern: /\bPromEx\.Plug\b/, serves: /^\/metrics$/ },
  { name: "Prometheus.PlugExporter", pattern: /\bPrometheus\.PlugExporter\b/, serves: /^\/metrics$/ },
  { name: "prometheus-fastapi-instrumentator", pattern: /\bInstrumentator\(/, serves: /^\/metrics$/ },
  { name: "django-prometheus", pattern: /django_prometheus/, serves: /^\/metrics$/ },
  { name: "Spring Boot Actuator", pattern: /@SpringBootApplication\b/, serves: /^\/actuator(\/|$)/ },
  { name: "terminus", pattern: /['"]@godaddy\/terminus['"]/, serves: /health|ready|live/ },
  {
    name: "Prometheus::Middleware::Exporter",
    pattern: /\bPrometheus::Middleware::Exporter\b/,
    serves: /^\/metrics$/
  }
];
var Q = `['"\`]`;
var JS_ROUTE = new RegExp(
  `\\b(\\w+)\\.(get|post|put|patch|delete|all|head|options)\\(\\s*${Q}(\\/[^'"\`]*)${Q}`,
  "gi"
);
var JS_MOUNT = new RegExp(
  `\\b\\w+\\.(?:use|route)\\(\\s*${Q}(\\/[^'"\`]*)${Q}\\s*,\\s*(?:[\\w.]+\\([^)]*\\)\\s*,\\s*)*([\\w.]+)`,
  "g"
);
var JS_BARE_MOUNT = /\b\w+\.use\(\s*([\w.]+)\s*\)/g;
var JS_ROUTER = /\b(?:const|let|var)\s+(\w+)\s*=\s*(?:express\.)?Router\(|\b(?:const|let|var)\s+(\w+)\s*=\s*new\s+(?:Koa)?Router\(/;
var JS_MODULE_SPEC = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/g;
var PY_ROUTER = /^\s*(\w+)\s*=\s*(?:APIRouter|Blueprint)\(/;
var PY_FROM_IMPORT = /^\s*from\s+([\w.]+)\s+import\s+\(?([\w\s,]+)/;
var PY_IMPORT = /^\s*import\s+([\w.]+)/;
var PY_BARE_INCLUDE = /\.(?:include_router|register_blueprint)\(\s*([\w.]+?)(?:\.router)?\s*[,)]/g;
var NEST_LISTED = /\bcontrollers\s*:\s*\[([^\]]*)\]/g;
var JS_REGISTER = new RegExp(
  `\\.register\\(\\s*(\\w+)\\s*,\\s*\\{[^}]*prefix\\s*:\\s*${Q}(\\/[^'"\`]*)${Q}`,
  "g"
);
var JS_URL = new RegExp(`\\burl\\s*:\\s*${Q}(\\/[^'"\`]*)${Q}`, "g");
var NEST_CONTROLLER = new RegExp(`@Controller\\(\\s*(?:${Q}([^'"\`]*)${Q})?`);
var NEST_ROUTE = new RegExp(
  `@(Get|Post|Put|Patch|Delete|All|Head)\\(\\s*(?:${Q}([^'"\`]*)${Q})?\\s*\\)`,
  "g"
);
var GLOBAL_PREFIX = new RegExp(`setGlobalPrefix\\(\\s*${Q}([^'"\`]+)${Q}`);
var IMPORT2 = /import\s+(?:(\w+)|\*\s+as\s+(\w+)|\{([^}]*)\})\s+from\s+['"]([^'"]+)['"]|(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]([^'"]+)['"]/g;
var GO_HANDLE = /\.(?:HandleFunc|Handle)\(\s*"((?:[A-Z]+\s+)?\/[^"]*)"/g;
var GO_ROUTE = /\b(\w+)\.(GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|Any|Head|Options)\(\s*"(\/[^"]*)"/g;
var GO_GROUP = /\b(\w+)\s*:?=\s*(\w+)\.(?:Group|Route)\(\s*"(\/[^"]*)"/;
var PY_ROUTE = /@(\w+)\.(route|get|post|put|patch|delete|api_route)\(\s*['"](\/[^'"]*)['"]/g;
var PY_ROUTER_PREFIX = /(\w+)\s*=\s*(?:APIRouter|Blueprint)\([^)]*?(?:url_)?prefix\s*=\s*['"]([^'"]*)['"]/;
var PY_INCLUDE = /\.(?:include_router|register_blueprint)\(\s*([\w.]+?)(?:\.router)?\s*,[^)]*?(?:url_)?prefix\s*=\s*['"]([^'"]*)['"]/g;
var DJANGO_PATH = /\b(?:re_)?path\(\s*r?['"]\^?([^'"$]*)\$?['"]\s*,\s*(include\()?/g;
var ELIXIR_ROUTE = /^\s*(get|post|put|patch|delete|head|options|forward|match\s+:\w+,)\s*\(?\s*"(\/[^"]*)"/;
var ELIXIR_SCOPE = /^\s*scope\s*\(?\s*"(\/[^"]*)".*\bdo\s*$/;
var SPRING_MAPPING = /@(Get|Post|Put|Patch|Delete|Request)Mapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*"([^"]*)"/;
var SPRING_BARE_MAPPING = /@(Get|Post|Put|Patch|Delete)Mapping\s*(?:\(\s*\))?\s*$/;
var RUBY_ROUTE = /^\s*(get|post|put|patch|delete|options|head|match)\s*\(?\s*["']([^"'\s]*)["']\s*(.*)$/;
var RUBY_SCOPE = /^\s*(?:namespace\s*\(?\s*(?:["'](\/?[^"']*)["']|:(\w+))|scope\s*\(?\s*(?:path:\s*)?["'](\/?[^"']*)["'])[^#]*\bdo\b/;
var RUBY_DEF = /^\s*def\s+(?:self\.)?([a-z_]\w*[!?]?)/;
var RUBY_CALL = /^\s*([a-z_]\w*[!?]?)\s*(?:\(.*\))?\s*$/;
var RUBY_NOT_CALLS = /* @__PURE__ */ new Set([
  "end",
  "else",
  "begin",
  "ensure",
  "rescue",
  "private",
  "protected",
  "public",
  "retry",
  "return",
  "next",
  "break",
  "redo",
  "super",
  "yield",
  "then"
]);
var ROUTE_LITERAL = /['"`](\/[a-z][\w.-]*(?:\/[\w.:{}-]+)*)['"`]/g;
var MAY_DECLARE = {
  javascript: /['"`]\/|@(?:Get|Post|Put|Patch|Delete|All|Head|Controller)\(|setGlobalPrefix|express|fastify|koa|hono|@nestjs|next\/server|NextApiRequest|terminus/,
  go: /"\/|"[A-Z]+ \/|net\/http|gin-gonic|labstack|go-chi|gofiber/,
  python: /['"]\/|\b(?:re_)?path\(|\burl\(|flask|fastapi|django|Instrumentator|APIRouter|Blueprint/,
  elixir: /"\/|Plug|Phoenix|PromEx|Prometheus/,
  ruby: /["']\/|sinatra|Sinatra|routes\.draw|Prometheus::Middleware|\bdef\s/,
  jvm: /"\/|Mapping|@RestController|@Controller|@SpringBootApplication/
};
var NEXT_APP_ROUTE = /(?:^|\/)app\/(.*?)\/?route\.(?:ts|js|tsx|jsx|mjs)$/;
var NEXT_PAGES_API = /(?:^|\/)pages\/(api(?:\/.*?)?)(?:\/index)?\.(?:ts|js|tsx|jsx|mjs)$/;
var PAGE_FILES = [
  [/(?:^|\/)app\/(.*?)\/?page\.(?:tsx|jsx|ts|js)$/, "Next.js"],
  [/(?:^|\/)pages\/(?!api\/)((?:[^/_][^/]*\/)*?)(?:index|([^/_][^/]*?))\.(?:tsx|jsx)$/, "Next.js"],
  [/(?:^|\/)src\/routes\/(.*?)\/?\+page\.svelte$/, "SvelteKit"],
  [/(?:^|\/)pages\/((?:[^/_][^/]*\/)*?)(?:index|([^/_][^/]*?))\.vue$/, "Nuxt"]
];
var FRAMEWORK_CONFIG = {
  "Next.js": /(?:^|\/)next\.config\.(?:js|mjs|cjs|ts)$/,
  SvelteKit: /(?:^|\/)svelte\.config\.(?:js|mjs|ts)$/,
  Nuxt: /(?:^|\/)nuxt\.config\.(?:js|mjs|ts)$/
};
var httpRoutesCollector = {
  id: "http-routes",
  async collect(repo) {
    const out = emptyRoutes();
    const code = filesToScan(repo).filter(({ target }) => target.kind === "code");
    const found2 = await repo.perFiles(
      "http-routes",
      code.map(({ path: path2 }) => path2),
      (text3, index) => {
        const { path: path2, target } = code[index];
        const file = emptyRoutes();
        scanFile3(path2, text3, target.language, file);
        return isEmpty2(file) ? NO_ROUTES : file;
      }
    );
    const configs = Object.entries(FRAMEWORK_CONFIG).flatMap(
      ([framework, pattern]) => repo.files.filter((file) => pattern.test(file)).map((file) => ({ framework, folder: folderOf(file) }))
    );
    code.forEach(({ path: path2 }, index) => {
      nextFileRoute(path2, out);
      pageFileRoute(path2, out, configs);
      const file = found2[index];
      if (file) merge4(out, file);
    });
    out.routes.push(...await actuatorRoutes(repo));
    return out;
  }
};
function emptyRoutes() {
  return {
    routes: [],
    mounts: [],
    imports: /* @__PURE__ */ new Map(),
    globalPrefixes: [],
    frameworks: [],
    implicit: [],
    literals: /* @__PURE__ */ new Map(),
    routers: [],
    fileImports: /* @__PURE__ */ new Map(),
    nestListed: /* @__PURE__ */ new Set(),
    rubyCalls: /* @__PURE__ */ new Map()
  };
}
var NO_ROUTES = emptyRoutes();
function isEmpty2(file) {
  return !file.routes.length && !file.mounts.length && !file.imports.size && !file.globalPrefixes.length && !file.frameworks.length && !file.implicit.length && !file.literals.size && !file.routers.length && !file.fileImports.size && !file.nestListed.size && !file.rubyCalls.size;
}
function merge4(out, file) {
  out.routes.push(...file.routes);
  out.mounts.push(...file.mounts);
  out.globalPrefixes.push(...file.globalPrefixes);
  out.routers.push(...file.routers);
  for (const [path2, specs] of file.fileImports) out.fileImports.set(path2, specs);
  for (const name of file.nestListed) out.nestListed.add(name);
  for (const [name, at9] of file.rubyCalls) if (!out.rubyCalls.has(name)) out.rubyCalls.set(name, at9);
  for (const [path2, bindings] of file.imports) out.imports.set(path2, bindings);
  for (const framework of file.frameworks) {
    if (!out.frameworks.some((known) => known.name === framework.name)) out.frameworks.push(framework);
  }
  for (const provider of file.implicit) {
    if (!out.implicit.some((known) => known.name === provider.name)) out.implicit.push(provider);
  }
  for (const [canonical, at9] of file.literals)
    if (!out.literals.has(canonical)) out.literals.set(canonical, at9);
}
function pageFileRoute(path2, out, configs) {
  for (const [pattern, framework] of PAGE_FILES) {
    const found2 = pattern.exec(path2);
    if (!found2) continue;
    const project = configs.find(
      (config) => config.framework === framework && (config.folder === "" || path2.startsWith(`${config.folder}/`))
    );
    if (!project) continue;
    const raw = `${found2[1] ?? ""}${found2[2] ?? ""}`;
    const route = `/${raw.split("/").filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@")).join("/")}`;
    out.routes.push({ route, canonical: canonicalRoute(route), path: path2, line: 1, excerpt: path2 });
    if (!out.frameworks.some((known) => known.name === framework))
      out.frameworks.push({ name: framework, path: path2, line: 1, excerpt: path2 });
    return;
  }
}
function nextFileRoute(path2, out) {
  const app = NEXT_APP_ROUTE.exec(path2);
  const pages = app ? void 0 : NEXT_PAGES_API.exec(path2);
  const raw = app ? app[1] : pages?.[1];
  if (raw === void 0) return;
  const route = `/${raw.split("/").filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@")).join("/")}`;
  out.routes.push({ route, canonical: canonicalRoute(route), path: path2, line: 1, excerpt: path2 });
  if (!out.frameworks.some((framework) => framework.name === "Next.js")) {
    out.frameworks.push({ name: "Next.js", path: path2, line: 1, excerpt: path2 });
  }
}
function scanFile3(path2, text3, language, out) {
  if (MAY_DECLARE[language] && !MAY_DECLARE[language].test(text3)) return;
  const raw = text3.split(/\r\n|\r|\n/);
  if (language === "javascript" && raw.some((line) => line.length > MAX_SOURCE_LINE)) return;
  const lines = withoutComments(raw, [language]);
  if (language === "javascript" && text3.includes("controllers")) {
    for (const match of lines.join("\n").matchAll(NEST_LISTED))
      for (const name of match[1].match(/\b[A-Z]\w*/g) ?? []) out.nestListed.add(name);
  }
  const state = {
    path: path2,
    language,
    prefixes: /* @__PURE__ */ new Map(),
    seenClass: false,
    elixirScopes: [],
    elixirDepth: 0,
    rubyScopes: []
  };
  if (language === "ruby" && isTestPath(path2)) return;
  lines.forEach((line, index) => {
    if (line.length > MAX_SOURCE_LINE) return;
    const at9 = { path: path2, line: index + 1, excerpt: line.trim().slice(0, 160) };
    for (const framework of FRAMEWORKS) {
      if (framework.language === language && framework.pattern.test(line) && !out.frameworks.some((f) => f.name === framework.name)) {
        out.frameworks.push({ name: framework.name, ...at9, ...framework.partial ? { partial: true } : {} });
      }
    }
    for (const provider of IMPLICIT) {
      if (provider.pattern.test(line) && !out.implicit.some((known) => known.name === provider.name)) {
        out.implicit.push({ name: provider.name, serves: provider.serves, ...at9 });
      }
    }
    for (const match of line.matchAll(ROUTE_LITERAL)) {
      const canonical = canonicalRoute(match[1]);
      if (!out.literals.has(canonical)) out.literals.set(canonical, at9);
    }
    if (language === "javascript") scanJavaScript(withPathArgument(line, lines[index + 1]), at9, state, out);
    else if (language === "go") scanGo(line, at9, state, out);
    else if (language === "python") scanPython(withPathArgument(line, lines[index + 1]), at9, state, out);
    else if (language === "elixir") scanElixir(line, at9, state, out);
    else if (language === "jvm") scanSpring(line, at9, state, out);
    else if (language === "ruby") scanRuby(line, at9, state, out);
  });
}
function withPathArgument(line, next) {
  if (next === void 0 || !/\.(?:get|post|put|patch|delete|all|route|api_route)\(\s*$/i.test(line))
    return line;
  return /^\s*['"`]\//.test(next) ? `${line}${next.trim()}` : line;
}
function addRoute(out, at9, route, method, owner) {
  const clean = route.startsWith("/") ? route : `/${route}`;
  const declaration = { ...at9, route: clean, canonical: canonicalRoute(clean) };
  if (method) declaration.method = method.toUpperCase();
  if (owner) declaration.owner = owner;
  out.routes.push(declaration);
}
function join(prefix, route) {
  if (!prefix) return route;
  return `/${[prefix, route].map((part) => part.replace(/^\/+|\/+$/g, "")).filter(Boolean).join("/")}`;
}
function scanJavaScript(line, at9, state, out) {
  for (const match of line.matchAll(IMPORT2)) {
    const spec = match[4] ?? match[6];
    const names2 = match[3] ? match[3].split(",").map(
      (part) => part.trim().split(/\s+as\s+/).at(-1) ?? ""
    ) : [match[1] ?? match[2] ?? match[5]];
    const bindings = out.imports.get(state.path) ?? /* @__PURE__ */ new Map();
    out.imports.set(state.path, bindings);
    for (const name of names2) if (name) bindings.set(name, spec);
  }
  for (const match of line.matchAll(JS_MODULE_SPEC)) {
    const specs = out.fileImports.get(state.path) ?? [];
    out.fileImports.set(state.path, specs);
    specs.push(match[1]);
  }
  const router = JS_ROUTER.exec(line);
  if (router) out.routers.push({ ...at9, name: router[1] ?? router[2] });
  for (const match of line.matchAll(JS_ROUTE)) addRoute(out, at9, match[3], match[2], match[1]);
  for (const match of line.matchAll(JS_BARE_MOUNT))
    out.mounts.push({ ...at9, prefix: "", target: match[1] });
  for (const match of line.matchAll(JS_MOUNT))
    out.mounts.push({ ...at9, prefix: match[1], target: match[2] });
  for (const match of line.matchAll(JS_REGISTER))
    out.mounts.push({ ...at9, prefix: match[2], target: match[1] });
  for (const match of line.matchAll(JS_URL)) addRoute(out, at9, match[1]);
  const controller = NEST_CONTROLLER.exec(line);
  if (controller) state.nestController = controller[1] ?? "";
  const nestClass = state.nestController !== void 0 ? /\bclass\s+(\w+)/.exec(line) : null;
  if (nestClass) state.nestClass = nestClass[1];
  for (const match of line.matchAll(NEST_ROUTE)) {
    addRoute(out, at9, join(state.nestController, match[2] ?? ""), match[1]);
    const declared2 = out.routes.at(-1);
    if (state.nestClass) declared2.controller = state.nestClass;
  }
  const global = GLOBAL_PREFIX.exec(line);
  if (global) out.globalPrefixes.push({ ...at9, prefix: global[1] });
}
function scanGo(line, at9, state, out) {
  const group = GO_GROUP.exec(line);
  if (group)
    state.prefixes.set(group[1], join(state.prefixes.get(group[2]), group[3]));
  for (const match of line.matchAll(GO_HANDLE)) {
    const [method, route] = match[1].includes(" ") ? match[1].split(/\s+/) : [void 0, match[1]];
    addRoute(out, at9, route, method);
  }
  for (const match of line.matchAll(GO_ROUTE)) {
    const method = match[2].toUpperCase();
    addRoute(
      out,
      at9,
      join(state.prefixes.get(match[1]), match[3]),
      method === "ANY" ? void 0 : method
    );
  }
}
function scanPython(line, at9, state, out) {
  const from = PY_FROM_IMPORT.exec(line);
  const plain2 = from ? null : PY_IMPORT.exec(line);
  if (from || plain2) {
    const specs = out.fileImports.get(state.path) ?? [];
    out.fileImports.set(state.path, specs);
    if (plain2) specs.push(plain2[1]);
    if (from) {
      specs.push(from[1]);
      for (const name of from[2].split(/[\s,]+/).filter(Boolean))
        specs.push(`${from[1]}.${name}`);
    }
  }
  const declared2 = PY_ROUTER.exec(line);
  if (declared2) out.routers.push({ ...at9, name: declared2[1] });
  if (!/prefix\s*=/.test(line))
    for (const match of line.matchAll(PY_BARE_INCLUDE))
      out.mounts.push({ ...at9, prefix: "", target: match[1] });
  const router = PY_ROUTER_PREFIX.exec(line);
  if (router) state.prefixes.set(router[1], router[2]);
  for (const match of line.matchAll(PY_ROUTE)) {
    const kind = match[2];
    const method = kind === "route" || kind === "api_route" ? void 0 : kind;
    addRoute(out, at9, join(state.prefixes.get(match[1]), match[3]), method, match[1]);
  }
  for (const match of line.matchAll(PY_INCLUDE))
    out.mounts.push({ ...at9, prefix: match[2], target: match[1] });
  if (/(^|\/)urls\.py$/.test(state.path)) {
    for (const match of line.matchAll(DJANGO_PATH)) {
      if (match[2]) out.mounts.push({ ...at9, prefix: `/${match[1]}`, target: "include" });
      else addRoute(out, at9, match[1]);
    }
  }
}
function scanElixir(line, at9, state, out) {
  const scope = ELIXIR_SCOPE.exec(line);
  const prefix = state.elixirScopes.map((s) => s.prefix).reduce((all, part) => join(all, part), void 0);
  const route = ELIXIR_ROUTE.exec(line);
  if (route) {
    const verb = route[1].split(/\s/)[0];
    const method = verb === "forward" || verb === "match" ? void 0 : verb;
    addRoute(out, at9, join(prefix, route[2]), method);
  }
  if (/\bdo\s*$/.test(line)) {
    state.elixirDepth++;
    if (scope) state.elixirScopes.push({ prefix: scope[1], depth: state.elixirDepth });
  } else if (/^\s*end\b/.test(line)) {
    if (state.elixirScopes.at(-1)?.depth === state.elixirDepth) state.elixirScopes.pop();
    state.elixirDepth = Math.max(0, state.elixirDepth - 1);
  }
}
function scanSpring(line, at9, state, out) {
  if (/\b(class|interface)\s+\w+/.test(line)) state.seenClass = true;
  const mapping = SPRING_MAPPING.exec(line);
  if (mapping) {
    const kind = mapping[1];
    if (!state.seenClass && kind === "Request") state.springClassPrefix = mapping[2];
    else
      addRoute(
        out,
        at9,
        join(state.springClassPrefix, mapping[2]),
        kind === "Request" ? void 0 : kind
      );
  } else if (SPRING_BARE_MAPPING.test(line) && state.seenClass) {
    addRoute(out, at9, state.springClassPrefix ?? "/", SPRING_BARE_MAPPING.exec(line)[1]);
  }
}
function scanRuby(line, at9, state, out) {
  if (!line.trim()) return;
  const indent = /^\s*/.exec(line)[0].length;
  while ((state.rubyScopes.at(-1)?.indent ?? -1) >= indent) state.rubyScopes.pop();
  if (state.rubyDef && state.rubyDef.indent >= indent) state.rubyDef = void 0;
  const def = RUBY_DEF.exec(line);
  if (def) {
    state.rubyDef = { name: def[1], indent };
    return;
  }
  const call = RUBY_CALL.exec(line);
  if (call && !RUBY_NOT_CALLS.has(call[1]) && !out.rubyCalls.has(call[1]))
    out.rubyCalls.set(call[1], at9);
  const scope = RUBY_SCOPE.exec(line);
  if (scope) {
    state.rubyScopes.push({ prefix: scope[1] ?? scope[2] ?? scope[3], indent });
    return;
  }
  const route = RUBY_ROUTE.exec(line);
  if (!route) return;
  const [, verb, path2, rest] = route;
  const routesFile = /(^|\/)config\/routes(?:\/[^/]+)?\.rb$/.test(state.path);
  if (routesFile ? /^\s*(?:do|\{)/.test(rest) && !path2 : !/\bdo\b(?:\s*\|[^|]*\|)?\s*$|\{/.test(rest)) return;
  if (!routesFile && !path2.startsWith("/")) return;
  const prefix = state.rubyScopes.map((known) => known.prefix).reduce((all, part) => join(all, part), void 0);
  addRoute(out, at9, join(prefix, path2 || "/"), verb === "match" ? void 0 : verb);
  const declared2 = out.routes.at(-1);
  if (state.rubyDef) declared2.definedIn = state.rubyDef.name;
}

// src/core/rules/http/http-route-served.ts
var httpRouteServed = {
  id: "http.route-served",
  title: "HTTP routes the item names are served by the code",
  why: "Load balancers, probes and dashboards call these paths; a checklist naming a route the service does not serve hides a broken health check or metrics scrape.",
  fix: "Serve the route (e.g. `app.get('/health', \u2026)`) or correct the path in the checklist.",
  recognises: 'Paths in items about endpoints, routes, health, metrics or APIs: `/health`, `GET /api/health`, "(/api/metrics)", `curl http://localhost:4000/ready`. External URLs, file-system paths and chat slash commands are not routes.',
  needs: [httpRoutesCollector],
  match: (item) => extractRoutes(item),
  evaluate(wanted, ctx, item) {
    const found2 = judgeRoute(wanted, ctx);
    const condition = CONDITIONAL.exec(item.text);
    if (found2.verdict !== "pass" || !condition) return found2;
    return {
      ...found2,
      verdict: "unknown",
      message: `${found2.message}; what it does ("${condition[0]}\u2026") is not read from the code`
    };
  },
  examples: {
    match: [
      "Application metrics exposed on `/metrics`",
      "Metrics endpoint (/api/metrics)",
      "Health endpoint responding: `GET /api/health`",
      "Readiness check passing: `curl http://localhost:4000/ready`",
      "Webhook routing functional: `POST /api/webhook/:slug`",
      "Liveness probe hits `/healthz`",
      "Created Privacy Policy page (/privacy)"
    ],
    noMatch: [
      "Test `/notifier status` command",
      "License manager URL accessible: `https://lm.wanderer.ltd`",
      "Health check endpoints",
      "Backup script tested: `./scripts/backup-db.sh`",
      "`./priv:/app/priv` - For persistent data",
      "Logs written to `/var/log/app`"
    ],
    verdicts: [
      {
        // Routers mounted in routers, under a prefix only the running process knows.
        files: {
          "src/app.ts": "import express from 'express';\nimport v1 from './routes/v1';\n\nconst app = express();\napp.use(`/api/${process.env.API_VERSION}`, v1);\nexport default app;\n",
          "src/routes/v1/index.ts": "import { Router } from 'express';\nimport jobs from './jobs.routes';\n\nconst router = Router();\nrouter.use('/jobs', jobs);\nexport default router;\n",
          "src/routes/v1/jobs.routes.ts": "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/', (_req, res) => res.status(202).end());\nexport default router;\n"
        },
        item: "Submit job (POST /api/v1/jobs)",
        verdict: "pass"
      },
      {
        files: {
          "src/app.ts": "import express from 'express';\n\nconst app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\nexport default app;\n"
        },
        item: "Health endpoint responding: `GET /health`",
        verdict: "pass"
      },
      {
        files: {
          "src/app.ts": "import express from 'express';\n\nconst app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\nexport default app;\n"
        },
        item: "Readiness check passing: `curl http://localhost:4000/ready`",
        verdict: "fail"
      },
      {
        // Served, but the claim is about what it does under a condition.
        files: {
          "src/app.ts": "import express from 'express';\n\nconst app = express();\napp.get('/ready', (_req, res) => res.json({ ok: true }));\nexport default app;\n"
        },
        item: "Readiness endpoint `/ready` fails when the database is down",
        verdict: "unknown"
      },
      {
        files: {
          "pom.xml": "<project>\n  <dependencies>\n    <dependency>\n      <artifactId>spring-boot-starter-actuator</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n",
          "src/main/resources/application.yml": "management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info\n  endpoint:\n    health:\n      probes:\n        enabled: true\n"
        },
        item: "Liveness probe hits `/actuator/health/liveness`",
        verdict: "pass"
      },
      {
        files: {
          "src/bot.ts": "export {};\n"
        },
        item: "Application metrics exposed on `/metrics`",
        verdict: "unknown"
      },
      {
        files: {
          "app.rb": "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  namespace '/api' do\n    get '/status' do\n      'ok'\n    end\n  end\nend\n"
        },
        item: "Status endpoint at `/api/status`",
        verdict: "pass"
      },
      {
        // The route is in a method nothing calls: declared, not served.
        files: {
          "app.rb": "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\nend\n",
          "lib/probes.rb": "module Probes\n  def probe_routes\n    get '/ready' do\n      'ok'\n    end\n  end\nend\n"
        },
        item: "Readiness probe on `/ready`",
        verdict: "unknown"
      },
      {
        // Rails declares routes through `resources` too: a route not read is not a route missing.
        files: {
          "config/routes.rb": "Rails.application.routes.draw do\n  resources :orders\n  get 'up' => 'rails/health#show'\nend\n"
        },
        item: "Liveness check on `/healthz`",
        verdict: "unknown"
      }
    ]
  }
};
function methodFits(wanted, route) {
  return !wanted.method || !route.method || wanted.method === route.method || wanted.method === "HEAD" && route.method === "GET";
}
function mountFor(route, target, http) {
  for (const mount of http.mounts) {
    if (!mounts(mount, route, http)) continue;
    for (const prefix of prefixesOf(mount.path, http))
      if (sameRoute(canonicalRoute(`${prefix}/${mount.prefix}/${route.route}`), target))
        return { ...mount, prefix: joinPrefixes(prefix, mount.prefix) };
  }
  return void 0;
}
function joinPrefixes(...prefixes) {
  const segments = prefixes.join("/").split("/").filter(Boolean);
  return segments.length ? `/${segments.join("/")}` : "";
}
var MAX_MOUNT_DEPTH = 4;
function prefixesOf(file, http, depth2 = 0) {
  if (depth2 >= MAX_MOUNT_DEPTH) return [""];
  const parents = http.mounts.filter(
    (mount) => mount.path !== file && mounts(mount, { path: file, owner: void 0 }, http)
  );
  if (!parents.length) return [""];
  return parents.flatMap(
    (mount) => prefixesOf(mount.path, http, depth2 + 1).map((prefix) => `${prefix}/${mount.prefix}`)
  );
}
function unreachable(route, http) {
  if (route.controller && !http.nestListed.has(route.controller))
    return `its controller ${route.controller} is in no module's \`controllers\``;
  if (route.definedIn && !http.rubyCalls.has(route.definedIn))
    return `it is declared inside the method \`${route.definedIn}\`, which no file calls`;
  const router = http.routers.find((known) => known.path === route.path && known.name === route.owner);
  if (!router || isMounted(route, http) || importedElsewhere(route.path, http)) return void 0;
  return `router \`${router.name}\` (${router.path}:${router.line}) is mounted nowhere and no other file imports its file`;
}
function importedElsewhere(path2, http) {
  const module = path2.replace(/\.py$/, "").replace(/\/__init__$/, "");
  for (const [from, specs] of http.fileImports) {
    if (from === path2) continue;
    for (const spec of specs) {
      if (path2.endsWith(".py")) {
        const wanted = spec.replace(/^\.+/, "").replace(/\./g, "/");
        if (wanted && (module === wanted || module.endsWith(`/${wanted}`))) return true;
      } else if (spec.startsWith(".") && resolvesTo(from, spec, path2)) return true;
    }
  }
  return false;
}
function isMounted(route, http) {
  return http.mounts.some((mount) => mounts(mount, route, http));
}
function mounts(mount, route, http) {
  if (mount.path === route.path) return mount.target === route.owner;
  const spec = http.imports.get(mount.path)?.get(mount.target.split(".")[0]);
  return spec !== void 0 && resolvesTo(mount.path, spec, route.path);
}
function resolvesTo(from, spec, file) {
  if (!spec.startsWith(".")) return false;
  const parts = from.split("/").slice(0, -1);
  for (const segment of spec.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  const base = parts.join("/").replace(/\.(m?[jt]sx?|cjs|cts|mts)$/, "");
  const stem2 = file.replace(/\.(m?[jt]sx?|cjs|cts|mts)$/, "");
  return stem2 === base || stem2 === `${base}/index`;
}
function served(shown2, route, how = "", extra = []) {
  const declared2 = route.line === 1 && route.excerpt === route.path ? `by the file route ${route.path}` : `at ${route.path}:${route.line}`;
  return {
    verdict: "pass",
    message: `${shown2} is served ${declared2}${how ? ` ${how}` : ""}`,
    evidence: [evidence(route), ...extra]
  };
}
function evidence(route) {
  return { path: route.path, line: route.line, excerpt: route.excerpt };
}
var CONDITIONAL = /\b(?:when|if|unless|block\w*|reject\w*)\b.{0,40}/i;
function judgeRoute(wanted, ctx) {
  const http = ctx.get(httpRoutesCollector);
  const target = canonicalRoute(wanted.path);
  const routes = http.routes.filter((route) => inScope(route.path, ctx.scope) && methodFits(wanted, route));
  const shown2 = wanted.method ? `${wanted.method} ${wanted.path}` : wanted.path;
  const prefixes = http.globalPrefixes.filter((at9) => inScope(at9.path, ctx.scope));
  const directs = routes.filter(
    (route) => isMounted(route, http) ? false : prefixes.length ? prefixes.some((p) => sameRoute(canonicalRoute(`/${p.prefix}${route.route}`), target)) : sameRoute(route.canonical, target)
  );
  const direct = directs.find((route) => !unreachable(route, http));
  if (direct) return served(shown2, direct);
  const declaredOnly = directs[0];
  if (declaredOnly) {
    return {
      verdict: "unknown",
      message: `${shown2} is declared at ${declaredOnly.path}:${declaredOnly.line}, but ${unreachable(declaredOnly, http)}, so nothing shows it is served`,
      evidence: [evidence(declaredOnly)]
    };
  }
  const mounted = routes.map((route) => ({ route, mount: mountFor(route, target, http) })).find((found2) => found2.mount);
  if (mounted?.mount) {
    return served(
      shown2,
      mounted.route,
      `${mounted.mount.prefix ? `under ${mounted.mount.prefix} ` : "on a router "}mounted at ${mounted.mount.path}:${mounted.mount.line}`,
      [{ path: mounted.mount.path, line: mounted.mount.line, excerpt: mounted.mount.excerpt }]
    );
  }
  const partial = routes.find(
    (route) => route.canonical !== "/" && (target.endsWith(route.canonical) || route.canonical.endsWith(target))
  );
  if (partial) {
    return {
      verdict: "unknown",
      message: `${partial.route} is declared at ${partial.path}:${partial.line}, but the prefix it is served under could not be resolved to ${wanted.path}`,
      evidence: [evidence(partial)]
    };
  }
  const implicit = http.implicit.find(
    (provider) => provider.serves.test(target) && inScope(provider.path, ctx.scope)
  );
  if (implicit) {
    return {
      verdict: "unknown",
      message: `no route ${shown2} declared in code, but ${implicit.name} (${implicit.path}:${implicit.line}) may serve it`,
      evidence: [{ path: implicit.path, line: implicit.line, excerpt: implicit.excerpt }]
    };
  }
  const literal = [...http.literals.entries()].find(
    ([route, at9]) => sameRoute(route, target) && inScope(at9.path, ctx.scope)
  );
  if (literal) {
    const [, at9] = literal;
    return {
      verdict: "unknown",
      message: `"${wanted.path}" appears at ${at9.path}:${at9.line}, but not as a route this tool recognises`,
      evidence: [{ path: at9.path, line: at9.line, excerpt: at9.excerpt }]
    };
  }
  const frameworks = http.frameworks.filter((framework) => inScope(framework.path, ctx.scope));
  if (wanted.page) {
    return {
      verdict: "unknown",
      message: `no file-based page or server route for ${shown2} (Next.js app/ and pages/, SvelteKit, Nuxt); a client-side router may serve it`,
      evidence: []
    };
  }
  if (!frameworks.length) {
    return {
      verdict: "unknown",
      message: `no recognised web framework${ctx.scope ? ` in ${ctx.scope}/` : ""}, so whether ${shown2} is served cannot be decided from the code`,
      evidence: []
    };
  }
  const names2 = frameworks.map((framework) => `${framework.name} at ${framework.path}:${framework.line}`).join(", ");
  const files = new Set(routes.map((route) => route.path)).size;
  if (frameworks.every((framework) => framework.partial)) {
    return {
      verdict: "unknown",
      message: `no route ${shown2} among ${routes.length} routes read in ${files} files, but ${names2} can declare routes in ways not read here`,
      evidence: frameworks.slice(0, 2).map((framework) => ({ path: framework.path, line: framework.line, excerpt: framework.excerpt }))
    };
  }
  return {
    verdict: "fail",
    message: `no route ${shown2} among ${routes.length} routes declared in ${files} files (${names2})`,
    evidence: frameworks.slice(0, 2).map((framework) => ({ path: framework.path, line: framework.line, excerpt: framework.excerpt }))
  };
}
function servedRoutes(http, scope) {
  const served2 = [];
  const prefixes = http.globalPrefixes.filter((at9) => inScope(at9.path, scope));
  for (const route of http.routes) {
    if (!inScope(route.path, scope)) continue;
    if (isMounted(route, http)) {
      for (const mount of http.mounts)
        if (mounts(mount, route, http))
          served2.push({ path: canonicalRoute(`${mount.prefix}/${route.route}`), route, mount });
    } else if (!unreachable(route, http)) {
      const paths = prefixes.length ? prefixes.map((p) => canonicalRoute(`/${p.prefix}${route.route}`)) : [route.canonical];
      for (const path2 of paths) served2.push({ path: path2, route });
    }
  }
  return served2;
}

// src/core/rules/http/http-health-endpoint.ts
var HEALTH_CLAIM = /\bhealth[- ]?checks?\b|\bhealth(?:[- ]check)?\s+(?:endpoints?|routes?|apis?)\b|\bhealthz\b|\b(?:liveness|readiness)\s+(?:and\s+\w+\s+)?(?:endpoints?|checks?)\b|健康检查/i;
var OTHER_KIND = /\bLB\b|\bALB\b|\bELB\b|\bnginx\b|\bingress\b|\bdocker\w*|\bcontainers?\b|\bcompose\b|\bkubernetes\b|\bk8s\b|\bpods?\b|\bprobes?\b|\bhelm\b|\bHEALTHCHECK\b|\bmonitor\w*|\balert\w*|\buptime\b|\bpingdom\b|\bstatus ?page\b|\bdashboards?\b|\bload[- ]balancers?\b|\btarget groups?\b|\bpipeline\b|\bdeploy\w*|\bsmoke\b|\bscripts?\b|\bcron\b/i;
var COVERAGE2 = /\bwith\b|\b(?:all|every|each)\b|\bservices\b|\bdb\b|\bdatabases?\b|\bredis\b|\bdependenc\w*|\bdownstream\b|\bexternal\b|\bconnectivity\b|\bcomprehensive\b|\bdeep\b|\bcomponents?\b/i;
var RUN_TIME = /\b(?:test|tested|testing|passing|passes|working|verified|responding|green|succeed\w*|fail\w*|returns?|when|if)\b/i;
var CONTAINER_CONTEXT = /\bdocker\w*|\bcontainers?\b|\bcompose\b|\bkubernetes\b|\bk8s\b|\bhelm\b/i;
var API_ROOT = "^(?:/api)?(?:/v\\d+)?";
var KIND_ROUTE = {
  health: new RegExp(
    `(?:^|/)(?:health(?:z|[-_]?checks?)?|livez|readyz|liveness|readiness)(?:/|$)|${API_ROOT}/(?:live|ready|startup)$`,
    "i"
  ),
  liveness: new RegExp(`(?:^|/)(?:livez|liveness|healthz?/live\\w*)(?:/|$)|${API_ROOT}/live$`, "i"),
  readiness: new RegExp(`(?:^|/)(?:readyz|readiness|healthz?/ready\\w*)(?:/|$)|${API_ROOT}/ready$`, "i"),
  startup: new RegExp(`(?:^|/)(?:startupz?|healthz?/start\\w*)(?:/|$)|${API_ROOT}/startup$`, "i")
};
function claimOf(item) {
  const text3 = item.text;
  if (!HEALTH_CLAIM.test(text3) || OTHER_KIND.test(text3) || COVERAGE2.test(text3) || RUN_TIME.test(text3))
    return [];
  if (extractRoutes(item).length) return [];
  if ([...item.section, ...item.parents].some((context) => CONTAINER_CONTEXT.test(context))) return [];
  const kinds = [];
  if (/\bliveness\b|\blive\b/i.test(text3)) kinds.push("liveness");
  if (/\breadiness\b|\bready\b/i.test(text3)) kinds.push("readiness");
  if (/\bstartup\b/i.test(text3)) kinds.push("startup");
  return [{ kinds: kinds.length ? kinds : ["health"] }];
}
var httpHealthEndpoint = {
  id: "http.health-endpoint",
  title: "The code serves a health check route (and each of liveness, readiness, startup the item names)",
  why: "Load balancers and orchestrators need a route that says whether the service is up; a checklist claiming health checks should point at the route.",
  fix: "Serve a health route (`GET /health`, `/healthz`, `/ready`) from the app, reachable without login.",
  recognises: `"health check(s)", "health endpoint(s)", "healthz", "liveness/readiness endpoints" without a path (paths are http.route-served's); not container or Kubernetes health checks, monitors, several services at once ("all services"), what the check covers ("with db") or checks passing at run time.`,
  needs: [httpRoutesCollector],
  match: claimOf,
  evaluate(claim, ctx) {
    const http = ctx.get(httpRoutesCollector);
    const served2 = servedRoutes(http, ctx.scope).filter(
      (candidate) => !isTestPath(candidate.route.path) && (!isNonProductionPath(candidate.route.path) || isNonProductionPath(ctx.scope))
    );
    const found2 = [];
    const missing2 = [];
    for (const kind of claim.kinds) {
      const route = served2.find((candidate) => KIND_ROUTE[kind].test(candidate.path));
      if (route) found2.push(route);
      else missing2.push(kind);
    }
    if (!missing2.length) return passFor(found2);
    const frameworks = http.frameworks.filter((framework) => inScope(framework.path, ctx.scope));
    return {
      verdict: "unknown",
      message: `no served route for ${missing2.join(", ")} among ${served2.length} routes read${frameworks.length ? ` (${frameworks.map((f) => f.name).join(", ")})` : ""}; a health check may be served by a library, a platform or a probe this does not read`,
      evidence: found2.map(evidenceOf3)
    };
  },
  examples: {
    match: [
      "Health check endpoints",
      "Set up health checks",
      "Health checks (liveness, readiness, startup)",
      "**Health endpoint** for the load-balanced service"
    ],
    noMatch: [
      "Docker health check",
      "Kubernetes liveness probes",
      "Health check with database connectivity",
      "Health endpoint `/healthz` returns 200",
      "Health checks passing after deploy",
      "Uptime monitoring hits the health check",
      "Health checks for all services"
    ],
    verdicts: [
      {
        files: {
          "src/app.ts": "import express from 'express';\n\nconst app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\nexport default app;\n"
        },
        item: "Health check endpoints",
        verdict: "pass"
      },
      {
        files: {
          "src/app.ts": "import express from 'express';\n\nconst app = express();\napp.get('/healthz', (_req, res) => res.json({ ok: true }));\nexport default app;\n"
        },
        item: "Health checks (liveness, readiness, startup)",
        verdict: "unknown"
      },
      {
        // A neighbouring route: a status page for users is not a health check.
        files: {
          "src/app.ts": "import express from 'express';\n\nconst app = express();\napp.get('/about', (_req, res) => res.send('ok'));\nexport default app;\n"
        },
        item: "Set up health checks",
        verdict: "unknown"
      },
      {
        // Declared on a router nothing mounts: not served.
        files: {
          "src/app.ts": "import express from 'express';\n\nconst app = express();\nexport default app;\n",
          "src/health.ts": "import { Router } from 'express';\n\nconst router = Router();\nrouter.get('/health', (_req, res) => res.json({ ok: true }));\n"
        },
        item: "Health check endpoints",
        verdict: "unknown"
      }
    ]
  }
};
function evidenceOf3(served2) {
  const { route } = served2;
  return { path: route.path, line: route.line, excerpt: route.excerpt };
}
function passFor(found2) {
  const shown2 = found2.map((served2) => {
    const mounted = served2.mount ? ` (mounted at ${served2.mount.path}:${served2.mount.line})` : "";
    return `${served2.path} at ${served2.route.path}:${served2.route.line}${mounted}`;
  });
  return {
    verdict: "pass",
    message: `health route served: ${[...new Set(shown2)].join("; ")}`,
    evidence: found2.flatMap((served2) => [
      evidenceOf3(served2),
      ...served2.mount ? [{ path: served2.mount.path, line: served2.mount.line, excerpt: served2.mount.excerpt }] : []
    ])
  };
}

// src/core/collectors/response-headers.ts
var SECURITY_HEADERS = [
  "strict-transport-security",
  "content-security-policy",
  "content-security-policy-report-only",
  "x-frame-options",
  "x-content-type-options",
  "x-xss-protection",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
  "cross-origin-embedder-policy",
  "cross-origin-resource-policy"
];
var CONFIG_FILES = /^(?:next\.config\.[cm]?[jt]s|vercel\.json|netlify\.toml|_headers|\.htaccess|web\.config|Caddyfile|nginx[^/]*\.conf(?:\.template)?|[^/]+\.conf)$/;
var NAME2 = new RegExp(`["'\`]?\\b(${SECURITY_HEADERS.join("|")})\\b["'\`]?`, "i");
var SETS = /^["'`]?\s*(?:[:=,)\]]|=>|\s+["'\w])/;
var COMMENT3 = /^\s*(?:\/\/|#|\*|\/\*|<!--|;)/;
var MAX_LINE = 2e3;
var responseHeadersCollector = {
  id: "response-headers",
  async collect(repo) {
    const paths = repo.files.filter((path2) => {
      if (VENDORED_OR_GENERATED.test(path2) || isTestPath(path2)) return false;
      return CONFIG_FILES.test(baseName(path2)) || scanKind(path2)?.kind === "code";
    });
    const found2 = await repo.perFiles(
      "response-headers",
      paths,
      (text3, index) => headerSettings(paths[index], text3)
    );
    return { settings: found2.flatMap((settings) => settings ?? []) };
  }
};
function headerSettings(path2, text3) {
  const lower = text3.toLowerCase();
  if (!SECURITY_HEADERS.some((header) => lower.includes(header))) return [];
  const lines = text3.split(/\r\n|\r|\n/);
  const found2 = [];
  lines.forEach((line, index) => {
    if (line.length > MAX_LINE || COMMENT3.test(line)) return;
    const match = NAME2.exec(line);
    if (!match) return;
    const rest = line.slice((match.index ?? 0) + match[0].length);
    if (!SETS.test(rest) && !/\b(?:add_header|header|set|setheader|headers?)\b/i.test(line.slice(0, match.index)))
      return;
    const next = lines[index + 1] ?? "";
    found2.push({
      header: match[1].toLowerCase(),
      path: path2,
      line: index + 1,
      excerpt: line.trim().slice(0, 120),
      after: `${rest} ${next.length <= MAX_LINE ? next : ""}`.slice(0, 400)
    });
  });
  return found2;
}

// src/core/rules/http/http-security-header-set.ts
var NAMES = [
  ["strict-transport-security", /\bstrict[- ]transport[- ]security\b|\bHSTS\b/i],
  ["content-security-policy", /\bcontent[- ]security[- ]policy\b|\bCSP\b/i],
  ["x-frame-options", /\bX-Frame-Options\b/i],
  ["x-content-type-options", /\bX-Content-Type-Options\b/i],
  ["x-xss-protection", /\bX-XSS-Protection\b/i],
  ["referrer-policy", /\breferrer[- ]policy\b/i],
  ["permissions-policy", /\bpermissions[- ]policy\b/i],
  ["cross-origin-opener-policy", /\bcross-origin-opener-policy\b|\bCOOP\b/],
  ["cross-origin-embedder-policy", /\bcross-origin-embedder-policy\b|\bCOEP\b/]
];
var VALUES = /\b(DENY|SAMEORIGIN|nosniff|preload|includeSubDomains|no-referrer|strict-origin-when-cross-origin|same-origin|strict-origin|1;\s*mode=block|require-corp|credentialless)\b/i;
var GENERAL = /\bsecurity headers?\b|\bsecure headers\b|\bhelmet\b|\btalisman\b/i;
var SERVER = /\bnginx\b|\bapache\b|\bcaddy\b|\biis\b|\btraefik\b/i;
var OPERATED = /\b(?:tested|verified|graded|scann\w*|report(?:s|ing|ed)? (?:to|endpoint)|monitor\w*|violations?)\b/i;
var httpSecurityHeaderSet = {
  id: "http.security-header-set",
  title: "A security header the item names is set by the code or the server configuration",
  why: "A checklist that claims X-Frame-Options: DENY or HSTS with preload while no code or server configuration sends it leaves the page framable or downgradable, and nobody looks again.",
  fix: "Set the header where responses are built (middleware, framework headers config, nginx `add_header`), or correct the checklist.",
  recognises: `Items naming one security header (HSTS/Strict-Transport-Security, CSP, X-Frame-Options, X-Content-Type-Options, X-XSS-Protection, Referrer-Policy, Permissions-Policy, COOP/COEP), with or without its value ("X-Frame-Options: DENY", "HSTS with preload"). General "security headers" and helmet claims are signals.security-headers'.`,
  needs: [responseHeadersCollector],
  match: headerClaims,
  evaluate(claim, ctx) {
    const all = ctx.get(responseHeadersCollector).settings.filter(
      (setting2) => setting2.header === claim.header && (!isNonProductionPath(setting2.path) || ctx.scope !== "" && inScope(setting2.path, ctx.scope))
    );
    const scoped = all.filter((setting2) => inScope(setting2.path, ctx.scope));
    const settings = scoped.length ? scoped : all;
    const name = display(claim.header);
    if (!settings.length)
      return {
        verdict: "unknown",
        message: `no code or server configuration in the repository sets ${name} by name; a library default, a proxy or a CDN may send it`,
        evidence: []
      };
    const value = claim.value;
    const holding = value ? settings.find((setting2) => carries(setting2, value)) : settings[0];
    if (holding)
      return {
        verdict: "pass",
        message: `${name}${value ? ` with ${value}` : ""} is set at ${holding.path}:${holding.line}: \`${holding.excerpt}\``,
        evidence: [{ path: holding.path, line: holding.line, excerpt: holding.excerpt }]
      };
    const first3 = settings[0];
    return {
      verdict: "unknown",
      message: `${name} is set at ${first3.path}:${first3.line}, but ${value} is not written beside it (\`${first3.excerpt}\`); the value may be built elsewhere`,
      evidence: settings.slice(0, 3).map((setting2) => ({ path: setting2.path, line: setting2.line, excerpt: setting2.excerpt }))
    };
  },
  examples: {
    match: [
      "X-Frame-Options: DENY",
      "HSTS headers with preload support",
      "Content Security Policy (CSP)",
      "Referrer Policy"
    ],
    noMatch: [
      "Security headers (CSP, HSTS) with helmet",
      "CSP violations reported to Sentry",
      "HSTS preload list submission verified",
      "Permissions for the deploy role reviewed"
    ],
    verdicts: [
      {
        files: {
          "src/app.ts": "import express from 'express';\nconst app = express();\napp.use((_req, res, next) => {\n  res.setHeader('X-Frame-Options', 'DENY');\n  next();\n});\n"
        },
        item: "X-Frame-Options: DENY",
        verdict: "pass"
      },
      {
        files: {
          "src/app.ts": "import express from 'express';\nconst app = express();\napp.use((_req, res, next) => {\n  res.setHeader('X-Frame-Options', 'SAMEORIGIN');\n  next();\n});\n"
        },
        item: "X-Frame-Options: DENY",
        verdict: "unknown"
      }
    ]
  }
};
function headerClaims(item) {
  const text3 = claimText(item);
  if (GENERAL.test(item.text) || OPERATED.test(text3) || SERVER.test(text3)) return [];
  const named = NAMES.filter(([, pattern]) => pattern.test(item.text));
  if (named.length !== 1) return [];
  const header = named[0][0];
  const value = VALUES.exec(item.text)?.[1]?.toLowerCase().replace(/\s+/g, "");
  return [{ header, ...value ? { value } : {} }];
}
function carries(setting2, value) {
  return setting2.after.toLowerCase().replace(/\s+/g, "").includes(value) || setting2.excerpt.toLowerCase().replace(/\s+/g, "").includes(value);
}
function display(header) {
  return header.replace(
    /(^|-)([a-z])/g,
    (_, dash, letter) => `${dash}${letter.toUpperCase()}`
  );
}

// src/core/rules/http/index.ts
var httpRules = [httpRouteServed, httpHealthEndpoint, httpSecurityHeaderSet];

// src/core/collectors/terraform.ts
var NOT_OURS = inFolders([".terraform", ".terragrunt-cache"]);
var terraformCollector = {
  id: "terraform",
  async collect(repo) {
    const paths = repo.files.filter(
      (path2) => /\.tf(?:vars)?$/.test(path2) && !VENDORED_OR_GENERATED.test(path2) && !NOT_OURS.test(path2)
    );
    const parsed = await repo.perFiles(
      "terraform",
      paths,
      (text3, index) => parseTerraform(paths[index], text3)
    );
    return { files: parsed.filter((file) => file !== null) };
  }
};
var MAX_LINES2 = 5e4;
function parseTerraform(path2, text3) {
  const file = { path: path2, blocks: [], attributes: [] };
  const stack = [];
  let heredoc = null;
  let depth2 = 0;
  const lines = text3.split(/\r\n|\r|\n/).slice(0, MAX_LINES2);
  lines.forEach((raw, index) => {
    if (heredoc) {
      if (raw.trim() === heredoc) heredoc = null;
      return;
    }
    const line = stripComment2(raw).trim();
    if (!line) return;
    if (depth2 > 0) {
      depth2 += balance(line);
      return;
    }
    if (line === "}" || line.startsWith("}")) {
      stack.pop();
      return;
    }
    const block = /^([A-Za-z_][\w-]*)((?:\s+"[^"]*"|\s+[A-Za-z_][\w-]*)*)\s*\{\s*(\}?)\s*$/.exec(line);
    if (block && !line.includes("=")) {
      const type = block[1];
      const labels = [...(block[2] ?? "").matchAll(/"([^"]*)"|([A-Za-z_][\w-]*)/g)].map(
        (m) => m[1] ?? m[2]
      );
      file.blocks.push({ type, labels, line: index + 1, within: [...stack] });
      if (!block[3]) stack.push(labels[0] ? `${type}.${labels[0]}` : type);
      return;
    }
    const attribute = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (!attribute) return;
    const key = attribute[1];
    const value = attribute[2].trim();
    const heredocStart = /^<<-?\s*([A-Z_]+)\s*$/.exec(value);
    if (heredocStart) heredoc = heredocStart[1];
    file.attributes.push({ key, value: unquote3(value), line: index + 1, within: [...stack] });
    if (value === "{") {
      stack.push(key);
      return;
    }
    const open = balance(value);
    if (open > 0) depth2 = open;
  });
  return file;
}
function balance(text3) {
  let depth2 = 0;
  let quote = false;
  for (const char2 of text3) {
    if (char2 === '"') quote = !quote;
    else if (!quote && (char2 === "[" || char2 === "(" || char2 === "{")) depth2++;
    else if (!quote && (char2 === "]" || char2 === ")" || char2 === "}")) depth2--;
  }
  return depth2;
}
function unquote3(value) {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  return quoted ? quoted[1] : value;
}
function stripComment2(line) {
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const char2 = line.charAt(i);
    if (char2 === '"' && line.charAt(i - 1) !== "\\") quote = !quote;
    else if (!quote && (char2 === "#" || char2 === "/" && line.charAt(i + 1) === "/"))
      return line.slice(0, i);
  }
  return line;
}

// src/core/rules/iac/iac-terraform-setting.ts
var TRUE = /^true$/i;
var FALSE = /^false$/i;
var SETTINGS = [
  {
    key: "remote-state",
    what: "a remote state backend",
    item: /\bremote (?:state|backend)\b|\bstate (?:is )?(?:stored )?(?:in|on) (?:s3|gcs|azure|terraform cloud)\b|\bterraform (?:backend|cloud)\b/i,
    holds: () => false,
    blocks: (type, labels) => type === "backend" && labels[0] !== "local" || type === "cloud"
  },
  {
    key: "deletion-protection",
    what: "deletion protection",
    item: /\bdeletion[- ]protection\b/i,
    holds: (a) => a.key === "deletion_protection" && TRUE.test(a.value),
    contradicts: (a) => a.key === "deletion_protection" && FALSE.test(a.value)
  },
  {
    key: "multi-az",
    what: "a Multi-AZ deployment",
    item: /\bmulti[- ]?az\b/i,
    holds: (a) => a.key === "multi_az" && TRUE.test(a.value),
    contradicts: (a) => a.key === "multi_az" && FALSE.test(a.value)
  },
  {
    key: "encryption-at-rest",
    what: "encryption at rest",
    item: /\bencrypt\w* at rest\b|\b(?:storage|disk|volume|bucket|database|rds|ebs|s3) encryption\b|\bencrypted (?:storage|volumes?|disks?|buckets?)\b/i,
    holds: (a) => (a.key === "storage_encrypted" || a.key === "encrypted") && TRUE.test(a.value) || a.key === "kms_key_id" || a.key === "sse_algorithm",
    contradicts: (a) => (a.key === "storage_encrypted" || a.key === "encrypted") && FALSE.test(a.value),
    blocks: (type) => type === "server_side_encryption_configuration"
  },
  {
    key: "versioning",
    what: "bucket versioning",
    item: /\b(?:bucket |s3 |object )?versioning\b/i,
    holds: (a) => a.key === "enabled" && TRUE.test(a.value) && a.within.some((block) => /versioning/.test(block)) || a.key === "status" && /^enabled$/i.test(a.value) && a.within.some((block) => /versioning/.test(block)),
    contradicts: (a) => a.within.some((block) => /versioning/.test(block)) && (a.key === "enabled" && FALSE.test(a.value) || a.key === "status" && /^(?:suspended|disabled)$/i.test(a.value))
  },
  {
    key: "backup-retention",
    what: "automated backups with a retention period",
    item: /\bbackup retention\b|\bautomated (?:db |database |rds )?backups?\b|\bpoint[- ]in[- ]time recovery\b/i,
    holds: (a) => a.key === "backup_retention_period" && /^[1-9]\d*$/.test(a.value) || a.key === "point_in_time_recovery_enabled" && TRUE.test(a.value),
    contradicts: (a) => a.key === "backup_retention_period" && a.value === "0"
  },
  {
    key: "public-access-block",
    what: "an S3 public access block",
    item: /\bpublic access block\b|\bblock (?:all )?public access\b/i,
    holds: (a) => (a.key === "block_public_acls" || a.key === "block_public_policy") && TRUE.test(a.value),
    contradicts: (a) => (a.key === "block_public_acls" || a.key === "block_public_policy") && FALSE.test(a.value),
    blocks: (type, labels) => type === "resource" && labels[0] === "aws_s3_bucket_public_access_block"
  }
];
var TERRAFORM_CONTEXT = /\bterraform\b|\bopentofu\b|\biac\b|\binfrastructure[- ]as[- ]code\b|\.tf(?:vars)?\b|\bhcl\b/i;
var ATTRIBUTE_SPAN = /^([a-z][a-z0-9_]*)\s*=\s*"?([^"\s]+)"?$/;
var VARIABLE_DEFAULT = /\bvariables?\s+`?"?([A-Za-z_][\w-]*)"?`?\s+(?:defaults?|has a default|default value)\s*(?:to|is|of|=|:)?\s*`?"?([^`"\s,;)]+)/i;
var OPERATED2 = /\bapplied\b|\bplan(?:ned)? (?:reviewed|approved)\b|\bdrift\b|\bimported\b|\bstate (?:is )?(?:clean|in sync)\b/i;
var iacTerraformSetting = {
  id: "iac.terraform-setting",
  title: "The Terraform configuration sets what the item claims",
  why: "A database claimed to be Multi-AZ or deletion-protected, or a state claimed to be remote, that the Terraform says otherwise is a failure waiting for the first outage or the first `terraform destroy`.",
  fix: "Set the attribute or block in the Terraform configuration (or the variable default), or correct the checklist.",
  recognises: "Items about Terraform (in the item, its parent or its section) that write an attribute (`deletion_protection = true`) or a variable default, or name a setting: remote state, deletion protection, Multi-AZ, encryption at rest, bucket versioning, automated backups with retention, an S3 public access block. Not applying, planning or drift.",
  needs: [terraformCollector],
  match: terraformClaims,
  evaluate(claim, ctx) {
    const all = ctx.get(terraformCollector).files.filter(
      (file) => !isNonProductionPath(file.path) || ctx.scope !== "" && inScope(file.path, ctx.scope)
    );
    const scoped = all.filter((file) => inScope(file.path, ctx.scope));
    const files = scoped.length ? scoped : all;
    if (!files.length)
      return {
        verdict: "unknown",
        message: "no Terraform files (*.tf) in the repository; the infrastructure may be defined elsewhere",
        evidence: []
      };
    if (claim.kind === "attribute") return judgeAttribute(claim.key, claim.value, files);
    if (claim.kind === "variable-default") return judgeVariable(claim.name, claim.value, files);
    return judgeSetting(SETTINGS.find((setting2) => setting2.key === claim.setting), files);
  },
  examples: {
    match: [
      "Terraform: `deletion_protection = true` on the database",
      "RDS Multi-AZ enabled (Terraform)",
      "Terraform remote state in S3 with locking",
      "Terraform variable `instance_type` defaults to t3.small"
    ],
    noMatch: [
      "Multi-AZ enabled",
      "Terraform plan reviewed and applied",
      "Terraform installed on the build agents",
      "Database encrypted at rest"
    ],
    verdicts: [
      {
        files: { "infra/rds.tf": 'resource "aws_db_instance" "main" {\n  multi_az = true\n}\n' },
        item: "RDS Multi-AZ enabled (Terraform)",
        verdict: "pass"
      },
      {
        files: { "infra/rds.tf": 'resource "aws_db_instance" "main" {\n  multi_az = false\n}\n' },
        item: "RDS Multi-AZ enabled (Terraform)",
        verdict: "fail"
      },
      {
        files: { "infra/rds.tf": 'module "db" {\n  source = "./modules/db"\n}\n' },
        item: "RDS Multi-AZ enabled (Terraform)",
        verdict: "unknown"
      }
    ]
  }
};
function terraformClaims(item) {
  const text3 = claimText(item);
  if (OPERATED2.test(text3)) return [];
  if (![text3, ...item.parents, ...item.section].some((context) => TERRAFORM_CONTEXT.test(context))) return [];
  const variable = VARIABLE_DEFAULT.exec(text3);
  if (variable)
    return [{ kind: "variable-default", name: variable[1], value: variable[2] }];
  const attributes2 = item.codeSpans.flatMap((span) => {
    const found2 = ATTRIBUTE_SPAN.exec(span.trim());
    const key = found2?.[1];
    return key?.includes("_") ? [{ kind: "attribute", key, value: found2?.[2] }] : [];
  });
  if (attributes2.length) return attributes2;
  return SETTINGS.filter((setting2) => setting2.item.test(text3)).map((setting2) => ({
    kind: "setting",
    setting: setting2.key
  }));
}
function pass(what, found2) {
  return {
    verdict: "pass",
    message: `${what}: \`${found2.excerpt}\` at ${found2.file.path}:${found2.line}`,
    evidence: [{ path: found2.file.path, line: found2.line, excerpt: found2.excerpt }]
  };
}
function refs(found2) {
  return found2.slice(0, 3).map((one) => ({ path: one.file.path, line: one.line, excerpt: one.excerpt }));
}
function attributesOf(files, keep) {
  return files.flatMap(
    (file) => file.attributes.filter(keep).map((a) => ({ file, line: a.line, excerpt: `${a.key} = ${a.value}`.slice(0, 120) }))
  );
}
function same(a, b) {
  return a.replace(/^"|"$/g, "").toLowerCase() === b.replace(/^"|"$/g, "").toLowerCase();
}
function judgeAttribute(key, value, files) {
  const set = attributesOf(files, (a) => a.key === key);
  const holding = set.find((one) => same(one.excerpt.slice(key.length + 3), value));
  if (holding) return pass(`${key} = ${value}`, holding);
  const literal = set.filter(
    (one) => /^(?:true|false|-?\d+|"[^"$]*"|[\w.-]+)$/.test(one.excerpt.slice(key.length + 3)) && !/^var\.|^local\./.test(one.excerpt.slice(key.length + 3))
  );
  if (set.length && literal.length === set.length)
    return {
      verdict: "fail",
      message: `${key} is set to something else: ${literal.map((one) => `\`${one.excerpt}\` at ${one.file.path}:${one.line}`).slice(0, 3).join(", ")}`,
      evidence: refs(literal)
    };
  return {
    verdict: "unknown",
    message: set.length ? `${key} is set from a variable or expression (${set[0]?.file.path}:${set[0]?.line}); its value is decided where Terraform runs` : `no ${key} attribute in ${files.length} Terraform file${files.length > 1 ? "s" : ""}; a module or provider default may set it`,
    evidence: refs(set)
  };
}
function judgeVariable(name, value, files) {
  for (const file of files) {
    const block = file.blocks.find((b) => b.type === "variable" && b.labels[0] === name);
    if (!block) continue;
    const defaults = file.attributes.find(
      (a) => a.key === "default" && a.within[a.within.length - 1] === `variable.${name}` && a.line > block.line
    );
    if (!defaults)
      return {
        verdict: "fail",
        message: `variable "${name}" at ${file.path}:${block.line} has no default: it must be given where Terraform runs`,
        evidence: [{ path: file.path, line: block.line }]
      };
    const found2 = { file, line: defaults.line, excerpt: `default = ${defaults.value}` };
    if (same(defaults.value, value)) return pass(`variable "${name}" defaults to ${value}`, found2);
    return {
      verdict: "fail",
      message: `variable "${name}" defaults to ${defaults.value}, not ${value} (${file.path}:${defaults.line})`,
      evidence: refs([found2])
    };
  }
  return {
    verdict: "unknown",
    message: `no variable "${name}" declared in the Terraform files`,
    evidence: []
  };
}
function judgeSetting(setting2, files) {
  const holding = attributesOf(files, setting2.holds);
  if (holding[0]) return pass(setting2.what, holding[0]);
  if (setting2.blocks) {
    for (const file of files) {
      const block = file.blocks.find((b) => setting2.blocks?.(b.type, b.labels));
      if (block)
        return pass(setting2.what, {
          file,
          line: block.line,
          excerpt: [block.type, ...block.labels.map((label) => `"${label}"`)].join(" ")
        });
    }
  }
  const against = setting2.contradicts ? attributesOf(files, setting2.contradicts) : [];
  if (against.length)
    return {
      verdict: "fail",
      message: `${setting2.what} is switched off: ${against.slice(0, 3).map((one) => `\`${one.excerpt}\` at ${one.file.path}:${one.line}`).join(", ")}`,
      evidence: refs(against)
    };
  return {
    verdict: "unknown",
    message: `no ${setting2.what} in ${files.length} Terraform file${files.length > 1 ? "s" : ""}; a module, a variable or the provider's default may set it`,
    evidence: files.slice(0, 3).map((file) => ({ path: file.path }))
  };
}

// src/core/rules/iac/index.ts
var iacRules = [iacTerraformSetting];

// src/core/rules/unticked.ts
function notDoneWhenUnticked(item, absent5) {
  if (item.checked || absent5.verdict !== "unknown") return absent5;
  return { ...absent5, verdict: "fail", message: `${absent5.message} (the item is not ticked either)` };
}

// src/core/rules/k8s/k8s-evidence.ts
var KUBERNETES_CONTEXT = /\b(kubernetes|k8s|kube|kubectl|helm|kustomi[sz]e|pods?|hpas?|horizontal ?pod ?autoscal\w*|ingress(es)?|cluster|statefulsets?|daemonsets?|cronjobs?|manifests?|podsecurity|pod ?security|network ?polic(y|ies)|pdbs?|pod ?disruption ?budgets?|eks|gke|aks|openshift)\b/i;
function itemText(item) {
  return claimText(item);
}
function inKubernetesContext(item) {
  return [claimText(item), ...item.parents, ...item.section].some(
    (text3) => KUBERNETES_CONTEXT.test(text3.replace(OTHER_CLUSTERS, ""))
  );
}
var OTHER_CLUSTERS = /\b(ecs|redis|database|db|kafka|elasticsearch|opensearch|mongo\w*|postgres\w*|mysql|aurora|rds|cassandra|nats)\s+clusters?\b/gi;
function selectManifests(ctx) {
  const evidence2 = ctx.get(kubernetesCollector);
  const production = (path2) => !isNonProductionPath(path2) || ctx.scope !== "" && inScope(path2, ctx.scope);
  const scoped = evidence2.manifestFiles.some((file) => inScope(file, ctx.scope) && production(file));
  if (ctx.scope === "" || scoped) {
    return {
      evidence: evidence2,
      includes: (at9) => inScope(at9.path, ctx.scope) && production(at9.path),
      certain: true,
      where: ctx.scope === "" ? "the repository" : `${ctx.scope}/`
    };
  }
  return {
    evidence: evidence2,
    includes: (at9) => production(at9.path),
    certain: false,
    where: `the repository (none under ${ctx.scope}/)`
  };
}
function hasManifests(selection) {
  return selection.evidence.objects.some((object) => selection.includes(object.at)) || selection.evidence.unparsable.some(
    (file) => file.kinds.length > 0 && selection.includes({ path: file.path, line: 1 })
  );
}
function noManifests(selection, what) {
  return {
    verdict: "unknown",
    message: `no Kubernetes manifests in ${selection.where} (looked for apiVersion/kind in ${selection.evidence.yamlFiles} YAML files), so ${what} cannot be checked here; the manifests that deploy it decide`,
    evidence: []
  };
}
function where2(at9) {
  return `${at9.path}:${at9.line}`;
}
function evidenceAt(at9, excerpt2) {
  const refs2 = [
    excerpt2 ? { path: at9.path, line: at9.line, excerpt: excerpt2 } : { path: at9.path, line: at9.line }
  ];
  if (at9.fromValues) refs2.push({ path: at9.fromValues.path, line: at9.fromValues.line });
  return refs2;
}
function dependsOnValues(at9) {
  return Boolean(at9.fromValues || at9.condition);
}
function listed2(names2, max = 4) {
  if (names2.length <= max) return names2.join(", ");
  return `${names2.slice(0, max).join(", ")} and ${names2.length - max} more`;
}
function summarise(judged, selection, noun, claim) {
  const settled = judged.map(
    (entry2) => entry2.outcome === "missing" && entry2.at.condition ? {
      ...entry2,
      outcome: "undecided",
      detail: `${entry2.detail ?? ""} (${entry2.at.condition})`.trim()
    } : entry2
  ).map(
    (entry2) => entry2.outcome === "missing" && entry2.patchedAt?.[0] ? {
      ...entry2,
      outcome: "undecided",
      detail: `${entry2.detail ?? ""}, unless the Kustomize patch at ${where2(entry2.patchedAt[0])} sets it`.replace(
        /^, /,
        ""
      )
    } : entry2
  );
  const missing2 = settled.filter((entry2) => entry2.outcome === "missing");
  const undecided2 = settled.filter((entry2) => entry2.outcome === "undecided");
  const describe7 = (entries) => listed2(
    entries.map(
      (entry2) => `${entry2.subject}${entry2.detail ? ` ${entry2.detail}` : ""} (${where2(entry2.at)})`
    )
  );
  const evidenceOf5 = (entries) => entries.slice(0, 5).flatMap((entry2) => evidenceAt(entry2.at));
  if (missing2.length) {
    const message = `${missing2.length} of ${judged.length} ${noun} without ${claim}: ${describe7(missing2)}`;
    if (selection.certain) return { verdict: "fail", message, evidence: evidenceOf5(missing2) };
    return {
      verdict: "unknown",
      message: `${message}; these manifests lie outside the checklist's folder, so they may belong to another service`,
      evidence: evidenceOf5(missing2)
    };
  }
  if (undecided2.length) {
    return {
      verdict: "unknown",
      message: `${claim} for ${undecided2.length} of ${judged.length} ${noun} depends on Helm values or template conditions: ${describe7(undecided2)}; the values used to deploy decide`,
      evidence: evidenceOf5(undecided2)
    };
  }
  return {
    verdict: "pass",
    message: `all ${judged.length} ${noun} set ${claim} (${listed2(
      judged.map((entry2) => where2(entry2.at)),
      3
    )})`,
    evidence: evidenceOf5(judged)
  };
}
function containersOf(selection, options) {
  return selection.evidence.workloads.filter(
    (workload) => selection.includes(workload.object.at) && (options.kinds?.(workload.object.kind) ?? true)
  ).flatMap(
    (workload) => workload.containers.filter((container2) => options.init || !container2.init).map((container2) => ({
      workload,
      container: container2,
      subject: `${workload.object.kind}/${workload.object.name} ${container2.init ? "init container" : "container"} ${container2.name}`
    }))
  );
}
function missingKind(selection, kind) {
  const files = selection.evidence.manifestFiles.filter(
    (file) => selection.includes({ path: file, line: 1 })
  );
  const message = `no ${kind} among ${files.length} Kubernetes manifest files in ${selection.where} (${listed2(files, 3)})`;
  if (!selection.certain) {
    return {
      verdict: "unknown",
      message: `${message}; another repository may hold this service's ${kind}`,
      evidence: []
    };
  }
  return { verdict: "fail", message, evidence: files.slice(0, 5).map((path2) => ({ path: path2 })) };
}
function withPatches(judged, workload) {
  return workload?.opaquePatches ? { ...judged, patchedAt: workload.opaquePatches } : judged;
}
function declaredKinds(selection) {
  const found2 = /* @__PURE__ */ new Map();
  const record2 = (kind, path2, line) => {
    if (!found2.has(kind)) found2.set(kind, { path: path2, line, excerpt: `kind: ${kind}` });
  };
  const { evidence: evidence2 } = selection;
  for (const object of evidence2.objects)
    if (selection.includes(object.at)) record2(object.kind, object.at.path, object.at.line);
  for (const chart of evidence2.charts)
    for (const kind of chart.templateKinds) record2(kind.kind, kind.at.path, kind.at.line);
  for (const file of evidence2.unparsable)
    for (const kind of file.kinds) record2(kind.kind, file.path, kind.line);
  return found2;
}

// src/core/collectors/chart-references.ts
var MARKDOWN = /\.(?:md|mdx|markdown|rst|adoc)$/i;
var CHECKLIST_NAME = /checklist|readiness|launch|todo|roadmap/i;
var EXTERNAL_CHART = /https?:\/\/\S*(?:charts?\b|artifacthub\.io\/packages\/helm)\S*|\bhelm\s+(?:install|upgrade(?:\s+--install)?)\s+(?:--?[\w-]+(?:[ =]\S+)?\s+)*[\w.-]+\s+(?!\.{0,2}\/)[\w.-]+\/[\w.-]+|\bhelm\s+repo\s+add\s+\S+\s+https?:\/\//i;
var MAX_DOCS = 60;
function chartReferencesIn(text3) {
  const lines = text3.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (EXTERNAL_CHART.test(line)) return { line: index + 1, excerpt: line.trim().slice(0, 160) };
  }
  return null;
}
var chartReferencesCollector = {
  id: "chart-references",
  async collect(repo) {
    const docs = repo.files.filter(
      (path2) => MARKDOWN.test(path2) && !VENDORED_OR_GENERATED.test(path2) && !CHECKLIST_NAME.test(path2.slice(path2.lastIndexOf("/") + 1))
    ).sort((a, b) => a.split("/").length - b.split("/").length).slice(0, MAX_DOCS);
    const found2 = await repo.perFiles("chart-references", docs, chartReferencesIn);
    const references = [];
    found2.forEach((reference, index) => {
      if (reference) references.push({ path: docs[index], ...reference });
    });
    return references;
  }
};

// src/core/rules/k8s/k8s-manifests-present.ts
var KIND_WORDS2 = [
  {
    word: /\bDeployments?\b/,
    kind: "Deployment",
    satisfiedBy: ["Deployment", "Rollout", "DeploymentConfig"]
  },
  { word: /\bStatefulSets?\b/, kind: "StatefulSet", satisfiedBy: ["StatefulSet"] },
  { word: /\bDaemonSets?\b/, kind: "DaemonSet", satisfiedBy: ["DaemonSet"] },
  { word: /\bCronJobs?\b/, kind: "CronJob", satisfiedBy: ["CronJob"] },
  { word: /\bServices\b|\bService(?=[,)])/, kind: "Service", satisfiedBy: ["Service"] },
  {
    word: /\bIngress(es)?\b/,
    kind: "Ingress",
    satisfiedBy: ["Ingress", "IngressRoute", "HTTPRoute", "Route"]
  },
  { word: /\bConfigMaps?\b/, kind: "ConfigMap", satisfiedBy: ["ConfigMap"] },
  {
    word: /\bSecrets\b|\bSecret(?=[,)])/,
    kind: "Secret",
    satisfiedBy: ["Secret", "SealedSecret", "ExternalSecret"]
  },
  {
    word: /\bHPAs?\b|\bHorizontalPodAutoscalers?\b/,
    kind: "HorizontalPodAutoscaler",
    satisfiedBy: ["HorizontalPodAutoscaler", "ScaledObject"]
  },
  {
    word: /\bPDBs?\b|\bPodDisruptionBudgets?\b/,
    kind: "PodDisruptionBudget",
    satisfiedBy: ["PodDisruptionBudget"]
  },
  {
    word: /\bNetworkPolic(y|ies)\b/,
    kind: "NetworkPolicy",
    satisfiedBy: ["NetworkPolicy", "CiliumNetworkPolicy"]
  },
  { word: /\bServiceAccounts?\b/, kind: "ServiceAccount", satisfiedBy: ["ServiceAccount"] },
  {
    word: /\bPVCs?\b|\bPersistentVolumeClaims?\b/,
    kind: "PersistentVolumeClaim",
    satisfiedBy: ["PersistentVolumeClaim"]
  }
];
var MANIFESTS = /\b(kubernetes|k8s)\b[^.;]*?\b(manifests?|ya?ml|resources|specs?|configs?|configuration|objects)\b|\b(kubernetes|k8s)\s*(部署)?(配置|清单|资源清单)/i;
var HELM_CHART = /\bhelm\s+charts?\b/i;
var HELM_TOPIC = /\bhelm\b[^.;]*\b(?:values?|rollbacks?|releases?|upgrades?|templates?|templating|lint(?:ed|ing)?)\b|\b(?:values?|rollbacks?)\b[^.;]*\bhelm\b/i;
var HELM_HEADING = /^[^\p{L}]*helm(?:\s+charts?)?[^\p{L}]*$/iu;
var CHART_WORDS = /\bcharts?\b|\bvalues\b|\bChart\.ya?ml\b|\bvalues\.ya?ml\b/i;
var NOT_HELM = /\b(?:no|not|without|instead of|vs|versus)\s+helm\b|^[^\p{L}]*(?:no|never|nothing|avoid|don'?t|do not)\b/iu;
var DEPLOYED = /\b(deploy(ed|s|able)?|runs?|running|hosted)\s+(on|to|in)\s+(the\s+)?(kubernetes|k8s)\b/i;
var OTHER_SENSE = /\b(exports?|stored|storage|secrets? (manager|store)|vault)\b/i;
var k8sManifestsPresent = {
  id: "k8s.manifests-present",
  title: "Kubernetes manifests exist, with the kinds the item lists",
  why: "A checklist that claims Deployments, Ingress or HPAs sends reviewers looking for manifests that must exist for the service to be deployed as described.",
  fix: "Commit the manifests (or Helm chart templates) for each kind the item lists, e.g. k8s/deployment.yaml, k8s/hpa.yaml, or untick the item.",
  recognises: 'Items about Kubernetes/k8s manifests, YAML or resources, Helm charts, or "deployed to Kubernetes"; kinds listed with capitals (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs) are each checked.',
  needs: [kubernetesCollector, chartReferencesCollector],
  match(item) {
    const text3 = itemText(item);
    const underHelm = [...item.section, ...item.parents].some((heading) => HELM_HEADING.test(heading));
    const helmDetail = !NOT_HELM.test(text3) && (HELM_TOPIC.test(text3) || underHelm && CHART_WORDS.test(item.text));
    const helm = HELM_CHART.test(text3) || helmDetail;
    const manifests = MANIFESTS.test(text3) && !OTHER_SENSE.test(text3);
    const deployment = !manifests && !helm && DEPLOYED.test(text3);
    const alone = kindsListedAlone(item);
    if (alone.length) return [{ kinds: alone, helm: false, deployment: false }];
    if (!manifests && !helm && !deployment) return [];
    const kinds = KIND_WORDS2.filter((entry2) => entry2.word.test(text3)).map((entry2) => entry2.kind);
    return [
      helmDetail && !HELM_CHART.test(text3) ? { kinds, helm, deployment, helmDetail } : { kinds, helm, deployment }
    ];
  },
  evaluate(claim, ctx) {
    const selection = selectManifests(ctx);
    const { evidence: evidence2 } = selection;
    if (claim.helm && !evidence2.charts.length) {
      const reference = ctx.get(chartReferencesCollector)[0];
      if (reference) {
        return {
          verdict: "unknown",
          message: `no Helm chart (Chart.yaml) in the repository, but ${reference.path}:${reference.line} points at one kept elsewhere`,
          evidence: [reference]
        };
      }
      if (!hasManifests(selection)) {
        return {
          verdict: "fail",
          message: `no Helm chart (Chart.yaml) and no Kubernetes manifests in ${selection.where} (none of ${evidence2.yamlFiles} YAML files has apiVersion and kind), and no document points at a chart kept elsewhere`,
          evidence: [{ path: ctx.scope ? `${ctx.scope}/Chart.yaml` : "Chart.yaml" }]
        };
      }
    }
    if (!hasManifests(selection) && !(claim.helm && evidence2.charts.length)) {
      if (claim.deployment) return noManifests(selection, "the deployment");
      const looked = ["k8s/", "kubernetes/", "deploy/", "manifests/", "charts/"].map(
        (dir) => ctx.scope ? `${ctx.scope}/${dir}` : dir
      );
      return {
        verdict: "fail",
        message: `no Kubernetes manifests in ${selection.where}: none of ${evidence2.yamlFiles} YAML files has apiVersion and kind, and there is no ${listed2(looked, 5)}`,
        evidence: looked.map((path2) => ({ path: path2 }))
      };
    }
    const found2 = declaredKinds(selection);
    const generators = evidence2.kustomizations.flatMap((kustomization) => kustomization.secretGenerators);
    if (generators[0] && !found2.has("Secret"))
      found2.set("Secret", {
        path: generators[0].at.path,
        line: generators[0].at.line,
        excerpt: "kind: Secret"
      });
    if (claim.helm && !evidence2.charts.length) {
      return {
        verdict: "fail",
        message: `no Helm chart (Chart.yaml) in the repository, though ${found2.size} Kubernetes kinds are committed as plain manifests`,
        evidence: [{ path: ctx.scope ? `${ctx.scope}/Chart.yaml` : "Chart.yaml" }]
      };
    }
    const missing2 = claim.kinds.filter((kind) => {
      const entry2 = KIND_WORDS2.find((candidate) => candidate.kind === kind);
      return !(entry2?.satisfiedBy ?? [kind]).some((satisfying) => found2.has(satisfying));
    });
    const shown2 = [...found2.values()].slice(0, 6);
    if (missing2.length) {
      const message = `no ${listed2(missing2, 8)} among the Kubernetes manifests in ${selection.where} (found ${listed2([...found2.keys()], 8)})`;
      return selection.certain ? { verdict: "fail", message, evidence: shown2 } : {
        verdict: "unknown",
        message: `${message}; the checklist's own folder has none, so another repository may hold them`,
        evidence: shown2
      };
    }
    const named = claim.kinds.length ? claim.kinds : [...found2.keys()];
    const details = named.map((kind) => {
      const entry2 = KIND_WORDS2.find((candidate) => candidate.kind === kind);
      const ref11 = (entry2?.satisfiedBy ?? [kind]).map((satisfying) => found2.get(satisfying)).find(Boolean);
      return ref11 ? `${kind} (${where2({ path: ref11.path, line: ref11.line ?? 1 })})` : kind;
    });
    const chart = claim.helm && evidence2.charts[0] ? `Helm chart ${evidence2.charts[0].dir}Chart.yaml; ` : "";
    if (claim.helmDetail && evidence2.charts[0]) {
      return {
        verdict: "unknown",
        message: `${chart}what the item claims about it (values, releases, rollbacks) is not something the chart's files show`,
        evidence: [{ path: `${evidence2.charts[0].dir}Chart.yaml` }]
      };
    }
    return { verdict: "pass", message: `${chart}found ${listed2(details, 8)}`, evidence: shown2 };
  },
  examples: {
    match: [
      "Kubernetes manifests (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs)",
      "K8s manifests in `k8s/`",
      "Helm chart for the API",
      "**Kubernetes**: deployment YAML and Service definitions",
      "Service deployed to Kubernetes",
      "Helm values reviewed for staging",
      "Helm rollback rehearsed",
      "K8s \u90E8\u7F72\u914D\u7F6E"
    ],
    noMatch: [
      "Secrets properly stored (Kubernetes Secrets, etc.)",
      "**Kubernetes Exports** - Cloud-native deployment packages",
      "Docker configuration (multi-stage builds)",
      "Deployment automation",
      "Health check endpoints",
      "No Helm: plain manifests applied with Kustomize",
      "Feature flag values reviewed",
      "No secrets stored in Helm values"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "K8s manifests in `k8s/`",
        verdict: "pass"
      },
      {
        files: { "docker-compose.yml": "services:\n  api:\n    build: .\n" },
        item: "K8s manifests in `k8s/`",
        verdict: "fail"
      },
      {
        files: { "docker-compose.yml": "services:\n  api:\n    build: .\n" },
        item: "Helm values reviewed for staging",
        verdict: "fail"
      },
      {
        // The chart lives in another repository, and the README says where.
        files: {
          "README.md": "# Shop\n\nDeploy with the [chart](https://github.com/acme/charts/tree/main/charts/shop).\n",
          "src/app.ts": "export {};\n"
        },
        item: "Helm chart",
        verdict: "unknown"
      },
      {
        // A chart exists, but a rehearsed rollback is not in its files.
        files: {
          "charts/shop/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n",
          "charts/shop/templates/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n"
        },
        item: "Helm rollback rehearsed",
        verdict: "unknown"
      }
    ]
  }
};
var KIND_NAMES = new Map([
  ...[
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "CronJob",
    "Service",
    "Ingress",
    "ConfigMap",
    "Secret"
  ].flatMap((kind) => [
    [kind, kind],
    [kind === "Ingress" ? "Ingresses" : `${kind}s`, kind]
  ]),
  ["HPA", "HorizontalPodAutoscaler"],
  ["HorizontalPodAutoscaler", "HorizontalPodAutoscaler"],
  ["PDB", "PodDisruptionBudget"],
  ["PodDisruptionBudget", "PodDisruptionBudget"],
  ["NetworkPolicy", "NetworkPolicy"],
  ["ServiceAccount", "ServiceAccount"],
  ["PVC", "PersistentVolumeClaim"],
  ["PersistentVolumeClaim", "PersistentVolumeClaim"]
]);
function kindsListedAlone(item) {
  const words = item.text.replace(/[*_`]/g, "").split(/\s*(?:[/,&+]|\band\b)\s*|\s+/).filter(Boolean);
  const kinds = words.map((word) => KIND_NAMES.get(word));
  if (!words.length || kinds.some((kind) => kind === void 0)) return [];
  const context = { ...item, text: "", details: [] };
  return inKubernetesContext(context) ? [...new Set(kinds)] : [];
}
function enumeratesManifestKinds(item) {
  return (k8sManifestsPresent.match(item)[0]?.kinds.length ?? 0) >= 2;
}

// src/core/rules/k8s/k8s-hpa.ts
var HPA = /\b(hpas?|horizontal ?pod ?autoscal\w*)\b/i;
var AUTOSCALING = /\bauto-?scal(ing|er|es|ed|e)\b/i;
var REPLICA_RANGE = /\b(\d+)\s*(?:–|—|-|to)\s*(\d+)\s*(?:pods|replicas|instances)\b/i;
var PERCENT_OF = (resource) => new RegExp(`(?<!\\d)(\\d+)\\s*%\\s*(?:average\\s+)?${resource}|${resource}[^.\\d%]{0,30}?(\\d+)\\s*%`, "i");
var CUSTOM_METRICS = /\b(?:custom|external|application|business|queue)[- ](?:metrics?|length|depth)\b/i;
var NOT_HPA = /\bcluster[- ]auto-?scal\w*|\bkarpenter\b|\b(tested|load[- ]test\w*)\b/i;
var DEFAULT_CPU = 80;
var k8sHpa = {
  id: "k8s.hpa",
  title: "A HorizontalPodAutoscaler exists with the replica range and targets the item states",
  why: 'Autoscaling claims ("2\u20134 replicas at 70% CPU") size capacity planning and cost; an HPA that is missing or scales differently breaks both under load.',
  fix: "Add a HorizontalPodAutoscaler (autoscaling/v2) for the workload with the stated minReplicas, maxReplicas and averageUtilization, or correct the numbers in the checklist.",
  recognises: 'HPA / Horizontal Pod Autoscaler, autoscaling in a Kubernetes context, or "N\u2013M replicas at P% CPU"; numbers for min, max, CPU and memory targets are compared.',
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    const range = REPLICA_RANGE.exec(text3);
    const cpu = PERCENT_OF("cpu").exec(text3);
    const about = HPA.test(text3) || AUTOSCALING.test(text3) && inKubernetesContext(item) || range !== null && cpu !== null;
    if (!about || NOT_HPA.test(text3) || enumeratesManifestKinds(item)) return [];
    const claim = {};
    const min = range?.[1] ?? /\bmin(?:imum)?(?:\s*replicas)?\s*(?:of|:|=)?\s*(\d+)/i.exec(text3)?.[1];
    const max = range?.[2] ?? /\bmax(?:imum)?(?:\s*replicas)?\s*(?:of|:|=)?\s*(\d+)/i.exec(text3)?.[1];
    const memory = PERCENT_OF("memory").exec(text3);
    if (min) claim.min = Number(min);
    if (max) claim.max = Number(max);
    if (cpu) claim.cpu = Number(cpu[1] ?? cpu[2]);
    if (memory) claim.memory = Number(memory[1] ?? memory[2]);
    if (CUSTOM_METRICS.test(text3)) claim.custom = true;
    return [claim];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, "autoscaling"));
    const { evidence: evidence2 } = selection;
    const hpas = evidence2.hpas.filter((hpa) => selection.includes(hpa.object.at));
    const scaledObjects = evidence2.objects.filter(
      (object) => object.kind === "ScaledObject" && selection.includes(object.at)
    );
    if (!hpas.length) {
      if (scaledObjects[0]) {
        return {
          verdict: Object.keys(claim).length ? "unknown" : "pass",
          message: `autoscaling by KEDA ScaledObject ${scaledObjects[0].name} (${where2(scaledObjects[0].at)}); its numbers are not compared`,
          evidence: evidenceAt(scaledObjects[0].at)
        };
      }
      return missingKind(selection, "HorizontalPodAutoscaler");
    }
    if (claim.custom) return customMetrics(hpas, selection.certain);
    const judged = hpas.map((hpa) => compare2(hpa, claim));
    const passing = judged.find((entry2) => entry2.verdict === "pass");
    if (passing) return passing;
    const failing = judged.filter((entry2) => entry2.verdict === "fail");
    if (failing.length === judged.length && selection.certain) {
      return {
        verdict: "fail",
        message: failing.map((entry2) => entry2.message).join("; "),
        evidence: failing.flatMap((entry2) => entry2.evidence)
      };
    }
    const undecided2 = judged.find((entry2) => entry2.verdict === "unknown") ?? judged[0];
    return { ...undecided2, verdict: "unknown" };
  },
  examples: {
    match: [
      "Auto-scaling configured (if K8s/cloud)",
      "HPA configured: 2\u20134 replicas at 70% CPU",
      "Horizontal Pod Autoscaler with min 3 replicas",
      "Scales between 2-10 pods at 75% CPU utilization",
      "HPA with custom metrics"
    ],
    noMatch: [
      "Horizontal scaling tested",
      "Cluster autoscaler enabled",
      "HPA tested under load",
      "Kubernetes manifests (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs)",
      "Auto-scaling policies defined for the ECS service",
      "Load balancer configured",
      "**Resource Management** - CPU and memory limits with auto-scaling considerations",
      "Horizontal scaling strategy (if needed)",
      "Scaling triggers identified"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n",
          "k8s/hpa.yaml": "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  minReplicas: 2\n  maxReplicas: 4\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: { type: Utilization, averageUtilization: 70 }\n"
        },
        item: "HPA configured: 2\u20134 replicas at 70% CPU",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "HPA configured: 2\u20134 replicas at 70% CPU",
        verdict: "fail"
      }
    ]
  }
};
function customMetrics(hpas, certain) {
  const custom = hpas.flatMap((hpa) => hpa.custom.map((metric2) => ({ hpa, metric: metric2 })));
  const first3 = custom[0];
  if (first3) {
    const names2 = [...new Set(custom.map((entry2) => entry2.metric.value ?? "templated"))];
    return {
      verdict: "unknown",
      message: `HorizontalPodAutoscaler/${first3.hpa.object.name} scales on custom metric${names2.length > 1 ? "s" : ""} ${names2.join(", ")} (${where2(first3.metric.at)}); whether the application or a metrics adapter exports ${names2.length > 1 ? "them" : "it"} is not visible in the manifests`,
      evidence: custom.slice(0, 3).flatMap((entry2) => evidenceAt(entry2.metric.at))
    };
  }
  return {
    verdict: certain ? "fail" : "unknown",
    message: `no HorizontalPodAutoscaler scales on a custom metric: ${hpas.map((hpa) => `${hpa.object.name} (${where2(hpa.object.at)})`).join(", ")} use${hpas.length > 1 ? "" : "s"} CPU or memory only`,
    evidence: hpas.slice(0, 3).flatMap((hpa) => evidenceAt(hpa.object.at))
  };
}
function compare2(hpa, claim) {
  const name = `HorizontalPodAutoscaler/${hpa.object.name}`;
  const mismatches = [];
  const undecided2 = [];
  const refs2 = [...evidenceAt(hpa.object.at)];
  const check = (label, wanted, found2, fallback) => {
    if (wanted === void 0) return;
    if (found2) refs2.push(...evidenceAt(found2.at));
    if (found2 && (found2.templated || found2.at.fromValues && found2.value !== wanted)) {
      undecided2.push(`${label} comes from Helm values (${where2(found2.at)})`);
      return;
    }
    const value = found2?.value ?? fallback;
    if (value === void 0) mismatches.push(`no ${label}`);
    else if (value !== wanted)
      mismatches.push(`${label} ${value}${found2 ? ` at ${where2(found2.at)}` : " by default"}, not ${wanted}`);
  };
  check("minReplicas", claim.min, hpa.minReplicas, 1);
  check("maxReplicas", claim.max, hpa.maxReplicas);
  check("CPU target %", claim.cpu, hpa.cpu, hpa.memory ? void 0 : DEFAULT_CPU);
  check("memory target %", claim.memory, hpa.memory);
  const condition = hpa.object.at.condition;
  if (mismatches.length)
    return {
      verdict: condition ? "unknown" : "fail",
      message: `${name} has ${mismatches.join(", ")}`,
      evidence: refs2
    };
  if (undecided2.length || condition) {
    return {
      verdict: "unknown",
      message: `${name} (${where2(hpa.object.at)}): ${[...undecided2, condition].filter(Boolean).join("; ")}; the values used to deploy decide`,
      evidence: refs2
    };
  }
  const numbers2 = [
    hpa.minReplicas?.value !== void 0 && `min ${hpa.minReplicas.value}`,
    hpa.maxReplicas?.value !== void 0 && `max ${hpa.maxReplicas.value}`,
    hpa.cpu?.value !== void 0 && `${hpa.cpu.value}% CPU`,
    hpa.memory?.value !== void 0 && `${hpa.memory.value}% memory`
  ].filter(Boolean);
  return {
    verdict: "pass",
    message: `${name} at ${where2(hpa.object.at)} scales ${numbers2.join(", ") || "its target"}`,
    evidence: refs2
  };
}

// src/core/rules/k8s/k8s-ingress-tls.ts
var INGRESS = /\bingress(es)?\b/i;
var TLS = /\b(tls|https|ssl|certificates?|certs?|cert-manager)\b/i;
var k8sIngressTls = {
  id: "k8s.ingress-tls",
  title: "Kubernetes Ingresses terminate TLS",
  why: "An Ingress without a tls section serves plain HTTP: credentials and session cookies cross the network in clear text.",
  fix: "Add spec.tls with the hosts and a secretName (e.g. issued by cert-manager) to every Ingress.",
  recognises: "Items naming an Ingress together with TLS, HTTPS, SSL or certificates.",
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    return INGRESS.test(text3) && TLS.test(text3) ? [true] : [];
  },
  evaluate(_claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, "Ingress TLS"));
    const ingresses = selection.evidence.ingresses.filter((ingress) => selection.includes(ingress.object.at));
    if (!ingresses.length) {
      const gateway = selection.evidence.objects.find(
        (object) => ["Gateway", "HTTPRoute", "IngressRoute", "Route"].includes(object.kind) && selection.includes(object.at)
      );
      return {
        verdict: "unknown",
        message: gateway ? `no Ingress; ${gateway.kind} ${gateway.name} (${where2(gateway.at)}) routes traffic and its TLS is not read` : `no Ingress in the Kubernetes manifests of ${selection.where}; TLS may terminate at a load balancer outside them`,
        evidence: gateway ? evidenceAt(gateway.at) : []
      };
    }
    const judged = ingresses.map((ingress) => {
      const subject = `Ingress/${ingress.object.name}`;
      const tls = ingress.tls;
      if (!tls) return { subject, outcome: "missing", at: ingress.object.at, detail: "has no spec.tls" };
      if (tls.templated) return { subject, outcome: "undecided", at: tls.at };
      if (!tls.value) {
        return {
          subject,
          outcome: tls.at.fromValues || tls.at.condition ? "undecided" : "missing",
          at: tls.at,
          detail: "has an empty tls list"
        };
      }
      return {
        subject,
        outcome: tls.at.condition || ingress.object.at.condition ? "undecided" : "ok",
        at: tls.at
      };
    });
    return summarise(judged, selection, "Ingresses", "TLS");
  },
  examples: {
    match: [
      "Ingress with TLS (cert-manager)",
      "HTTPS enforced on the Kubernetes ingress",
      "TLS certificates configured for all ingresses"
    ],
    noMatch: [
      "SSL/TLS configured",
      "HTTPS used for all external communications",
      "Ingress rate limiting",
      "SSL/TLS certificates valid and auto-renewing",
      "**Reverse Proxy** - Nginx with load balancing and SSL termination"
    ],
    verdicts: [
      {
        files: {
          "k8s/ingress.yaml": "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\nspec:\n  tls:\n    - hosts: [api.acme.example]\n      secretName: api-tls\n  rules:\n    - host: api.acme.example\n"
        },
        item: "HTTPS enforced on the Kubernetes ingress",
        verdict: "pass"
      },
      {
        files: {
          "k8s/ingress.yaml": "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\nspec:\n  rules:\n    - host: api.acme.example\n"
        },
        item: "HTTPS enforced on the Kubernetes ingress",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/k8s/k8s-network-policy.ts
var NETWORK_POLICY = /\bnetwork ?polic(y|ies)\b/i;
var DEFAULT_DENY = /\b(default[- ]deny|deny[- ]by[- ]default|deny[- ]all|zero[- ]trust)\b/i;
var OTHER_POLICY_KINDS = [
  "CiliumNetworkPolicy",
  "CiliumClusterwideNetworkPolicy",
  "GlobalNetworkPolicy",
  "AuthorizationPolicy"
];
var k8sNetworkPolicy = {
  id: "k8s.network-policy",
  title: "Kubernetes NetworkPolicies restrict pod traffic (default deny when claimed)",
  why: "Without NetworkPolicies every pod can reach every other pod, so one compromised pod reaches the database.",
  fix: "Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress], no ingress rules) and policies that allow only the traffic each workload needs.",
  recognises: 'Items naming network policies, or default-deny / deny-all traffic in a Kubernetes context; "Firewall rules configured" is not a NetworkPolicy claim.',
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    const defaultDeny = DEFAULT_DENY.test(text3);
    if (NETWORK_POLICY.test(text3) || defaultDeny && inKubernetesContext(item)) return [{ defaultDeny }];
    return [];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, "network policies"));
    const policies = selection.evidence.networkPolicies.filter(
      (policy) => selection.includes(policy.object.at)
    );
    if (!policies.length) {
      const other = selection.evidence.objects.find(
        (object) => OTHER_POLICY_KINDS.includes(object.kind) && selection.includes(object.at)
      );
      if (other) {
        return {
          verdict: "unknown",
          message: `no NetworkPolicy, but ${other.kind} ${other.name} (${where2(other.at)}) may restrict traffic; its rules are not read`,
          evidence: evidenceAt(other.at)
        };
      }
      return missingKind(selection, "NetworkPolicy");
    }
    const names2 = listed2(
      policies.map((policy) => `${policy.object.name} (${where2(policy.object.at)})`),
      3
    );
    if (!claim.defaultDeny) {
      return {
        verdict: policies.every((policy) => policy.object.at.condition) ? "unknown" : "pass",
        message: `${policies.length} NetworkPolic${policies.length > 1 ? "ies" : "y"}: ${names2}`,
        evidence: policies.slice(0, 5).flatMap((policy) => evidenceAt(policy.object.at))
      };
    }
    const denying = policies.filter(deniesByDefault);
    const unconditional = denying.find((policy) => !policy.object.at.condition);
    if (unconditional) {
      return {
        verdict: "pass",
        message: `NetworkPolicy ${unconditional.object.name} denies ${denied(unconditional)} traffic by default (${where2(unconditional.object.at)})`,
        evidence: evidenceAt(unconditional.object.at)
      };
    }
    if (denying[0]) {
      return {
        verdict: "unknown",
        message: `default-deny NetworkPolicy ${denying[0].object.name} (${where2(denying[0].object.at)}) is ${denying[0].object.at.condition}`,
        evidence: evidenceAt(denying[0].object.at)
      };
    }
    return {
      verdict: selection.certain ? "fail" : "unknown",
      message: `none of ${policies.length} NetworkPolicies denies by default (podSelector: {} with no ingress or egress rules): ${names2}`,
      evidence: policies.slice(0, 5).flatMap((policy) => evidenceAt(policy.object.at))
    };
  },
  examples: {
    match: [
      "Network policies configured",
      "Kubernetes: default deny NetworkPolicy in every namespace",
      "NetworkPolicy restricts pod-to-pod traffic"
    ],
    noMatch: [
      "Firewall rules configured",
      "Internal service communications secured",
      "Only required ports exposed",
      "Network access restricted"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n",
          "k8s/netpol.yaml": "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n"
        },
        item: "Network policies configured",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Network policies configured",
        verdict: "fail"
      }
    ]
  }
};
function deniesByDefault(policy) {
  return policy.selectsAllPods && denied(policy) !== "";
}
function denied(policy) {
  const types = policy.policyTypes.length ? policy.policyTypes : ["Ingress"];
  const ingress = types.includes("Ingress") && !policy.ingressRules;
  const egress = types.includes("Egress") && !policy.egressRules;
  return [ingress && "ingress", egress && "egress"].filter(Boolean).join(" and ");
}

// src/core/rules/k8s/k8s-no-plaintext-secrets.ts
var SECRETS_CLAIM = /\b(no|without|never)\b[^.]*\b(plain-?text|hard-?coded|committed|literal)\b[^.]*\bsecrets?\b|\bsecrets?\b[^.]*\b(not|never)\s+(committed|in (git|the repo(sitory)?|manifests|plain-?text))|\b(sealed|external|encrypted)[- ]?secrets?\b|\bsops\b|\bsecrets?\s+(properly\s+)?(stored|managed)\b/i;
var k8sNoPlaintextSecrets = {
  id: "k8s.no-plaintext-secrets",
  title: "No Kubernetes Secret manifest commits secret values",
  why: "A Secret manifest in git with data or stringData publishes the credential to everyone who can read the repository, forever (base64 is not encryption).",
  fix: "Remove the values from the committed Secret (and rotate them); use SealedSecrets, External Secrets, SOPS or a secret injected at deploy time instead.",
  recognises: "Claims that secrets are not committed in plain text, or are stored via Kubernetes/Sealed/External Secrets, in a Kubernetes context.",
  needs: [kubernetesCollector],
  match(item) {
    return SECRETS_CLAIM.test(itemText(item)) && inKubernetesContext(item) ? [true] : [];
  },
  evaluate(_claim, ctx) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return noManifests(selection, "how Kubernetes secrets are stored");
    const { evidence: evidence2 } = selection;
    const secrets = evidence2.secrets.filter((secret) => selection.includes(secret.object.at));
    const literal = secrets.flatMap(
      (secret) => secret.entries.filter((entry2) => entry2.kind === "literal").map((entry2) => ({ name: `Secret/${secret.object.name} ${entry2.field}.${entry2.key}`, at: entry2.at }))
    );
    const generated = evidence2.kustomizations.flatMap((kustomization) => kustomization.secretGenerators).filter((generator) => generator.literals > 0 && selection.includes(generator.at)).map((generator) => ({
      name: `secretGenerator ${generator.name} (${generator.literals} literals)`,
      at: generator.at
    }));
    const found2 = [...literal, ...generated];
    if (found2.length) {
      const refs2 = found2.slice(0, 5).flatMap((entry2) => evidenceAt(entry2.at));
      return {
        verdict: "fail",
        message: `${found2.length} secret value${found2.length > 1 ? "s" : ""} committed in plain text: ${listed2(found2.map((entry2) => `${entry2.name} (${where2(entry2.at)})`))}`,
        evidence: refs2
      };
    }
    const placeholders = secrets.filter((secret) => secret.entries.length).length;
    return {
      verdict: "pass",
      message: `no literal values in ${secrets.length} Secret manifest${secrets.length === 1 ? "" : "s"} among ${evidence2.manifestFiles.length} manifest files${placeholders ? " (only placeholders or templated values)" : ""}`,
      evidence: secrets.slice(0, 5).map((secret) => ({ path: secret.object.at.path, line: secret.object.at.line }))
    };
  },
  examples: {
    match: [
      "Secrets properly stored (Kubernetes Secrets, etc.)",
      "No plaintext secrets in Kubernetes manifests",
      "K8s secrets managed with Sealed Secrets"
    ],
    noMatch: [
      "No secrets in code or config files",
      "Environment variables stored securely (not in code)",
      "API keys rotated regularly",
      "Secrets stored securely (not in code)",
      "JWT secret changed from default"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "No plaintext secrets in Kubernetes manifests",
        verdict: "pass"
      },
      {
        files: {
          "k8s/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  DATABASE_PASSWORD: hunter2-prod-Xq9\n"
        },
        item: "No plaintext secrets in Kubernetes manifests",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/k8s/k8s-pdb.ts
var PDB = /\b(pdbs?|pod ?disruption ?budgets?)\b/i;
var k8sPdb = {
  id: "k8s.pdb",
  title: "A PodDisruptionBudget protects the workloads",
  why: "Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once.",
  fix: "Add a PodDisruptionBudget (policy/v1) selecting the workload, with minAvailable: 1 or maxUnavailable: 1.",
  recognises: "Items naming a PodDisruptionBudget or PDB.",
  needs: [kubernetesCollector],
  match: (item) => PDB.test(itemText(item)) && !enumeratesManifestKinds(item) ? [true] : [],
  evaluate(_claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, "a PodDisruptionBudget"));
    const pdbs = selection.evidence.pdbs.filter((pdb) => selection.includes(pdb.object.at));
    if (!pdbs.length) return missingKind(selection, "PodDisruptionBudget");
    const described = pdbs.map((pdb) => {
      const budget = pdb.minAvailable ? `minAvailable ${pdb.minAvailable.value ?? "templated"}` : pdb.maxUnavailable ? `maxUnavailable ${pdb.maxUnavailable.value ?? "templated"}` : "no budget";
      return `${pdb.object.name} (${budget}, ${where2(pdb.object.at)})`;
    });
    const active = pdbs.filter((pdb) => !pdb.object.at.condition);
    if (!active.length) {
      return {
        verdict: "unknown",
        message: `PodDisruptionBudget ${described.join(", ")} ${pdbs[0]?.object.at.condition}`,
        evidence: pdbs.flatMap((pdb) => evidenceAt(pdb.object.at))
      };
    }
    return {
      verdict: "pass",
      message: `${pdbs.length} PodDisruptionBudget${pdbs.length > 1 ? "s" : ""}: ${listed2(described, 3)}`,
      evidence: active.slice(0, 5).flatMap((pdb) => evidenceAt(pdb.object.at))
    };
  },
  examples: {
    match: ["Pod disruption budgets configured", "PDB with minAvailable: 1 for the API"],
    noMatch: [
      "Kubernetes manifests (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs)",
      "Disaster recovery plan",
      "Error budget defined",
      "Rolling deployments with zero downtime"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n",
          "k8s/pdb.yaml": "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: api }\n"
        },
        item: "Pod disruption budgets configured",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Pod disruption budgets configured",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/k8s/k8s-pod-security-labels.ts
var POD_SECURITY = /\bpod ?security ?(admission|standards?|labels?|levels?|profiles?)\b|\bPSA\b|\bPSS\b|pod-security\.kubernetes\.io/i;
var STRICTNESS = { privileged: 0, baseline: 1, restricted: 2 };
var k8sPodSecurityLabels = {
  id: "k8s.pod-security-labels",
  title: "Namespaces enforce a Pod Security Standard",
  why: "Pod Security Admission only rejects privileged or root pods in namespaces labelled to enforce a profile; unlabelled namespaces accept anything.",
  fix: "Label each Namespace manifest with pod-security.kubernetes.io/enforce: restricted (or baseline).",
  recognises: 'Items about Pod Security Admission/Standards, PSA/PSS, or pod-security.kubernetes.io labels; "restricted" or "baseline" sets the level.',
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    if (!POD_SECURITY.test(text3)) return [];
    if (/\brestricted\b/i.test(text3)) return [{ level: "restricted" }];
    if (/\bbaseline\b/i.test(text3)) return [{ level: "baseline" }];
    return [{}];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, "Pod Security labels"));
    const namespaces = selection.evidence.namespaces.filter(
      (namespace) => selection.includes(namespace.object.at)
    );
    if (!namespaces.length) {
      return {
        verdict: "unknown",
        message: `no Namespace manifest in ${selection.where}: namespaces are created elsewhere, where their labels decide`,
        evidence: []
      };
    }
    const wanted = STRICTNESS[claim.level ?? "baseline"] ?? 1;
    const judged = namespaces.map((namespace) => {
      const subject = `Namespace/${namespace.object.name}`;
      const enforce = namespace.podSecurity.enforce;
      if (!enforce)
        return {
          subject,
          outcome: "missing",
          at: namespace.object.at,
          detail: "has no pod-security.kubernetes.io/enforce label"
        };
      if (enforce.templated) return { subject, outcome: "undecided", at: enforce.at };
      const level = STRICTNESS[enforce.value ?? ""];
      if (level === void 0 || level < wanted) {
        return { subject, outcome: "missing", at: enforce.at, detail: `enforces ${enforce.value}` };
      }
      return { subject, outcome: enforce.at.condition ? "undecided" : "ok", at: enforce.at };
    });
    const finding = summarise(
      judged,
      selection,
      "namespaces",
      `pod-security enforce ${claim.level ?? "baseline or stricter"}`
    );
    return finding.evidence.length ? finding : { ...finding, evidence: namespaces.flatMap((ns) => evidenceAt(ns.object.at)) };
  },
  examples: {
    match: [
      "Pod Security Standards enforced (restricted)",
      "Namespaces labelled with pod-security.kubernetes.io/enforce",
      "PSA baseline profile on every namespace"
    ],
    noMatch: ["Security audit", "Container runs as non-root user", "Namespace naming conventions documented"],
    verdicts: [
      {
        files: {
          "k8s/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n"
        },
        item: "Namespaces labelled with pod-security.kubernetes.io/enforce",
        verdict: "pass"
      },
      {
        files: { "k8s/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n" },
        item: "Namespaces labelled with pod-security.kubernetes.io/enforce",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/k8s/k8s-probes.ts
var NAMED_PROBE = /\b(liveness|readiness|startup)\b[\w\s/&,-]{0,40}?\bprobes?\b|\b(liveness|readiness|startup)Probe\b/i;
var ANY_PROBE = /\b(health\s*)?probes?\b/i;
var LONG_RUNNING = (kind) => kind !== "Job" && kind !== "CronJob";
var k8sProbes = {
  id: "k8s.probes",
  title: "Kubernetes containers define liveness and readiness probes",
  why: "Without a readiness probe pods get traffic before they can serve it; without a liveness probe a hung process is never restarted.",
  fix: "Add livenessProbe and readinessProbe (httpGet on the health route, or tcpSocket/exec) to every long-running container.",
  recognises: 'Items naming liveness, readiness or startup probes, or "probes" in a Kubernetes context; "health check endpoints" alone is not a probe claim.',
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    const named = NAMED_PROBE.test(text3);
    if (!named && !(ANY_PROBE.test(text3) && inKubernetesContext(item))) return [];
    const probes = [];
    if (/\bliveness/i.test(text3)) probes.push("livenessProbe");
    if (/\breadiness/i.test(text3)) probes.push("readinessProbe");
    if (/\bstartup/i.test(text3)) probes.push("startupProbe");
    return [
      {
        probes: probes.length ? probes : ["livenessProbe", "readinessProbe"],
        everyContainer: /\b(all|every|each)\b/i.test(text3)
      }
    ];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, "probes"));
    const entries = containersOf(selection, { init: false, kinds: LONG_RUNNING });
    const names2 = claim.probes.map((probe) => probe.replace("Probe", "")).join(" and ");
    if (!entries.length) {
      return {
        verdict: "unknown",
        message: `no long-running containers in the Kubernetes manifests of ${selection.where}, so ${names2} probes cannot be checked`,
        evidence: []
      };
    }
    const judged = entries.flatMap(
      (entry2) => claim.probes.map((probe) => withPatches(judgeProbe(entry2, probe), entry2.workload))
    );
    const finding = summarise(judged, selection, "container probes", `${names2} probes`);
    const covered2 = entries.filter(
      (entry2) => claim.probes.every((probe) => entry2.container.probes[probe]?.value === "set")
    );
    if (finding.verdict !== "fail" || claim.everyContainer || !covered2.length) return finding;
    return {
      ...finding,
      verdict: "unknown",
      message: `${listed2(covered2.map((entry2) => entry2.subject))} define ${names2} probes, but ${finding.message.replace(/^\d+ of \d+ container probes without [^:]+: /, "")}; the item does not say it means every container`
    };
  },
  examples: {
    match: [
      "Liveness and readiness probes configured",
      "Kubernetes health probes on all deployments",
      "readinessProbe and livenessProbe set in the Helm chart",
      "Startup probe for slow-booting pods"
    ],
    noMatch: [
      "Health check endpoints",
      "Liveness and readiness endpoints (/healthz, /ready)",
      "Docker HEALTHCHECK",
      "Health checks configured",
      "Service responding to health checks"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          livenessProbe:\n            httpGet: { path: /healthz, port: 8080 }\n          readinessProbe:\n            httpGet: { path: /ready, port: 8080 }\n"
        },
        item: "Liveness and readiness probes configured",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Liveness and readiness probes configured",
        verdict: "fail"
      }
    ]
  }
};
function judgeProbe({ container: container2, subject }, probe) {
  const found2 = container2.probes[probe];
  if (!found2) return { subject, outcome: "missing", at: container2.at, detail: `has no ${probe}` };
  if (found2.templated) return { subject, outcome: "undecided", at: found2.at, detail: probe };
  if (found2.value === "empty") {
    const outcome = dependsOnValues(found2.at) ? "undecided" : "missing";
    return { subject, outcome, at: found2.at, detail: `has an empty ${probe}` };
  }
  return { subject, outcome: found2.at.condition ? "undecided" : "ok", at: found2.at, detail: probe };
}

// src/core/rules/k8s/k8s-replicas.ts
var REPLICAS = /\breplicas?\b|\b(multiple|several|\d+)\s*\+?\s*pods\b/i;
var DATABASE = /\bread[- ]replicas?\b|\b(database|db|postgres\w*|mysql|redis|mongo\w*|replica ?set)\b/i;
var SCALED_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "Rollout", "DeploymentConfig", "ReplicaSet"]);
var WORDS = { two: 2, three: 3, four: 4, five: 5 };
var k8sReplicas = {
  id: "k8s.replicas",
  title: "Kubernetes workloads run at least the stated number of replicas",
  why: 'A single replica means every deploy, node drain or crash is an outage; "runs 3 replicas" is a claim about availability.',
  fix: "Set spec.replicas (or the HPA minReplicas) of each Deployment/StatefulSet to at least the number the item states.",
  recognises: 'Replica counts in a Kubernetes context ("at least 2 replicas", "3 pods", "multiple replicas for HA"), but not database read replicas and not autoscaling ranges (k8s.hpa).',
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    if (!REPLICAS.test(text3) || DATABASE.test(text3) || !inKubernetesContext(item)) return [];
    if (k8sHpa.match(item).length) return [];
    const number = /(?:at least|min(?:imum)?(?: of)?|>=|≥)\s*(\d+|two|three|four|five)\b/i.exec(text3)?.[1] ?? /\b(\d+|two|three|four|five)\s*\+?\s*(?:replicas|pods)\b/i.exec(text3)?.[1] ?? /\breplicas?\s*(?::|=|of)\s*(\d+)/i.exec(text3)?.[1];
    const above = /(?:more than|>)\s*(\d+)\s*(?:replicas?|pods?)?/i.exec(text3)?.[1];
    if (above) return [{ min: Number(above) + 1 }];
    if (number) return [{ min: WORDS[number.toLowerCase()] ?? Number(number) }];
    if (/\b(multiple|several|redundant|\bHA\b|high availability|highly available)\b/i.test(text3))
      return [{ min: 2 }];
    return [];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, "the replica count"));
    const { evidence: evidence2 } = selection;
    const workloads = evidence2.workloads.filter(
      (workload) => SCALED_KINDS.has(workload.object.kind) && selection.includes(workload.object.at)
    );
    if (!workloads.length) {
      return {
        verdict: "unknown",
        message: `no Deployment or StatefulSet in the Kubernetes manifests of ${selection.where}, so replicas cannot be counted`,
        evidence: []
      };
    }
    const judged = workloads.map((workload) => {
      const subject = `${workload.object.kind}/${workload.object.name}`;
      const hpa = evidence2.hpas.find(
        (candidate) => candidate.target?.kind === workload.object.kind && candidate.target.name === workload.object.name && !candidate.object.at.condition
      );
      const setting2 = hpa?.minReplicas ?? workload.replicas;
      const source = hpa?.minReplicas ? "HPA minReplicas" : "replicas";
      if (!setting2) {
        if (hpa)
          return {
            subject,
            outcome: "missing",
            at: hpa.object.at,
            detail: "has an HPA without minReplicas (defaults to 1)"
          };
        return {
          subject,
          outcome: "missing",
          at: workload.object.at,
          detail: "sets no replicas (defaults to 1)"
        };
      }
      if (setting2.templated)
        return { subject, outcome: "undecided", at: setting2.at, detail: `${source} is templated` };
      const value = setting2.value ?? 0;
      if (value >= claim.min)
        return { subject, outcome: setting2.at.condition ? "undecided" : "ok", at: setting2.at };
      const outcome = setting2.at.fromValues || setting2.at.condition ? "undecided" : "missing";
      return { subject, outcome, at: setting2.at, detail: `runs ${value} (${source})` };
    });
    return summarise(
      judged.map((entry2, index) => withPatches(entry2, workloads[index])),
      selection,
      "workloads",
      `at least ${claim.min} replicas`
    );
  },
  examples: {
    match: [
      "Kubernetes deployment runs at least 2 replicas",
      "Multiple pod replicas for high availability",
      "API runs 3 replicas in k8s",
      "Replicas > 1 for every Deployment in the Helm chart"
    ],
    noMatch: [
      "Replication configured (if HA)",
      "Database read replicas configured",
      "HPA configured: 2\u20134 replicas at 70% CPU",
      "Horizontal scaling tested",
      "Zero-downtime deployment tested"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Kubernetes deployment runs at least 2 replicas",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Kubernetes deployment runs at least 2 replicas",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/k8s/k8s-resource-limits.ts
var RESOURCES = /\b(resource|cpu|memory|mem)(\s*(\/|and|&)\s*(cpu|memory|mem))?\s*(requests?|limits?|quotas?)\b|\brequests?\s*(and|&|\/)\s*limits?\b|\blimits?\s*(and|&|\/)\s*requests?\b/i;
var k8sResourceLimits = {
  id: "k8s.resource-limits",
  title: "Every Kubernetes container sets resource requests and limits",
  why: "Without requests the scheduler packs pods blindly; without limits one leaking container can starve or OOM-kill its neighbours.",
  fix: "Set resources.requests and resources.limits (cpu, memory) on every container, e.g. requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}; or a LimitRange with defaults in the namespace.",
  recognises: "Items about resource/CPU/memory requests or limits in a Kubernetes context (the item, its parents or its section mention Kubernetes, k8s, pods, Helm...).",
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    const perContainer = text3.replace(/\bresource ?quotas?\b|\blimit ?ranges?\b/gi, "");
    if (!RESOURCES.test(perContainer) || !inKubernetesContext(item)) return [];
    const resources2 = [];
    if (/\bcpu\b/i.test(text3)) resources2.push("cpu");
    if (/\bmem(ory)?\b/i.test(text3)) resources2.push("memory");
    const requests = /\brequests?\b/i.test(text3);
    const limits = /\b(limits?|quotas?)\b/i.test(text3);
    return [{ requests, limits: limits || !requests, resources: resources2 }];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, "container resources"));
    const entries = containersOf(selection, { init: true });
    const claimName = [claim.requests && "requests", claim.limits && "limits"].filter(Boolean).join(" and ");
    const scopedLimitRanges = selection.evidence.limitRanges.filter(
      (range) => selection.includes(range.object.at)
    );
    if (!entries.length) {
      return {
        verdict: "unknown",
        message: `no containers in the Kubernetes manifests of ${selection.where}, so resource ${claimName} cannot be checked`,
        evidence: []
      };
    }
    const judged = entries.map(({ container: container2, subject }) => {
      const resources2 = container2.resources;
      const at9 = resources2?.at ?? container2.at;
      if (resources2?.templated) return { subject, outcome: "undecided", at: at9 };
      const gaps = [];
      for (const field of ["requests", "limits"]) {
        if (!claim[field]) continue;
        const fromRange = scopedLimitRanges.flatMap(
          (range) => field === "limits" ? range.defaultLimits : range.defaultRequests
        );
        const present = [...resources2?.[field] ?? [], ...fromRange];
        const wanted = claim.resources.length ? claim.resources : [];
        const absent5 = wanted.length ? wanted.filter((name) => !present.includes(name)) : present.length ? [] : ["any"];
        for (const name of absent5)
          gaps.push(name === "any" ? `no ${field}` : `no ${name} ${field.replace(/s$/, "")}`);
      }
      if (gaps.length) {
        return {
          subject,
          outcome: resources2 && dependsOnValues(resources2.at) ? "undecided" : "missing",
          at: at9,
          detail: gaps.join(", ")
        };
      }
      return { subject, outcome: resources2?.at.condition ? "undecided" : "ok", at: at9 };
    });
    return summarise(
      judged.map((entry2, index) => withPatches(entry2, entries[index]?.workload)),
      selection,
      "containers",
      `resource ${claimName}`
    );
  },
  examples: {
    match: [
      "Resource limits set on all Kubernetes deployments",
      "K8s: CPU/memory requests and limits on every container",
      "Pods have resource requests and limits",
      "Helm chart sets memory limits"
    ],
    noMatch: [
      "Resource limits set",
      "Rate limiting configured",
      "Docker Compose memory limits",
      "Connection pool limits configured",
      "**Resource Management** - CPU and memory limits with auto-scaling considerations",
      "Resource limits configured (memory, CPU)",
      "ResourceQuota per namespace in Kubernetes"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { cpu: 500m, memory: 256Mi }\n"
        },
        item: "Pods have resource requests and limits",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Pods have resource requests and limits",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/k8s/k8s-resource-quota.ts
var QUOTA = /\bresource ?quotas?\b|\bnamespace (?:resource )?quotas?\b/i;
var LIMIT_RANGE = /\blimit ?ranges?\b/i;
var k8sResourceQuota = {
  id: "k8s.resource-quota",
  title: "The manifests declare the ResourceQuota or LimitRange the item names",
  why: "A namespace without a ResourceQuota lets one team or runaway deployment take the whole cluster; a LimitRange gives containers that forget their limits a default.",
  fix: "Add a ResourceQuota (and, for defaults, a LimitRange) to the namespace the workloads run in.",
  recognises: "Items naming a ResourceQuota, namespace quotas or a LimitRange.",
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    if (enumeratesManifestKinds(item)) return [];
    const kinds = [];
    if (QUOTA.test(text3)) kinds.push("ResourceQuota");
    if (LIMIT_RANGE.test(text3)) kinds.push("LimitRange");
    return kinds;
  },
  evaluate(kind, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, `a ${kind}`));
    const declared2 = declaredKinds(selection).get(kind);
    if (!declared2) return missingKind(selection, kind);
    return {
      verdict: "pass",
      message: `${kind} declared at ${declared2.path}:${declared2.line}`,
      evidence: [declared2]
    };
  },
  examples: {
    match: ["ResourceQuota", "Namespace resource quotas in place", "LimitRange with default limits"],
    noMatch: [
      "Resource limits set on all Kubernetes deployments",
      "Kubernetes manifests (Deployments, Services, ResourceQuota, LimitRange)",
      "API quotas agreed with the vendor"
    ],
    verdicts: [
      {
        files: {
          "k8s/quota.yaml": 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: team\nspec:\n  hard:\n    pods: "10"\n'
        },
        item: "Namespace resource quotas in place",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "ResourceQuota",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/k8s/k8s-security-context.ts
var CLAIMS2 = [
  {
    claim: "non-root",
    pattern: /\bnon-?root\b|\brunAsNonRoot\b|\bnot (run(ning)? )?as root\b|\brootless\b/i,
    label: "non-root user"
  },
  {
    claim: "read-only-root",
    pattern: /\bread-?only (root )?(file ?system|fs)\b|\breadOnlyRootFilesystem\b/i,
    label: "read-only root filesystem"
  },
  {
    claim: "drop-capabilities",
    pattern: /\bdrop(ped|s|ping)? (all )?(linux )?capabilit|\bcapabilities (are )?dropped\b/i,
    label: "capabilities drop ALL"
  },
  {
    claim: "no-privilege-escalation",
    pattern: /\bprivilege escalation\b|\ballowPrivilegeEscalation\b/i,
    label: "allowPrivilegeEscalation: false"
  }
];
var SETTING_NAMES = /\bsecurity ?context\b|\brunAsNonRoot\b|\breadOnlyRootFilesystem\b|\ballowPrivilegeEscalation\b/i;
var k8sSecurityContext = {
  id: "k8s.security-context",
  title: "Kubernetes containers run with a restrictive securityContext",
  why: "A container that runs as root with a writable filesystem and full capabilities turns any code-execution bug into a node compromise.",
  fix: "Set securityContext on each container: runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}.",
  recognises: "securityContext, runAsNonRoot, read-only root filesystem, dropped capabilities or privilege escalation in a Kubernetes context (the item or its sections mention Kubernetes, pods, Helm...); one check per claim.",
  needs: [kubernetesCollector],
  match(item) {
    const text3 = itemText(item);
    const namesSetting = SETTING_NAMES.test(text3);
    if (!namesSetting && !inKubernetesContext(item)) return [];
    const claims2 = CLAIMS2.filter((entry2) => entry2.pattern.test(text3)).map((entry2) => entry2.claim);
    if (!claims2.length && /\bsecurity ?context\b/i.test(text3)) claims2.push("present");
    const everyContainer = /\b(all|every|each)\b/i.test(text3);
    return claims2.map((claim) => ({ claim, namesSetting, everyContainer }));
  },
  evaluate({ claim, namesSetting, everyContainer }, ctx) {
    const selection = selectManifests(ctx);
    const label = CLAIMS2.find((entry2) => entry2.claim === claim)?.label ?? "a securityContext";
    if (!hasManifests(selection)) return noManifests(selection, label);
    const entries = containersOf(selection, { init: true });
    if (!entries.length) {
      return {
        verdict: "unknown",
        message: `no containers in the Kubernetes manifests of ${selection.where}, so ${label} cannot be checked`,
        evidence: []
      };
    }
    const judged = entries.map((entry2) => withPatches(judge4(entry2, claim, namesSetting), entry2.workload));
    const finding = summarise(judged, selection, "containers", label);
    const covered2 = judged.filter((entry2) => entry2.outcome === "ok");
    if (finding.verdict !== "fail" || everyContainer || !covered2.length) return finding;
    return {
      ...finding,
      verdict: "unknown",
      message: `${listed2(covered2.map((entry2) => entry2.subject))} set ${label}, but ${finding.message.replace(/^\d+ of \d+ containers without [^:]+: /, "")}; the item does not say it means every container`
    };
  },
  examples: {
    match: [
      "Kubernetes pods run as non-root (runAsNonRoot)",
      "securityContext: readOnlyRootFilesystem and drop ALL capabilities",
      "Pod security context configured",
      "K8s containers: no privilege escalation"
    ],
    noMatch: [
      "Container runs as non-root user",
      "Security scanning performed on container image",
      "File permissions properly configured",
      "Security headers (X-Content-Type-Options, X-Frame-Options, etc.)"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Kubernetes pods run as non-root (runAsNonRoot)",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Kubernetes pods run as non-root (runAsNonRoot)",
        verdict: "fail"
      }
    ]
  }
};
function judge4({ workload, container: container2, subject }, claim, namesSetting) {
  const own = container2.securityContext;
  const pod = workload.pod.securityContext;
  const at9 = own?.at ?? container2.at;
  const fromValues = [own, pod].some(
    (context) => context && (context.templated || dependsOnValues(context.at))
  );
  const absent5 = (detail) => ({
    subject,
    outcome: fromValues ? "undecided" : "missing",
    at: at9,
    detail
  });
  const decided = (setting2, good, detail) => {
    if (setting2.templated) return { subject, outcome: "undecided", at: setting2.at };
    if (!good) return { subject, outcome: "missing", at: setting2.at, detail };
    return { subject, outcome: setting2.at.condition ? "undecided" : "ok", at: setting2.at };
  };
  switch (claim) {
    case "non-root": {
      const runAsNonRoot = own?.runAsNonRoot ?? pod?.runAsNonRoot;
      const runAsUser = own?.runAsUser ?? pod?.runAsUser;
      if (runAsUser?.value === 0) return decided(runAsUser, false, "runs as root (runAsUser: 0)");
      if (runAsNonRoot?.value === true || runAsNonRoot?.templated) return decided(runAsNonRoot, true, "");
      if (runAsUser) return decided(runAsUser, true, "");
      if (runAsNonRoot) return decided(runAsNonRoot, false, "sets runAsNonRoot: false");
      if (!namesSetting)
        return { subject, outcome: "undecided", at: at9, detail: "sets no runAsNonRoot or runAsUser" };
      return absent5("sets no runAsNonRoot or runAsUser");
    }
    case "read-only-root":
      return own?.readOnlyRootFilesystem ? decided(
        own.readOnlyRootFilesystem,
        own.readOnlyRootFilesystem.value === true,
        "sets readOnlyRootFilesystem: false"
      ) : absent5("sets no readOnlyRootFilesystem");
    case "drop-capabilities": {
      const drop = own?.capabilitiesDrop;
      if (!drop) return absent5("drops no capabilities");
      const all = drop.value?.some((name) => name.toUpperCase() === "ALL") ?? false;
      return decided(drop, all, `drops only ${drop.value?.join(", ") || "nothing"}, not ALL`);
    }
    case "no-privilege-escalation": {
      if (own?.privileged?.value === true) return decided(own.privileged, false, "is privileged");
      const escalation = own?.allowPrivilegeEscalation;
      return escalation ? decided(escalation, escalation.value === false, "sets allowPrivilegeEscalation: true") : absent5("does not set allowPrivilegeEscalation: false");
    }
    case "present":
      return hasSettings(own) || hasSettings(pod) ? { subject, outcome: fromValues ? "undecided" : "ok", at: at9 } : absent5("has no securityContext");
  }
}
function hasSettings(context) {
  if (!context) return false;
  if (context.templated) return true;
  return [
    context.runAsNonRoot,
    context.runAsUser,
    context.readOnlyRootFilesystem,
    context.allowPrivilegeEscalation,
    context.privileged,
    context.capabilitiesDrop
  ].some(Boolean);
}

// src/core/rules/k8s/k8s-service-account-token.ts
var TOKEN = /\bautomount\w*\b|\bservice ?account tokens?\b/i;
var k8sServiceAccountToken = {
  id: "k8s.service-account-token",
  title: "Pods do not mount a service account token they do not need",
  why: "Every pod gets an API token by default; an attacker in a pod that never talks to the Kubernetes API can use it to explore or change the cluster.",
  fix: "Set automountServiceAccountToken: false in each pod spec (or on its ServiceAccount) unless the workload calls the Kubernetes API.",
  recognises: "Items about automountServiceAccountToken or service account tokens.",
  needs: [kubernetesCollector],
  match: (item) => TOKEN.test(itemText(item)) ? [true] : [],
  evaluate(_claim, ctx) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return noManifests(selection, "service account token mounting");
    const { evidence: evidence2 } = selection;
    const workloads = evidence2.workloads.filter((workload) => selection.includes(workload.object.at));
    if (!workloads.length) {
      return {
        verdict: "unknown",
        message: `no workloads in the Kubernetes manifests of ${selection.where}`,
        evidence: []
      };
    }
    const judged = workloads.map((workload) => {
      const subject = `${workload.object.kind}/${workload.object.name}`;
      const setting2 = workload.pod.automountServiceAccountToken;
      if (setting2?.templated) return { subject, outcome: "undecided", at: setting2.at };
      if (setting2?.value === false)
        return { subject, outcome: setting2.at.condition ? "undecided" : "ok", at: setting2.at };
      if (setting2)
        return {
          subject,
          outcome: "missing",
          at: setting2.at,
          detail: "sets automountServiceAccountToken: true"
        };
      const accountName = workload.pod.serviceAccountName ?? "default";
      const found2 = evidence2.serviceAccounts.find(
        (candidate) => candidate.object.name === accountName && (!candidate.object.namespace || !workload.object.namespace || candidate.object.namespace === workload.object.namespace)
      );
      const account = found2?.automountServiceAccountToken;
      if (account?.value === false)
        return { subject, outcome: account.at.condition ? "undecided" : "ok", at: account.at };
      if (account?.templated) return { subject, outcome: "undecided", at: account.at };
      if (found2) {
        const at9 = account?.at ?? found2.object.at;
        return {
          subject,
          outcome: "missing",
          at: at9,
          detail: `uses ServiceAccount ${accountName}, which mounts its token`
        };
      }
      if (accountName !== "default") {
        const detail = `uses ServiceAccount ${accountName}, which is not among the manifests`;
        return { subject, outcome: "undecided", at: workload.pod.at, detail };
      }
      return { subject, outcome: "missing", at: workload.pod.at, detail: "mounts the default token" };
    });
    return summarise(
      judged.map((entry2, index) => withPatches(entry2, workloads[index])),
      selection,
      "workloads",
      "automountServiceAccountToken: false"
    );
  },
  examples: {
    match: [
      "automountServiceAccountToken disabled for all pods",
      "Kubernetes: service account tokens not mounted unless needed",
      "Service account token automount turned off"
    ],
    noMatch: [
      "Service account permissions reviewed",
      "API tokens rotated",
      "GitHub token scoped to read-only"
    ],
    verdicts: [
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      automountServiceAccountToken: false\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Service account token automount turned off",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n"
        },
        item: "Service account token automount turned off",
        verdict: "fail"
      }
    ]
  }
};

// src/core/collectors/service-mesh.ts
var MESHES = [
  {
    name: "Istio",
    trace: /\bistio/i,
    enables: /istio-injection:\s*["']?enabled|sidecar\.istio\.io\/inject:\s*["']?true|apiVersion:\s*[\w.]*istio\.io\//i
  },
  {
    name: "Linkerd",
    trace: /\blinkerd/i,
    enables: /linkerd\.io\/inject:\s*["']?(enabled|ingress)|apiVersion:\s*[\w.]*linkerd\.io\//i
  },
  {
    name: "Consul Connect",
    trace: /connect-inject|consul\.hashicorp\.com\/connect|\bconsul\s+connect\b/i,
    enables: /consul\.hashicorp\.com\/connect-inject:\s*["']?true|apiVersion:\s*consul\.hashicorp\.com\//i
  },
  {
    name: "Kuma",
    trace: /\bkuma\.io\b|\bkumactl\b|\bkong-mesh\b/i,
    enables: /kuma\.io\/sidecar-injection:\s*["']?enabled|apiVersion:\s*kuma\.io\//i
  },
  {
    name: "Open Service Mesh",
    trace: /openservicemesh|\bosm\s+install\b/i,
    enables: /openservicemesh\.io\/sidecar-injection:\s*["']?enabled|apiVersion:\s*[\w.]*openservicemesh\.io\//i
  },
  {
    name: "AWS App Mesh",
    trace: /\bapp\s?mesh\b|appmesh/i,
    enables: /appmesh\.k8s\.aws\/sidecarInjectorWebhook:\s*["']?enabled|apiVersion:\s*appmesh\.k8s\.aws\/|aws_appmesh_/i
  },
  {
    name: "Traefik Mesh",
    trace: /traefik[- ]mesh|\bmaesh\b/i,
    enables: /apiVersion:\s*specs\.smi-spec\.io\//i
  }
];
var COMMENT4 = /^\s*(?:\/\/|#|\/\*|\*|--|;|<!--)/;
var ANY2 = new RegExp(MESHES.map((mesh) => `(?:${mesh.trace.source})`).join("|"), "i");
function meshTracesIn(text3) {
  if (!ANY2.test(text3)) return [];
  const found2 = [];
  const kept = /* @__PURE__ */ new Set();
  const lines = text3.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!ANY2.test(line)) continue;
    const strict = !COMMENT4.test(line);
    for (const mesh of MESHES) {
      if (!mesh.trace.test(line)) continue;
      const enables = strict && mesh.enables.test(line);
      const key = `${mesh.name} ${enables ? "enables" : strict ? "strict" : "named"}`;
      if (kept.has(key)) continue;
      kept.add(key);
      found2.push([mesh.name, index + 1, enables, strict]);
    }
  }
  return found2;
}
var serviceMeshCollector = {
  id: "service-mesh",
  async collect(repo) {
    const paths = repo.files.filter(isScannedForTechnologies);
    const perFile = await repo.perFiles("service-mesh", paths, meshTracesIn);
    const traces = [];
    let scanned = 0;
    perFile.forEach((found2, index) => {
      if (!found2) return;
      scanned += 1;
      const path2 = paths[index];
      for (const [mesh, line, enables, strict] of found2) traces.push({ path: path2, line, mesh, enables, strict });
    });
    return { traces, scanned };
  }
};

// src/core/rules/k8s/k8s-service-mesh.ts
var MESH_WORDS = /\bservice[- ]mesh\b/i;
var NAMES2 = [
  [/\bIstio\b/i, "Istio"],
  [/\bLinkerd2?\b/i, "Linkerd"],
  [/\bConsul Connect\b/i, "Consul Connect"],
  // Kuma is also a name: only with "mesh" beside it.
  [/\bKuma\b(?=.*\bmesh\b)|\bKong Mesh\b/i, "Kuma"],
  [/\bOpen Service Mesh\b/i, "Open Service Mesh"],
  [/\bApp ?Mesh\b/i, "AWS App Mesh"],
  [/\bTraefik Mesh\b/i, "Traefik Mesh"]
];
var NOT_USED2 = /\b(?:no|not|without|remov\w*|replac\w*|migrat\w*|drop\w*|instead|avoid\w*|vs|versus|evaluat\w*|consider\w*|investigat\w*|alternatives?|if (?:needed|required|applicable)|compare\w*)\b/i;
var SET_UP = /\b(?:service|mesh|set\s?up|setup|configur(?:e|ed|ation)|config|enabl(?:e|ed)|install(?:ed)?|deploy(?:ed)?|integrat(?:e|ed|ion)|in place|use[sd]?|add(?:ed)?|with|and|or|the|a|for|k8s|kubernetes)\b|[&+/,:()-]|配置|集成/gi;
var MAX_OTHER_WORDS2 = 3;
function meshClaims(item) {
  if (item.signOff) return [];
  const text3 = item.text.replace(/[*_`]/g, " ");
  const meshes = NAMES2.filter(([pattern]) => pattern.test(text3)).map(([, name]) => name);
  if (!meshes.length && !MESH_WORDS.test(text3)) return [];
  if (NOT_USED2.test(text3)) return [];
  let rest = text3;
  for (const [pattern] of NAMES2) rest = rest.replace(new RegExp(pattern.source, `${pattern.flags}g`), " ");
  const other = (rest.replace(SET_UP, " ").match(/[a-z][a-z0-9-]*/gi) ?? []).filter(Boolean);
  if (other.length > MAX_OTHER_WORDS2) return [];
  return [{ meshes, qualified: other.length > 0 }];
}
var DEPLOYMENT_FILE = /\.(tf|hcl)$|(^|\/)Chart\.ya?ml$|(^|\/)(kustomization|skaffold|helmfile)\.ya?ml$/;
var k8sServiceMesh = {
  id: "k8s.service-mesh",
  title: "A service mesh (Istio, Linkerd, Consul Connect...) is enabled for the workloads",
  why: "A checklist that counts on a mesh for mTLS, retries or traffic shifting promises protections nothing provides when the mesh is not there.",
  fix: "Enable the mesh for the namespace or workloads (e.g. `istio-injection: enabled`, `linkerd.io/inject: enabled`) in the manifests, or correct the checklist.",
  recognises: 'Items whose subject is a service mesh ("Service mesh", "Service mesh (Istio/Linkerd)", "Istio configured"); not items that weigh or rule one out.',
  needs: [serviceMeshCollector, kubernetesCollector],
  match: meshClaims,
  evaluate(claim, ctx) {
    const { traces, scanned } = ctx.get(serviceMeshCollector);
    const counts = (path2) => !isNonProductionPath(path2) || ctx.scope !== "" && inScope(path2, ctx.scope);
    const named = (trace) => !claim.meshes.length || claim.meshes.includes(trace.mesh);
    const production = traces.filter((trace) => trace.strict && named(trace) && counts(trace.path));
    const what = claim.meshes.length ? claim.meshes.join(" or ") : "service mesh";
    const enabling = first(
      production.filter((trace) => trace.enables),
      ctx.scope
    );
    if (enabling) {
      const found2 = `${enabling.mesh} is enabled at ${at3(enabling)}`;
      if (claim.qualified)
        return unknown(`${found2}; what the item adds about it needs a reviewer`, [ref4(enabling)]);
      return { verdict: "pass", message: found2, evidence: [ref4(enabling)] };
    }
    const seen = first(production, ctx.scope);
    if (seen) {
      return unknown(
        `${seen.mesh} is named at ${at3(seen)}, but no manifest enables it (no injection label or mesh resource)`,
        [ref4(seen)]
      );
    }
    const deployment = deploymentFiles(ctx).filter(counts);
    if (!deployment.length || !scanned) {
      return unknown(
        `no trace of ${what} in the repository, but no Kubernetes, Compose, Helm or Terraform files say how it runs either; a mesh may be set up where it is deployed`,
        []
      );
    }
    const elsewhere = traces.filter((trace) => named(trace));
    const aside = elsewhere.length ? ` (named only in comments or outside the project's own files: ${elsewhere.slice(0, 2).map(at3).join(", ")})` : "";
    return {
      verdict: "fail",
      message: `no ${what} in the ${scanned} manifest, configuration and code files${aside}: no injection label, mesh resource, install script or Helm values; the deployment is described by ${deployment.slice(0, 3).join(", ")}`,
      evidence: deployment.slice(0, 3).map((path2) => ({ path: path2 }))
    };
  },
  examples: {
    match: [
      "Service mesh",
      "Service mesh (Istio/Linkerd)",
      "Istio configured",
      "Linkerd service mesh enabled"
    ],
    noMatch: [
      "No service mesh needed for a single service",
      "Evaluate Istio vs Linkerd",
      "Kuma the cat adopted",
      "Service mesh retries, circuit breaking, traffic mirroring and canary weights tuned for the checkout path",
      "Mesh network for the IoT devices"
    ],
    verdicts: [
      {
        files: {
          "k8s/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n"
        },
        item: "Service mesh (Istio/Linkerd)",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.0.0\n"
        },
        item: "Service mesh",
        verdict: "fail"
      },
      {
        // An install script names the mesh but nothing enables it for the workloads.
        files: {
          "scripts/cluster.sh": "istioctl install --set profile=default -y\n",
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"
        },
        item: "Istio configured",
        verdict: "unknown"
      },
      {
        // Linkerd is there, but the item names Istio.
        files: {
          "k8s/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    linkerd.io/inject: enabled\n"
        },
        item: "Istio configured",
        verdict: "fail"
      },
      {
        files: { "src/app.ts": "export {};\n" },
        item: "Service mesh",
        verdict: "unknown"
      }
    ]
  }
};
function deploymentFiles(ctx) {
  const manifests = ctx.get(kubernetesCollector).manifestFiles;
  const others = ctx.files.filter((path2) => isComposePath(path2) || DEPLOYMENT_FILE.test(path2));
  return [.../* @__PURE__ */ new Set([...manifests, ...others])];
}
function first(traces, scope) {
  return traces.find((trace) => inScope(trace.path, scope)) ?? traces[0];
}
function at3(trace) {
  return `${trace.path}:${trace.line}`;
}
function ref4(trace) {
  return { path: trace.path, line: trace.line };
}
function unknown(message, evidence2) {
  return { verdict: "unknown", message, evidence: evidence2 };
}

// src/core/rules/k8s/index.ts
var k8sRules = [
  k8sManifestsPresent,
  k8sResourceLimits,
  k8sResourceQuota,
  k8sProbes,
  k8sSecurityContext,
  k8sReplicas,
  k8sHpa,
  k8sPdb,
  k8sNetworkPolicy,
  k8sIngressTls,
  k8sNoPlaintextSecrets,
  k8sServiceAccountToken,
  k8sPodSecurityLabels,
  k8sServiceMesh
];

// src/core/collectors/nginx.ts
var NGINX_CONFIG = /(^|\/)nginx[^/]*\.conf(?:\.template)?$|(^|\/)(?:nginx|sites-(?:available|enabled)|conf\.d)\/[^/]+\.conf(?:\.template)?$/;
var NGINX_BLOCK = /* @__PURE__ */ new Set(["http", "server", "location", "upstream", "events", "stream"]);
function parseNginx(text3) {
  const directives = [];
  const lines = text3.split("\n");
  lines.forEach((raw, index) => {
    const line = stripComment3(raw);
    for (const statement of line.split(/[;{}]/)) {
      const words = statement.trim().split(/\s+/);
      const name = words[0];
      if (!name || !/^[a-z_][a-z0-9_]*$/.test(name)) continue;
      directives.push({ name, args: words.slice(1).join(" "), line: index + 1 });
    }
  });
  return directives;
}
function stripComment3(line) {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const char2 = line.charAt(i);
    if (quote) {
      if (char2 === quote) quote = "";
    } else if (char2 === '"' || char2 === "'") quote = char2;
    else if (char2 === "#") return line.slice(0, i);
  }
  return line;
}
var nginxCollector = {
  id: "nginx",
  async collect(repo) {
    const paths = repo.files.filter((path2) => NGINX_CONFIG.test(path2) && !VENDORED_OR_GENERATED.test(path2));
    const parsed = await repo.perFiles("nginx", paths, parseNginx);
    const configs = [];
    parsed.forEach((directives, index) => {
      const path2 = paths[index];
      if (directives && (/nginx/i.test(path2) || directives.some((d) => NGINX_BLOCK.has(d.name))))
        configs.push({ path: path2, directives });
    });
    return { configs };
  }
};

// src/core/rules/nginx/nginx-setting.ts
var SECURITY_HEADER = /^(?:"|')?(?:strict-transport-security|x-frame-options|x-content-type-options|content-security-policy|referrer-policy|permissions-policy)\b/i;
var NGINX_SETTINGS = [
  {
    key: "reverse-proxy",
    what: "a reverse proxy",
    directives: "proxy_pass, fastcgi_pass, uwsgi_pass, grpc_pass",
    item: /\breverse[- ]prox(?:y|ies)\b|\bproxy(?:ing)?\s+(?:requests\s+|traffic\s+)?to\b|\bupstreams?\b/i,
    holds: (d) => /^(?:proxy|fastcgi|uwsgi|grpc|scgi)_pass$/.test(d.name)
  },
  {
    key: "https-redirect",
    what: "a redirect from HTTP to HTTPS",
    directives: "return 301 https://..., rewrite ... https://...",
    item: /\bredirect\w*\s+(?:all\s+)?(?:http\s+)?(?:traffic\s+|requests\s+)?to\s+https\b|\bhttp\s*(?:→|->|to)\s*https\b|\bforce[sd]?\s+https\b|\bhttps\s+redirect/i,
    implies: ["https"],
    holds: (d) => d.name === "return" && /^30[1278]\s+["']?https:/.test(d.args) || d.name === "rewrite" && /https:\/\//.test(d.args)
  },
  {
    key: "ssl-policies",
    what: "TLS protocol and cipher settings",
    directives: "ssl_protocols, ssl_ciphers",
    item: /\bssl\s+(?:polic(?:y|ies)|protocols?|ciphers?)\b|\btls\s*v?1\.[23]\b|\bcipher suites?\b|\bssl_protocols\b/i,
    implies: ["https"],
    holds: (d) => d.name === "ssl_protocols" || d.name === "ssl_ciphers"
  },
  {
    key: "https",
    what: "HTTPS (TLS termination)",
    directives: "listen 443 ssl, ssl_certificate",
    item: /\b(?:https|ssl|tls)\b/i,
    holds: (d) => d.name === "ssl_certificate" || d.name === "listen" && /\bssl\b/.test(d.args)
  },
  {
    key: "hsts",
    what: "an HSTS header",
    directives: "add_header Strict-Transport-Security",
    item: /\bhsts\b|\bstrict[- ]transport[- ]security\b/i,
    holds: (d) => d.name === "add_header" && /strict-transport-security/i.test(d.args)
  },
  {
    key: "security-headers",
    what: "security headers",
    directives: "add_header X-Frame-Options, Content-Security-Policy, ...",
    item: /\bsecurity headers?\b/i,
    holds: (d) => d.name === "add_header" && SECURITY_HEADER.test(d.args)
  },
  {
    key: "gzip",
    what: "response compression",
    directives: "gzip on, brotli on",
    item: /\bgzip\b|\bbrotli\b|\bcompression\b/i,
    holds: (d) => (d.name === "gzip" || d.name === "brotli") && /^on\b/.test(d.args)
  },
  {
    key: "rate-limit",
    what: "request rate limiting",
    directives: "limit_req (a limit_req_zone alone limits nothing)",
    item: /\brate[- ]limit\w*\b|\blimit_req\b|\bthrottl\w*/i,
    holds: (d) => d.name === "limit_req"
  },
  {
    key: "body-size",
    what: "a request body size limit",
    directives: "client_max_body_size",
    item: /\bclient_max_body_size\b|\b(?:upload|body|request)\s+size\s+limits?\b|\bmax(?:imum)?\s+(?:upload|body|request)\s+size\b/i,
    holds: (d) => d.name === "client_max_body_size"
  },
  {
    key: "websocket",
    what: "WebSocket proxying",
    directives: "proxy_set_header Upgrade $http_upgrade",
    item: /\bweb ?sockets?\b/i,
    holds: (d) => d.name === "proxy_set_header" && /^upgrade\b/i.test(d.args)
  },
  {
    key: "http2",
    what: "HTTP/2",
    directives: "listen ... http2, http2 on",
    item: /\bhttp\/?2\b/i,
    holds: (d) => d.name === "listen" && /\bhttp2\b/.test(d.args) || d.name === "http2" && /^on\b/.test(d.args)
  }
];
var STOCK_INCLUDE = /(?:^|\/)(?:mime\.types|fastcgi_params|fastcgi\.conf|proxy_params|uwsgi_params|scgi_params)$/;
var NGINX_CONTEXT = /\bnginx\b|\breverse[- ]prox(?:y|ies)\b/i;
var OPERATED3 = /\brenew\w*|\bexpir\w*|\brotat\w*|\bmonitor\w*|\btest(?:ed|ing)?\b|\bscan\w*|\bgraded?\b|\bssl ?labs\b/i;
var ALTERNATIVES = /\bor\b|\beither\b|\bapp(?:lication)?[- ]level\b/i;
var nginxSetting = {
  id: "nginx.setting",
  title: "The nginx configuration sets what the item claims (TLS, redirects, compression, limits, proxying)",
  why: "A proxy setting claimed but absent (no HTTPS redirect, no TLS policy, no rate limit) leaves the service exposed in exactly the way the checklist says it is not.",
  fix: "Add the directive to the committed nginx configuration, or correct the checklist.",
  recognises: "Items about nginx or the reverse proxy (in the item, its parent or its section) claiming a reverse proxy, HTTPS, an HTTP\u2192HTTPS redirect, TLS protocols/ciphers, HSTS or security headers, gzip, rate limiting, a body size limit, WebSocket proxying or HTTP/2.",
  needs: [nginxCollector],
  match: settingsClaimed,
  evaluate(claim, ctx) {
    const configs = ctx.get(nginxCollector).configs.filter((config) => !isNonProductionPath(config.path));
    const finding = judgeSetting2(settingOf(claim.setting), configs);
    if (finding.verdict !== "fail" || !claim.alternatives) return finding;
    return {
      ...finding,
      verdict: "unknown",
      message: `${finding.message}; the item allows another place for it`
    };
  },
  examples: {
    match: [
      "Configure Nginx reverse proxy",
      "Configure nginx for HTTPS termination",
      "**Nginx**: Redirect HTTP to HTTPS",
      "Nginx gzip compression enabled"
    ],
    noMatch: [
      "Redirect HTTP to HTTPS",
      "Gzip compression enabled in Express",
      "Nginx installed on the server",
      "Nginx SSL certificates auto-renewed by certbot",
      "Nginx TLS configuration graded A on SSL Labs"
    ],
    verdicts: [
      {
        files: { "nginx/nginx.conf": "server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n" },
        item: "**Nginx**: Redirect HTTP to HTTPS",
        verdict: "pass"
      },
      {
        files: {
          "nginx/nginx.conf": "server {\n  listen 80;\n  location / { proxy_pass http://app:8000; }\n}\n"
        },
        item: "**Nginx**: Redirect HTTP to HTTPS",
        verdict: "fail"
      },
      { files: { "app.py": "print(1)\n" }, item: "Nginx gzip compression enabled", verdict: "unknown" }
    ]
  }
};
function settingsClaimed(item) {
  const text3 = claimText(item);
  if (OPERATED3.test(text3)) return [];
  if (![text3, ...item.parents, ...item.section].some((context) => NGINX_CONTEXT.test(context))) return [];
  const matched = NGINX_SETTINGS.filter((setting2) => setting2.item.test(text3));
  const implied = new Set(matched.flatMap((setting2) => setting2.implies ?? []));
  const claims2 = matched.filter((setting2) => !implied.has(setting2.key));
  const specific = claims2.length > 1 ? claims2.filter((setting2) => setting2.key !== "reverse-proxy") : claims2;
  const alternatives = ALTERNATIVES.test(text3);
  return specific.map((setting2) => ({ setting: setting2.key, alternatives }));
}
function settingOf(key) {
  const setting2 = NGINX_SETTINGS.find((candidate) => candidate.key === key);
  if (!setting2) throw new Error(`no nginx setting ${key}`);
  return setting2;
}
function judgeSetting2(setting2, configs) {
  if (!configs.length) {
    return {
      verdict: "unknown",
      message: `no nginx configuration is committed (looked for nginx*.conf and *.conf under nginx/, conf.d/, sites-available/); it may live on the server`,
      evidence: []
    };
  }
  for (const config of configs) {
    const found2 = config.directives.find((directive) => setting2.holds(directive));
    if (found2) {
      return {
        verdict: "pass",
        message: `${setting2.what}: \`${found2.name} ${found2.args}\` at ${config.path}:${found2.line}`,
        evidence: [
          { path: config.path, line: found2.line, excerpt: `${found2.name} ${found2.args}`.slice(0, 120) }
        ]
      };
    }
  }
  const include = configs.flatMap((config) => config.directives.map((directive) => ({ config, directive }))).find(({ directive }) => directive.name === "include" && !STOCK_INCLUDE.test(directive.args));
  const files = configs.map((config) => config.path);
  if (include) {
    return {
      verdict: "unknown",
      message: `no ${setting2.directives} in ${files.join(", ")}, but ${include.config.path}:${include.directive.line} includes ${include.directive.args}, which may set it`,
      evidence: [{ path: include.config.path, line: include.directive.line }]
    };
  }
  return {
    verdict: "fail",
    message: `no ${setting2.what} in the nginx configuration: none of ${files.join(", ")} has ${setting2.directives}`,
    evidence: files.slice(0, 3).map((path2) => ({ path: path2 }))
  };
}

// src/core/rules/nginx/index.ts
var nginxRules = [nginxSetting];

// src/core/rules/paas/paas-evidence.ts
var PLATFORMS = [
  {
    platform: "render",
    name: "Render",
    words: /\b[Rr]ender\.com\b|\b[Rr]ender\.ya?ml\b|\b(?:on|to|via|with|for|in) Render\b|\bRender (?:deploy\w*|services?|blueprints?|web services?|hosting|platform|config\w*|setup|set-up)\b/,
    files: "render.yaml",
    fileWords: /\brender\.ya?ml\b/i
  },
  {
    platform: "fly",
    name: "Fly.io",
    words: /\bfly\.io\b|\bfly(?:\.[\w-]+)?\.toml\b|\bflyctl\b|\bFly (?:apps?|machines?|deploy\w*)\b/i,
    files: "fly.toml",
    fileWords: /\bfly(?:\.[\w-]+)?\.toml\b/i
  },
  {
    platform: "vercel",
    name: "Vercel",
    words: /\bvercel(?:\.json)?\b/i,
    files: "vercel.json",
    fileWords: /\bvercel\.json\b/i
  },
  {
    platform: "netlify",
    name: "Netlify",
    words: /\bnetlify(?:\.toml)?\b/i,
    files: "netlify.toml",
    fileWords: /\bnetlify\.toml\b/i
  },
  {
    platform: "heroku",
    name: "Heroku",
    words: /\bheroku\b|\bprocfile\b/i,
    files: "Procfile, app.json",
    fileWords: /\bprocfile\b|\bapp\.json\b/i
  },
  {
    platform: "railway",
    name: "Railway",
    words: /\brailway(?:\.app|\.json|\.toml)?\b/i,
    files: "railway.json, railway.toml",
    fileWords: /\brailway\.(?:json|toml)\b/i
  }
];
function platformsNamed(text3) {
  return PLATFORMS.filter((info) => info.words.test(text3));
}
function configsOf(ctx, evidence2, platform) {
  const all = evidence2.configs.filter(
    (config) => config.platform === platform && !config.unparsable && (!isNonProductionPath(config.path) || ctx.scope !== "" && inScope(config.path, ctx.scope))
  );
  const scoped = all.filter((config) => inScope(config.path, ctx.scope));
  return scoped.length ? scoped : all;
}
function at4(path2, line) {
  return `${path2}:${line}`;
}
function ref5(path2, line, excerpt2) {
  return {
    path: path2,
    ...line !== void 0 ? { line } : {},
    ...excerpt2 ? { excerpt: excerpt2.slice(0, 120) } : {}
  };
}

// src/core/rules/paas/paas-setting.ts
var SERVICE_KINDS = [
  {
    key: "redis",
    what: "a Redis (key-value) service",
    item: /\bredis\b|\bkey[- ]?value (?:store|service)\b|\bvalkey\b/i,
    kinds: /^(?:redis|keyvalue|heroku-redis|rediscloud|redistogo)$/i
  },
  {
    key: "postgres",
    what: "a PostgreSQL database",
    item: /\bpostgres(?:ql)?\b|\bdatabases?\b/i,
    kinds: /^(?:postgres|heroku-postgresql)$/i
  },
  {
    key: "worker",
    what: "a background worker",
    item: /\b(?:background )?workers?\b/i,
    kinds: /^(?:worker|bworker|workers?|celery|sidekiq|jobs?)$/i
  },
  {
    key: "cron",
    what: "a cron job",
    item: /\bcron(?: ?jobs?)?\b|\bscheduled jobs?\b/i,
    kinds: /^(?:cron|clock|scheduler|beat)$/i
  }
];
var HEALTH = /\bhealth[- ]?checks?\b|\bhealth ?check ?paths?\b|\bhealthcheckpath\b/i;
var SINGLE = /\b(?:consolidat\w*|single|one|unified|merged?|deduplicat\w*)\b[^.;]{0,60}\bconfig\w*/i;
var SERVICE_WORDS = /\bservices?\b|\bdatabases?\b|\binstances?\b|\bprocess(?:es)?\b|\bdeclared\b|\bconfigured\b|\bprovisioned\b|\badd-?ons?\b|\bjobs?\b|\badded\b/i;
var SETUP = /\b(?:set ?up|setup|configured|configuration|config|deploy(?:ment|ed|s)?|blueprints?|hosting|integration)\b/i;
var EXTERNAL = /\baccounts?\b|\bdashboard\b|\bbilling\b|\bdomains?\b|\bdns\b|\banalytics\b|\bteams?\b|\binvit\w*|\baccess\b|\bcredentials?\b|\bsecrets?\b|\btokens?\b|\bapi keys?\b|\blinked\b|\bconnected\b|\bplans?\b|\bupgrad\w*|\bpaid\b|\btested\b|\bverified\b|\bworking\b|\blive\b|\bsucce\w+|\bgreen\b|\bhealthy\b|\bmonitor\w*|\blogs?\b|\balerts?\b|\bbackups?\b|\bpreview\b|\bmanual\w*|\bdocument\w*|\bguide\b|\bif\b|\boptional\b/i;
var paasSetting = {
  id: "paas.setting",
  title: "The PaaS deployment file declares what the item claims (services, health check, set-up)",
  why: "A deployment claimed to be set up on Render, Fly.io, Heroku or Railway but missing from the committed blueprint is either configured by hand in a dashboard (and lost with it) or not there at all.",
  fix: "Declare the service or setting in the committed deployment file (render.yaml, fly.toml, Procfile/app.json, railway.json, vercel.json, netlify.toml), or correct the checklist.",
  recognises: 'Items that name a platform (Render.com, Fly.io, Vercel, Netlify, Heroku/Procfile, Railway) or its file and claim its set-up, a service of a kind in it (Redis, PostgreSQL, a worker, a cron job), its health check, or a single consolidated configuration. Not account, dashboard, domain, secret or "deployed and working" claims, and not environment variables (env rules judge those).',
  needs: [paasCollector],
  match: paasClaims,
  evaluate(claim, ctx) {
    const info = PLATFORMS.find((candidate) => candidate.platform === claim.platform);
    const configs = configsOf(ctx, ctx.get(paasCollector), claim.platform);
    switch (claim.claim.kind) {
      case "single-config":
        return judgeSingle(info, configs);
      case "setup":
        return judgeSetup(info, configs);
      case "health-check":
        return judgeHealth(info, configs, claim.fileNamed);
      case "service":
        return judgeService(info, configs, claim.claim.service, claim.fileNamed);
    }
  },
  examples: {
    match: [
      "Render.com Deployment Setup",
      "Redis service configured in render.yaml",
      "Health check path set in fly.toml",
      "Consolidated Vercel configurations",
      "Procfile declares a worker process"
    ],
    noMatch: [
      "Render the dashboard on the server",
      "Vercel project linked to the GitHub repository",
      "Render environment variables set in the dashboard",
      "`DATABASE_URL` set on Railway",
      "Heroku deployment tested end to end",
      "Redis caching enabled",
      "Netlify analytics enabled"
    ],
    verdicts: [
      {
        files: {
          "render.yaml": "services:\n  - type: web\n    name: api\n    startCommand: node server.js\n  - type: redis\n    name: cache\n    ipAllowList: []\n"
        },
        item: "Redis service configured in render.yaml",
        verdict: "pass"
      },
      {
        files: {
          "render.yaml": "services:\n  - type: web\n    name: api\n    startCommand: node server.js\n"
        },
        item: "Redis service configured in render.yaml",
        verdict: "fail"
      },
      {
        files: {
          "vercel.json": '{ "cleanUrls": true }\n',
          "apps/web/vercel.json": '{ "framework": "nextjs" }\n'
        },
        item: "Consolidated Vercel configurations",
        verdict: "fail"
      },
      {
        files: { "server.js": 'require("http").createServer().listen(3000);\n' },
        item: "Render.com Deployment Setup",
        verdict: "unknown"
      },
      {
        files: {
          "render.yaml": "services:\n  - type: web\n    name: api\n    startCommand: node server.js\n"
        },
        item: "Health check configured for the Render service",
        verdict: "unknown"
      }
    ]
  }
};
function paasClaims(item) {
  const text3 = claimText(item);
  const named = platformsNamed(text3);
  if (!named.length || named.length > 2) return [];
  if (extractEnvVars(item).length) return [];
  return named.flatMap((info) => {
    const fileNamed = info.fileWords.test(text3);
    const claim = claimOf2(text3, info);
    return claim ? [{ platform: info.platform, claim, fileNamed }] : [];
  });
}
function claimOf2(text3, info) {
  if (SINGLE.test(text3)) return { kind: "single-config" };
  if (EXTERNAL.test(text3)) return void 0;
  if (HEALTH.test(text3)) return { kind: "health-check" };
  const rest = text3.replace(info.words, " ");
  const service2 = SERVICE_KINDS.find((kind) => kind.item.test(rest));
  if (service2) return SERVICE_WORDS.test(rest) ? { kind: "service", service: service2 } : void 0;
  return SETUP.test(rest) || info.fileWords.test(text3) ? { kind: "setup" } : void 0;
}
function judgeSingle(info, configs) {
  const files = configs.filter((config) => baseFileOf(config.path, info));
  if (!files.length) return noFile(info);
  if (files.length === 1) {
    const only = files[0];
    return {
      verdict: "pass",
      message: `one ${info.name} configuration: ${only.path}`,
      evidence: [ref5(only.path, 1)]
    };
  }
  return {
    verdict: "fail",
    message: `${files.length} ${info.name} configurations remain: ${files.map((config) => config.path).join(", ")}`,
    evidence: files.slice(0, 4).map((config) => ref5(config.path, 1))
  };
}
function baseFileOf(path2, info) {
  return info.platform !== "heroku" || /(?:^|\/)Procfile$/.test(path2);
}
function judgeSetup(info, configs) {
  const declaring = configs.find((config) => config.services.length || config.settings.length);
  if (!declaring) return noFile(info);
  const first3 = declaring.services[0];
  const what = first3 ? `${declaring.services.length} service${declaring.services.length > 1 ? "s" : ""} (${declaring.services.slice(0, 3).map(describe4).join(", ")})` : `${declaring.settings.length} setting${declaring.settings.length > 1 ? "s" : ""}`;
  const line = first3?.line ?? declaring.settings[0]?.line ?? 1;
  return {
    verdict: "pass",
    message: `${declaring.path} declares the ${info.name} deployment: ${what} at ${at4(declaring.path, line)}`,
    evidence: [ref5(declaring.path, line)]
  };
}
var HEALTH_SETTING = {
  render: /^healthCheckPath$/,
  fly: /(?:^|\.)(?:checks|http_checks|tcp_checks)(?:\.[^.]+)?\.(?:path|port|type)$/,
  railway: /(?:^|\.)healthcheckPath$/
};
function judgeHealth(info, configs, fileNamed) {
  const pattern = HEALTH_SETTING[info.platform];
  if (!pattern)
    return {
      verdict: "unknown",
      message: `${info.name}'s deployment file has no health check setting; a health check there is set up outside the repository`,
      evidence: []
    };
  if (!configs.length) return noFile(info);
  for (const config of configs) {
    const found2 = config.settings.find((setting2) => pattern.test(setting2.key));
    if (found2)
      return {
        verdict: "pass",
        message: `${info.name} health check: ${found2.key} ${found2.value} at ${at4(config.path, found2.line)}`,
        evidence: [ref5(config.path, found2.line, `${found2.key}: ${found2.value}`)]
      };
  }
  const files = configs.map((config) => config.path).join(", ");
  if (fileNamed)
    return {
      verdict: "fail",
      message: `no health check in ${files} (looked for ${pattern.source.replace(/[\\^$()?:|]/g, "").slice(0, 40)})`,
      evidence: configs.slice(0, 3).map((config) => ref5(config.path))
    };
  return {
    verdict: "unknown",
    message: `no health check in ${files}; it may be set in the ${info.name} dashboard`,
    evidence: configs.slice(0, 3).map((config) => ref5(config.path))
  };
}
function judgeService(info, configs, kind, fileNamed) {
  if (!configs.length) return noFile(info);
  for (const config of configs) {
    const found2 = config.services.find((service2) => kind.kinds.test(service2.kind));
    if (found2)
      return {
        verdict: "pass",
        message: `${kind.what} in ${config.path}: ${describe4(found2)} at ${at4(config.path, found2.line)}`,
        evidence: [ref5(config.path, found2.line, describe4(found2))]
      };
  }
  const declared2 = configs.flatMap((config) => config.services.map((service2) => ({ config, service: service2 })));
  const list = declared2.length ? declared2.slice(0, 4).map(({ config, service: service2 }) => `${describe4(service2)} (${at4(config.path, service2.line)})`).join(", ") : "no services";
  const files = configs.map((config) => config.path).join(", ");
  if (fileNamed)
    return {
      verdict: "fail",
      message: `no ${kind.what.replace(/^an? /, "")} in ${files}: it declares ${list}`,
      evidence: configs.slice(0, 3).map((config) => ref5(config.path, config.services[0]?.line))
    };
  return {
    verdict: "unknown",
    message: `no ${kind.what.replace(/^an? /, "")} in ${files} (it declares ${list}); it may have been created in the ${info.name} dashboard`,
    evidence: configs.slice(0, 3).map((config) => ref5(config.path))
  };
}
function describe4(service2) {
  return service2.name && service2.name !== service2.kind ? `${service2.kind} "${service2.name}"` : service2.kind;
}
function noFile(info) {
  return {
    verdict: "unknown",
    message: `no ${info.files} committed; ${info.name} can also be configured in its dashboard, which the repository cannot show`,
    evidence: []
  };
}

// src/core/rules/paas/index.ts
var paasRules = [paasSetting];

// src/core/rules/ref/ref-class-file.ts
var CLASS_NAME = /^(?:[A-Z][a-z0-9]+){1,5}(?:Tests?|Spec|Handler|Filter|Service|Controller|Manager|Provider|Repository|Factory|Utils?|Helper|Middleware|Interceptor|Configuration|Config|Client|Adapter|Listener|Validator|Resolver|Guard|Builder|Exception|Advice|Aspect|Scheduler|Worker|Job|Consumer|Producer|Publisher|Subscriber|Mapper|Serializer|Strategy)$/;
var NOT_A_CLASS = /* @__PURE__ */ new Set([
  "CronJob",
  "ScaledJob",
  "AppService",
  "AlertManager",
  "SecretsManager",
  "SecretManager",
  "CertManager",
  "KeyVaultService"
]);
var CLASS_FILE = /\.(?:java|kt|kts|scala|groovy|cs|swift|php|dart|ts|tsx|js|py|rb)$/;
var MAX_QUALIFIER_WORDS = 0;
var refClassFile = {
  id: "ref.class-file",
  title: "Classes the item names exist",
  why: "An item naming a class (a test, a filter, a handler) points reviewers at code; if no such class exists the item describes work that was not done.",
  fix: "Add the class, or correct its name in the checklist.",
  recognises: "An item that starts with a CamelCase class name ending in Test, Handler, Filter, Service, Controller, Config and similar (`JwtUtilTest`, `GlobalExceptionHandler`), with at most a short description; the file named after it is looked up.",
  needs: [],
  match(item) {
    const text3 = item.text.replace(/\([^()]*\)/g, " ").replace(/[*_`✅]/g, " ");
    const words = text3.split(/[\s:,-]+/).filter((word) => /[A-Za-z]/.test(word));
    const name = words[0];
    if (!name || !CLASS_NAME.test(name) || NOT_A_CLASS.has(name)) return [];
    return [{ name, qualified: words.length - 1 > MAX_QUALIFIER_WORDS }];
  },
  evaluate(claim, ctx) {
    return classFile(claim, ctx);
  },
  examples: {
    match: [
      "JwtUtilTest (JWT generation/validation)",
      "GlobalExceptionHandler (400/401/403/404/409/500)",
      "`RateLimitFilter` on auth routes"
    ],
    noMatch: [
      "PagerDuty integration",
      "GitHub Actions",
      "Add more service tests (AuthService, RegistrationService)",
      "PostgreSQL"
    ],
    verdicts: [
      {
        files: { "src/test/java/app/JwtUtilTest.java": "class JwtUtilTest {}\n" },
        item: "JwtUtilTest (JWT generation/validation)",
        verdict: "pass"
      },
      { files: { "src/app.py": "print(1)\n" }, item: "GlobalExceptionHandler", verdict: "unknown" }
    ]
  }
};
function classFile(claim, ctx) {
  const files = ctx.files.filter(
    (path2) => CLASS_FILE.test(path2) && stem(path2) === claim.name && !isNonProductionPath(path2)
  );
  const found2 = files.find((path2) => inScope(path2, ctx.scope)) ?? files[0];
  if (!found2) {
    return {
      verdict: "unknown",
      message: `no file named ${claim.name} (it may be defined inside another file, which is not searched)`,
      evidence: []
    };
  }
  const where3 = `${claim.name} at ${found2}${files.length > 1 ? ` (and ${files.length - 1} more)` : ""}`;
  return claim.qualified ? {
    verdict: "unknown",
    message: `${where3}; what the item says it does is not checked`,
    evidence: [{ path: found2 }]
  } : { verdict: "pass", message: where3, evidence: [{ path: found2 }] };
}
function stem(path2) {
  const base = baseName(path2);
  return base.slice(0, base.indexOf("."));
}

// src/core/collectors/makefiles.ts
var MAKEFILE = /(^|\/)(GNUmakefile|makefile|Makefile|[\w.-]+\.mk)$/;
var SKIPPED2 = inFolders(["node_modules", "vendor", "deps", "_build", ".git"]);
var MIX_TASK_MODULE = /defmodule\s+Mix\.Tasks\.([\w.]+)\s/;
var makefilesCollector = {
  id: "makefiles",
  async collect(repo) {
    const out = {
      makefiles: [],
      makeTargets: [],
      openMakefiles: [],
      mixProjects: [],
      mixTasks: []
    };
    for (const path2 of repo.files) {
      if (SKIPPED2.test(path2)) continue;
      if (MAKEFILE.test(path2)) {
        const text3 = await repo.read(path2);
        if (text3 === null) continue;
        const makefile = parseMakefile(text3);
        out.makefiles.push(path2);
        out.makeTargets.push(...makefile.declared.map((target) => ({ ...target, path: path2 })));
        if (makefile.open) out.openMakefiles.push(path2);
      } else if (/(^|\/)mix\.exs$/.test(path2)) {
        const text3 = await repo.read(path2);
        if (text3 === null) continue;
        out.mixProjects.push(path2);
        out.mixTasks.push(...mixAliases(path2, text3));
      } else if (/(^|\/)lib\/mix\/tasks\/.*\.ex$/.test(path2)) {
        const text3 = await repo.read(path2);
        const lines = text3?.split(/\r\n|\r|\n/) ?? [];
        const index = lines.findIndex((line) => MIX_TASK_MODULE.test(line));
        const module = index >= 0 ? MIX_TASK_MODULE.exec(lines[index])?.[1] : void 0;
        if (module)
          out.mixTasks.push({
            name: mixTaskName(module),
            path: path2,
            line: index + 1,
            excerpt: lines[index].trim()
          });
      }
    }
    return out;
  }
};
function mixAliases(path2, text3) {
  const lines = text3.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => /\bdefp?\s+aliases\b/.test(line));
  if (start < 0) return [];
  const found2 = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*def(p|module)?\s/.test(line)) break;
    for (const match of line.matchAll(/(?:^|[\s[,])(?:"([\w.-]+)"|([a-z_][\w]*)):\s/g)) {
      found2.push({
        name: match[1] ?? match[2],
        path: path2,
        line: i + 1,
        excerpt: line.trim().slice(0, 160)
      });
    }
  }
  return found2;
}
function mixTaskName(module) {
  return module.split(".").map((part) => part.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()).join(".");
}

// src/core/extract/commands.ts
var NPM_SCRIPT_SHORTHANDS = /* @__PURE__ */ new Set(["test", "start", "stop", "restart", "t", "tst"]);
var PACKAGE_MANAGER_BUILTINS = new Set(
  "add remove install i ci up upgrade update outdated audit why info init create dlx exec x publish pack link unlink login logout config cache workspace workspaces global set version help import patch rebuild prune dedupe store env node bin list ls licenses plugin owner tag deploy fetch setup".split(" ")
);
var SCRIPT_NAME = /^[\w:.@/-]+$/;
var COMMAND = /(?:^|[\s`;&|(])(npm|yarn|pnpm|bun|make|mix)(?:\s+(?:-{1,2}[\w-]+(?:=\S+)?|-C\s+\S+|--prefix\s+\S+))*\s+(run(?:-script)?\s+)?([\w:.@/-]+)/g;
function extractCommands(item) {
  const found2 = /* @__PURE__ */ new Map();
  const sources = [
    ...item.codeSpans.map((span) => ({ text: span, code: true })),
    { text: item.text, code: false }
  ];
  for (const source of sources) collect(source.text, source.code, found2);
  return [...found2.values()];
}
function collect(text3, inCode, found2) {
  for (const match of text3.matchAll(COMMAND)) {
    const runner = match[1];
    if (!inCode && (runner === "make" || runner === "mix")) continue;
    const explicitRun = Boolean(match[2]);
    const name = match[3].replace(/[.:,;]+$/, "");
    if (!SCRIPT_NAME.test(name) || /^-/.test(name)) continue;
    const ref11 = commandRef(runner, name, explicitRun, match[0].trim());
    const key = `${ref11?.runner} ${ref11?.name}`;
    if (ref11 && !found2.has(key)) found2.set(key, ref11);
  }
}
function commandRef(runner, name, explicitRun, written) {
  if (runner === "make" || runner === "mix") return { runner, name, written };
  if (runner === "npm") {
    if (explicitRun) return { runner, name, written };
    return NPM_SCRIPT_SHORTHANDS.has(name) ? { runner, name: name === "t" || name === "tst" ? "test" : name, written } : void 0;
  }
  if (explicitRun) return { runner, name, written };
  if (runner === "bun" || PACKAGE_MANAGER_BUILTINS.has(name)) return void 0;
  return { runner, name, written };
}

// src/core/rules/ref/ref-make-target.ts
var MIX_BUILT_INS = /^(app\.\w+|archive(\.\w+)?|clean|cmd|compile(\.\w+)?|deps(\.\w+)?|do|escript(\.\w+)?|format|help|loadconfig|local(\.\w+)?|new|profile\.\w+|release(\.init)?|run|test(\.\w+)?|xref|hex(\.\w+)?|phx\.\w+|ecto\.\w+)$/;
var refMakeTarget = {
  id: "ref.make-target",
  title: "Make targets and mix tasks the item names exist",
  why: "A deployment step such as `make release` that no Makefile defines breaks the runbook when it is needed.",
  fix: "Add the target to the Makefile (or the alias to mix.exs), or correct the command in the checklist.",
  recognises: '`make x` and `mix x` inside code spans (in prose "make" and "mix" are ordinary words). Targets come from Makefile, GNUmakefile, makefile and *.mk files; mix tasks from aliases in mix.exs and Mix.Tasks modules.',
  needs: [makefilesCollector],
  match: (item) => extractCommands(item).filter((command) => command.runner === "make" || command.runner === "mix"),
  evaluate(command, ctx) {
    const runners = ctx.get(makefilesCollector);
    return command.runner === "make" ? makeTarget(command, runners, ctx) : mixTask(command, runners, ctx);
  },
  examples: {
    match: [
      "Docker image built successfully: `make docker.build`",
      "Production release built: `make release`",
      "Database migrated with `mix ecto.migrate`",
      "Deploy with `make deploy ENV=prod`",
      "Seeds loaded: `mix run priv/repo/seeds.exs`"
    ],
    noMatch: [
      "Make sure backups are tested",
      "A mix of unit and integration tests",
      "Run `npm run deploy:check` - verify dependencies",
      "Makefile reviewed"
    ],
    verdicts: [
      {
        files: { Makefile: ".PHONY: release\nrelease:\n	go build -o bin/app ./cmd/app\n" },
        item: "Production release built: `make release`",
        verdict: "pass"
      },
      {
        files: { Makefile: "build:\n	go build ./...\n" },
        item: "Production release built: `make release`",
        verdict: "fail"
      }
    ]
  }
};
function makeTarget(command, runners, ctx) {
  const dirs = [...new Set(candidatePaths("", ctx.scope).map((dir) => dir.replace(/\/$/, "")))];
  const dirOf = (path2) => path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "";
  const makefiles = dirs.flatMap(
    (dir) => runners.makefiles.filter((path2) => dirOf(path2) === dir || path2.endsWith(".mk") && inScope(path2, dir))
  );
  if (!makefiles.some((path2) => !path2.endsWith(".mk"))) {
    const looked = dirs.map((dir) => dir ? `${dir}/Makefile` : "Makefile");
    return {
      verdict: "fail",
      message: `\`${command.written}\` needs a Makefile, and there is none (looked for Makefile, GNUmakefile, makefile in ${dirs.map((d) => d || "the root").join(" and ")})`,
      evidence: looked.map((path2) => ({ path: path2 }))
    };
  }
  const declarations = runners.makeTargets.filter(
    (t) => t.name === command.name && makefiles.includes(t.path)
  );
  const target = declarations.find((t) => !t.excerpt.startsWith(".PHONY")) ?? declarations[0];
  if (target) return declared(`make target "${command.name}"`, target);
  const open = makefiles.filter((path2) => runners.openMakefiles.includes(path2));
  if (open.length) {
    return {
      verdict: "unknown",
      message: `no rule for "${command.name}" written out in ${makefiles.join(", ")}, but ${open[0]} has pattern rules or includes that may define it`,
      evidence: open.map((path2) => ({ path: path2 }))
    };
  }
  const targets = [
    ...new Set(runners.makeTargets.filter((t) => makefiles.includes(t.path)).map((t) => t.name))
  ];
  return {
    verdict: "fail",
    message: `no target "${command.name}" in ${makefiles.join(", ")} (targets: ${targets.slice(0, 10).join(", ") || "none"})`,
    evidence: makefiles.map((path2) => ({ path: path2 }))
  };
}
function mixTask(command, runners, ctx) {
  const task = runners.mixTasks.find((t) => t.name === command.name && inScope(t.path, ctx.scope));
  if (task) return declared(`mix task "${command.name}"`, task);
  if (!runners.mixProjects.length) {
    return {
      verdict: "fail",
      message: `\`${command.written}\` needs an Elixir project, and the repository has no mix.exs`,
      evidence: [{ path: ctx.scope ? `${ctx.scope}/mix.exs` : "mix.exs" }]
    };
  }
  if (MIX_BUILT_INS.test(command.name)) {
    const project = runners.mixProjects.find((path2) => inScope(path2, ctx.scope)) ?? runners.mixProjects[0];
    return {
      verdict: "pass",
      message: `"mix ${command.name}" is a built-in task of the Elixir project ${project}`,
      evidence: [{ path: project }]
    };
  }
  return {
    verdict: "unknown",
    message: `"mix ${command.name}" is neither an alias in mix.exs nor a Mix.Tasks module here; a dependency may provide it`,
    evidence: runners.mixProjects.map((path2) => ({ path: path2 }))
  };
}
function declared(what, at9) {
  return {
    verdict: "pass",
    message: `${what} is defined at ${at9.path}:${at9.line}`,
    evidence: [{ path: at9.path, line: at9.line, excerpt: at9.excerpt }]
  };
}

// src/core/collectors/package-scripts.ts
var MANIFEST2 = /(^|\/)package\.json$/;
var SKIPPED3 = inFolders(["node_modules", "vendor", "dist", "build", ".next"]);
var packageScriptsCollector = {
  id: "package-scripts",
  async collect(repo) {
    const manifests = [];
    for (const path2 of repo.files) {
      if (!MANIFEST2.test(path2) || SKIPPED3.test(path2)) continue;
      const text3 = await repo.read(path2);
      if (text3 !== null) manifests.push(readManifest2(path2, text3));
    }
    return { manifests };
  }
};
function readManifest2(path2, text3) {
  const dir = path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "";
  const parsed = parsePackageJson(text3);
  if ("problem" in parsed) return { path: path2, dir, scripts: [], problem: parsed.problem };
  const scripts = parsed.manifest.scripts;
  if (scripts === void 0) return { path: path2, dir, scripts: [] };
  if (scripts === null || typeof scripts !== "object" || Array.isArray(scripts)) {
    return { path: path2, dir, scripts: [], problem: '"scripts" is not an object' };
  }
  const lines = text3.split(/\r\n|\r|\n/);
  const scriptsLine = lines.findIndex((line) => /"scripts"\s*:/.test(line));
  return {
    path: path2,
    dir,
    scripts: Object.entries(scripts).map(([name, command]) => ({
      name,
      command: typeof command === "string" ? command : "",
      line: lineOf3(lines, name, scriptsLine)
    }))
  };
}
function lineOf3(lines, name, from) {
  const key = `${JSON.stringify(name)}`;
  for (let i = Math.max(from, 0); i < lines.length; i++) {
    const line = lines[i];
    const at9 = line.indexOf(key);
    if (at9 >= 0 && /^\s*:/.test(line.slice(at9 + key.length))) return i + 1;
  }
  return from + 1;
}

// src/core/rules/ref/ref-npm-script.ts
var PACKAGE_RUNNERS = /* @__PURE__ */ new Set(["npm", "yarn", "pnpm", "bun"]);
var refNpmScript = {
  id: "ref.npm-script",
  title: "Package scripts the item names exist",
  why: "A checklist step such as `npm run deploy:check` that no longer exists fails the person following it at the worst moment.",
  fix: 'Add the script to the "scripts" of package.json, or correct the command in the checklist.',
  recognises: "`npm run x`, `npm test`/`npm start`, `yarn x`, `yarn run x`, `pnpm x`, `pnpm run x`, `bun run x` in code spans or prose; package-manager commands such as `npm install` or `yarn add` are not scripts.",
  needs: [packageScriptsCollector],
  match: (item) => extractCommands(item).filter((command) => PACKAGE_RUNNERS.has(command.runner)),
  evaluate(command, ctx) {
    const { manifests } = ctx.get(packageScriptsCollector);
    const dirs = candidatePaths("", ctx.scope).map((dir) => dir.replace(/\/$/, ""));
    const manifest = [...new Set(dirs)].map((dir) => manifests.find((m) => m.dir === dir)).find(Boolean);
    if (!manifest) return noManifest(command, dirs, manifests);
    if (manifest.problem) {
      return {
        verdict: "unknown",
        message: `${manifest.path} could not be read: ${manifest.problem}`,
        evidence: [{ path: manifest.path }]
      };
    }
    const script = manifest.scripts.find((s) => s.name === command.name);
    if (script) {
      return {
        verdict: "pass",
        message: `script "${command.name}" is defined in ${manifest.path}`,
        evidence: [
          {
            path: manifest.path,
            line: script.line,
            excerpt: `"${script.name}": "${script.command}"`.slice(0, 160)
          }
        ]
      };
    }
    if (command.name === "start" && ctx.has(manifest.dir ? `${manifest.dir}/server.js` : "server.js")) {
      return {
        verdict: "pass",
        message: `npm start runs server.js (no "start" script in ${manifest.path})`,
        evidence: [{ path: manifest.path }]
      };
    }
    const elsewhere = manifests.find((m) => m !== manifest && m.scripts.some((s) => s.name === command.name));
    if (elsewhere || command.runner !== "npm" && !command.written.includes(" run")) {
      const reason = elsewhere ? `but ${elsewhere.path} defines it (a workspace command may run it there)` : `and \`${command.written}\` may run a dependency's binary instead of a script`;
      return {
        verdict: "unknown",
        message: `no script "${command.name}" in ${manifest.path}, ${reason}`,
        evidence: [{ path: manifest.path }]
      };
    }
    const names2 = manifest.scripts.map((s) => s.name);
    const listed3 = names2.length ? `scripts: ${names2.slice(0, 8).join(", ")}${names2.length > 8 ? ", \u2026" : ""}` : "no scripts at all";
    return {
      verdict: "fail",
      message: `\`${command.written}\` has no script "${command.name}" in ${manifest.path} (${listed3})`,
      evidence: [{ path: manifest.path, line: manifest.scripts[0]?.line ?? 1 }]
    };
  },
  examples: {
    match: [
      "Run `npm run deploy:check` - verify dependencies",
      "Production build passes: `npm run build`",
      "All tests pass (`npm test`)",
      "Lint clean with `yarn lint`",
      "Type check passes: `pnpm run typecheck`",
      "Migrations run with `bun run db:migrate`"
    ],
    noMatch: [
      "Dependencies installed with `npm ci`",
      "Run `npm audit` and fix high vulnerabilities",
      "Add `yarn add helmet`",
      "Docker image built successfully: `make docker.build`",
      "Node environment set to `production`",
      "Tests run with `bun test`"
    ],
    verdicts: [
      {
        files: { "package.json": '{ "scripts": { "build": "tsc -p ." } }\n' },
        item: "Production build passes: `npm run build`",
        verdict: "pass"
      },
      {
        files: { "package.json": '{ "scripts": { "test": "vitest" } }\n' },
        item: "Production build passes: `npm run build`",
        verdict: "fail"
      }
    ]
  }
};
function noManifest(command, dirs, manifests) {
  const looked = dirs.map((dir) => dir ? `${dir}/package.json` : "package.json");
  if (manifests.length) {
    return {
      verdict: "unknown",
      message: `no ${looked.join(" or ")}; ${manifests.length} package.json elsewhere (e.g. ${manifests[0]?.path}) may hold "${command.name}"`,
      evidence: looked.map((path2) => ({ path: path2 }))
    };
  }
  return {
    verdict: "fail",
    message: `\`${command.written}\` needs a package.json, and the repository has none (looked for ${looked.join(", ")})`,
    evidence: looked.map((path2) => ({ path: path2 }))
  };
}

// src/core/extract/paths.ts
var FILE_EXTENSIONS = new Set(
  "ts tsx mts cts js jsx mjs cjs json jsonc json5 yml yaml toml ini cfg conf env md mdx rst txt adoc sh bash zsh ps1 bat cmd py pyi rb go rs java kt kts scala groovy gradle ex exs erl hrl heex eex leex sql prisma graphql gql proto tf tfvars hcl xml properties html htm css scss sass less vue svelte astro php cs fs vb swift m c h cc cpp hpp mk lock example sample template tpl j2 dist dockerfile service nginx".split(" ")
);
var NEVER_COMMITTED = /(^|\/)\.env(\.(?!example$|sample$|template$|dist$|defaults?$)[\w-]+)?$/i;
var RUNTIME_EXTENSIONS = new Set(
  "bin db sqlite sqlite3 log pid sock dump bak pem key crt cer p12 pfx jks gz tgz zip tar".split(" ")
);
var FRAMEWORK_NAMES = /^(node|next|nuxt|vue|express|react|nest|ember|backbone|angular|three|d3|chart|moment|day|alpine|solid|socket|p5)\.js$/i;
var MIME_PREFIX = /^(application|text|image|audio|video|multipart|font)\//;
var KNOWN_DIRS = new Set(
  "src lib app apps packages services scripts bin cmd pkg internal docs doc config configs deploy deployment k8s kubernetes helm charts infra terraform test tests spec e2e migrations priv public static assets .github ops tools examples templates db prisma api server client web".split(" ")
);
var SAFE_PATH = /^[\w.@+-][\w.@+-]*(\/[\w.@+-]+)*\/?$/;
var LINE_RANGE = /^\s*(?:\)\s*)?(?:lines?|L|ll\.?)\s*(\d+)\s*(?:[-–—]|to)\s*(\d+)/i;
var BUILD_FILE_IN_PROSE = /(?<![\w./-])(Makefile|Justfile|Caddyfile)(?![\w./-])/g;
var COLON_RANGE = /^(.*?):(\d+)(?:-(\d+))?$/;
var TEXT_PATH = /(?:^|[\s(["'])((?:\.\/)?[\w-][\w.-]*(?:\/[\w.-]+)+\.[A-Za-z0-9]+|[a-z_][\w-]*(?:\.[\w-]+)*\.[a-z0-9]+)(?=$|[\s),;:"'\]]|\.(?:\s|$))/g;
function extractPaths(item) {
  const found2 = /* @__PURE__ */ new Map();
  const add2 = (ref11) => {
    if (!ref11) return;
    const known = found2.get(ref11.path);
    if (!known || ref11.lines && !known.lines) found2.set(ref11.path, ref11);
  };
  for (const span of item.codeSpans) add2(spanPath(span, rangeAfter(item.text, span)));
  for (const link of item.links) add2(linkPath(link));
  for (const match of item.text.matchAll(BUILD_FILE_IN_PROSE)) {
    if (!item.codeSpans.some((span) => span.includes(match[1])))
      add2(pathRef(match[1], void 0));
  }
  for (const match of item.text.matchAll(TEXT_PATH)) {
    const token2 = match[1];
    if (item.codeSpans.some((span) => span.includes(token2))) continue;
    const ref11 = pathRef(token2, rangeAfter(item.text, token2), { requireCodeExtension: true });
    add2(ref11);
  }
  return [...found2.values()];
}
function citedPaths(item) {
  const own = new Set(extractPaths(item).map((ref11) => ref11.path));
  const cited = extractPaths({
    text: item.details.join("\n"),
    codeSpans: item.detailCodeSpans,
    links: item.detailLinks
  });
  return cited.filter((ref11) => !own.has(ref11.path));
}
function spanPath(span, lines) {
  const colon = COLON_RANGE.exec(span.trim());
  if (colon && /[./]/.test(colon[1])) {
    const from = Number(colon[2]);
    return pathRef(colon[1], { from, to: colon[3] ? Number(colon[3]) : from });
  }
  return pathRef(span, lines);
}
function linkPath(link) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("#") || link.startsWith("/")) return void 0;
  const [target = ""] = link.split(/[?#]/);
  let decoded;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return void 0;
  }
  if (!decoded || decoded.startsWith("../")) return void 0;
  const clean = decoded.replace(/^\.\//, "");
  const folder = clean.endsWith("/");
  const path2 = clean.replace(/\/+$/, "");
  if (!path2 || !SAFE_PATH.test(path2) || NEVER_COMMITTED.test(path2)) return void 0;
  return withLines({ path: path2, folder, bare: false }, fragmentLines(link));
}
function fragmentLines(link) {
  const anchor = /#L(\d+)(?:-L?(\d+))?$/.exec(link);
  if (!anchor) return void 0;
  const from = Number(anchor[1]);
  return { from, to: anchor[2] ? Number(anchor[2]) : from };
}
function pathRef(raw, lines, options = {}) {
  const text3 = raw.trim().replace(/^\.\//, "");
  if (!text3 || text3.length > 200 || text3.startsWith("../") || !SAFE_PATH.test(text3)) return void 0;
  if (text3.startsWith("@") || MIME_PREFIX.test(text3) || FRAMEWORK_NAMES.test(text3)) return void 0;
  const folder = text3.endsWith("/");
  const path2 = text3.replace(/\/+$/, "");
  if (NEVER_COMMITTED.test(path2)) return void 0;
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  const extension = extensionOf(name);
  if (extension && RUNTIME_EXTENSIONS.has(extension)) return void 0;
  const hasFolder = path2.includes("/");
  if (folder)
    return hasFolder || !options.requireCodeExtension ? withLines({ path: path2, folder, bare: false }, lines) : void 0;
  if (extension && FILE_EXTENSIONS.has(extension)) {
    if (options.requireCodeExtension && !hasFolder && /^[A-Z]/.test(name)) return void 0;
    return withLines({ path: path2, folder: false, bare: !hasFolder }, lines);
  }
  if (!options.requireCodeExtension && /^(Dockerfile|Makefile|Justfile|Procfile|Caddyfile|Jenkinsfile|Gemfile)$/.test(name)) {
    return withLines({ path: path2, folder: false, bare: !hasFolder }, lines);
  }
  if (hasFolder && !extension && KNOWN_DIRS.has(path2.split("/")[0])) {
    return { path: path2, folder: true, bare: false };
  }
  return void 0;
}
function withLines(ref11, lines) {
  return lines && !ref11.folder ? { ...ref11, lines } : ref11;
}
function extensionOf(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : void 0;
}
function rangeAfter(text3, token2) {
  const at9 = text3.indexOf(token2);
  if (at9 < 0) return void 0;
  const range = LINE_RANGE.exec(text3.slice(at9 + token2.length, at9 + token2.length + 40));
  if (!range) return void 0;
  const from = Number(range[1]);
  const to = Number(range[2]);
  return from <= to ? { from, to } : void 0;
}

// src/core/rules/ref/ref-path-exists.ts
var RUNTIME_FOLDERS = /(^|\/)(logs?|tmp|temp|data|uploads|cache|backups?|storage|var|run|pids)$/;
var BUILD_OUTPUT_FOLDERS = /(^|\/)(dist|build|out|target|\.next|\.nuxt|\.svelte-kit|\.output|coverage|htmlcov|bin|obj|public\/build|storybook-static|site|_site)$/;
var DEPLOYMENT_WORDING = /\b(created?|mount(?:ed|s)?|volumes?|persist(?:ent|ence)?|on the server|exported|copied|copy)\b/i;
var refPathExists = {
  id: "ref.path-exists",
  title: "Files and folders the item names exist",
  why: "A ticked item that points at a deleted or never-written file is a claim nobody can follow; it rots silently.",
  fix: "Restore or add the file the item names, or correct the path (and line range) in the checklist.",
  recognises: "Paths in code spans (`scripts/backup-db.sh`, `priv/`, `health-monitor.ts`), relative links, bare paths with a folder and extension in prose, line ranges (`routes.ts` lines 271-278, `src/app.ts:10-20`, [link](deploy.sh#L70)), and the same in nested plain bullets that cite the item's evidence. Commands, settings, routes, URLs, packages and never-committed files (`.env.production`, `*.bin`, keys) are not paths.",
  needs: [envReadsCollector],
  // A file cited in a nested bullet is evidence the item rests on, as much as one in its text.
  match: (item) => [...extractPaths(item), ...citedPaths(item)],
  evaluate(ref11, ctx, item) {
    return ref11.bare ? findByName(ref11, ctx) : findAtPath(ref11, ctx, item);
  },
  examples: {
    match: [
      "**Database Backups** - Automated script with retention policy (`scripts/backup-db.sh`)",
      "**Scheduler/Poller Daemons** - Auto-start on server boot (`routes.ts` lines 271-278)",
      "**Health Monitoring** - System alerts for errors, latency, memory, disk (`health-monitor.ts`)",
      "Backup script tested: `./scripts/backup-db.sh`",
      "Copy `.env.production.example` to `.env.production`",
      "Configure all environment variables (see `.env.docker.example`)",
      "Runbook written: see [the runbook](docs/runbook.md)",
      "Monitoring alerts triggering (health-monitor.ts)",
      "Kubernetes manifests in `k8s/` reviewed",
      "Rate limiter lives in src/middleware/rate-limit.ts",
      "Rollback tested ([deploy script](scripts/deploy.sh#L70))",
      "Terraform variables documented\n  - see `infra/variables.tf`"
    ],
    noMatch: [
      "`.env.production` file created",
      "`./priv:/app/priv` - For persistent data",
      "Persistent data backup strategy: `priv/persistent_values.bin`, `priv/command_log.bin`",
      "Node environment set to `production`",
      "All `CHANGE_THIS_*` values updated",
      "`MIX_ENV=prod` - Production environment",
      "Run `npm run deploy:check` - verify dependencies",
      "Health endpoint responding: `GET /api/health`",
      "Application metrics exposed on `/metrics`",
      "License manager URL accessible: `https://lm.wanderer.ltd`",
      "Separate configurations for dev/staging/prod",
      "Built with Node.js and Express",
      "Uses `@nestjs/terminus` for health checks"
    ],
    verdicts: [
      {
        files: { "scripts/backup-db.sh": '#!/bin/sh\npg_dump "$DATABASE_URL" > backup.sql\n' },
        item: "**Database Backups** - Automated script with retention policy (`scripts/backup-db.sh`)",
        verdict: "pass"
      },
      {
        // Build output is not committed: its absence says nothing about the build.
        files: { "package.json": '{ "scripts": { "build": "tsc -p ." } }\n' },
        item: "Build output generated in `dist/`",
        verdict: "unknown"
      },
      {
        files: { "scripts/restore-db.sh": "#!/bin/sh\n" },
        item: "**Database Backups** - Automated script with retention policy (`scripts/backup-db.sh`)",
        verdict: "fail"
      }
    ]
  }
};
function findByName(ref11, ctx) {
  const exact = candidatePaths(ref11.path, ctx.scope).find((path2) => ctx.has(path2));
  const named = ref11.path.includes("/") ? ctx.files.filter((path2) => path2 === ref11.path || path2.endsWith(`/${ref11.path}`)) : ctx.named(ref11.path);
  const found2 = exact ?? named.find((path2) => inScope(path2, ctx.scope)) ?? named[0];
  const generator = found2 ? void 0 : generatorOf(ref11.path, ctx);
  if (generator) {
    return {
      verdict: "unknown",
      message: `no tracked ${ref11.path}, but ${generator} may generate it at build or request time (a framework route or generator), which the repository alone cannot show`,
      evidence: [{ path: generator }]
    };
  }
  if (!found2) {
    return {
      verdict: "fail",
      message: `no tracked file named ${ref11.path} anywhere in the repository (searched ${ctx.files.length} files)`,
      evidence: [{ path: ref11.path }]
    };
  }
  const others = named.length > 1 ? ` (and ${named.length - 1} more with that name)` : "";
  return withLineRange(ref11, found2, ctx, `${ref11.path} found at ${found2}${others}`);
}
var GENERATED_OUTPUT = /^([\w.-]+?)\.(txt|xml|json|html|webmanifest)$/i;
var SOURCE_EXTENSIONS = ["ts", "tsx", "js", "jsx", "mjs", "py", "rb", "php", "go"];
function generatorOf(cited, ctx) {
  const name = cited.split("/").pop() ?? cited;
  const output = GENERATED_OUTPUT.exec(name);
  if (!output) return void 0;
  const [, stem2, extension] = output;
  const candidates2 = SOURCE_EXTENSIONS.flatMap((source) => [
    `${stem2}.${source}`,
    `${stem2}.${extension}.${source}`
  ]);
  if (/^(?:robots|sitemap)/i.test(stem2)) candidates2.push("next-sitemap.config.js", "next-sitemap.config.cjs");
  const generators = candidates2.flatMap((candidate) => ctx.named(candidate));
  return generators.find((path2) => inScope(path2, ctx.scope)) ?? generators[0];
}
function findAtPath(ref11, ctx, item) {
  const candidates2 = candidatePaths(ref11.path, ctx.scope);
  const file = ref11.folder ? void 0 : candidates2.find((path2) => ctx.has(path2));
  if (file) return withLineRange(ref11, file, ctx, `${file} exists`);
  const folder = candidates2.find((path2) => ctx.hasDir(path2));
  if (folder) return { verdict: "pass", message: `folder ${folder}/ exists`, evidence: [{ path: folder }] };
  const where3 = candidates2.join(" or ");
  const nested = nestedMatches(ref11, ctx);
  if (nested.length > 0) {
    const first3 = nested[0];
    const others = nested.length > 1 ? ` (and ${nested.length - 1} more)` : "";
    const found2 = `${ref11.path} is not at ${where3}, but ${ref11.folder ? "folder " : ""}${first3}${ref11.folder ? "/" : ""} exists${others}`;
    return ref11.folder ? { verdict: "pass", message: found2, evidence: [{ path: first3 }] } : withLineRange(ref11, first3, ctx, found2);
  }
  const wording = [item.text, ...item.parents].join(" ");
  if (ref11.folder && BUILD_OUTPUT_FOLDERS.test(ref11.path.replace(/^\.\//, "").replace(/\/+$/, ""))) {
    return {
      verdict: "unknown",
      message: `no folder ${where3}/ in the repository; it is where a build writes its output, which repositories do not track, so only a build can show it`,
      evidence: [{ path: candidates2[0] }]
    };
  }
  if (ref11.folder && (RUNTIME_FOLDERS.test(ref11.path) || DEPLOYMENT_WORDING.test(wording))) {
    return {
      verdict: "unknown",
      message: `no folder ${where3}/ in the repository; it may be created where the software runs, which the repository cannot show`,
      evidence: [{ path: candidates2[0] }]
    };
  }
  return {
    verdict: "fail",
    message: `no ${ref11.folder ? "folder" : "file or folder"} ${where3} in the repository`,
    evidence: candidates2.map((path2) => ({ path: path2 }))
  };
}
function nestedMatches(ref11, ctx) {
  const cited = ref11.path.replace(/^\.\//, "").replace(/\/$/, "");
  if (!cited.includes("/")) return [];
  const found2 = /* @__PURE__ */ new Set();
  const citedIsProduction = !isNonProductionPath(cited);
  for (const path2 of ctx.files) {
    let match;
    if (ref11.folder) {
      const at9 = path2.indexOf(`/${cited}/`);
      if (at9 >= 0) match = path2.slice(0, at9 + cited.length + 1);
    } else if (path2.endsWith(`/${cited}`)) match = path2;
    if (match !== void 0 && !(citedIsProduction && isNonProductionPath(path2))) found2.add(match);
  }
  return [...found2].sort(
    (a, b) => Number(inScope(b, ctx.scope)) - Number(inScope(a, ctx.scope)) || a.length - b.length
  );
}
function withLineRange(ref11, path2, ctx, found2) {
  if (!ref11.lines) return { verdict: "pass", message: found2, evidence: [{ path: path2 }] };
  const range = `lines ${ref11.lines.from}-${ref11.lines.to}`;
  const count2 = ctx.get(envReadsCollector).lineCounts.get(path2);
  if (count2 === void 0) {
    return {
      verdict: "unknown",
      message: `${found2}, but its length was not measured (not a scanned source file), so ${range} cannot be checked`,
      evidence: [{ path: path2 }]
    };
  }
  if (count2 < ref11.lines.to) {
    return {
      verdict: "fail",
      message: `${path2} has ${count2} lines; the item cites ${range}`,
      evidence: [{ path: path2, line: count2 }]
    };
  }
  return {
    verdict: "pass",
    message: `${found2} with ${count2} lines, covering ${range}`,
    evidence: [{ path: path2, line: ref11.lines.from }]
  };
}

// src/core/rules/ref/index.ts
var refRules = [refPathExists, refNpmScript, refMakeTarget, refClassFile];

// src/core/rules/repo/repo-codeowners.ts
var CODE_OWNERS = /\bcode ?owners\b/i;
var repoCodeowners = {
  id: "repo.codeowners",
  title: "CODEOWNERS assigns reviewers",
  why: "Without code owners, changes to critical paths can merge without anyone responsible for them seeing the pull request.",
  fix: "Add .github/CODEOWNERS with at least `* @your-org/your-team`, plus narrower rules for critical folders.",
  recognises: "Items mentioning CODEOWNERS or code owners.",
  needs: [repoMetaCollector],
  match(item) {
    return CODE_OWNERS.test(claimText(item)) ? [void 0] : [];
  },
  evaluate(_params, ctx) {
    const { codeowners } = ctx.get(repoMetaCollector);
    const file = codeowners[0];
    if (!file) {
      return {
        verdict: "fail",
        message: "no CODEOWNERS file in .github/, the repository root or docs/",
        evidence: [{ path: ".github/CODEOWNERS" }, { path: "CODEOWNERS" }, { path: "docs/CODEOWNERS" }]
      };
    }
    const owned = file.rules.filter((rule) => rule.owners.length > 0);
    if (!owned.length) {
      return {
        verdict: "fail",
        message: `${file.path} has no rule that names an owner, so it requests no reviews`,
        evidence: [{ path: file.path }]
      };
    }
    const count2 = `${owned.length} rule${owned.length === 1 ? "" : "s"}`;
    if (!ctx.scope) {
      const first3 = owned[0];
      return {
        verdict: "pass",
        message: `${file.path} assigns owners with ${count2}`,
        evidence: [
          { path: file.path, line: first3.line, excerpt: `${first3.pattern} ${first3.owners.join(" ")}` }
        ]
      };
    }
    const decisive = [...file.rules].reverse().find((rule) => coverage(rule.pattern, ctx.scope) !== "no");
    if (decisive && coverage(decisive.pattern, ctx.scope) === "yes" && decisive.owners.length) {
      return {
        verdict: "pass",
        message: `${file.path}:${decisive.line} assigns ${ctx.scope} to ${decisive.owners.join(" ")}`,
        evidence: [
          {
            path: file.path,
            line: decisive.line,
            excerpt: `${decisive.pattern} ${decisive.owners.join(" ")}`
          }
        ]
      };
    }
    if (decisive) {
      return {
        verdict: "unknown",
        message: `${file.path}:${decisive.line} (${decisive.pattern}) may or may not cover ${ctx.scope}`,
        evidence: [{ path: file.path, line: decisive.line }]
      };
    }
    return {
      verdict: "fail",
      message: `none of the ${count2} in ${file.path} covers ${ctx.scope}`,
      evidence: [{ path: file.path }]
    };
  },
  examples: {
    match: [
      "CODEOWNERS file",
      "Code owners assigned for every service",
      "**Ownership** - CODEOWNERS requires platform review"
    ],
    noMatch: ["Code reviewed and tested", "Service owner identified", "Owner: ____ Date: ____"],
    verdicts: [
      { files: { ".github/CODEOWNERS": "* @acme/platform\n" }, item: "CODEOWNERS file", verdict: "pass" },
      { files: { "README.md": "# API\n" }, item: "CODEOWNERS file", verdict: "fail" }
    ]
  }
};
function coverage(pattern, folder) {
  if (pattern === "*" || pattern === "**" || pattern === "/" || pattern === "/**" || pattern === "/*")
    return "yes";
  const anchored = pattern.startsWith("/") || pattern.slice(0, -1).includes("/");
  const path2 = pattern.replace(/^\/+/, "").replace(/\/\*\*$/, "").replace(/\/+$/, "");
  if (/\*\.[^/]*$/.test(path2)) return "no";
  if (/[*?[]/.test(path2)) return "maybe";
  if (anchored) return folder === path2 || folder.startsWith(`${path2}/`) ? "yes" : "no";
  return folder.split("/").includes(path2) ? "yes" : "no";
}

// src/core/collectors/dev-tools/catalogue.ts
var PYPROJECT = /(^|\/)pyproject\.toml$/;
var SETUP_CFG = /(^|\/)(setup\.cfg|tox\.ini)$/;
var PACKAGE_JSON = /(^|\/)package\.json$/;
var JVM_BUILD = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;
var DEV_TOOLS = [
  {
    id: "golangci-lint",
    shown: ".golangci.yml",
    name: "golangci-lint",
    mention: /\bgolangci(?:-lint)?\b/i,
    files: /(^|\/)\.golangci\.(ya?ml|toml|json)$/,
    trace: /golangci/i
  },
  {
    id: "eslint",
    shown: "eslint.config.js, .eslintrc*",
    name: "ESLint",
    mention: /\bESLint\b/i,
    files: /(^|\/)(\.eslintrc(\.(c?js|mjs|json|ya?ml))?|eslint\.config\.[cm]?[jt]s)$/,
    sections: [[PACKAGE_JSON, /"eslintConfig"\s*:/]],
    trace: /eslint/i
  },
  {
    id: "prettier",
    shown: ".prettierrc*, prettier.config.js",
    name: "Prettier",
    mention: /\bPrettier\b/i,
    files: /(^|\/)(\.prettierrc(\.(c?js|mjs|json5?|ya?ml|toml))?|prettier\.config\.[cm]?[jt]s)$/,
    sections: [[PACKAGE_JSON, /"prettier"\s*:\s*["{]/]],
    trace: /prettier/i
  },
  {
    id: "biome",
    shown: "biome.json",
    name: "Biome",
    mention: /\bBiome(?:JS)?\b/,
    files: /(^|\/)biome\.jsonc?$/,
    trace: /@biomejs|\bbiome\b/i
  },
  {
    id: "stylelint",
    shown: ".stylelintrc*, stylelint.config.js",
    name: "Stylelint",
    mention: /\bStylelint\b/i,
    files: /(^|\/)(\.stylelintrc(\.[\w]+)?|stylelint\.config\.[cm]?[jt]s)$/,
    sections: [[PACKAGE_JSON, /"stylelint"\s*:\s*\{/]],
    trace: /stylelint/i
  },
  {
    id: "rubocop",
    shown: ".rubocop.yml",
    name: "RuboCop",
    mention: /\bRuboCop\b/i,
    files: /(^|\/)\.rubocop(_todo)?\.ya?ml$/,
    trace: /rubocop/i
  },
  {
    id: "ruff",
    shown: "ruff.toml, [tool.ruff]",
    name: "Ruff",
    mention: /\bRuff\b/,
    files: /(^|\/)\.?ruff\.toml$/,
    sections: [[PYPROJECT, /^\s*\[tool\.ruff\b/m]],
    trace: /\bruff\b/i
  },
  {
    id: "mypy",
    shown: "mypy.ini, [tool.mypy], [mypy]",
    name: "mypy",
    mention: /\bmypy\b/i,
    files: /(^|\/)\.?mypy\.ini$/,
    sections: [
      [PYPROJECT, /^\s*\[tool\.mypy\b/m],
      [SETUP_CFG, /^\s*\[mypy\b/m]
    ],
    trace: /mypy/i
  },
  {
    id: "flake8",
    shown: ".flake8, [flake8]",
    name: "Flake8",
    mention: /\bflake8\b/i,
    files: /(^|\/)\.flake8$/,
    sections: [[SETUP_CFG, /^\s*\[flake8\]/m]],
    trace: /flake8/i
  },
  {
    id: "pylint",
    shown: ".pylintrc, [tool.pylint]",
    name: "Pylint",
    mention: /\bPylint\b/i,
    files: /(^|\/)\.?pylintrc$/,
    sections: [
      [PYPROJECT, /^\s*\[tool\.pylint\b/m],
      [SETUP_CFG, /^\s*\[pylint\b/m]
    ],
    trace: /pylint/i
  },
  {
    id: "pre-commit",
    shown: ".pre-commit-config.yaml, .husky/pre-commit, lefthook.yml, .githooks/pre-commit",
    name: "pre-commit hooks",
    mention: /\bpre-?commit(?:\s+hooks?)?\b|\bgit hooks\b/i,
    files: /(^|\/)(\.pre-commit-config\.ya?ml|\.husky\/pre-commit|\.?lefthook\.ya?ml|\.githooks\/pre-commit|\.git-hooks\/pre-commit)$/,
    sections: [[PACKAGE_JSON, /"(simple-git-hooks|pre-commit)"\s*:\s*[{"]|"hooks"\s*:\s*\{\s*"pre-commit"/]],
    trace: /pre-commit|husky|lefthook|simple-git-hooks|overcommit|githooks/i
  },
  {
    id: "husky",
    shown: ".husky/",
    name: "Husky",
    mention: /\bHusky\b/i,
    files: /(^|\/)\.husky\/[^/_][^/]*$/,
    sections: [[PACKAGE_JSON, /"husky"\s*:\s*\{/]],
    trace: /husky/i
  },
  {
    id: "commitlint",
    shown: "commitlint.config.js, .commitlintrc*",
    name: "commitlint",
    mention: /\bcommitlint\b/i,
    files: /(^|\/)(commitlint\.config\.[cm]?[jt]s|\.commitlintrc(\.[\w]+)?)$/,
    sections: [[PACKAGE_JSON, /"commitlint"\s*:\s*\{/]],
    trace: /commitlint/i
  },
  {
    id: "editorconfig",
    shown: ".editorconfig",
    name: "EditorConfig",
    mention: /\bEditorConfig\b|\.editorconfig\b/i,
    files: /(^|\/)\.editorconfig$/,
    trace: /editorconfig/i
  },
  {
    id: "hadolint",
    shown: ".hadolint.yaml",
    name: "hadolint",
    mention: /\bhadolint\b/i,
    files: /(^|\/)\.?hadolint\.ya?ml$/,
    trace: /hadolint/i
  },
  {
    id: "checkstyle",
    shown: "checkstyle*.xml, the Checkstyle plugin",
    name: "Checkstyle",
    mention: /\bCheckstyle\b/i,
    files: /(^|\/)checkstyle[\w-]*\.xml$/,
    sections: [[JVM_BUILD, /checkstyle/i]],
    trace: /checkstyle/i
  },
  {
    id: "spotbugs",
    shown: "spotbugs*.xml, the SpotBugs plugin",
    name: "SpotBugs",
    mention: /\bSpotBugs\b/i,
    files: /(^|\/)spotbugs[\w-]*\.xml$/,
    sections: [[JVM_BUILD, /spotbugs/i]],
    trace: /spotbugs/i
  },
  {
    id: "codecov",
    shown: "codecov.yml, a CI step",
    name: "Codecov",
    mention: /\bCodecov\b/i,
    files: /(^|\/)\.?codecov\.ya?ml$/,
    trace: /codecov/i,
    configuredByCi: true
  },
  {
    id: "sonar",
    shown: "sonar-project.properties, a CI step",
    name: "SonarQube/SonarCloud",
    mention: /\bSonar(?:Qube|Cloud)\b/i,
    files: /(^|\/)sonar-project\.properties$/,
    sections: [[JVM_BUILD, /sonar/i]],
    trace: /sonar/i,
    configuredByCi: true
  }
];

// src/core/collectors/dev-tools.ts
var SETUP_FILE = /(^|\/)(Makefile|GNUmakefile|[\w.-]+\.mk|justfile|Justfile|Taskfile\.ya?ml|tox\.ini|noxfile\.py|setup\.cfg|\.pre-commit-config\.ya?ml|\.?lefthook\.ya?ml|Dockerfile[\w.-]*|[\w.-]+\.dockerfile)$|(^|\/)\.husky\/[^/]+$|(^|\/)(scripts?|bin|tools|hack)\/[^/]+\.(sh|bash|ps1|mjs|js|py)$/;
var COMMENT5 = /^\s*(?:\/\/|#|\/\*|\*|--|;|<!--)/;
var ANY3 = new RegExp(DEV_TOOLS.map((tool) => `(?:${tool.trace.source})`).join("|"), "i");
function devToolsIn(text3, path2) {
  const found2 = [];
  for (const tool of DEV_TOOLS) {
    for (const [file, section] of tool.sections ?? []) {
      if (!file.test(path2)) continue;
      const match = section.exec(text3);
      if (match) found2.push([tool.id, text3.slice(0, match.index).split("\n").length, "section"]);
    }
  }
  if (!ANY3.test(text3)) return found2;
  const seen = /* @__PURE__ */ new Set();
  const lines = text3.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!ANY3.test(line)) continue;
    const kind = COMMENT5.test(line) ? "comment" : "mention";
    for (const tool of DEV_TOOLS) {
      const key = `${tool.id} ${kind}`;
      if (seen.has(key) || !tool.trace.test(line)) continue;
      seen.add(key);
      found2.push([tool.id, index + 1, kind]);
    }
  }
  return found2;
}
function isDevToolSetupFile(path2) {
  if (VENDORED_OR_GENERATED.test(path2) || NOT_THIS_PROJECT.test(path2)) return false;
  return isCiDefinition(path2) || SETUP_FILE.test(path2) || roleOf(path2) === "manifest";
}
var devToolsCollector = {
  id: "dev-tools",
  async collect(repo) {
    const configFiles = /* @__PURE__ */ new Map();
    for (const tool of DEV_TOOLS) {
      const files = repo.files.filter(
        (path2) => tool.files.test(path2) && !VENDORED_OR_GENERATED.test(path2) && !NOT_THIS_PROJECT.test(path2)
      );
      if (files.length) configFiles.set(tool.id, files);
    }
    const paths = repo.files.filter(isDevToolSetupFile);
    const perFile = await repo.perFiles(
      "dev-tools",
      paths,
      (text3, index) => devToolsIn(text3, paths[index])
    );
    const sections = /* @__PURE__ */ new Map();
    const mentions = /* @__PURE__ */ new Map();
    const comments = /* @__PURE__ */ new Map();
    let scanned = 0;
    perFile.forEach((found2, index) => {
      if (!found2) return;
      scanned += 1;
      const path2 = paths[index];
      for (const [id, line, kind] of found2) {
        if (kind === "section") push(sections, id, { path: path2, line });
        else if (kind === "comment") push(comments, id, { path: path2, line });
        else push(mentions, id, { path: path2, line, ci: isCiDefinition(path2) });
      }
    });
    return { configFiles, sections, mentions, comments, scanned };
  }
};
function push(map, key, value) {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

// src/core/rules/repo/repo-dev-tool-configured.ts
var SET_UP_WORDS = /\b(?:set\s?up|setup|add(?:ed)?|configur(?:e|ed|ation)|config|enabl(?:e|ed)|install(?:ed)?|integrat(?:e|ed|ion)|in place|use[sd]?|hooks?|files?|and|with|for|the|a|is|are|repo(?:sitory)?|project)\b|[&+/,:-]|已?配置(?:文件)?|集成|已完成/gi;
var STATUS = /^\(\s*(?:optional|todo|planned|wip|later|[\u3400-\u9fff]+)\s*\)$/i;
var OUTCOME2 = /\b(?:\d+\s+(?:offen[cs]es?|warnings?|errors?|issues?)|pass(?:es|ing|ed)?|clean|green)\b/i;
function devToolClaims(item) {
  if (item.signOff) return [];
  const text3 = item.text.replace(/[*_`]/g, " ").replace(new RegExp("\\p{Extended_Pictographic}|\\ufe0f", "gu"), " ").trim();
  const named = DEV_TOOLS.filter((tool) => tool.mention.test(text3));
  if (!named.length) return [];
  let rest = text3;
  for (const tool of named)
    rest = rest.replace(new RegExp(tool.mention.source, `${tool.mention.flags}g`), " ");
  const parentheses = rest.match(/\([^()]*\)/g) ?? [];
  rest = rest.replace(/\([^()]*\)/g, " ");
  if (rest.replace(SET_UP_WORDS, " ").trim()) return [];
  const qualifying = parentheses.filter((part) => !STATUS.test(part));
  return named.map((tool) => ({
    tool,
    outcome: OUTCOME2.test(text3),
    qualified: qualifying.length > 0
  }));
}
var repoDevToolConfigured = {
  id: "repo.dev-tool-configured",
  title: "A named development tool (linter, formatter, git hooks, Codecov...) is configured",
  why: "A checklist that credits the project with a linter, formatter or hook it does not configure gives reviewers confidence nothing enforces.",
  fix: "Commit the tool's configuration (.golangci.yml, eslint.config.js, .pre-commit-config.yaml, .rubocop.yml ...) or correct the checklist.",
  recognises: 'Items that name a catalogued tool and only say it is set up ("ESLint configured", "Pre-commit hooks", "golangci-lint configuration", "Codecov integration"); not items about its results or what it enforces.',
  needs: [devToolsCollector],
  match: devToolClaims,
  evaluate(claim, ctx) {
    const evidence2 = ctx.get(devToolsCollector);
    const { tool } = claim;
    const counts = (path2) => !isNonProductionPath(path2) || ctx.scope !== "" && inScope(path2, ctx.scope);
    const files = (evidence2.configFiles.get(tool.id) ?? []).filter(counts);
    const sections = (evidence2.sections.get(tool.id) ?? []).filter((place) => counts(place.path));
    const mentions = (evidence2.mentions.get(tool.id) ?? []).filter((place) => counts(place.path));
    const ciSteps = tool.configuredByCi ? mentions.filter((place) => place.ci) : [];
    const configured = [
      ...preferScope3(files, ctx.scope).map((path2) => ({ path: path2 })),
      ...preferScope3(sections, ctx.scope).map(({ path: path2, line }) => ({ path: path2, line })),
      ...preferScope3(ciSteps, ctx.scope).map(({ path: path2, line }) => ({ path: path2, line }))
    ];
    const first3 = configured[0];
    if (first3) {
      const found2 = `${tool.name}: configured at ${first3.path}${first3.line ? `:${first3.line}` : ""}${configured.length > 1 ? ` (and ${configured.length - 1} more)` : ""}`;
      if (claim.outcome) return unknown2(`${found2}; its results are known only from a run`, configured);
      if (claim.qualified)
        return unknown2(`${found2}; what the item adds about it needs a reviewer`, configured);
      return { verdict: "pass", message: found2, evidence: configured.slice(0, 3) };
    }
    const named = [
      ...mentions,
      ...evidence2.comments.get(tool.id) ?? [],
      ...evidence2.mentions.get(tool.id) ?? [],
      ...(evidence2.configFiles.get(tool.id) ?? []).map((path2) => ({ path: path2, line: 0 }))
    ];
    const seen = named[0];
    if (seen) {
      const at9 = seen.line ? `${seen.path}:${seen.line}` : seen.path;
      return unknown2(
        `no ${tool.name} configuration in the project's own files, but it is named at ${at9}; it may run with its defaults`,
        [{ path: seen.path, ...seen.line ? { line: seen.line } : {} }]
      );
    }
    if (!evidence2.scanned)
      return unknown2(`no manifests, CI files or build scripts to look for ${tool.name} in`, []);
    return {
      verdict: "fail",
      message: `no ${tool.name} configuration (looked for ${tool.shown}), and none of the ${evidence2.scanned} manifests, CI files, Makefiles, hooks and scripts names it`,
      evidence: [{ path: ctx.scope || "." }]
    };
  },
  examples: {
    match: [
      "ESLint configured",
      "Pre-commit hooks",
      "golangci-lint configuration",
      "Codecov integration",
      "Set up Prettier and ESLint",
      "RuboCop configuration (0 offenses)",
      "\u2705 Husky git hooks"
    ],
    noMatch: [
      "ESLint errors fixed across the codebase",
      "Prettier formats every commit in CI before the release branch is cut",
      "Secrets scanning in pre-commit hooks with gitleaks",
      "Linting in CI",
      "Code coverage above 80% on Codecov",
      "Team trained on RuboCop style rules"
    ],
    verdicts: [
      {
        files: {
          ".golangci.yml": "linters:\n  enable:\n    - govet\n",
          "go.mod": "module example.com/shop\n"
        },
        item: "golangci-lint configuration",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test -coverprofile=c.out ./...\n      - uses: codecov/codecov-action@v4\n"
        },
        item: "Codecov integration",
        verdict: "pass"
      },
      {
        // A linter run from CI with no configuration of its own: it may run with its defaults.
        files: {
          ".github/workflows/ci.yml": "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: golangci/golangci-lint-action@v6\n"
        },
        item: "golangci-lint configuration",
        verdict: "unknown"
      },
      {
        // Another hook mechanism than the one named does not count: Husky is not Ruff.
        files: {
          "package.json": '{ "devDependencies": { "husky": "^9.0.0" } }\n',
          ".husky/pre-commit": "npx lint-staged\n",
          "pyproject.toml": '[project]\nname = "shop"\n'
        },
        item: "Ruff configured",
        verdict: "fail"
      },
      {
        files: {
          "package.json": '{ "devDependencies": { "husky": "^9.0.0" } }\n',
          ".husky/pre-commit": "npx lint-staged\n"
        },
        item: "Pre-commit hooks",
        verdict: "pass"
      }
    ]
  }
};
function preferScope3(entries, scope) {
  const path2 = (entry2) => typeof entry2 === "string" ? entry2 : entry2.path;
  return [
    ...entries.filter((entry2) => inScope(path2(entry2), scope)),
    ...entries.filter((entry2) => !inScope(path2(entry2), scope))
  ];
}
function unknown2(message, evidence2) {
  return { verdict: "unknown", message, evidence: evidence2.slice(0, 3) };
}

// src/core/rules/repo/index.ts
var repoRules = [repoCodeowners, repoDevToolConfigured];

// src/core/collectors/secret-scan.ts
var import_picomatch4 = __toESM(require_picomatch(), 1);
var isGitignore = (path2) => path2 === ".gitignore" || path2.endsWith("/.gitignore");
var secretScanCollector = {
  id: "secret-scan",
  async collect(repo, config) {
    const allowlist = compileAllowlist(config);
    const scan2 = {
      findings: [],
      allowed: [],
      envFiles: [],
      envIgnoredBy: [],
      filesScanned: 0,
      bytesScanned: 0,
      filesUnread: 0,
      notes: [...allowlist.problems]
    };
    let longLines = 0;
    const paths = repo.files;
    const files = await repo.perFiles("secret-scan", paths, (text3, index) => {
      const path2 = paths[index];
      const found2 = scanFile(path2, text3, allowlist);
      const ignoresEnv = isGitignore(path2) && ignoresEnvFile(text3);
      const nothing = !found2.findings.length && !found2.allowed.length && !found2.envFile && !found2.longLines;
      return nothing && !ignoresEnv ? { chars: text3.length } : { chars: text3.length, found: found2, ignoresEnv };
    });
    files.forEach((file, index) => {
      if (file === null) {
        scan2.filesUnread++;
        return;
      }
      scan2.filesScanned++;
      scan2.bytesScanned += file.chars;
      if (file.ignoresEnv) scan2.envIgnoredBy.push(paths[index]);
      if (!file.found) return;
      scan2.findings.push(...file.found.findings);
      scan2.allowed.push(...file.found.allowed);
      if (file.found.envFile) scan2.envFiles.push(file.found.envFile);
      longLines += file.found.longLines;
    });
    if (longLines > 0) {
      scan2.notes.push(
        `${longLines} line${longLines === 1 ? " was" : "s were"} longer than 4 KB and scanned only around likely credential markers`
      );
    }
    const byLocation = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;
    scan2.findings.sort(byLocation);
    scan2.allowed.sort(byLocation);
    scan2.envFiles.sort((a, b) => a.path < b.path ? -1 : 1);
    scan2.envIgnoredBy.sort();
    return scan2;
  }
};
function ignoresEnvFile(gitignore) {
  for (const raw of gitignore.split("\n")) {
    const pattern = raw.trim();
    if (!pattern || pattern.startsWith("#") || pattern.startsWith("!") || !pattern.includes("env")) continue;
    const basePattern = pattern.replace(/^\//, "").replace(/^(?:\*\*\/)+/, "").replace(/\/$/, "");
    if (basePattern.includes("/")) continue;
    try {
      if ((0, import_picomatch4.default)(basePattern, { dot: true })(".env")) return true;
    } catch {
    }
  }
  return false;
}

// src/core/rules/secrets/secrets-no-env-file.ts
var ENV_NAME2 = /(?:^|[\s`'"(/])(\.env(?:\.[A-Za-z0-9_-]+)*)(?=$|[\s`'"),;:.])/g;
var NOT_COMMITTED = /\bnot\s+(?:be\s+)?(?:committed|checked\s+in|tracked|pushed|in\s+(?:git|the\s+repo(?:sitory)?|version\s+control|source\s+control))|\bnever\s+committed|\bgit-?ignored|\bignored\s+by\s+git|\bin\s+\.?gitignore|\bexcluded\s+from\s+(?:git|version\s+control|the\s+repo)|\buntracked|\bno\s+(?:\w+\s+){0,2}\.env\b[^.;]{0,30}\bcommitted/i;
var MENTIONS_GITIGNORE = /gitignore|ignored\s+by\s+git/i;
var MAX_EVIDENCE = 10;
var secretsNoEnvFile = {
  id: "secrets.no-env-file",
  title: ".env files with real values are not committed",
  why: "A committed .env file ships every value in it (database URLs, API keys) to everyone who can read the repository and its history.",
  fix: "Untrack the file (`git rm --cached .env`), add `.env` to .gitignore, rotate the values it held, and commit a `.env.example` with placeholders instead.",
  recognises: 'Items that name a .env file and say it is not committed, git-ignored or in .gitignore (".env not committed", "`.env` in .gitignore"); templates (.env.example) and items about creating or configuring a .env file are left alone.',
  needs: [secretScanCollector],
  match(item) {
    const text3 = item.text;
    if (!NOT_COMMITTED.test(text3)) return [];
    const names2 = [...text3.matchAll(ENV_NAME2)].map((match) => match[1]).filter((name2) => isEnvFile(name2));
    const name = names2[0];
    return name ? [{ name, ignored: MENTIONS_GITIGNORE.test(text3) }] : [];
  },
  evaluate(claim, ctx) {
    const scan2 = ctx.get(secretScanCollector);
    const named = (path2) => claim.name === ".env" || path2.slice(path2.lastIndexOf("/") + 1) === claim.name;
    const tracked = scan2.envFiles.filter(
      (file) => inScope(file.path, ctx.scope) && named(file.path) && pathContext(file.path) === "code"
    );
    const valued = tracked.filter((file) => file.valued.length > 0);
    if (valued.length) {
      const first3 = valued[0];
      const values = valued.reduce((sum, file) => sum + file.valued.length, 0);
      const files = valued.map((file) => file.path).join(", ");
      return {
        verdict: "fail",
        message: `${files} ${valued.length === 1 ? "is" : "are"} committed with ${values} value${values === 1 ? "" : "s"} (first: ${first3.valued[0]?.key} at ${first3.path}:${first3.valued[0]?.line})`,
        evidence: valued.flatMap(
          (file) => file.valued.map((entry2) => ({ path: file.path, line: entry2.line, excerpt: `${entry2.key}=\u2026` }))
        ).slice(0, MAX_EVIDENCE)
      };
    }
    if (tracked.length) {
      return {
        verdict: "unknown",
        message: `${tracked.map((file) => file.path).join(", ")} is tracked but holds only empty or placeholder values; rename it to .env.example or untrack it`,
        evidence: tracked.slice(0, MAX_EVIDENCE).map((file) => ({ path: file.path }))
      };
    }
    const looked = claim.name === ".env" ? ".env-style file" : claim.name;
    if (claim.ignored) {
      const gitignores = relevantGitignores(ctx.scope);
      const ignoring = scan2.envIgnoredBy.filter((path2) => gitignores.includes(path2));
      if (!ignoring.length) {
        return {
          verdict: "fail",
          message: `no ${looked} is tracked, but no .gitignore ignores .env (looked in ${gitignores.join(", ")})`,
          evidence: gitignores.map((path2) => ({ path: path2 }))
        };
      }
      return {
        verdict: "pass",
        message: `no ${looked} is tracked among ${scan2.filesScanned} text files, and ${ignoring.join(", ")} ignores .env`,
        evidence: ignoring.map((path2) => ({ path: path2 }))
      };
    }
    return {
      verdict: "pass",
      message: `no ${looked} is tracked${ctx.scope ? ` under ${ctx.scope}/` : ""} (looked at ${ctx.files.length} tracked files)`,
      evidence: []
    };
  },
  examples: {
    match: [
      ".env not committed to git",
      "`.env` file in .gitignore",
      "Environment files (`.env`, `.env.local`) are git-ignored",
      "No .env files committed",
      "`.env.production` is never committed"
    ],
    noMatch: [
      "`.env.production` file created",
      "Environment variables file (`.env`) properly configured",
      "Copy `.env.production.example` to `.env.production`",
      "`.env.example` committed with all variables",
      "Configure all environment variables (see `.env.docker.example`)"
    ],
    verdicts: [
      {
        files: { ".gitignore": "node_modules/\n.env\n" },
        item: "`.env` file in .gitignore",
        verdict: "pass"
      },
      {
        files: { ".gitignore": "node_modules/\n", ".env": "PORT=3000\n" },
        item: "`.env` file in .gitignore",
        verdict: "fail"
      }
    ]
  }
};
function relevantGitignores(scope) {
  const paths = [".gitignore"];
  if (!scope) return paths;
  const parts = scope.split("/");
  for (let depth2 = 1; depth2 <= parts.length; depth2++)
    paths.push(`${parts.slice(0, depth2).join("/")}/.gitignore`);
  return paths;
}

// src/core/rules/secrets/secrets-none-committed.ts
var SECRET_NOUN = "(?:secrets?|credentials?|(?:api[ -]?)?keys?|passwords?|tokens?|private keys?)";
var PLACE = String.raw`(?:the\s+)?(?:code(?:base)?|source(?:\s+code)?|repo(?:sitory)?|git|version control|config(?:uration)?(?:\s+files?)?|images?|commits?)`;
var NOT_COMMITTED2 = [
  // "No hardcoded secrets", "No plaintext credentials", "Remove hard-coded API keys"
  new RegExp(
    String.raw`\b(?:no|remove[ds]?|without)\s+(?:hard[- ]?coded|committed|plain[- ]?text|embedded)\s+(?:\w+\s+)?${SECRET_NOUN}`,
    "i"
  ),
  // "Hardcoded secrets removed"
  new RegExp(String.raw`\bhard[- ]?coded\s+(?:\w+\s+)?${SECRET_NOUN}\s+(?:removed|eliminated)`, "i"),
  // "No secrets in code or config files", "No API keys committed to the repository"
  new RegExp(
    String.raw`\bno\s+(?:\w+\s+)?${SECRET_NOUN}\s+(?:(?:are\s+)?(?:in|committed(?:\s+(?:to|in))?|checked\s+in(?:to)?|stored\s+in|leaked\s+(?:in|to))\s+)${PLACE}`,
    "i"
  ),
  // "Secrets stored securely (not in code)", "Credentials are never committed"
  new RegExp(
    String.raw`\b${SECRET_NOUN}\b[^.;]{0,40}\b(?:not|never)\s+(?:(?:be\s+)?(?:committed|checked\s+in|hard[- ]?coded)|(?:stored\s+)?in\s+${PLACE})`,
    "i"
  ),
  // "Secrets kept out of the repository"
  new RegExp(String.raw`\b${SECRET_NOUN}\b[^.;]{0,30}\b(?:kept\s+)?out\s+of\s+${PLACE}`, "i")
];
var OTHER_QUESTION = /\blogs?\b|logging|error messages|responses?\b|\bscann(?:ing|er)\b|rotat|\bvault\b/i;
var NAMED_IN_MESSAGE = 3;
var MAX_EVIDENCE2 = 10;
var secretsNoneCommitted = {
  id: "secrets.none-committed",
  title: "No credentials are committed to the repository",
  why: "A credential in a tracked file is readable by everyone with access to the repository, its forks and its history, and stays valid until someone rotates it.",
  fix: "Remove the value, rotate the credential (it is in the history), and read it from the environment or a secret manager; if it is not a secret, add `readiness-allow-secret: <reason>` on its line or a `secrets.allow` entry in .github/readiness.yml.",
  recognises: 'Items that say secrets, credentials, API keys, tokens or passwords are not hardcoded or not in code, config, git or the repository ("No hardcoded secrets", "Secrets stored securely (not in code)"); not items about logs, rotation, vaults or scanning tools.',
  needs: [secretScanCollector],
  match(item) {
    if (OTHER_QUESTION.test(item.text)) return [];
    return NOT_COMMITTED2.some((phrase) => phrase.test(item.text)) ? [null] : [];
  },
  evaluate(_claim, ctx) {
    const scan2 = ctx.get(secretScanCollector);
    const findings = scan2.findings.filter((finding) => inScope(finding.path, ctx.scope));
    const inCode = findings.filter((finding) => finding.context === "code");
    if (inCode.length) {
      return {
        verdict: "fail",
        message: `${count(inCode.length, "committed credential")}: ${describe5(inCode)}`,
        evidence: inCode.slice(0, MAX_EVIDENCE2).map(evidenceOf4)
      };
    }
    if (findings.length) {
      return {
        verdict: "unknown",
        message: `no credentials in application code, but ${count(findings.length, "credential-like value")} in tests, docs or vendored files (${describe5(findings)}); mark each one that is not real with "readiness-allow-secret: <reason>" or a secrets.allow entry`,
        evidence: findings.slice(0, MAX_EVIDENCE2).map(evidenceOf4)
      };
    }
    return passed(scan2, ctx.scope);
  },
  examples: {
    match: [
      "Secrets stored securely (not in code)",
      "No secrets in code or config files",
      "No hardcoded secrets",
      "No hard-coded API keys or passwords",
      "Credentials are never committed to the repository",
      "No API keys committed to git",
      "Hardcoded credentials removed"
    ],
    noMatch: [
      "No secrets in logs",
      "**Secrets Vault** - AES-256 encryption for credentials (`secrets-service.ts`)",
      "Secrets properly stored (Kubernetes Secrets, etc.)",
      "API keys secured and rotated",
      "Bot token generated and securely stored",
      "JWT secret changed from default",
      "Secret scanning enabled in CI (no hardcoded secrets)",
      "`.env.production` file created"
    ],
    verdicts: [
      {
        files: { "src/config.ts": "export const apiUrl = process.env.API_URL;\n" },
        item: "No hardcoded secrets",
        verdict: "pass"
      },
      {
        files: {
          "src/config.ts": 'export const stripeKey = "sk_live_51HxQ2bKZ8yQeLrT4vN9pW3mA7cD1fG6hJ0kL2";\n'
        },
        item: "No hardcoded secrets",
        verdict: "fail"
      }
    ]
  }
};
function passed(scan2, scope) {
  const where3 = scope ? ` under ${scope}/` : "";
  const allowed = scan2.allowed.filter((finding) => inScope(finding.path, scope)).length;
  const allowedNote = allowed ? `; ${count(allowed, "value")} allowed with a reason` : "";
  return {
    verdict: "pass",
    message: `no committed credentials${where3}: scanned ${count(scan2.filesScanned, "tracked text file")} (${formatBytes(scan2.bytesScanned)}) for known credential formats, secret assignments, .env files and Kubernetes Secret data${allowedNote}`,
    evidence: []
  };
}
function describe5(findings) {
  const named = findings.slice(0, NAMED_IN_MESSAGE).map(
    (finding) => `${KIND_LABELS[finding.kind]} at ${finding.path}:${finding.line} (${finding.redacted})`
  );
  const more2 = findings.length - named.length;
  return more2 > 0 ? `${named.join(", ")} and ${more2} more` : named.join(", ");
}
function evidenceOf4(finding) {
  return {
    path: finding.path,
    line: finding.line,
    excerpt: `${KIND_LABELS[finding.kind]} ${finding.redacted}`
  };
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

// src/core/rules/secrets/secrets-scanning-configured.ts
var SCANNERS = [
  { name: "gitleaks", item: /\bgitleaks\b/i, hook: /gitleaks/i },
  { name: "TruffleHog", item: /\btruffle ?hog\b/i, hook: /trufflehog/i },
  { name: "secretlint", item: /\bsecretlint\b/i, hook: /secretlint/i },
  { name: "detect-secrets", item: /\bdetect-secrets\b/i, hook: /detect-secrets/i },
  { name: "GitGuardian", item: /\b(gitguardian|ggshield)\b/i, hook: /ggshield/i },
  { name: "git-secrets", item: /\bgit-secrets\b/i, hook: /git-secrets|\btalisman\b/i }
];
var SECRET_SCANNING = /\bsecrets? (scan(s|ning|ner)?|detection)\b|\bscan(s|ning)? for (secrets|credentials|leaked)|\b(credential|leak) (scan(ning)?|detection)\b|\bpush protection\b/i;
var IN_REPOSITORY = /\b(ci|ci\/cd|pipelines?|workflows?|github actions?|pre-commit|hooks?|husky)\b/i;
var SCAN_EVENTS2 = /* @__PURE__ */ new Set(["push", "pull_request", "pull_request_target", "merge_group", "schedule"]);
var secretsScanningConfigured = {
  id: "secrets.scanning-configured",
  title: "A secret scanner runs in CI or in a commit hook",
  why: "A credential pushed once stays in git history; a scanner in CI or a pre-commit hook stops it before or as it lands.",
  fix: "Run gitleaks (gitleaks/gitleaks-action), TruffleHog or secretlint in a workflow on pull requests, or add it to .pre-commit-config.yaml or a husky pre-commit hook.",
  recognises: 'Items about secret scanning or leak detection, or naming gitleaks, TruffleHog, secretlint, detect-secrets, GitGuardian or git-secrets; not "no secrets in code" items, which the secrets scan checks itself.',
  needs: [workflowsCollector, repoMetaCollector],
  match(item) {
    const text3 = claimText(item);
    const named = SCANNERS.filter((scanner) => scanner.item.test(text3));
    if (ONE_OFF.test(text3) || !named.length && !SECRET_SCANNING.test(text3)) return [];
    const common = {
      inRepository: IN_REPOSITORY.test(text3),
      pushProtection: /\bpush protection\b/i.test(text3)
    };
    return named.length ? named.map((scanner) => ({ ...common, tool: scanner.name })) : [common];
  },
  evaluate({ tool, inRepository, pushProtection }, ctx) {
    if (pushProtection) {
      return {
        verdict: "unknown",
        message: "push protection is a GitHub repository setting; the repository cannot show whether it is on",
        evidence: []
      };
    }
    const workflows = ctx.get(workflowsCollector);
    const meta = ctx.get(repoMetaCollector);
    const wanted = SCANNERS.filter((scanner) => !tool || scanner.name === tool);
    const wantedNames = new Set(wanted.map((scanner) => scanner.name));
    const all = allSteps(workflows);
    const inWorkflows = all.filter(
      (hit) => runsOn(hit, SCAN_EVENTS2) && hit.step.scanners.some((name) => wantedNames.has(name))
    );
    const runners = sample(inWorkflows).map(stepRef);
    const places = sample(inWorkflows).map(where);
    for (const hook of meta.preCommit?.hooks ?? []) {
      if (wanted.some((scanner) => scanner.hook.test(`${hook.repo} ${hook.id}`))) {
        runners.push({
          path: meta.preCommit?.path ?? ".pre-commit-config.yaml",
          line: hook.line,
          excerpt: hook.id
        });
        places.push(`${meta.preCommit?.path}:${hook.line} (pre-commit hook ${hook.id})`);
      }
    }
    for (const hook of meta.gitHooks) {
      const lines = hook.text.split(/\r?\n/);
      const index = lines.findIndex((line) => wanted.some((scanner) => scanner.hook.test(line)));
      if (index >= 0) {
        runners.push({ path: hook.path, line: index + 1, excerpt: excerpt(lines[index] ?? "") });
        places.push(`${hook.path}:${index + 1}`);
      }
    }
    const what = tool ?? "a secret scanner";
    if (runners.length) {
      return {
        verdict: "pass",
        message: `${what} runs from ${places.slice(0, 3).join(", ")}`,
        evidence: runners.slice(0, 3)
      };
    }
    const configOnly = meta.secretScannerConfigs[0];
    if (configOnly) {
      return {
        verdict: "unknown",
        message: `${configOnly} configures a secret scanner, but no workflow, pre-commit hook or git hook runs ${what}`,
        evidence: [{ path: configOnly }]
      };
    }
    const undecidable = whyUndecidable(workflows, all);
    if (undecidable) {
      return {
        verdict: "unknown",
        message: `no visible run of ${what}; ${undecidable.message}`,
        evidence: undecidable.evidence
      };
    }
    const lookedIn = "workflows, .pre-commit-config.yaml, .husky/ and lefthook";
    if (!tool && !inRepository) {
      return {
        verdict: "unknown",
        message: `no secret scanner in ${lookedIn}; GitHub secret scanning is a repository setting the repository cannot show`,
        evidence: lookedAt(workflows)
      };
    }
    return {
      verdict: "fail",
      message: `no ${what} runs in ${lookedIn}`,
      evidence: [...lookedAt(workflows), { path: ".pre-commit-config.yaml" }]
    };
  },
  examples: {
    match: [
      "Secret scanning enabled",
      "Secrets scanning in CI (gitleaks)",
      "Pre-commit hook scans for secrets with detect-secrets",
      "**Secret Detection** - TruffleHog runs on every PR",
      "Secret scanning push protection enabled"
    ],
    noMatch: [
      "No secrets in code or config files",
      "Secrets stored securely (not in code)",
      "JWT secret changed from default",
      "No secrets in logs",
      "Secret scan completed, no leaks found",
      "Automated security scanning"
    ],
    verdicts: [
      {
        files: {
          ".github/workflows/secrets.yml": "name: secrets\non:\n  pull_request:\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: gitleaks/gitleaks-action@v2\n"
        },
        item: "Secrets scanning in CI (gitleaks)",
        verdict: "pass"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n"
        },
        item: "Secrets scanning in CI (gitleaks)",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/secrets/index.ts
var secretsRules = [secretsNoneCommitted, secretsNoEnvFile, secretsScanningConfigured];

// src/core/collectors/app-servers.ts
var LAUNCH_FILE = /^(?:Procfile(?:\.[\w-]+)?|Dockerfile(?:[.-][\w-]+)?|[\w.-]+\.dockerfile|(?:docker-)?compose(?:[.-][\w-]+)?\.ya?ml|podman-compose(?:[.-][\w-]+)?\.ya?ml|render\.ya?ml|fly(?:\.[\w-]+)?\.toml|railway\.(?:json|toml)|app\.json|[\w.@-]+\.service|supervisord?(?:[.-][\w-]+)?\.(?:conf|ini)|[\w.-]+\.sh|entrypoint|start|run|gunicorn[\w.-]*\.(?:py|conf)|puma\.rb|sidekiq\.ya?ml|(?:main|run|server|app|asgi|wsgi|serve|start|__main__)\.py)$/;
var SUPERVISOR_FOLDER = /(?:^|\/)(?:supervisor|supervisord)\/[^/]+\.(?:conf|ini)$/;
var COMMAND2 = /\b(gunicorn|uvicorn|hypercorn|granian|puma|celery|sidekiq)(?=\s|$|["',\]])/;
var MAX_EXCERPT3 = 120;
var appServersCollector = {
  id: "app-servers",
  async collect(repo) {
    const paths = repo.files.filter(
      (path2) => (LAUNCH_FILE.test(baseName(path2)) || SUPERVISOR_FOLDER.test(path2)) && !VENDORED_OR_GENERATED.test(path2)
    );
    const parsed = await repo.perFiles(
      "app-servers",
      paths,
      (text3, index) => serverLines(paths[index], text3)
    );
    return { lines: parsed.flatMap((lines) => lines ?? []) };
  }
};
function serverLines(path2, text3) {
  const name = baseName(path2);
  const configOf = /^gunicorn[\w.-]*\.(?:py|conf)$/.test(name) ? "gunicorn" : name === "puma.rb" ? "puma" : /^sidekiq\.ya?ml$/.test(name) ? "sidekiq" : void 0;
  const found2 = [];
  text3.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (raw.length > 2e3) return;
    const line = raw.trim();
    if (!line || /^(?:#|\/\/|;|REM\b)/i.test(line)) return;
    const at9 = { path: path2, line: index + 1, excerpt: line.slice(0, MAX_EXCERPT3) };
    if (configOf) {
      const workers = configWorkers(configOf, line);
      if (workers) found2.push({ server: configOf, ...at9, source: "config", workers });
      return;
    }
    if (/\.py$/.test(name)) {
      const run = /\b(uvicorn|hypercorn)\.run\s*\(/.exec(line);
      if (run) {
        const count2 = /\bworkers\s*=\s*([^,)]+)/.exec(line)?.[1];
        found2.push({ server: run[1], ...at9, source: "command", ...workersOf(count2) });
      }
      return;
    }
    const command = COMMAND2.exec(line);
    if (!command) return;
    const server = command[1];
    if (/\b(?:pip3?|poetry|uv|gem|bundle)\s+(?:add|install)\b|\brequirements\b/.test(line)) return;
    if (server === "celery" && !/\bworker\b/.test(line)) return;
    const flag = FLAGS[server].exec(line.replace(/["'[\],]/g, " "))?.[1];
    found2.push({ server, ...at9, source: "command", ...workersOf(flag) });
  });
  return found2;
}
var FLAGS = {
  gunicorn: /(?:^|\s)(?:-w|--workers)(?:\s*=\s*|\s+)(\S+)/,
  uvicorn: /(?:^|\s)--workers(?:\s*=\s*|\s+)(\S+)/,
  hypercorn: /(?:^|\s)(?:-w|--workers)(?:\s*=\s*|\s+)(\S+)/,
  granian: /(?:^|\s)--workers(?:\s*=\s*|\s+)(\S+)/,
  puma: /(?:^|\s)(?:-w|--workers)(?:\s*=\s*|\s+)(\S+)/,
  celery: /(?:^|\s)(?:-c|--concurrency|--autoscale)(?:\s*=\s*|\s+)(\S+)/,
  sidekiq: /(?:^|\s)(?:-c|--concurrency)(?:\s*=\s*|\s+)(\S+)/
};
function configWorkers(server, line) {
  const value = server === "gunicorn" ? /^workers\s*=\s*(.+)$/.exec(line)?.[1] : server === "puma" ? /^workers\s*\(?\s*(.+?)\)?\s*$/.exec(line)?.[1] : /^:?concurrency:\s*(.+)$/.exec(line)?.[1];
  return value === void 0 ? void 0 : workersOf(value).workers;
}
function workersOf(raw) {
  if (raw === void 0) return {};
  const value = raw.replace(/#.*$/, "").trim();
  if (/^\d+(?:,\d+)?$/.test(value))
    return { workers: { kind: "number", count: Math.max(...value.split(",").map(Number)) } };
  const variable = /\$\{?(\w+)|ENV(?:\.fetch)?\s*[([]\s*["'](\w+)|environ(?:\.get)?\s*[([]\s*["'](\w+)|getenv\s*\(\s*["'](\w+)/.exec(
    value
  );
  if (variable) {
    const fallback = /(?::-|,\s*|\{\s*|\|\|\s*)["']?(\d+)/.exec(value.slice(variable.index))?.[1];
    return {
      workers: {
        kind: "env",
        variable: variable.slice(1).find(Boolean),
        ...fallback ? { fallback: Number(fallback) } : {}
      }
    };
  }
  if (/cpu_count|nproc|cpus|processor|Etc\.nprocessors|os\.cpus/i.test(value))
    return { workers: { kind: "computed" } };
  return {};
}

// src/core/rules/server/server-workers.ts
var SERVERS = [
  ["gunicorn", /\bgunicorn\b/i],
  ["uvicorn", /\buvicorn\b/i],
  ["hypercorn", /\bhypercorn\b/i],
  ["granian", /\bgranian\b/i],
  ["puma", /\bpuma\b/i],
  ["celery", /\bcelery\b/i],
  ["sidekiq", /\bsidekiq\b/i]
];
var JOB_WORKERS = /* @__PURE__ */ new Set(["celery", "sidekiq"]);
var WEB_COUNT = /\bmultiple\b|\bseveral\b|\b\d+\s+(?:worker\s+)?(?:workers|processes)\b|\bworkers?\s*[=:]\s*\d|\bworkers?\s+(?:count|number|configured|set|tuned)\b|\bnumber of workers\b|\bworkers\b(?!\s+(?:timeout|class|type|memory|restart|connections|tmp))/i;
var JOB_COUNT = /\bconcurren\w*|\bscal(?:ing|ed|e)\b|\bmultiple\b|\b\d+\s+(?:workers|processes|threads)\b/i;
var OPERATED4 = /\bmonitor\w*|\bhealth\w*|\balert\w*|\bautoscal\w*|\btest(?:ed|ing)?\b|\bbenchmark\w*|\bload[- ]test/i;
var serverWorkers = {
  id: "server.workers",
  title: "The application server or job worker is started with more than one worker",
  why: "A gunicorn or puma started with its default single worker serves one request at a time per process; a checklist that claims multiple workers hides a capacity limit that shows up under the first real load.",
  fix: "Set the worker count where the server starts (`--workers`, `workers =` in gunicorn.conf.py, `workers` in puma.rb, `--concurrency` for Celery/Sidekiq), or correct the checklist.",
  recognises: "Items naming gunicorn, uvicorn, hypercorn, granian or puma with multiple/N workers or a worker count, and Celery or Sidekiq workers with concurrency or scaling. Not worker timeouts, classes or memory, and not monitoring or autoscaling.",
  needs: [appServersCollector],
  match(item) {
    const text3 = claimText(item);
    if (OPERATED4.test(text3)) return [];
    const servers = SERVERS.filter(([, pattern]) => pattern.test(text3)).map(([server]) => server);
    if (!servers.length) return [];
    const claimed = servers.filter(
      (server) => JOB_WORKERS.has(server) ? /\bworkers?\b/i.test(text3) && JOB_COUNT.test(text3) : WEB_COUNT.test(text3)
    );
    if (!claimed.length) return [];
    const count2 = /\b(\d+)\s+(?:worker\s+)?(?:workers|processes)\b|\bworkers?\s*[=:]\s*(\d+)/i.exec(text3);
    const number = count2 ? Number(count2[1] ?? count2[2]) : void 0;
    return [{ servers: claimed, ...number ? { count: number } : {} }];
  },
  evaluate(claim, ctx) {
    const names2 = claim.servers.join(" or ");
    const all = ctx.get(appServersCollector).lines.filter(
      (line) => claim.servers.includes(line.server) && (!isNonProductionPath(line.path) || ctx.scope !== "" && inScope(line.path, ctx.scope))
    );
    const scoped = all.filter((line) => inScope(line.path, ctx.scope));
    const lines = scoped.length ? scoped : all;
    if (!lines.length)
      return {
        verdict: "unknown",
        message: `no ${names2} start command or configuration found (looked in Procfiles, Dockerfiles, Compose, PaaS and systemd files, shell scripts, gunicorn.conf.py, puma.rb)`,
        evidence: []
      };
    if (claim.count !== void 0) {
      const exact = lines.find(
        (line) => line.workers?.kind === "number" && line.workers.count === claim.count
      );
      if (exact) return pass2(exact, `${claim.count} workers`);
    }
    const many = lines.find((line) => multiple(line));
    if (many && claim.count === void 0) return pass2(many, describeCount(many));
    const counted = lines.filter((line) => line.workers);
    if (counted.length && counted.every((line) => line.workers?.kind === "number" && line.workers.count === 1) && claim.count === void 0) {
      return {
        verdict: "fail",
        message: `${names2} is set to a single worker: ${counted.slice(0, 3).map((line) => `${line.path}:${line.line}`).join(", ")}`,
        evidence: counted.slice(0, 3).map(ref6)
      };
    }
    const first3 = counted[0] ?? lines[0];
    const defaults = JOB_WORKERS.has(first3.server) ? "which defaults to one process per CPU" : "which runs one worker unless WEB_CONCURRENCY or a config file says otherwise";
    const message = first3.workers ? `${first3.server} at ${first3.path}:${first3.line} sets ${describeCount(first3)}${claim.count !== void 0 ? `, not the ${claim.count} the item names` : ""}; what runs is decided where it is deployed` : `${first3.server} is started at ${first3.path}:${first3.line} without a worker count, ${defaults}`;
    return { verdict: "unknown", message, evidence: lines.slice(0, 3).map(ref6) };
  },
  examples: {
    match: [
      "Enable Gunicorn with multiple workers",
      "Uvicorn runs 4 workers in production",
      "Celery worker scaling",
      "Puma workers configured"
    ],
    noMatch: [
      "Gunicorn installed",
      "Gunicorn worker timeout set to 120s",
      "Celery beat schedules the nightly report",
      "Monitor Celery worker health",
      "Autoscaling of Celery workers on queue length"
    ],
    verdicts: [
      {
        files: { Procfile: "web: gunicorn app.wsgi --bind 0.0.0.0:$PORT --workers 3\n" },
        item: "Enable Gunicorn with multiple workers",
        verdict: "pass"
      },
      {
        files: {
          "gunicorn.conf.py": "import multiprocessing\nworkers = multiprocessing.cpu_count() * 2 + 1\n"
        },
        item: "Enable Gunicorn with multiple workers",
        verdict: "pass"
      },
      {
        files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app", "-w", "1"]\n' },
        item: "Enable Gunicorn with multiple workers",
        verdict: "fail"
      },
      {
        files: {
          Dockerfile: 'FROM python:3.12-slim\nRUN pip install gunicorn\nCMD ["gunicorn", "app:app"]\n'
        },
        item: "Enable Gunicorn with multiple workers",
        verdict: "unknown"
      }
    ]
  }
};
function multiple(line) {
  const workers = line.workers;
  if (!workers) return false;
  if (workers.kind === "computed") return true;
  if (workers.kind === "number") return workers.count >= 2;
  return (workers.fallback ?? 0) >= 2;
}
function describeCount(line) {
  const workers = line.workers;
  if (!workers) return "no worker count";
  if (workers.kind === "number") return `${workers.count} worker${workers.count === 1 ? "" : "s"}`;
  if (workers.kind === "computed") return "a worker count computed from the CPUs";
  return `workers from $${workers.variable}${workers.fallback !== void 0 ? ` (default ${workers.fallback})` : ""}`;
}
function pass2(line, what) {
  return {
    verdict: "pass",
    message: `${line.server} runs ${what}: \`${line.excerpt}\` at ${line.path}:${line.line}`,
    evidence: [ref6(line)]
  };
}
function ref6(line) {
  return { path: line.path, line: line.line, excerpt: line.excerpt };
}

// src/core/rules/server/index.ts
var serverRules = [serverWorkers];

// src/core/collectors/code-signals/catalogue.ts
var SENTRY = /\bsentry\b/i;
var OTEL = /\bopen[- ]?telemetry\b|\botel\b/i;
var PROMETHEUS = /\bprometheus\b|\bprom-client\b/i;
var LIBRARIES = [
  // Metrics
  { signal: "metrics", library: "prom-client", mention: PROMETHEUS, npm: ["prom-client"] },
  { signal: "metrics", library: "express-prom-bundle", mention: PROMETHEUS, npm: ["express-prom-bundle"] },
  { signal: "metrics", library: "fastify-metrics", mention: PROMETHEUS, npm: ["fastify-metrics"] },
  {
    signal: "metrics",
    library: "prometheus_client",
    mention: PROMETHEUS,
    pypi: ["prometheus-client", "prometheus_client"],
    pyModules: ["prometheus_client"]
  },
  {
    signal: "metrics",
    library: "prometheus-fastapi-instrumentator",
    mention: PROMETHEUS,
    pypi: ["prometheus-fastapi-instrumentator"],
    pyModules: ["prometheus_fastapi_instrumentator"]
  },
  {
    signal: "metrics",
    library: "django-prometheus",
    mention: PROMETHEUS,
    pypi: ["django-prometheus"],
    pyModules: ["django_prometheus"]
  },
  {
    signal: "metrics",
    library: "Prometheus Go client",
    mention: PROMETHEUS,
    go: ["github.com/prometheus/client_golang"]
  },
  { signal: "metrics", library: "PromEx", mention: PROMETHEUS, hex: ["prom_ex"], elixir: ["PromEx"] },
  {
    signal: "metrics",
    library: "TelemetryMetricsPrometheus",
    mention: PROMETHEUS,
    hex: ["telemetry_metrics_prometheus", "telemetry_metrics_prometheus_core"],
    elixir: ["TelemetryMetricsPrometheus"]
  },
  {
    signal: "metrics",
    library: "prometheus_ex",
    mention: PROMETHEUS,
    hex: ["prometheus_ex", "prometheus_plugs"],
    elixir: ["Prometheus.PlugExporter", "Prometheus.Metric"]
  },
  {
    signal: "metrics",
    library: "Micrometer Prometheus registry",
    mention: PROMETHEUS,
    maven: ["micrometer-registry-prometheus"],
    jvm: ["io.micrometer.prometheus", "io.micrometer.prometheusmetrics"]
  },
  {
    signal: "metrics",
    library: "Prometheus Java client",
    mention: PROMETHEUS,
    maven: ["simpleclient", "prometheus-metrics-core"],
    jvm: ["io.prometheus"]
  },
  {
    signal: "metrics",
    library: "Rust prometheus",
    mention: PROMETHEUS,
    cargo: ["prometheus", "metrics-exporter-prometheus"]
  },
  {
    signal: "metrics",
    library: "Prometheus Ruby client",
    mention: PROMETHEUS,
    gem: ["prometheus-client"],
    ruby: ["Prometheus::Client", "Prometheus::Middleware"]
  },
  // Structured logging
  {
    signal: "structured-logging",
    library: "pino",
    mention: /\bpino\b/i,
    npm: ["pino", "pino-http", "nestjs-pino"]
  },
  { signal: "structured-logging", library: "winston", mention: /\bwinston\b/i, npm: ["winston"] },
  { signal: "structured-logging", library: "bunyan", mention: /\bbunyan\b/i, npm: ["bunyan"] },
  { signal: "structured-logging", library: "structlog", mention: /\bstructlog\b/i, pypi: ["structlog"] },
  {
    signal: "structured-logging",
    library: "python-json-logger",
    mention: /\bjson[- ]logger\b/i,
    pypi: ["python-json-logger"],
    pyModules: ["pythonjsonlogger"]
  },
  { signal: "structured-logging", library: "ecs-logging", pypi: ["ecs-logging"], pyModules: ["ecs_logging"] },
  { signal: "structured-logging", library: "zap", mention: /\bzap\b/i, go: ["go.uber.org/zap"] },
  {
    signal: "structured-logging",
    library: "zerolog",
    mention: /\bzerolog\b/i,
    go: ["github.com/rs/zerolog"]
  },
  {
    signal: "structured-logging",
    library: "logrus",
    mention: /\blogrus\b/i,
    go: ["github.com/sirupsen/logrus"]
  },
  {
    signal: "structured-logging",
    library: "logger_json",
    mention: /\blogger[_ ]?json\b/i,
    hex: ["logger_json"],
    elixir: ["LoggerJSON"]
  },
  {
    signal: "structured-logging",
    library: "logstash-logback-encoder",
    mention: /\blogstash\b/i,
    maven: ["logstash-logback-encoder"],
    jvm: ["net.logstash.logback"]
  },
  {
    signal: "structured-logging",
    library: "tracing-subscriber (JSON)",
    cargo: ["tracing-subscriber", "slog-json"]
  },
  // Error tracking
  {
    signal: "error-tracking",
    library: "Sentry",
    mention: SENTRY,
    npm: ["@sentry/*"],
    pypi: ["sentry-sdk", "raven"],
    pyModules: ["sentry_sdk", "raven"],
    go: ["github.com/getsentry/sentry-go"],
    hex: ["sentry"],
    elixir: ["Sentry"],
    maven: ["sentry", "sentry-spring-boot-starter", "sentry-spring-boot-starter-jakarta", "sentry-logback"],
    jvm: ["io.sentry"],
    cargo: ["sentry"],
    gem: ["sentry-ruby", "sentry-rails", "sentry-sidekiq"],
    ruby: ["Sentry"]
  },
  {
    signal: "error-tracking",
    library: "Rollbar",
    mention: /\brollbar\b/i,
    npm: ["rollbar"],
    pypi: ["rollbar"],
    pyModules: ["rollbar"],
    go: ["github.com/rollbar/rollbar-go"],
    hex: ["rollbax"],
    elixir: ["Rollbax"],
    maven: ["rollbar-java"],
    jvm: ["com.rollbar"]
  },
  {
    signal: "error-tracking",
    library: "Bugsnag",
    mention: /\bbugsnag\b/i,
    npm: ["@bugsnag/*", "bugsnag"],
    pypi: ["bugsnag"],
    pyModules: ["bugsnag"],
    go: ["github.com/bugsnag/bugsnag-go"],
    hex: ["bugsnag"],
    elixir: ["Bugsnag"],
    maven: ["bugsnag"],
    jvm: ["com.bugsnag"]
  },
  {
    signal: "error-tracking",
    library: "Honeybadger",
    mention: /\bhoneybadger\b/i,
    npm: ["@honeybadger-io/*"],
    pypi: ["honeybadger"],
    pyModules: ["honeybadger"],
    go: ["github.com/honeybadger-io/honeybadger-go"],
    hex: ["honeybadger"],
    elixir: ["Honeybadger"]
  },
  {
    signal: "error-tracking",
    library: "AppSignal",
    mention: /\bappsignal\b/i,
    npm: ["@appsignal/*"],
    pypi: ["appsignal"],
    pyModules: ["appsignal"],
    hex: ["appsignal", "appsignal_phoenix"],
    elixir: ["Appsignal"]
  },
  {
    signal: "error-tracking",
    library: "Airbrake",
    mention: /\bairbrake\b/i,
    npm: ["@airbrake/*"],
    pypi: ["pybrake"],
    pyModules: ["pybrake"],
    go: ["github.com/airbrake/gobrake"]
  },
  {
    signal: "error-tracking",
    library: "Raygun",
    mention: /\braygun\b/i,
    npm: ["raygun"],
    pypi: ["raygun4py"]
  },
  // Tracing
  {
    signal: "tracing",
    library: "OpenTelemetry",
    mention: OTEL,
    npm: ["@opentelemetry/*"],
    pypi: ["opentelemetry-*"],
    pyModules: ["opentelemetry"],
    go: ["go.opentelemetry.io/otel", "go.opentelemetry.io/contrib"],
    hex: ["opentelemetry", "opentelemetry_api", "opentelemetry_exporter", "opentelemetry_*"],
    elixir: ["OpentelemetryPhoenix", "OpentelemetryEcto", "OpenTelemetry", "OpentelemetryBandit"],
    maven: ["opentelemetry-*", "micrometer-tracing-bridge-otel"],
    jvm: ["io.opentelemetry"],
    cargo: ["opentelemetry", "opentelemetry-otlp", "tracing-opentelemetry"],
    gem: ["opentelemetry-sdk", "opentelemetry-instrumentation-*", "opentelemetry-exporter-otlp"],
    ruby: ["OpenTelemetry"]
  },
  {
    signal: "tracing",
    library: "Datadog APM",
    mention: /\bdatadog\b|\bdd-trace\b/i,
    npm: ["dd-trace"],
    pypi: ["ddtrace"],
    pyModules: ["ddtrace"],
    go: ["gopkg.in/DataDog/dd-trace-go.v1", "github.com/DataDog/dd-trace-go"],
    maven: ["dd-java-agent", "dd-trace-api"],
    jvm: ["datadog.trace"]
  },
  {
    signal: "tracing",
    library: "Jaeger client",
    mention: /\bjaeger\b/i,
    npm: ["jaeger-client"],
    pypi: ["jaeger-client"],
    pyModules: ["jaeger_client"],
    go: ["github.com/uber/jaeger-client-go"]
  },
  {
    signal: "tracing",
    library: "Elastic APM",
    mention: /\belastic apm\b/i,
    npm: ["elastic-apm-node"],
    pypi: ["elastic-apm"],
    pyModules: ["elasticapm"],
    go: ["go.elastic.co/apm"]
  },
  {
    signal: "tracing",
    library: "Micrometer Tracing",
    maven: ["micrometer-tracing", "micrometer-tracing-bridge-brave"]
  },
  // Security headers
  {
    signal: "security-headers",
    library: "helmet",
    mention: /\bhelmet\b/i,
    npm: ["helmet", "@fastify/helmet", "fastify-helmet", "koa-helmet"]
  },
  { signal: "security-headers", library: "lusca", npm: ["lusca"] },
  {
    signal: "security-headers",
    library: "flask-talisman",
    mention: /\btalisman\b/i,
    pypi: ["flask-talisman"],
    pyModules: ["flask_talisman"]
  },
  { signal: "security-headers", library: "secure (Python)", pypi: ["secure"], pyModules: ["secure"] },
  { signal: "security-headers", library: "django-csp", pypi: ["django-csp"], pyModules: ["csp"] },
  { signal: "security-headers", library: "unrolled/secure", go: ["github.com/unrolled/secure"] },
  { signal: "security-headers", library: "gin-contrib/secure", go: ["github.com/gin-contrib/secure"] },
  { signal: "security-headers", library: "hono/secure-headers", npm: ["hono/secure-headers"] },
  {
    signal: "security-headers",
    library: "Fiber helmet",
    go: ["github.com/gofiber/fiber/v2/middleware/helmet", "github.com/gofiber/fiber/v3/middleware/helmet"]
  },
  { signal: "security-headers", library: "Spring Security", maven: ["spring-boot-starter-security"] },
  { signal: "security-headers", library: "secure_headers", gem: ["secure_headers"], ruby: ["SecureHeaders"] },
  // Rack::Protection sets X-Frame-Options, X-XSS-Protection and (on request) CSP and HSTS.
  {
    signal: "security-headers",
    library: "Rack::Protection",
    gem: ["rack-protection"],
    ruby: ["Rack::Protection"]
  },
  // CORS
  {
    signal: "cors",
    library: "cors middleware",
    npm: ["cors", "@fastify/cors", "fastify-cors", "@koa/cors", "koa2-cors"]
  },
  {
    signal: "cors",
    library: "django-cors-headers",
    pypi: ["django-cors-headers"],
    pyModules: ["corsheaders"]
  },
  { signal: "cors", library: "flask-cors", pypi: ["flask-cors", "Flask-Cors"], pyModules: ["flask_cors"] },
  { signal: "cors", library: "rs/cors", go: ["github.com/rs/cors"] },
  { signal: "cors", library: "gin-contrib/cors", go: ["github.com/gin-contrib/cors"] },
  { signal: "cors", library: "go-chi/cors", go: ["github.com/go-chi/cors"] },
  { signal: "cors", library: "hono/cors", npm: ["hono/cors"] },
  {
    signal: "cors",
    library: "Starlette CORSMiddleware",
    pyModules: ["fastapi.middleware.cors", "starlette.middleware.cors"]
  },
  {
    signal: "cors",
    library: "Fiber cors",
    go: ["github.com/gofiber/fiber/v2/middleware/cors", "github.com/gofiber/fiber/v3/middleware/cors"]
  },
  { signal: "cors", library: "cors_plug", hex: ["cors_plug"], elixir: ["CORSPlug"] },
  { signal: "cors", library: "Corsica", hex: ["corsica"], elixir: ["Corsica"] },
  { signal: "cors", library: "actix-cors", cargo: ["actix-cors"] },
  { signal: "cors", library: "rack-cors", gem: ["rack-cors"], ruby: ["Rack::Cors"] },
  // Response compression
  {
    signal: "compression",
    library: "compression middleware",
    npm: ["compression", "@fastify/compress", "fastify-compress", "koa-compress", "hono/compress"]
  },
  {
    signal: "compression",
    library: "Starlette GZipMiddleware",
    pyModules: ["fastapi.middleware.gzip", "starlette.middleware.gzip"]
  },
  {
    signal: "compression",
    library: "Flask-Compress",
    pypi: ["flask-compress", "Flask-Compress"],
    pyModules: ["flask_compress"]
  },
  { signal: "compression", library: "brotli-asgi", pypi: ["brotli-asgi"], pyModules: ["brotli_asgi"] },
  { signal: "compression", library: "gin-contrib/gzip", go: ["github.com/gin-contrib/gzip"] },
  {
    signal: "compression",
    library: "Go gzip handler",
    go: ["github.com/NYTimes/gziphandler", "github.com/klauspost/compress/gzhttp"]
  },
  {
    signal: "compression",
    library: "Fiber compress",
    go: [
      "github.com/gofiber/fiber/v2/middleware/compress",
      "github.com/gofiber/fiber/v3/middleware/compress"
    ]
  },
  // Rack ships Rack::Deflater: the `rack` gem says nothing, `use Rack::Deflater` does.
  {
    signal: "compression",
    library: "Rack::Deflater",
    mention: /\bdeflater\b/i,
    ruby: ["Rack::Deflater", "Rack::Brotli"]
  },
  // HTTPS enforced by the application (redirect from plain HTTP)
  {
    signal: "https-redirect",
    library: "HTTPS redirect middleware",
    npm: ["express-sslify", "express-enforces-ssl", "express-force-ssl", "koa-sslify", "heroku-ssl-redirect"]
  },
  {
    signal: "https-redirect",
    library: "Starlette HTTPSRedirectMiddleware",
    pyModules: ["fastapi.middleware.httpsredirect", "starlette.middleware.httpsredirect"]
  },
  {
    signal: "https-redirect",
    library: "Rack::SSL",
    mention: /\brack[- :]*ssl\b/i,
    gem: ["rack-ssl", "rack-ssl-enforcer"],
    ruby: ["Rack::SSL", "Rack::SslEnforcer"]
  },
  { signal: "https-redirect", library: "Plug.SSL", elixir: ["Plug.SSL"] },
  // Rate limiting
  {
    signal: "rate-limiting",
    library: "express-rate-limit",
    npm: ["express-rate-limit", "express-slow-down", "rate-limit-redis"]
  },
  { signal: "rate-limiting", library: "rate-limiter-flexible", npm: ["rate-limiter-flexible"] },
  {
    signal: "rate-limiting",
    library: "@fastify/rate-limit",
    npm: ["@fastify/rate-limit", "fastify-rate-limit"]
  },
  { signal: "rate-limiting", library: "koa-ratelimit", npm: ["koa-ratelimit"] },
  { signal: "rate-limiting", library: "@nestjs/throttler", npm: ["@nestjs/throttler"] },
  { signal: "rate-limiting", library: "hono-rate-limiter", npm: ["hono-rate-limiter"] },
  { signal: "rate-limiting", library: "slowapi", pypi: ["slowapi"], pyModules: ["slowapi"] },
  {
    signal: "rate-limiting",
    library: "django-ratelimit",
    pypi: ["django-ratelimit"],
    pyModules: ["django_ratelimit", "ratelimit"]
  },
  {
    signal: "rate-limiting",
    library: "Flask-Limiter",
    pypi: ["flask-limiter", "Flask-Limiter"],
    pyModules: ["flask_limiter"]
  },
  {
    signal: "rate-limiting",
    library: "fastapi-limiter",
    pypi: ["fastapi-limiter"],
    pyModules: ["fastapi_limiter"]
  },
  { signal: "rate-limiting", library: "golang.org/x/time/rate", go: ["golang.org/x/time/rate"] },
  {
    signal: "rate-limiting",
    library: "Fiber limiter",
    go: ["github.com/gofiber/fiber/v2/middleware/limiter", "github.com/gofiber/fiber/v3/middleware/limiter"]
  },
  { signal: "rate-limiting", library: "tollbooth", go: ["github.com/didip/tollbooth"] },
  { signal: "rate-limiting", library: "ulule/limiter", go: ["github.com/ulule/limiter"] },
  { signal: "rate-limiting", library: "httprate", go: ["github.com/go-chi/httprate"] },
  { signal: "rate-limiting", library: "uber-go/ratelimit", go: ["go.uber.org/ratelimit"] },
  { signal: "rate-limiting", library: "Hammer", hex: ["hammer", "hammer_plug"], elixir: ["Hammer"] },
  { signal: "rate-limiting", library: "PlugAttack", hex: ["plug_attack"], elixir: ["PlugAttack"] },
  { signal: "rate-limiting", library: "ExRated", hex: ["ex_rated"], elixir: ["ExRated"] },
  {
    signal: "rate-limiting",
    library: "Bucket4j",
    maven: ["bucket4j-core", "bucket4j_jdk17-core", "bucket4j-spring-boot-starter"],
    jvm: ["io.github.bucket4j", "com.giffing.bucket4j"]
  },
  {
    signal: "rate-limiting",
    library: "Resilience4j RateLimiter",
    maven: ["resilience4j-ratelimiter"],
    jvm: ["io.github.resilience4j.ratelimiter"]
  },
  { signal: "rate-limiting", library: "governor", cargo: ["governor", "tower_governor", "actix-governor"] },
  {
    signal: "rate-limiting",
    library: "Rack::Attack",
    mention: /\brack[- :]*attack\b/i,
    gem: ["rack-attack"],
    ruby: ["Rack::Attack"]
  },
  // Input validation
  { signal: "input-validation", library: "zod", mention: /\bzod\b/i, npm: ["zod"] },
  { signal: "input-validation", library: "joi", mention: /\bjoi\b/i, npm: ["joi", "@hapi/joi", "celebrate"] },
  { signal: "input-validation", library: "yup", mention: /\byup\b/i, npm: ["yup"] },
  {
    signal: "input-validation",
    library: "class-validator",
    mention: /\bclass-validator\b/i,
    npm: ["class-validator"]
  },
  { signal: "input-validation", library: "ajv", mention: /\bajv\b/i, npm: ["ajv"] },
  { signal: "input-validation", library: "express-validator", npm: ["express-validator"] },
  { signal: "input-validation", library: "valibot", npm: ["valibot"] },
  { signal: "input-validation", library: "superstruct", npm: ["superstruct"] },
  { signal: "input-validation", library: "TypeBox", npm: ["@sinclair/typebox"] },
  { signal: "input-validation", library: "pydantic", mention: /\bpydantic\b/i, pypi: ["pydantic"] },
  { signal: "input-validation", library: "marshmallow", mention: /\bmarshmallow\b/i, pypi: ["marshmallow"] },
  { signal: "input-validation", library: "cerberus", pypi: ["cerberus", "Cerberus"] },
  { signal: "input-validation", library: "jsonschema", pypi: ["jsonschema"] },
  {
    signal: "input-validation",
    library: "go-playground/validator",
    go: ["github.com/go-playground/validator"]
  },
  { signal: "input-validation", library: "ozzo-validation", go: ["github.com/go-ozzo/ozzo-validation"] },
  {
    signal: "input-validation",
    library: "Bean Validation",
    mention: /\bbean validation\b|@Valid\b|\bhibernate[- ]validator\b/i,
    maven: ["spring-boot-starter-validation", "hibernate-validator", "jakarta.validation-api"],
    jvm: ["jakarta.validation", "javax.validation"]
  },
  { signal: "input-validation", library: "validator (Rust)", cargo: ["validator", "garde"] },
  // ORM and query builders
  { signal: "orm", library: "Prisma", mention: /\bprisma\b/i, npm: ["@prisma/client"] },
  { signal: "orm", library: "TypeORM", mention: /\btypeorm\b/i, npm: ["typeorm"] },
  { signal: "orm", library: "Sequelize", mention: /\bsequelize\b/i, npm: ["sequelize"] },
  { signal: "orm", library: "Drizzle", mention: /\bdrizzle\b/i, npm: ["drizzle-orm"] },
  { signal: "orm", library: "Knex", mention: /\bknex\b/i, npm: ["knex"] },
  { signal: "orm", library: "Kysely", mention: /\bkysely\b/i, npm: ["kysely"] },
  { signal: "orm", library: "MikroORM", mention: /\bmikro-?orm\b/i, npm: ["@mikro-orm/*"] },
  { signal: "orm", library: "Objection", npm: ["objection"] },
  { signal: "orm", library: "Mongoose", mention: /\bmongoose\b/i, npm: ["mongoose"] },
  {
    signal: "orm",
    library: "SQLAlchemy",
    mention: /\bsqlalchemy\b/i,
    pypi: ["sqlalchemy", "SQLAlchemy", "flask-sqlalchemy", "Flask-SQLAlchemy", "sqlmodel"],
    pyModules: ["sqlalchemy", "flask_sqlalchemy", "sqlmodel"]
  },
  { signal: "orm", library: "Django ORM", mention: /\bdjango\b/i, pypi: ["django", "Django"] },
  { signal: "orm", library: "Peewee", pypi: ["peewee"], pyModules: ["peewee"] },
  { signal: "orm", library: "Tortoise ORM", pypi: ["tortoise-orm"], pyModules: ["tortoise"] },
  { signal: "orm", library: "GORM", mention: /\bgorm\b/i, go: ["gorm.io/gorm", "github.com/jinzhu/gorm"] },
  { signal: "orm", library: "sqlx (Go)", mention: /\bsqlx\b/i, go: ["github.com/jmoiron/sqlx"] },
  { signal: "orm", library: "ent", go: ["entgo.io/ent"] },
  { signal: "orm", library: "Bun (Go)", go: ["github.com/uptrace/bun"] },
  {
    signal: "orm",
    library: "Ecto",
    mention: /\becto\b/i,
    hex: ["ecto_sql", "ecto"],
    elixir: ["Ecto.Schema", "Ecto.Query", "Ecto.Repo"]
  },
  {
    signal: "orm",
    library: "JPA/Hibernate",
    mention: /\bjpa\b|\bhibernate\b/i,
    maven: ["spring-boot-starter-data-jpa", "hibernate-core"],
    jvm: ["jakarta.persistence", "javax.persistence", "org.hibernate"]
  },
  { signal: "orm", library: "jOOQ", maven: ["jooq", "spring-boot-starter-jooq"], jvm: ["org.jooq"] },
  {
    signal: "orm",
    library: "Spring JDBC",
    maven: ["spring-boot-starter-jdbc"],
    jvm: ["org.springframework.jdbc"]
  },
  { signal: "orm", library: "Diesel", mention: /\bdiesel\b/i, cargo: ["diesel"] },
  { signal: "orm", library: "sqlx (Rust)", mention: /\bsqlx\b/i, cargo: ["sqlx"] },
  { signal: "orm", library: "SeaORM", cargo: ["sea-orm"] },
  // Graceful shutdown helpers
  {
    signal: "graceful-shutdown",
    library: "terminus",
    npm: ["@godaddy/terminus", "http-terminator", "stoppable", "lightship", "close-with-grace"]
  },
  // OpenAPI generated from code
  {
    signal: "openapi",
    library: "swagger/OpenAPI tooling",
    npm: [
      "swagger-jsdoc",
      "swagger-ui-express",
      "@nestjs/swagger",
      "@fastify/swagger",
      "tsoa",
      "@hono/zod-openapi",
      "express-openapi-validator"
    ]
  },
  {
    signal: "openapi",
    library: "drf-spectacular",
    pypi: ["drf-spectacular", "drf-yasg", "flasgger", "apispec", "flask-smorest"],
    pyModules: ["drf_spectacular", "drf_yasg", "flasgger", "apispec", "flask_smorest"]
  },
  { signal: "openapi", library: "swaggo", go: ["github.com/swaggo/swag", "github.com/swaggo/http-swagger"] },
  { signal: "openapi", library: "open_api_spex", hex: ["open_api_spex"], elixir: ["OpenApiSpex"] },
  {
    signal: "openapi",
    library: "springdoc-openapi",
    maven: [
      "springdoc-openapi-starter-webmvc-ui",
      "springdoc-openapi-ui",
      "springdoc-openapi-*",
      "springfox-*"
    ],
    jvm: ["org.springdoc", "io.swagger.v3.oas"]
  },
  { signal: "openapi", library: "utoipa", cargo: ["utoipa", "aide"] },
  // Migration tools (the migration files themselves are found by path)
  { signal: "migrations", library: "Prisma Migrate", npm: ["prisma"] },
  { signal: "migrations", library: "Alembic", pypi: ["alembic"] },
  { signal: "migrations", library: "golang-migrate", go: ["github.com/golang-migrate/migrate"] },
  { signal: "migrations", library: "goose", go: ["github.com/pressly/goose"] },
  { signal: "migrations", library: "Flyway", maven: ["flyway-core", "flyway-*"] },
  { signal: "migrations", library: "Liquibase", maven: ["liquibase-core"] },
  { signal: "migrations", library: "node-pg-migrate", npm: ["node-pg-migrate", "db-migrate", "umzug"] }
];
var JS = ["javascript"];
var SOURCES = ["javascript", "python", "go", "elixir", "jvm", "rust", "ruby"];
var SECURITY_HEADER2 = "(?:Content-Security-Policy|Strict-Transport-Security|X-Frame-Options|X-Content-Type-Options)";
var DETECTORS = [
  // Fastify's built-in logger is pino.
  {
    signal: "structured-logging",
    library: "pino (Fastify logger)",
    languages: JS,
    pattern: /\bFastify\(\s*\{[^}]*\blogger\s*:\s*(?:true|\{)|^\s*logger\s*:\s*(?:true|\{\s*level)/,
    how: "config"
  },
  { signal: "structured-logging", library: "slog", languages: ["go"], pattern: /"log\/slog"/, how: "call" },
  {
    signal: "structured-logging",
    library: "loguru (serialize=True)",
    languages: ["python"],
    pattern: /\bserialize\s*=\s*True\b/,
    how: "config"
  },
  {
    signal: "structured-logging",
    library: "JSON log formatter",
    languages: ["python", "django-settings"],
    pattern: /\bJson(?:Formatter|Renderer)\b|JSONRenderer\(/,
    how: "config"
  },
  {
    signal: "structured-logging",
    library: "LoggerJSON formatter",
    languages: ["elixir-config"],
    pattern: /\bLoggerJSON\b|:logger_json\b/,
    how: "config"
  },
  {
    signal: "structured-logging",
    library: "JSON log encoder",
    languages: ["logging-config"],
    pattern: /LogstashEncoder|JsonTemplateLayout|JsonLayout|EcsLayout|EcsEncoder/,
    how: "config"
  },
  {
    signal: "structured-logging",
    library: "Spring Boot structured logging",
    languages: ["spring-config"],
    pattern: /^\s*(?:logging\.)?structured\.format|^\s*format\.console\s*[:=]\s*(?:ecs|logstash|gelf)/,
    how: "config"
  },
  {
    signal: "structured-logging",
    library: "tracing-subscriber JSON",
    languages: ["rust"],
    pattern: /\.json\(\)/,
    how: "call"
  },
  // Error tracking initialised in config rather than code.
  {
    signal: "error-tracking",
    library: "Sentry",
    languages: ["elixir-config"],
    pattern: /config\s+:sentry\b/,
    how: "config"
  },
  {
    signal: "error-tracking",
    library: "Sentry",
    languages: ["spring-config"],
    pattern: /^\s*sentry[.:]\s*(?:dsn)?/,
    how: "config"
  },
  // Tracing agents attached at start-up instead of imported.
  {
    signal: "tracing",
    library: "OpenTelemetry",
    languages: ["json", "container", "yaml", "shell"],
    pattern: /--(?:require|import)[ =]\s*["']?@opentelemetry\/|opentelemetry-instrument\b|-javaagent:\S*opentelemetry|NODE_OPTIONS=.*@opentelemetry/,
    how: "config"
  },
  {
    signal: "tracing",
    library: "Datadog APM",
    languages: ["json", "container", "yaml", "shell"],
    pattern: /--(?:require|import)[ =]\s*["']?dd-trace\b|\bddtrace-run\b|-javaagent:\S*dd-java-agent/,
    how: "config"
  },
  // Security headers set by hand or by the framework.
  {
    signal: "security-headers",
    library: "headers set in code",
    languages: SOURCES,
    pattern: new RegExp(
      `['"]${SECURITY_HEADER2}['"]\\s*(?:[,:=)]|\\]\\s*=(?!=))|\\b(?:set|add|put)_?[Hh]eader\\w*\\(\\s*['"]${SECURITY_HEADER2}`
    ),
    how: "call"
  },
  {
    signal: "security-headers",
    library: "nginx add_header",
    languages: ["nginx"],
    pattern: new RegExp(`^\\s*(?:add_header|more_set_headers)\\s+['"]?${SECURITY_HEADER2}`),
    how: "config"
  },
  {
    signal: "security-headers",
    library: "Django SecurityMiddleware",
    languages: ["django-settings", "python"],
    pattern: /django\.middleware\.security\.SecurityMiddleware|\bSECURE_HSTS_SECONDS\s*=\s*[1-9]/,
    how: "config"
  },
  {
    signal: "security-headers",
    library: "django-csp",
    languages: ["python"],
    pattern: /['"]csp\.middleware\.CSPMiddleware['"]/,
    how: "config"
  },
  {
    signal: "security-headers",
    library: "Echo Secure middleware",
    languages: ["go"],
    pattern: /\bmiddleware\.Secure(?:WithConfig)?\(/,
    how: "call"
  },
  {
    signal: "security-headers",
    library: "Spring Security headers",
    languages: ["jvm"],
    pattern: /\.headers\s*\(|\.contentSecurityPolicy\s*\(|\.httpStrictTransportSecurity\s*\(/,
    how: "call"
  },
  {
    signal: "security-headers",
    library: "Phoenix put_secure_browser_headers",
    languages: ["elixir"],
    pattern: /\bput_secure_browser_headers\b/,
    how: "call"
  },
  {
    signal: "security-headers",
    library: "ingress security headers",
    languages: ["yaml"],
    pattern: new RegExp(
      `(?:add_header|more_set_headers)\\s+['"]?${SECURITY_HEADER2}|customResponseHeaders:|contentSecurityPolicy:`
    ),
    how: "config"
  },
  // CORS configured by framework calls.
  {
    signal: "cors",
    library: "enableCors",
    languages: JS,
    pattern: /\.enableCors\(|\bcors\s*:\s*\{/,
    how: "call"
  },
  {
    signal: "cors",
    library: "django-cors-headers",
    languages: ["python"],
    pattern: /['"]corsheaders\.middleware\.CorsMiddleware['"]/,
    how: "config"
  },
  {
    signal: "cors",
    library: "Echo CORS middleware",
    languages: ["go"],
    pattern: /\bmiddleware\.CORS(?:WithConfig)?\(/,
    how: "call"
  },
  {
    signal: "cors",
    library: "Spring CORS",
    languages: ["jvm", "spring-config"],
    pattern: /@CrossOrigin\b|CorsConfiguration|addCorsMappings|\.allowedOrigins\(|allowed-origins\s*[:=]/,
    how: "config"
  },
  {
    signal: "cors",
    library: "tower-http CorsLayer",
    languages: ["rust"],
    pattern: /\bCorsLayer\b/,
    how: "call"
  },
  {
    signal: "cors",
    library: "Access-Control-Allow-Origin header",
    languages: ["nginx", "javascript", "python", "go", "jvm", "elixir", "ruby", "yaml"],
    pattern: /Access-Control-Allow-Origin|cors-allow-origin/i,
    how: "config"
  },
  // Compression configured by frameworks and proxies.
  {
    signal: "compression",
    library: "Django GZipMiddleware",
    languages: ["django-settings"],
    pattern: /django\.middleware\.gzip\.GZipMiddleware/,
    how: "config"
  },
  {
    signal: "compression",
    library: "Go compression middleware",
    languages: ["go"],
    pattern: /\bmiddleware\.(?:Compress|Gzip|GzipWithConfig)\(/,
    how: "call"
  },
  {
    signal: "compression",
    library: "Spring Boot response compression",
    languages: ["spring-config"],
    pattern: /^\s*server\.compression\.enabled\s*[:=]\s*true\b/,
    how: "config"
  },
  {
    signal: "compression",
    library: "Rust compression layer",
    languages: ["rust"],
    pattern: /\bCompressionLayer\b|\bmiddleware::Compress\b/,
    how: "call"
  },
  {
    signal: "compression",
    library: "Phoenix endpoint compression",
    languages: ["elixir-config"],
    pattern: /\bcompress:\s*true\b/,
    how: "config"
  },
  {
    signal: "compression",
    library: "nginx gzip",
    languages: ["nginx"],
    pattern: /^\s*(?:gzip|brotli)\s+on\b/,
    how: "config"
  },
  // HTTPS enforced by frameworks and proxies.
  {
    signal: "https-redirect",
    library: "Django SECURE_SSL_REDIRECT",
    languages: ["django-settings"],
    pattern: /^\s*SECURE_SSL_REDIRECT\s*=\s*True\b/,
    how: "config"
  },
  {
    signal: "https-redirect",
    library: "Rails force_ssl",
    languages: ["ruby"],
    pattern: /^\s*config\.force_ssl\s*=\s*true\b/,
    how: "config"
  },
  {
    signal: "https-redirect",
    library: "Phoenix force_ssl",
    languages: ["elixir-config", "elixir"],
    pattern: /\bforce_ssl:\s*\[/,
    how: "config"
  },
  {
    signal: "https-redirect",
    library: "Spring Security requiresSecure",
    languages: ["jvm"],
    pattern: /\.requiresSecure\(\)/,
    how: "call"
  },
  {
    signal: "https-redirect",
    library: "nginx redirect to HTTPS",
    languages: ["nginx"],
    pattern: /^\s*(?:return\s+30[1278]\s+["']?https:\/\/|rewrite\s+\S+\s+https:\/\/)/,
    how: "config"
  },
  {
    signal: "https-redirect",
    library: "ingress SSL redirect",
    languages: ["yaml"],
    pattern: /ingress\.kubernetes\.io\/(?:force-)?ssl-redirect:\s*["']?true|redirectscheme\.scheme[=:]\s*["']?https/i,
    how: "config"
  },
  // Rate limiting outside application libraries.
  {
    signal: "rate-limiting",
    library: "nginx limit_req",
    languages: ["nginx"],
    pattern: /^\s*limit_req(?:_zone)?\s/,
    how: "config"
  },
  {
    signal: "rate-limiting",
    library: "ingress-nginx rate limit",
    languages: ["yaml"],
    pattern: /nginx\.ingress\.kubernetes\.io\/limit-(?:rps|rpm|connections)|^\s*rateLimit:\s*$|RequestRateLimiter/,
    how: "config"
  },
  {
    signal: "rate-limiting",
    library: "Django REST framework throttling",
    languages: ["python", "django-settings"],
    pattern: /DEFAULT_THROTTLE_(?:RATES|CLASSES)|throttle_classes\s*=/,
    how: "config"
  },
  {
    signal: "rate-limiting",
    library: "Echo RateLimiter middleware",
    languages: ["go"],
    pattern: /\bmiddleware\.RateLimiter(?:WithConfig)?\(/,
    how: "call"
  },
  {
    signal: "rate-limiting",
    library: "tower RateLimitLayer",
    languages: ["rust"],
    pattern: /\bRateLimitLayer\b/,
    how: "call"
  },
  // Validation without a listed library.
  {
    signal: "input-validation",
    library: "Bean Validation",
    languages: ["jvm"],
    pattern: /@(?:Valid|Validated)\b/,
    how: "call"
  },
  {
    signal: "input-validation",
    library: "NestJS ValidationPipe",
    languages: JS,
    pattern: /\bnew\s+ValidationPipe\(|\buseClass\s*:\s*ValidationPipe\b/,
    how: "call"
  },
  {
    signal: "input-validation",
    library: "Ecto changesets",
    languages: ["elixir"],
    pattern: /\bvalidate_(?:required|length|format|number|inclusion|change)\(/,
    how: "call"
  },
  {
    signal: "input-validation",
    library: "Gin binding tags",
    languages: ["go"],
    pattern: /\b(?:binding|validate):"[^"]*required/,
    how: "call"
  },
  {
    signal: "input-validation",
    library: "Django forms/serializers",
    languages: ["python"],
    pattern: /^\s*from\s+(?:django\s+import\s+forms|rest_framework\s+import\s+serializers)\b/,
    how: "call"
  },
  // ORMs wired without a listed import.
  {
    signal: "orm",
    library: "Django ORM",
    languages: ["python"],
    pattern: /^\s*from\s+django\.db\s+import\s+models\b/,
    how: "call"
  },
  {
    signal: "orm",
    library: "Ecto",
    languages: ["elixir"],
    pattern: /\buse\s+Ecto\.(?:Schema|Repo)\b/,
    how: "call"
  },
  {
    signal: "orm",
    library: "Spring Data",
    languages: ["jvm"],
    pattern: /\b(?:JpaRepository|CrudRepository|JdbcTemplate)\b/,
    how: "call"
  },
  // Graceful shutdown.
  {
    signal: "graceful-shutdown",
    library: "SIGTERM handler",
    languages: JS,
    pattern: /process\.(?:on|once|addListener)\(\s*['"]SIGTERM['"]|\benableShutdownHooks\(/,
    how: "call"
  },
  {
    signal: "graceful-shutdown",
    library: "SIGTERM handler",
    languages: ["python"],
    pattern: /signal\.signal\(\s*(?:signal\.)?SIGTERM|add_signal_handler\(\s*(?:signal\.)?SIGTERM/,
    how: "call"
  },
  {
    signal: "graceful-shutdown",
    library: "signal.Notify",
    languages: ["go"],
    pattern: /signal\.Notify(?:Context)?\([^)]*\bSIGTERM\b/,
    how: "call"
  },
  {
    signal: "graceful-shutdown",
    library: "Spring graceful shutdown",
    languages: ["spring-config"],
    pattern: /^\s*(?:server\.)?shutdown\s*[:=]\s*graceful\b/,
    how: "config"
  },
  {
    signal: "graceful-shutdown",
    library: "JVM shutdown hook",
    languages: ["jvm"],
    pattern: /addShutdownHook\(|@PreDestroy\b/,
    how: "call"
  },
  {
    signal: "graceful-shutdown",
    library: "tokio signal handler",
    languages: ["rust"],
    pattern: /SignalKind::terminate\(\)|with_graceful_shutdown\(|signal::ctrl_c\(\)/,
    how: "call"
  },
  {
    signal: "graceful-shutdown",
    library: "uvicorn/gunicorn default SIGTERM handling",
    languages: ["python"],
    pattern: /^\s*(?:import\s+uvicorn|from\s+uvicorn\b)|\buvicorn\.run\(/,
    how: "default"
  },
  // OpenAPI served by the framework itself.
  {
    signal: "openapi",
    library: "FastAPI (serves /openapi.json and /docs by default)",
    languages: ["python"],
    pattern: /^\s*from\s+fastapi\s+import\s+(?:[\w, ]*\b)?FastAPI\b/,
    how: "call"
  },
  // Backups run from code, scripts or scheduled jobs.
  {
    signal: "backups",
    library: "database dump",
    languages: ["shell", "yaml", "container", "javascript", "python", "go", "elixir", "jvm"],
    pattern: /\b(?:pg_dump(?:all)?|pg_basebackup|pgbackrest|wal-g|mysqldump|mariadb-dump|mongodump|redis-cli\s+--rdb|velero\s+(?:backup|schedule)|restic\s+backup|borg\s+create)\b/,
    how: "call"
  },
  // Prometheus and process managers found by content.
  {
    signal: "prometheus-scrape",
    library: "Prometheus scrape config",
    languages: ["yaml"],
    pattern: /^\s*scrape_configs:|^\s*kind:\s*(?:ServiceMonitor|PodMonitor)\b|prometheus\.io\/scrape:\s*["']?true/,
    how: "config"
  },
  {
    signal: "prometheus-alerts",
    library: "Prometheus alerting rule",
    languages: ["yaml"],
    pattern: /^\s*-?\s*alert:\s*\S|^\s*kind:\s*PrometheusRule\b/,
    how: "config"
  },
  {
    signal: "grafana-dashboard",
    library: "Grafana dashboard ConfigMap",
    languages: ["yaml"],
    pattern: /^\s*grafana_dashboard:\s*["']?1/,
    how: "config"
  },
  // Metrics exposed to a scraper: the handler, not the client library, makes a metrics endpoint.
  {
    signal: "metrics",
    library: "prom-client",
    languages: JS,
    pattern: /\bregist(?:er|ry)\.metrics\(\s*\)/,
    how: "call"
  },
  {
    signal: "metrics",
    library: "prometheus_client",
    languages: ["python"],
    pattern: /\b(?:generate_latest|make_asgi_app|make_wsgi_app|start_http_server)\(/,
    how: "call"
  },
  {
    signal: "metrics",
    library: "prometheus-fastapi-instrumentator",
    languages: ["python"],
    pattern: /\.expose\(\s*app\b/,
    how: "call"
  },
  {
    signal: "metrics",
    library: "django-prometheus",
    languages: ["python"],
    pattern: /['"]django_prometheus\.(?:middleware\.\w+|urls)['"]/,
    how: "config"
  },
  {
    signal: "metrics",
    library: "Prometheus Go client",
    languages: ["go"],
    pattern: /\bpromhttp\.(?:Handler|HandlerFor|InstrumentMetricHandler)\(/,
    how: "call"
  },
  {
    signal: "metrics",
    library: "Spring Boot Actuator prometheus endpoint",
    languages: ["spring-config"],
    pattern: /^\s*(?:management\.endpoints\.web\.exposure\.)?include\s*[:=].*\bprometheus\b/,
    how: "config"
  },
  {
    signal: "process-manager",
    library: "PM2 runtime",
    languages: ["container"],
    pattern: /\bpm2-runtime\b|\bpm2\s+start\b|\bsupervisord\b/,
    how: "config"
  },
  {
    signal: "graceful-shutdown",
    library: "gunicorn/uvicorn default SIGTERM handling",
    languages: ["container"],
    pattern: /\b(?:gunicorn|uvicorn)\b/,
    how: "default"
  },
  // Log shippers deployed: their images in compose, Kubernetes and Helm values, and compose
  // logging drivers that send logs off the host.
  ...[
    ["Fluent Bit", "fluent-bit"],
    ["Fluentd", "fluentd"],
    ["Vector", "vector"],
    ["Promtail", "promtail"],
    ["Logstash", "logstash"],
    ["Filebeat", "filebeat"],
    ["Loki", "loki"],
    ["Grafana Alloy", "alloy"],
    ["Kibana", "kibana"]
  ].map(
    ([library, image]) => ({
      signal: "log-shipping",
      library: `${library} image`,
      languages: ["yaml"],
      pattern: new RegExp(
        `^\\s*-?\\s*(?:image|repository):\\s*["']?(?:[\\w.:-]+\\/)*${image}(?:[:"'\\s@]|$)`
      ),
      how: "config"
    })
  ),
  {
    signal: "log-shipping",
    library: "compose logging driver",
    languages: ["yaml"],
    pattern: /^\s*driver:\s*["']?(?:fluentd|gelf|loki|awslogs|splunk|gcplogs|syslog)\b/,
    how: "config"
  },
  {
    signal: "process-manager",
    library: "systemd unit",
    languages: ["systemd"],
    pattern: /^\s*ExecStart\s*=/,
    how: "config"
  }
];
var HINTS = [
  { signal: "metrics", pattern: /['"`]\/metrics['"`]|\bmetrics?Registry\b|\bcollectDefaultMetrics\b/ },
  {
    signal: "structured-logging",
    pattern: /JSON\.stringify\(\s*\{[^}]*\b(?:level|msg|severity)\b|json\.dumps\(\s*\{[^}]*['"](?:level|msg)['"]/
  },
  { signal: "error-tracking", pattern: /\bcapture(?:Exception|Error)\(|\berror[_-]?track/i },
  { signal: "tracing", pattern: /\btraceparent\b|\bstartSpan\(|\bstart_as_current_span\(|\bOTEL_[A-Z_]+/ },
  { signal: "security-headers", pattern: /\bsecurity[_-]?headers\b|\bsecureHeaders\b/i },
  { signal: "rate-limiting", pattern: /rate[_-]?limit|\bthrottl/i },
  { signal: "input-validation", pattern: /\bvalidat(?:e|or|ion)\w*\(|\bschema\.(?:parse|validate)\(/i },
  {
    signal: "graceful-shutdown",
    pattern: /\bSIG(?:TERM|INT)\b|\bgraceful(?:_|-)?shutdown\b|\bShutdown\(ctx/i
  },
  { signal: "cors", pattern: /\bcors\b/i }
];
function sqlStart(quotes) {
  const body = `[^${quotes}]*`;
  const upper = `SELECT\\s${body}\\bFROM\\b|INSERT\\s+INTO\\b|UPDATE\\s+[\\w.]+\\s+SET\\b|DELETE\\s+FROM\\b`;
  const lower = `select\\s${body}\\bfrom\\b|insert\\s+into\\b|update\\s+[\\w.]+\\s+set\\b|delete\\s+from\\b`;
  return `(?:${upper}|${lower})`;
}
var STRING_BUILT_SQL = [
  {
    languages: ["javascript", "jvm"],
    pattern: new RegExp(
      `["']${sqlStart(`"'`)}[^"']*\\b(?:WHERE|VALUES|SET|where|values|set)\\b[^"']*["']\\s*\\+\\s*[A-Za-z_$]`
    )
  },
  // Tagged templates (sql`...`, Prisma.$queryRaw`...`) are parameterised; untagged ones are not.
  { languages: JS, pattern: new RegExp(`(?<![\\w)\\].$])\`\\s*${sqlStart("`")}[^\`]*\\$\\{`) },
  { languages: JS, pattern: /\$(?:queryRawUnsafe|executeRawUnsafe)\(\s*`[^`]*\$\{/ },
  {
    languages: ["python"],
    pattern: new RegExp(`\\bf"${sqlStart('"')}[^"]*\\{[^}]+\\}|\\bf'${sqlStart("'")}[^']*\\{[^}]+\\}`)
  },
  {
    languages: ["python"],
    pattern: new RegExp(`["']${sqlStart(`"'`)}[^"']*["']\\s*(?:%\\s*[\\w(]|\\.format\\()`)
  },
  { languages: ["go"], pattern: new RegExp(`Sprintf\\(\\s*"${sqlStart('"')}[^"]*%[sv]`) }
];
var OPEN_CORS = [
  {
    languages: JS,
    pattern: /\borigin\s*:\s*(?:['"`]\*['"`]|true\b)|\bcors\(\s*\)|\.register\(\s*cors\s*\)|\.enableCors\(\s*\)/
  },
  {
    languages: ["python", "django-settings"],
    pattern: /allow_origins\s*=\s*\[\s*["']\*["']|CORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)\s*=\s*True|\bCORS\(\s*app\s*\)/
  },
  {
    languages: ["go"],
    pattern: /AllowedOrigins:\s*\[\]string\{\s*"\*"|AllowAllOrigins:\s*true|cors\.Default\(\)|cors\.AllowAll\(\)/
  },
  { languages: ["elixir"], pattern: /\borigin:\s*(?:"\*"|\[\s*"\*"\s*\])|plug\s+CORSPlug\s*$/ },
  {
    languages: ["jvm", "spring-config"],
    pattern: /allowedOrigins\(\s*"\*"|@CrossOrigin\s*(?:\(\s*\))?\s*$|allowed-origins\s*[:=]\s*["']?\*/
  },
  { languages: ["rust"], pattern: /CorsLayer::(?:permissive|very_permissive)\(\)|allow_origin\(\s*Any\b/ },
  {
    languages: ["nginx", "javascript", "python", "go", "yaml"],
    pattern: /Access-Control-Allow-Origin['"]?\s*[,:]?\s*['"]?\*|cors-allow-origin:\s*["']?\*/i
  }
];

// src/core/collectors/code-signals/detectors.ts
var SOURCE_LANGUAGES = [
  "javascript",
  "python",
  "go",
  "elixir",
  "jvm",
  "rust",
  "ruby"
];
function escapeRegExp2(text3) {
  return text3.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function alternation(names2, star) {
  return names2.map((name) => name.endsWith("*") ? `${escapeRegExp2(name.slice(0, -1))}${star}` : escapeRegExp2(name)).join("|");
}
function importPattern(spec, language) {
  switch (language) {
    case "javascript":
      return spec.npm?.length ? new RegExp(
        `(?:\\bfrom\\s*|\\brequire\\(\\s*|\\bimport\\(\\s*|^\\s*import\\s+)['"](?:${alternation(spec.npm, `[^'"]+`)})(?:/[^'"]*)?['"]`
      ) : void 0;
    case "python": {
      const modules = spec.pyModules ?? (spec.pypi ?? []).map((name) => name.toLowerCase().replace(/-/g, "_"));
      const names2 = modules.filter((name) => /^[\w.*]+$/.test(name));
      if (!names2.length) return void 0;
      const alt = alternation(names2, "\\w*");
      return new RegExp(`^\\s*(?:from\\s+(?:${alt})(?:\\.[\\w.]+)?\\s+import\\b|import\\s+(?:${alt})\\b)`);
    }
    case "go":
      return spec.go?.length ? new RegExp(`"(?:${alternation(spec.go, "")})(?:/[^"]*)?"`) : void 0;
    case "elixir": {
      const parts = [];
      if (spec.elixir?.length) {
        const alt = alternation(spec.elixir, "");
        parts.push(
          `\\b(?:use|plug|alias|import|require)\\s+(?:${alt})\\b`,
          `\\b(?:${alt})\\.[a-z_]\\w*[\\s(]`
        );
      }
      if (spec.hex?.length) parts.push(`^\\s*config\\s+:(?:${alternation(spec.hex, "\\w*")})\\b`);
      return parts.length ? new RegExp(parts.join("|")) : void 0;
    }
    case "jvm":
      return spec.jvm?.length ? new RegExp(`^\\s*import\\s+(?:static\\s+)?(?:${alternation(spec.jvm, "")})\\.`) : void 0;
    case "rust": {
      const crates = (spec.cargo ?? []).map((name) => name.replace(/-/g, "_"));
      return crates.length ? new RegExp(`\\b(?:${alternation(crates, "")})::`) : void 0;
    }
    case "ruby":
      return spec.ruby?.length ? new RegExp(
        // Used as code: a call, a nested constant, or an argument (`use X`, `use X, opts`, `X do`);
        // not a word in a message string ("Sentry is not configured").
        `(?<![\\w:'"])(?:${alternation(spec.ruby, "")})(?=\\.[a-z_]|::[A-Z]|\\s*(?:$|,|\\bdo\\b|\\{|\\)))`
      ) : void 0;
  }
}
var cache = /* @__PURE__ */ new Map();
function detectorsFor(language) {
  const known = cache.get(language);
  if (known) return known;
  const detectors = DETECTORS.filter((d) => d.languages.includes(language));
  if (SOURCE_LANGUAGES.includes(language)) {
    for (const spec of LIBRARIES) {
      const pattern = importPattern(spec, language);
      if (pattern)
        detectors.push({
          signal: spec.signal,
          library: spec.library,
          languages: [language],
          pattern,
          how: "import"
        });
    }
  }
  const hints = SOURCE_LANGUAGES.includes(language) ? HINTS : [];
  const stringBuiltSql = STRING_BUILT_SQL.filter((s) => s.languages.includes(language)).map((s) => s.pattern);
  const openCors = OPEN_CORS.filter((s) => s.languages.includes(language)).map((s) => s.pattern);
  const all = [
    ...detectors.map((d) => d.pattern),
    ...hints.map((h) => h.pattern),
    ...stringBuiltSql,
    ...openCors
  ];
  const prefilter = all.length ? new RegExp(
    all.map((pattern) => `(?:${pattern.source})`).join("|"),
    all.some((p) => p.flags.includes("i")) ? "im" : "m"
  ) : /(?!)/;
  const result = { gate: new LiteralGate(all), prefilter, detectors, hints, stringBuiltSql, openCors };
  cache.set(language, result);
  return result;
}

// src/core/collectors/code-signals/manifests.ts
function manifestEcosystem(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  if (name === "package.json") return "npm";
  if (/^requirements[\w.-]*\.(?:txt|in)$|^pyproject\.toml$|^Pipfile$|^setup\.(?:py|cfg)$/.test(name))
    return "pypi";
  if (name === "go.mod") return "go";
  if (name === "mix.exs") return "hex";
  if (name === "pom.xml" || /^build\.gradle(?:\.kts)?$/.test(name) || name === "libs.versions.toml")
    return "maven";
  if (name === "Cargo.toml") return "cargo";
  if (name === "Gemfile" || /\.gemspec$/.test(name)) return "gem";
  return void 0;
}
var LINE_PATTERNS = {
  pypi: [
    /^\s*([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>~!;]|$)/,
    /["']([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>~!;][^"']*)?["']/g
  ],
  go: [/^\s*(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+v\d/],
  hex: [/\{\s*:(\w+)\s*,/g],
  maven: [
    /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/g,
    /["'][\w.-]+:([\w.-]+)(?::[^"']*)?["']/g,
    /\bmodule\s*=\s*"[\w.-]+:([\w.-]+)"/g
  ],
  cargo: [
    /^\s*([A-Za-z0-9_-]+)\s*(?:=|\.workspace\s*=)/,
    /^\s*\[(?:dev-|build-)?dependencies\.([A-Za-z0-9_-]+)\]/
  ],
  gem: [
    /^\s*gem\s*\(?\s*["']([\w.-]+)["']/,
    /\badd_(?:runtime_|development_)?dependency\s*\(?\s*["']([\w.-]+)["']/
  ]
};
function declaredPackages(ecosystem, text3) {
  const lines = text3.split(/\r\n|\r|\n/);
  if (ecosystem === "npm") return npmPackages(text3, lines);
  const found2 = [];
  const inDependencies = cargoDependencySections(ecosystem, lines);
  lines.forEach((raw, index) => {
    const line = raw.replace(/(?:^|\s)#.*$/, "");
    if (!line.trim() || line.length > 2e3 || !inDependencies(index)) return;
    for (const pattern of LINE_PATTERNS[ecosystem]) {
      const matches = pattern.global ? [...line.matchAll(pattern)] : [pattern.exec(line)].filter((m) => m !== null);
      for (const match of matches) {
        found2.push({ name: match[1], line: index + 1, excerpt: raw.trim().slice(0, 160) });
      }
    }
  });
  return found2;
}
function cargoDependencySections(ecosystem, lines) {
  if (ecosystem !== "cargo") return () => true;
  const inside = [];
  let current = false;
  for (const line of lines) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header)
      current = /dependencies/.test(header[1]) && !/dependencies\./.test(header[1]);
    inside.push(current || /^\s*\[(?:dev-|build-)?dependencies\./.test(line));
  }
  return (index) => inside[index] ?? false;
}
function npmPackages(text3, lines) {
  let parsed;
  try {
    parsed = JSON.parse(text3);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== "object") return [];
  const names2 = /* @__PURE__ */ new Set();
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
    const section = parsed[field];
    if (section && typeof section === "object") for (const name of Object.keys(section)) names2.add(name);
  }
  return [...names2].map((name) => {
    const index = lines.findIndex((line2) => line2.includes(`"${name}"`));
    const line = index >= 0 ? index + 1 : 1;
    return { name, line, excerpt: excerptAround(lines[line - 1] ?? "", name) };
  });
}
function excerptAround(line, name) {
  const trimmed = line.trim();
  if (trimmed.length <= 160) return trimmed;
  const start = trimmed.indexOf(`"${name}"`);
  return trimmed.slice(Math.max(0, start), start + 120);
}
function packageMatches(pattern, name) {
  const wanted = normalise3(pattern);
  const given = normalise3(name);
  return wanted.endsWith("*") ? given.startsWith(wanted.slice(0, -1)) : wanted === given;
}
function normalise3(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function librariesFor(ecosystem, name) {
  return LIBRARIES.filter((spec) => {
    const names2 = spec[ecosystem];
    if (!names2) return false;
    if (ecosystem === "go") {
      return names2.some(
        (path2) => name === path2 || name.startsWith(`${path2}/`) || path2.startsWith(`${name}/`)
      );
    }
    return names2.some((pattern) => packageMatches(pattern, name));
  });
}

// src/core/collectors/code-signals/wiring.ts
var APPLIED_SIGNALS = /* @__PURE__ */ new Set([
  "cors",
  "rate-limiting",
  "security-headers",
  "input-validation",
  "metrics",
  "compression",
  "https-redirect"
]);
var WIRING_LANGUAGES = /* @__PURE__ */ new Set([
  "javascript",
  "python",
  "go",
  "elixir",
  "ruby"
]);
var MAX_ARGS = 1500;
var MAX_SITES = 150;
var NOT_DERIVED = /* @__PURE__ */ new Set([
  "app",
  "application",
  "router",
  "server",
  "fastify",
  "api",
  "e",
  "r",
  "mux",
  "api_router"
]);
var IDENT = /[A-Za-z_$][\w$]*/g;
var KEYWORDS = /* @__PURE__ */ new Set([
  "async",
  "await",
  "function",
  "return",
  "new",
  "true",
  "false",
  "null",
  "undefined",
  "const",
  "let",
  "var",
  "this",
  "req",
  "res",
  "next",
  "None",
  "True",
  "False",
  "self",
  "func",
  "nil",
  "string"
]);
function importedNames(lines, index, language) {
  const line = lines[index] ?? "";
  if (language === "javascript") return jsImportNames(lines, index);
  if (language === "python") return pythonImportNames(lines, index);
  if (language === "go") {
    const match = /^\s*(?:import\s+)?(?:([\w.]+)\s+)?"([^"]+)"/.exec(line);
    if (!match) return [];
    if (match[1] && match[1] !== "_" && match[1] !== ".") return [match[1]];
    const segments = match[2].split("/").filter((segment) => !/^v\d+$/.test(segment));
    const last = (segments.at(-1) ?? "").replace(/^go-/, "").replace(/[.-]v?\d+$/, "").replace(/-/g, "");
    return last ? [last] : [];
  }
  if (language === "elixir") {
    const module = /\b(?:use|plug|alias|import|require)\s+([A-Z][\w.]*)/.exec(line)?.[1] ?? /\b([A-Z][\w.]*)\.[a-z_]\w*[\s(]/.exec(line)?.[1];
    return module ? moduleNames(module) : [];
  }
  if (language === "ruby") return rubyConstants(line);
  return [];
}
function rubyConstants(line) {
  const names2 = [];
  for (const spec of LIBRARIES) {
    for (const constant of spec.ruby ?? []) {
      const at9 = line.indexOf(constant);
      if (at9 < 0 || /[\w:]/.test(line[at9 - 1] ?? "") || /\w/.test(line[at9 + constant.length] ?? "")) continue;
      if (!names2.includes(constant)) names2.push(constant);
    }
  }
  return names2;
}
function jsImportNames(lines, index) {
  let statement = lines[index] ?? "";
  if (/^\s*\}/.test(statement) || /\bfrom\s*['"]/.test(statement) && !/\bimport\b/.test(statement)) {
    for (let i = index - 1; i >= Math.max(0, index - 40); i--) {
      statement = `${lines[i]} ${statement}`;
      if (/\bimport\b|\b(?:const|let|var)\b/.test(lines[i] ?? "")) break;
    }
  }
  const names2 = [];
  const esm = /\bimport\s+(?:type\s+)?(?:([\w$]+)\s*,?\s*)?(?:\*\s*as\s+([\w$]+)|\{([^}]*)\})?\s*from\b/.exec(
    statement
  );
  if (esm) {
    if (esm[1]) names2.push(esm[1]);
    if (esm[2]) names2.push(esm[2]);
    if (esm[3]) names2.push(...namedList(esm[3], /\s+as\s+/));
  }
  const required = /\b(?:const|let|var)\s+([\w$]+)\s*=\s*(?:await\s+)?(?:require|import)\(/.exec(statement);
  if (required?.[1]) names2.push(required[1]);
  const destructured = /\b(?:const|let|var)\s+\{([^}]*)\}\s*=\s*(?:await\s+)?(?:require|import)\(/.exec(
    statement
  );
  if (destructured?.[1]) names2.push(...namedList(destructured[1], /\s*:\s*/));
  return names2;
}
function moduleNames(module) {
  const last = module.split(".").at(-1);
  return last === module ? [module] : [module, last];
}
function namedList(list, alias) {
  return list.split(",").map(
    (part) => (part.trim().replace(/^type\s+/, "").split(alias).at(-1) ?? "").trim().replace(/\s*=.*$/, "")
  ).filter((name) => /^[\w$]+$/.test(name));
}
function pythonImportNames(lines, index) {
  const line = lines[index] ?? "";
  const from = /^\s*from\s+[\w.]+\s+import\s+(.*)$/.exec(line);
  if (from) {
    let list = from[1];
    if (list.trim().startsWith("(") && !list.includes(")")) {
      for (let i = index + 1; i < Math.min(lines.length, index + 40); i++) {
        list += ` ${lines[i]}`;
        if ((lines[i] ?? "").includes(")")) break;
      }
    }
    return namedList(list.replace(/[()\\]/g, " "), /\s+as\s+/);
  }
  const plain2 = /^\s*import\s+(.*)$/.exec(line);
  if (!plain2) return [];
  return plain2[1].split(",").flatMap((part) => {
    const [module, alias] = part.trim().split(/\s+as\s+/);
    const name = alias ?? module?.split(".")[0];
    return name && /^\w+$/.test(name) ? [name] : [];
  });
}
function enclosingDeclarations(lines, language) {
  const start = language === "javascript" ? /^(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:function\s*\*?\s*([\w$]+)|(?:const|let|var|class)\s+([\w$]+))/ : language === "python" ? /^(?:async\s+)?(?:def|class)\s+(\w+)|^(\w+)\s*(?::[^=]+)?=(?!=)/ : language === "elixir" ? /^defmodule\s+([\w.]+)/ : /^func\s+(?:\([^)]*\)\s*)?(\w+)|^(?:var|const)\s+(\w+)/;
  let current;
  return lines.map((line) => {
    if (/^\S/.test(line)) {
      const match = start.exec(line);
      current = match ? match[1] ?? match[2] : /^[})\]]/.test(line) ? current : void 0;
    }
    return current;
  });
}
function argumentsAt(text3, open) {
  let depth2 = 0;
  let quote = "";
  const end = Math.min(text3.length, open + MAX_ARGS);
  for (let i = open; i < end; i++) {
    const c = text3[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth2++;
    else if (c === ")" || c === "]" || c === "}") {
      depth2--;
      if (depth2 === 0) return text3.slice(open + 1, i);
    }
  }
  return text3.slice(open + 1, end);
}
var FIRST_STRING = /^\s*(?:r|f)?['"`]([^'"`]*)['"`]/;
function leadingRoute(args) {
  const route = FIRST_STRING.exec(args)?.[1];
  return route?.startsWith("/") && !/^\/?\*$/.test(route) ? route : void 0;
}
function scan(text3, literals, pattern) {
  return literals.some((literal) => text3.includes(literal)) ? text3.matchAll(pattern) : [];
}
function jsSites(text3) {
  const sites = [];
  for (const match of scan(
    text3,
    [".use(", ".register("],
    /(?:\b([\w$]+(?:\.[\w$]+)*)|^[ \t]*)\.(use|register)\(/gm
  )) {
    const open = match.index + match[0].length - 1;
    const args = argumentsAt(text3, open);
    const route = match[2] === "use" ? leadingRoute(args) : /\bprefix\s*:\s*['"`](\/[^'"`]*)['"`]/.exec(args)?.[1];
    sites.push({
      index: match.index,
      args,
      reach: route ? "router" : "app",
      route,
      receiver: match[1]
    });
  }
  for (const match of scan(
    text3,
    [".get(", ".post(", ".put(", ".patch(", ".delete(", ".all(", ".options(", ".head("],
    /\b[\w$]+\.(?:get|post|put|patch|delete|all|options|head)\(\s*(?=['"`])/g
  )) {
    const open = text3.indexOf("(", match.index);
    const args = argumentsAt(text3, open);
    sites.push({ index: match.index, args, reach: "route", route: leadingRoute(args) });
  }
  for (const match of scan(
    text3,
    ["@UseGuards(", "@Throttle(", "@UsePipes("],
    /@(?:UseGuards|Throttle|UsePipes)\(/g
  )) {
    const open = match.index + match[0].length - 1;
    const name = match[0].slice(1, -1);
    sites.push({
      index: match.index,
      args: argumentsAt(text3, open),
      reach: "router",
      extra: [name]
    });
  }
  for (const match of scan(
    text3,
    ["APP_"],
    /\bprovide\s*:\s*APP_(?:GUARD|PIPE)\s*,\s*useClass\s*:\s*([\w$]+)/g
  ))
    sites.push({ index: match.index, args: match[1], reach: "app" });
  for (const match of scan(
    text3,
    ["arse", "alidate"],
    /\b([\w$]+)(?:\.[\w$]+)*\.(?:parse|safeParse|parseAsync|safeParseAsync|validate|validateAsync|validateSync)\(|\b(validate|validateOrReject|validateSync)\(/g
  ))
    sites.push({
      index: match.index,
      args: "",
      reach: "route",
      extra: [match[1] ?? match[2]]
    });
  for (const match of scan(
    text3,
    ["useGlobal", "(app", "(server", "(fastify", "( app"],
    /\buseGlobal(?:Pipes|Guards)\(|\b([\w$]+)\(\s*(?:app|server|fastify)\s*[,)]/g
  )) {
    const open = text3.indexOf("(", match.index);
    sites.push({
      index: match.index,
      args: argumentsAt(text3, open),
      reach: "app",
      extra: match[1] ? [match[1]] : void 0
    });
  }
  return sites;
}
function pythonSites(text3) {
  const sites = [];
  for (const match of text3.matchAll(/\.add_middleware\(|\bMiddleware\(/g)) {
    const open = text3.indexOf("(", match.index);
    sites.push({ index: match.index, args: argumentsAt(text3, open), reach: "app" });
  }
  for (const match of text3.matchAll(/\b(\w+)\.init_app\(/g)) {
    const open = match.index + match[0].length - 1;
    sites.push({
      index: match.index,
      args: argumentsAt(text3, open),
      reach: "app",
      extra: [match[1]]
    });
  }
  for (const match of text3.matchAll(/\b([A-Za-z_]\w*)\(/g)) {
    const open = match.index + match[0].length - 1;
    if (!/^\(\s*(?:app|application|flask_app|server)\s*[,)]|\bapp\s*=\s*\w/.test(text3.slice(open, open + 200)))
      continue;
    const args = argumentsAt(text3, open);
    if (/^\s*(?:app|application|flask_app|server)\s*(?:[,)]|$)|\bapp\s*=\s*\w/.test(args))
      sites.push({ index: match.index, args: "", reach: "app", extra: [match[1]] });
  }
  for (const match of text3.matchAll(/^[ \t]*@([\w.]+)/gm)) {
    const name = match[1].split(".")[0];
    if (/^(?:app|router|bp|blueprint|api)$/.test(name)) continue;
    const around = text3.slice(Math.max(0, match.index - 300), match.index + 300);
    const route = /@\w+\.(?:route|get|post|put|patch|delete|api_route)\(\s*['"](\/[^'"]*)['"]/.exec(
      around
    )?.[1];
    sites.push({ index: match.index, args: "", reach: "route", route, extra: [name] });
  }
  for (const match of text3.matchAll(/\bDepends\(/g)) {
    const open = match.index + match[0].length - 1;
    sites.push({ index: match.index, args: argumentsAt(text3, open), reach: "route" });
  }
  return sites;
}
function elixirSites(text3, path2) {
  const sites = [];
  for (const match of scan(text3, ["plug"], /^[ \t]*plug\s+([A-Z][\w.]*)/gm)) {
    sites.push({
      index: match.index,
      args: "",
      reach: /(^|\/)endpoint\.ex$/.test(path2) ? "app" : "router",
      extra: moduleNames(match[1])
    });
  }
  return sites;
}
function rubySites(text3) {
  const sites = [];
  for (const match of scan(
    text3,
    ["use", "insert"],
    /^[ \t]*(?:[\w.]*middleware\.)?(?:use|insert_before|insert_after|insert)\b[ \t(]+([^\n]*)/gm
  )) {
    const constants = match[1].match(/(?<![\w:])[A-Z]\w*(?:::[A-Z]\w*)*/g) ?? [];
    if (constants.length)
      sites.push({ index: match.index, args: "", reach: "app", extra: constants.slice(0, 3) });
  }
  return sites;
}
function goSites(text3) {
  const sites = [];
  for (const match of text3.matchAll(/\b([\w.]+)\.Use\(/g)) {
    const open = match.index + match[0].length - 1;
    sites.push({
      index: match.index,
      args: argumentsAt(text3, open),
      reach: "app",
      receiver: match[1]
    });
  }
  for (const match of text3.matchAll(
    /\b[\w.]+\.(?:GET|POST|PUT|PATCH|DELETE|Any|Handle|HandleFunc|Get|Post|Put|Patch|Delete|Group|Route|With)\(/g
  )) {
    const open = match.index + match[0].length - 1;
    const args = argumentsAt(text3, open);
    const route = leadingRoute(args.replace(/^\s*"[A-Z]+ /, '"'));
    sites.push({
      index: match.index,
      args,
      reach: /\.(?:Group|Route)\($/.test(match[0]) ? "router" : "route",
      route
    });
  }
  for (const match of text3.matchAll(/\bListenAndServe(?:TLS)?\(|\bHandler\s*:\s*|\.Handler\(/g)) {
    const start = match.index;
    const lineStart = text3.lastIndexOf("\n", start) + 1;
    const lineEnd = text3.indexOf("\n", start);
    sites.push({
      index: start,
      args: text3.slice(lineStart, lineEnd < 0 ? text3.length : lineEnd),
      reach: "app"
    });
  }
  return sites;
}
function lineStarts(text3) {
  const starts = [0];
  for (let i = text3.indexOf("\n"); i >= 0; i = text3.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function lineAt(starts, index) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (starts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
function identifiers(text3) {
  return [...new Set(text3.match(IDENT) ?? [])].filter((name) => !KEYWORDS.has(name));
}
function routersOf(text3, language) {
  const routers = /* @__PURE__ */ new Map();
  const declare = language === "javascript" ? /\b([\w$]+)\s*=\s*(?:express\.)?Router\(/g : language === "python" ? /\b(\w+)\s*=\s*(?:APIRouter|Blueprint)\(([^)]*)/g : /\b(\w+)\s*:?=\s*[\w.]+\.(?:Group|Route)\(\s*"([^"]*)"/g;
  for (const match of text3.matchAll(declare)) {
    const name = match[1] ?? match[2];
    const prefix = language === "python" ? /prefix\s*=\s*['"]([^'"]*)['"]/.exec(match[2] ?? "")?.[1] : language === "go" ? match[2] : void 0;
    routers.set(name, { prefix, routes: [] });
  }
  for (const [name, router] of routers) {
    const escaped = name.replace(/\$/g, "\\$");
    const route = new RegExp(
      `\\b${escaped}\\.(?:get|post|put|patch|delete|all|route|GET|POST|PUT|PATCH|DELETE)\\(\\s*['"\`](\\/[^'"\`]*)`,
      "g"
    );
    for (const match of text3.matchAll(route))
      if (router.routes.length < 30) router.routes.push(match[1]);
  }
  return routers;
}
function findWiring(path2, lines, language, imports) {
  const out = { applied: [], pending: [], sites: [] };
  if (!WIRING_LANGUAGES.has(language)) return out;
  const text3 = lines.join("\n");
  const raw = language === "javascript" ? jsSites(text3) : language === "python" ? pythonSites(text3) : language === "elixir" ? elixirSites(text3, path2) : language === "ruby" ? rubySites(text3) : goSites(text3);
  if (!raw.length && !imports.length) return out;
  const starts = lineStarts(text3);
  const routers = routersOf(text3, language);
  const importLines = new Set(
    language === "elixir" || language === "ruby" ? [] : imports.map((hit) => hit.line - 1)
  );
  const allImported = /* @__PURE__ */ new Set();
  if (raw.length && language !== "go" && language !== "elixir" && language !== "ruby") {
    lines.forEach((line, index) => {
      if (/^\s*(?:import\b|from\s+[\w.]+\s+import\b|\}\s*from\s*["'])|\brequire\(/.test(line))
        for (const name of importedNames(lines, index, language)) allImported.add(name);
    });
  }
  const enclosing = imports.length && language !== "ruby" ? enclosingDeclarations(lines, language) : [];
  const known = /* @__PURE__ */ new Map();
  const bindings = /* @__PURE__ */ new Set();
  for (const hit of imports) {
    for (const name of importedNames(lines, hit.line - 1, language)) {
      known.set(name, { hit, line: hit.line });
      bindings.add(name);
    }
  }
  const locals = /* @__PURE__ */ new Set();
  const firstUse = /* @__PURE__ */ new Map();
  for (let round = 0; round < 2 && known.size; round++) {
    const seeds = [...known.keys()].filter((name) => !locals.has(name));
    const pattern = new RegExp(
      `(?<![\\w$.])(${seeds.map((n) => n.replace(/[$.]/g, "\\$&")).join("|")})\\b(?!\\s*:(?![:=]))`
    );
    lines.forEach((line, index) => {
      if (importLines.has(index)) return;
      const match = pattern.exec(line);
      if (!match) return;
      const source = known.get(match[1]);
      if (!firstUse.has(source.hit)) firstUse.set(source.hit, index + 1);
      const assigned = /^\s*(?:export\s+)?(?:const|let|var)\s+([\w$]+)\s*=|^\s*([\w$]+)\s*:?=(?!=)|^\s*(?:self\.)?(\w+)\s*=(?!=)/.exec(
        line
      );
      const variable = assigned?.[1] ?? assigned?.[2] ?? assigned?.[3];
      const within2 = enclosing[index];
      const names2 = language === "elixir" && within2 ? moduleNames(within2) : [within2];
      for (const name of [variable, ...names2]) {
        if (!name || known.has(name) || KEYWORDS.has(name) || NOT_DERIVED.has(name)) continue;
        known.set(name, { hit: source.hit, line: index + 1 });
        if (name === variable && /^\s/.test(line)) locals.add(name);
      }
    });
  }
  const appliedNames = /* @__PURE__ */ new Set();
  for (const site of raw.slice(0, 400)) {
    const line = lineAt(starts, site.index);
    const names2 = [...site.extra ?? [], ...identifiers(site.args)];
    const router = site.receiver ? routers.get(site.receiver.split(".")[0]) : void 0;
    let { reach, route } = site;
    const routes = router?.routes.length ? router.routes.slice(0, 30) : void 0;
    if (router && reach === "app") {
      reach = "router";
      route = router.prefix;
    }
    const excerpt2 = (lines[line - 1] ?? "").trim().slice(0, 160);
    const local = names2.filter((name) => known.has(name));
    for (const name of local) {
      const { hit, line: defined } = known.get(name);
      appliedNames.add(name);
      if (out.applied.some((a) => a.line === line && a.library === hit.library)) continue;
      const application = {
        signal: hit.signal,
        library: hit.library,
        path: path2,
        line,
        excerpt: excerpt2,
        reach
      };
      if (route) application.route = route;
      if (routes) application.routes = routes;
      if (defined !== hit.line || !importedNames(lines, hit.line - 1, language).includes(name))
        application.via = { name, path: path2, line: defined };
      out.applied.push(application);
    }
    const foreign = names2.filter(
      (name) => !known.has(name) && (language === "go" || language === "elixir" || language === "ruby" ? /^[A-Z]/.test(name) : allImported.has(name))
    );
    if (foreign.length && out.sites.length < MAX_SITES) {
      const entry2 = { path: path2, line, excerpt: excerpt2, reach, names: foreign.slice(0, 20) };
      if (route) entry2.route = route;
      if (routes) entry2.routes = routes;
      out.sites.push(entry2);
    }
  }
  for (const hit of imports) {
    const line = firstUse.get(hit);
    if (hit.signal !== "input-validation" || language === "javascript" || !line) continue;
    if (out.applied.some((a) => a.library === hit.library)) continue;
    const excerpt2 = (lines[line - 1] ?? "").trim().slice(0, 160);
    out.applied.push({ signal: hit.signal, library: hit.library, path: path2, line, excerpt: excerpt2, reach: "app" });
  }
  for (const [name, { hit, line }] of known) {
    if (appliedNames.has(name) || bindings.has(name) || locals.has(name)) continue;
    if (out.pending.length < MAX_SITES)
      out.pending.push({ signal: hit.signal, library: hit.library, name, path: path2, line });
  }
  return out;
}
function springFilterApplications(path2, lines, imports) {
  if (!imports.length) return [];
  const text3 = lines.join("\n");
  if (!/@Component\b/.test(text3)) return [];
  const index = lines.findIndex(
    (line) => /\bclass\s+\w+\s+(?:extends\s+(?:OncePerRequestFilter|GenericFilterBean)|implements\s+(?:[\w.]+\s*,\s*)*(?:jakarta\.servlet\.|javax\.servlet\.)?Filter)\b/.test(
      line
    )
  );
  if (index < 0) return [];
  const routes = [...text3.matchAll(/"(\/[\w/.{}*-]*)"/g)].map((match) => match[1]).slice(0, 30);
  const excerpt2 = (lines[index] ?? "").trim().slice(0, 160);
  const seen = /* @__PURE__ */ new Set();
  return imports.flatMap((hit) => {
    if (seen.has(hit.library)) return [];
    seen.add(hit.library);
    const application = {
      signal: hit.signal,
      library: hit.library,
      path: path2,
      line: index + 1,
      excerpt: excerpt2,
      reach: routes.length ? "router" : "app"
    };
    if (routes.length) application.routes = routes;
    return [application];
  });
}
function linkApplications(pending, sites) {
  const byName = /* @__PURE__ */ new Map();
  for (const name of pending) byName.set(name.name, [...byName.get(name.name) ?? [], name]);
  const linked = [];
  for (const site of sites) {
    for (const name of site.names) {
      for (const origin of byName.get(name) ?? []) {
        if (origin.path === site.path) continue;
        if (linked.some((a) => a.path === site.path && a.line === site.line && a.library === origin.library))
          continue;
        const application = {
          signal: origin.signal,
          library: origin.library,
          path: site.path,
          line: site.line,
          excerpt: site.excerpt,
          reach: site.reach,
          via: { name, path: origin.path, line: origin.line }
        };
        if (site.route) application.route = site.route;
        if (site.routes) application.routes = site.routes;
        linked.push(application);
      }
    }
  }
  return linked;
}

// src/core/collectors/code-signals.ts
var SKIPPED4 = /(^|\/)(node_modules|vendor|dist|build|out|\.next|\.nuxt|target|coverage|__pycache__|\.venv|venv|deps|_build|third_party|bower_components|\.git)\//;
var MAX_HITS_PER_FILE = 2;
var MAX_LOCATIONS = 20;
var FILE_SIGNALS = [
  {
    signal: "migrations",
    library: "Prisma Migrate",
    pattern: /^(.*?prisma\/migrations)\/[^/]+\/migration\.sql$/
  },
  { signal: "migrations", library: "Alembic", pattern: /^(.*?(?:alembic|migrations)\/versions)\/[^/]+\.py$/ },
  { signal: "migrations", library: "Django migrations", pattern: /^(.*?migrations)\/\d{4}_\w+\.py$/ },
  { signal: "migrations", library: "Ecto", pattern: /^(.*?priv\/repo\/migrations)\/[^/]+\.exs$/ },
  { signal: "migrations", library: "Rails", pattern: /^(.*?db\/migrate)\/\d+_\w+\.rb$/ },
  { signal: "migrations", library: "Flyway", pattern: /^(.*?)\/V\d+(?:[._]\d+)*__[\w-]+\.sql$/ },
  {
    signal: "migrations",
    library: "Liquibase",
    pattern: /^(.*?)\/db\.changelog[\w.-]*\.(?:xml|ya?ml|json|sql)$/
  },
  { signal: "migrations", library: "SQL migrations", pattern: /^(.*?migrations?)\/[^/]*\.(?:up|down)\.sql$/ },
  { signal: "migrations", library: "SQL migrations", pattern: /^(.*?migrations?)\/\d+_[\w-]+\.sql$/ },
  { signal: "migrations", library: "SQL migrations", pattern: /^(.*?migrations)\/[^/]+\/up\.sql$/ },
  { signal: "migrations", library: "Drizzle Kit", pattern: /^(.*?drizzle)\/\d{4}_[\w-]+\.sql$/ },
  {
    signal: "migrations",
    library: "JavaScript migrations",
    pattern: /^(.*?migrations?)\/\d{8,}[-_\w]*\.(?:js|ts|cjs|mjs)$/
  },
  { signal: "process-manager", library: "Procfile", pattern: /^((?:.*\/)?)Procfile$/ },
  {
    signal: "process-manager",
    library: "PM2 ecosystem file",
    pattern: /^((?:.*\/)?)(?:ecosystem\.config\.(?:js|cjs|mjs|json|ya?ml)|pm2\.(?:json|ya?ml|config\.js))$/
  },
  {
    signal: "process-manager",
    library: "supervisord",
    pattern: /^((?:.*\/)?)(?:supervisord\.conf|supervisor\/[^/]+\.conf|supervisord\/[^/]+\.conf)$/
  },
  // Log shippers' own configuration files.
  {
    signal: "log-shipping",
    library: "Fluent Bit config",
    pattern: /^((?:.*\/)?)fluent-?bit[\w.-]*\.(?:conf|ya?ml)$/
  },
  {
    signal: "log-shipping",
    library: "Fluent Bit config",
    pattern: /^(.*?fluent-?bit)\/[^/]+\.(?:conf|ya?ml)$/
  },
  { signal: "log-shipping", library: "Fluentd config", pattern: /^((?:.*\/)?)(?:fluentd?|td-agent)\.conf$/ },
  { signal: "log-shipping", library: "Fluentd config", pattern: /^(.*?fluentd)\/(?:.*\/)?[^/]+\.conf$/ },
  { signal: "log-shipping", library: "Vector config", pattern: /^((?:.*\/)?)vector\.(?:toml|ya?ml)$/ },
  { signal: "log-shipping", library: "Promtail config", pattern: /^((?:.*\/)?)promtail[\w.-]*\.ya?ml$/ },
  { signal: "log-shipping", library: "Promtail config", pattern: /^(.*?promtail)\/[^/]+\.ya?ml$/ },
  { signal: "log-shipping", library: "Logstash pipeline", pattern: /^((?:.*\/)?)logstash[\w.-]*\.conf$/ },
  { signal: "log-shipping", library: "Logstash pipeline", pattern: /^(.*?logstash)\/(?:.*\/)?[^/]+\.conf$/ },
  { signal: "log-shipping", library: "Filebeat config", pattern: /^((?:.*\/)?)filebeat[\w.-]*\.ya?ml$/ },
  { signal: "log-shipping", library: "Loki config", pattern: /^((?:.*\/)?)loki[\w.-]*\.ya?ml$/ },
  { signal: "log-shipping", library: "Grafana Alloy config", pattern: /^((?:.*\/)?)[^/]+\.alloy$/ },
  {
    signal: "backups",
    library: "backup script",
    pattern: /^((?:.*\/)?)[^/]*backup[^/]*\.(?:sh|bash|py|js|ts|rb)$/i
  }
];
function languagesOf(path2) {
  if (SKIPPED4.test(path2)) return [];
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  const kind = scanKind(path2);
  const languages = [];
  const language = kind?.language;
  if (language === "javascript" || language === "python" || language === "go" || language === "rust") {
    languages.push(language);
  } else if (language === "elixir" || language === "jvm" || language === "ruby") languages.push(language);
  else if (language === "spring-config") languages.push("spring-config");
  else if (language === "dockerfile") languages.push("container");
  else if (language === "shell") languages.push("shell");
  if (language === "elixir" && /(^|\/)config\/[^/]+\.exs$/.test(path2)) languages.push("elixir-config");
  if (language === "python" && /(^|\/)settings(?:\/[^/]+|[\w-]*)\.py$/.test(path2))
    languages.push("django-settings");
  if (language === "spring-config" && /\.ya?ml$/.test(name)) languages.push("yaml");
  if (language === "compose" || !kind && /\.ya?ml$/i.test(name) && !/lock\.ya?ml$/.test(name))
    languages.push("yaml");
  if (/(^|\/)nginx[^/]*\.conf(?:\.template)?$|(^|\/)(?:nginx|sites-(?:available|enabled)|conf\.d)\/[^/]+(?:\.conf)?$/.test(
    path2
  )) {
    if (!languages.length) languages.push("nginx");
  }
  if (name === "package.json" || /\.json$/i.test(name) && /grafana|dashboard/i.test(path2))
    languages.push("json");
  if (/^(?:logback|log4j2)[\w-]*\.xml$/.test(name)) languages.push("logging-config");
  if (/\.(?:service|timer)$/.test(name)) languages.push("systemd");
  if (name === "crontab" || /\.cron$/.test(name)) languages.push("shell");
  return languages;
}
var codeSignalsCollector = {
  id: "code-signals",
  async collect(repo) {
    const out = emptySignals();
    const fileGroups = /* @__PURE__ */ new Map();
    const toRead = [];
    for (const path2 of repo.files) {
      if (SKIPPED4.test(path2)) continue;
      recordFileSignals(path2, fileGroups);
      const ecosystem = manifestEcosystem(path2);
      const languages = repo.perPath("signal-languages", path2, () => languagesOf(path2));
      if (ecosystem || languages.length) toRead.push({ path: path2, ecosystem, languages });
    }
    const found2 = await repo.perFiles(
      "code-signals",
      toRead.map(({ path: path2 }) => path2),
      (text3, index) => {
        const { path: path2, ecosystem, languages } = toRead[index];
        const file = emptySignals();
        if (ecosystem) readManifest3(path2, ecosystem, text3, file);
        if (languages.length) scanFile4(path2, text3, languages, file);
        return Object.values(file).some((list) => list.length > 0) ? file : NO_SIGNALS;
      }
    );
    for (const file of found2) if (file) merge5(out, file);
    for (const application of linkApplications(out.pending, out.sites))
      out.applied.push({ ...application, test: isTestPath(application.path) });
    for (const group of fileGroups.values()) {
      const { count: count2, ...hit } = group;
      out.wired.push({ ...hit, excerpt: count2 > 1 ? `${count2} files, e.g. ${hit.excerpt}` : hit.excerpt });
    }
    return out;
  }
};
function emptySignals() {
  return {
    wired: [],
    declared: [],
    hints: [],
    stringBuiltSql: [],
    openCors: [],
    applied: [],
    pending: [],
    sites: [],
    scanned: [],
    manifests: []
  };
}
var NO_SIGNALS = emptySignals();
function merge5(out, file) {
  out.wired.push(...file.wired);
  out.declared.push(...file.declared);
  out.hints.push(...file.hints);
  out.scanned.push(...file.scanned);
  out.manifests.push(...file.manifests);
  out.applied.push(...file.applied);
  out.pending.push(...file.pending);
  out.sites.push(...file.sites);
  for (const at9 of file.stringBuiltSql)
    if (out.stringBuiltSql.length < MAX_LOCATIONS) out.stringBuiltSql.push(at9);
  for (const at9 of file.openCors) if (out.openCors.length < MAX_LOCATIONS) out.openCors.push(at9);
}
function recordFileSignals(path2, groups) {
  for (const spec of FILE_SIGNALS) {
    const match = spec.pattern.exec(path2);
    if (!match) continue;
    const folder = (match[1] ?? "").replace(/\/$/, "");
    const key = `${spec.signal}\0${spec.library}\0${folder}`;
    const known = groups.get(key);
    if (known) known.count++;
    else {
      groups.set(key, {
        signal: spec.signal,
        library: spec.library,
        how: "file",
        path: spec.signal === "migrations" ? folder || path2 : path2,
        excerpt: path2.slice(path2.lastIndexOf("/") + 1),
        test: isTestPath(path2),
        count: 1
      });
    }
    return;
  }
}
function readManifest3(path2, ecosystem, text3, out) {
  out.manifests.push({ path: path2, ecosystem });
  for (const declared2 of declaredPackages(ecosystem, text3)) {
    for (const spec of librariesFor(ecosystem, declared2.name)) {
      out.declared.push({
        signal: spec.signal,
        library: spec.library,
        name: declared2.name,
        ecosystem,
        path: path2,
        line: declared2.line,
        excerpt: declared2.excerpt
      });
    }
  }
}
function scanFile4(path2, text3, languages, out) {
  const raw = text3.split(/\r\n|\r|\n/);
  if (languages.includes("javascript") && raw.some((line) => line.length > MAX_SOURCE_LINE)) return;
  const lines = withoutComments(raw, languages);
  out.scanned.push({ path: path2, languages });
  const test = isTestPath(path2);
  const sets = languages.map(detectorsFor);
  if (languages.includes("json") && /grafana|dashboard/i.test(path2)) findDashboard(path2, lines, test, out);
  const lower = text3.toLowerCase();
  const candidates2 = sets.map((set) => set.gate.candidateLines(text3, lower, lines));
  const visit = (index) => {
    const line = lines[index];
    if (line.length > MAX_SOURCE_LINE) return;
    sets.forEach((set, which) => {
      const wanted = candidates2[which];
      if (wanted && !wanted.has(index)) return;
      if (!set.prefilter.test(line)) return;
      const at9 = { path: path2, line: index + 1, excerpt: line.trim().slice(0, 160) };
      for (const detector of set.detectors) {
        if (detector.pattern.test(line)) {
          addHit(out.wired, {
            ...at9,
            signal: detector.signal,
            library: detector.library,
            how: detector.how,
            test
          });
        }
      }
      for (const hint of set.hints) {
        if (hint.pattern.test(line))
          addHit(out.hints, { ...at9, signal: hint.signal, library: "hint", how: "call", test });
      }
      if (!test && set.stringBuiltSql.some((pattern) => pattern.test(line)) && out.stringBuiltSql.length < MAX_LOCATIONS) {
        out.stringBuiltSql.push(at9);
      }
      if (!test && set.openCors.some((pattern) => pattern.test(line)) && out.openCors.length < MAX_LOCATIONS) {
        out.openCors.push(at9);
      }
    });
  };
  if (candidates2.some((wanted) => wanted === void 0)) for (let i = 0; i < lines.length; i++) visit(i);
  else {
    const union = /* @__PURE__ */ new Set();
    for (const wanted of candidates2) for (const index of wanted) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) visit(index);
  }
  const imports = out.wired.filter((hit) => hit.how === "import" && APPLIED_SIGNALS.has(hit.signal)).map((hit) => ({ signal: hit.signal, library: hit.library, line: hit.line }));
  if (languages.includes("jvm"))
    for (const application of springFilterApplications(path2, lines, imports))
      out.applied.push({ ...application, test });
  const language = languages.find((one) => WIRING_LANGUAGES.has(one));
  if (language) {
    const wiring = findWiring(path2, lines, language, imports);
    for (const application of wiring.applied) out.applied.push({ ...application, test });
    out.pending.push(...wiring.pending);
    out.sites.push(...wiring.sites);
  }
}
function findDashboard(path2, lines, test, out) {
  const index = lines.findIndex((line) => /"panels"\s*:/.test(line));
  if (index < 0) return;
  const title = lines.map((line) => /"title"\s*:\s*"([^"]{1,80})"/.exec(line)?.[1]).find(Boolean);
  out.wired.push({
    signal: "grafana-dashboard",
    library: "Grafana dashboard",
    how: "config",
    path: path2,
    line: index + 1,
    excerpt: title ? `dashboard "${title}"` : (lines[index] ?? "").trim().slice(0, 160),
    test
  });
}
function addHit(list, hit) {
  let same2 = 0;
  for (const known of list) {
    if (known.signal === hit.signal && known.library === hit.library && known.path === hit.path) same2++;
  }
  if (same2 < MAX_HITS_PER_FILE) list.push(hit);
}

// src/core/rules/signals/signals-evidence.ts
var OPERATIONAL = /\b(installed|in production|tested|testing|working|started|responding|fine[- ]tun\w*|verified|verify|accessible|reviewed|signed[- ]off|applied|executed|active|(?:is|are) operational|watch|being collected|hosted|linked in)\b/i;
var WIRED_CLAIM = /\b(wired|configured|integrated|initiali[sz]ed|enabled|set ?up|hooked|instrumented|in place|implemented|registered)\b/i;
function matchClaim(item, accept, reject) {
  for (const line of [item.text, ...item.details]) {
    if (accept.test(line) && !OPERATIONAL.test(line) && !reject?.test(line)) return [{ claim: line }];
  }
  return [];
}
var ABOUT_DOCUMENTATION = /\b(?:documentation|documented)\b/i;
function matchBehaviourClaim(item, accept, reject) {
  return matchClaim(item, accept, reject).filter((claim) => !ABOUT_DOCUMENTATION.test(claim.claim));
}
function namesFileOrCommand(item) {
  return extractPaths(item).length > 0 || extractCommands(item).length > 0;
}
function at5(location) {
  return location.line ? `${location.path}:${location.line}` : location.path;
}
function ref7(location) {
  const evidence2 = { path: location.path };
  if (location.line) evidence2.line = location.line;
  if (location.excerpt) evidence2.excerpt = location.excerpt;
  return evidence2;
}
function manifestApplies(path2, scope) {
  return inScope(path2, scope) || !path2.includes("/");
}
function wiredInScope(signals, signal, scope) {
  return signals.wired.filter(
    (hit) => hit.signal === signal && !hit.test && hit.how !== "default" && inScope(hit.path, scope)
  );
}
function sourcesInScope(signals, scope) {
  let counts = SOURCES_IN_SCOPE.get(signals);
  if (!counts) {
    counts = /* @__PURE__ */ new Map();
    SOURCES_IN_SCOPE.set(signals, counts);
  }
  let count2 = counts.get(scope);
  if (count2 === void 0) {
    count2 = signals.scanned.filter(
      (file) => inScope(file.path, scope) && file.languages.some((language) => SOURCE_LANGUAGES2.includes(language))
    ).length;
    counts.set(scope, count2);
  }
  return count2;
}
var SOURCE_LANGUAGES2 = ["javascript", "python", "go", "elixir", "jvm", "rust", "ruby"];
var SOURCES_IN_SCOPE = /* @__PURE__ */ new WeakMap();
function librariesNamed(signal, claim) {
  return mentionsIn(signal, claim).map((spec) => spec.library);
}
function mentionsIn(signal, claim) {
  return LIBRARIES.filter((spec) => spec.signal === signal && spec.mention?.test(claim));
}
function namedWords(signal, claim) {
  const words = mentionsIn(signal, claim).map((spec) => spec.mention?.exec(claim)?.[0] ?? spec.library);
  return [...new Set(words)].join("/");
}
function librariesOf(signal) {
  return shortList(LIBRARIES.filter((spec) => spec.signal === signal).map((spec) => spec.library));
}
function shortList(names2, limit = 6) {
  const unique = [...new Set(names2)];
  return unique.length > limit ? `${unique.slice(0, limit).join(", ")}, \u2026` : unique.join(", ");
}
function needsApplication(hit) {
  if (hit.how !== "import" || !APPLIED_SIGNALS.has(hit.signal)) return false;
  const language = scanKind(hit.path)?.language;
  return language !== void 0 && WIRING_LANGUAGES.has(language);
}
function applicationMessage(application) {
  const where3 = application.route ? ` to ${application.route}` : application.reach === "app" ? "" : ` to a ${application.reach}`;
  const via = application.via ? ` as ${application.via.name} (built at ${application.via.path}:${application.via.line})` : "";
  return `${application.library} applied${where3} at ${at5(application)}${via}`;
}
function workingEvidence(signals, signal, scope) {
  const wired = wiredInScope(signals, signal, scope);
  const importedOnly = wired.filter(needsApplication);
  const working = wired.filter((hit) => !needsApplication(hit)).map((hit) => ({
    library: hit.library,
    path: hit.path,
    line: hit.line,
    excerpt: hit.excerpt,
    message: wiredMessage(hit),
    appWide: hit.how === "config" || hit.how === "file",
    importOnly: hit.how === "import"
  }));
  if (APPLIED_SIGNALS.has(signal)) {
    for (const application of signals.applied) {
      if (application.signal !== signal || application.test || !inScope(application.path, scope)) continue;
      working.push({
        library: application.library,
        path: application.path,
        line: application.line,
        excerpt: application.excerpt,
        message: applicationMessage(application),
        application,
        appWide: false
      });
    }
  }
  working.sort((a, b) => Number(Boolean(b.application)) - Number(Boolean(a.application)));
  const seen = /* @__PURE__ */ new Set();
  const unique = working.filter((hit) => {
    const key = `${hit.path}:${hit.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { working: unique, importedOnly };
}
var MANIFESTS_OF = [
  [/\.[cm]?[jt]sx?$/, /(^|\/)package\.json$/],
  [/\.py$/, /(^|\/)(?:requirements[\w.-]*\.(?:txt|in)|pyproject\.toml|Pipfile|setup\.(?:py|cfg))$/],
  [/\.rb$/, /(^|\/)(?:Gemfile|[\w.-]+\.gemspec)$/]
];
function importsUndeclared(hit, declared2, signal, ctx) {
  if (!hit.importOnly) return false;
  const manifest = MANIFESTS_OF.find(([source]) => source.test(hit.path))?.[1];
  if (!manifest || !ctx.files.some((path2) => manifest.test(path2))) return false;
  return !declared2.some((dep) => dep.signal === signal && dep.library === hit.library);
}
function covered(scope, working) {
  return working.appWide || working.application !== void 0 && scope.covers(working.application);
}
function more(hits) {
  return hits.length > 1 ? ` (and ${hits.length - 1} more)` : "";
}
function wiredMessage(hit) {
  const verb = hit.how === "import" ? "imported" : hit.how === "file" ? "found" : "configured";
  return `${hit.library} ${verb} at ${at5(hit)}`;
}
function judgeSignal(options, claim, ctx) {
  const signals = ctx.get(codeSignalsCollector);
  const { signal, what } = options;
  const named = librariesNamed(signal, claim.claim);
  const { working, importedOnly } = workingEvidence(signals, signal, ctx.scope);
  const mentions = mentionsIn(signal, claim.claim).map((spec) => spec.mention);
  const isNamed = (library) => named.includes(library) || mentions.some((mention) => mention.test(library));
  const workingNamed = named.length ? working.filter((hit) => isNamed(hit.library)) : working;
  const routeScope = options.routeScoped ? routeScopeOf(claim.claim) : void 0;
  if (workingNamed.length && routeScope) {
    const inRoutes = workingNamed.filter((hit) => covered(routeScope, hit));
    if (!inRoutes.length) {
      const first4 = workingNamed[0];
      const reach = first4.application ? `it is applied only as found: ${first4.message}${more(workingNamed)}` : `${first4.message}${more(workingNamed)}, but where it applies is not read from this code`;
      return {
        verdict: "unknown",
        message: `the item is about ${routeScope.shown}; no ${what} shown applied to them: ${reach}`,
        evidence: workingNamed.slice(0, 3).map(ref7)
      };
    }
    const first3 = inRoutes[0];
    return {
      verdict: "pass",
      message: `${what} for ${routeScope.shown}: ${first3.message}${more(inRoutes)}`,
      evidence: inRoutes.slice(0, 3).map(ref7)
    };
  }
  const undeclared = workingNamed.filter((hit) => importsUndeclared(hit, signals.declared, signal, ctx));
  if (workingNamed.length && undeclared.length === workingNamed.length) {
    const first3 = undeclared[0];
    return {
      verdict: "unknown",
      message: `${first3.library} is imported at ${at5(first3)}${more(undeclared)}, but no dependency manifest of the project declares it, so nothing installs it`,
      evidence: undeclared.slice(0, 3).map(ref7)
    };
  }
  if (workingNamed.length) {
    const first3 = workingNamed[0];
    return {
      verdict: "pass",
      message: `${what}: ${first3.message}${more(workingNamed)}`,
      evidence: workingNamed.slice(0, 3).map(ref7)
    };
  }
  const installed = named.length ? importedOnly.filter((hit) => isNamed(hit.library)) : importedOnly;
  if (installed.length) {
    const first3 = installed[0];
    return {
      verdict: "unknown",
      message: `${first3.library} is imported at ${at5(first3)}${more(installed)} but never applied: no app.use/register/add_middleware/Use of it, or of a name built from it, in code that is not a comment`,
      evidence: installed.slice(0, 3).map(ref7)
    };
  }
  if (working.length) {
    const first3 = working[0];
    return {
      verdict: "unknown",
      message: `the item names ${namedWords(signal, claim.claim)}, but the ${what} wired in is ${first3.message}`,
      evidence: [ref7(first3)]
    };
  }
  const declared2 = signals.declared.filter(
    (dep) => dep.signal === signal && manifestApplies(dep.path, ctx.scope) && (!named.length || isNamed(dep.library))
  );
  const sources = sourcesInScope(signals, ctx.scope);
  if (declared2.length) {
    const first3 = declared2[0];
    const fact = `${first3.name} is declared at ${at5(first3)} but never imported in ${sources} source files${ctx.scope ? ` in ${ctx.scope}/` : ""}`;
    return WIRED_CLAIM.test(claim.claim) && first3.ecosystem !== "gem" ? { verdict: "fail", message: `${fact}: declared, not wired in`, evidence: [ref7(first3)] } : {
      verdict: "unknown",
      message: `${fact}; it may be loaded another way (a --require flag, an agent)`,
      evidence: [ref7(first3)]
    };
  }
  const fallback = signals.wired.find(
    (hit) => hit.signal === signal && hit.how === "default" && inScope(hit.path, ctx.scope)
  );
  if (fallback) {
    return {
      verdict: "unknown",
      message: `no ${what} in code, but ${fallback.library} (${at5(fallback)}) may provide it`,
      evidence: [ref7(fallback)]
    };
  }
  const hint = signals.hints.find(
    (hit) => hit.signal === signal && !hit.test && inScope(hit.path, ctx.scope)
  );
  if (hint) {
    return {
      verdict: "unknown",
      message: `no known ${what} library, but ${at5(hint)} looks like a home-grown one: "${hint.excerpt.slice(0, 80)}"`,
      evidence: [ref7(hint)]
    };
  }
  const where3 = ctx.scope ? ` in ${ctx.scope}/` : "";
  if (sources === 0) {
    return {
      verdict: "unknown",
      message: `no Node, Python, Go, Elixir, JVM, Rust or Ruby source files${where3}, so ${what} cannot be checked in code`,
      evidence: []
    };
  }
  const gemsKnown = named.some(
    (library) => LIBRARIES.some((spec) => spec.library === library && spec.gem?.length)
  );
  const manifests = signals.manifests.filter(
    (m) => manifestApplies(m.path, ctx.scope) && (m.ecosystem !== "gem" || gemsKnown)
  );
  const looked = `no ${named.length ? namedWords(signal, claim.claim) : what} imported or declared in ${sources} source files and ${manifests.length} manifests${where3} (looked for ${named.length ? shortList(named) : librariesOf(signal)})`;
  const fails = named.length > 0 && manifests.length > 0 && (options.failWhenAbsent ? options.failWhenAbsent(claim.claim, named) : true);
  return fails ? { verdict: "fail", message: looked, evidence: manifests.slice(0, 3).map((m) => ({ path: m.path })) } : {
    verdict: "unknown",
    message: `${looked}; hand-written ${what}, or ${what} outside the code, cannot be ruled out`,
    evidence: []
  };
}
function docsFor(files, ctx) {
  const scoped = files.filter((file) => inScope(file.path, ctx.scope));
  if (scoped.length || !ctx.scope) return scoped;
  return files.filter((file) => !file.path.includes("/") || /^(?:\.github|docs?)\//.test(file.path));
}
function docFound(what, files) {
  const first3 = files[0];
  const where3 = first3.excerpt ? `${at5(first3)} ("${first3.excerpt.slice(0, 60)}")` : at5(first3);
  return {
    verdict: "pass",
    message: `${what} at ${where3}${files.length > 1 ? ` and ${files.length - 1} more` : ""}`,
    evidence: files.slice(0, 3).map(ref7)
  };
}
function docMissing(what, looked, ctx) {
  return {
    verdict: "fail",
    message: `no ${what}${ctx.scope ? ` in ${ctx.scope}/ or at the root` : ""} (looked for ${looked})`,
    evidence: []
  };
}
function linksElsewhere(links) {
  return links.find((link) => /^https?:\/\//i.test(link));
}
var NAMED = [
  { word: /\badmin\b/i, route: /admin/i, shown: "admin" },
  { word: /\b(?:log[- ]?in|sign[- ]?in)\b/i, route: /log-?in|sign-?in/i, shown: "login" },
  { word: /\b(?:sign[- ]?up|registration)\b/i, route: /sign-?up|regist/i, shown: "signup" },
  { word: /\botp\b/i, route: /otp/i, shown: "OTP" },
  {
    word: /\b(?:password[- ]reset|forgot[- ]password|reset[- ]password)\b/i,
    route: /password|reset|forgot/i,
    shown: "password reset"
  },
  { word: /\bauth(?:entication)?\b/i, route: /auth|log-?in|sign-?in/i, shown: "authentication" },
  { word: /\buploads?\b/i, route: /upload/i, shown: "upload" },
  { word: /\bwebhooks?\b/i, route: /webhook/i, shown: "webhook" },
  { word: /\b(?:payments?|checkout)\b/i, route: /payment|checkout|billing/i, shown: "payment" },
  { word: /\bgraphql\b/i, route: /graphql/i, shown: "GraphQL" }
];
var EVERY2 = /\b(?:all|every|each)\s+(?:api\s+|public\s+)?(?:endpoints?|routes?|requests?)\b|\bglobal(?:ly)?\b|\b(?:api|app|application)[- ]wide\b|\bon\s+(?:the\s+)?(?:entire\s+|whole\s+)?api\b/i;
function everywhere(application) {
  if (application.reach === "app") return !application.route;
  return application.reach === "router" && /^\/api(?:\/v\d+)?\/?\*?$/i.test(application.route ?? "");
}
function routeScopeOf(claim) {
  const named = NAMED.find((entry2) => entry2.word.test(claim));
  if (named) {
    return {
      shown: `the ${named.shown} routes`,
      names: named.route,
      covers: (application) => everywhere(application) || [
        application.route,
        ...application.routes ?? [],
        application.reach === "app" ? "" : application.path
      ].filter(Boolean).some((text3) => named.route.test(text3))
    };
  }
  if (EVERY2.test(claim)) return { shown: "every route", covers: everywhere };
  return void 0;
}

// src/core/rules/signals/signals-backups.ts
var BACKUPS = /\bbackups?\b/i;
var AUTOMATED2 = /\b(?:automat\w*|scripts?|cron\w*|schedul\w*|jobs?|daily|nightly|hourly|pg_dump|velero|restic)\b/i;
var NOT_AUTOMATION = /\b(?:restor\w*|retention|off-?site|encrypt\w*|strateg\w*|plan|polic\w*|procedures?|storage|bucket|status|completion|clean|verification)\b/i;
var SCRIPT_CLAIM = /\b(?:scripts?|cron\w*|jobs?)\b/i;
var signalsBackups = {
  id: "signals.backups",
  title: "Backups are automated by a committed script or scheduled job",
  why: "A backup that depends on someone remembering to run it is not a backup.",
  fix: "Commit the backup script (pg_dump/mysqldump/velero/restic) and the schedule that runs it (Kubernetes CronJob, cron, CI schedule).",
  recognises: '"backups" with "automated", "script", "cron", "scheduled", "daily"; not restores, retention, off-site storage or backup testing, and not items naming the script path (ref.path-exists checks that).',
  needs: [codeSignalsCollector],
  match: (item) => namesFileOrCommand(item) ? [] : matchClaim(item, BACKUPS, NOT_AUTOMATION).filter((claim) => AUTOMATED2.test(claim.claim)),
  evaluate(claim, ctx) {
    const signals = ctx.get(codeSignalsCollector);
    const found2 = wiredInScope(signals, "backups", ctx.scope);
    const dump = found2.find((hit) => hit.how !== "file") ?? found2[0];
    if (dump) {
      return {
        verdict: "pass",
        message: `${dump.how === "file" ? "backup script" : `backup command (${dump.excerpt.slice(0, 60)})`} at ${at5(dump)}`,
        evidence: [ref7(dump)]
      };
    }
    const looked = `no backup script or job found${ctx.scope ? ` in ${ctx.scope}/` : ""} (looked for *backup* scripts and pg_dump/mysqldump/mongodump/velero/restic in ${sourcesInScope(signals, ctx.scope)} source files, shell scripts, CronJobs and workflows)`;
    return SCRIPT_CLAIM.test(claim.claim) ? { verdict: "fail", message: looked, evidence: [] } : {
      verdict: "unknown",
      message: `${looked}; backups may be managed by the database provider`,
      evidence: []
    };
  },
  examples: {
    match: [
      "Database backups automated (daily)",
      "Setup database backups (cron job)",
      "Automated database backups",
      "Backups configured with a nightly CronJob"
    ],
    noMatch: [
      "Backup retention policy defined (30 days)",
      "Backup script tested: `./scripts/backup-db.sh`",
      "Off-site backup storage configured",
      "Backup restoration procedure documented",
      "Database backup strategy"
    ],
    verdicts: [
      {
        files: {
          "k8s/backup.yaml": 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: db-backup\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: dump\n              image: postgres:16\n              command: ["sh", "-c", "pg_dump $DATABASE_URL | gzip > /backup/db.sql.gz"]\n'
        },
        item: "Database backups automated (daily)",
        verdict: "pass"
      },
      {
        files: {
          "src/index.ts": "export {};\n"
        },
        item: "Setup database backups (cron job)",
        verdict: "fail"
      },
      {
        files: {
          "src/index.ts": "export {};\n"
        },
        item: "Automated database backups",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/collectors/project-docs.ts
var DOC_EXTENSION = /\.(?:md|mdx|markdown|rst|adoc|txt)$/i;
var RUNBOOK_PATH = /(^|\/)(?:runbooks?|playbooks?)\/[^/]+$|(^|\/)[^/]*(?:runbook|troubleshoot|playbook)[^/]*$/i;
var RUNBOOK_HEADING = /^#{1,4}\s+.*\b(?:runbooks?|troubleshooting|incident response|operations guide)\b/i;
var CHECKLIST_NAME2 = /checklist|readiness|launch|deploy(?:ment)?[-_ ]?check/i;
var OPENAPI_NAME = /(^|\/)(?:openapi|swagger)[\w.-]*\.(?:ya?ml|json)$/i;
var SPEC_CANDIDATE = /(^|\/)(?:api|apis|openapi|swagger|specs?|contracts?|docs?)\/[^/]+\.(?:ya?ml|json)$/i;
var OPENAPI_HEAD = /^\s*["']?(?:openapi|swagger)["']?\s*:\s*["']?[23]\./m;
var CHANGELOG = /(^|\/)(?:CHANGELOG|CHANGES|HISTORY|NEWS|RELEASE[-_]NOTES)(?:\.(?:md|markdown|rst|txt|adoc))?$/i;
var SECURITY_POLICY = /^(?:\.github\/|docs\/)?SECURITY(?:\.(?:md|markdown|rst|txt|adoc))?$/i;
var REPORTING = /\breport\w*|\bdisclos\w*|\bvulnerabilit\w*|@[\w-]+\.\w+|security advisor\w*/i;
var LICENSE = /(^|\/)(?:LICEN[CS]E|COPYING|UNLICENSE)(?:[-.][\w.-]+)?$/i;
var LOCKFILE2 = /(^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|go\.sum|mix\.lock|Cargo\.lock|Gemfile\.lock|composer\.lock|gradle\.lockfile)$/;
var REQUIREMENTS2 = /(^|\/)requirements[\w.-]*\.txt$/;
var MAX_DOC_HEAD = 4e3;
var DOC_TOPICS = {
  architecture: /\barchitecture\b|\bsystem design\b|\btechnical design\b/i,
  deployment: /\bdeploy(?:ment|ing)?\b/i,
  rollback: /\broll[- ]?back\b/i,
  "disaster recovery": /\bdisaster[- ]recovery\b/i,
  "backup and restore": /\bbackups?\b|\brestor(?:e|ing)\b/i,
  "API reference": /\bAPI\b(?! keys?)|\bendpoints\b/,
  "getting started": /\bquick[- ]?start\b|\bgetting started\b|\binstallation\b/i,
  "rate limiting": /\brate[- ]limit/i,
  "incident response": /\bincident(?:s| response)\b/i
};
var TOPICS = Object.entries(DOC_TOPICS);
var CHECKLIST_FILE = /checklist|readiness|launch|todo|roadmap|plan|summary|report|progress|status/i;
var HEADING = /^#{1,4}\s+(.{1,200})$/;
function reads(path2) {
  const markdown = /\.(?:md|mdx|markdown)$/i.test(path2);
  const runbookByPath = RUNBOOK_PATH.test(path2) && (DOC_EXTENSION.test(path2) || !path2.slice(path2.lastIndexOf("/") + 1).includes("."));
  return {
    runbookHeading: !runbookByPath && /\.md$/i.test(path2) && isDocToRead(path2),
    topics: markdown && !CHECKLIST_FILE.test(path2.slice(path2.lastIndexOf("/") + 1)),
    spec: !OPENAPI_NAME.test(path2) && SPEC_CANDIDATE.test(path2),
    securityPolicy: SECURITY_POLICY.test(path2),
    requirements: REQUIREMENTS2.test(path2),
    runbookByPath
  };
}
var projectDocsCollector = {
  id: "project-docs",
  async collect(repo) {
    const out = {
      runbooks: [],
      topicDocs: [],
      openapiSpecs: [],
      changelogs: [],
      securityPolicies: [],
      licenses: [],
      lockfiles: [],
      requirements: []
    };
    const files = repo.files.filter((path2) => !VENDORED_OR_GENERATED.test(path2)).map((path2) => ({ path: path2, wanted: reads(path2) }));
    const toRead = files.filter(
      ({ wanted }) => wanted.runbookHeading || wanted.topics || wanted.spec || wanted.securityPolicy || wanted.requirements
    );
    const scanned = await repo.perFiles(
      "project-docs",
      toRead.map(({ path: path2 }) => path2),
      (text3, index) => scanDocument(toRead[index], text3)
    );
    const scans = new Map(toRead.map(({ path: path2 }, index) => [path2, scanned[index] ?? null]));
    for (const { path: path2, wanted } of files) {
      const scan2 = scans.get(path2) ?? null;
      if (wanted.runbookByPath) out.runbooks.push({ path: path2 });
      else if (scan2?.runbookHeading) out.runbooks.push(scan2.runbookHeading);
      if (wanted.topics) {
        const named = topicsNamedBy(path2);
        for (const topic of named) out.topicDocs.push({ path: path2, topic });
        for (const doc of scan2?.headingTopics ?? []) if (!named.has(doc.topic)) out.topicDocs.push(doc);
      }
      if (OPENAPI_NAME.test(path2)) out.openapiSpecs.push({ path: path2 });
      else if (scan2?.openapi) out.openapiSpecs.push({ path: path2 });
      if (CHANGELOG.test(path2)) out.changelogs.push({ path: path2 });
      if (wanted.securityPolicy)
        out.securityPolicies.push({ path: path2, explainsReporting: scan2?.explainsReporting === true });
      if (LICENSE.test(path2)) out.licenses.push({ path: path2 });
      if (LOCKFILE2.test(path2)) out.lockfiles.push(path2);
      if (wanted.requirements) out.requirements.push(scan2?.requirements ?? pinning(path2, ""));
    }
    return out;
  }
};
function isDocToRead(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  if (CHECKLIST_NAME2.test(name)) return false;
  return /^README/i.test(name) || /(^|\/)docs?\//i.test(path2) || !(CHECKLIST_FILE.test(name) || CHANGELOG.test(path2));
}
function scanDocument({ path: path2, wanted }, text3) {
  const scan2 = {};
  const lines = wanted.runbookHeading || wanted.topics ? text3.split(/\r\n|\r|\n/) : [];
  if (wanted.runbookHeading) {
    const index = lines.findIndex((line) => line.length < 300 && RUNBOOK_HEADING.test(line));
    if (index >= 0) scan2.runbookHeading = { path: path2, line: index + 1, excerpt: lines[index].trim() };
  }
  if (wanted.topics) {
    const topics = headingTopics(path2, lines, topicsNamedBy(path2));
    if (topics.length > 0) scan2.headingTopics = topics;
  }
  if (wanted.spec && OPENAPI_HEAD.test(text3.slice(0, MAX_DOC_HEAD))) scan2.openapi = true;
  if (wanted.securityPolicy) scan2.explainsReporting = REPORTING.test(text3);
  if (wanted.requirements) scan2.requirements = pinning(path2, text3);
  return scan2;
}
function topicsNamedBy(path2) {
  const stem2 = path2.slice(path2.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
  return new Set(TOPICS.filter(([, pattern]) => pattern.test(stem2)).map(([topic]) => topic));
}
function headingTopics(path2, lines, named) {
  const found2 = [];
  if (named.size === TOPICS.length) return found2;
  const seen = new Set(named);
  let fenced = false;
  for (const [index, line] of lines.entries()) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (!heading) continue;
    for (const [topic, pattern] of TOPICS) {
      if (seen.has(topic) || !pattern.test(heading[1])) continue;
      found2.push({ path: path2, topic, line: index + 1, excerpt: line.trim() });
      seen.add(topic);
    }
  }
  return found2;
}
function pinning(path2, text3) {
  const result = { path: path2, total: 0, unpinned: 0 };
  text3.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/\s#.*$/, "").trim();
    if (!line || line.startsWith("#") || line.startsWith("-")) return;
    result.total++;
    if (/==\s*[\w.*+!-]+/.test(line) || /\s@\s/.test(line)) return;
    result.unpinned++;
    result.firstUnpinned ??= { line: index + 1, excerpt: raw.trim().slice(0, 120) };
  });
  return result;
}

// src/core/rules/signals/signals-changelog.ts
var CHANGELOG2 = /\bchange ?log\b|\brelease notes\b/i;
var UPDATED = /\bupdated\b|\bfor (?:this|the) release\b/i;
var signalsChangelog = {
  id: "signals.changelog",
  title: "A changelog is kept in the repository",
  why: "Operators and users need to know what changed before they deploy or upgrade.",
  fix: "Add `CHANGELOG.md` (Keep a Changelog format) and update it with each release, or generate it with release-please/changesets.",
  recognises: '"changelog" or "release notes"; items naming the file path are left to ref.path-exists.',
  needs: [projectDocsCollector],
  match: (item) => namesFileOrCommand(item) ? [] : matchClaim(item, CHANGELOG2),
  evaluate(claim, ctx, item) {
    const found2 = docsFor(ctx.get(projectDocsCollector).changelogs, ctx);
    if (!found2.length) {
      if (/\brelease notes\b/i.test(claim.claim) && !/\bchange ?log\b/i.test(claim.claim)) {
        return notDoneWhenUnticked(item, {
          verdict: "unknown",
          message: "no CHANGELOG/RELEASE_NOTES file; release notes may be published as GitHub releases",
          evidence: []
        });
      }
      return docMissing("changelog", "CHANGELOG, CHANGES, HISTORY, NEWS and RELEASE_NOTES files", ctx);
    }
    const finding = docFound("changelog", found2);
    return UPDATED.test(claim.claim) ? {
      ...finding,
      verdict: "unknown",
      message: `${finding.message}; whether it covers this release cannot be told from the file alone`
    } : finding;
  },
  examples: {
    match: ["CHANGELOG maintained", "Changelog updated", "Release notes written for each version"],
    noMatch: ["Change management approval obtained", "Log rotation configured", "`CHANGELOG.md` lists 2.3.0"],
    verdicts: [
      {
        files: { "CHANGELOG.md": "# Changelog\n\n## 1.2.0\n\n- Retry failed payments\n" },
        item: "CHANGELOG maintained",
        verdict: "pass"
      },
      { files: { "README.md": "# API\n" }, item: "CHANGELOG maintained", verdict: "fail" },
      {
        files: { "README.md": "# API\n" },
        item: "Release notes written for each version",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-compression.ts
var COMPRESSION = /\bgzip\b|\bbrotli\b|\b(?:response|http|content|payload)\s+compression\b|\bcompression\s+(?:middleware|enabled|on)\b|\bcompress(?:ed|es|ing)?\s+(?:http\s+|api\s+)?responses?\b|\bRack::Deflater\b|响应压缩|Gzip 压缩|gzip压缩/i;
var NOT_RESPONSES = /\b(?:images?|photos?|videos?|backups?|dumps?|logs?|archives?|tarballs?|files?|assets? bundl\w*|columns?|tables?|database|snapshots?|artifacts?|uploads?)\b|\bnginx\b|\bcdn\b|\bcloudflare\b|\bcloudfront\b|\bvercel\b|\bnetlify\b|\bwebpack\b|\bvite\b|\bbuild\b/i;
var signalsCompression = {
  id: "signals.compression",
  title: "HTTP responses are compressed by middleware or server config",
  why: "Uncompressed JSON and HTML cost bandwidth and latency on every response; a checklist saying compression is on should point at where it is switched on.",
  fix: "Apply a compression middleware (`app.use(compression())`, `GZipMiddleware`, `use Rack::Deflater`, gin gzip, `server.compression.enabled=true`) or `gzip on` in the proxy.",
  recognises: '"gzip", "brotli", "response compression", "compression middleware/enabled" in the item or a nested bullet; not compression of images, backups, logs or files, and not items about nginx (nginx.setting) or a CDN.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, COMPRESSION).filter((claim) => !NOT_RESPONSES.test(claim.claim)),
  evaluate: (claim, ctx) => judgeSignal({ signal: "compression", what: "response compression" }, claim, ctx),
  examples: {
    match: [
      "\u54CD\u5E94\u538B\u7F29",
      "Gzip compression enabled",
      "Response compression middleware",
      "Compress API responses with brotli",
      "**Performance**: gzip on JSON responses"
    ],
    noMatch: [
      "Image compression for uploads",
      "Nightly backups gzipped and shipped to S3",
      "Nginx gzip compression enabled",
      "Gzip compression tested",
      "Static assets compressed by the CDN",
      "Compression ratio documented"
    ],
    verdicts: [
      {
        files: {
          "src/server.ts": "import express from 'express';\nimport compression from 'compression';\nconst app = express();\napp.use(compression());\n"
        },
        item: "Gzip compression enabled",
        verdict: "pass"
      },
      {
        files: {
          "app.rb": "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  configure :production do\n    use Rack::Deflater\n  end\nend\n"
        },
        item: "Response compression middleware",
        verdict: "pass"
      },
      {
        // Imported and never applied: installed is not working.
        files: {
          "src/server.ts": "import express from 'express';\nimport compression from 'compression';\nconst app = express();\n// app.use(compression());\n",
          "package.json": '{ "dependencies": { "express": "^4.19.0", "compression": "^1.7.4" } }\n'
        },
        item: "Gzip compression enabled",
        verdict: "unknown"
      },
      {
        files: {
          "package.json": '{ "dependencies": { "express": "^4.19.0", "compression": "^1.7.4" } }\n',
          "src/server.ts": "import express from 'express';\nconst app = express();\napp.listen(3000);\n"
        },
        item: "Gzip compression enabled",
        verdict: "fail"
      },
      {
        // A neighbouring mechanism: security headers are not compression.
        files: {
          "src/server.ts": "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet());\n"
        },
        item: "Response compression middleware",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-cors.ts
var CORS = /\bcors\b|\bcross[- ]origin resource sharing\b|跨域资源共享|跨域配置/i;
var RESTRICTED = /\borigins?\b|\brestrict\w*|\ballow-?list\w*|\bwhitelist\w*|\bspecific\b|\bproperly\b|\bstrict\b|\blocked[- ]down\b/i;
var signalsCors = {
  id: "signals.cors",
  title: "CORS is configured, with restricted origins when the item says so",
  why: "CORS that admits every origin lets any website call the API with a user's credentials or read its responses.",
  fix: "Pass an explicit origin list (`cors({ origin: ['https://app.example.com'] })`, `allow_origins=[...]`), read from configuration.",
  recognises: '"CORS" or "cross-origin resource sharing" in the item or a nested bullet; "origins configured" or "restricted" also checks for wildcards.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, CORS),
  evaluate(claim, ctx) {
    const found2 = judgeSignal({ signal: "cors", what: "CORS" }, claim, ctx);
    if (found2.verdict !== "pass") return found2;
    const open = ctx.get(codeSignalsCollector).openCors.filter((location) => inScope(location.path, ctx.scope));
    const first3 = open[0];
    if (!first3) return found2;
    if (RESTRICTED.test(claim.claim)) {
      return {
        verdict: "fail",
        message: `CORS admits every origin at ${at5(first3)} ("${first3.excerpt.slice(0, 80)}")${open.length > 1 ? ` and ${open.length - 1} more places` : ""}`,
        evidence: open.slice(0, 3).map(ref7)
      };
    }
    return { ...found2, message: `${found2.message}; note: every origin is allowed at ${at5(first3)}` };
  },
  examples: {
    match: [
      "\u8DE8\u57DF\u914D\u7F6E (CORS)",
      "CORS origins configured",
      "CORS configuration",
      "CORS properly configured",
      "CORS restricted to the web app domain"
    ],
    noMatch: [
      "Security headers configured",
      "CORS tested from the staging frontend",
      "Cross-team review scheduled"
    ],
    verdicts: [
      {
        // Rails: the gem's middleware inserted into the app's stack.
        files: {
          "config/initializers/cors.rb": "Rails.application.config.middleware.insert_before 0, Rack::Cors do\n  allow do\n    origins ENV.fetch('WEB_ORIGIN')\n    resource '*', headers: :any, methods: %i[get post]\n  end\nend\n",
          Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'rack-cors'\n"
        },
        item: "CORS configuration",
        verdict: "pass"
      },
      {
        // Declared in the Gemfile, never inserted: Bundler loads it, nothing applies it.
        files: {
          "config/application.rb": "module Shop\n  class Application < Rails::Application\n    # config.middleware.insert_before 0, Rack::Cors\n  end\nend\n",
          Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'rack-cors'\n"
        },
        item: "CORS configuration",
        verdict: "unknown"
      },
      {
        files: {
          "src/server.ts": "import cors from 'cors';\nimport express from 'express';\nconst app = express();\napp.use(cors({ origin: process.env.CORS_ORIGIN?.split(',') }));\n"
        },
        item: "CORS origins configured",
        verdict: "pass"
      },
      {
        files: {
          "app/main.py": 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"])\n'
        },
        item: "CORS origins configured",
        verdict: "fail"
      },
      {
        files: {
          "src/server.js": "const express = require('express');\n"
        },
        item: "CORS configuration",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-error-tracking.ts
var ERROR_TRACKING = /\berror[- ](?:tracking|monitoring|reporting)\b|\bexception (?:tracking|monitoring|reporting)\b|\bcrash reporting\b|\b(?:sentry|rollbar|bugsnag|honeybadger|appsignal|airbrake|raygun)\b|错误追踪|异常监控|错误监控/i;
var signalsErrorTracking = {
  id: "signals.error-tracking",
  title: "An error-tracking SDK is wired into the code",
  why: "Without an error tracker, production exceptions are found by users, not by the team.",
  fix: "Install and initialise the SDK at start-up (`Sentry.init({ dsn: process.env.SENTRY_DSN })`, `sentry_sdk.init(...)`).",
  recognises: '"error tracking", "exception monitoring", "crash reporting" or a tracker by name (Sentry, Rollbar, Bugsnag, Honeybadger, AppSignal, Airbrake, Raygun), in the item or a nested bullet; not "error handling".',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, ERROR_TRACKING, /\bSENTRY_DSN\b/),
  evaluate: (claim, ctx) => loadedByNext(judgeSignal({ signal: "error-tracking", what: "error tracking" }, claim, ctx), ctx),
  examples: {
    match: [
      "\u9519\u8BEF\u8FFD\u8E2A",
      "Error tracking system",
      "Integrate Sentry or similar error tracking service",
      "Error tracking configured (Sentry)",
      "Error tracking with Sentry",
      "**Error Tracking** - Error triage with context snapshots",
      "Exceptions reported to Rollbar"
    ],
    noMatch: [
      "**Error Handling** - Comprehensive error handling with logging and monitoring",
      "Error tracking alerts received by on-call in production",
      "`SENTRY_DSN` documented in `.env.example`",
      "Structured JSON logging"
    ],
    verdicts: [
      {
        files: {
          "package.json": '{\n  "name": "portal",\n  "dependencies": {\n    "@sentry/node": "^8.33.0"\n  }\n}\n',
          "src/server.ts": "import * as Sentry from '@sentry/node';\n\nSentry.init({ dsn: process.env.SENTRY_DSN });\n"
        },
        item: "Error tracking with Sentry",
        verdict: "pass"
      },
      {
        // Imported, but no manifest installs it: the code cannot be running.
        files: {
          "package.json": '{\n  "name": "portal",\n  "dependencies": {\n    "express": "^4.19.0"\n  }\n}\n',
          "src/errors.js": "class ErrorTracking {\n  constructor() {\n    const Sentry = require('@sentry/node');\n    Sentry.init({ dsn: process.env.SENTRY_DSN });\n  }\n}\nmodule.exports = ErrorTracking;\n"
        },
        item: "Error tracking with Sentry",
        verdict: "unknown"
      },
      {
        files: {
          "requirements.txt": "sentry-sdk==2.14.0\n",
          "app/main.py": "import logging\n"
        },
        item: "Error tracking configured (Sentry)",
        verdict: "fail"
      }
    ]
  }
};
var NEXT_SENTRY_CONFIG = /(?:^|\/)sentry\.(?:client|server|edge)\.config\.[cm]?[jt]s$/;
var NEXT_LOADER = /(?:^|\/)(?:src\/)?instrumentation(?:-client)?\.[cm]?[jt]s$/;
function loadedByNext(finding, ctx) {
  if (finding.verdict !== "pass") return finding;
  const hits = wiredInScope(ctx.get(codeSignalsCollector), "error-tracking", ctx.scope);
  if (!hits.length || !hits.every((hit) => NEXT_SENTRY_CONFIG.test(hit.path))) return finding;
  const folders = new Set(hits.map((hit) => hit.path.slice(0, hit.path.lastIndexOf("/") + 1)));
  const loader = ctx.files.find(
    (path2) => NEXT_LOADER.test(path2) && [...folders].some((folder) => path2.startsWith(folder))
  );
  if (loader) return finding;
  const first3 = hits[0];
  return {
    verdict: "unknown",
    message: `Sentry is initialised in ${first3.path}, but nothing loads that file: no withSentryConfig in next.config and no instrumentation file beside it`,
    evidence: hits.slice(0, 3).map((hit) => ({ path: hit.path, ...hit.line ? { line: hit.line } : {} }))
  };
}

// src/core/rules/signals/signals-graceful-shutdown.ts
var GRACEFUL = /\bgraceful(?:ly)?\b[^.]*\b(?:shut ?down|terminat\w+|stop\w*)\b|\bSIGTERM\b|\bshutdown hooks?\b|\bdrain\w* connections\b|优雅关闭|优雅停机|优雅退出/i;
var signalsGracefulShutdown = {
  id: "signals.graceful-shutdown",
  title: "The service handles SIGTERM and shuts down gracefully",
  why: "Orchestrators send SIGTERM before killing a pod; without a handler in-flight requests fail on every deploy.",
  fix: "Handle SIGTERM: stop accepting connections and close the server (`process.on('SIGTERM', () => server.close())`, `signal.Notify` + `srv.Shutdown(ctx)`, `server.shutdown: graceful`).",
  recognises: '"graceful shutdown", "SIGTERM", "shutdown hooks" or "drain connections" in the item or a nested bullet.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, GRACEFUL),
  evaluate(claim, ctx) {
    const found2 = judgeSignal({ signal: "graceful-shutdown", what: "SIGTERM handling" }, claim, ctx);
    if (found2.verdict === "pass" || found2.evidence.length > 0) return found2;
    const scanned = ctx.get(codeSignalsCollector).scanned.filter((file) => inScope(file.path, ctx.scope));
    const elixir = scanned.find((file) => file.languages.includes("elixir"));
    if (elixir) {
      return {
        verdict: "unknown",
        message: `no SIGTERM handler in code, but Elixir releases shut down gracefully on SIGTERM by default (${elixir.path}); check the shutdown timeouts of the supervision tree`,
        evidence: [{ path: elixir.path }]
      };
    }
    return found2;
  },
  examples: {
    match: [
      "\u4F18\u96C5\u5173\u95ED",
      "Graceful shutdown configured",
      "Graceful shutdown on SIGTERM",
      "Graceful shutdown handling",
      "Server drains connections on SIGTERM"
    ],
    noMatch: [
      "Graceful degradation when Redis is down",
      "Shutdown procedure documented for on-call",
      "Container runs as non-root"
    ],
    verdicts: [
      {
        files: {
          "cmd/server/main.go": "package main\n\nfunc main() {\n	stop := make(chan os.Signal, 1)\n	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)\n	<-stop\n}\n"
        },
        item: "Graceful shutdown on SIGTERM",
        verdict: "pass"
      },
      {
        files: {
          "src/index.js": "import http from 'node:http';\nhttp.createServer(handler).listen(3000);\n"
        },
        item: "Graceful shutdown configured",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-grafana-dashboards.ts
var GRAFANA_DASHBOARD = /\bgrafana\b[^.]*\bdashboards?\b|\bdashboards?\b[^.]*\bgrafana\b/i;
var signalsGrafanaDashboards = {
  id: "signals.grafana-dashboards",
  title: "Grafana dashboards are committed as JSON",
  why: "Dashboards built by hand in a UI drift and disappear; committed JSON is reviewed and restorable.",
  fix: 'Export the dashboard JSON (with its "panels") into the repository, e.g. `monitoring/grafana/dashboards/service.json`, and provision it.',
  recognises: 'Grafana together with "dashboard(s)" in the item or a nested bullet; not Grafana being installed.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, GRAFANA_DASHBOARD),
  evaluate(_claim, ctx) {
    const found2 = wiredInScope(ctx.get(codeSignalsCollector), "grafana-dashboard", ctx.scope);
    const first3 = found2[0];
    if (first3) {
      return {
        verdict: "pass",
        message: `Grafana ${first3.excerpt} at ${at5(first3)}${found2.length > 1 ? ` and ${found2.length - 1} more` : ""}`,
        evidence: found2.slice(0, 3).map(ref7)
      };
    }
    return {
      verdict: "fail",
      message: `no Grafana dashboard JSON (a file under a grafana/ or dashboards path with "panels")${ctx.scope ? ` in ${ctx.scope}/` : ""}`,
      evidence: []
    };
  },
  examples: {
    match: [
      "Grafana dashboards",
      "Set up Grafana dashboards",
      "Grafana dashboard for checkout latency",
      "**Monitoring Dashboard** - Grafana/Prometheus setup"
    ],
    noMatch: [
      "Grafana installed and configured",
      "Generate secure passwords for Redis and Grafana",
      "System metrics dashboard created"
    ],
    verdicts: [
      {
        files: {
          "monitoring/grafana/dashboards/api.json": '{\n  "title": "API latency",\n  "panels": [\n    { "type": "timeseries", "title": "p95" }\n  ]\n}\n'
        },
        item: "Grafana dashboard for checkout latency",
        verdict: "pass"
      },
      {
        files: {
          "grafana/datasources.json": '{ "datasources": [] }\n'
        },
        item: "Grafana dashboard for checkout latency",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/signals-https-enforced.ts
var ENFORCED = /\bhttps\b[^.;\n]{0,30}\b(?:enforc\w*|only|forced|required|mandatory|redirect\w*)\b|\b(?:enforc\w*|forc\w*|require[sd]?|redirect\w*)\b[^.;\n]{0,30}\bhttps\b|\bforce_ssl\b|\bSECURE_SSL_REDIRECT\b|\bssl[- ]redirect\b|\bRack::SSL\b/i;
var OTHER_SUBJECT = /\bcookies?\b|\bdatabase\b|\bdb\b|\bpostgres\w*|\bmysql\b|\bredis\b|\bmongo\w*|\bsmtp\b|\bsslmode\b|\bwebhooks?\b|\boutbound\b|\bexternal (?:api|calls?|services?)\b|\bhsts\b|\bstrict[- ]transport\b|\bnginx\b|\bcertificates?\b|\bcerts?\b|\blet'?s ?encrypt\b|\bredirect[_ ]?ur[il]s?\b|\bcallbacks?\b|\boauth\b/i;
var PLATFORM = /\bvercel\b|\bnetlify\b|\bheroku\b|\brender\b|\brailway\b|\bfly\.io\b|\bcloudflare\b|\bcloudfront\b|\bcdn\b|\bload[- ]balancers?\b|\bALB\b|\bELB\b|\bingress\b|\bgateway\b/i;
var signalsHttpsEnforced = {
  id: "signals.https-enforced",
  title: "The application or its proxy refuses plain HTTP (redirects to HTTPS)",
  why: "A service that still answers plain HTTP sends sessions and tokens in the clear whenever a link or client forgets the s.",
  fix: "Switch on the framework redirect (`SECURE_SSL_REDIRECT = True`, `config.force_ssl = true`, `use Rack::SSL`, `HTTPSRedirectMiddleware`, `force_ssl:` in Phoenix, express-sslify) or redirect in the proxy or ingress.",
  recognises: '"HTTPS enforcement", "force HTTPS", "HTTPS only", "redirect HTTP to HTTPS", SECURE_SSL_REDIRECT, force_ssl, Rack::SSL in the item or a nested bullet; not HTTPS of cookies, database or outbound connections, OAuth redirect URIs, HSTS, certificates, HTTPS a platform or edge enforces, or items about nginx (nginx.setting).',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, ENFORCED).filter(
    (claim) => !OTHER_SUBJECT.test(claim.claim) && !PLATFORM.test(claim.claim)
  ),
  evaluate: (claim, ctx) => judgeSignal({ signal: "https-redirect", what: "HTTPS enforcement" }, claim, ctx),
  examples: {
    match: [
      "HTTPS enforcement",
      "Force HTTPS for all traffic",
      "Redirect all HTTP traffic to HTTPS",
      "HTTPS only (SECURE_SSL_REDIRECT)",
      "Rack::SSL middleware"
    ],
    noMatch: [
      "Secure cookies (HTTPS only)",
      "Database connections require SSL (sslmode=require)",
      "HSTS header enforces HTTPS",
      "Nginx redirects HTTP to HTTPS",
      "HTTPS certificate renewal automated",
      "HTTPS enforcement tested",
      "Use HTTPS for the API docs link",
      "OAuth redirect URIs require HTTPS",
      "HTTPS enforced by Cloudflare"
    ],
    verdicts: [
      {
        files: {
          "mysite/settings.py": "DEBUG = False\nSECURE_SSL_REDIRECT = True\nSECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n"
        },
        item: "HTTPS enforcement",
        verdict: "pass"
      },
      {
        files: {
          "app.rb": "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  use Rack::SSL\nend\n"
        },
        item: "Force HTTPS for all traffic",
        verdict: "pass"
      },
      {
        // Commented out: nothing redirects.
        files: {
          "mysite/settings.py": "DEBUG = False\n# SECURE_SSL_REDIRECT = True\n"
        },
        item: "HTTPS enforcement",
        verdict: "unknown"
      },
      {
        // A neighbouring mechanism: an HSTS header alone does not redirect plain HTTP.
        files: {
          "src/server.ts": "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet({ hsts: { maxAge: 31536000 } }));\n"
        },
        item: "Redirect all HTTP traffic to HTTPS",
        verdict: "unknown"
      },
      {
        files: {
          Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\n",
          "app.rb": "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\nend\n"
        },
        item: "Rack::SSL middleware",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/signals-input-validation.ts
var VALIDATION = /\b(?:input|request|payload|body|params?|schema) validation\b|\bvalidation (?:middleware|schemas?|layer|on all)\b|\bvalidat\w+ (?:with|using|via) (?:zod|joi|yup|class-validator|ajv|pydantic|marshmallow|bean validation)\b|\b(?:zod|joi|yup|pydantic|marshmallow) (?:schemas?|models?|validation)\b|\bbean validation\b|@Valid\b|输入验证|输入校验|参数校验|请求校验/i;
var OTHER_VALIDATION = /\b(?:environment|env|config(?:uration)?|licen[cs]e|external|production) (?:variable )?validation\b/i;
var signalsInputValidation = {
  id: "signals.input-validation",
  title: "Request input is validated with a schema library",
  why: "Unvalidated input is the root of injection bugs and of crashes on malformed requests.",
  fix: "Validate request bodies and params with a schema (zod, joi, pydantic, go-playground/validator, Ecto changesets, `@Valid`).",
  recognises: '"input validation", "request validation", "validation middleware", "Zod schemas", pydantic, Bean Validation/@Valid; not environment or licence validation.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, VALIDATION, OTHER_VALIDATION),
  evaluate: (claim, ctx) => judgeSignal({ signal: "input-validation", what: "input validation" }, claim, ctx),
  examples: {
    match: [
      "\u53C2\u6570\u6821\u9A8C",
      "Input validation (Zod schemas)",
      "**Input Validation** - Robust validation middleware with sanitization",
      "Request validation with Bean Validation",
      "Request validation with Zod schemas",
      "Input validation on all endpoints"
    ],
    noMatch: [
      "Environment variable validation",
      "Production environment validation",
      "License validation test successful"
    ],
    verdicts: [
      {
        files: {
          "src/cart.ts": "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\n",
          "src/routes.ts": "import { Cart } from './cart';\napp.post('/cart', (req, res) => res.json(Cart.parse(req.body)));\n"
        },
        item: "Request validation with Zod schemas",
        verdict: "pass"
      },
      {
        files: {
          "src/cart.ts": "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\n"
        },
        item: "Request validation with Zod schemas",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-license.ts
var LICENSE_FILE = /\bLICEN[CS]E(?:\.md|\.txt)?\b(?! ?(?:key|manager|server|service|validation|check))|\b(?:open[- ]source|MIT|Apache(?: 2\.0)?|BSD|GPL|MPL)[- ]licen[cs]e[ds]?\b|\blicen[cs]e file\b|\blicen[cs]e (?:added|included|present|chosen|declared|specified)\b/;
var PRODUCT_LICENSING = /\blicen[cs]e (?:key|manager|server|service|validation|management)|LICENSE_KEY|third[- ]party licen/i;
var signalsLicense = {
  id: "signals.license",
  title: "The repository has a LICENSE file",
  why: "Code without a licence cannot legally be reused, and package registries and scanners flag it.",
  fix: "Add a `LICENSE` file with the chosen licence text (and the matching `license` field in the package manifest).",
  recognises: '"LICENSE" (upper case), "license file", "MIT/Apache/open-source license"; not product licence keys or licence management.',
  needs: [projectDocsCollector],
  match: (item) => matchClaim(item, LICENSE_FILE, PRODUCT_LICENSING),
  evaluate: (_claim, ctx) => {
    const found2 = docsFor(ctx.get(projectDocsCollector).licenses, ctx);
    return found2.length ? docFound("licence", found2) : docMissing("LICENSE file", "LICENSE, LICENCE, COPYING", ctx);
  },
  examples: {
    match: ["LICENSE file added", "MIT license included", "Open-source license chosen and LICENSE committed"],
    noMatch: [
      "**License Management** - Trial/Annual/Perpetual with phone-home validation",
      "`LICENSE_KEY` - Valid license key for premium features",
      "License key valid and active",
      "License validation successful"
    ],
    verdicts: [
      {
        files: { LICENSE: "MIT License\n\nCopyright (c) 2026 Acme\n" },
        item: "LICENSE file added",
        verdict: "pass"
      },
      { files: { "README.md": "# API\n" }, item: "LICENSE file added", verdict: "fail" }
    ]
  }
};

// src/core/rules/signals/signals-lockfile.ts
var LOCKFILE3 = /\block ?files?\b|\b(?:package-lock|yarn\.lock|pnpm-lock|poetry\.lock|Pipfile\.lock|go\.sum|mix\.lock|Cargo\.lock|Gemfile\.lock)\b|\bdependenc(?:y|ies)(?: versions)? (?:are )?(?:locked|pinned)\b|\b(?:locked|pinned) dependenc(?:y|ies)\b/i;
var LOCKS = {
  npm: ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock"],
  pypi: ["poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock"],
  go: ["go.sum"],
  hex: ["mix.lock"],
  cargo: ["Cargo.lock"]
};
function lockFor(manifest, names2, has) {
  let folder = folderOf(manifest);
  for (; ; ) {
    for (const name of names2) {
      const candidate = folder ? `${folder}/${name}` : name;
      if (has(candidate)) return candidate;
    }
    if (!folder) return void 0;
    folder = folderOf(folder);
  }
}
var signalsLockfile = {
  id: "signals.lockfile",
  title: "Every dependency manifest has a committed lockfile",
  why: "Without a lockfile each install resolves different versions, so the build that was tested is not the build that ships.",
  fix: "Commit the lockfile your package manager writes (package-lock.json, poetry.lock, go.sum, mix.lock, Cargo.lock), or pin requirements with `==`.",
  recognises: '"lockfile(s)", a lockfile by name, or "dependencies locked/pinned"; items naming the lockfile path are left to ref.path-exists.',
  needs: [codeSignalsCollector, projectDocsCollector],
  match: (item) => namesFileOrCommand(item) ? [] : matchClaim(item, LOCKFILE3),
  evaluate(_claim, ctx) {
    const manifests = ctx.get(codeSignalsCollector).manifests.filter((manifest) => LOCKS[manifest.ecosystem] && inScope(manifest.path, ctx.scope)).filter((manifest) => !/(^|\/)setup\.(?:py|cfg)$/.test(manifest.path));
    if (!manifests.length) {
      return {
        verdict: "unknown",
        message: `no npm, Python, Go, Mix or Cargo manifest${ctx.scope ? ` in ${ctx.scope}/` : ""} to hold a lockfile for`,
        evidence: []
      };
    }
    const requirements = ctx.get(projectDocsCollector).requirements;
    const locked = [];
    const missing2 = [];
    for (const manifest of manifests) {
      const pins = requirements.find((file) => file.path === manifest.path);
      if (pins) {
        if (pins.unpinned === 0) locked.push(`${manifest.path} (all ${pins.total} pinned with ==)`);
        else
          missing2.push({
            path: manifest.path,
            line: pins.firstUnpinned?.line,
            excerpt: `${pins.unpinned} of ${pins.total} requirements not pinned with ==`
          });
        continue;
      }
      const lock = lockFor(manifest.path, LOCKS[manifest.ecosystem] ?? [], ctx.has);
      if (lock) locked.push(lock);
      else
        missing2.push({
          path: manifest.path,
          excerpt: `no ${(LOCKS[manifest.ecosystem] ?? []).slice(0, 3).join("/")} next to or above it`
        });
    }
    if (missing2.length) {
      return {
        verdict: "fail",
        message: `${missing2.length} of ${manifests.length} manifests have no lockfile: ${missing2.map((m) => m.path).join(", ")}`,
        evidence: missing2.slice(0, 5)
      };
    }
    return {
      verdict: "pass",
      message: `all ${manifests.length} manifests are locked: ${locked.slice(0, 4).join(", ")}${locked.length > 4 ? ", \u2026" : ""}`,
      evidence: locked.slice(0, 4).map((path2) => ({ path: path2.split(" ")[0] }))
    };
  },
  examples: {
    match: [
      "Lockfile committed",
      "Dependencies pinned with lock files",
      "Lock files committed for every service",
      "Dependency versions locked"
    ],
    noMatch: ["`package-lock.json` committed", "Base images pinned", "Account lockout after failed logins"],
    verdicts: [
      {
        files: {
          "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.2" } }\n',
          "package-lock.json": '{ "name": "api", "lockfileVersion": 3, "packages": {} }\n'
        },
        item: "Lockfile committed",
        verdict: "pass"
      },
      {
        files: { "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.2" } }\n' },
        item: "Lockfile committed",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/signals-log-shipping.ts
var LOG_SHIPPING = /\blogs?\s+(?:shipping|shipper|forwarding|forwarder|aggregation|aggregator|pipeline)\b|\b(?:centrali[sz]ed|aggregated)\s+log(?:s|ging)?\b|\blogs?\s+(?:are\s+)?(?:shipped|forwarded|aggregated|collected|sent|streamed)\s+(?:to|into|via|with)\b|\b(?:ELK|EFK)\b|\bfluent[- ]?(?:d|bit)\b|\bpromtail\b|\bfilebeat\b|\bloki\b|\blogstash\b(?![- ](?:logback|encoder))/i;
var TOOLS2 = [
  { mention: /\bfluent-?d\b|\bEFK\b/i, library: /fluentd/i, shown: "Fluentd" },
  { mention: /\bfluent[- ]?bit\b/i, library: /fluent bit/i, shown: "Fluent Bit" },
  { mention: /\bvector\b/i, library: /vector/i, shown: "Vector" },
  { mention: /\bpromtail\b/i, library: /promtail/i, shown: "Promtail" },
  { mention: /\blogstash\b|\bELK\b/i, library: /logstash|elastic/i, shown: "Logstash" },
  { mention: /\bfilebeat\b/i, library: /filebeat|elastic/i, shown: "Filebeat" },
  { mention: /\bloki\b/i, library: /loki|promtail|alloy/i, shown: "Loki" },
  {
    mention: /\belastic(?:search)?\b|\bkibana\b/i,
    library: /elastic|logstash|filebeat|kibana/i,
    shown: "Elasticsearch"
  }
];
var signalsLogShipping = {
  id: "signals.log-shipping",
  title: "A log shipping or aggregation pipeline is configured or deployed",
  why: "Logs left on a container\u2019s stdout disappear with it; an incident needs them shipped somewhere searchable.",
  fix: "Commit the shipper\u2019s configuration (fluent-bit.conf, vector.toml, promtail.yaml, logstash.conf, filebeat.yml) or its deployment (a compose service, a DaemonSet, Helm values), or a compose logging driver that ships.",
  recognises: '"log shipping", "log aggregation", "centralized logging", "logs shipped to \u2026", ELK/EFK, Fluentd, Fluent Bit, Promtail, Filebeat, Logstash, Loki; a logging library in the code is not a pipeline.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, LOG_SHIPPING),
  evaluate(claim, ctx) {
    const signals = ctx.get(codeSignalsCollector);
    const anywhere = signals.wired.filter(
      (hit) => hit.signal === "log-shipping" && !hit.test && inScope(hit.path, ctx.scope)
    );
    const found2 = anywhere.filter((hit) => !isNonProductionPath(hit.path));
    const elsewhere = anywhere.find((hit) => isNonProductionPath(hit.path));
    if (!found2.length && elsewhere) {
      return {
        verdict: "unknown",
        message: `log shipping appears only outside production paths: ${elsewhere.library} at ${at5(elsewhere)}`,
        evidence: [ref7(elsewhere)]
      };
    }
    const named = TOOLS2.filter((tool) => tool.mention.test(claim.claim));
    const fits = named.length ? found2.filter((hit) => named.some((tool) => tool.library.test(hit.library))) : found2;
    if (fits.length) {
      const first3 = fits[0];
      return {
        verdict: "pass",
        message: `log shipping: ${first3.library} at ${at5(first3)}${fits.length > 1 ? ` (and ${fits.length - 1} more)` : ""}`,
        evidence: fits.slice(0, 3).map(ref7)
      };
    }
    if (found2.length) {
      const first3 = found2[0];
      return {
        verdict: "unknown",
        message: `the item names ${named.map((tool) => tool.shown).join("/")}, but the log shipping found is ${first3.library} at ${at5(first3)}`,
        evidence: [ref7(first3)]
      };
    }
    const logger = signals.wired.find(
      (hit) => hit.signal === "structured-logging" && !hit.test && inScope(hit.path, ctx.scope)
    );
    const note = logger ? `; ${logger.library} at ${at5(logger)} writes logs, which does not ship them` : "";
    return {
      verdict: "unknown",
      message: `no log shipper configuration or deployment in the repository (looked for Fluentd, Fluent Bit, Vector, Promtail, Logstash, Filebeat and Loki files, their images in compose and Kubernetes files, and compose logging drivers)${note}; shipping set up outside the repository cannot be ruled out`,
      evidence: logger ? [ref7(logger)] : []
    };
  },
  examples: {
    match: [
      "Log aggregation (ELK stack)",
      "Centralized logging configured",
      "Logs shipped to Loki via Promtail",
      "Fluent Bit forwards container logs"
    ],
    noMatch: [
      "Structured logging with pino",
      "Structured JSON logging (logstash-logback-encoder)",
      "Log levels configurable via LOG_LEVEL",
      "Centralized logging verified in production"
    ],
    verdicts: [
      {
        files: {
          "src/log.ts": "import pino from 'pino';\nexport const log = pino();\n",
          "deploy/fluent-bit/fluent-bit.conf": "[OUTPUT]\n    Name loki\n"
        },
        item: "Centralized logging with Fluent Bit",
        verdict: "pass"
      },
      {
        files: {
          "src/log.ts": "import pino from 'pino';\nexport const log = pino();\n",
          "docker-compose.yml": "services:\n  api:\n    image: node:22\n"
        },
        item: "Log aggregation (ELK stack)",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-metrics.ts
var METRICS = /\bprometheus\b[^.]*\bmetrics?\b|\bmetrics?\b[^.]*\bprometheus\b|\bmetrics? (?:collection|endpoint|exporter|instrumentation|exposed)\b|\b(?:application|app|service|http|request) metrics\b|\bprom-client\b|\bmicrometer\b/i;
var NOT_APP_METRICS = /\b(?:node[- ]exporter|cadvisor|system|container|host|custom|business|success)\b|\/\w/i;
var REACHABLE = /\breachable\b|\baccessible\b|\bscrap(?:e|ed|able|ing)\b|\bpublicly\b/i;
function behindSpringSecurity(finding, ctx) {
  if (!/Spring Boot Actuator/.test(finding.message)) return finding;
  const security = ctx.get(codeSignalsCollector).declared.find((dependency) => dependency.name === "spring-boot-starter-security");
  if (!security) return finding;
  return {
    verdict: "unknown",
    message: `${finding.message}; but Spring Security is declared at ${security.path}:${security.line}, which requires a login for every endpoint its configuration does not permit, so whether a scraper reaches it is not shown`,
    evidence: [...finding.evidence, { path: security.path, line: security.line }]
  };
}
var signalsMetrics = {
  id: "signals.metrics",
  title: "The service exports metrics through a Prometheus client library",
  why: "Without application metrics, dashboards and alerts have nothing to read about request rates, errors and latency.",
  fix: "Add a Prometheus client (prom-client, prometheus_client, client_golang, PromEx, micrometer-registry-prometheus) and expose its registry.",
  recognises: '"Prometheus metrics", "metrics collection", "metrics endpoint", "application metrics", prom-client or Micrometer; items that name a route (`/metrics`) are left to http.route-served, infrastructure metrics (node-exporter) are not matched.',
  needs: [codeSignalsCollector],
  match(item) {
    if (extractRoutes(item).length) return [];
    return matchBehaviourClaim(item, METRICS, NOT_APP_METRICS);
  },
  evaluate(claim, ctx) {
    const finding = judgeSignal(
      {
        signal: "metrics",
        what: "metrics",
        // Metrics may go to StatsD, Datadog or CloudWatch: only a named Prometheus client is missing for sure.
        failWhenAbsent: (text3, named) => named.length > 0 || librariesNamed("metrics", text3).length > 0
      },
      claim,
      ctx
    );
    return finding.verdict === "pass" && REACHABLE.test(claim.claim) ? behindSpringSecurity(finding, ctx) : finding;
  },
  examples: {
    match: [
      "Prometheus metrics collection",
      "Metrics collection (Prometheus-compatible)",
      "Prometheus metrics exposed",
      "Application metrics instrumented with prom-client"
    ],
    noMatch: [
      "Metrics endpoint (/api/metrics)",
      "Application metrics exposed on `/metrics`",
      "System metrics collected (node-exporter)",
      "Custom business metrics defined",
      "Performance metrics collection active"
    ],
    verdicts: [
      {
        files: {
          "src/metrics.ts": "import client from 'prom-client';\nclient.collectDefaultMetrics();\napp.get('/metrics', async (_req, res) => res.end(await client.register.metrics()));\n"
        },
        item: "Metrics collection (Prometheus-compatible)",
        verdict: "pass"
      },
      {
        files: {
          "src/metrics.ts": "import client from 'prom-client';\nclient.collectDefaultMetrics();\n"
        },
        item: "Metrics endpoint for Prometheus",
        verdict: "unknown"
      },
      {
        files: {
          "lib/app.ex": "defmodule App do\nend\n",
          "mix.exs": 'defp deps do\n  [{:phoenix, "~> 1.7"}]\nend\n'
        },
        item: "Prometheus metrics collection",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/signals-migrations.ts
var MIGRATIONS = /\b(?:database|db|schema|sql)\b[^.]*\bmigrations?\b|\bmigrations?\b[^.]*\b(?:alembic|flyway|liquibase|ecto|prisma|knex|django|sequelize|typeorm|goose|golang-migrate|drizzle|diesel|committed|versioned)\b|\b(?:alembic|flyway|liquibase)\b|^migrations?$/i;
var NOT_FILES = /\b(?:run|ran|strategy|plan(?:ned)?|rollback|environment migration|DEV|completed|succe\w+)\b/i;
var signalsMigrations = {
  id: "signals.migrations",
  title: "Database schema changes are versioned as migration files",
  why: "Without committed migrations, the production schema is whatever someone last typed into a console.",
  fix: "Generate and commit migrations with the project's tool (prisma migrate dev, alembic revision, mix ecto.gen.migration, Flyway V1__*.sql).",
  recognises: '"database migrations", "schema migrations" or a migration tool (Alembic, Flyway, Liquibase, Ecto, Prisma, Knex, Django...); not running or planning migrations, and not items naming a path or command (the references rules check those).',
  needs: [codeSignalsCollector],
  match: (item) => namesFileOrCommand(item) ? [] : matchClaim(item, MIGRATIONS, NOT_FILES),
  evaluate(claim, ctx) {
    const files = wiredInScope(ctx.get(codeSignalsCollector), "migrations", ctx.scope).filter(
      (hit) => hit.how === "file"
    );
    const first3 = files[0];
    if (first3) {
      return {
        verdict: "pass",
        message: `${first3.library} migrations in ${at5(first3)} (${first3.excerpt})${files.length > 1 ? ` and ${files.length - 1} more folders` : ""}`,
        evidence: files.slice(0, 3).map(ref7)
      };
    }
    const tool = judgeSignal({ signal: "migrations", what: "migration tool" }, claim, ctx);
    if (tool.verdict === "pass" || tool.evidence.length) {
      return {
        verdict: "unknown",
        message: `no migration files found, though ${tool.message.replace(/^migration tool: /, "")}; migrations may be generated at deploy time`,
        evidence: tool.evidence
      };
    }
    return tool.verdict === "fail" ? {
      verdict: "fail",
      message: `no migration files${ctx.scope ? ` in ${ctx.scope}/` : ""} (looked for prisma/migrations, alembic versions, Django/Ecto/Rails migrations, Flyway V*__*.sql, Liquibase changelogs, *.up.sql) and no migration tool declared`,
      evidence: []
    } : tool;
  },
  examples: {
    match: [
      "Database migrations",
      "Database migrations with Alembic",
      "Flyway manages schema changes",
      "Schema migrations versioned in git"
    ],
    noMatch: [
      "Migrations run successfully",
      "Database migration strategy defined",
      "**Environment Migration** - DEV\u2192TEST\u2192PROD customization export/import",
      "Migrations with `npm run db:migrate`",
      "Ecto migrations committed under `priv/repo/migrations`"
    ],
    verdicts: [
      {
        files: {
          "requirements.txt": "alembic==1.13.2\n",
          "migrations/versions/0001_create_items.py": 'from alembic import op\n\n\ndef upgrade():\n    op.create_table("items")\n'
        },
        item: "Database migrations with Alembic",
        verdict: "pass"
      },
      {
        files: {
          "package.json": '{ "devDependencies": { "prisma": "^5.20.0" } }\n',
          "src/index.ts": "export {};\n"
        },
        item: "Database migrations",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-openapi.ts
var OPENAPI = /\bopenapi\b|\bswagger\b|\basyncapi\b|\bAPI (?:documentation|docs|documented|spec(?:ification)?s?)\b/i;
var ASYNCAPI = /\basyncapi\b/i;
var ASYNCAPI_FILE = /(^|\/)asyncapi[\w.-]*\.(?:ya?ml|json)$/i;
var NAMES_SPEC_FORMAT = /\bopenapi\b|\bswagger\b/i;
var RENDERED_DOCS = /\bstatic\s+(?:html|site|pages?|docs?)\b|\b(?:to|→|->|as|into)\s+(?:static\s+)?(?:html|pdf)\b|\bexport(?:ed)?\s+(?:as|to)\b/i;
var signalsOpenapi = {
  id: "signals.openapi",
  title: "The API is described by an OpenAPI spec, committed or generated from code",
  why: "Without a spec, clients guess at the contract and breaking changes go unnoticed.",
  fix: "Commit `openapi.yaml`, or generate it from code (springdoc-openapi, swagger-jsdoc, @nestjs/swagger, drf-spectacular; FastAPI serves one by default).",
  recognises: '"OpenAPI", "Swagger", "API documentation/docs/spec"; not items naming the spec file (ref.path-exists checks those) or hosted docs.',
  needs: [projectDocsCollector, codeSignalsCollector],
  match: (item) => namesFileOrCommand(item) ? [] : matchClaim(item, OPENAPI),
  evaluate(claim, ctx, item) {
    if (ASYNCAPI.test(claim.claim) && !NAMES_SPEC_FORMAT.test(claim.claim)) return asyncSpecFound(ctx);
    const found2 = specFound(claim, ctx);
    if (found2.verdict !== "pass" || !RENDERED_DOCS.test(item.text)) return found2;
    return {
      ...found2,
      verdict: "unknown",
      message: `${found2.message}; the item claims documentation rendered from it (static HTML or PDF), which is not checked`
    };
  },
  examples: {
    match: [
      "API documentation (OpenAPI/Swagger)",
      "**API Documentation** - OpenAPI/Swagger spec",
      "API documented with OpenAPI",
      "Complete API documentation (OpenAPI spec)",
      "AsyncAPI spec for the order events"
    ],
    noMatch: [
      "API documented in `docs/openapi.yaml`",
      "API documentation hosted (Swagger UI)",
      "API rate limiting"
    ],
    verdicts: [
      {
        files: {
          "openapi.yaml": "openapi: 3.0.3\ninfo:\n  title: Orders API\n  version: 1.0.0\npaths: {}\n"
        },
        item: "API documentation (OpenAPI/Swagger)",
        verdict: "pass"
      },
      { files: { "README.md": "# API\n" }, item: "API documentation (OpenAPI/Swagger)", verdict: "fail" },
      {
        files: {
          "api/asyncapi/asyncapi.yaml": "asyncapi: 3.0.0\ninfo:\n  title: Order events\n  version: 1.0.0\n"
        },
        item: "AsyncAPI spec for the order events",
        verdict: "pass"
      },
      {
        // An OpenAPI spec describes the HTTP API, not the message channels AsyncAPI covers.
        files: {
          "openapi.yaml": "openapi: 3.0.3\ninfo:\n  title: Orders API\n  version: 1.0.0\npaths: {}\n"
        },
        item: "AsyncAPI spec for the order events",
        verdict: "unknown"
      }
    ]
  }
};
function asyncSpecFound(ctx) {
  const production = (path2) => !isNonProductionPath(path2) || ctx.scope !== "" && inScope(path2, ctx.scope);
  const specs = ctx.files.filter((path2) => ASYNCAPI_FILE.test(path2) && production(path2));
  const spec = specs.find((path2) => inScope(path2, ctx.scope)) ?? specs[0];
  if (spec) return { verdict: "pass", message: `AsyncAPI document ${spec}`, evidence: [{ path: spec }] };
  return {
    verdict: "unknown",
    message: "no asyncapi*.yaml/json document in the project; one may be generated from code or kept elsewhere",
    evidence: []
  };
}
function specFound(claim, ctx) {
  const specs = docsFor(ctx.get(projectDocsCollector).openapiSpecs, ctx);
  if (specs.length) return docFound("OpenAPI spec", specs);
  const generated = wiredInScope(ctx.get(codeSignalsCollector), "openapi", ctx.scope)[0];
  if (generated) {
    return {
      verdict: "pass",
      message: `OpenAPI generated from code: ${generated.library} at ${at5(generated)}`,
      evidence: [ref7(generated)]
    };
  }
  const declared2 = ctx.get(codeSignalsCollector).declared.find((dep) => dep.signal === "openapi");
  if (declared2) {
    return {
      verdict: "unknown",
      message: `no spec file; ${declared2.name} is declared at ${at5(declared2)} but not imported, so whether a spec is generated is unclear`,
      evidence: [ref7(declared2)]
    };
  }
  const message = `no OpenAPI/Swagger spec${ctx.scope ? ` in ${ctx.scope}/` : ""} (looked for openapi*/swagger* files, specs under api/, docs/, spec/, and generators such as springdoc, swagger-jsdoc, FastAPI)`;
  return NAMES_SPEC_FORMAT.test(claim.claim) ? { verdict: "fail", message, evidence: [] } : { verdict: "unknown", message: `${message}; the API may be documented in prose`, evidence: [] };
}

// src/core/rules/signals/signals-orm-or-parameterised-queries.ts
var ORM = /\bSQL injection\b|\bparameteri[sz]ed\b|\bprepared statements?\b|\bORM\b|\b(?:prisma|typeorm|sequelize|drizzle|knex|kysely|sqlalchemy|gorm|sqlx|ecto|hibernate|jpa|diesel)\b/i;
var NOT_QUERIES = /\bmigrat\w*|\bseed\w*|\bschema (?:file|changes?)\b/i;
var INJECTION_CLAIM = /\binjection\b|\bparameteri[sz]ed\b|\bprepared\b/i;
var STACK_OR_SETTING = /\bddl[-_]auto\b|\b[a-z]+(?:\.[a-z-]+){2,}\b|\b(?:postgres(?:ql)?|mysql|mariadb|sqlite|mongo\w*)\b/i;
var signalsOrmOrParameterisedQueries = {
  id: "signals.orm-or-parameterised-queries",
  title: "Database access goes through an ORM or parameterised queries",
  why: "SQL built by string concatenation is the classic injection hole; an ORM or placeholders keep data out of the query text.",
  fix: "Pass values as parameters (`$1`, `%s` with a params tuple, `?`) or through the ORM; never concatenate or interpolate them into SQL.",
  recognises: '"SQL injection prevention/protection", "parameterised queries", "prepared statements", "ORM" or an ORM by name (Prisma, TypeORM, Sequelize, Drizzle, Knex, SQLAlchemy, GORM, sqlx, Ecto, Hibernate/JPA, Diesel); not migrations.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, ORM, NOT_QUERIES).filter(
    (claim) => INJECTION_CLAIM.test(claim.claim) || !STACK_OR_SETTING.test(claim.claim)
  ),
  evaluate(claim, ctx) {
    const stringBuilt = ctx.get(codeSignalsCollector).stringBuiltSql.filter((location) => inScope(location.path, ctx.scope));
    const first3 = stringBuilt[0];
    if (first3 && INJECTION_CLAIM.test(claim.claim)) {
      return {
        verdict: "fail",
        message: `SQL built from strings at ${at5(first3)} ("${first3.excerpt.slice(0, 80)}")${stringBuilt.length > 1 ? ` and ${stringBuilt.length - 1} more places` : ""}`,
        evidence: stringBuilt.slice(0, 3).map(ref7)
      };
    }
    return judgeSignal(
      {
        signal: "orm",
        what: "ORM/query library",
        // Plain drivers with placeholders are safe too: only a named ORM can be missing for sure.
        failWhenAbsent: (_text, named) => named.length > 0
      },
      claim,
      ctx
    );
  },
  examples: {
    match: [
      "SQL injection protection (Prisma ORM)",
      "SQL injection prevention",
      "Parameterised SQL queries through SQLAlchemy",
      "Prisma ORM",
      "All queries use prepared statements"
    ],
    noMatch: [
      "PostgreSQL with SQLAlchemy 2.0 + async (psycopg)",
      "spring.jpa.hibernate.ddl-auto=none (no auto-DDL)",
      "Database migrations with Alembic",
      "Migrations with prisma migrate",
      "Seed data with Prisma",
      "Input validation (Zod schemas)"
    ],
    verdicts: [
      {
        files: {
          "app/db.py": "from sqlalchemy import create_engine\n",
          "app/main.py": 'def read(conn, item_id):\n    return conn.exec_driver_sql("SELECT name FROM items WHERE id = %s", (item_id,)).first()\n'
        },
        item: "Parameterised SQL queries through SQLAlchemy",
        verdict: "pass"
      },
      {
        files: {
          "app/db.py": "from sqlalchemy import text\n",
          "app/search.py": `def search(conn, name):
    return conn.execute(text(f"SELECT * FROM items WHERE name = '{name}'"))
`
        },
        item: "SQL injection prevention",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/signals-process-manager.ts
var PROCESS_MANAGER = /\bprocess manager\b|\bpm2\b|\bsystemd\b|\bsupervisord?\b|\bProcfile\b/i;
var NOT_CONFIG = /\blogs?\b|\bstatus\b|\bsupervision tree\b/i;
var FILE_CLAIM = /\b(?:files?|units?|ecosystem|Procfile)\b/i;
var CONDITIONAL2 = /\bif (?:using|needed|applicable)\b/i;
var signalsProcessManager = {
  id: "signals.process-manager",
  title: "A process manager configuration is committed (PM2, systemd, supervisord, Procfile)",
  why: "Without a process manager the service does not come back after a crash or a reboot.",
  fix: "Commit the unit or ecosystem file (`deploy/app.service`, `ecosystem.config.js`, `Procfile`) next to the code.",
  recognises: '"process manager", PM2, systemd, supervisord or Procfile in the item or a nested bullet; not log or status checks.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, PROCESS_MANAGER, NOT_CONFIG),
  evaluate(claim, ctx) {
    const found2 = wiredInScope(ctx.get(codeSignalsCollector), "process-manager", ctx.scope);
    const first3 = found2[0];
    if (first3) {
      return {
        verdict: "pass",
        message: `${first3.library} at ${at5(first3)}`,
        evidence: found2.slice(0, 3).map(ref7)
      };
    }
    const looked = `no PM2 ecosystem file, systemd unit, supervisord config or Procfile${ctx.scope ? ` in ${ctx.scope}/` : ""}`;
    return FILE_CLAIM.test(claim.claim) && !CONDITIONAL2.test(claim.claim) ? { verdict: "fail", message: looked, evidence: [] } : {
      verdict: "unknown",
      message: `${looked}; the process may be managed on the host or by an orchestrator`,
      evidence: []
    };
  },
  examples: {
    match: [
      "Process manager configured (PM2/systemd)",
      "Systemd service file created (if using systemd)",
      "PM2 ecosystem file committed"
    ],
    noMatch: [
      "PM2 processes started",
      "**Server Down**: Check process manager logs (`pm2 logs` or `systemctl status`)",
      "All supervision tree processes started successfully"
    ],
    verdicts: [
      {
        files: {
          "deploy/app.service": "[Unit]\nDescription=App\n\n[Service]\nExecStart=/usr/bin/node /srv/app/dist/main.js\nRestart=always\n"
        },
        item: "Process manager configured (PM2/systemd)",
        verdict: "pass"
      },
      {
        files: {
          "src/main.ts": "export {};\n"
        },
        item: "PM2 ecosystem file committed",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/signals-prometheus-config.ts
var SCRAPE = /\bprometheus\b[^.]*\b(?:scrap\w*|config\w*|jobs?|targets?|set ?up)\b|\bscrape config\w*|\bServiceMonitor\b/i;
var ALERTS2 = /\balert(?:ing)? rules?\b|\bprometheus\b[^.]*\balert\w*|\balert\w*\b[^.]*\bprometheus\b|\bPrometheusRule\b/i;
var PROMETHEUS2 = /\bprometheus\b/i;
function claims(item) {
  const alerts = matchClaim(item, ALERTS2, /\brunbooks?\b|\bPagerDuty\b|\bescalation\b/i).map((c) => ({
    ...c,
    kind: "alerts"
  }));
  if (alerts.length) return alerts;
  return matchClaim(item, SCRAPE, /\bmetrics\b/i).map((c) => ({ ...c, kind: "scrape" }));
}
var signalsPrometheusConfig = {
  id: "signals.prometheus-config",
  title: "Prometheus scrape configuration or alerting rules are committed",
  why: "Alerts and scrape targets kept only in a console are lost with it and never reviewed.",
  fix: "Commit `prometheus.yml` scrape configs / ServiceMonitors and alert rule files (`groups:` with `- alert:` entries, or a PrometheusRule).",
  recognises: '"alerting rules", "Prometheus alerts", "Prometheus scraping/configuration", ServiceMonitor or PrometheusRule; not Prometheus being installed, and not metrics in code (signals.metrics).',
  needs: [codeSignalsCollector],
  match: claims,
  evaluate(claim, ctx) {
    const signal = claim.kind === "alerts" ? "prometheus-alerts" : "prometheus-scrape";
    const found2 = wiredInScope(ctx.get(codeSignalsCollector), signal, ctx.scope);
    const what = claim.kind === "alerts" ? "Prometheus alerting rules" : "Prometheus scrape configuration";
    const first3 = found2[0];
    if (first3) {
      return {
        verdict: "pass",
        message: `${what} at ${at5(first3)} (${first3.excerpt.slice(0, 60)})`,
        evidence: found2.slice(0, 3).map(ref7)
      };
    }
    const looked = `no ${what} in YAML files${ctx.scope ? ` in ${ctx.scope}/` : ""} (looked for ${claim.kind === "alerts" ? "`- alert:` rules and PrometheusRule" : "`scrape_configs:`, ServiceMonitor/PodMonitor and prometheus.io/scrape annotations"})`;
    return claim.kind === "alerts" && PROMETHEUS2.test(claim.claim) ? { verdict: "fail", message: looked, evidence: [] } : {
      verdict: "unknown",
      message: `${looked}; they may live in the monitoring stack's repository`,
      evidence: []
    };
  },
  examples: {
    match: [
      "Alerting rules for error rate in Prometheus",
      "Configure Prometheus scraping",
      "**Monitoring Dashboard** - Grafana/Prometheus setup",
      "Alert rules configured"
    ],
    noMatch: [
      "Prometheus installed and configured",
      "Runbooks linked in alerts",
      "Prometheus metrics collection"
    ],
    verdicts: [
      {
        files: {
          "config/prometheus/rules/alerts.yml": 'groups:\n  - name: api\n    rules:\n      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total{status=~"5.."}[5m])) > 1\n'
        },
        item: "Alerting rules for error rate in Prometheus",
        verdict: "pass"
      },
      {
        files: {
          "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\n"
        },
        item: "Alerting rules for error rate in Prometheus",
        verdict: "fail"
      },
      {
        files: {
          "main.go": "package main\n"
        },
        item: "Configure Prometheus scraping",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-rate-limiting.ts
var RATE_LIMITING = /\brate[- ]?limit\w*|\bthrottl\w+|\brequest quotas?\b|限流|速率限制|频率限制/i;
var STORE = /\b(?:redis|memcached?|storage|store)\b|-backed\b/i;
var signalsRateLimiting = {
  id: "signals.rate-limiting",
  title: "Requests are rate limited in code or proxy config",
  why: "Without rate limits one client (or bot) can exhaust the service for everyone.",
  fix: "Add a limiter (express-rate-limit, @fastify/rate-limit, slowapi, x/time/rate, Hammer, Bucket4j) or `limit_req` in nginx.",
  recognises: '"rate limiting", "rate limits", "throttling" in the item or a nested bullet; not tests or tuning of limits.',
  needs: [codeSignalsCollector, httpRoutesCollector],
  match: (item) => matchBehaviourClaim(item, RATE_LIMITING, /\bWAF_RATE_LIMIT/).filter((claim) => !STORE.test(claim.claim)),
  evaluate(claim, ctx) {
    const found2 = judgeSignal(
      { signal: "rate-limiting", what: "rate limiting", routeScoped: true },
      claim,
      ctx
    );
    return found2.verdict === "unknown" ? unprotectedRoute(claim, ctx) ?? found2 : found2;
  },
  examples: {
    match: [
      "API \u9650\u6D41",
      "Rate limiting middleware",
      "Rate limiting configured",
      "**Rate Limiting** - Advanced rate limiting with multiple strategies",
      "Rate limiting on public endpoints",
      "API throttling per client"
    ],
    noMatch: [
      "Rate limiting documentation",
      "Rate limiting tested",
      "Rate limiting fine-tuning",
      "Review security settings (WAF, rate limits) in production",
      "Rate limit counters kept in Redis",
      "Memcached-backed throttling store"
    ],
    verdicts: [
      {
        files: {
          "src/server.ts": "import express from 'express';\nimport rateLimit from 'express-rate-limit';\nconst app = express();\napp.use(rateLimit({ windowMs: 60_000, limit: 120 }));\n"
        },
        item: "Rate limiting middleware",
        verdict: "pass"
      },
      {
        files: {
          "server/middlewares/security.js": "import rateLimit from 'express-rate-limit';\nexport const generalRateLimit = rateLimit({ max: 500 });\n",
          "server/server.js": "import express from 'express';\nimport { generalRateLimit } from './middlewares/security.js';\nconst app = express();\n// app.use(generalRateLimit);\n",
          "package.json": '{ "dependencies": { "express-rate-limit": "^7.0.0" } }\n'
        },
        item: "Rate limiting configured",
        verdict: "unknown"
      },
      {
        files: {
          "app.rb": "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  use Rack::Attack\n  get('/') { 'hi' }\nend\n",
          "config/rack_attack.rb": "Rack::Attack.throttle('req/ip', limit: 100, period: 60) { |req| req.ip }\n",
          Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'rack-attack'\n"
        },
        item: "Throttling per client IP",
        verdict: "pass"
      },
      {
        files: {
          "config/initializers/rack_attack.rb": "# Rack::Attack.throttle('req/ip', limit: 100, period: 60) { |req| req.ip }\n",
          "config/application.rb": "module Shop\n  class Application < Rails::Application\n    # config.middleware.use Rack::Attack\n  end\nend\n",
          Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'rack-attack'\n"
        },
        item: "Rate limiting enabled",
        verdict: "unknown"
      }
    ]
  }
};
var TEST_FILE = /(^|\/)(tests?|__tests__|spec|e2e)\/|[._-](test|spec)\.\w+$|_test\.go$|(^|\/)test_[^/]+\.py$/;
function unprotectedRoute(claim, ctx) {
  const scope = routeScopeOf(claim.claim);
  if (!scope?.names) return void 0;
  const names2 = scope.names;
  const signals = ctx.get(codeSignalsCollector);
  const { working } = workingEvidence(signals, "rate-limiting", ctx.scope);
  if (!working.length || working.some((hit) => !hit.application || scope.covers(hit.application)))
    return void 0;
  const route = ctx.get(httpRoutesCollector).routes.find(
    (declared2) => inScope(declared2.path, ctx.scope) && !TEST_FILE.test(declared2.path) && WIRING_LANGUAGES.has(scanKind(declared2.path)?.language) && (names2.test(declared2.route) || names2.test(declared2.path)) && !signals.hints.some((hint) => hint.signal === "rate-limiting" && hint.path === declared2.path)
  );
  if (!route) return void 0;
  const first3 = working[0];
  const shown2 = `${route.method ? `${route.method} ` : ""}${route.route}`;
  return {
    verdict: "fail",
    message: `${shown2} (${at5(route)}) is one of ${scope.shown} and no limiter reaches it: ${first3.message}${working.length > 1 ? ` and ${working.length - 1} more, all narrower` : ""}, nothing app-wide`,
    evidence: [ref7(route), ref7(first3)]
  };
}

// src/core/rules/signals/signals-runbook.ts
var RUNBOOK = /\brunbooks?\b|\btroubleshooting (?:guides?|docs?|documentation)\b|\bplaybooks?\b|\boperational procedures\b/i;
var TOPIC = /\b(monitoring|alert(?:s|ing)?|incidents?|on-?call|rollbacks?|database|disaster recovery|failover|deployments?)\b[^.;]*\b(?:runbooks?|playbooks?)\b|\b(?:runbooks?|playbooks?)\s+(?:for|on|covering)\s+(?:\w+\s+)?(monitoring|alerts?|incidents?|on-?call|rollbacks?|database|failover)\b/i;
function isTroubleshootingHeading(doc) {
  return doc.line !== void 0 && !/\b(?:runbooks?|playbooks?)\b/i.test(doc.excerpt ?? "");
}
var signalsRunbook = {
  id: "signals.runbook",
  title: "A runbook or troubleshooting guide is committed",
  why: "At 3 a.m. the on-call engineer needs the steps written down, next to the code they describe.",
  fix: "Add `docs/runbook.md` (or a Troubleshooting section in the README) with alerts, symptoms and the commands to run.",
  recognises: '"runbook(s)", "troubleshooting guide", "playbook" or "operational procedures"; not runbooks linked from alerts, and not items naming the file (ref.path-exists checks those).',
  needs: [projectDocsCollector],
  match: (item) => namesFileOrCommand(item) ? [] : matchClaim(item, RUNBOOK, /\bAnsible\b/i),
  evaluate(_claim, ctx, item) {
    const found2 = docsFor(ctx.get(projectDocsCollector).runbooks, ctx);
    const named = TOPIC.exec(item.text);
    const topic = named?.[1] ?? named?.[2];
    const runbooks = topic ? found2.filter((doc) => !isTroubleshootingHeading(doc)) : found2;
    if (runbooks.length) return docFound("runbook", runbooks);
    if (found2.length) {
      const first3 = found2[0];
      return {
        verdict: "unknown",
        message: `the item claims ${topic?.toLowerCase()} runbooks; the nearest document is a general troubleshooting section at ${at5(first3)} ("${first3.excerpt?.slice(0, 60)}"), which may not cover it`,
        evidence: found2.slice(0, 3).map(ref7)
      };
    }
    const link = linksElsewhere(item.links);
    if (link) {
      return {
        verdict: "unknown",
        message: `no runbook in the repository; the item links to ${link}`,
        evidence: []
      };
    }
    return docMissing(
      "runbook or troubleshooting guide",
      "runbook*/troubleshooting*/playbook* files, runbooks/ folders and Runbook or Troubleshooting headings in READMEs and docs/",
      ctx
    );
  },
  examples: {
    match: [
      "Deployment runbooks",
      "Troubleshooting guides",
      "**Runbook** - Step-by-step operational procedures",
      "Runbooks ready"
    ],
    noMatch: [
      "Runbooks linked in alerts",
      "Runbook in `docs/runbook.md`",
      "Support rota agreed with the service desk"
    ],
    verdicts: [
      {
        files: {
          "docs/runbooks/deploy.md": "# Deploy runbook\n\n1. Announce in #ops\n2. Run the release workflow\n3. Watch the error rate for 15 minutes\n"
        },
        item: "Deployment runbooks",
        verdict: "pass"
      },
      { files: { "README.md": "# API\n" }, item: "Deployment runbooks", verdict: "fail" },
      {
        // A guide beside the README counts; a plan or report that mentions troubleshooting does not.
        files: {
          "README.md": "# API\n",
          "DEPLOYMENT_GUIDE.md": "# Deploying\n\n## Troubleshooting\n\nIf the health check fails, read the logs.\n"
        },
        item: "Troubleshooting guide",
        verdict: "pass"
      },
      {
        files: {
          "README.md": "# API\n",
          "RELEASE_PLAN.md": "# Release plan\n\n## Troubleshooting\n\nTo be written.\n"
        },
        item: "Troubleshooting guide",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/signals-security-headers.ts
var SECURITY_HEADERS2 = /\bsecurity headers?\b|\bsecure headers\b|\bhelmet\b|\bcontent[- ]security[- ]policy\b|\bCSP\b|\bHSTS\b|\bstrict[- ]transport[- ]security\b|\bX-Frame-Options\b|\bX-Content-Type-Options\b|\bXSS protection headers\b|安全响应头|安全头/i;
var ONE_HEADER = /\bstrict[- ]transport[- ]security\b|\bHSTS\b|\bcontent[- ]security[- ]policy\b|\bCSP\b|\bX-Frame-Options\b|\bX-Content-Type-Options\b|\bX-XSS-Protection\b|\breferrer[- ]policy\b|\bpermissions[- ]policy\b/gi;
var GENERAL2 = /\bsecurity headers?\b|\bsecure headers\b|\bhelmet\b|\btalisman\b/i;
function namesOneHeader(text3) {
  if (GENERAL2.test(text3)) return false;
  const alias = { hsts: "stricttransportsecurity", csp: "contentsecuritypolicy" };
  const names2 = new Set(
    (text3.match(ONE_HEADER) ?? []).map((name) => {
      const plain2 = name.toLowerCase().replace(/[\s-]/g, "");
      return alias[plain2] ?? plain2;
    })
  );
  return names2.size === 1;
}
var signalsSecurityHeaders = {
  id: "signals.security-headers",
  title: "HTTP security headers are set by middleware or server config",
  why: "Missing CSP, HSTS and frame options leave users open to clickjacking, MIME sniffing and downgrade attacks.",
  fix: "Add helmet/@fastify/helmet, Django SecurityMiddleware, Spring Security headers, or `add_header` lines in nginx.",
  recognises: '"security headers", helmet, CSP/Content-Security-Policy, HSTS, X-Frame-Options or X-Content-Type-Options in the item or a nested bullet.',
  needs: [codeSignalsCollector],
  match: (item) => namesOneHeader(item.text) ? [] : matchBehaviourClaim(item, SECURITY_HEADERS2),
  evaluate: (claim, ctx) => judgeSignal({ signal: "security-headers", what: "security headers" }, claim, ctx),
  examples: {
    match: [
      "\u5B89\u5168\u54CD\u5E94\u5934",
      "Security headers (X-Content-Type-Options, X-Frame-Options, etc.)",
      "Security headers configured",
      "**HTTPS Ready** - Helmet middleware configured",
      "Security headers with helmet",
      "XSS protection headers"
    ],
    noMatch: [
      "Security headers working",
      "Security headers verified",
      "Security review by the platform team",
      "CORS configuration"
    ],
    verdicts: [
      {
        files: {
          "src/index.js": "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet);\n"
        },
        item: "Security headers with helmet",
        verdict: "pass"
      },
      {
        files: {
          "package.json": '{ "dependencies": { "express": "^4.19.0" } }\n',
          "src/app.ts": "import express from 'express';\nconst app = express();\n"
        },
        item: "Security headers with helmet",
        verdict: "fail"
      },
      {
        files: {
          "src/app.ts": "import express from 'express';\nconst app = express();\n"
        },
        item: "Security headers configured",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-security-policy.ts
var SECURITY_POLICY2 = /\bSECURITY\.md\b|\bsecurity policy\b|\b(?:vulnerability|responsible|coordinated) disclosure\b|\bdisclosure policy\b/i;
var signalsSecurityPolicy = {
  id: "signals.security-policy",
  title: "A security policy (SECURITY.md) tells researchers how to report vulnerabilities",
  why: "Without a published way to report vulnerabilities, researchers disclose in public issues or not at all.",
  fix: "Add `SECURITY.md` (root, `.github/` or `docs/`) with a private reporting address or GitHub private vulnerability reporting.",
  recognises: '"SECURITY.md", "security policy", "vulnerability/responsible disclosure" or "disclosure policy".',
  needs: [projectDocsCollector],
  // "Content Security Policy" is a response header (signals.security-headers), not a disclosure policy.
  match: (item) => matchClaim(item, SECURITY_POLICY2, /content[- ]security[- ]polic/i),
  evaluate(claim, ctx) {
    const found2 = docsFor(ctx.get(projectDocsCollector).securityPolicies, ctx);
    const first3 = found2[0];
    if (!first3) return docMissing("security policy", "SECURITY.md in the root, .github/ and docs/", ctx);
    if (/\bdisclos|\breport/i.test(claim.claim) && !first3.explainsReporting) {
      return {
        verdict: "unknown",
        message: `${first3.path} exists but says nothing about reporting or disclosure`,
        evidence: [ref7(first3)]
      };
    }
    return docFound("security policy", found2);
  },
  examples: {
    match: [
      "SECURITY.md with a disclosure policy",
      "SECURITY.md with disclosure policy",
      "Security policy published",
      "Vulnerability disclosure process documented"
    ],
    noMatch: [
      "Implemented Content Security Policy (CSP)",
      "Security review by the platform team",
      "Security headers configured",
      "Review security settings (WAF, rate limits)"
    ],
    verdicts: [
      {
        files: {
          "SECURITY.md": "# Security policy\n\nReport vulnerabilities to security@acme.example; we answer within 48 hours.\n"
        },
        item: "Security policy published",
        verdict: "pass"
      },
      { files: { "README.md": "# API\n" }, item: "Security policy published", verdict: "fail" }
    ]
  }
};

// src/core/rules/signals/signals-structured-logging.ts
var STRUCTURED_LOGGING = /\bstructured\b[^.]*\blog|\bjson\b[^.]*\blog|\blog\w*\b[^.]*\b(?:json|structured)\b|\blog\w*\b[^.]*\b(?:pino|winston|bunyan|structlog|zap|zerolog|logrus|slog|logstash)\b|\b(?:pino|winston|bunyan|structlog|zerolog|logrus)\b|结构化日志/i;
var NOT_LOG_FORMAT = /\bcentrali[sz]ed\b|\baggregat|\bLOG_LEVEL\b|\bretention\b|^(?!.*\b(?:structured|json)\b).*(?:\bship|\bforward|\bELK\b|\bEFK\b|\bfluent|\bpromtail\b|\bfilebeat\b|\bloki\b|\blogstash\b(?![- ](?:logback|encoder)))/i;
var signalsStructuredLogging = {
  id: "signals.structured-logging",
  title: "Logs are structured (JSON) through a logging library",
  why: "Plain-text logs cannot be queried by field; incidents take longer when every search is a regex.",
  fix: "Log through a structured logger (pino, winston, structlog, zap, slog, LoggerJSON, logstash-logback-encoder) that writes JSON.",
  recognises: '"structured logging", "JSON logging" or a structured logger by name (pino, winston, bunyan, structlog, zap, zerolog, logrus, slog); not centralised log shipping, log levels or audit logging.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, STRUCTURED_LOGGING, NOT_LOG_FORMAT),
  evaluate: (claim, ctx) => judgeSignal({ signal: "structured-logging", what: "structured logging" }, claim, ctx),
  examples: {
    match: [
      "\u7ED3\u6784\u5316\u65E5\u5FD7 (JSON)",
      "Structured logging system",
      "Structured JSON logging",
      "Structured logging (zap)",
      "Logs written as JSON with pino"
    ],
    noMatch: [
      "Centralized logging configured",
      "`LOG_LEVEL=info` - Appropriate logging level",
      "**Audit Logging** - All critical actions logged",
      "Request/response logging",
      "Logs shipped to Logstash"
    ],
    verdicts: [
      {
        files: {
          "src/index.js": "import Fastify from 'fastify';\n\nconst app = Fastify({ logger: true });\n"
        },
        item: "Structured JSON logging",
        verdict: "pass"
      },
      {
        files: {
          "main.go": 'package main\n\nimport "github.com/rs/zerolog/log"\n'
        },
        item: "Structured logging (zap)",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-topic-documented.ts
var WRITTEN = /\b(?:documentation|documented|docs?|guides?|overview|procedures?|readme|write-?up|described|explained)\b/i;
var NOT_WRITING = /\b(?:tested|generat\w*|practi[sc]ed|drilled|rehears\w*|reviewed|approved|signed[- ]off|up[- ]to[- ]date|updated|published|hosted|diagrams?|C4)\b/i;
function topicsOf(item) {
  const text3 = item.text;
  if (namesFileOrCommand(item) || !WRITTEN.test(text3) || NOT_WRITING.test(text3)) return [];
  const topics = Object.entries(DOC_TOPICS).filter(
    ([, pattern]) => pattern.test(text3)
  );
  return topics.length === 1 ? [{ topic: topics[0][0] }] : [];
}
var signalsTopicDocumented = {
  id: "signals.topic-documented",
  title: "The topic an item says is documented has a document or section of its own",
  why: "Documentation claimed in a checklist is what operators reach for under pressure; a claim with no document behind it sends them searching.",
  fix: "Write the document (ARCHITECTURE.md, docs/deployment.md) or a section with that heading in the README.",
  recognises: 'Items saying one topic is documented ("Architecture overview", "Deployment guide", "Rollback procedures documented", "API documentation", "Disaster recovery procedures"): architecture, deployment, rollback, disaster recovery, backup and restore, API reference, getting started, rate limiting, incident response. A Markdown file named after the topic or a heading about it passes; none is unknown (it may live in a wiki). Diagrams, reviews and keeping docs current are other claims.',
  needs: [projectDocsCollector],
  match: topicsOf,
  evaluate(claim, ctx) {
    const found2 = docsFor(
      ctx.get(projectDocsCollector).topicDocs.filter((doc) => doc.topic === claim.topic),
      ctx
    );
    if (found2.length) return docFound(`${claim.topic} documented`, found2);
    return {
      verdict: "unknown",
      message: `no Markdown file named after ${claim.topic} and no heading about it in the repository's documents; it may be documented outside the repository`,
      evidence: []
    };
  },
  examples: {
    match: [
      "Architecture overview",
      "Deployment guide",
      "Rollback procedures documented",
      "API endpoint documentation",
      "Disaster recovery procedures",
      "Created comprehensive deployment documentation"
    ],
    noMatch: [
      "Rollback procedure tested",
      "Add architecture diagrams (C4 model)",
      "Deployment guide in `docs/deploy.md`",
      "Automated deployment to staging",
      "Documentation kept up to date",
      "Rate limiting on API endpoints",
      "Generate API docs from Swagger as static HTML"
    ],
    verdicts: [
      {
        files: {
          "README.md": "# Shop\n\n## Rollback\n\nRedeploy the previous image tag.\n"
        },
        item: "Rollback procedures documented",
        verdict: "pass"
      },
      {
        files: {
          "README.md": "# Shop\n\n## Setup\n\nRun `npm start`.\n"
        },
        item: "Disaster recovery procedures",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/rules/signals/signals-tracing.ts
var OTEL_SDK = /\bsdk\b|sdk[-_/]|[-_/]sdk|exporter|otlp|auto[-_]?instrument|distro|javaagent|spring-boot-starter|bridge|NodeSDK|TracerProvider|opentelemetry-instrument|OpenTelemetry\.Extensions/i;
var TRACING = /\b(?:distributed )?tracing\b|\bopen[- ]?telemetry\b|\botel\b|\bjaeger\b|\bzipkin\b|\bdd-trace\b|\btraces? (?:exported|collected|propagated)\b|链路追踪|分布式追踪/i;
var signalsTracing = {
  id: "signals.tracing",
  title: "A tracing SDK (OpenTelemetry & co.) is wired into the code",
  why: "Without traces, a slow request across services is guesswork; a tracing SDK that is only declared records nothing.",
  fix: "Start the SDK before the app loads (`new NodeSDK({...}).start()` in an instrumentation file loaded with `--import`, `opentelemetry-instrument`, the Java agent).",
  recognises: '"tracing", "distributed tracing", OpenTelemetry/OTel, Jaeger, Zipkin or dd-trace in the item or a nested bullet.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, TRACING, /\b(?:stack|error) trac|\btrack(?:ing)?\b(?!.*\btracing\b)/i),
  evaluate(claim, ctx) {
    const found2 = judgeSignal({ signal: "tracing", what: "tracing" }, claim, ctx);
    if (found2.verdict !== "pass") return found2;
    const signals = ctx.get(codeSignalsCollector);
    const otelOnly = wiredInScope(signals, "tracing", ctx.scope).every(
      (hit) => hit.library === "OpenTelemetry" && hit.how === "import"
    );
    const sdk = signals.wired.some(
      (hit) => hit.signal === "tracing" && !hit.test && OTEL_SDK.test(hit.excerpt ?? "")
    );
    if (!otelOnly || sdk) return found2;
    const declared2 = signals.declared.find(
      (dep) => dep.library === "OpenTelemetry" && OTEL_SDK.test(dep.name)
    );
    return {
      verdict: "unknown",
      message: `${found2.message.replace(/^tracing: /, "")}, but no OpenTelemetry SDK, exporter or agent is started${declared2 ? ` (${declared2.name} is declared at ${declared2.path}:${declared2.line} and imported nowhere)` : ""}, and the API alone records nothing`,
      evidence: found2.evidence
    };
  },
  examples: {
    match: [
      "\u5206\u5E03\u5F0F\u94FE\u8DEF\u8FFD\u8E2A",
      "Tracing with OpenTelemetry wired in",
      "Distributed tracing with OpenTelemetry",
      "OpenTelemetry traces exported to the collector",
      "Request tracing (Jaeger)"
    ],
    noMatch: [
      "**Metrics Collection** - Real-time performance tracking",
      "Stack traces included in error reports",
      "Distributed tracing verified in production",
      "Error tracking with Sentry"
    ],
    verdicts: [
      {
        files: {
          "package.json": '{\n  "name": "portal",\n  "dependencies": { "express": "^4.21.0", "@opentelemetry/sdk-node": "^0.53.0" }\n}\n',
          "src/instrumentation.ts": "import { NodeSDK } from '@opentelemetry/sdk-node';\n\nnew NodeSDK({ serviceName: 'portal' }).start();\n"
        },
        item: "Tracing with OpenTelemetry wired in",
        verdict: "pass"
      },
      {
        files: {
          "package.json": '{\n  "name": "portal",\n  "dependencies": { "express": "^4.21.0", "@opentelemetry/sdk-node": "^0.53.0" }\n}\n',
          "src/server.ts": "import express from 'express';\nconst app = express();\n"
        },
        item: "Tracing with OpenTelemetry wired in",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/signals/index.ts
var signalsRules = [
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
  signalsLockfile
];

// src/core/rules/tech/tech-component-integrated.ts
var NOT_USED3 = /\b(?:no|not|without|remov\w*|replac\w*|migrat\w*|drop\w*|deprecat\w*|instead|avoid\w*|optional|alternatives?|vs|versus|evaluat\w*|consider\w*|investigat\w*|if (?:needed|used|using|applicable|any))\b/i;
var BARE2 = new Set(
  "integration integrated integrate support supported supports client clients configured configuration config setup set up implemented implementation implement used use uses using usage enabled enable added add connected connection connections layer adapter adapters based messaging message messages broker brokers queue queues queueing cache caching cached store storage database databases db pub sub pubsub streams stream server service services driver sdk library lib ready done api backend persistence persistent data access repository repositories orm search indexing index jobs job worker workers background tasks task processing events event in place logic mechanism mechanisms pattern patterns strategy strategies".split(" ")
);
var OPERATIONAL2 = /^(?:provision\w*|accounts?|hosted|managed|cloud|cluster\w*|backups?|backed|restor\w*|rotat\w*|passwords?|credentials?|monitor\w*|alert\w*|dashboards?|test\w*|benchmark\w*|load|upgrad\w*|patch\w*|tun\w*|scal\w*|replica\w*|failover|ha|availability|eviction|memory|tls|ssl|encrypt\w*|auth\w*|secur\w*|firewall|network\w*|vpc|acl|sizing|capacity|performance|production|prod|staging|persisted|installed|install|running|accessible|reachable|available|started|deployed|healthy|up)$/;
var MAX_OTHER_WORDS3 = 6;
var techComponentIntegrated = {
  id: "tech.component-integrated",
  title: "A named component (Redis, Kafka, PostgreSQL, Vault...) is integrated in the code",
  why: "A checklist that lists a cache, broker or datastore the code never talks to describes an architecture that does not exist; the gap shows up as an outage or a failed audit.",
  fix: "Declare the client library and use it where the application is wired, or correct the checklist.",
  recognises: 'Items whose subject is a catalogued component (datastores, caches, brokers, GraphQL, gRPC, Vault, OPA, Keycloak) and how it is used ("Redis caching", "MQTT client", "OPA integration"); not items about operating it, removing it or comparing it.',
  needs: [technologyTracesCollector],
  match: componentClaims,
  evaluate(claim, ctx) {
    const evidence2 = ctx.get(technologyTracesCollector);
    const { technology } = claim;
    const traces = evidence2.traces.get(technology.id) ?? [];
    if (!traces.length) return absent3(claim, evidence2.scanned, evidence2.manifests);
    const declared2 = firstForScope(traces, ctx.scope, (trace) => trace.role === "manifest" && trace.strict);
    const used = firstForScope(traces, ctx.scope, (trace) => trace.role === "code" && trace.strict);
    if (declared2 && used) {
      const found2 = `${technology.name}: dependency declared at ${at6(declared2)}, used at ${at6(used)}`;
      const refs2 = [ref8(declared2), ref8(used)];
      if (claim.shape === "bare") return { verdict: "pass", message: found2, evidence: refs2 };
      return {
        verdict: "unknown",
        message: `${found2}; the rest of the claim ("${claim.rest}") is not something a dependency and an import can show`,
        evidence: refs2
      };
    }
    const seen = firstForScope(traces, ctx.scope) ?? traces[0];
    const missing2 = declared2 ? "no use in application code" : used ? "no declared dependency" : "no declared dependency or use in code";
    return {
      verdict: "unknown",
      message: `${technology.name} is mentioned at ${at6(seen)}${traces.length > 1 ? ` and ${traces.length - 1} more places` : ""}, but there is ${missing2}, so whether it is integrated is unclear`,
      evidence: traces.slice(0, 3).map(ref8)
    };
  },
  examples: {
    match: [
      "Redis",
      "MQTT",
      "OPA integration",
      "Kafka messaging",
      "Token blacklist (Redis) for logout",
      "Redis caching with connection pooling"
    ],
    noMatch: [
      "Migrate from MongoDB to PostgreSQL",
      "Redis (optional)",
      "PostgreSQL 16+ installed",
      "Redis configured and accessible",
      "NATS configured (if using)",
      "Vault secrets rotated",
      "Store the database password in a vault",
      "Use the GraphQL playground to explore the schema, then write a query for each page of the admin dashboard",
      "Backups of the PostgreSQL cluster tested",
      "`DATABASE_URL` - PostgreSQL connection string",
      "REDIS_URL points at the Redis instance",
      "Redis service configured in render.yaml",
      "PostgreSQL declared in docker-compose.prod.yml",
      "Redis 6.2+ for stream consumer groups"
    ],
    verdicts: [
      {
        files: {
          "package.json": '{ "dependencies": { "ioredis": "^5.4.0" } }\n',
          "src/cache.ts": "import Redis from 'ioredis';\nexport const cache = new Redis(process.env.REDIS_URL);\n"
        },
        item: "Redis caching",
        verdict: "pass"
      },
      {
        files: {
          "package.json": '{ "dependencies": { "express": "^4.19.0" } }\n',
          "README.md": "Uses Kafka.\n"
        },
        item: "Kafka messaging",
        verdict: "fail"
      },
      {
        files: { "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n", "app.py": "print(1)\n" },
        item: "Redis",
        verdict: "unknown"
      }
    ]
  }
};
function componentClaims(item) {
  const text3 = item.text;
  if (depsDeclaredVersion.match(item).length) return [];
  if (NOT_USED3.test(text3) || namesCodeOrVariable(item)) return [];
  if (namesDeploymentFile(text3)) return [];
  const named = TECHNOLOGIES.filter((technology) => technology.mention.test(text3));
  if (!named.length || named.length > 3) return [];
  const words = wordsBesides(text3, [
    ...named.map((technology) => technology.mention),
    ...CODE_PATTERNS.map((pattern) => pattern.mention)
  ]);
  const other = words.filter((word) => !BARE2.has(word));
  if (other.length > MAX_OTHER_WORDS3) return [];
  if (other.some((word) => OPERATIONAL2.test(word))) {
    return [];
  }
  const shape = other.length ? "qualified" : "bare";
  return named.map((technology) => ({ technology, shape, rest: other.join(" ") }));
}
function namesDeploymentFile(text3) {
  return (text3.match(/[\w./-]+\.(?:ya?ml|toml|json)\b|\bProcfile\b/g) ?? []).some(
    (word) => paasPlatformOf(word) !== void 0 || isComposePath(word)
  );
}
function absent3(claim, scanned, manifests) {
  const { technology } = claim;
  if (!scanned) {
    return {
      verdict: "unknown",
      message: `no code or configuration files to look for ${technology.name} in`,
      evidence: []
    };
  }
  const where3 = manifests.length ? `; dependencies are declared in ${manifests.slice(0, 3).join(", ")}` : "";
  return {
    verdict: "fail",
    message: `no trace of ${technology.name} in the ${scanned} code, manifest and configuration files (looked for ${technology.traces.slice(0, 6).join(", ")}${technology.traces.length > 6 ? "..." : ""}; documentation not counted)${where3}`,
    evidence: (manifests.length ? manifests.slice(0, 3) : ["."]).map((path2) => ({ path: path2 }))
  };
}
function at6(trace) {
  return `${trace.path}:${trace.line}`;
}
function ref8(trace) {
  return { path: trace.path, line: trace.line };
}

// src/core/collectors/redis-directives.ts
var CANDIDATE = /\.(?:conf|ya?ml|sh|json|toml|env)$|(^|\/)(?:Dockerfile[\w.-]*|[\w.-]+\.dockerfile)$/i;
var DIRECTIVE = /(?:^\s*|--|["'\s,[]--?)(maxmemory-policy|appendonly|appendfsync|save)(?:\s+|\s*=\s*|["'],\s*["'])["']?([\w.-]+(?:\s+\d+)?)/gm;
var COMMENT6 = /^\s*(?:#|\/\/)/;
function redisDirectivesIn(text3, path2 = "") {
  if (!/redis/i.test(text3) && !/redis/i.test(path2)) return [];
  const found2 = [];
  const lines = text3.split("\n");
  lines.forEach((line, index) => {
    if (COMMENT6.test(line)) return;
    DIRECTIVE.lastIndex = 0;
    for (let match = DIRECTIVE.exec(line); match; match = DIRECTIVE.exec(line)) {
      found2.push([match[1], match[2].toLowerCase(), index + 1]);
    }
  });
  return found2;
}
var redisDirectivesCollector = {
  id: "redis-directives",
  async collect(repo) {
    const paths = repo.files.filter((path2) => CANDIDATE.test(path2) && !VENDORED_OR_GENERATED.test(path2));
    const perFile = await repo.perFiles(
      "redis-directives",
      paths,
      (text3, index) => redisDirectivesIn(text3, paths[index])
    );
    const directives = [];
    perFile.forEach((found2, index) => {
      for (const [name, value, line] of found2 ?? []) {
        directives.push({ name, value, line, path: paths[index] });
      }
    });
    return directives;
  }
};

// src/core/rules/tech/tech-redis-directive.ts
var INSTANCE = /\b(?:for|on|in)\s+(?:the\s+)?(?!durability\b)[a-z]/i;
var EVICTION_POLICIES = /\b(noeviction|allkeys-lru|allkeys-lfu|allkeys-random|volatile-lru|volatile-lfu|volatile-random|volatile-ttl)\b/gi;
var NOT_CLAIMED2 = /\b(?:disabl\w*|off|no|not|without|turn\w* off)\b/i;
function directiveClaims(item) {
  const text3 = item.text.replace(/[*_`]/g, " ");
  if (/\bmaxmemory[- ]policy\b/i.test(text3)) {
    const policies = [
      ...new Set((text3.match(EVICTION_POLICIES) ?? []).map((policy) => policy.toLowerCase()))
    ];
    return policies.length ? [{ kind: "eviction", policies, instance: INSTANCE.test(text3) }] : [];
  }
  const aof = /\bAOF\b|\bappendonly\b/i.test(text3);
  const rdb = /\bRDB\b/.test(text3);
  if (!aof && !rdb) return [];
  if (NOT_CLAIMED2.test(text3.replace(/\b(?:or|and)\b/gi, " "))) return [];
  return [{ kind: "persistence", aof, rdb, instance: INSTANCE.test(text3) }];
}
function describe6(claim) {
  if (claim.kind === "eviction") return `maxmemory-policy ${claim.policies.join(" or ")}`;
  return [claim.rdb && "RDB snapshots", claim.aof && "AOF"].filter(Boolean).join(" or ");
}
function satisfies(claim, directive) {
  if (claim.kind === "eviction")
    return directive.name === "maxmemory-policy" && claim.policies.includes(directive.value);
  if (claim.aof && directive.name === "appendonly" && directive.value === "yes") return true;
  return claim.rdb && directive.name === "save" && /^\d+\s+\d+$/.test(directive.value);
}
function contradicts(claim, directive) {
  if (claim.kind === "eviction")
    return directive.name === "maxmemory-policy" && !claim.policies.includes(directive.value);
  return claim.aof && !claim.rdb && directive.name === "appendonly" && directive.value === "no";
}
var techRedisDirective = {
  id: "tech.redis-directive",
  title: "Redis is configured with the eviction policy or persistence the item names",
  why: "An eviction policy that drops queue keys, or a cache that loses everything on restart, breaks what the application assumes of Redis.",
  fix: "Set the directive in the Redis configuration the project deploys (redis.conf, its ConfigMap, or `redis-server --maxmemory-policy noeviction --appendonly yes`).",
  recognises: 'Items that name a Redis eviction policy ("maxmemory-policy allkeys-lru") or persistence ("AOF enabled", "RDB or AOF persistence"); a Redis managed outside the repository cannot be judged, so finding no setting is unknown.',
  needs: [redisDirectivesCollector],
  match: directiveClaims,
  evaluate(claim, ctx) {
    const counts = (path2) => !isNonProductionPath(path2) || ctx.scope !== "" && inScope(path2, ctx.scope);
    const settings = ctx.get(redisDirectivesCollector).filter((directive) => counts(directive.path));
    const holding = settings.find((directive) => satisfies(claim, directive));
    if (holding) {
      return {
        verdict: "pass",
        message: `${describe6(claim)}: ${holding.name} ${holding.value} at ${at7(holding)}`,
        evidence: [ref9(holding)]
      };
    }
    const against = settings.filter((directive) => contradicts(claim, directive));
    if (against.length && !claim.instance) {
      return {
        verdict: "fail",
        message: `the Redis configuration sets ${against.slice(0, 2).map((directive) => `${directive.name} ${directive.value} (${at7(directive)})`).join(", ")}, not ${describe6(claim)}`,
        evidence: against.slice(0, 3).map(ref9)
      };
    }
    return {
      verdict: "unknown",
      message: `no Redis configuration in the project sets ${describe6(claim)}; a Redis run with its defaults or managed elsewhere cannot be judged here`,
      evidence: []
    };
  },
  examples: {
    match: [
      "maxmemory-policy set to noeviction",
      "Persistence: RDB or AOF enabled",
      "AOF enabled for the queue Redis"
    ],
    noMatch: [
      "Redis eviction tuned",
      "AOF disabled for the cache instance",
      "Set maxmemory-policy appropriately"
    ],
    verdicts: [
      {
        files: {
          "k8s/redis.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: redis\ndata:\n  redis.conf: |\n    appendonly yes\n    maxmemory-policy allkeys-lru\n"
        },
        item: "maxmemory-policy set to noeviction or allkeys-lru",
        verdict: "pass"
      },
      {
        files: {
          "docker-compose.yml": "services:\n  redis:\n    image: redis:7\n    command: redis-server --maxmemory-policy allkeys-lru\n"
        },
        item: "maxmemory-policy set to noeviction",
        verdict: "fail"
      },
      {
        // One instance among several: the one found may be another (the cache, not the queue).
        files: {
          "docker-compose.yml": "services:\n  redis:\n    image: redis:7\n    command: redis-server --maxmemory-policy allkeys-lru\n"
        },
        item: "maxmemory-policy noeviction for the queue Redis",
        verdict: "unknown"
      },
      {
        // Compose runs Redis with its defaults: what a managed production Redis uses is not here.
        files: { "docker-compose.yml": "services:\n  redis:\n    image: redis:7\n" },
        item: "AOF enabled for the queue Redis",
        verdict: "unknown"
      }
    ]
  }
};
function at7(directive) {
  return `${directive.path}:${directive.line}`;
}
function ref9(directive) {
  return { path: directive.path, line: directive.line, excerpt: `${directive.name} ${directive.value}` };
}

// src/core/rules/tech/index.ts
var techRules = [techComponentIntegrated, techRedisDirective];

// src/core/collectors/test-inventory.ts
var E2E_FRAMEWORKS = /* @__PURE__ */ new Set([
  "Playwright",
  "Cypress",
  "Puppeteer",
  "WebdriverIO",
  "Selenium",
  "TestCafe",
  "Nightwatch",
  "Detox"
]);
var LOAD_FRAMEWORKS = /* @__PURE__ */ new Set(["k6", "Artillery", "Locust", "JMeter", "Gatling"]);
var NPM_FRAMEWORKS = {
  vitest: "Vitest",
  jest: "Jest",
  "ts-jest": "Jest",
  mocha: "Mocha",
  jasmine: "Jasmine",
  ava: "AVA",
  "@playwright/test": "Playwright",
  playwright: "Playwright",
  cypress: "Cypress",
  puppeteer: "Puppeteer",
  webdriverio: "WebdriverIO",
  "@wdio/cli": "WebdriverIO",
  "selenium-webdriver": "Selenium",
  testcafe: "TestCafe",
  nightwatch: "Nightwatch",
  detox: "Detox",
  artillery: "Artillery",
  "@types/k6": "k6"
};
var JS_UNIT_RUNNERS = ["Vitest", "Jest", "Mocha", "Jasmine", "AVA", "node:test"];
var CONFIG_FILES2 = [
  [/(^|\/)vitest\.(config|workspace)\.[cm]?[jt]s$/, "Vitest"],
  [/(^|\/)jest\.config\.([cm]?[jt]s|json)$/, "Jest"],
  [/(^|\/)playwright\.config\.[cm]?[jt]s$/, "Playwright"],
  [/(^|\/)cypress\.(config\.[cm]?[jt]s|json)$/, "Cypress"],
  [/(^|\/)\.mocharc\.(js|cjs|json|jsonc|ya?ml)$/, "Mocha"],
  [/(^|\/)wdio\.conf\.[cm]?[jt]s$/, "WebdriverIO"],
  [/(^|\/)(pytest\.ini|conftest\.py)$/, "pytest"],
  [/(^|\/)phpunit\.xml(\.dist)?$/, "PHPUnit"],
  [/(^|\/)\.rspec$/, "RSpec"]
];
var MANIFEST_MENTIONS = [
  [
    /(^|\/)(pyproject\.toml|setup\.cfg|tox\.ini)$/,
    /^\s*\[(tool\.pytest[^\]]*|tool:pytest|pytest)\]/m,
    "pytest"
  ],
  [/(^|\/)(requirements[^/]*\.txt|pyproject\.toml|setup\.py|Pipfile)$/, /^\s*["']?pytest\b/m, "pytest"],
  [/(^|\/)(requirements[^/]*\.txt|pyproject\.toml|Pipfile)$/, /^\s*["']?locust\b/m, "Locust"],
  [/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, /junit/i, "JUnit"],
  [/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, /testng/i, "TestNG"],
  [/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, /gatling/i, "Gatling"],
  [/(^|\/)Gemfile$/, /^\s*gem\s+["']rspec/m, "RSpec"],
  [/(^|\/)composer\.json$/, /"phpunit\/phpunit"/, "PHPUnit"]
];
var CODE = /\.[cm]?[jt]sx?$/;
var JS_TEST = /\.(test|spec)\.[cm]?[jt]sx?$/;
var TEST_ROOT = /(^|\/)(tests?|__tests__|spec)\//;
var E2E_SEGMENT = /(^|\/)(e2e|e2e[-_]tests?|tests?[-_]e2e|end[-_]?to[-_]?end|end2end)\//i;
var E2E_NAME = /\.(e2e|e2e-spec)\.[cm]?[jt]sx?$|\.cy\.[cm]?[jt]sx?$/;
var OTHER_E2E_NAME = /_e2e_test\.go$|(^|\/)(?:test_e2e[^/]*|e2e_test[^/]*)\.py$|E2E(?:Tests?|IT|Spec)\.(?:java|kt|cs)$|_e2e_spec\.rb$|(^|\/)[^/]*\.E2E(?:Tests?)?\//i;
var INTEGRATION_SEGMENT = /(^|\/)(integration|integration[-_]tests?|integrationTests?|it)\//;
var INTEGRATION_NAME = /\.(integration|int)\.(test|spec)\.[cm]?[jt]sx?$|_integration_test\.go$|(^|\/)(test_integration[^/]*|integration_test[^/]*)\.py$|IT\.(java|kt)$/;
var LOAD_SEGMENT = /(^|\/)(load|load[-_]?tests?|loadtests?|perf|performance|stress|soak|k6|artillery|locust)\//i;
var UNIT_SEGMENT = /(^|\/)unit\//i;
var MAX_CONTENT_READS = 400;
var testInventory = {
  id: "test-inventory",
  async collect(repo) {
    const files = repo.files.filter((path2) => !NOT_THIS_PROJECT.test(path2));
    const frameworks = await detectFrameworks(repo, files);
    const context = await contextOf(repo, files, frameworks);
    const tests = [];
    let reads2 = 0;
    for (const path2 of files) {
      let found2 = classify(path2, context);
      if (!found2 && needsContent(path2) && reads2 < MAX_CONTENT_READS) {
        reads2++;
        found2 = classifyByContent(path2, await repo.read(path2));
      }
      if (found2) tests.push({ path: path2, ...found2 });
    }
    return { frameworks, files: tests };
  }
};
async function detectFrameworks(repo, files) {
  const found2 = [];
  const add2 = (name, path2, text3, index) => {
    if (found2.some((other) => other.name === name && other.path === path2)) return;
    if (text3 === void 0 || index === void 0) {
      found2.push({ name, path: path2 });
      return;
    }
    const line = lineOf(text3, index);
    found2.push({ name, path: path2, line, excerpt: (text3.split("\n")[line - 1] ?? "").trim().slice(0, 120) });
  };
  for (const path2 of files) {
    for (const [pattern, name] of CONFIG_FILES2) if (pattern.test(path2)) add2(name, path2);
    if (/(^|\/)locustfile[^/]*\.py$/.test(path2)) add2("Locust", path2);
    if (path2.endsWith(".jmx")) add2("JMeter", path2);
    if (/_test\.go$/.test(path2)) add2("go test", path2);
    if (/(^|\/)test\/.*_test\.exs$/.test(path2)) add2("ExUnit", path2);
    if (path2.endsWith("package.json")) {
      const text3 = await repo.read(path2);
      if (text3 !== null) npmFrameworks(path2, text3, add2);
    }
    for (const [file, mention, name] of MANIFEST_MENTIONS) {
      if (!file.test(path2)) continue;
      const text3 = await repo.read(path2);
      const match = text3 === null ? null : mention.exec(text3);
      if (text3 !== null && match) add2(name, path2, text3, match.index);
    }
  }
  return found2;
}
function npmFrameworks(path2, text3, add2) {
  const parsed = parsePackageJson(text3);
  if ("problem" in parsed) return;
  const record2 = parsed.manifest;
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    const deps = record2[field];
    if (typeof deps !== "object" || deps === null) continue;
    for (const name of Object.keys(deps)) {
      const framework = NPM_FRAMEWORKS[name];
      if (framework) add2(framework, path2, text3, Math.max(0, text3.indexOf(`"${name}"`)));
    }
  }
  const scripts = typeof record2.scripts === "object" && record2.scripts !== null ? record2.scripts : {};
  for (const command of Object.values(scripts)) {
    if (typeof command !== "string") continue;
    const index = Math.max(0, text3.indexOf(JSON.stringify(command).slice(1, -1)));
    if (/\bnode\b[^&|;]*--test\b/.test(command)) add2("node:test", path2, text3, index);
    if (/\bk6\s+run\b/.test(command)) add2("k6", path2, text3, index);
    if (/\bartillery\s+run\b/.test(command)) add2("Artillery", path2, text3, index);
  }
}
async function contextOf(repo, files, frameworks) {
  const packages = /* @__PURE__ */ new Map();
  for (const framework of frameworks) {
    const folder = folderOf(framework.path);
    const set = packages.get(folder) ?? /* @__PURE__ */ new Set();
    set.add(framework.name);
    packages.set(folder, set);
  }
  const playwrightDirs = [];
  for (const path2 of files) {
    if (!/(^|\/)playwright\.config\.[cm]?[jt]s$/.test(path2)) continue;
    const folder = folderOf(path2);
    const testDir = /\btestDir\s*:\s*['"`]([^'"`]+)['"`]/.exec(await repo.read(path2) ?? "")?.[1];
    if (testDir) playwrightDirs.push(joinPath(folder, testDir));
    else if (!JS_UNIT_RUNNERS.some((runner) => packages.get(folder)?.has(runner)))
      playwrightDirs.push(folder);
  }
  const names2 = new Set(frameworks.map((framework) => framework.name));
  return {
    packages,
    playwrightDirs,
    pythonRunner: names2.has("pytest") ? "pytest" : void 0,
    crates: files.filter((path2) => /(^|\/)Cargo\.toml$/.test(path2)).map(folderOf),
    frameworks: names2
  };
}
function within(path2, folder) {
  return folder === "" || path2.startsWith(`${folder}/`);
}
function frameworksFor(path2, context) {
  const names2 = new Set(context.packages.get("") ?? []);
  let folder = folderOf(path2);
  while (folder) {
    const own = context.packages.get(folder);
    if (own) {
      for (const name of own) names2.add(name);
      break;
    }
    folder = folderOf(folder);
  }
  return names2;
}
function jsRunner(path2, context) {
  const names2 = frameworksFor(path2, context);
  return JS_UNIT_RUNNERS.find((runner) => names2.has(runner));
}
function jsE2eRunner(path2, context) {
  const names2 = frameworksFor(path2, context);
  const drivers = [...names2].filter((name) => E2E_FRAMEWORKS.has(name));
  return drivers.length === 1 ? drivers[0] : void 0;
}
function classify(path2, context) {
  const named = (kind, framework) => framework ? { kind, framework } : { kind };
  if (/(^|\/)locustfile[^/]*\.py$/.test(path2)) return { kind: "load", framework: "Locust" };
  if (path2.endsWith(".jmx")) return { kind: "load", framework: "JMeter" };
  if (/(^|\/)gatling\/.*\.(scala|java|kt)$|Simulation\.scala$/.test(path2))
    return { kind: "load", framework: "Gatling" };
  if (CODE.test(path2)) {
    if (/(^|\/)cypress\/(e2e|integration)\//.test(path2) || /\.cy\.[cm]?[jt]sx?$/.test(path2)) {
      return { kind: /(^|\/)component\//.test(path2) ? "unit" : "e2e", framework: "Cypress" };
    }
    if (JS_TEST.test(path2) && context.playwrightDirs.some((folder) => within(path2, folder))) {
      return { kind: "e2e", framework: "Playwright" };
    }
    const isTest = JS_TEST.test(path2) || E2E_NAME.test(path2) || /(^|\/)__tests__\//.test(path2);
    const underTests = TEST_ROOT.test(path2) || E2E_SEGMENT.test(path2);
    if (E2E_NAME.test(path2) || E2E_SEGMENT.test(path2) && (isTest || underTests)) {
      return named("e2e", jsE2eRunner(path2, context) ?? jsRunner(path2, context));
    }
    if (INTEGRATION_NAME.test(path2) || INTEGRATION_SEGMENT.test(path2) && (isTest || TEST_ROOT.test(path2))) {
      return named("integration", jsRunner(path2, context));
    }
    if (isTest) return named("unit", jsRunner(path2, context));
    return void 0;
  }
  const language = otherLanguageTest(path2, context);
  if (!language) return void 0;
  if (E2E_SEGMENT.test(path2) || OTHER_E2E_NAME.test(path2)) return { ...language, kind: "e2e" };
  if (INTEGRATION_NAME.test(path2) || INTEGRATION_SEGMENT.test(path2))
    return { ...language, kind: "integration" };
  if (UNIT_SEGMENT.test(path2)) return { ...language, kind: "unit" };
  return language;
}
var DOTNET_TEST_PROJECT = /(?:^|\/)([^/]*Tests?)\/(?:.*\/)?[^/]+\.(?:cs|fs|vb)$/;
function otherLanguageTest(path2, context) {
  const dotnet = DOTNET_TEST_PROJECT.exec(path2)?.[1];
  if (dotnet) {
    if (/Integration/i.test(dotnet)) return { kind: "integration", framework: "dotnet test" };
    if (/Playwright/i.test(dotnet)) return { kind: "e2e", framework: "Playwright" };
    if (/E2E|EndToEnd|Acceptance/i.test(dotnet)) return { kind: "e2e", framework: "dotnet test" };
    return { kind: "unit", framework: "dotnet test" };
  }
  if (/_test\.go$/.test(path2)) return { kind: "unit", framework: "go test" };
  if (/_test\.exs$/.test(path2)) return { kind: "unit", framework: "ExUnit" };
  if (/(^|\/)(test_[^/]*|[^/]*_test|tests)\.py$/.test(path2)) {
    return context.pythonRunner ? { kind: "unit", framework: context.pythonRunner } : { kind: "unit" };
  }
  if (/(^|\/)src\/(test|it|integrationTest)\/(java|kotlin|scala)\/.*(Test|Tests|IT|TestCase|Spec)\.(java|kt|scala)$/.test(
    path2
  )) {
    const framework = context.frameworks.has("JUnit") ? "JUnit" : context.frameworks.has("TestNG") ? "TestNG" : void 0;
    const kind = /\/src\/(it|integrationTest)\/|^src\/(it|integrationTest)\//.test(path2) ? "integration" : "unit";
    return framework ? { kind, framework } : { kind };
  }
  if (/_spec\.rb$/.test(path2)) return { kind: "unit", framework: "RSpec" };
  if (/(^|\/)test\/.*_test\.rb$/.test(path2)) return { kind: "unit", framework: "Minitest" };
  if (/(^|\/)tests?\/.*Test\.php$/.test(path2)) return { kind: "unit", framework: "PHPUnit" };
  if (path2.endsWith(".rs") && context.crates.some((crate) => path2.startsWith(crate ? `${crate}/tests/` : "tests/"))) {
    return { kind: "integration", framework: "cargo test" };
  }
  return void 0;
}
function needsContent(path2) {
  if (/\.rs$/.test(path2)) return /(^|\/)src\//.test(path2);
  if (CODE.test(path2) || /\.py$/.test(path2))
    return LOAD_SEGMENT.test(path2) || /(^|\/)[^/]*k6[^/]*$/i.test(path2);
  if (/\.ya?ml$/.test(path2)) return LOAD_SEGMENT.test(path2) || /(^|\/)artillery[^/]*$/i.test(path2);
  return false;
}
function classifyByContent(path2, text3) {
  if (text3 === null) return void 0;
  if (path2.endsWith(".rs"))
    return /#\[cfg\(test\)\]/.test(text3) ? { kind: "unit", framework: "cargo test" } : void 0;
  if (/\bfrom\s+['"]k6(\/[\w/-]+)?['"]|require\(\s*['"]k6(\/[\w/-]+)?['"]\s*\)/.test(text3)) {
    return { kind: "load", framework: "k6" };
  }
  if (/^\s*from\s+locust\s+import\b|^\s*import\s+locust\b/m.test(text3))
    return { kind: "load", framework: "Locust" };
  if (/\.ya?ml$/.test(path2) && /^config:\s*$/m.test(text3) && /^scenarios:\s*$/m.test(text3)) {
    return { kind: "load", framework: "Artillery" };
  }
  return void 0;
}
function testFolders(files) {
  const counts = /* @__PURE__ */ new Map();
  for (const file of files) {
    const folder = folderOf(file.path) || ".";
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].map(([folder, count2]) => ({ folder, count: count2 })).sort((a, b) => b.count - a.count || (a.folder < b.folder ? -1 : 1));
}

// src/core/rules/tests/tests-evidence.ts
var KIND_WORD = "(?:unit|integration|e2e|end[\\s-]to[\\s-]end|load|performance|stress)";
var SUITE = new RegExp(
  `\\b(${KIND_WORD}(?:\\s*(?:,|and|&|/|\\+|or)\\s*${KIND_WORD})*)[\\s-]+(?:tests?|testing|specs?|suites?)\\b`,
  "gi"
);
var CJK_SUITE = /(单元|集成|端到端|e2e|负载|压力|性能)\s*(?:测试|測試)/gi;
var CJK_KINDS = {
  \u5355\u5143: "unit",
  \u96C6\u6210: "integration",
  \u7AEF\u5230\u7AEF: "e2e",
  e2e: "e2e",
  \u8D1F\u8F7D: "load",
  \u538B\u529B: "stress",
  \u6027\u80FD: "performance"
};
var CJK = /[\u3400-\u9fff]/;
var OUTCOME3 = /\b(pass(es|ing|ed)?|green|completed?|done|performed|conducted|executed|successful(ly)?|succeed(s|ed)?)\b/i;
var SPECIFIC = /\b(need|needs|add|write|more|increase|missing)\b|\b(tests?|testing)\s+(for|of|on|covering)\b|\d+\+?\s*(concurrent|users|rps|requests|connections|vus)\b/i;
var PERSON_PREFIX = /^[\w\s&/-]{0,40}\b(team|lead|owner|manager|engineer|qa)\s*:/i;
var FRAMEWORK_NAMES2 = [
  [/\bvitest\b/i, "Vitest"],
  [/\bjest\b/i, "Jest"],
  [/\bmocha\b/i, "Mocha"],
  [/\bjasmine\b/i, "Jasmine"],
  [/\bplaywright\b/i, "Playwright"],
  [/\bcypress\b/i, "Cypress"],
  [/\bpuppeteer\b/i, "Puppeteer"],
  [/\bselenium\b/i, "Selenium"],
  [/\bwebdriver\s?io\b/i, "WebdriverIO"],
  [/\btestcafe\b/i, "TestCafe"],
  [/\bpytest\b/i, "pytest"],
  [/\bgo test\b/i, "go test"],
  [/\bex_?unit\b/i, "ExUnit"],
  [/\bjunit\b/i, "JUnit"],
  [/\btestng\b/i, "TestNG"],
  [/\brspec\b/i, "RSpec"],
  [/\bphpunit\b/i, "PHPUnit"],
  [/\bcargo test\b/i, "cargo test"],
  [/\bk6\b/i, "k6"],
  [/\bartillery\b/i, "Artillery"],
  [/\blocust\b/i, "Locust"],
  [/\bj[mM]eter\b/i, "JMeter"],
  [/\bgatling\b/i, "Gatling"]
];
function fitsKind(framework, kind) {
  if (kind === "e2e") return E2E_FRAMEWORKS.has(framework);
  if (kind === "load") return LOAD_FRAMEWORKS.has(framework);
  return !E2E_FRAMEWORKS.has(framework) && !LOAD_FRAMEWORKS.has(framework);
}
function kindOf2(word) {
  const lower = word.toLowerCase();
  if (lower === "unit" || lower === "integration" || lower === "load") return { kind: lower, loose: false };
  if (lower === "e2e" || /^end/.test(lower)) return { kind: "e2e", loose: false };
  return { kind: "load", loose: true };
}
function suiteClaims(item, kind) {
  if (item.signOff) return [];
  const text3 = claimText(item);
  if (PERSON_PREFIX.test(item.text)) return [];
  let found2;
  for (const match of text3.matchAll(SUITE)) {
    for (const word of match[1].split(/\s*(?:,|\band\b|&|\/|\+|\bor\b)\s*/i)) {
      const claimed = word ? kindOf2(word.trim()) : void 0;
      if (claimed?.kind === kind && (!found2 || found2.loose)) found2 = claimed;
    }
  }
  if (!found2 && !CJK.test(text3.replace(CJK_SUITE, ""))) {
    for (const match of text3.matchAll(CJK_SUITE)) {
      const word = CJK_KINDS[match[1].toLowerCase()];
      const claimed = word ? kindOf2(word) : void 0;
      if (claimed?.kind === kind && (!found2 || found2.loose)) found2 = claimed;
    }
  }
  if (!found2) return [];
  const framework = FRAMEWORK_NAMES2.find(([name, label]) => name.test(text3) && fitsKind(label, kind))?.[1];
  const claim = {
    kind,
    outcome: OUTCOME3.test(text3),
    specific: SPECIFIC.test(text3),
    loose: found2.loose
  };
  if (framework) claim.framework = framework;
  return [claim];
}
var LOOKED_FOR = {
  unit: "*.test.*, *.spec.*, __tests__/, *_test.go, test_*.py, *_test.exs, src/test/java, *_spec.rb, #[cfg(test)]",
  integration: "integration/ folders, *.integration.test.*, *_integration_test.go, *IT.java, src/it, Rust tests/",
  e2e: "e2e/ folders, *.e2e.*, *.e2e-spec.*, Playwright testDir, cypress/e2e, *.cy.*",
  load: "k6 scripts, locustfile.py, Artillery YAML, *.jmx, Gatling simulations"
};
var SHOWN2 = 3;
function describeFiles(files, kind) {
  const folders = testFolders(files);
  const where3 = folders.slice(0, SHOWN2).map((entry2) => `${entry2.folder} (${entry2.count})`).join(", ");
  const more2 = folders.length > SHOWN2 ? ` and ${folders.length - SHOWN2} more folders` : "";
  const frameworks = [...new Set(files.map((file) => file.framework).filter(Boolean))];
  const by = frameworks.length ? ` (${frameworks.join(", ")})` : "";
  return `${files.length} ${kind} test file${files.length > 1 ? "s" : ""}${by} in ${where3}${more2}`;
}
function folderEvidence(files) {
  return testFolders(files).slice(0, SHOWN2).map((entry2) => ({ path: entry2.folder, excerpt: `${entry2.count} test files` }));
}
function judgeSuite(claim, ctx) {
  const inventory = ctx.get(testInventory);
  const place = ctx.scope || "the repository";
  const all = inventory.files.filter((file) => inScope(file.path, ctx.scope));
  const ofKind = all.filter((file) => file.kind === claim.kind);
  if (!ofKind.length && ctx.scope) {
    const elsewhere = inventory.files.filter((file) => file.kind === claim.kind);
    if (elsewhere.length) {
      return {
        verdict: "unknown",
        message: `no ${claim.kind} tests inside ${ctx.scope}, but ${describeFiles(elsewhere, claim.kind)}; cannot tell whether they test ${ctx.scope}`,
        evidence: folderEvidence(elsewhere)
      };
    }
  }
  const declared2 = inventory.frameworks.filter(
    (framework) => inScope(framework.path, ctx.scope) || !framework.path.includes("/")
  );
  if (claim.framework) {
    const named = ofKind.filter((file) => file.framework === claim.framework);
    if (named.length) return found(claim, named);
    const others = ofKind.filter((file) => file.framework && file.framework !== claim.framework);
    if (ofKind.length && others.length === ofKind.length) {
      return {
        verdict: "fail",
        message: `${describeFiles(ofKind, claim.kind)}, none run by ${claim.framework}`,
        evidence: folderEvidence(ofKind)
      };
    }
    const declaration = declared2.find((framework) => framework.name === claim.framework);
    if (declaration || ofKind.length) {
      const seen = declaration ? `${claim.framework} is declared at ${declaration.path}${declaration.line ? `:${declaration.line}` : ""}` : "";
      return {
        verdict: "unknown",
        message: ofKind.length ? `${describeFiles(ofKind, claim.kind)} but their framework is not declared; cannot confirm ${claim.framework}` : `${seen} but no ${claim.kind} test files were recognised (looked for ${LOOKED_FOR[claim.kind]})`,
        evidence: declaration ? [{ path: declaration.path, ...declaration.line ? { line: declaration.line } : {} }] : folderEvidence(ofKind)
      };
    }
    return missing(
      claim,
      `no ${claim.framework} ${claim.kind} tests in ${place}: no ${claim.framework} dependency or config and`,
      ctx
    );
  }
  if (ofKind.length) return found(claim, ofKind);
  return judgeMissing(
    claim,
    ctx,
    all,
    declared2.map((framework) => framework.name),
    place
  );
}
function judgeMissing(claim, ctx, all, declared2, place) {
  const others = all.length ? ` (found ${describeCounts(all)})` : "";
  const undecided2 = (why) => ({
    verdict: "unknown",
    message: `no ${claim.kind} test files recognised in ${place}${others}; ${why}`,
    evidence: folderEvidence(all)
  });
  if (claim.kind === "integration" && all.length) {
    return undecided2("cannot tell whether some of them are integration tests");
  }
  if (claim.kind === "e2e") {
    const drivers = declared2.filter((name) => E2E_FRAMEWORKS.has(name));
    if (drivers.length)
      return undecided2(`${drivers.join(", ")} is declared, so end-to-end tests may live elsewhere`);
  }
  if (claim.kind === "load" && (claim.loose || claim.outcome)) {
    return undecided2("load or performance testing may have been done with tools outside the repository");
  }
  return missing(claim, `no ${claim.kind} tests in ${place}${others}:`, ctx);
}
function describeCounts(files) {
  const counts = /* @__PURE__ */ new Map();
  for (const file of files) counts.set(file.kind, (counts.get(file.kind) ?? 0) + 1);
  return [...counts].map(([kind, count2]) => `${count2} ${kind}`).join(", ");
}
function found(claim, files) {
  const summary = describeFiles(files, claim.kind);
  const evidence2 = folderEvidence(files);
  if (claim.outcome) {
    return {
      verdict: "unknown",
      message: `${summary}; whether they pass is known only from a test run, not the repository`,
      evidence: evidence2
    };
  }
  if (claim.specific) {
    return {
      verdict: "unknown",
      message: `${summary}; whether they cover what the item names needs a reviewer`,
      evidence: evidence2
    };
  }
  return { verdict: "pass", message: summary, evidence: evidence2 };
}
function missing(claim, prefix, ctx) {
  return {
    verdict: "fail",
    message: `${prefix} no files matching ${LOOKED_FOR[claim.kind]}`,
    evidence: [{ path: ctx.scope || "." }]
  };
}

// src/core/rules/tests/tests-e2e.ts
var testsE2e = {
  id: "tests.e2e",
  title: "End-to-end tests exist",
  why: "End-to-end tests exercise the product the way users do, through the UI or public API of a running build.",
  fix: "Add end-to-end tests with the framework the item names (e.g. Playwright specs under its testDir, cypress/e2e).",
  recognises: 'Items that claim end-to-end tests ("E2E tests (Playwright)", "End-to-end tests passing"); a named framework must be the one in use.',
  needs: [testInventory],
  match: (item) => suiteClaims(item, "e2e"),
  bound: () => [{ kind: "e2e", outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      "E2E tests (Playwright)",
      "E2E tests passing",
      "End-to-end tests with Cypress",
      "Unit/E2E test suites green",
      "E2E \u6D4B\u8BD5"
    ],
    noMatch: [
      "E2E encryption enabled",
      "End-to-end encryption for messages",
      "Message sending flow tested",
      "Mobile responsiveness tested",
      "Integration tests"
    ],
    verdicts: [
      {
        files: {
          "package.json": '{ "devDependencies": { "@playwright/test": "^1.48.0" } }\n',
          "e2e/checkout.spec.ts": 'import { test, expect } from "@playwright/test";\ntest("checkout", async ({ page }) => { await page.goto("/"); await expect(page).toHaveTitle(/Shop/); });\n'
        },
        item: "E2E tests (Playwright)",
        verdict: "pass"
      },
      { files: { "src/app.ts": "export {};\n" }, item: "E2E tests (Playwright)", verdict: "fail" }
    ]
  }
};

// src/core/rules/tests/tests-integration.ts
var testsIntegration = {
  id: "tests.integration",
  title: "Integration tests exist",
  why: "Integration tests catch what unit tests cannot: wiring, databases, queues and real HTTP between parts.",
  fix: "Add integration tests where the runner finds them and a reader can tell them apart (an integration/ folder, *.integration.test.ts, *_integration_test.go, *IT.java, Rust tests/).",
  recognises: 'Items that claim integration tests ("Integration tests", "Integration tests passing").',
  needs: [testInventory],
  match: (item) => suiteClaims(item, "integration"),
  bound: () => [{ kind: "integration", outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      "Integration tests",
      "Integration tests passing",
      "**Integration Tests** - End-to-end flow testing",
      "Unit + integration test suites run in CI",
      "\u96C6\u6210\u6D4B\u8BD5"
    ],
    noMatch: [
      "Stripe integration configured",
      "Continuous integration pipeline green",
      "Slack integration tested",
      "QA Team: Integration testing completed",
      "All endpoints tested"
    ],
    verdicts: [
      {
        files: {
          "tests/integration/orders.test.ts": 'import { it } from "vitest";\nit("creates an order against the database", async () => {});\n',
          "package.json": '{ "devDependencies": { "vitest": "^3.0.0" } }\n'
        },
        item: "Integration tests",
        verdict: "pass"
      },
      { files: { "src/app.ts": "export {};\n" }, item: "Integration tests", verdict: "fail" }
    ]
  }
};

// src/core/rules/tests/tests-load.ts
var testsLoad = {
  id: "tests.load",
  title: "Load tests exist",
  why: "Capacity claims need a repeatable load test; a script in the repository can be re-run before each release.",
  fix: "Commit the load test scripts (k6, Locust, Artillery, JMeter, Gatling), e.g. load/checkout.js importing k6/http.",
  recognises: 'Items that claim load, performance or stress testing ("Load testing with k6", "Load tests passing"); results and numbers of users cannot be confirmed from scripts alone.',
  needs: [testInventory],
  match: (item) => suiteClaims(item, "load"),
  bound: () => [{ kind: "load", outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      "Load testing with k6",
      "Load testing completed",
      "**Load Testing** - Performance under concurrent users",
      "**API Load Tests**",
      "Performance tests passing",
      "Load testing (100 concurrent users)"
    ],
    noMatch: [
      "Load balancer configured",
      "\u8D1F\u8F7D\u6D4B\u8BD5\u81EA\u52A8\u5316",
      "Hot-reload endpoints without restart",
      "Lazy loading for images",
      "Performance monitoring dashboards",
      "Message sending tested (500+ concurrent users)"
    ],
    verdicts: [
      {
        files: {
          "load/checkout.js": 'import http from "k6/http";\nexport const options = { vus: 50, duration: "1m" };\nexport default function () { http.get("https://shop.example/"); }\n'
        },
        item: "Load testing with k6",
        verdict: "pass"
      },
      { files: { "src/app.ts": "export {};\n" }, item: "Load testing with k6", verdict: "fail" }
    ]
  }
};

// src/core/collectors/test-references.ts
var CODE2 = /\.(?:[cm]?[jt]sx?|py|go|rb|ex|exs|java|kt|scala|cs|php|rs|swift|dart)$/i;
var COMPOUND = /[A-Za-z][a-z0-9]*(?:(?:[-_]?[A-Z]|[-_][a-z])[a-z0-9]*)+/g;
var MAX_NAMES_PER_FILE = 2e3;
function normaliseName(name) {
  return name.replace(/[-_]/g, "").toLowerCase();
}
function typeNamesIn(text3) {
  const names2 = /* @__PURE__ */ new Set();
  for (const match of text3.matchAll(COMPOUND)) {
    names2.add(normaliseName(match[0]));
    if (names2.size >= MAX_NAMES_PER_FILE) break;
  }
  return [...names2];
}
function isTestCodePath(path2) {
  return CODE2.test(path2) && isTestPath(path2) && !NOT_THIS_PROJECT.test(path2);
}
var testReferencesCollector = {
  id: "test-references",
  async collect(repo) {
    const paths = repo.files.filter(isTestCodePath);
    const perFile = await repo.perFiles("test-references", paths, typeNamesIn);
    const mentioned = /* @__PURE__ */ new Map();
    perFile.forEach((names2, index) => {
      const path2 = paths[index];
      const own = typeNamesIn(path2.slice(path2.lastIndexOf("/") + 1));
      for (const name of [...own, ...names2 ?? []]) if (!mentioned.has(name)) mentioned.set(name, path2);
    });
    return { mentioned, testFiles: paths.length };
  }
};

// src/core/rules/tests/tests-named-units.ts
var TESTS_WORD = /\b(?:unit\s+|integration\s+|service\s+|controller\s+)?(?:tests?|specs?|testing)\b/i;
var LISTED = /\b(?:tests?|specs?|testing)\b\s*(?:\(([^()]+)\)|(?:for|of|covering)\s+(.+))/i;
var TYPE_NAME = /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g;
var NOT_A_CLASS2 = /^(?:JavaScript|TypeScript|GitHub|GitLab|PostgreSQL|MySQL|MongoDB|GraphQL|OpenAPI|AsyncAPI|WebMock|FactoryBot|TestNG|JUnit|PHPUnit|ExUnit|MockMvc|WebTestClient|SpringBoot|SpringBootTest|TestContainers|Testcontainers|WireMock|NUnit|XUnit|CircleCI|SonarQube|SonarCloud|DynamoDB|CloudWatch|OAuth|WebSocket|WebSockets|NodeJs|NextJs|FastAPI|RabbitMQ|BullMQ|ElasticSearch|OpenSearch|OpenTelemetry|LaunchDarkly|PagerDuty|CockroachDB|ClickHouse|TimescaleDB|SQLite|McAfee|YouTube|LinkedIn|PayPal|iOS|MacOS)$/;
var EXTENT = /\b(?:more|additional|all|every|full|complete|comprehensive|increas\w*|coverage|edge cases?)\b/i;
var SOURCE = /\.(?:[cm]?[jt]sx?|py|go|rb|ex|exs|java|kt|scala|cs|php|rs|swift|dart)$/i;
function namedUnitsClaims(item) {
  if (item.signOff || !TESTS_WORD.test(item.text)) return [];
  const listed3 = LISTED.exec(item.text);
  const where3 = listed3 ? listed3[1] ?? listed3[2] ?? "" : "";
  const names2 = [...new Set(where3.match(TYPE_NAME) ?? [])].filter((name) => !NOT_A_CLASS2.test(name));
  if (!names2.length || names2.length > 8) return [];
  return [{ names: names2, extent: EXTENT.test(item.text) }];
}
function sourceOf(name, files, scope) {
  const wanted = normaliseName(name);
  const candidates2 = files.filter((path2) => {
    if (!SOURCE.test(path2) || isTestCodePath(path2) || isNonProductionPath(path2)) return false;
    const base = path2.slice(path2.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "");
    return normaliseName(base.replace(/\./g, "")) === wanted;
  });
  return candidates2.find((path2) => inScope(path2, scope)) ?? candidates2[0];
}
var testsNamedUnits = {
  id: "tests.named-units",
  title: "The classes an item names have tests",
  why: "A checklist that lists the services under test sends reviewers past code no test exercises.",
  fix: "Add a test for each class the item names (AuthServiceTest, test_point_service.py, point-service.test.ts), or correct the list.",
  recognises: 'Items that claim tests for named classes ("Tests for AuthService and PointService", "Add service tests (AuthService, PointService)"). A class whose source file exists and that no test file mentions is untested; a name with no source file of its own is undecided.',
  needs: [testReferencesCollector],
  match: namedUnitsClaims,
  evaluate(claim, ctx) {
    const { mentioned, testFiles } = ctx.get(testReferencesCollector);
    const tested = [];
    const untested = [];
    const unknown3 = [];
    for (const name of claim.names) {
      const test = mentioned.get(normaliseName(name));
      if (test) {
        tested.push({ path: test, excerpt: name });
        continue;
      }
      const source = sourceOf(name, ctx.files, ctx.scope);
      if (source) untested.push({ name, source });
      else unknown3.push(name);
    }
    if (untested.length) {
      return {
        verdict: "fail",
        message: `${untested.map((entry2) => `${entry2.name} (${entry2.source})`).join(", ")} ${untested.length > 1 ? "are" : "is"} mentioned by none of the ${testFiles} test files${tested.length ? `; ${tested.map((ref11) => ref11.excerpt).join(", ")} ${tested.length > 1 ? "are" : "is"} tested` : ""}`,
        evidence: untested.map((entry2) => ({ path: entry2.source }))
      };
    }
    if (unknown3.length) {
      return {
        verdict: "unknown",
        message: `no source file is named after ${unknown3.join(", ")}, so whether ${unknown3.length > 1 ? "they are" : "it is"} tested cannot be told from test file contents`,
        evidence: tested
      };
    }
    const found2 = `tests mention ${tested.map((ref11) => `${ref11.excerpt} (${ref11.path})`).join(", ")}`;
    if (claim.extent) {
      return { verdict: "unknown", message: `${found2}; how thoroughly needs a reviewer`, evidence: tested };
    }
    return { verdict: "pass", message: found2, evidence: tested };
  },
  examples: {
    match: [
      "Tests for AuthService and PointService",
      "Add service tests (AuthService, BillingService)",
      "Unit tests for OrderController"
    ],
    noMatch: [
      "Integration tests with MockMvc",
      "Unit tests for the auth service",
      "AuthService handles token refresh",
      "Tests (JUnit, TestNG)"
    ],
    verdicts: [
      {
        files: {
          "src/main/java/shop/AuthService.java": "package shop;\npublic class AuthService {}\n",
          "src/test/java/shop/AuthServiceTest.java": "package shop;\nclass AuthServiceTest { AuthService service = new AuthService(); }\n"
        },
        item: "Unit tests for AuthService",
        verdict: "pass"
      },
      {
        files: {
          "src/main/java/shop/AuthService.java": "package shop;\npublic class AuthService {}\n",
          "src/main/java/shop/PointService.java": "package shop;\npublic class PointService {}\n",
          "src/test/java/shop/AuthServiceTest.java": "package shop;\nclass AuthServiceTest { AuthService service = new AuthService(); }\n"
        },
        item: "Add service tests (AuthService, PointService)",
        verdict: "fail"
      },
      {
        // Tests that import the module by its file name and use an instance in camelCase.
        files: {
          "src/services/user-service.ts": "export class UserService {}\nexport const userService = new UserService();\n",
          "src/services/user-service.test.ts": "import { userService } from './user-service';\nit('works', () => userService);\n",
          "package.json": '{ "devDependencies": { "vitest": "^3.0.0" } }\n'
        },
        item: "Tests for UserService",
        verdict: "pass"
      },
      {
        // No class of that name: the item may use another name for it.
        files: {
          "src/main/java/shop/EventRegistrationService.java": "package shop;\npublic class EventRegistrationService {}\n"
        },
        item: "Tests for RegistrationService",
        verdict: "unknown"
      }
    ]
  }
};

// src/core/collectors/test-tools/catalogue.ts
var BDD_RUNNERS = /cucumber|reqnroll|specflow|godog|behave|pytest-bdd|playwright-bdd|karate|serenity|lettuce|turnip|gauge|behat/i;
var TEST_TOOLS = [
  {
    id: "testcontainers",
    name: "Testcontainers",
    mention: /\btest-?containers\b/i,
    trace: /testcontainers/i
  },
  {
    id: "gomock",
    name: "gomock",
    mention: /\bgo-?mock\b|\bmockgen\b/i,
    trace: /\bgomock\b|\bmockgen\b|golang\/mock|go\.uber\.org\/mock/i
  },
  { id: "mockery", name: "mockery", mention: /\bmockery\b/i, trace: /mockery/i, ordinaryWord: true },
  { id: "testify", name: "testify", mention: /\btestify\b/i, trace: /testify/i, ordinaryWord: true },
  { id: "ginkgo", name: "Ginkgo", mention: /\bGinkgo\b/i, trace: /ginkgo/i, ordinaryWord: true },
  { id: "webmock", name: "WebMock", mention: /\bWebMock\b/i, trace: /webmock/i },
  {
    id: "factory-bot",
    name: "FactoryBot",
    mention: /\bFactory\s?Bot\b|\bfactory_bot\b|\bFactory\s?Girl\b|\bfactory_girl\b/i,
    trace: /factory_?bot|factory_?girl/i,
    files: /(^|\/)(spec|test)\/factories\/[^/]+\.rb$/
  },
  { id: "factory-boy", name: "factory_boy", mention: /\bfactory[_ ]boy\b/i, trace: /factory[_-]boy/i },
  { id: "capybara", name: "Capybara", mention: /\bCapybara\b/i, trace: /capybara/i, ordinaryWord: true },
  {
    id: "pact",
    name: "Pact",
    mention: /\bPact(?:flow)?\b/i,
    // "pact" alone, as package prefixes spell it (pact-python, @pact-foundation/pact, au.com.dius.pact):
    // never inside another word such as "compact" or "impact".
    trace: /(?<![a-z])pact(?![a-z])|pactnet|pactflow/i
  },
  { id: "wiremock", name: "WireMock", mention: /\bWireMock\b/i, trace: /wiremock/i },
  { id: "mockito", name: "Mockito", mention: /\bMockito\b/i, trace: /mockito/i },
  { id: "moq", name: "Moq", mention: /\bMoq\b/, trace: /(?<![a-z])moq(?![a-z])/i },
  { id: "nsubstitute", name: "NSubstitute", mention: /\bNSubstitute\b/i, trace: /nsubstitute/i },
  {
    id: "msw",
    name: "Mock Service Worker",
    mention: /\bMSW\b|\bMock Service Worker\b/i,
    trace: /(?<![a-z])msw(?![a-z])/i
  },
  { id: "nock", name: "nock", mention: /\bnock\b/i, trace: /(?<![a-z])nock(?![a-z])/i, ordinaryWord: true },
  { id: "supertest", name: "SuperTest", mention: /\bsuper-?test\b/i, trace: /supertest/i },
  {
    id: "testing-library",
    name: "Testing Library",
    mention: /\bTesting Library\b|@testing-library\b/i,
    trace: /@testing-library\/|testing-library/i
  },
  { id: "fast-check", name: "fast-check", mention: /\bfast-check\b/i, trace: /fast-check/i },
  {
    id: "gherkin",
    name: "Gherkin feature files",
    mention: /\bGherkin\b/i,
    trace: /gherkin|\.feature\b/i,
    files: /\.feature$/,
    runners: BDD_RUNNERS
  },
  { id: "cucumber", name: "Cucumber", mention: /\bCucumber\b/i, trace: /cucumber/i, ordinaryWord: true },
  { id: "reqnroll", name: "Reqnroll", mention: /\bReqnroll\b/i, trace: /reqnroll/i },
  { id: "specflow", name: "SpecFlow", mention: /\bSpecFlow\b/i, trace: /specflow/i },
  {
    id: "chaos",
    name: "chaos-engineering tooling",
    mention: /\bchaos\s+(?:engineering|testing|tests?|experiments?)\b|混沌工程|混沌测试/i,
    // Any "chaos" in the project's files keeps the verdict open; the rest are the usual tools.
    trace: /chaos|litmus|gremlin|toxiproxy|pumba|kube-monkey|powerfulseal|aws_fis|fault[-_]?injection/i,
    external: true
  },
  { id: "godog", name: "godog", mention: /\bgodog\b/i, trace: /godog/i }
];

// src/core/collectors/test-tools.ts
var COMMENT7 = /^\s*(?:\/\/(?!go:generate)|#|\/\*|\*|--|;|<!--|%)/;
var INDIRECT = /\/\/\s*indirect\b/;
var SOUGHT = [
  ...TEST_TOOLS.map((tool) => [tool.id, tool.trace]),
  ...TEST_TOOLS.flatMap(
    (tool) => tool.runners ? [[runnerId(tool.id), tool.runners]] : []
  )
];
var ANY4 = new RegExp(SOUGHT.map(([, pattern]) => `(?:${pattern.source})`).join("|"), "i");
function runnerId(toolId) {
  return `${toolId}.runner`;
}
function testToolsIn(text3, path2 = "") {
  if (!ANY4.test(text3)) return [];
  const goMod = /(^|\/)go\.mod$/.test(path2);
  const found2 = /* @__PURE__ */ new Map();
  const lines = text3.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!ANY4.test(line)) continue;
    const strict = !COMMENT7.test(line) && !(goMod && INDIRECT.test(line));
    for (const [id, pattern] of SOUGHT) {
      if (!pattern.test(line)) continue;
      const seen = found2.get(id);
      if (!seen) found2.set(id, strict ? { line: index + 1, strict: index + 1 } : { line: index + 1 });
      else if (strict && seen.strict === void 0) seen.strict = index + 1;
    }
  }
  const out = [];
  for (const [id, seen] of found2) {
    out.push([id, seen.line, seen.strict === seen.line]);
    if (seen.strict !== void 0 && seen.strict !== seen.line) out.push([id, seen.strict, true]);
  }
  return out;
}
var testToolsCollector = {
  id: "test-tools",
  async collect(repo) {
    const paths = repo.files.filter((path2) => isScannedForTechnologies(path2) && !NOT_THIS_PROJECT.test(path2));
    const perFile = await repo.perFiles(
      "test-tools",
      paths,
      (text3, index) => testToolsIn(text3, paths[index])
    );
    const traces = /* @__PURE__ */ new Map();
    const manifests = [];
    let scanned = 0;
    perFile.forEach((found2, index) => {
      if (!found2) return;
      scanned += 1;
      const path2 = paths[index];
      const role = roleOf(path2);
      if (role === "manifest") manifests.push(path2);
      for (const [id, line, strict] of found2) {
        const list = traces.get(id) ?? [];
        list.push({ path: path2, line, role, strict });
        traces.set(id, list);
      }
    });
    const files = /* @__PURE__ */ new Map();
    for (const tool of TEST_TOOLS) {
      const pattern = tool.files;
      if (!pattern) continue;
      files.set(
        tool.id,
        repo.files.filter((path2) => pattern.test(path2) && !NOT_THIS_PROJECT.test(path2))
      );
    }
    return { traces, files, scanned, manifests };
  }
};

// src/core/rules/tests/tests-tool-used.ts
var NOT_USED4 = /\b(?:no|not|without|remov\w*|replac\w*|migrat\w*|drop\w*|deprecat\w*|instead|avoid\w*|vs|versus|evaluat\w*|consider\w*|investigat\w*|alternatives?|if (?:needed|applicable))\b|不使用|移除|替换|弃用/i;
var OPERATED5 = /\b(?:deploy\w*|hosted|broker|server|accounts?|licen[cs]\w*|train\w*|workshops?|dashboards?|upgrad\w*)\b/i;
var TEST_WORDS = /test|spec|mock|stub|fake|fixture|\bBDD\b|scenario|测试/i;
var OUTCOME4 = /\b(?:pass(?:es|ing|ed)?|green|\d+\s+failures?|no failures|succeed\w*|successful\w*)\b|\b\d+\s+examples\b/i;
var DONE = /\b(?:perform\w*|conduct\w*|complet\w*|done|run|ran|execut\w*|carried out|held|quarterly|monthly|regularly)\b/i;
var EXTENT2 = /\b(?:more|additional|all|every|each|full|complete|comprehensive|increas\w*|coverage|covering|extend\w*)\b|所有|完整/i;
var STOP2 = new Set(
  "a an the and or with via for of in on to is are be as by from into its it this that all each per at our we your use using used".split(
    " "
  )
);
var MAX_OTHER_WORDS4 = 8;
function toolClaims(item) {
  if (item.signOff) return [];
  const text3 = item.text;
  if (NOT_USED4.test(text3) || OPERATED5.test(text3)) return [];
  const named = TEST_TOOLS.filter(
    (tool) => tool.mention.test(text3) && (!tool.ordinaryWord || TEST_WORDS.test(text3.replace(tool.mention, " ")))
  );
  if (!named.length || named.length > 3) return [];
  let rest = text3;
  for (const tool of named)
    rest = rest.replace(new RegExp(tool.mention.source, `${tool.mention.flags}g`), " ");
  const words = (rest.toLowerCase().match(/[a-z][a-z-]*/g) ?? []).filter((word) => !STOP2.has(word));
  if (words.length > MAX_OTHER_WORDS4) return [];
  return named.map((tool) => ({ tool, outcome: OUTCOME4.test(text3), extent: EXTENT2.test(text3) }));
}
var testsToolUsed = {
  id: "tests.tool-used",
  title: "A named test tool (Testcontainers, gomock, WebMock, FactoryBot, Pact, Gherkin...) is used by the tests",
  why: "A checklist that credits the tests with containers, contract checks or HTTP stubs they do not have overstates what the suite protects against.",
  fix: "Declare the tool as a (test) dependency and use it from the tests, or correct the checklist.",
  recognises: 'Items whose subject is a catalogued test tool ("Testcontainers for integration tests", "WebMock for API testing", "Contract tests (Pact)", "BDD/Gherkin (Reqnroll)"); not items about removing or comparing it, or running a broker for it.',
  needs: [testToolsCollector],
  match: toolClaims,
  evaluate(claim, ctx, item) {
    const evidence2 = ctx.get(testToolsCollector);
    const { tool } = claim;
    const traces = evidence2.traces.get(tool.id) ?? [];
    const ownFiles = evidence2.files.get(tool.id) ?? [];
    const strict = traces.filter((trace) => trace.strict);
    if (!strict.length && !ownFiles.length) {
      if (tool.external && (claim.outcome || DONE.test(item.text))) {
        return undecided(
          `no ${tool.name} in the repository, but the item says it was carried out, which can be done from outside it`,
          []
        );
      }
      return absent4(tool, traces, evidence2.scanned, evidence2.manifests);
    }
    const counts = (path2) => !isNonProductionPath(path2) || ctx.scope !== "" && inScope(path2, ctx.scope);
    const production = strict.filter((trace) => counts(trace.path));
    const declared2 = first2(
      production.filter((trace) => trace.role === "manifest"),
      ctx.scope
    );
    const files = ownFiles.filter(counts);
    let found2;
    let refs2 = [];
    if (tool.runners) {
      const runners = (evidence2.traces.get(runnerId(tool.id)) ?? []).filter(
        (trace) => trace.strict && trace.role === "manifest" && counts(trace.path)
      );
      const runner = first2(runners, ctx.scope);
      if (files.length && runner) {
        found2 = `${files.length} ${tool.name.toLowerCase()} (${shown(files)}), run by the dependency at ${at8(runner)}`;
        refs2 = [{ path: files[0] }, ref10(runner)];
      } else if (files.length) {
        return undecided(
          `${files.length} ${tool.name.toLowerCase()} (${shown(files)}) but no runner declared`,
          [{ path: files[0] }]
        );
      }
    } else {
      const used = first2(
        production.filter((trace) => trace.role === "test" || trace.role === "code"),
        ctx.scope
      );
      const usedPath = used ? at8(used) : files[0];
      if (declared2 && usedPath) {
        found2 = `${tool.name}: dependency declared at ${at8(declared2)}, used at ${usedPath}`;
        refs2 = [ref10(declared2), used ? ref10(used) : { path: usedPath }];
      }
    }
    if (found2) {
      if (claim.outcome)
        return undecided(`${found2}; whether the tests pass is known only from a test run`, refs2);
      if (claim.extent) return undecided(`${found2}; how far the tests go needs a reviewer`, refs2);
      return { verdict: "pass", message: found2, evidence: refs2 };
    }
    const seen = production[0] ?? strict[0] ?? traces[0];
    const place = seen ? at8(seen) : ownFiles[0];
    const why = production.length ? declared2 ? "no test or code file uses it" : "no manifest declares it" : "only outside the project (archived or example copies)";
    return undecided(
      `${tool.name} is named at ${place}, but ${why}, so whether the tests use it is unclear`,
      [seen ? ref10(seen) : { path: place }]
    );
  },
  examples: {
    match: [
      "Testcontainers for integration tests",
      "gomock (optional)",
      "WebMock for API testing",
      "FactoryBot for test data",
      "Add contract tests (Pact)",
      "BDD/Gherkin (Reqnroll)",
      "Mock HTTP calls with MSW",
      "Capybara feature specs",
      "Chaos engineering"
    ],
    noMatch: [
      "Remove mockery in favour of gomock",
      "Pact broker deployed",
      "Compact the event log nightly",
      "Cucumber and tomato prices imported",
      "Capybara photos on the landing page",
      "Unit tests (Vitest)",
      "Testify before the audit committee about the incident and describe how the team responded to the outage in full detail"
    ],
    verdicts: [
      {
        // Chaos experiments can be run from a SaaS or a cloud console: done is not contradicted.
        files: { "go.mod": "module example.com/shop\n", "main.go": "package main\n" },
        item: "Chaos testing performed before launch",
        verdict: "unknown"
      },
      {
        files: { "go.mod": "module example.com/shop\n", "main.go": "package main\n" },
        item: "Chaos engineering",
        verdict: "fail"
      },
      {
        files: {
          Gemfile: 'group :test do\n  gem "rspec"\n  gem "webmock"\nend\n',
          "spec/spec_helper.rb": 'require "webmock/rspec"\nWebMock.disable_net_connect!\n'
        },
        item: "WebMock for API testing",
        verdict: "pass"
      },
      {
        files: {
          "go.mod": "module example.com/shop\n\nrequire github.com/stretchr/testify v1.9.0\n",
          "store/store_test.go": "package store\n\n// a mock generator such as gomock could replace these fakes\n"
        },
        item: "gomock",
        verdict: "fail"
      },
      {
        // Declared but never imported by a test: installed is not used.
        files: {
          "go.mod": "module example.com/shop\n\nrequire github.com/testcontainers/testcontainers-go v0.33.0\n",
          "store/store_test.go": "package store\n"
        },
        item: "Testcontainers for integration tests",
        verdict: "unknown"
      },
      {
        // Feature files with no declared runner may be documentation, not tests.
        files: {
          "features/checkout.feature": "Feature: Checkout\n  Scenario: pay\n    Given a cart\n",
          "package.json": '{ "devDependencies": { "jest": "^29.0.0" } }\n'
        },
        item: "BDD scenarios in Gherkin",
        verdict: "unknown"
      },
      {
        files: {
          "features/checkout.feature": "Feature: Checkout\n  Scenario: pay\n    Given a cart\n",
          "package.json": '{ "devDependencies": { "@cucumber/cucumber": "^10.0.0" } }\n'
        },
        item: "BDD scenarios in Gherkin",
        verdict: "pass"
      }
    ]
  }
};
function first2(traces, scope) {
  return traces.find((trace) => inScope(trace.path, scope)) ?? traces[0];
}
function absent4(tool, traces, scanned, manifests) {
  if (!scanned) {
    return {
      verdict: "unknown",
      message: `no code or manifest files to look for ${tool.name} in`,
      evidence: []
    };
  }
  const ordered = [...manifests].sort(
    (a, b) => Number(isNonProductionPath(a)) - Number(isNonProductionPath(b)) || a.split("/").length - b.split("/").length
  );
  const where3 = ordered.length ? `; dependencies are declared in ${ordered.slice(0, 3).join(", ")}` : "";
  const only = traces.length ? ` (only named in comments or as another module's indirect dependency: ${traces.slice(0, 2).map(at8).join(", ")})` : "";
  return {
    verdict: "fail",
    message: `no use of ${tool.name} in the ${scanned} manifest, code and configuration files${tool.files ? " and no files of its own" : ""}${only}; documentation not counted${where3}`,
    evidence: (ordered.length ? ordered.slice(0, 3) : ["."]).map((path2) => ({ path: path2 }))
  };
}
function undecided(message, evidence2) {
  return { verdict: "unknown", message, evidence: evidence2 };
}
function shown(paths) {
  return paths.length > 2 ? `${paths.slice(0, 2).join(", ")}...` : paths.join(", ");
}
function at8(trace) {
  return `${trace.path}:${trace.line}`;
}
function ref10(trace) {
  return { path: trace.path, line: trace.line };
}

// src/core/rules/tests/tests-unit.ts
var testsUnit = {
  id: "tests.unit",
  title: "Unit tests exist",
  why: "Unit tests are the first line of defence against regressions; a ticked box without any is false comfort.",
  fix: "Add unit tests next to the code (*.test.ts, *_test.go, tests/test_*.py ...) with the framework the item names.",
  recognises: 'Items that claim unit tests ("Unit tests (Vitest)", "Unit tests passing"), with the framework when named.',
  needs: [testInventory],
  match: (item) => suiteClaims(item, "unit"),
  bound: () => [{ kind: "unit", outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      "Unit tests (Vitest)",
      "Unit tests passing",
      "**Unit Tests** - Framework setup complete, need tests for:",
      "Unit and integration tests written with pytest",
      "Jest unit tests for all services"
    ],
    noMatch: [
      "Unit of work pattern applied to repositories",
      "Unit conversion tested",
      "Integration tests",
      "Penetration testing",
      "Test message sent to verify bot permissions",
      "QA Team: Unit testing completed"
    ],
    verdicts: [
      {
        files: {
          "package.json": '{ "devDependencies": { "vitest": "^3.0.0" } }\n',
          "src/sum.test.ts": 'import { expect, it } from "vitest";\nimport { sum } from "./sum";\nit("adds", () => expect(sum(1, 2)).toBe(3));\n',
          "src/sum.ts": "export const sum = (a: number, b: number) => a + b;\n"
        },
        item: "Unit tests (Vitest)",
        verdict: "pass"
      },
      {
        files: { "src/sum.ts": "export const sum = (a: number, b: number) => a + b;\n" },
        item: "Unit tests (Vitest)",
        verdict: "fail"
      }
    ]
  }
};

// src/core/rules/tests/index.ts
var testsRules = [
  testsUnit,
  testsIntegration,
  testsE2e,
  testsLoad,
  testsToolUsed,
  testsNamedUnits
];

// src/core/rules/index.ts
var RULES = [
  ...refRules,
  ...envRules,
  ...httpRules,
  ...dockerRules,
  ...composeRules,
  ...ciRules,
  ...depsRules,
  ...repoRules,
  ...testsRules,
  ...coverageRules,
  ...k8sRules,
  ...secretsRules,
  ...signalsRules,
  ...techRules,
  ...codeRules,
  ...nginxRules,
  ...paasRules,
  ...serverRules,
  ...iacRules
];
function findRule(id) {
  return RULES.find((rule) => rule.id === id);
}

export {
  createRepoView,
  EvidenceStore,
  scopeOf,
  SECRET_PATTERNS,
  redact,
  evalContext,
  RULES,
  findRule
};
//# sourceMappingURL=chunk-RN332EIL.js.map
