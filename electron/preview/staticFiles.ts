import { readFile } from 'node:fs/promises';
import { mimeOf, rendererFileFor } from '../host/rendererFiles';

/** Reads a file of the built renderer; null for anything outside its folder or missing. */
export async function readStatic(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | null> {
  const file = rendererFileFor(root, urlPath);
  if (!file) return null;
  try {
    return {
      body: await readFile(file),
      type: mimeOf(file),
    };
  } catch {
    return null;
  }
}
