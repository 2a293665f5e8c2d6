'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False during server rendering and hydration, true once the page is interactive. A form whose
 * submit is handled in the browser keeps its button disabled until then, so that an early click
 * never falls back to a native submission (which would put the typed values in the URL).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
