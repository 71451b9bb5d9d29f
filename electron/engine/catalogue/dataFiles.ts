/**
 * catalog.json (schema documented in README.md, `schemaVersion` bumps on any breaking change) and
 * catalog.csv (UTF-8 with a BOM so Excel opens Vietnamese correctly; RFC 4180 quoting; cells that
 * a spreadsheet would run as a formula are prefixed with an apostrophe).
 */
import { DISCLOSURE_FORM, documentPageFile, documentPdfFile, untilVi } from './sitePages';
import type { AgencySettings } from './agencySettings';
import type { ExportPlan, PublicEntry } from './types';

/** "Đã che một phần (Đ7.K2: khoản 2 Điều 7 …)" for a partly public entry; null for a whole one. */
export function withheldNote(e: Pick<PublicEntry, 'withheld'>): string | null {
  if (!e.withheld) return null;
  return `Công khai một phần — đã che thông tin theo ${e.withheld.grounds.map((g) => `${g.citation} (${g.label})`).join('; ')}`;
}

/** 2: ids and file names are opaque public ids ("tl-k3x9…", "tai-lieu/k3x9….html"), no longer archive ids. */
export const CATALOG_SCHEMA_VERSION = 2;

export function catalogJson(plan: ExportPlan, agency: AgencySettings): string {
  const doc = {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    generator: 'Minh Bạch',
    updatedAt: plan.updatedAt,
    agency: {
      name: agency.name,
      address: agency.address,
      focalPoint: { name: agency.focalName, position: agency.focalPosition, phone: agency.focalPhone, email: agency.focalEmail },
      requestAddress: agency.requestAddress,
      feedbackAddress: agency.feedbackAddress,
    },
    groups: plan.groups.map((g) => ({ key: g.slug, label: g.label, title: g.title })),
    public: plan.publicEntries.map((e, i) => ({
      stt: i + 1,
      id: `tl-${e.publicId}`,
      title: e.title,
      numberNotation: e.numberNotation,
      docType: e.docType,
      issuer: e.issuer,
      issuedDate: e.issuedDate,
      group: e.group.slug,
      basis: e.basis,
      disclosureForm: DISCLOSURE_FORM,
      disclosedOn: e.disclosedOn,
      until: e.until,
      page: documentPageFile(e.publicId),
      pdf: documentPdfFile(e.publicId),
      // Public with redactions: what was withheld, on which grounds (null: published whole).
      withheld: e.withheld ? { note: withheldNote(e), grounds: e.withheld.grounds.map((g) => ({ label: g.label, citation: g.citation })) } : null,
    })),
    conditional: plan.conditionalEntries.map((e, i) => ({
      stt: i + 1,
      id: e.anchor,
      title: e.title,
      numberNotation: e.numberNotation,
      issuedDate: e.issuedDate,
      condition: e.condition,
      basis: e.basis,
    })),
  };
  return JSON.stringify(doc, null, 1) + '\n';
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ['Danh mục', 'STT', 'Tên', 'Số, ký hiệu', 'Ngày ban hành', 'Nhóm thông tin', 'Hình thức công khai', 'Thời điểm công khai', 'Thời hạn công khai', 'Điều kiện tiếp cận', 'Căn cứ pháp lý', 'Đường dẫn', 'Phần không công khai'];

export function catalogRows(plan: ExportPlan): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  plan.publicEntries.forEach((e, i) =>
    rows.push(['Công khai', i + 1, e.title, e.numberNotation, e.issuedDate, e.group.label, DISCLOSURE_FORM, e.disclosedOn, untilVi(e.until), null, e.basis.citation, documentPageFile(e.publicId), withheldNote(e)]),
  );
  plan.conditionalEntries.forEach((e, i) =>
    rows.push(['Tiếp cận có điều kiện', i + 1, e.title, e.numberNotation, e.issuedDate, null, null, null, null, e.condition, e.basis.citation, null, null]),
  );
  return rows;
}

export function catalogCsv(plan: ExportPlan): string {
  const lines = [CSV_HEADER, ...catalogRows(plan)].map((r) => r.map(csvCell).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
