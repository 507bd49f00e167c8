// What a project's file is to it when scanning for the names of what it uses: a manifest that
// declares dependencies, application code, tests, or configuration around the code. Shared by the
// collectors that look for named components, test tools and meshes, so they scan the same files.

import { VENDORED_OR_GENERATED } from './folders.js';
import { isTestPath } from './source-files.js';

/**
 * What a file is to the project: where a dependency is declared, application code that uses it,
 * tests, or configuration around the code (CI, compose, env samples), which names it without
 * showing the application talks to it.
 */
export type TraceRole = 'manifest' | 'code' | 'test' | 'config';

/** Documents describe; they do not integrate. Lockfiles list other packages' dependencies. */
const NOT_SCANNED =
  /\.(md|markdown|mdx|rst|adoc|txt|pdf|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|eot|csv|docx?|pptx?|xlsx?|out|log|prof|map|lock|sum)$|\.min\.js$|(^|\/)(package-lock\.json|pnpm-lock\.yaml|npm-shrinkwrap\.json|LICEN[CS]E[^/]*|CHANGELOG[^/]*)$/i;
const REQUIREMENTS = /(^|\/)requirements[\w.-]*\.(txt|in)$/i;
const MANIFEST =
  /(^|\/)(package\.json|go\.mod|pyproject\.toml|Pipfile|setup\.(py|cfg)|pom\.xml|build\.gradle(\.kts)?|libs\.versions\.toml|Gemfile|[\w.-]+\.gemspec|mix\.exs|Cargo\.toml|composer\.json|[\w.-]+\.csproj|packages\.config)$/;
const SOURCE_CODE =
  /\.(?:[cm]?[jt]sx?|py|go|rb|ex|exs|java|kt|kts|scala|groovy|cs|fs|php|rs|swift|dart|vue|svelte|erl|clj)$/i;
const SPRING_CONFIG = /(^|\/)application[\w-]*\.(?:ya?ml|properties)$/i;
/** CI definitions of any system: they run checks on the project and implement none of its behaviour. */
const CI_DEFINITION =
  /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)\.circleci\/config\.ya?ml$|(^|\/)azure-pipelines[^/]*\.ya?ml$|(^|\/)Jenkinsfile$|(^|\/)bitbucket-pipelines\.ya?ml$|(^|\/)\.travis\.ya?ml$|(^|\/)\.buildkite\//;

export function isCiDefinition(path: string): boolean {
  return CI_DEFINITION.test(path);
}

/** Source code in any language the scans read (not the Spring configuration `roleOf` counts as code). */
export function isSourceFile(path: string): boolean {
  return SOURCE_CODE.test(path);
}

export function isScannedForTechnologies(path: string): boolean {
  return REQUIREMENTS.test(path) || !(NOT_SCANNED.test(path) || VENDORED_OR_GENERATED.test(path));
}

export function roleOf(path: string): TraceRole {
  if (MANIFEST.test(path) || REQUIREMENTS.test(path)) return 'manifest';
  if (isTestPath(path)) return 'test';
  return (SOURCE_CODE.test(path) || SPRING_CONFIG.test(path)) && !/(^|\/)\.github\//.test(path)
    ? 'code'
    : 'config';
}
