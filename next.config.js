import createNextIntlPlugin from 'next-intl/plugin';
import { staticSecurityHeaders } from './lib/static-security-headers.js';

const withNextIntl = createNextIntlPlugin('./lib/server/i18n-request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // The static headers on every response, static files included; the proxy adds the
  // per-request Content-Security-Policy (and these again) on everything else.
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders(process.env.NODE_ENV === 'production') }];
  },
  experimental: {
    authInterrupts: true,
    // Graduation evidence: up to 25 MB of files in one form (lib/evidence-files.ts), plus the fields.
    serverActions: { bodySizeLimit: '26mb' },
    // The proxy buffers request bodies up to this size; a larger one would reach the action cut short.
    proxyClientMaxBodySize: '26mb',
  },
};

export default withNextIntl(nextConfig);
