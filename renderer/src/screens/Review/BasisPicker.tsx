import { forwardRef, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessClass } from '../../../../shared/domain/access';
import { Badge } from '../../components';
import { matchBasis, type BasisOption } from './basisSearch';

export interface BasisPickerHandle {
  /** Opens the list and puts focus in the search box. */
  open(): void;
}

const optionDomId = (id: string) => `basis-opt-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Which law, which version, where in it (or "no article number yet"), verified or not. */
export function BasisLabel({ option }: { option: BasisOption }) {
  const { t } = useTranslation();
  return (
    <span className="basis-label">
      <span className="basis-where">
        <strong>{option.location ?? t('review.basisNoArticle')}</strong>
        {' · '}
        <span>{option.law}</span>
        {' · '}
        <span>{t('review.basisVersion', { version: option.version })}</span>
        {option.verified ? null : (
          <>
            {' '}
            <Badge tone="warning">{t('review.unverified')}</Badge>
          </>
        )}
      </span>
      <span className="basis-title">{option.titleVi}</span>
    </span>
  );
}

/**
 * The legal-basis picker: a search box (combobox) over a list of every registry entry that fits
 * the class, each with its article, clause and point, full title, law and version. ↓/↑ move, Enter
 * picks, Esc closes. The list is wide and wraps, so no description is cut.
 */
export const BasisPicker = forwardRef<
  BasisPickerHandle,
  {
    options: BasisOption[];
    access: AccessClass | null;
    value: string;
    onPick: (id: string) => void;
    /** After a pick or Esc: focus goes back to the review keys. */
    onDone: () => void;
    describedBy?: string;
    inputId: string;
  }
>(function BasisPicker({ options, access, value, onPick, onDone, describedBy, inputId }, ref) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchBasis(options, query, access), [options, query, access]);
  const listId = `${inputId}-list`;
  useImperativeHandle(ref, () => ({
    open: () => {
      setOpen(true);
      setQuery('');
      setActive(0);
      inputRef.current?.focus();
    },
  }));
  const activeOption = open ? matches[Math.min(active, matches.length - 1)] : undefined;
  // The list floats over the screen (fixed), as wide as the text needs, below the box or above it
  // when there is more room there — never clipped by the decision column.
  const [place, setPlace] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (!open) return;
    const measure = () => {
      const r = inputRef.current?.getBoundingClientRect();
      if (!r) return;
      const width = Math.min(640, window.innerWidth - 16);
      const left = Math.max(8, Math.min(r.right - width, window.innerWidth - width - 8));
      const below = window.innerHeight - r.bottom - 8;
      const above = r.top - 8;
      setPlace(
        below >= 240 || below >= above
          ? { position: 'fixed', left, width, top: r.bottom + 2, maxHeight: below }
          : { position: 'fixed', left, width, bottom: window.innerHeight - r.top + 2, maxHeight: above },
      );
    };
    measure();
    window.addEventListener('resize', measure);
    window.addEventListener('scroll', measure, true);
    return () => {
      window.removeEventListener('resize', measure);
      window.removeEventListener('scroll', measure, true);
    };
  }, [open]);
  const pick = (id: string) => {
    onPick(id);
    setOpen(false);
    setQuery('');
    onDone();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(matches.length - 1, a + step)));
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      if (activeOption) pick(activeOption.id);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setQuery('');
      onDone();
    }
  };
  return (
    <div className="basis-picker">
      <input
        ref={inputRef}
        id={inputId}
        className="input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionDomId(activeOption.id) : undefined}
        aria-describedby={describedBy}
        aria-keyshortcuts="B"
        placeholder={t('review.basisSearch')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          // A click on an option keeps the list (the option handles it); anything else closes it.
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} role="listbox" className="basis-list" style={place} aria-label={t('review.basisListLabel')}>
          {matches.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled="true" className="basis-empty">
              {t('review.basisNone')}
            </li>
          ) : (
            matches.map((o) => (
              <li
                key={`${o.version}:${o.id}`}
                id={optionDomId(o.id)}
                role="option"
                aria-selected={o.id === activeOption?.id}
                className={`basis-option${o.id === value ? ' basis-option-current' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(o.id)}
              >
                <BasisLabel option={o} />
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
});
