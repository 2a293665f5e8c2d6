'use client';

/**
 * Removing a row of a table after asking: the remove button (named for its row by
 * `removeAriaLabel`) turns into the question, if any, and its confirm and cancel buttons.
 */
export function RowRemoval({
  asking,
  pending,
  question,
  removeLabel,
  removeAriaLabel,
  confirmLabel,
  cancelLabel,
  onAsk,
  onConfirm,
  onCancel,
}: {
  asking: boolean;
  pending: boolean;
  question?: string;
  removeLabel: string;
  removeAriaLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  if (!asking) {
    return (
      <button
        type="button"
        disabled={pending}
        onClick={onAsk}
        aria-label={removeAriaLabel}
        className="rounded-md border border-red-700 px-3 py-1 text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {removeLabel}
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      {question ? <span className="text-slate-800">{question}</span> : null}
      <button type="button" disabled={pending} onClick={onConfirm} className="rounded-md bg-red-700 px-3 py-1 text-white hover:bg-red-800 disabled:opacity-60">
        {confirmLabel}
      </button>
      <button type="button" disabled={pending} onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1 text-slate-800 hover:bg-slate-100">
        {cancelLabel}
      </button>
    </span>
  );
}
