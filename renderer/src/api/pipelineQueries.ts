import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HeaderKey } from '../../../shared/domain/header';
import { useApi } from './ApiContext';
import { keys } from './queries';

/** Confirms header fields marked "cần kiểm tra" as read (all of them when no keys are given). */
export function useConfirmHeader(id: number) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields?: HeaderKey[]) => api.call('documents:confirmHeader', fields ? { id, keys: fields } : { id }),
    onSuccess: (detail) => {
      client.setQueryData(keys.detail(id), detail);
      void client.invalidateQueries({ queryKey: ['documents', 'list'] });
      void client.invalidateQueries({ queryKey: ['review', 'queue'] });
    },
  });
}
