import { useSyncExternalStore } from 'react';

/** Hash routes: they need no server and no history API, so they work on app:// and in the
 *  preview alike. */
export type Route =
  | { name: 'library' }
  | { name: 'document'; id: number; page: number }
  | { name: 'import' }
  | { name: 'jobs' }
  | { name: 'review' }
  | { name: 'export' }
  | { name: 'settings' }
  | { name: 'requests' }
  | { name: 'request'; id: number }
  | { name: 'consents' }
  | { name: 'statistics' }
  | { name: 'scan' }
  | { name: 'camera' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const doc = /^\/documents\/(\d+)$/.exec(path);
  if (doc)
    return {
      name: 'document',
      id: Number(doc[1]),
      page: Math.max(1, Number(params.get('page') ?? '1') || 1),
    };
  const request = /^\/requests\/(\d+)$/.exec(path);
  if (request) return { name: 'request', id: Number(request[1]) };
  if (path === '/requests') return { name: 'requests' };
  if (path === '/consents') return { name: 'consents' };
  if (path === '/statistics') return { name: 'statistics' };
  if (path === '/import') return { name: 'import' };
  if (path === '/jobs') return { name: 'jobs' };
  if (path === '/review') return { name: 'review' };
  if (path === '/export') return { name: 'export' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/scan') return { name: 'scan' };
  if (path === '/camera') return { name: 'camera' };
  return { name: 'library' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'document':
      return `#/documents/${route.id}${route.page > 1 ? `?page=${route.page}` : ''}`;
    case 'request':
      return `#/requests/${route.id}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.location.hash = href;
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
