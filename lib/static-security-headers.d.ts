/** Headers that do not change per request; HSTS only in production (served over HTTPS). */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[];
