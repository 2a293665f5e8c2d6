import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import './lib/env';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // Graduation evidence: up to 25 MB of files in one form (lib/evidence-files.ts), plus the fields.
    serverActions: { bodySizeLimit: '26mb' },
    // The proxy buffers request bodies up to this size; a larger one would reach the action cut short.
    proxyClientMaxBodySize: '26mb',
  },
};

export default withNextIntl(nextConfig);
