import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { env } from './lib/env';
import { staticSecurityHeaders } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/server/i18n-request.ts');

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // The static headers on every response, static files included; the proxy adds the
  // per-request Content-Security-Policy (and these again) on everything else.
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders(env.isProduction) }];
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
