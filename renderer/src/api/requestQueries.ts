import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, Input } from '../../../shared/contract/index';
import type { DownloadFile, RequestListQuery } from '../../../shared/contract/requests';
import { useApi } from './ApiContext';

/** Hooks for the request register (requests:*, consents:*, calendar:*). Any change invalidates
 *  the whole 'requests' family: the lists are small and the counts must follow at once. */
export const requestKeys = {
  all: ['requests'] as const,
  list: (q: RequestListQuery) => ['requests', 'list', q] as const,
  due: ['requests', 'due'] as const,
  detail: (id: number) => ['requests', 'detail', id] as const,
  consents: ['requests', 'consents'] as const,
  stats: (year: number) => ['requests', 'stats', year] as const,
  calendar: (year: number) => ['requests', 'calendar', year] as const,
};

export function useRequests(q: RequestListQuery) {
  const api = useApi();
  return useQuery({ queryKey: requestKeys.list(q), queryFn: () => api.call('requests:list', q) });
}

export function useDueCounts() {
  const api = useApi();
  return useQuery({
    queryKey: requestKeys.due,
    queryFn: () => api.call('requests:dueCounts', {}),
    staleTime: 30_000,
  });
}

export function useRequest(id: number) {
  const api = useApi();
  return useQuery({ queryKey: requestKeys.detail(id), queryFn: () => api.call('requests:get', { id }) });
}

export function useConsents() {
  const api = useApi();
  return useQuery({ queryKey: requestKeys.consents, queryFn: () => api.call('consents:list', {}) });
}

export function useRequestStats(year: number) {
  const api = useApi();
  return useQuery({ queryKey: requestKeys.stats(year), queryFn: () => api.call('requests:stats', { year }) });
}

export function useCalendar(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: requestKeys.calendar(year),
    queryFn: () => api.call('calendar:get', { year }),
  });
}

/** A mutation on any requests-family channel that refreshes the family when it succeeds. */
export function useRequestAction<C extends Channel>(channel: C) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => api.call(channel, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: requestKeys.all }),
  });
}

/** Saves a file the engine sent (notice, provided PDF, report) through the browser's download. */
export function saveDownload(file: DownloadFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
