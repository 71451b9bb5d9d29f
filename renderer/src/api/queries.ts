import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Header } from '../../../shared/domain/header';
import type { SettingsPatch } from '../../../shared/contract/settings';
import type {
  ApprovalFilter,
  ApprovalItem,
  DecisionRequest,
  GroupDecisionRequest,
  ReviewQueueQuery,
} from '../../../shared/contract/review';
import type { SearchFilters } from './filters';
import { useApi } from './ApiContext';

export const LIST_PAGE_SIZE = 200;
// Each hit carries a snippet built from its page text: 50 keep the first answer quick.
export const SEARCH_PAGE_SIZE = 50;

export const keys = {
  documents: ['documents'] as const,
  list: (filters: SearchFilters, page: number) => ['documents', 'list', filters, page] as const,
  search: (query: string, filters: SearchFilters) => ['documents', 'search', query, filters] as const,
  detail: (id: number) => ['documents', 'detail', id] as const,
  pageImage: (id: number, page: number, size: number) => ['pageImage', id, page, size] as const,
  jobs: ['jobs'] as const,
  settings: ['settings'] as const,
  appInfo: ['appInfo'] as const,
  exportPlan: ['exportPlan'] as const,
};

export function useAppInfo() {
  const api = useApi();
  // Refreshed now and then: the archive can turn read-only or damaged while the app runs (a
  // background check of a large archive, a disk that fills up).
  return useQuery({ queryKey: keys.appInfo, queryFn: () => api.call('app:info', {}), refetchInterval: 15_000 });
}

/** How many documents match the filters: sizes the virtual list independently of which pages
 *  happen to be loaded. */
export function useListTotal(filters: SearchFilters, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['documents', 'list', filters, 'total'],
    queryFn: ({ signal }) => api.call('documents:list', { ...filters, limit: 1 }, signal),
    select: (page) => page.total,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    enabled,
  });
}

/** Random-access pages of the library for a virtual list: only the pages in view are fetched. */
export function useListPages(filters: SearchFilters, pageIndexes: number[], enabled: boolean) {
  const api = useApi();
  return useQueries({
    queries: pageIndexes.map((page) => ({
      queryKey: keys.list(filters, page),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.call(
          'documents:list',
          { ...filters, limit: LIST_PAGE_SIZE, offset: page * LIST_PAGE_SIZE },
          signal,
        ),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
      enabled,
    })),
  });
}

export function useSearch(query: string, filters: SearchFilters, enabled: boolean) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: keys.search(query, filters),
    queryFn: ({ pageParam, signal }) =>
      api.call(
        'documents:search',
        { query, filters, limit: SEARCH_PAGE_SIZE, offset: pageParam, prefixLast: true },
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last, all) =>
      last.hits.length === SEARCH_PAGE_SIZE ? all.length * SEARCH_PAGE_SIZE : undefined,
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 10_000,
  });
}

export function useDocument(id: number, enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: keys.detail(id), queryFn: () => api.call('documents:get', { id }), enabled });
}

export function usePageImage(id: number, page: number, size: number) {
  const api = useApi();
  return useQuery({
    queryKey: keys.pageImage(id, page, size),
    queryFn: () => api.call('documents:pageImage', { id, page, size }),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

export function useUpdateHeader(id: number) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: Header) => api.call('documents:updateHeader', { id, fields }),
    onSuccess: (detail) => {
      client.setQueryData(keys.detail(id), detail);
      void client.invalidateQueries({ queryKey: ['documents', 'list'] });
      void client.invalidateQueries({ queryKey: ['documents', 'search'] });
    },
  });
}

export function useJobs() {
  const api = useApi();
  return useQuery({
    queryKey: keys.jobs,
    queryFn: () => api.call('jobs:list', { limit: 50 }),
    // Poll while something runs; progress events also refresh it.
    refetchInterval: (q) =>
      q.state.data?.some((j) => j.state === 'running' || j.state === 'queued') ? 1000 : false,
  });
}

export function useJobAction(action: 'jobs:cancel' | 'jobs:retry') {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(action, { id }),
    onSettled: () => void client.invalidateQueries({ queryKey: keys.jobs }),
  });
}

export function useRunOcr() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    /** The given documents, or every page still without text when none are given ("OCR tất cả"). */
    mutationFn: (ids?: number[]) => api.call('ocr:run', ids ? { ids } : {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.jobs });
      void client.invalidateQueries({ queryKey: keys.documents });
    },
  });
}

/** What an export would publish now (counts per class, held-back and undecided lists). */
export function useExportPlan() {
  const api = useApi();
  return useQuery({ queryKey: keys.exportPlan, queryFn: () => api.call('export:plan', {}) });
}

export function useRunExport() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (out: string | null) => api.call('export:run', { out }),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.exportPlan }),
  });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: keys.settings, queryFn: () => api.call('settings:get', {}) });
}

export function useSaveSettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.call('settings:set', patch),
    onSuccess: (result) => client.setQueryData(keys.settings, result),
  });
}

