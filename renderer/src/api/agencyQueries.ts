import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencyPatch, AgencySettings, FormCode } from '../../../shared/contract/agency';
import { useApi } from './ApiContext';

/** The agency's details (agency:* channels): the first-start dialog, Settings and Export read them. */
export const agencyKey = ['agency'] as const;

export function useAgency() {
  const api = useApi();
  return useQuery({ queryKey: agencyKey, queryFn: () => api.call('agency:get', {}) });
}

export function useSaveAgency() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: AgencyPatch) => api.call('agency:set', patch),
    onSuccess: (agency) => client.setQueryData(agencyKey, agency),
  });
}

/**
 * Sets a request form: the desktop app asks for the file in its native dialog (no path crosses
 * from the page), the preview uploads the file the browser picked. Resolves to null when the
 * dialog was cancelled.
 */
export function useSetAgencyForm() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, file }: { code: FormCode; file?: File }): Promise<AgencySettings | null> => {
      if (api.host === 'electron') {
        const { chosen, settings } = await api.call('agency:chooseForm', { code });
        return chosen ? settings : null;
      }
      if (!file || !api.transport.upload) return null;
      const uploadId = await api.transport.upload(file);
      return api.call('agency:uploadForm', { code, uploadId });
    },
    onSuccess: (agency) => {
      if (agency) client.setQueryData(agencyKey, agency);
    },
  });
}

export function useRemoveAgencyForm() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: FormCode) => api.call('agency:removeForm', { code }),
    onSuccess: (agency) => client.setQueryData(agencyKey, agency),
  });
}
