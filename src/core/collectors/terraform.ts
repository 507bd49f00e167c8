// Terraform configuration read line by line: every block (`resource "aws_db_instance" "main"`,
// `variable "region"`, `terraform { backend "s3" ... }`) and every `key = value` attribute with
// the chain of blocks it sits in and its line. Values stay as written; a value spread over several
// lines (a list, a heredoc, an object) is recorded by its first line. Comments are not read.

import type { Collector, RepoView } from '../evidence.js';
import { inFolders, VENDORED_OR_GENERATED } from '../formats/folders.js';

export interface TerraformBlock {
  /** `resource`, `variable`, `backend`, `versioning`... */
  type: string;
  labels: string[];
  line: number;
  /** Types (with first label) of the enclosing blocks, outermost first: `resource.aws_s3_bucket`. */
  within: string[];
}

export interface TerraformAttribute {
  key: string;
  /** As written, without surrounding quotes for plain strings. */
  value: string;
  line: number;
  /** The enclosing blocks, outermost first, as `type` or `type.label`. */
  within: string[];
}

export interface TerraformFile {
  path: string;
  blocks: TerraformBlock[];
  attributes: TerraformAttribute[];
}

export interface TerraformEvidence {
  files: TerraformFile[];
}

/** Downloaded modules and provider caches are not the project's configuration. */
const NOT_OURS = inFolders(['.terraform', '.terragrunt-cache']);

export const terraformCollector: Collector<TerraformEvidence> = {
  id: 'terraform',
  async collect(repo: RepoView): Promise<TerraformEvidence> {
    const paths = repo.files.filter(
      (path) => /\.tf(?:vars)?$/.test(path) && !VENDORED_OR_GENERATED.test(path) && !NOT_OURS.test(path),
    );
    const parsed = await repo.perFiles('terraform', paths, (text, index) =>
      parseTerraform(paths[index] as string, text),
    );
    return { files: parsed.filter((file): file is TerraformFile => file !== null) };
  },
};

const MAX_LINES = 50_000;

export function parseTerraform(path: string, text: string): TerraformFile {
  const file: TerraformFile = { path, blocks: [], attributes: [] };
  const stack: string[] = [];
  let heredoc: string | null = null;
  let depth = 0;
  const lines = text.split(/\r\n|\r|\n/).slice(0, MAX_LINES);
  lines.forEach((raw, index) => {
    if (heredoc) {
      if (raw.trim() === heredoc) heredoc = null;
      return;
    }
    const line = stripComment(raw).trim();
    if (!line) return;
    // Inside a multi-line list or call: only count brackets until it closes.
    if (depth > 0) {
      depth += balance(line);
      return;
    }
    if (line === '}' || line.startsWith('}')) {
      stack.pop();
      return;
    }
    const block = /^([A-Za-z_][\w-]*)((?:\s+"[^"]*"|\s+[A-Za-z_][\w-]*)*)\s*\{\s*(\}?)\s*$/.exec(line);
    if (block && !line.includes('=')) {
      const type = block[1] as string;
      const labels = [...(block[2] ?? '').matchAll(/"([^"]*)"|([A-Za-z_][\w-]*)/g)].map(
        (m) => (m[1] ?? m[2]) as string,
      );
      file.blocks.push({ type, labels, line: index + 1, within: [...stack] });
      if (!block[3]) stack.push(labels[0] ? `${type}.${labels[0]}` : type);
      return;
    }
    const attribute = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (!attribute) return;
    const key = attribute[1] as string;
    const value = (attribute[2] as string).trim();
    const heredocStart = /^<<-?\s*([A-Z_]+)\s*$/.exec(value);
    if (heredocStart) heredoc = heredocStart[1] as string;
    file.attributes.push({ key, value: unquote(value), line: index + 1, within: [...stack] });
    // `tags = {` opens an object: its keys are attributes of a block named after it.
    if (value === '{') {
      stack.push(key);
      return;
    }
    const open = balance(value);
    if (open > 0) depth = open;
  });
  return file;
}

function balance(text: string): number {
  let depth = 0;
  let quote = false;
  for (const char of text) {
    if (char === '"') quote = !quote;
    else if (!quote && (char === '[' || char === '(' || char === '{')) depth++;
    else if (!quote && (char === ']' || char === ')' || char === '}')) depth--;
  }
  return depth;
}

function unquote(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  return quoted ? (quoted[1] as string) : value;
}

/** Drops `#` and `//` comments outside strings. */
function stripComment(line: string): string {
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (char === '"' && line.charAt(i - 1) !== '\\') quote = !quote;
    else if (!quote && (char === '#' || (char === '/' && line.charAt(i + 1) === '/')))
      return line.slice(0, i);
  }
  return line;
}
