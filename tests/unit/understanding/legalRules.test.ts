import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { gatherEvidence } from '../../../electron/engine/understanding/suggest';
import { defaultLegalDir, legalData, loadLegalData } from '../../../electron/engine/understanding/rules/legalData';
import type { ExtractedHeader } from '../../../electron/engine/understanding/headerExtractor';

const data = legalData();
const field = (value: string) => ({ value, confidence: 1, page: 1, spanStart: 0, spanEnd: value.length });

describe('the rules files: every rule fires on its own examples and not on its counter-examples', () => {
  for (const [version, set] of data.ruleSets) {
    const cases = set.rules.flatMap((rule) => rule.examples.map((example, i) => ({ rule: rule.id, example, i })));
    it.each(cases)(`${version} %# $rule`, ({ rule, example }) => {
      const header: ExtractedHeader = { ...(example.type ? { docType: field(example.type) } : {}), ...(example.subject ? { subject: field(example.subject) } : {}) };
      const hits = gatherEvidence([{ n: 1, text: example.body ?? '' }], header, { data, version }).signals.filter((h) => h.rule === rule);
      const outcome = hits.length === 0 ? false : hits.every((h) => h.uncertain) ? 'uncertain' : true;
      expect(outcome, JSON.stringify(example)).toBe(example.fires);
    });
  }
});

describe('legal data files are validated at load and a bad one is refused with a Vietnamese message naming it', () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'minhbach-legal-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const broken = (name: string, edit: (json: Record<string, unknown>) => void | string) => {
    const dir = mkdtempSync(path.join(temp, 'case-'));
    cpSync(defaultLegalDir(), dir, { recursive: true });
    const file = path.join(dir, name);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const raw = edit(json);
    writeFileSync(file, typeof raw === 'string' ? raw : JSON.stringify(json));
    try {
      loadLegalData(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('RULES_INVALID');
      return (e as AppError).toUser().message;
    }
    throw new Error('the broken file was accepted');
  };
  type Rules = { rules: { id: string; ground: string; examples: unknown[]; anyOf?: { fuzzy?: boolean; phrases: string[] }[] }[] };

  it('the shipped files load: both law versions, 2026 inheriting every 2016 rule', () => {
    const fresh = loadLegalData();
    expect([...fresh.ruleSets.keys()]).toEqual(['2016', '2026']);
    expect(fresh.ruleSets.get('2026')!.rules.map((r) => r.id)).toEqual(fresh.ruleSets.get('2016')!.rules.map((r) => r.id));
    expect(fresh.ruleSets.get('2026')!.verified).toBe(false);
  });

  it('a rule naming a ground the registry does not have', () => {
    const msg = broken('rules-2016.json', (j) => void ((j as unknown as Rules).rules[0]!.ground = 'khong-co'));
    expect(msg).toContain('rules-2016.json');
    expect(msg).toContain('secret.stamp');
    expect(msg).toContain('căn cứ "khong-co" không có trong danh mục căn cứ');
  });

  it('a tolerant phrase too short to match safely', () => {
    const msg = broken('rules-2016.json', (j) => void (j as unknown as Rules).rules.find((r) => r.id === 'secret.work-secret')!.anyOf![0]!.phrases.push('mật'));
    expect(msg).toContain('cụm từ "mật" quá ngắn để so khớp gần đúng');
  });

  it('a rule without a counter-example, and a field of the wrong type (zod in Vietnamese)', () => {
    expect(broken('rules-2016.json', (j) => void ((j as unknown as Rules).rules[3]!.examples = [{ body: 'x', fires: true }]))).toContain('cần ít nhất một ví dụ');
    expect(broken('personal-data.json', (j) => void ((j as { kinds: { weight: unknown }[] }).kinds[0]!.weight = 'nặng'))).toMatch(/personal-data\.json.*kinds › 0 › weight: .*mong đợi số/);
  });

  it('a file that is not JSON, and a version without its rules file', () => {
    expect(broken('markings.json', () => '{ "secrecy": [')).toContain('Tệp markings.json: không đọc được JSON');
    expect(broken('rules-2026.json', (j) => void (j.inherits = '2026'))).toContain('kế thừa vòng tròn');
  });
});

describe('the vocabulary is data', () => {
  it('no TypeScript file under electron/engine/understanding holds a list of three or more words or phrases', () => {
    const root = path.join(import.meta.dirname, '../../../electron/engine/understanding');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(root);
    const lists: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\[([^[\]]*)\]/g)) {
        // A word or phrase: a quoted string with a Vietnamese letter or two words.
        const phrases = [...m[1]!.matchAll(/'([^'\n]*)'/g)].map((x) => x[1]!).filter((t) => /[^\p{ASCII}]/u.test(t) || /^[a-z]+ [a-z]+/i.test(t));
        if (phrases.length >= 3) lists.push(`${path.relative(root, file)}: ${phrases.slice(0, 3).join(', ')}…`);
      }
    }
    expect(files.length).toBeGreaterThan(10);
    expect(lists).toEqual([]);
  });
});
