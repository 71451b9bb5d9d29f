import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Drops files on an element as a person dragging them from the file manager would: a `drop`
 *  event whose DataTransfer carries the files (bytes read here, Files built in the page). */
export async function dropFiles(page: Page, selector: string, files: { path: string; name: string }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: readFileSync(f.path).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}
