import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageState } from './accounts';

/**
 * The printed year summary keeps its characters: Chromium's PDF holds the text as written, so a
 * reader can search it for 网络 (a font whose cmap maps the Kangxi radicals to the same glyphs
 * would give ⽹ for 网). The text is read back with pdftotext (poppler-utils); without it the test
 * is skipped, saying so.
 */
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));

test.use({ storageState: storageState('committee') });

for (const locale of ['zh-CN', 'en']) {
  test(`the printed year summary in ${locale} can be searched for its words`, async ({ page, context, baseURL }) => {
    test.skip(!pdftotext, 'pdftotext (poppler-utils) is not installed');
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    await page.goto('/committee/summary');
    await expect(page.locator('.print-sheet')).toBeVisible({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'summary-pdf-')), 'summary.pdf');
    fs.writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = execFileSync(pdftotext!, ['-enc', 'UTF-8', file, '-']).toString('utf8');
    // No character of the Kangxi radicals (U+2F00–U+2FDF) or the CJK radicals supplement (U+2E80–U+2EFF).
    expect([...text].filter((c) => /[\u2e80-\u2fdf]/.test(c))).toEqual([]);
    expect(text).toContain(locale === 'zh-CN' ? '孵化网络' : 'Incubation network');
  });
}
