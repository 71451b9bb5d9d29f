import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcePath, resourcesDir } from '../../../electron/engine/resourcesDir';
import { REPO_ROOT } from '../../helpers/fixtures';

describe('the resources folder', () => {
  afterEach(() => {
    delete process.env.MINHBACH_RESOURCES_DIR;
  });

  it('is the repository resources/ when running from the sources', () => {
    expect(path.resolve(resourcesDir())).toBe(path.join(REPO_ROOT, 'resources'));
    for (const file of [['legal', 'access-basis.json'], ['fonts', 'LiberationSerif-Regular.ttf'], ['tessdata', 'fast', 'vie.traineddata.gz']]) {
      expect(existsSync(resourcePath(...file)), file.join('/')).toBe(true);
    }
  });

  it('is the folder a packaged app names, read when asked (not when imported)', () => {
    process.env.MINHBACH_RESOURCES_DIR = '/opt/minhbach/resources';
    expect(resourcePath('legal', 'access-basis.json')).toBe('/opt/minhbach/resources/legal/access-basis.json');
  });
});
