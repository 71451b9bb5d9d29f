import { createReadStream } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencySettings } from '../../../shared/contract/agency';
import { fixture } from '../../helpers/fixtures';
import { startTestHost, type TestHost } from '../../helpers/previewHost';

let t: TestHost;

beforeAll(async () => {
  t = await startTestHost('minhbach-agency-', []);
});

afterAll(() => t.close());

const ok = <T>(channel: string, input: unknown) => t.ok<T>(channel, input);

describe('first start and agency details through the handler table', () => {
  it('a fresh install has no reviewer name (the OS account is never used) and no agency details', async () => {
    const { settings } = await ok<{ settings: { reviewerName: string } }>('settings:get', {});
    expect(settings.reviewerName).toBe('');
    expect(settings.reviewerName).not.toBe(os.userInfo().username);
    const agency = await ok<AgencySettings>('agency:get', {});
    expect(agency).toMatchObject({ name: null, siteUrl: null, defaultPeriodMonths: null, forms: [] });
  });

  it('agency:set stores, trims and clears fields; an address that is not http(s) is refused', async () => {
    const set = await ok<AgencySettings>('agency:set', {
      name: '  Ủy ban nhân dân xã Thoại Sơn ',
      focalName: 'Nguyễn Thị Lan',
      focalEmail: 'lan@thoaison.gov.vn',
      siteUrl: 'https://thoaison.gov.vn/tiep-can/',
      defaultPeriodMonths: 12,
    });
    expect(set).toMatchObject({
      name: 'Ủy ban nhân dân xã Thoại Sơn',
      focalName: 'Nguyễn Thị Lan',
      siteUrl: 'https://thoaison.gov.vn/tiep-can/',
      defaultPeriodMonths: 12,
    });
    const cleared = await ok<AgencySettings>('agency:set', { focalName: '', defaultPeriodMonths: null });
    expect(cleared.focalName).toBeNull();
    expect(cleared.defaultPeriodMonths).toBeNull();
    expect(cleared.name).toBe('Ủy ban nhân dân xã Thoại Sơn'); // untouched: not in the patch

    const bad = await t.host.invoke('agency:set', { siteUrl: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await ok<AgencySettings>('agency:get', {})).siteUrl).toBe('https://thoaison.gov.vn/tiep-can/');
  });

  it('a form is uploaded (PDF recognised by its bytes), replaced, refused when not a document, removed', async () => {
    const stage = async (file: string) => (await t.staging.stage(createReadStream(file))).uploadId;
    const withForm = await ok<AgencySettings>('agency:uploadForm', {
      code: '01a',
      uploadId: await stage(fixture('corpus/d01/born-digital.pdf')),
    });
    expect(withForm.forms).toEqual([expect.objectContaining({ code: '01a', ext: 'pdf' })]);

    const png = await t.host.invoke('agency:uploadForm', { code: '02', uploadId: await stage(fixture('bad/1x1.png')) });
    expect(png).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_TYPE' } });
    const unknown = await t.host.invoke('agency:uploadForm', { code: '02', uploadId: 'a'.repeat(32) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const removed = await ok<AgencySettings>('agency:removeForm', { code: '01a' });
    expect(removed.forms).toEqual([]);
  });
});
