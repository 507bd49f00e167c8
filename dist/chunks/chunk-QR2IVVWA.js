import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "readiness",
  version: "0.1.0",
  description: "Make production-readiness checklists tell the truth: verify every item against repository evidence.",
  license: "MIT",
  repository: {
    type: "git",
    url: "git+https://github.com/readiness/readiness.git"
  },
  homepage: "https://github.com/readiness/readiness#readme",
  bugs: {
    url: "https://github.com/readiness/readiness/issues"
  },
  type: "module",
  bin: {
    readiness: "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  files: [
    "dist",
    "templates",
    "schema"
  ],
  scripts: {
    test: "node scripts/test.mjs",
    typecheck: "tsc --noEmit",
    lint: "biome check .",
    format: "biome format --write .",
    build: "node scripts/build.mjs",
    example: "node scripts/example.mjs",
    schema: "tsx scripts/gen-schema.ts",
    docs: "tsx scripts/gen-rules-doc.ts",
    eval: "tsx scripts/eval.ts",
    bench: "node scripts/bench/run.mjs",
    "test:hostile": "node scripts/hostile.mjs",
    "test:scale": "tsx scripts/scale/load-test.ts",
    "check-dist": "node scripts/check-dist.mjs",
    "demo:action": "tsx scripts/demo-action.ts",
    app: "tsx src/app/main.ts",
    "eval:real-world": "tsx scripts/eval-real-world.ts"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@octokit/rest": "^22.0.1",
    "@probot/get-private-key": "^2.1.1",
    "@probot/pino": "^5.0.1",
    bottleneck: "^2.19.5",
    picomatch: "^4.0.7",
    pino: "^10.4.0",
    probot: "^14.3.2",
    "remark-gfm": "^4.0.1",
    "remark-parse": "^11.0.0",
    unified: "^11.0.5",
    yaml: "^2.9.1",
    zod: "^4.6.7"
  },
  devDependencies: {
    "@biomejs/biome": "2.5.0",
    "@octokit/openapi": "^23.0.2",
    "@octokit/webhooks-examples": "^7.6.1",
    "@octokit/webhooks-methods": "^6.0.0",
    "@types/mdast": "^4.0.4",
    "@types/node": "^20.19.43",
    "@types/picomatch": "^4.0.3",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    esbuild: "^0.28.2",
    "fast-check": "^4.10.2",
    tsx: "^4.23.15",
    typescript: "^5.9.3",
    vitest: "^4.1.12"
  }
};

export {
  package_default
};
//# sourceMappingURL=chunk-QR2IVVWA.js.map
