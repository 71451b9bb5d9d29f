import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibrarySort } from '../../../../shared/contract/documents';
import type { SearchFilters } from '../../api/filters';
import { LIST_PAGE_SIZE, useListPages, useListTotal, useSearch } from '../../api/queries';
import { useDebouncedValue } from '../../app/useDebouncedValue';
import { Alert, Button, PageHeader } from '../../components';
import { errorText } from '../../i18n/index';
import { DocumentTable, type Column, type TableRow, type TableSort } from './DocumentTable';
import { LibraryFilters } from './LibraryFilters';
import { RequestsDueNotice } from './RequestsDueNotice';
import { searchableQuery } from './searchQuery';

const QUERY_KEY = 'minhbach.library.query';
const SORT_KEY = 'minhbach.library.sort';

/** The engine's sort for a column, and the direction a first click gives (newest dates and the
 *  documents waiting for OCR first; A→Z for the rest). */
const SORT_OF: Record<Column, { sort: LibrarySort; first: 'asc' | 'desc' }> = {
  number: { sort: 'number', first: 'asc' },
  type: { sort: 'type', first: 'asc' },
  date: { sort: 'issued', first: 'desc' },
  issuer: { sort: 'issuer', first: 'asc' },
  subject: { sort: 'subject', first: 'asc' },
  pages: { sort: 'pages', first: 'desc' },
  ocr: { sort: 'ocr', first: 'desc' },
  access: { sort: 'access', first: 'asc' },
};

function savedSort(): TableSort | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SORT_KEY) ?? 'null') as TableSort | null;
    return saved && saved.column in SORT_OF ? saved : null;
  } catch {
    return null;
  }
}

export function LibraryScreen() {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  // The query survives opening a document and coming back.
  const [query, setQuery] = useState(() => sessionStorage.getItem(QUERY_KEY) ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  // The order survives opening a document and coming back, like the query.
  const [sort, setSort] = useState<TableSort | null>(savedSort);
  const changeSort = (next: TableSort | null) => {
    setSort(next);
    sessionStorage.setItem(SORT_KEY, JSON.stringify(next));
  };
  const onSort = (column: Column) =>
    changeSort(
      sort?.column === column
        ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: SORT_OF[column].first },
    );
  const listQuery = useMemo(
    () => (sort ? { ...filters, sort: SORT_OF[sort.column].sort, direction: sort.direction } : filters),
    [filters, sort],
  );
  const [pageRange, setPageRange] = useState<[number, number]>([0, 0]);
  const settledQuery = useDebouncedValue(searchableQuery(query), 60);
  const searching = settledQuery.length > 0;

  const onQuery = (value: string) => {
    setQuery(value);
    sessionStorage.setItem(QUERY_KEY, value);
  };

  const pageIndexes = useMemo(() => {
    const out: number[] = [];
    for (let p = pageRange[0]; p <= pageRange[1]; p += 1) out.push(p);
    return out;
  }, [pageRange]);
  const listTotal = useListTotal(filters, !searching);
  const listPages = useListPages(listQuery, pageIndexes, !searching);
  const search = useSearch(settledQuery, filters, searching);

  const total = listTotal.data ?? 0;
  const hits = useMemo(() => search.data?.pages.flatMap((p) => p.hits) ?? [], [search.data]);

  const rowAt = useCallback(
    (index: number): TableRow | undefined => {
      if (searching) {
        const hit = hits[index];
        return hit
          ? { document: hit.document, hit: { page: hit.page, snippetParts: hit.snippetParts } }
          : undefined;
      }
      const pageNo = Math.floor(index / LIST_PAGE_SIZE);
      const page = listPages[pageNo - pageRange[0]]?.data;
      const document = page?.items[index - pageNo * LIST_PAGE_SIZE];
      return document ? { document } : undefined;
    },
    [searching, hits, listPages, pageRange],
  );

  const onVisibleRange = useCallback((first: number, last: number) => {
    const next: [number, number] = [Math.floor(first / LIST_PAGE_SIZE), Math.floor(last / LIST_PAGE_SIZE)];
    setPageRange((prev) => (prev[0] === next[0] && prev[1] === next[1] ? prev : next));
  }, []);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  const onNearEnd = useCallback(() => {
    if (searching && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [searching, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const rowCount = searching ? hits.length : total;
  const error = (searching ? search.error : (listTotal.error ?? listPages.find((p) => p.error)?.error)) as
    { code: string; message: string } | null | undefined;
  const countText = searching
    ? hasNextPage
      ? t('library.resultsMore', { count: hits.length })
      : t('library.results', { count: hits.length })
    : t('library.total', { count: total });
  const loaded = searching ? search.isSuccess : listTotal.isSuccess;

  return (
    <div className="screen library-screen">
      <PageHeader title={t('library.title')} actions={<RequestsDueNotice />} />
      <div className="library-toolbar" role="search">
        <div className="library-search">
          <label htmlFor={searchId} className="field-label">
            {t('library.search')}
          </label>
          <input
            id={searchId}
            type="search"
            className="input"
            value={query}
            placeholder={t('library.searchPlaceholder')}
            onChange={(e) => onQuery(e.target.value)}
            aria-describedby={`${searchId}-hint`}
            autoComplete="off"
            spellCheck={false}
          />
          <p id={`${searchId}-hint`} className="field-hint">
            {t('library.searchHint')}
          </p>
        </div>
        <LibraryFilters value={filters} onChange={setFilters} />
      </div>
      <div className="library-count-row">
        <p className="library-count" role="status" aria-live="polite">
          {loaded ? countText : t('common.loading')}
          {searching ? ` · ${t('library.byRelevance')}` : null}
          {!searching && sort
            ? ` · ${t('library.sortedBy', {
                column: t(`library.col.${sort.column}`),
                direction: t(`library.direction.${sort.direction}`),
              })}`
            : null}
        </p>
        {!searching && sort ? (
          <Button size="sm" variant="ghost" onClick={() => changeSort(null)}>
            {t('library.importOrder')}
          </Button>
        ) : null}
      </div>
      {error ? <Alert tone="error">{errorText(error, i18n.language)}</Alert> : null}
      {loaded && rowCount === 0 ? (
        <Alert tone="info">{searching ? t('library.noResults') : t('library.empty')}</Alert>
      ) : (
        <DocumentTable
          rowCount={rowCount}
          rowAt={rowAt}
          withSnippets={searching}
          onVisibleRange={onVisibleRange}
          onNearEnd={onNearEnd}
          sort={searching ? null : sort}
          {...(searching ? {} : { onSort })}
        />
      )}
    </div>
  );
}
