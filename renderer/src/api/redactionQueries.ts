import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract/index';
import type { RedactionView } from '../../../shared/contract/redaction';
import { useApi } from './ApiContext';

/** Hooks for redaction regions (redaction:*). Every change answers with the document's regions,
 *  which replace the cached ones; the document (its history) and the export plan follow. */
export const redactionKeys = {
  regions: (id: number) => ['redaction', id] as const,
};

export function useRedaction(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: redactionKeys.regions(id ?? 0),
    queryFn: () => api.call('redaction:regions', { id: id! }),
    enabled: id !== null,
  });
}

type RegionChannel = 'redaction:propose' | 'redaction:setState' | 'redaction:draw' | 'redaction:fromText' | 'redaction:setGround';

function useRegionChange<C extends RegionChannel>(channel: C) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => api.call(channel, input) as Promise<RedactionView>,
    onSuccess: (view) => {
      client.setQueryData(redactionKeys.regions(view.documentId), view);
      void client.invalidateQueries({ queryKey: ['documents', 'detail', view.documentId] });
      void client.invalidateQueries({ queryKey: ['exportPlan'] });
    },
  });
}

export const useProposeRegions = () => useRegionChange('redaction:propose');
export const useSetRegionState = () => useRegionChange('redaction:setState');
export const useDrawRegion = () => useRegionChange('redaction:draw');
export const useRedactText = () => useRegionChange('redaction:fromText');

export function useBuildRedacted() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call('redaction:build', { id }),
    onSuccess: (file) => void client.invalidateQueries({ queryKey: redactionKeys.regions(file.documentId) }),
  });
}
