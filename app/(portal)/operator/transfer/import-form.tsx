'use client';

import { useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { notice, OutcomeMessage, type Outcome } from '@/components/forms/form-kit';
import { CarrierOptions, NumberOptions, PickerSelect, QUARTERS } from '@/components/forms/picker-select';
import { ImportResult, type ImportOutcome } from './import-result';

type Kind = 'ventures' | 'reports';
type Phase = 'uploading' | 'parsing' | 'validating' | 'writing';
type Progress = { phase: Phase; done: number; total: number };
type Carrier = { id: number; name: string };

/** Where each phase sits on the one progress bar (writing is one transaction, so it moves at its end). */
const SPAN: Record<Phase, [number, number]> = { uploading: [0, 5], parsing: [5, 20], validating: [20, 50], writing: [50, 100] };
const percentOf = (p: Progress) => {
  const [from, to] = SPAN[p.phase];
  return Math.round(from + (to - from) * (p.total > 0 ? p.done / p.total : 0));
};
const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const fieldClass = 'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm';

/** Reads the import's NDJSON answer line by line as it arrives. */
async function readLines(body: ReadableStream<Uint8Array>, onLine: (line: Record<string, unknown>) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
    if (done) break;
  }
  if (buffered.trim()) onLine(JSON.parse(buffered));
}

export function ImportForm({
  carriers,
  years,
  defaultYear,
  defaultQuarter,
}: {
  carriers: Carrier[];
  years: number[];
  defaultYear: number;
  defaultQuarter: number;
}) {
  const t = useTranslations('transfer.import');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('ventures');
  const [carrier, setCarrier] = useState(String(carriers[0]?.id ?? ''));
  const [year, setYear] = useState(String(defaultYear));
  const [quarter, setQuarter] = useState(String(defaultQuarter));
  const [chosen, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  // A refusal of the whole upload (no file, a refused request) is the kit's outcome; the import's
  // own report, with its rows, is the ImportResult. The upload uses fetch, not a server action,
  // so that the route handler can stream its progress.
  const [refusal, setRefusal] = useState<Outcome | null>(null);
  const pending = progress !== null;

  const reset = () => {
    setOutcome(null);
    setRefusal(null);
  };
  const choose = (f: File | null | undefined) => {
    setFile(f ?? null);
    reset();
  };
  const templateHref =
    kind === 'ventures' ? '/api/operator/template?kind=ventures' : `/api/operator/template?${new URLSearchParams({ kind: 'reports', carrier, year, quarter })}`;

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    reset();
    // The input itself, in case it was filled before the page became interactive.
    const file = chosen ?? inputRef.current?.files?.[0] ?? null;
    if (!file) {
      setRefusal(notice('error', t('noFile')));
      return;
    }
    const body = new FormData();
    body.set('kind', kind);
    body.set('file', file);
    if (kind === 'reports') {
      body.set('carrier', carrier);
      body.set('year', year);
      body.set('quarter', quarter);
    }
    setProgress({ phase: 'uploading', done: 0, total: 1 });
    let result: ImportOutcome | null = null;
    try {
      const res = await fetch('/api/operator/import', { method: 'POST', body });
      if (!res.ok || !res.body) {
        const json = (await res.json().catch(() => ({}))) as { message?: string };
        setRefusal(notice('error', t('refused', { message: json.message ?? res.statusText })));
        return;
      }
      await readLines(res.body, (line) => {
        if (line.type === 'progress') setProgress(line as unknown as Progress);
        else if (line.type === 'result') result = line as unknown as ImportOutcome;
      });
      const final: ImportOutcome = result ?? { ok: false, errors: [], errorCount: 0, message: t('interrupted') };
      setOutcome(final);
      if (final.ok) {
        // The file is in; choosing it again by mistake would only be refused row by row.
        setFile(null);
        if (inputRef.current) inputRef.current.value = '';
      }
    } catch {
      setOutcome({ ok: false, errors: [], errorCount: 0, message: t('interrupted') });
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('what')}</legend>
        {(['ventures', 'reports'] as const).map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              disabled={pending}
              onChange={() => {
                setKind(k);
                reset();
              }}
            />
            {k === 'ventures' ? t('kindVentures') : t('kindReports')}
          </label>
        ))}
      </fieldset>

      {kind === 'reports' ? (
        <div className="flex flex-wrap gap-4">
          <PickerSelect
            label={t('carrier')}
            name="carrier"
            value={carrier}
            disabled={pending}
            onChange={(e) => setCarrier(e.target.value)}
            className={fieldClass}
          >
            <CarrierOptions carriers={carriers} />
          </PickerSelect>
          <PickerSelect label={t('year')} name="year" value={year} disabled={pending} onChange={(e) => setYear(e.target.value)} className={fieldClass}>
            <NumberOptions values={years} />
          </PickerSelect>
          <PickerSelect
            label={t('quarter')}
            name="quarter"
            value={quarter}
            disabled={pending}
            onChange={(e) => setQuarter(e.target.value)}
            className={fieldClass}
          >
            <NumberOptions values={QUARTERS} label={(q) => t('quarterOption', { quarter: q })} />
          </PickerSelect>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <p className="max-w-3xl">{kind === 'ventures' ? t('venturesHint') : t('reportsHint')}</p>
        <a href={templateHref} download className="rounded-md border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50">
          {kind === 'ventures' ? t('template') : t('templateReports')}
        </a>
      </div>

      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (!pending) choose(e.dataTransfer.files[0]);
        }}
        className={`rounded-lg border-2 border-dashed p-5 ${dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-slate-50'}`}
      >
        <input
          ref={inputRef}
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={pending}
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => choose(e.target.files?.[0])}
          className="peer sr-only"
        />
        {/* The browser's own file button speaks the browser's language; this label speaks the user's. */}
        <label
          htmlFor={`${id}-file`}
          className="inline-block cursor-pointer rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
        >
          {t('file')}
        </label>
        <p id={`${id}-file-hint`} className="mt-2 text-sm text-slate-600">
          {t('fileHint')}
        </p>
        {chosen ? <p className="mt-1 text-sm text-slate-800">{t('selected', { name: chosen.name, size: sizeOf(chosen.size) })}</p> : null}
      </div>

      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {pending ? t('submitting') : t('submit')}
      </button>

      {progress ? (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label={t('progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percentOf(progress)}
            aria-valuetext={t('phaseCount', { phase: t(`phases.${progress.phase}`), done: progress.done, total: progress.total })}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percentOf(progress)}%` }} />
          </div>
          <p className="text-sm text-slate-700" aria-hidden="true">
            {t('phaseCount', { phase: t(`phases.${progress.phase}`), done: progress.done, total: progress.total })}
          </p>
        </div>
      ) : null}

      <OutcomeMessage outcome={refusal} />
      {outcome ? <ImportResult outcome={outcome} /> : null}
    </form>
  );
}
