// Where the project's documents point at a Helm chart kept outside the repository: a link to a
// chart repository or an install command naming a repository's chart. A repository without a
// Chart.yaml whose README says "use the chart at <url>" is not missing its chart.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';

export interface ChartReference {
  path: string;
  line: number;
  excerpt: string;
}

const MARKDOWN = /\.(?:md|mdx|markdown|rst|adoc)$/i;
/** Checklists themselves name `helm rollback` and charts as work to do, not where a chart lives. */
const CHECKLIST_NAME = /checklist|readiness|launch|todo|roadmap/i;
const EXTERNAL_CHART =
  /https?:\/\/\S*(?:charts?\b|artifacthub\.io\/packages\/helm)\S*|\bhelm\s+(?:install|upgrade(?:\s+--install)?)\s+(?:--?[\w-]+(?:[ =]\S+)?\s+)*[\w.-]+\s+(?!\.{0,2}\/)[\w.-]+\/[\w.-]+|\bhelm\s+repo\s+add\s+\S+\s+https?:\/\//i;
/** Documents read; the README and a few guides say where a chart lives. */
const MAX_DOCS = 60;

export function chartReferencesIn(text: string): { line: number; excerpt: string } | null {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (EXTERNAL_CHART.test(line)) return { line: index + 1, excerpt: line.trim().slice(0, 160) };
  }
  return null;
}

export const chartReferencesCollector: Collector<ChartReference[]> = {
  id: 'chart-references',
  async collect(repo: RepoView): Promise<ChartReference[]> {
    const docs = repo.files
      .filter(
        (path) =>
          MARKDOWN.test(path) &&
          !VENDORED_OR_GENERATED.test(path) &&
          !CHECKLIST_NAME.test(path.slice(path.lastIndexOf('/') + 1)),
      )
      .sort((a, b) => a.split('/').length - b.split('/').length)
      .slice(0, MAX_DOCS);
    const found = await repo.perFiles('chart-references', docs, chartReferencesIn);
    const references: ChartReference[] = [];
    found.forEach((reference, index) => {
      if (reference) references.push({ path: docs[index] as string, ...reference });
    });
    return references;
  },
};
