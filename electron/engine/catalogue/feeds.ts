/**
 * sitemap.xml and the Atom feed of newly disclosed items. Both need absolute addresses, which only
 * the agency knows (setting `site.url`); without it the sitemap lists site-relative paths and the
 * feed ids fall back to URNs, and the export summary says so. Every timestamp comes from the data
 * (approval times), never from the clock, so the files are the same for the same archive.
 */
import { esc } from './html';
import { conditionalPageFile, documentPageFile, publicPageFile, untilVi } from './sitePages';
import type { ExportPlan } from './types';

export const FEED_ITEMS = 50;

function absolute(base: string | null, file: string): string {
  if (!base) return file;
  return base.endsWith('/') ? base + file : `${base}/${file}`;
}

export function sitemapXml(plan: ExportPlan, base: string | null, catalogueFiles: { public: number; conditional: number }): string {
  const lastmod = plan.updatedAt.slice(0, 10);
  const urls: [string, string][] = [['index.html', lastmod], ['tim-kiem.html', lastmod]];
  for (let n = 1; n <= catalogueFiles.public; n += 1) urls.push([publicPageFile(n), lastmod]);
  for (let n = 1; n <= catalogueFiles.conditional; n += 1) urls.push([conditionalPageFile(n), lastmod]);
  const docs = [...plan.publicEntries].sort((a, b) => (a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0));
  for (const e of docs) urls.push([documentPageFile(e.publicId), e.disclosedOn]);
  const body = urls.map(([file, mod]) => `<url><loc>${esc(absolute(base, file))}</loc><lastmod>${mod}</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function atomFeed(plan: ExportPlan, base: string | null, agencyName: string | null): string {
  const newest = [...plan.publicEntries]
    .sort((a, b) => (a.disclosedAt < b.disclosedAt ? 1 : a.disclosedAt > b.disclosedAt ? -1 : a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0))
    .slice(0, FEED_ITEMS);
  const feedId = base ? absolute(base, 'feed.xml') : 'urn:minhbach:danh-muc-cong-khai';
  const entries = newest
    .map((e) => {
      const link = absolute(base, documentPageFile(e.publicId));
      const summary = [e.numberNotation ? `Số ${e.numberNotation}` : '', e.group.label, untilVi(e.until)].filter(Boolean).join(' · ');
      return `<entry>
<id>${esc(base ? link : `urn:minhbach:tai-lieu:${e.publicId}`)}</id>
<title>${esc(e.title)}</title>
<link rel="alternate" type="text/html" href="${esc(link)}"/>
<updated>${e.disclosedAt}</updated>
<published>${e.disclosedAt}</published>
<summary>${esc(summary)}</summary>
</entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>${esc(feedId)}</id>
<title>${esc(agencyName ? `${agencyName} — thông tin mới công khai` : 'Thông tin mới công khai')}</title>
<updated>${plan.updatedAt}</updated>
<author><name>${esc(agencyName ?? 'Chuyên mục tiếp cận thông tin')}</name></author>
<link rel="alternate" type="text/html" href="${esc(absolute(base, 'danh-muc-cong-khai.html'))}"/>
${base ? `<link rel="self" href="${esc(feedId)}"/>\n` : ''}${entries}
</feed>
`;
}
