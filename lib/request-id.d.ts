export const REQUEST_ID_HEADER: 'x-request-id';
/** Letters, digits and `._:-`, 8 to 64 of them. */
export function isWellFormedRequestId(value: unknown): value is string;
/** The id a request goes by: the one it came with when well-formed, otherwise a new UUID. */
export function requestIdFor(given: string | string[] | null | undefined): string;
/** The request id of the request being served, from its headers; null outside a request or when missing. */
export function requestIdFrom(headers: Headers | Record<string, string | string[] | undefined> | null | undefined): string | null;
