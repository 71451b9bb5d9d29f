import { EXIT, safeText, UsageError } from '../output';
import type { Command } from './index';
import { FILTER_OPTIONS, parseFilterOptions } from './filterOptions';

export const searchCommand: Command = {
  options: { ...FILTER_OPTIONS, limit: { type: 'string' } },
  async run(ctx) {
    const query = ctx.positionals.join(' ').trim();
    if (!query) throw new UsageError('search cần một truy vấn');
    const limit = ctx.values.limit === undefined ? 50 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit phải là số nguyên dương');
    const engine = await ctx.engine();
    const hits = engine.search(query, { ...parseFilterOptions(ctx.values), limit });
    if (ctx.json) {
      ctx.io.out(JSON.stringify(hits.map((h) => ({ id: h.id, score: h.score, page: h.page, snippet: h.snippet }))) + '\n');
      return EXIT.ok;
    }
    for (const h of hits) {
      const plain = h.snippetParts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
      ctx.io.out(`#${h.id} (trang ${h.page}, điểm ${h.score.toFixed(2)}): ${safeText(plain)}\n`);
    }
    ctx.io.err(`${hits.length} kết quả.\n`);
    return EXIT.ok;
  },
};
