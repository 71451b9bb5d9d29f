// Which legal version a decision may be published under (exportPlan.versionIsCurrent): the law
// in force on the decision's day keeps its documents in the catalogue after the law changes.
import { afterEach, describe, expect, it } from 'vitest';
import { versionIsCurrent } from '../../../electron/engine/catalogue/exportPlan';
import { legalRegistry } from '../../../electron/engine/understanding/legalRegistry';

const saved = process.env.MINHBACH_TODAY;
afterEach(() => {
  if (saved === undefined) delete process.env.MINHBACH_TODAY;
  else process.env.MINHBACH_TODAY = saved;
});

describe('versionIsCurrent', () => {
  const registry = legalRegistry();
  const [old, current] = ['2016', '2026'];

  it('keeps a 2016-law decision made before 1 Sept 2026 publishable after the new law took over', () => {
    process.env.MINHBACH_TODAY = '2026-12-01';
    expect(registry.versionOn('2026-12-01')).toBe(current);
    expect(versionIsCurrent(registry, old, '2026-12-01', '2026-05-10T03:00:00.000Z')).toBe(true);
  });

  it('holds back a decision made under the 2016 law after the new law took effect', () => {
    process.env.MINHBACH_TODAY = '2026-12-01';
    expect(versionIsCurrent(registry, old, '2026-12-01', '2026-11-20T03:00:00.000Z')).toBe(false);
  });

  it('accepts the version in force today and refuses one that does not exist', () => {
    process.env.MINHBACH_TODAY = '2026-12-01';
    expect(versionIsCurrent(registry, current, '2026-12-01', '2026-11-20T03:00:00.000Z')).toBe(true);
    expect(versionIsCurrent(registry, '1999', '2026-12-01', '2026-11-20T03:00:00.000Z')).toBe(false);
  });
});
