import { describe, expect, it } from 'vitest';
import { checkChange } from '../../src/core/check-change.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { MemoryRepo } from '../support/memory-repo.js';

const CHECKLIST = '# Readiness\n\n- [x] `Dockerfile` present\n';

describe('checkChange', () => {
  it('compares the head with the base and names the base by its revision', async () => {
    const base = new MemoryRepo({ 'READINESS.md': CHECKLIST, Dockerfile: 'FROM node:20\n' }, 'base-sha');
    const head = new MemoryRepo({ 'READINESS.md': CHECKLIST }, 'head-sha');
    const outcome = await checkChange({
      head,
      base,
      config: DEFAULT_CONFIG,
      mode: 'pr',
      notes: ['Configuration: from the base.'],
    });
    if (outcome.kind !== 'report') throw new Error(`expected a report, got ${outcome.kind}`);
    expect(outcome.report.diff?.base).toBe('base-sha');
    expect(outcome.report.diff?.regressed).toHaveLength(1);
    expect(outcome.report.gate.passed).toBe(false);
    expect(outcome.report.notes[0]).toBe('Configuration: from the base.');
  });

  it('reads no base when the head has no checklist', async () => {
    let opened = false;
    const outcome = await checkChange({
      head: new MemoryRepo({ 'README.md': '# App\n' }),
      base: async () => {
        opened = true;
        return new MemoryRepo({});
      },
      config: DEFAULT_CONFIG,
      mode: 'pr',
    });
    expect(outcome.kind).toBe('no-checklist');
    expect(opened).toBe(false);
  });

  it('builds the base reader only after the head is evaluated', async () => {
    const order: string[] = [];
    const head = new MemoryRepo({ 'READINESS.md': CHECKLIST });
    const listHead = head.listFiles.bind(head);
    head.listFiles = async () => {
      order.push('head listed');
      return listHead();
    };
    await checkChange({
      head,
      base: async () => {
        order.push('base opened');
        return new MemoryRepo({ 'READINESS.md': CHECKLIST }, 'b');
      },
      config: DEFAULT_CONFIG,
      mode: 'pr',
    });
    expect(order).toEqual(['head listed', 'base opened']);
  });
});
