/**
 * The pages of the access-to-information section: the index (Decree 13 Art. 11 cl. 1), the two
 * catalogues (paginated so a phone never loads 100 000 rows), one page per public document and the
 * search page. Pure functions from the plan to HTML strings; file names are ours.
 */
import { formatDateVi } from '../../../shared/text/vietnamese';
import type { AgencySettings } from './agencySettings';
import { dateVi, esc, page, pager, searchForm } from './html';
import type { ConditionalEntry, ExportPlan, PublicEntry } from './types';

export const ROWS_PER_PAGE = 500;
export const DISCLOSURE_FORM = 'Đăng trên trang thông tin điện tử';

export const publicPageFile = (n: number) => (n === 1 ? 'danh-muc-cong-khai.html' : `danh-muc-cong-khai-${n}.html`);
export const conditionalPageFile = (n: number) => (n === 1 ? 'danh-muc-co-dieu-kien.html' : `danh-muc-co-dieu-kien-${n}.html`);
/** A public document's files are named by its opaque public id (publicIds.ts), never its archive id. */
export const documentPageFile = (publicId: string) => `tai-lieu/${publicId}.html`;
export const documentPdfFile = (publicId: string) => `tai-lieu/${publicId}.pdf`;
export const formFile = (code: string, ext: string) => `bieu-mau/mau-${code}.${ext}`;

export function untilVi(until: string | null): string {
  return until ? `Đến hết ngày ${formatDateVi(until)}` : 'Thường xuyên';
}

function paragraph(label: string, value: string | null, href?: string): string {
  if (!value) return '';
  return `<p><span class="label">${label}:</span> ${href ? `<a href="${esc(href)}">${esc(value)}</a>` : esc(value)}</p>`;
}

