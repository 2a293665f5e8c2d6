'use client';
import { useEffect, useId, useState } from 'react';
import { filterField } from '@/lib/search-params';

export type Choice = { value: string; label: string };

/**
 * A carrier filter for a network too large to list (CARRIER_LIST_LIMIT): the member types a part
 * of a name, the browser offers the matching carriers (asked of `endpoint` as they type), and the
 * chosen one's id goes with the form under `name`. Text that names no offered carrier sends no
 * carrier (all of them), and says so under the field.
 */
export function CarrierSearch({
  label,
  name,
  chosen,
  endpoint,
  placeholder,
  unmatched,
  className = filterField,
}: {
  label: string;
  name: string;
  chosen: Choice | null;
  endpoint: string;
  placeholder: string;
  unmatched: string;
  className?: string;
}) {
  const [text, setText] = useState(chosen?.label ?? '');
  const [options, setOptions] = useState<Choice[]>(chosen ? [chosen] : []);
  const listId = useId();
  const hintId = useId();
  const match = options.find((o) => o.label === text.trim());
  const known = match !== undefined;

  useEffect(() => {
    const term = text.trim();
    if (!term || known) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${endpoint}?q=${encodeURIComponent(term)}`, { signal: abort.signal, headers: { Accept: 'application/json' } })
        .then((res) => (res.ok ? (res.json() as Promise<{ choices: Choice[] }>) : { choices: [] }))
        .then((body) => setOptions(body.choices))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, known, endpoint]);

  const lost = text.trim() !== '' && !known;
  return (
    <div className="relative flex flex-col text-sm">
      <label className="flex flex-col">
        <span className="mb-1 text-slate-700">{label}</span>
        <input
          type="search"
          list={listId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={placeholder}
          autoComplete="off"
          className={className}
          aria-describedby={lost ? hintId : undefined}
        />
      </label>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.value} value={o.label} />
        ))}
      </datalist>
      <input type="hidden" name={name} value={match?.value ?? ''} />
      {lost ? (
        <span id={hintId} role="status" className="absolute left-0 top-full mt-0.5 whitespace-nowrap text-xs text-amber-700">
          {unmatched}
        </span>
      ) : null}
    </div>
  );
}
