import { LISTED_ENTRIES, type PublishedListing } from '../../shared/contract/catalogue';
import type { ExportPlan } from '../engine/catalogue/types';

/** The plan's entries as the Export screen lists them: per catalogue, the first entries in
 *  catalogue order and, for the public one, the count per Art. 17 group. A shape, no rule: what is
 *  published is decided by the plan alone. */
export function publishedListing(plan: ExportPlan): PublishedListing {
  const perGroup = new Map<string, { label: string; title: string; count: number }>();
  for (const e of plan.publicEntries) {
    const g = perGroup.get(e.group.key) ?? { label: e.group.label, title: e.group.title, count: 0 };
    g.count += 1;
    perGroup.set(e.group.key, g);
  }
  return {
    public: {
      total: plan.publicEntries.length,
      groups: [...perGroup.values()],
      items: plan.publicEntries.slice(0, LISTED_ENTRIES).map((e) => ({
        id: e.documentId,
        title: e.title,
        numberNotation: e.numberNotation,
        issuedDate: e.issuedDate,
        group: e.group.label,
        until: e.until,
      })),
    },
    conditional: {
      total: plan.conditionalEntries.length,
      items: plan.conditionalEntries.slice(0, LISTED_ENTRIES).map((e) => ({
        title: e.title,
        numberNotation: e.numberNotation,
        issuedDate: e.issuedDate,
        condition: e.condition,
      })),
    },
  };
}