/** Keeps lists and jobs fresh while imports run: any progress event marks them stale. */
export function useLiveRefresh() {
  const api = useApi();
  const client = useQueryClient();
  useEffect(() => {
    let pending: number | null = null;
    return api.onJobProgress(() => {
      if (pending !== null) return;
      // At most one refresh per half second, however fast files arrive.
      pending = window.setTimeout(() => {
        pending = null;
        void client.invalidateQueries({ queryKey: keys.jobs });
        void client.invalidateQueries({ queryKey: keys.documents });
        void client.invalidateQueries({ queryKey: keys.appInfo });
        // The pipeline reads headers and suggests as it goes: the review queue fills by itself.
        void client.invalidateQueries({ queryKey: ['review', 'queue'] });
        void client.invalidateQueries({ queryKey: keys.exportPlan });
      }, 500);
    });
  }, [api, client]);
}

// ——— Review (review:* channels) ———

export const reviewKeys = {
  queue: (query: ReviewQueueQuery) => ['review', 'queue', query] as const,
  evidence: (id: number) => ['review', 'evidence', id] as const,
  registry: ['review', 'registry'] as const,
  publishedTitle: (id: number) => ['review', 'publishedTitle', id] as const,
};

/** The title approval would publish (personal data masked) for the decision form. */
export function usePublishedTitle(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: reviewKeys.publishedTitle(id ?? 0),
    queryFn: () => api.call('review:publishedTitle', { id: id! }),
    enabled: id !== null,
  });
}

export function useReviewQueue(query: ReviewQueueQuery) {
  const api = useApi();
  return useQuery({
    queryKey: reviewKeys.queue(query),
    queryFn: ({ signal }) => api.call('review:queue', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvidence(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: reviewKeys.evidence(id ?? 0),
    queryFn: () => api.call('review:evidence', { id: id! }),
    enabled: id !== null,
  });
}

export function useLegalRegistry() {
  const api = useApi();
  return useQuery({
    queryKey: reviewKeys.registry,
    queryFn: () => api.call('review:registry', {}),
    staleTime: Infinity,
  });
}

/** After anything that changes suggestions or decisions: the queue, lists and details are stale. */
function useReviewInvalidation() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['review'] });
    void client.invalidateQueries({ queryKey: keys.documents });
  };
}

export function useAnalyse() {
  const api = useApi();
  const invalidate = useReviewInvalidation();
  return useMutation({
    mutationFn: (ids?: number[]) => api.call('review:analyse', ids ? { ids } : {}),
    onSuccess: invalidate,
  });
}

export function useDecide() {
  const api = useApi();
  const client = useQueryClient();
  const invalidate = useReviewInvalidation();
  return useMutation({
    mutationFn: (request: DecisionRequest) => api.call('review:decide', request),
    onSuccess: (detail) => {
      client.setQueryData(keys.detail(detail.id), detail);
      invalidate();
    },
  });
}

export function usePlanApproval() {
  const api = useApi();
  return useMutation({ mutationFn: (filter: ApprovalFilter) => api.call('review:plan', filter) });
}

export function useApproveSuggestions() {
  const api = useApi();
  const invalidate = useReviewInvalidation();
  return useMutation({
    mutationFn: (input: ApprovalFilter & { items: ApprovalItem[] }) =>
      api.call('review:approve', {
        ...input,
        items: input.items.map(({ id, to, basis, basisVersion, suggestionId, publishedTitle }) => ({
          id,
          to,
          basis,
          basisVersion,
          suggestionId,
          publishedTitle,
        })),
      }),
    onSettled: invalidate,
  });
}

export function useAuditVerify() {
  const api = useApi();
  return useMutation({ mutationFn: () => api.call('review:auditVerify', {}) });
}

// ——— The review desk: counts, next document needing a person, group review, undo ———

export function useReviewCounts() {
  const api = useApi();
  return useQuery({
    queryKey: ['review', 'counts'],
    queryFn: ({ signal }) => api.call('review:counts', {}, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSimilarDocuments(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['review', 'similar', id ?? 0],
    queryFn: ({ signal }) => api.call('review:similar', { id: id! }, signal),
    enabled: id !== null,
  });
}

export function useNextToReview() {
  const api = useApi();
  return useMutation({
    mutationFn: (input: Omit<ReviewQueueQuery, 'limit' | 'undecided'> & { after: number | null }) =>
      api.call('review:next', input),
  });
}

export function useDecideGroup() {
  const api = useApi();
  const invalidate = useReviewInvalidation();
  return useMutation({
    mutationFn: (request: GroupDecisionRequest) => api.call('review:decideGroup', request),
    onSuccess: invalidate,
  });
}

export function useUndoDecision() {
  const api = useApi();
  const invalidate = useReviewInvalidation();
  return useMutation({ mutationFn: () => api.call('review:undo', {}), onSuccess: invalidate });
}

/** Loads documents the reviewer is likely to open next (J/K neighbours) into the cache, so the
 *  next keystroke shows them without a round trip. */
export function usePrefetchDocuments(ids: readonly number[]) {
  const api = useApi();
  const client = useQueryClient();
  const key = ids.join(',');
  useEffect(() => {
    for (const id of key ? key.split(',').map(Number) : []) {
      void client.prefetchQuery({ queryKey: keys.detail(id), queryFn: () => api.call('documents:get', { id }), staleTime: 30_000 });
      void client.prefetchQuery({
        queryKey: reviewKeys.evidence(id),
        queryFn: () => api.call('review:evidence', { id }),
        staleTime: 30_000,
      });
    }
  }, [api, client, key]);
}
