import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { RequestIdProvider } from '@/components/ui/request-id';
import { requestIdFrom } from '@/lib/request-id';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('appName'), template: `%s · ${t('appName')}` },
    // public/: the mark as SVG, and favicon.ico (16, 32 and 48 pixels) for browsers that want one.
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
        { url: '/icon.svg', type: 'image/svg+xml' },
      ],
    },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next can put this request's CSP nonce
  // (set by proxy.ts) on its scripts; a prerendered page would carry none and not run.
  // The request's id (proxy.ts), for the error page to show.
  const requestId = requestIdFrom(await headers());
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <RequestIdProvider value={requestId}>{children}</RequestIdProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
