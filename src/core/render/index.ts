// Every output format, for the CLI, the Action and the App.

export {
  type CheckRunAnnotation,
  type CheckRunOptions,
  type CheckRunOutput,
  renderCheckRun,
} from './check-run.js';
export { renderJson } from './json.js';
export { COMMENT_MAX_LENGTH, type MarkdownOptions, renderMarkdown } from './markdown.js';
export { renderSarif, type SarifLog, type SarifOptions } from './sarif.js';
export { renderText, type TextOptions } from './text.js';
