import type { AccessClass, DocumentStatus } from '../../../shared/domain/access';

export interface SearchFilters {
  access?: AccessClass | 'undecided';
  docType?: string;
  year?: number;
  status?: DocumentStatus;
}

/** Document types of Decree 30/2020/NĐ-CP that offices digitise most. */
export const DOC_TYPES = [
  'Công văn',
  'Quyết định',
  'Thông báo',
  'Báo cáo',
  'Kế hoạch',
  'Tờ trình',
  'Biên bản',
  'Giấy mời',
] as const;
