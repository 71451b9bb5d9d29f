import { describe, expect, it } from 'vitest';
import {
  installNavigationGuards,
  isAllowedExternal,
  isAllowedNavigation,
  isAllowedRequest,
} from '../../../electron/main/navigationGuard';
import { APP_ORIGIN } from '../../../electron/main/appProtocol';

describe('navigation guard', () => {
  it('allows only the app origin', () => {
    expect(isAllowedNavigation('app://minhbach/index.html#/library', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('app://evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('https://minhbach/', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('not a url', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('opens externally only https links to allow-listed hosts', () => {
    expect(isAllowedExternal('https://vanban.chinhphu.vn/?pageid=27160&docid=186339')).toBe(true);
    expect(isAllowedExternal('http://vanban.chinhphu.vn/')).toBe(false);
    expect(isAllowedExternal('https://vanban.chinhphu.vn.evil.example/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@vanban.chinhphu.vn/')).toBe(false);
    expect(isAllowedExternal('https://vanban.chinhphu.vn:8443/')).toBe(false);
    expect(isAllowedExternal('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });

  it('lets the renderer request only its own files (and the dev server in development)', () => {
    expect(isAllowedRequest('app://minhbach/assets/index.js', null)).toBe(true);
    expect(isAllowedRequest('data:image/webp;base64,AAAA', null)).toBe(true);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', null)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', null)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', null)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('prevents navigation, redirects, webviews and new windows on a web contents', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const opened: string[] = [];
    const contents = {
      on: (event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, listener);
        return contents;
      },
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    };
    installNavigationGuards(contents as never, {
      appOrigin: APP_ORIGIN,
      openExternal: (url) => opened.push(url),
    });

    const event = () => {
      const e = { prevented: false, url: '', preventDefault: () => (e.prevented = true) };
      return e;
    };
    const away = event();
    listeners.get('will-navigate')!(away, 'https://example.com/');
    expect(away.prevented).toBe(true);
    const inside = event();
    listeners.get('will-navigate')!(inside, 'app://minhbach/index.html');
    expect(inside.prevented).toBe(false);
    const redirect = event();
    listeners.get('will-redirect')!(redirect, 'https://example.com/');
    expect(redirect.prevented).toBe(true);
    const frame = event();
    frame.url = 'https://example.com/';
    listeners.get('will-frame-navigate')!(frame);
    expect(frame.prevented).toBe(true);
    const webview = event();
    listeners.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);

    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'https://thuvienphapluat.vn/van-ban/x' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://thuvienphapluat.vn/van-ban/x']);
  });
});
