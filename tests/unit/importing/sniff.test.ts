import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffType } from '../../../electron/engine/importing/sniff';
import { fixture } from '../../helpers/fixtures';

describe('type sniffing from content', () => {
  it.each([
    ['corpus/d01/born-digital.pdf', 'application/pdf'],
    ['corpus/d04-scan.tiff', 'image/tiff'],
    ['bad/shell-name.png', 'image/png'],
    ['bad/corrupt.jpg', 'image/jpeg'],
    ['bad/really-a-zip.pdf', 'application/zip'],
    ['bad/text-renamed.tif', 'text/plain'],
  ])('%s is %s whatever its extension says', (file, mime) => {
    expect(sniffType(readFileSync(fixture(file))).mime).toBe(mime);
  });

  it('recognises WebP', () => {
    const webp = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1');
    expect(sniffType(webp).mime).toBe('image/webp');
  });
});
