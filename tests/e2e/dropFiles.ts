import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Drops files on an element as a person dragging them from the file manager would: a `drop`
 *  event whose DataTransfer carries the files (bytes read here, Files built in the page). */
export async function dropFiles(page: Page, selector: string, files: { path: string; name: string }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: readFileSync(f.path).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    // Runs in the page (the specs are compiled without the DOM's types).
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (bits: unknown[], name: string) => unknown;
      atob(text: string): string;
    };
    const dt = new dom.DataTransfer();
    for (const f of list) dt.items.add(new dom.File([Uint8Array.from(dom.atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}
