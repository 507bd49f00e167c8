// docs/architecture.md, "Item statuses": how an item's checks and checkbox become its status.

import type { Check, ChecklistItem, Status } from './types.js';

export function statusOf(item: ChecklistItem, checks: readonly Check[]): Status {
  if (checks.length === 0) return 'manual';
  if (checks.some((check) => check.verdict === 'fail')) return item.checked ? 'unbacked' : 'unmet';
  if (checks.every((check) => check.verdict === 'pass')) return item.checked ? 'verified' : 'satisfied';
  return 'inconclusive';
}
