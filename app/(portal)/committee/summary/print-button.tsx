'use client';

/** Opens the browser's print dialog, where the summary can also be saved as a PDF. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 print:hidden"
    >
      {label}
    </button>
  );
}