function contactHref(address: string): string | undefined {
  if (/^[^\s@<>"]+@[^\s@<>"]+$/.test(address)) return `mailto:${address}`;
  if (/^https?:\/\/[^\s<>"]+$/.test(address)) return address;
  return undefined;
}

export function indexPage(plan: ExportPlan, agency: AgencySettings): string {
  const a = agency;
  const agencyBlock = [paragraph('Tên cơ quan', a.name), paragraph('Địa chỉ', a.address)].join('');
  const focal = [
    paragraph('Họ và tên', a.focalName),
    paragraph('Chức vụ', a.focalPosition),
    paragraph('Điện thoại', a.focalPhone, a.focalPhone ? `tel:${a.focalPhone.replace(/[^0-9+]/g, '')}` : undefined),
    paragraph('Thư điện tử', a.focalEmail, a.focalEmail ? contactHref(a.focalEmail) : undefined),
  ].join('');
  const addresses = [
    paragraph('Địa chỉ tiếp nhận yêu cầu cung cấp thông tin qua mạng', a.requestAddress, a.requestAddress ? contactHref(a.requestAddress) : undefined),
    paragraph('Địa chỉ tiếp nhận phản ánh, kiến nghị, khiếu nại', a.feedbackAddress, a.feedbackAddress ? contactHref(a.feedbackAddress) : undefined),
  ].join('');
  const formNames: Record<string, string> = {
    '01a': 'Mẫu 01a — Phiếu yêu cầu cung cấp thông tin (công dân)',
    '01b': 'Mẫu 01b — Phiếu yêu cầu cung cấp thông tin (công dân yêu cầu cho người khác)',
    '02': 'Mẫu 02 — Sổ theo dõi cung cấp thông tin',
    '03': 'Mẫu 03 — Thông báo về việc gia hạn cung cấp thông tin',
    '04': 'Mẫu 04 — Thông báo về việc từ chối yêu cầu cung cấp thông tin',
    '05': 'Mẫu 05 — Thông báo về việc cung cấp thông tin',
    '06': 'Mẫu 06 — Thông báo về chi phí thực tế để in, sao, chụp, gửi thông tin',
  };
  const forms = a.forms
    .map((f) => `<li><a href="${formFile(f.code, f.ext)}" download>${esc(formNames[f.code] ?? f.code)}</a> (${f.ext.toUpperCase()}, ${Math.ceil(f.size / 1024)} KB)</li>`)
    .join('');
  const has01 = a.forms.some((f) => f.code === '01a' || f.code === '01b');
  const body = `<h1>Chuyên mục tiếp cận thông tin</h1>
${agencyBlock ? `<section aria-labelledby="co-quan"><h2 id="co-quan">Cơ quan</h2>${agencyBlock}</section>` : ''}
<section aria-labelledby="huong-dan"><h2 id="huong-dan">Hướng dẫn tiếp cận thông tin</h2>
<ol>
<li>Tìm thông tin trong <a href="danh-muc-cong-khai.html">danh mục thông tin phải được công khai</a> (${plan.publicEntries.length} văn bản) — có thể đọc và tải về ngay.</li>
<li>Thông tin trong <a href="danh-muc-co-dieu-kien.html">danh mục thông tin được tiếp cận có điều kiện</a> (${plan.conditionalEntries.length} mục) chỉ được cung cấp khi đáp ứng điều kiện ghi trong danh mục.</li>
<li>Nếu chưa tìm thấy, gửi phiếu yêu cầu cung cấp thông tin${has01 ? ' (Mẫu 01a hoặc 01b bên dưới)' : ' (Mẫu 01a hoặc 01b)'}${a.requestAddress ? ' đến địa chỉ tiếp nhận yêu cầu' : ''}${a.focalName || a.focalPhone || a.focalEmail ? ', hoặc liên hệ người làm đầu mối cung cấp thông tin' : ''}.</li>
</ol>
${searchForm('')}
</section>
${focal ? `<section aria-labelledby="dau-moi"><h2 id="dau-moi">Đầu mối cung cấp thông tin</h2>${focal}</section>` : ''}
${addresses ? `<section aria-labelledby="dia-chi"><h2 id="dia-chi">Gửi yêu cầu, phản ánh</h2>${addresses}</section>` : ''}
${forms ? `<section aria-labelledby="bieu-mau"><h2 id="bieu-mau">Biểu mẫu yêu cầu cung cấp thông tin</h2><ul>${forms}</ul></section>` : ''}
<section aria-labelledby="tai-ve"><h2 id="tai-ve">Tải danh mục</h2>
<ul class="downloads">
<li>Danh mục thông tin phải được công khai: <a href="danh-muc-cong-khai.pdf">PDF</a>, <a href="danh-muc-cong-khai.docx">Word</a></li>
<li>Danh mục thông tin được tiếp cận có điều kiện: <a href="danh-muc-co-dieu-kien.pdf">PDF</a>, <a href="danh-muc-co-dieu-kien.docx">Word</a></li>
<li>Dữ liệu mở: <a href="catalog.json">JSON</a>, <a href="catalog.csv">CSV</a>, <a href="catalog.xlsx">Excel</a></li>
</ul>
<p class="muted">Cập nhật: ${esc(formatDateVi(plan.updatedAt.slice(0, 10)))}</p>
</section>`;
  return page({ root: '', title: 'Chuyên mục tiếp cận thông tin', nav: 'index', agency, body, description: 'Danh mục thông tin công khai và hướng dẫn yêu cầu cung cấp thông tin' });
}

const PUBLIC_HEAD = `<tr><th scope="col" data-sort="number">STT</th><th scope="col" data-sort="text">Tên, số, ký hiệu văn bản</th><th scope="col" data-sort="date">Ngày ban hành</th><th scope="col">Hình thức công khai</th><th scope="col" data-sort="date">Thời điểm công khai</th><th scope="col">Thời hạn công khai</th><th scope="col">Đường dẫn</th></tr>`;

/** The row's note that parts were withheld, and on which grounds. */
function withheldLine(e: PublicEntry): string {
  if (!e.withheld) return '';
  const grounds = e.withheld.grounds.map((g) => `${esc(g.citation)} (<abbr title="${esc(g.citation)}">${esc(g.label)}</abbr>)`).join('; ');
  return `<span class="withheld">Công khai một phần: đã che thông tin theo ${grounds}</span>`;
}

function publicRow(e: PublicEntry, stt: number): string {
  const number = e.numberNotation ? `<span class="number">Số ${esc(e.numberNotation)}</span>` : '';
  return `<tr id="tl-${e.publicId}"><td>${stt}</td><td><a href="${documentPageFile(e.publicId)}">${esc(e.title)}</a>${number}${withheldLine(e)}</td><td data-value="${esc(e.issuedDate)}">${dateVi(e.issuedDate)}</td><td>${DISCLOSURE_FORM}</td><td data-value="${e.disclosedOn}">${dateVi(e.disclosedOn)}</td><td>${esc(untilVi(e.until))}</td><td><a href="${documentPageFile(e.publicId)}">Xem</a> · <a href="${documentPdfFile(e.publicId)}" download>Tải PDF<span class="sr-only"> ${esc(e.numberNotation ?? e.title)}</span></a></td></tr>`;
}

/** Pages of the public catalogue: rows in plan order, each page split into its Art. 17 groups. */
export function publicCataloguePages(plan: ExportPlan, agency: AgencySettings): string[] {
  const entries = plan.publicEntries;
  const total = Math.max(1, Math.ceil(entries.length / ROWS_PER_PAGE));
  const pages: string[] = [];
  const groupNav = plan.groups.length
    ? `<nav aria-label="Nhóm thông tin theo Điều 17" class="groups"><ul>${plan.groups
        .map((g) => {
          const first = entries.findIndex((e) => e.group === g);
          return `<li><a href="${publicPageFile(Math.floor(first / ROWS_PER_PAGE) + 1)}#nhom-${g.slug}">${esc(g.label)}</a></li>`;
        })
        .join('')}</ul></nav>`
    : '';
  for (let p = 1; p <= total; p += 1) {
    const start = (p - 1) * ROWS_PER_PAGE;
    const slice = entries.slice(start, start + ROWS_PER_PAGE);
    const sections: string[] = [];
    let i = 0;
    while (i < slice.length) {
      const group = slice[i]!.group;
      const rows: string[] = [];
      while (i < slice.length && slice[i]!.group === group) {
        rows.push(publicRow(slice[i]!, start + i + 1));
        i += 1;
      }
      sections.push(`<section class="group" aria-labelledby="nhom-${group.slug}">
<h2 id="nhom-${group.slug}">${esc(group.label)}: ${esc(group.title)}</h2>
<div class="table-wrap"><table class="catalogue sortable">
<caption>${esc(group.label)} — ${rows.length} văn bản</caption>
<thead>${PUBLIC_HEAD}</thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`);
    }
    const body = `<h1>Danh mục thông tin phải được công khai</h1>
<p>${entries.length} văn bản, xếp theo nhóm thông tin tại Điều 17 Luật Tiếp cận thông tin.${total > 1 ? ` Trang ${p}/${total}.` : ''}</p>
${searchForm('', 'q-cat')}
${groupNav}
<div class="filter-slot" data-for="catalogue"></div>
${slice.length ? sections.join('\n') : '<p>Chưa có văn bản nào được công khai.</p>'}
${pager(p, total, publicPageFile, 'Trang của danh mục')}`;
    pages.push(page({ root: '', title: total > 1 ? `Danh mục thông tin phải được công khai (trang ${p})` : 'Danh mục thông tin phải được công khai', nav: 'public', agency, body, scripts: ['catalog.js'] }));
  }
  return pages;
}

function conditionalRow(e: ConditionalEntry, stt: number): string {
  return `<tr id="${e.anchor}"><td>${stt}</td><td>${esc(e.title)}</td><td>${esc(e.numberNotation) || '<span class="muted">—</span>'}</td><td data-value="${esc(e.issuedDate)}">${dateVi(e.issuedDate)}</td><td>${esc(e.condition)}</td><td>${esc(e.basis.citation)}</td></tr>`;
}

export function conditionalCataloguePages(plan: ExportPlan, agency: AgencySettings): string[] {
  const entries = plan.conditionalEntries;
  const total = Math.max(1, Math.ceil(entries.length / ROWS_PER_PAGE));
  const pages: string[] = [];
  for (let p = 1; p <= total; p += 1) {
    const start = (p - 1) * ROWS_PER_PAGE;
    const rows = entries.slice(start, start + ROWS_PER_PAGE).map((e, i) => conditionalRow(e, start + i + 1));
    const body = `<h1>Danh mục thông tin được tiếp cận có điều kiện</h1>
<p>Thông tin dưới đây không được đăng toàn văn. Công dân gửi phiếu yêu cầu; cơ quan chỉ cung cấp khi đáp ứng điều kiện ghi trong danh mục.${total > 1 ? ` Trang ${p}/${total}.` : ''}</p>
${searchForm('', 'q-cat')}
<div class="filter-slot" data-for="catalogue"></div>
${
  rows.length
    ? `<div class="table-wrap"><table class="catalogue sortable">
<caption>${entries.length} mục thông tin được tiếp cận có điều kiện</caption>
<thead><tr><th scope="col" data-sort="number">STT</th><th scope="col" data-sort="text">Tên thông tin</th><th scope="col" data-sort="text">Số, ký hiệu</th><th scope="col" data-sort="date">Ngày ban hành</th><th scope="col">Điều kiện tiếp cận</th><th scope="col">Căn cứ pháp lý</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`
    : '<p>Chưa có mục nào.</p>'
}
${pager(p, total, conditionalPageFile, 'Trang của danh mục')}`;
    pages.push(page({ root: '', title: total > 1 ? `Danh mục thông tin được tiếp cận có điều kiện (trang ${p})` : 'Danh mục thông tin được tiếp cận có điều kiện', nav: 'conditional', agency, body, scripts: ['catalog.js'] }));
  }
  return pages;
}

export interface DocumentText {
  pages: { n: number; text: string }[];
  signer: string | null;
  signerTitle: string | null;
  pdfBytes: number | null;
}

export function documentPage(e: PublicEntry, text: DocumentText, agency: AgencySettings): string {
  const field = (label: string, value: string | null) => (value ? `<dt>${label}</dt><dd>${esc(value)}</dd>` : '');
  const pages = text.pages
    .filter((p) => p.text.trim())
    .map((p) => `<section class="page-text" aria-label="Trang ${p.n}"><h3>Trang ${p.n}</h3><div class="text">${esc(p.text)}</div></section>`)
    .join('\n');
  const body = `<p class="crumbs"><a href="../danh-muc-cong-khai.html#tl-${e.publicId}">Danh mục thông tin phải được công khai</a></p>
<h1>${esc(e.title)}</h1>
<dl class="fields">
${field('Số, ký hiệu', e.numberNotation)}${field('Loại văn bản', e.docType)}${field('Cơ quan ban hành', e.issuer)}
<dt>Ngày ban hành</dt><dd>${dateVi(e.issuedDate)}</dd>
${field('Trích yếu', e.subject)}${field('Người ký', [text.signerTitle, text.signer].filter(Boolean).join(' ') || null)}
<dt>Nhóm thông tin</dt><dd>${esc(e.group.label)}: ${esc(e.group.title)}</dd>
<dt>Căn cứ công khai</dt><dd>${esc(e.basis.citation)}</dd>
${e.withheld ? `<dt>Phần không công khai</dt><dd>${withheldLine(e)}. Các ô đen trên văn bản là phần đã bị loại bỏ; nhãn trên mỗi ô là căn cứ pháp lý.</dd>` : ''}
<dt>Hình thức công khai</dt><dd>${DISCLOSURE_FORM}</dd>
<dt>Thời điểm công khai</dt><dd>${dateVi(e.disclosedOn)}</dd>
<dt>Thời hạn công khai</dt><dd>${esc(untilVi(e.until))}</dd>
</dl>
${text.pdfBytes !== null ? `<p class="download"><a href="${e.publicId}.pdf" download>Tải văn bản (PDF, ${e.pageCount} trang, ${Math.max(1, Math.round(text.pdfBytes / 1024))} KB)</a></p>` : ''}
${pages ? `<section aria-labelledby="toan-van"><h2 id="toan-van">Toàn văn</h2>\n${pages}\n</section>` : ''}`;
  return page({ root: '../', title: e.title, nav: 'document', agency, body, description: e.subject ?? e.title });
}

export function searchPage(agency: AgencySettings): string {
  const body = `<h1>Tìm kiếm trong danh mục</h1>
${searchForm('', 'q')}
<noscript><p class="notice">Tìm kiếm cần JavaScript. Khi JavaScript bị tắt, hãy xem <a href="danh-muc-cong-khai.html">danh mục thông tin phải được công khai</a> và <a href="danh-muc-co-dieu-kien.html">danh mục thông tin được tiếp cận có điều kiện</a>; mọi bảng đều đọc được không cần JavaScript.</p></noscript>
<div id="ket-qua" aria-live="polite"></div>`;
  return page({ root: '', title: 'Tìm kiếm', nav: 'search', agency, body, scripts: ['search.js'] });
}
