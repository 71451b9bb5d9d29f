import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScanProfile } from '../../../../shared/contract/scanning';
import { useApi } from '../../api/ApiContext';

export const scanKeys = {
  devices: ['scan', 'devices'] as const,
  profiles: ['scan', 'profiles'] as const,
  batches: ['scan', 'batches'] as const,
  batch: (id: string) => ['scan', 'batch', id] as const,
  page: (id: string, n: number, files: number) => ['scan', 'page', id, n, files] as const,
};

export function useScanDevices() {
  const api = useApi();
  return useQuery({ queryKey: scanKeys.devices, queryFn: () => api.call('scan:devices', { refresh: false }), staleTime: 60_000 });
}

export function useScanProfiles() {
  const api = useApi();
  return useQuery({ queryKey: scanKeys.profiles, queryFn: () => api.call('scan:profiles', {}) });
}

export function useSaveProfile() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: ScanProfile) => api.call('scan:saveProfile', profile),
    onSuccess: (profiles) => client.setQueryData(scanKeys.profiles, profiles),
  });
}

export function useDeleteProfile() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.call('scan:deleteProfile', { name }),
    onSuccess: (profiles) => client.setQueryData(scanKeys.profiles, profiles),
  });
}

/** A batch, polled while it scans (progress, new pages, their judgements). */
export function useBatch(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: scanKeys.batch(id ?? ''),
    queryFn: () => api.call('scan:batch', { batchId: id! }),
    enabled: id !== null,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return 700;
      const pending = data.state === 'open' && data.pages.some((p) => p.blank === null);
      return data.state === 'scanning' || pending ? 700 : false;
    },
  });
}

export function useOpenBatches() {
  const api = useApi();
  return useQuery({ queryKey: scanKeys.batches, queryFn: () => api.call('scan:batches', {}) });
}

/** A thumbnail of a batch page as a data: URL. */
export function useBatchPage(id: string, n: number, files: number) {
  const api = useApi();
  return useQuery({
    queryKey: scanKeys.page(id, n, files),
    queryFn: async () => {
      const image = await api.call('scan:pageImage', { batchId: id, page: n, size: 240 });
      return `data:${image.mime};base64,${image.base64}`;
    },
    staleTime: Infinity,
  });
}

/** Saves base64 bytes as a file through the browser's download (Electron asks where). */
export function downloadBase64(base64: string, fileName: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
