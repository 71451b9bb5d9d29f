/**
 * The request register on a real archive (real SQLite, real import, real catalogue export):
 * deadlines across Tết, the consent rule, answers with the published files, notices, yearly
 * statistics, and requester/consent data kept out of the site, the logs and the audit payloads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import { fixture, tempDir } from '../../helpers/fixtures';
import { findLeaks, scanBytes } from '../catalogue/outputScanner';

const REQUESTER = 'Phạm Thị Yêu Cầu';
const CONTACT = 'so 12 ngo Quyen Rieng, 0912 345 678';
const CONSENTER = 'Đỗ Văn Đồng Ý';
const SCOPE = 'Đồng ý cung cấp danh sách cho người yêu cầu số 1';

let tmp: ReturnType<typeof tempDir>;
let engine: Engine;
let pub = 0;
let cond = 0;
let secret = 0;

beforeAll(async () => {
  tmp = tempDir('minhbach-requests-');
  engine = await createEngine({ dataDir: path.join(tmp.dir, 'data'), workers: 1, actor: 'Văn thư' });
  const results = await engine.importPaths(
    ['d01', 'd15', 'd23'].map((d) => fixture('corpus', d, 'born-digital.pdf')),
  );
  [pub, cond, secret] = results.map((r) => r.id!) as [number, number, number];
  engine.decide({ documentId: pub, access: 'public', basis: 'L104.D17.K1.a', reviewer: 'Lê Duyệt' });
  engine.decide({ documentId: cond, access: 'conditional', basis: 'L104.D7.K2', reviewer: 'Lê Duyệt' });
  engine.decide({ documentId: secret, access: 'secret', basis: 'L104.D6.K1', reviewer: 'Lê Duyệt' });
  engine.updateAgencySettings({
    name: 'Ủy ban nhân dân xã Thử Nghiệm',
    address: 'Xã Thử Nghiệm, Hà Nội',
    focalName: 'Trần Đầu Mối',
    focalPosition: 'Chủ tịch',
  });
}, 120_000);

afterAll(async () => {
  await engine?.close();
  tmp?.cleanup();
});

describe('request register', () => {
  it('registers a request received the day before Tết 2026 with its due date after the Tết break (post: 5 working days)', () => {
    const r = engine.requests.add({
      receivedDate: '2026-02-12',
      channel: 'post',
      requesterName: REQUESTER,
      requesterContact: CONTACT,
      subject: 'Danh sách hộ được trợ cấp',
      documentIds: [pub],
    });
    expect(r).toMatchObject({
      id: 1,
      status: 'received',
      dueDate: '2026-02-26',
      lawVersion: '2016',
      documents: [{ id: pub, provided: false }],
    });
    expect(r.limitCitation).toContain('Điều 31');
  });

  it('takes the limits from the law version in force on the received date (email, 2026-09-01 → 2026 version)', () => {
    const r = engine.requests.add({
      receivedDate: '2026-09-01',
      channel: 'email',
      requesterName: REQUESTER,
      subject: 'Kế hoạch năm',
    });
    expect(r.lawVersion).toBe('2026');
    // 3 working days after Tuesday 01/09 (2/9 Quốc khánh and 1/9 by the rules: 01/09 is itself a holiday).
    expect(r.dueDate).toBe(engine.requests.addWorkingDays('2026-09-01', 3));
  });

  it('refuses to provide a conditional document without a consent, naming the document and the reason', () => {
    expect(() =>
      engine.requests.answer(
        { id: 1, outcome: 'provided', documentIds: [pub, cond], answeredDate: '2026-02-20' },
        'Lê Duyệt',
      ),
    ).toThrow(expect.objectContaining({ code: 'CONSENT_REQUIRED' }));
    const p = engine.requests.providability(cond, '2026-02-20');
    expect(p.providable).toBe(false);
    expect(p.reason).toContain(`(#${cond})`);
    expect(p.reason).toContain('Chưa có văn bản đồng ý');
    // Nothing was half-written: the request is still open and nothing is marked provided.
    expect(engine.requests.get(1)).toMatchObject({
      status: 'received',
      documents: [{ id: pub, provided: false }],
    });
  });

  it('never provides a secret document, consent or not', async () => {
    await engine.requests.addConsent({
      documentIds: [secret],
      personName: CONSENTER,
      personKind: 'person',
      scope: SCOPE,
      givenDate: '2026-01-01',
      validUntil: null,
    });
    const p = engine.requests.providability(secret, '2026-02-20');
    expect(p).toMatchObject({ providable: false, code: 'NOT_PROVIDABLE' });
    expect(p.reason).toContain('không được tiếp cận');
  });

  it('accepts a consent valid on the day of provision, and not one expired, revoked or not yet given', async () => {
    const scan = fixture('corpus', 'd01', 'born-digital.pdf');
    const expired = await engine.requests.addConsent({
      documentIds: [cond],
      personName: CONSENTER,
      personKind: 'person',
      scope: SCOPE,
      givenDate: '2026-01-01',
      validUntil: '2026-02-10',
    });
    expect(engine.requests.providability(cond, '2026-02-20').reason).toContain(
      `số ${expired.id} đã hết hiệu lực ngày 10/02/2026`,
    );
    const later = await engine.requests.addConsent({
      documentIds: [cond],
      personName: CONSENTER,
      personKind: 'person',
      scope: SCOPE,
      givenDate: '2026-03-01',
      validUntil: null,
    });
    expect(engine.requests.providability(cond, '2026-02-20').providable).toBe(false);
    expect(engine.requests.providability(cond, '2026-03-02')).toMatchObject({
      providable: true,
      consentId: later.id,
    });
    engine.requests.revokeConsent(later.id, '2026-03-05');
    expect(engine.requests.providability(cond, '2026-03-06').reason).toContain('rút lại');
    const good = await engine.requests.addConsent({
      documentIds: [cond],
      personName: CONSENTER,
      personKind: 'person',
      scope: SCOPE,
      givenDate: '2026-02-01',
      validUntil: '2026-12-31',
      scanFile: scan,
      scanName: 'dong-y.pdf',
    });
    expect(good).toMatchObject({ hasScan: true, documents: [{ id: cond }] });
    expect(engine.requests.providability(cond, '2026-02-20')).toMatchObject({
      providable: true,
      consentId: good.id,
    });
  });

  it('answers with the documents, on time, and provides the published PDF (not the stored original)', async () => {
    const r = engine.requests.answer(
      {
        id: 1,
        outcome: 'provided',
        documentIds: [pub, cond],
        answeredDate: '2026-02-25',
        fees: [{ kind: 'copy', amount: 4000 }],
      },
      'Lê Duyệt',
    );
    expect(r).toMatchObject({ status: 'answered', answeredDate: '2026-02-25', dueState: 'closed' });
    expect(r.documents.map((d) => [d.id, d.provided]).sort()).toEqual(
      [
        [pub, true],
        [cond, true],
      ].sort(),
    );
    const file = await engine.requests.providedFile(1, cond);
    const original = readFileSync(fixture('corpus', 'd15', 'born-digital.pdf'));
    expect(Buffer.from(file.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(file.bytes).equals(original)).toBe(false);
    const published = await PDFDocument.load(file.bytes, { updateMetadata: false });
    expect(published.getProducer()).toBe('Minh Bạch');
    expect(published.getPageCount()).toBe(2);
    await expect(engine.requests.providedFile(1, secret)).rejects.toMatchObject({ code: 'NOT_PROVIDABLE' });
  });

  it('refuses with grounds from the legal registry and the procedural grounds, rejects unknown ones and fees beyond actual costs', () => {
    const r = engine.requests.add({
      receivedDate: '2026-03-02',
      channel: 'in-person',
      requesterName: REQUESTER,
      subject: 'Biên bản họp nội bộ',
    });
    expect(() => engine.requests.answer({ id: r.id, outcome: 'refused' }, 'Lê Duyệt')).toThrow(
      expect.objectContaining({ code: 'REFUSAL_BASIS_REQUIRED' }),
    );
    expect(() =>
      engine.requests.answer({ id: r.id, outcome: 'refused', bases: ['L104.D17.K1.a'] }, 'Lê Duyệt'),
    ).toThrow(expect.objectContaining({ code: 'REFUSAL_BASIS_UNKNOWN' }));
    expect(() =>
      engine.requests.answer(
        {
          id: r.id,
          outcome: 'partly',
          bases: ['L104.D28.K1.c'],
          fees: [{ kind: 'fax', amount: 1 }],
          documentIds: [pub],
        },
        'Lê Duyệt',
      ),
    ).not.toThrow();
    const again = engine.requests.add({
      receivedDate: '2026-03-02',
      channel: 'in-person',
      requesterName: REQUESTER,
      subject: 'Tài liệu mật',
    });
    const done = engine.requests.answer(
      { id: again.id, outcome: 'refused', bases: ['L104.D6.K1'], answeredDate: '2026-03-03' },
      'Lê Duyệt',
    );
    expect(done.outcomeBases[0]).toMatchObject({
      code: 'L104.D6.K1',
      citation: expect.stringContaining('Điều 6'),
    });
    const v2026 = engine.requests.add({
      receivedDate: '2026-09-03',
      channel: 'post',
      requesterName: REQUESTER,
      subject: 'Sau luật mới',
    });
    expect(() =>
      engine.requests.answer(
        { id: v2026.id, outcome: 'provided', fees: [{ kind: 'fax', amount: 1000 }] },
        'Lê Duyệt',
      ),
    ).toThrow(expect.objectContaining({ code: 'FEE_NOT_ALLOWED' }));
  });

  it('extends once, before the due date, across a holiday', () => {
    const r = engine.requests.add({
      receivedDate: '2026-04-20',
      channel: 'post',
      requesterName: REQUESTER,
      subject: 'Quy hoạch',
      complex: true,
    });
    // 15 working days from Monday 20/04/2026: skips 27/04 (Hùng Kings compensatory), 30/04, 01/05.
    expect(r.dueDate).toBe(engine.requests.addWorkingDays('2026-04-20', 15));
    expect(r.dueDate).toBe('2026-05-14');
  });

  it('generates the four notices as DOCX and PDF in the agency’s details and keeps them', async () => {
    const n = await engine.requests.notice(1, 'provision');
    const docXml = Buffer.from(unzipSync(n.docx)['word/document.xml']!).toString('utf8');
    expect(docXml).toContain('ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM');
    expect(docXml).toContain('THÔNG BÁO VỀ VIỆC CUNG CẤP THÔNG TIN');
    expect(docXml).toContain(`tai-lieu-${cond}.pdf`);
    expect(Buffer.from(n.pdf).subarray(0, 4).toString()).toBe('%PDF');
    await engine.requests.notice(1, 'acceptance');
    await expect(engine.requests.notice(1, 'refusal')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(engine.requests.get(1).notices.map((x) => x.kind)).toEqual(['provision', 'acceptance']);
  });

  it('counts the year: per channel, outcome, on time, refusal grounds, costs, proactive disclosure', async () => {
    const s = engine.requests.statistics(2026);
    expect(s.received).toBe(6);
    expect(s.byChannel.find((c) => c.channel === 'post')!.count).toBe(3);
    expect(s.byOutcome).toMatchObject({ answered: 1, partlyAnswered: 1, refused: 1 });
    expect(s.refusedByGround.map((g) => g.code).sort()).toEqual(['L104.D28.K1.c', 'L104.D6.K1']);
    expect(s.fees.total).toBe(4001);
    expect(s.receivedByMonth[1]).toBe(1);
    const xlsx = await engine.requests.statisticsReport(2026, 'xlsx');
    expect(Buffer.from(unzipSync(xlsx.bytes)['xl/worksheets/sheet1.xml']!).toString()).toContain(
      'Trả lời đúng hạn',
    );
  });

  it('audits every step without the requester’s or the consenting person’s data, and keeps them out of the logs', () => {
    const events = engine
      .auditLog()
      .filter((e) => e.action.startsWith('request.') || e.action.startsWith('consent.'));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'request.received',
        'request.answered',
        'request.notice',
        'consent.recorded',
        'consent.revoked',
      ]),
    );
    expect(engine.verifyAudit().ok).toBe(true);
    const all = JSON.stringify(engine.auditLog());
    for (const needle of [REQUESTER, CONTACT, CONSENTER, SCOPE]) expect(all).not.toContain(needle);
    const logs = path.join(tmp.dir, 'data', 'logs');
    const logText = readdirSync(logs)
      .map((f) => readFileSync(path.join(logs, f), 'utf8'))
      .join('\n');
    for (const needle of [REQUESTER, CONTACT, CONSENTER]) expect(logText).not.toContain(needle);
  });

  it('keeps requester and consent data out of every file of the real catalogue export (site, data files, ZIP)', async () => {
    const out = path.join(tmp.dir, 'site');
    const zip = path.join(tmp.dir, 'site.zip');
    await engine.exportCatalogue({ out, zip, asOf: '2026-06-01' });
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(out);
    expect(files.length).toBeGreaterThan(10);
    const texts = [
      ...files.flatMap((f) => scanBytes(readFileSync(f), path.relative(out, f))),
      ...scanBytes(readFileSync(zip), 'site.zip'),
    ];
    expect(
      findLeaks(texts, [
        REQUESTER,
        CONTACT,
        CONSENTER,
        SCOPE,
        'Danh sách hộ được trợ cấp',
        'Biên bản họp nội bộ',
      ]),
    ).toEqual([]);
    // Positive control: the scanner sees what is published.
    expect(findLeaks(texts, ['Ủy ban nhân dân xã Thử Nghiệm'])).toHaveLength(1);
  }, 120_000);

  it('carries requests, consents and the consent scan into a backup', async () => {
    const report = await engine.backup(path.join(tmp.dir, 'b.mbbackup'));
    const scanSha = (
      engine.db.prepare('SELECT scan_sha256 FROM consents WHERE scan_sha256 IS NOT NULL').get() as {
        scan_sha256: string;
      }
    ).scan_sha256;
    const inFiles = engine.db.prepare('SELECT 1 FROM files WHERE sha256 = ?').get(scanSha);
    expect(inFiles).toBeTruthy();
    expect(report.files).toBeGreaterThan(3);
  });
});
