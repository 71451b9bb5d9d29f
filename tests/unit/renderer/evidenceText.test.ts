import { describe, expect, it } from 'vitest';
import { evidenceRuns, evidenceGroup } from '../../../renderer/src/screens/Review/evidenceText';

describe('evidenceRuns', () => {
  it('splits text into plain and evidence runs that join back to the text', () => {
    const text = 'Số: 35/UBND-NC\nMẬT\nV/v bảo vệ';
    const runs = evidenceRuns(text, [{ start: 15, end: 18, index: 0 }]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.findings.length).map((r) => r.text)).toEqual(['MẬT']);
  });

  it('merges overlapping findings, clamps spans to the text and ignores empty ones', () => {
    const text = 'Ông Nguyễn Văn A, CCCD 012345678901';
    const runs = evidenceRuns(text, [
      { start: 23, end: 99, index: 2 },
      { start: 4, end: 16, index: 0 },
      { start: 10, end: 20, index: 1 },
      { start: 5, end: 5, index: 3 },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.findings.length).map((r) => [r.text, r.findings])).toEqual([
      ['Nguyễn Văn A, CC', [0, 1]],
      ['012345678901', [2]],
    ]);
  });

  it('groups kinds', () => {
    expect(evidenceGroup('stamp:secret')).toBe('stamp');
    expect(evidenceGroup('personal:cccd')).toBe('personal');
    expect(evidenceGroup('signal:internal-or-harmful')).toBe('signal');
  });
});
