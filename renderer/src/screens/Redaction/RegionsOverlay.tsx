import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedactionRegion, RegionBox } from '../../../../shared/contract/redaction';
import { KEY_START, moveBox } from './drawBox';
import type { RedactionTools } from './useRedactionTools';

/** The layer a box is drawn on: a mouse drag, or — focused — the arrow keys and Enter. */
function DrawSurface({ onDraw, onCancel }: { onDraw: (box: RegionBox) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const surface = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<RegionBox>(KEY_START);
  const start = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => surface.current?.focus(), []);

  const at = (e: PointerEvent) => {
    const r = surface.current!.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)),
      y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)),
    };
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = at(e);
    setDraft({ ...start.current, w: 0, h: 0 });
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const p = at(e);
    const s = start.current;
    setDraft({
      x: Math.min(s.x, p.x),
      y: Math.min(s.y, p.y),
      w: Math.abs(p.x - s.x),
      h: Math.abs(p.y - s.y),
    });
  };
  const up = () => {
    if (!start.current) return;
    start.current = null;
    if (draft.w > 0.003 && draft.h > 0.003) onDraw(draft);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      setDraft((b) => moveBox(b, e.key, e.shiftKey, e.altKey));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onDraw(draft);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <div
      ref={surface}
      className="rg-surface"
      tabIndex={0}
      role="application"
      aria-label={t('redaction.drawSurface')}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onKeyDown={key}
    >
      <span
        className="rg rg-draft"
        style={{
          left: `${draft.x * 100}%`,
          top: `${draft.y * 100}%`,
          width: `${draft.w * 100}%`,
          height: `${draft.h * 100}%`,
        }}
      />
    </div>
  );
}

/**
 * The redaction regions of one page drawn over its image (inside the image's positioned frame):
 * accepted ones black with their ground's label, proposals outlined, each a button that selects
 * it. While `drawing`, a layer over the image takes a mouse drag — or, focused, the keyboard — and
 * hands the drawn box (fractions of the image) to `onDraw`.
 */
export function RegionsOverlay({
  regions,
  selected,
  onSelect,
  drawing,
  onDraw,
  onCancelDraw,
}: {
  regions: RedactionRegion[];
  selected: number | null;
  onSelect: (id: number) => void;
  drawing: boolean;
  onDraw: (box: RegionBox) => void;
  onCancelDraw: () => void;
}) {
  const { t } = useTranslation();
  const shown = regions.filter((r) => r.state !== 'removed');
  return (
    <>
      {shown.flatMap((r) =>
        r.boxes.map((b, i) => (
          <button
            key={`${r.id}-${i}`}
            type="button"
            className={`rg rg-${r.state}${selected === r.id ? ' rg-selected' : ''}`}
            style={{
              left: `${b.x * 100}%`,
              top: `${b.y * 100}%`,
              width: `${b.w * 100}%`,
              height: `${b.h * 100}%`,
            }}
            aria-pressed={selected === r.id}
            aria-label={t('redaction.regionLabel', {
              id: r.id,
              category: t(`redaction.category.${r.category}`, { defaultValue: r.category }),
              state: t(`redaction.state.${r.state}`),
              label: r.label,
            })}
            tabIndex={i === 0 ? 0 : -1}
            onClick={() => onSelect(r.id)}
          >
            {r.state === 'accepted' && i === 0 ? <span aria-hidden="true">{r.label}</span> : null}
          </button>
        )),
      )}
      {drawing ? <DrawSurface onDraw={onDraw} onCancel={onCancelDraw} /> : null}
    </>
  );
}

/** The regions of one page over its image, wired to the redaction tools (Document and Review). */
export function PageRegions({ tools, page }: { tools: RedactionTools; page: number }) {
  if (!tools.view) return null;
  return (
    <RegionsOverlay
      regions={tools.view.regions.filter((r) => r.page === page)}
      selected={tools.selected}
      onSelect={tools.select}
      drawing={tools.drawing}
      onDraw={(box) => tools.draw(page, box)}
      onCancelDraw={() => tools.setDrawing(false)}
    />
  );
}
