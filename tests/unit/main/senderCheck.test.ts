import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/senderCheck';
import { APP_ORIGIN } from '../../../electron/main/appProtocol';

describe('IPC sender check', () => {
  it('trusts only the app top frame', () => {
    expect(
      isTrustedSender({ senderFrame: { url: 'app://minhbach/index.html', parent: null } }, APP_ORIGIN),
    ).toBe(true);
    expect(
      isTrustedSender({ senderFrame: { url: 'app://minhbach/index.html', parent: {} } }, APP_ORIGIN),
    ).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } }, APP_ORIGIN)).toBe(
      false,
    );
    expect(isTrustedSender({ senderFrame: { url: 'file:///tmp/x.html', parent: null } }, APP_ORIGIN)).toBe(
      false,
    );
    expect(isTrustedSender({ senderFrame: null }, APP_ORIGIN)).toBe(false);
  });
});
