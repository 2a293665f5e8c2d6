'use client';

import { createContext, useContext } from 'react';

/**
 * The id of the request that rendered the page (lib/request-id.js), for the error page to show:
 * a user who quotes it lets the request's log lines and audit entries be found.
 */
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ value, children }: { value: string | null; children: React.ReactNode }) {
  return <RequestIdContext.Provider value={value}>{children}</RequestIdContext.Provider>;
}

export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}
