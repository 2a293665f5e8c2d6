'use client';

import { useTranslations } from 'next-intl';
import { REPORT_FIELDS } from '@/lib/validation/report-fields';
import type { RowErrors } from './report-cells';

/** The id of a venture's input for a figure: the error list links to it. */
export const cellId = (ventureId: number, field: string) => `cell-${ventureId}-${field}`;

/** Room left between a revealed cell and the edge it was scrolled to (px). */
const MARGIN = 8;

type Span = { left: number; right: number };

/**
 * Scrolls the grid so that its cells are visible right of the sticky name column (which hides
 * whatever scrolls under it): all of them if they fit side by side, else the first. Then brings
 * the first into the window and focuses it. In the card layout the grid does not scroll
 * sideways and its name column is not sticky, so only the window scrolls.
 */
export function revealCells(container: HTMLElement, inputs: HTMLElement[]) {
  const first = inputs[0];
  if (!first) return;
  const sticky = container.querySelector<HTMLElement>('[data-sticky-column]');
  const stickyWidth = sticky && getComputedStyle(sticky).position === 'sticky' ? sticky.getBoundingClientRect().width : 0;
  const box = container.getBoundingClientRect();
  const spanOf = (input: HTMLElement): Span => {
    const r = (input.closest('td') ?? input).getBoundingClientRect();
    const left = r.left - box.left - container.clientLeft + container.scrollLeft;
    return { left, right: left + r.width };
  };
  const spans = inputs.map(spanOf);
  const all = { left: Math.min(...spans.map((s) => s.left)), right: Math.max(...spans.map((s) => s.right)) };
  const visibleWidth = container.clientWidth - stickyWidth;
  const target = all.right - all.left + 2 * MARGIN <= visibleWidth ? all : spans[0]!;
  const viewLeft = container.scrollLeft + stickyWidth;
  if (target.left - MARGIN < viewLeft) container.scrollLeft = Math.max(0, target.left - stickyWidth - MARGIN);
  else if (target.right + MARGIN > viewLeft + visibleWidth) container.scrollLeft = target.right + MARGIN - container.clientWidth;
  // Vertically (the grid's own scroll and the window's); sideways the cell is already in view.
  (first.closest('td') ?? first).scrollIntoView({ block: 'center', inline: 'nearest' });
  first.focus({ preventScroll: true });
}

/**
 * The errors of the last save above the grid: each names the venture and the figure, and its
 * link brings the cell into view and focuses it.
 */
export function GridErrorList({
  errors,
  names,
  onReveal,
}: {
  errors: RowErrors;
  /** The ventures of the grid by id, in the grid's order. */
  names: { ventureId: number; name: string }[];
  onReveal: (ventureId: number, field: string) => void;
}) {
  const t = useTranslations('reports');
  const items: { key: string; ventureId: number; field: string; message: string; name: string; figure?: string }[] = [];
  for (const { ventureId, name } of names) {
    const row = errors[ventureId];
    if (!row) continue;
    if (row.row) items.push({ key: `${ventureId}-row`, ventureId, field: REPORT_FIELDS[0], name, message: t('rowRefused') });
    for (const field of REPORT_FIELDS) {
      const message = row.cells[field];
      if (message) items.push({ key: `${ventureId}-${field}`, ventureId, field, name, figure: t(`fields.${field}`), message });
    }
  }
  if (items.length === 0) return null;
  return (
    <div className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <h3 className="font-medium">{t('errorListTitle')}</h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {items.map((item) => {
          const cell = (chunks: React.ReactNode) => (
            <a
              href={`#${cellId(item.ventureId, item.field)}`}
              className="font-medium underline underline-offset-2"
              onClick={(e) => {
                e.preventDefault();
                onReveal(item.ventureId, item.field);
              }}
            >
              {chunks}
            </a>
          );
          return (
            <li key={item.key}>
              {item.figure
                ? t.rich('errorItem', { venture: item.name, field: item.figure, message: item.message, cell })
                : t.rich('errorRow', { venture: item.name, message: item.message, cell })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
