import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import './lib/env';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
