/**
 * HTML building blocks for the catalogue site. Every value from the archive goes through `esc`
 * (text and attribute contexts alike), so a title such as `a<script>alert(1)<script>.pdf` renders
 * as text. The pages carry a strict CSP: scripts and styles only from the site's own files, no
 * inline script or style anywhere.
 */
import { formatDateVi } from '../../../shared/text/vietnamese';
import type { AgencySettings } from './agencySettings';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function dateVi(iso: string | null): string {
  return iso ? esc(formatDateVi(iso)) : '<span class="muted">—</span>';
}

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'";

export type NavKey = 'index' | 'public' | 'conditional' | 'search' | 'document';

export interface PageFrame {
  /** Relative prefix back to the site root ("" or "../"). */
  root: string;
  title: string;
  nav: NavKey;
  agency: AgencySettings;
  body: string;
  /** Scripts of the site (file names under assets/), loaded deferred. */
  scripts?: string[];
  description?: string;
}

const NAV: [NavKey, string, string][] = [
  ['index', 'index.html', 'Trang chủ chuyên mục'],
  ['public', 'danh-muc-cong-khai.html', 'Thông tin phải công khai'],
  ['conditional', 'danh-muc-co-dieu-kien.html', 'Thông tin tiếp cận có điều kiện'],
  ['search', 'tim-kiem.html', 'Tìm kiếm'],
];

export function page(f: PageFrame): string {
  const agencyName = f.agency.name ?? 'Chuyên mục tiếp cận thông tin';
  const nav = NAV.map(
    ([key, href, label]) => `<li><a href="${f.root}${href}"${key === f.nav ? ' aria-current="page"' : ''}>${label}</a></li>`,
  ).join('');
  const scripts = (f.scripts ?? []).map((s) => `<script src="${f.root}assets/${s}" defer></script>`).join('');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${esc(f.title)} — ${esc(agencyName)}</title>
${f.description ? `<meta name="description" content="${esc(f.description)}">\n` : ''}<link rel="stylesheet" href="${f.root}assets/site.css">
<link rel="alternate" type="application/atom+xml" title="Thông tin mới công khai" href="${f.root}feed.xml">
${scripts}
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
<p class="agency">${esc(agencyName)}</p>
<p class="section-name">Chuyên mục tiếp cận thông tin</p>
<nav aria-label="Chuyên mục"><ul>${nav}</ul></nav>
</header>
<main id="noi-dung" tabindex="-1">
${f.body}
</main>
<footer class="site-footer">
<p>Thông tin được công khai theo Luật Tiếp cận thông tin số 104/2016/QH13 và Nghị định số 13/2018/NĐ-CP.</p>
<p><a href="${f.root}feed.xml">Nguồn tin (Atom)</a> · <a href="${f.root}catalog.json">Dữ liệu JSON</a> · <a href="${f.root}catalog.csv">CSV</a> · <a href="${f.root}catalog.xlsx">Excel</a></p>
</footer>
</body>
</html>
`;
}

export function searchForm(root: string, id = 'q'): string {
  return `<form class="search" action="${root}tim-kiem.html" method="get" role="search">
<label for="${id}">Tìm trong danh mục (gõ có dấu hoặc không dấu)</label>
<div class="search-row"><input id="${id}" name="q" type="search" autocomplete="off"><button type="submit">Tìm kiếm</button></div>
</form>`;
}

/** Numbered page links; `hrefOf(n)` gives the file of page n (1-based). */
export function pager(current: number, total: number, hrefOf: (n: number) => string, label: string): string {
  if (total <= 1) return '';
  const items: string[] = [];
  for (let n = 1; n <= total; n += 1) {
    items.push(n === current ? `<li><span aria-current="page">${n}</span></li>` : `<li><a href="${hrefOf(n)}">${n}</a></li>`);
  }
  return `<nav class="pager" aria-label="${esc(label)}"><ul>${items.join('')}</ul></nav>`;
}
