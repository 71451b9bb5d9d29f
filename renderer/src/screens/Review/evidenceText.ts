/** Splits a page's text into plain runs and evidence runs (findings' [start, end) offsets), so the
 *  text is rendered as React text with the evidence in <mark> — never as HTML. Overlapping
 *  findings merge into one run that lists every finding it covers. */
export interface EvidenceSpan {
  start: number;
  end: number;
  /** Index of the finding in the caller's list. */
  index: number;
}

export interface TextRun {
  text: string;
  start: number;
  /** Indexes of the findings this run belongs to; empty for plain text. */
  findings: number[];
}

export function evidenceRuns(text: string, spans: readonly EvidenceSpan[]): TextRun[] {
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const runs: TextRun[] = [];
  let cursor = 0;
  let i = 0;
  while (i < valid.length) {
    const first = valid[i]!;
    let end = first.end;
    const findings = [first.index];
    i += 1;
    while (i < valid.length && valid[i]!.start < end) {
      end = Math.max(end, valid[i]!.end);
      findings.push(valid[i]!.index);
      i += 1;
    }
    const start = Math.max(first.start, cursor);
    if (start > cursor) runs.push({ text: text.slice(cursor, start), start: cursor, findings: [] });
    if (end > start) runs.push({ text: text.slice(start, end), start, findings });
    cursor = Math.max(cursor, end);
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), start: cursor, findings: [] });
  return runs;
}

/** The evidence group of a finding kind: stamps, personal data or other signals. */
export function evidenceGroup(kind: string): 'stamp' | 'personal' | 'signal' {
  if (kind.startsWith('stamp:')) return 'stamp';
  if (kind.startsWith('personal:')) return 'personal';
  return 'signal';
}
