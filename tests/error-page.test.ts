import { createElement, type ComponentProps, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import ErrorPage from '@/app/error';
import { RequestIdProvider } from '@/components/ui/request-id';
import en from '@/messages/en/core.json';
import zh from '@/messages/zh-CN/core.json';

/** The error page shows the request's id (from the root layout) and the error's digest, in the user's language. */
function render(locale: 'en' | 'zh-CN', requestId: string | null, digest?: string) {
  const error = Object.assign(new Error('hidden'), digest ? { digest } : {});
  const page = createElement(ErrorPage, { error, reset: () => undefined });
  // createElement's types ask for children in the props as well as after them.
  type WithChildren<P> = P & { children: ReactNode };
  const inner = createElement(RequestIdProvider, { value: requestId } as WithChildren<{ value: string | null }>, page);
  const intl = { locale, timeZone: 'Asia/Shanghai', messages: locale === 'en' ? en : zh } as unknown as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl, inner));
}

describe('the error page', () => {
  it('shows the request id and the digest, labelled in either language', () => {
    const id = '3b0c52a4-6f0e-4d7c-9a55-1f2e3d4c5b6a';
    const english = render('en', id, '2417838951');
    expect(english).toContain('Request ID');
    expect(english).toContain(id);
    expect(english).toContain('2417838951');
    expect(english).not.toContain('hidden');
    const chinese = render('zh-CN', id);
    expect(chinese).toContain('请求编号');
    expect(chinese).toContain(id);
  });

  it('shows neither label without an id or a digest', () => {
    expect(render('en', null)).not.toContain('Request ID');
  });
});
