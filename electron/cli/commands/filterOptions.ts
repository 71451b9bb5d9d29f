import { ACCESS_CLASSES, DOCUMENT_STATUSES, type AccessClass, type DocumentStatus } from '../../../shared/domain/access';
import type { SearchFilters } from '../../engine/archive/documentFilters';
import { safeText, UsageError } from '../output';

export const FILTER_OPTIONS = {
  access: { type: 'string' },
  type: { type: 'string' },
  year: { type: 'string' },
  issuer: { type: 'string' },
  status: { type: 'string' },
} as const;

export function parseFilterOptions(values: Record<string, string | boolean | undefined>): SearchFilters {
  const filters: SearchFilters = {};
  const access = values.access as string | undefined;
  if (access !== undefined) {
    if (access !== 'undecided' && !(ACCESS_CLASSES as readonly string[]).includes(access)) {
      throw new UsageError(`--access phải là public, conditional, secret hoặc undecided (nhận: ${safeText(access)})`);
    }
    filters.access = access as AccessClass | 'undecided';
  }
  const status = values.status as string | undefined;
  if (status !== undefined) {
    if (!(DOCUMENT_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--status phải là một trong: ${DOCUMENT_STATUSES.join(', ')}`);
    }
    filters.status = status as DocumentStatus;
  }
  const year = values.year as string | undefined;
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--year phải là năm có 4 chữ số (nhận: ${safeText(year)})`);
    filters.year = Number(year);
  }
  if (typeof values.type === 'string') filters.docType = values.type;
  if (typeof values.issuer === 'string') filters.issuer = values.issuer;
  return filters;
}
