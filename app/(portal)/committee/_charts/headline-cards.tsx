import Link from 'next/link';
import { formatInt } from '@/lib/format';
import { headlineChange, type Headline } from '@/lib/server/exports/dashboard-tables';

export type HeadlineCard = Headline & { label: string; unitLabel: string; href: string; hint?: string };

/** One headline figure: its value, last year's, the change, and the list behind it. */
function Card({
  card,
  changeText,
  previousLabel,
  noPrevious,
  noComparison,
  formatMoney,
}: {
  card: HeadlineCard;
  changeText: (change: string) => string;
  previousLabel: string;
  noPrevious: string;
  noComparison: string;
  formatMoney: (fen: number) => string;
}) {
  const fmt = (n: number) => (card.money ? formatMoney(n) : formatInt(n));
  const change = headlineChange(card);
  const delta = card.pair.current - card.pair.previous;
  const tone = !card.comparable ? 'text-slate-600' : delta > 0 ? 'text-emerald-800' : delta < 0 ? 'text-red-800' : 'text-slate-600';
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '■';
  // The change in per cent of last year's figure; the difference itself when last year had none.
  const signed = change === null ? `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${fmt(Math.abs(delta))}` : `${change > 0 ? '+' : ''}${change.toFixed(1)}%`;
  return (
    <li>
      <Link
        href={card.href}
        className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-600 hover:shadow focus-visible:border-brand-600"
      >
        <span className="text-sm font-medium text-slate-700">{card.label}</span>
        <span className="mt-1 flex flex-wrap items-baseline gap-x-1">
          <span className={`${card.money ? 'text-xl' : 'text-2xl'} font-semibold tabular-nums text-slate-900`}>{fmt(card.pair.current)}</span>
          {card.unitLabel ? <span className="whitespace-nowrap text-xs text-slate-600">{card.unitLabel}</span> : null}
        </span>
        <span className={`mt-1 text-xs tabular-nums ${tone}`}>
          {!card.comparable ? (
            <span className="text-slate-600">{noComparison}</span>
          ) : card.pair.previous === 0 && card.pair.current === 0 ? (
            <span className="text-slate-600">{noPrevious}</span>
          ) : (
            <>
              <span aria-hidden>{arrow} </span>
              {changeText(signed)}
            </>
          )}
        </span>
        <span className="mt-0.5 text-xs tabular-nums text-slate-600">
          {previousLabel} {fmt(card.pair.previous)}
        </span>
        {card.hint ? <span className="mt-1 text-xs text-slate-600">{card.hint}</span> : null}
      </Link>
    </li>
  );
}

export function HeadlineCards({
  title,
  note,
  cards,
  changeText,
  previousLabel,
  noPrevious,
  noComparison,
  formatMoney,
}: {
  title: string;
  note?: string;
  cards: HeadlineCard[];
  changeText: (change: string) => string;
  previousLabel: string;
  noPrevious: string;
  noComparison: string;
  /** Money as the cards show it: 万元 in Chinese (the unit below), "¥1.2m" in English. */
  formatMoney: (fen: number) => string;
}) {
  return (
    <section aria-label={title} className="mb-6">
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {note ? <p className="text-sm text-slate-600">{note}</p> : null}
      </div>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-7">
        {cards.map((c) => (
          <Card
            key={c.key}
            card={c}
            changeText={changeText}
            previousLabel={previousLabel}
            noPrevious={noPrevious}
            noComparison={noComparison}
            formatMoney={formatMoney}
          />
        ))}
      </ul>
    </section>
  );
}
