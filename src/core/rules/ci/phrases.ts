// Phrasing shared by the ci rules: what makes an item speak about continuous integration
// rather than about work done once by a person.

/** The item places the work in CI: "in CI", "CI/CD", "pipeline", "workflow", "on every PR". */
export const CI_CONTEXT =
  /\b(ci|ci\/cd|continuous integration|pipelines?|workflows?|github actions?|pull requests?|prs?|merge requests?|on every (push|commit|merge|change))\b/i;

/** The item reports an outcome or a one-off act, which no file in the repository records. */
export const ONE_OFF =
  /\b(completed?|performed|done|passe[sd]|passing|green|clean|reviewed|resolved|fixed|addressed|verified|signed[- ]off|no (critical|high|known))\b/i;

export const PULL_REQUEST_WORDS = /\b(pull requests?|prs?|merge requests?)\b/i;
