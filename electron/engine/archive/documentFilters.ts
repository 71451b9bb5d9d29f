import type { AccessClass, DocumentStatus } from '../../../shared/domain/access';

export interface SearchFilters {
  access?: AccessClass | 'undecided';
  docType?: string;
  year?: number;
  issuer?: string;
  status?: DocumentStatus;
}

/** SQL conditions for the filters, on `documents d`, with bound parameters only. */
export function filterSql(filters: SearchFilters): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.access === 'undecided') clauses.push('d.access_class IS NULL');
  else if (filters.access) {
    clauses.push('d.access_class = @access');
    params.access = filters.access;
  }
  if (filters.docType) {
    clauses.push('d.doc_type = @docType');
    params.docType = filters.docType;
  }
  if (filters.issuer) {
    clauses.push('d.issuer = @issuer');
    params.issuer = filters.issuer;
  }
  if (filters.status) {
    clauses.push('d.status = @status');
    params.status = filters.status;
  }
  if (filters.year !== undefined) {
    clauses.push('d.issued_date >= @yearFrom AND d.issued_date < @yearTo');
    params.yearFrom = `${String(filters.year).padStart(4, '0')}-01-01`;
    params.yearTo = `${String(filters.year + 1).padStart(4, '0')}-01-01`;
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

