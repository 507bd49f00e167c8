// Development tools a repository configures with a file of its own: linters, formatters, type
// checkers, git hooks, coverage and quality services. The file is the configuration; a tool
// named nowhere in the manifests, CI, build scripts or hooks is not set up for this project.

export interface DevTool {
  id: string;
  /** Name shown in messages. */
  name: string;
  /** Its configuration files as a reader would look for them, for messages. */
  shown: string;
  /** How an item names it. */
  mention: RegExp;
  /** Its configuration files. */
  files: RegExp;
  /** Configuration inside a shared file: [which files, the section or key that configures it]. */
  sections?: [RegExp, RegExp][];
  /** Where a file names it at all (dependency, CI step, hook, script). */
  trace: RegExp;
  /**
   * A service that CI sets up (Codecov, SonarCloud): a workflow step that uses it is its
   * configuration, a config file being optional.
   */
  configuredByCi?: boolean;
}

const PYPROJECT = /(^|\/)pyproject\.toml$/;
const SETUP_CFG = /(^|\/)(setup\.cfg|tox\.ini)$/;
const PACKAGE_JSON = /(^|\/)package\.json$/;
const JVM_BUILD = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;

export const DEV_TOOLS: readonly DevTool[] = [
  {
    id: 'golangci-lint',
    shown: '.golangci.yml',
    name: 'golangci-lint',
    mention: /\bgolangci(?:-lint)?\b/i,
    files: /(^|\/)\.golangci\.(ya?ml|toml|json)$/,
    trace: /golangci/i,
  },
  {
    id: 'eslint',
    shown: 'eslint.config.js, .eslintrc*',
    name: 'ESLint',
    mention: /\bESLint\b/i,
    files: /(^|\/)(\.eslintrc(\.(c?js|mjs|json|ya?ml))?|eslint\.config\.[cm]?[jt]s)$/,
    sections: [[PACKAGE_JSON, /"eslintConfig"\s*:/]],
    trace: /eslint/i,
  },
  {
    id: 'prettier',
    shown: '.prettierrc*, prettier.config.js',
    name: 'Prettier',
    mention: /\bPrettier\b/i,
    files: /(^|\/)(\.prettierrc(\.(c?js|mjs|json5?|ya?ml|toml))?|prettier\.config\.[cm]?[jt]s)$/,
    sections: [[PACKAGE_JSON, /"prettier"\s*:\s*["{]/]],
    trace: /prettier/i,
  },
  {
    id: 'biome',
    shown: 'biome.json',
    name: 'Biome',
    mention: /\bBiome(?:JS)?\b/,
    files: /(^|\/)biome\.jsonc?$/,
    trace: /@biomejs|\bbiome\b/i,
  },
  {
    id: 'stylelint',
    shown: '.stylelintrc*, stylelint.config.js',
    name: 'Stylelint',
    mention: /\bStylelint\b/i,
    files: /(^|\/)(\.stylelintrc(\.[\w]+)?|stylelint\.config\.[cm]?[jt]s)$/,
    sections: [[PACKAGE_JSON, /"stylelint"\s*:\s*\{/]],
    trace: /stylelint/i,
  },
  {
    id: 'rubocop',
    shown: '.rubocop.yml',
    name: 'RuboCop',
    mention: /\bRuboCop\b/i,
    files: /(^|\/)\.rubocop(_todo)?\.ya?ml$/,
    trace: /rubocop/i,
  },
  {
    id: 'ruff',
    shown: 'ruff.toml, [tool.ruff]',
    name: 'Ruff',
    mention: /\bRuff\b/,
    files: /(^|\/)\.?ruff\.toml$/,
    sections: [[PYPROJECT, /^\s*\[tool\.ruff\b/m]],
    trace: /\bruff\b/i,
  },
  {
    id: 'mypy',
    shown: 'mypy.ini, [tool.mypy], [mypy]',
    name: 'mypy',
    mention: /\bmypy\b/i,
    files: /(^|\/)\.?mypy\.ini$/,
    sections: [
      [PYPROJECT, /^\s*\[tool\.mypy\b/m],
      [SETUP_CFG, /^\s*\[mypy\b/m],
    ],
    trace: /mypy/i,
  },
  {
    id: 'flake8',
    shown: '.flake8, [flake8]',
    name: 'Flake8',
    mention: /\bflake8\b/i,
    files: /(^|\/)\.flake8$/,
    sections: [[SETUP_CFG, /^\s*\[flake8\]/m]],
    trace: /flake8/i,
  },
  {
    id: 'pylint',
    shown: '.pylintrc, [tool.pylint]',
    name: 'Pylint',
    mention: /\bPylint\b/i,
    files: /(^|\/)\.?pylintrc$/,
    sections: [
      [PYPROJECT, /^\s*\[tool\.pylint\b/m],
      [SETUP_CFG, /^\s*\[pylint\b/m],
    ],
    trace: /pylint/i,
  },
  {
    id: 'pre-commit',
    shown: '.pre-commit-config.yaml, .husky/pre-commit, lefthook.yml, .githooks/pre-commit',
    name: 'pre-commit hooks',
    mention: /\bpre-?commit(?:\s+hooks?)?\b|\bgit hooks\b/i,
    files:
      /(^|\/)(\.pre-commit-config\.ya?ml|\.husky\/pre-commit|\.?lefthook\.ya?ml|\.githooks\/pre-commit|\.git-hooks\/pre-commit)$/,
    sections: [[PACKAGE_JSON, /"(simple-git-hooks|pre-commit)"\s*:\s*[{"]|"hooks"\s*:\s*\{\s*"pre-commit"/]],
    trace: /pre-commit|husky|lefthook|simple-git-hooks|overcommit|githooks/i,
  },
  {
    id: 'husky',
    shown: '.husky/',
    name: 'Husky',
    mention: /\bHusky\b/i,
    files: /(^|\/)\.husky\/[^/_][^/]*$/,
    sections: [[PACKAGE_JSON, /"husky"\s*:\s*\{/]],
    trace: /husky/i,
  },
  {
    id: 'commitlint',
    shown: 'commitlint.config.js, .commitlintrc*',
    name: 'commitlint',
    mention: /\bcommitlint\b/i,
    files: /(^|\/)(commitlint\.config\.[cm]?[jt]s|\.commitlintrc(\.[\w]+)?)$/,
    sections: [[PACKAGE_JSON, /"commitlint"\s*:\s*\{/]],
    trace: /commitlint/i,
  },
  {
    id: 'editorconfig',
    shown: '.editorconfig',
    name: 'EditorConfig',
    mention: /\bEditorConfig\b|\.editorconfig\b/i,
    files: /(^|\/)\.editorconfig$/,
    trace: /editorconfig/i,
  },
  {
    id: 'hadolint',
    shown: '.hadolint.yaml',
    name: 'hadolint',
    mention: /\bhadolint\b/i,
    files: /(^|\/)\.?hadolint\.ya?ml$/,
    trace: /hadolint/i,
  },
  {
    id: 'checkstyle',
    shown: 'checkstyle*.xml, the Checkstyle plugin',
    name: 'Checkstyle',
    mention: /\bCheckstyle\b/i,
    files: /(^|\/)checkstyle[\w-]*\.xml$/,
    sections: [[JVM_BUILD, /checkstyle/i]],
    trace: /checkstyle/i,
  },
  {
    id: 'spotbugs',
    shown: 'spotbugs*.xml, the SpotBugs plugin',
    name: 'SpotBugs',
    mention: /\bSpotBugs\b/i,
    files: /(^|\/)spotbugs[\w-]*\.xml$/,
    sections: [[JVM_BUILD, /spotbugs/i]],
    trace: /spotbugs/i,
  },
  {
    id: 'codecov',
    shown: 'codecov.yml, a CI step',
    name: 'Codecov',
    mention: /\bCodecov\b/i,
    files: /(^|\/)\.?codecov\.ya?ml$/,
    trace: /codecov/i,
    configuredByCi: true,
  },
  {
    id: 'sonar',
    shown: 'sonar-project.properties, a CI step',
    name: 'SonarQube/SonarCloud',
    mention: /\bSonar(?:Qube|Cloud)\b/i,
    files: /(^|\/)sonar-project\.properties$/,
    sections: [[JVM_BUILD, /sonar/i]],
    trace: /sonar/i,
    configuredByCi: true,
  },
];
