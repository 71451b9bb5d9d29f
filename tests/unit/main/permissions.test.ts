import { describe, expect, it } from 'vitest';
import { grantPermissionCheck, grantPermissionRequest, type MediaRequest } from '../../../electron/main/permissions';

const APP = 'app://minhbach';
const camera: MediaRequest = {
  permission: 'media',
  mediaTypes: ['video'],
  requestingUrl: 'app://minhbach/index.html#/camera',
  isMainFrame: true,
  fromMainWindow: true,
};

describe('permission requests', () => {
  it('grants video capture to the app page in the main window', () => {
    expect(grantPermissionRequest(camera, APP)).toBe(true);
  });

  it('denies the microphone, audio with video, and media without types', () => {
    expect(grantPermissionRequest({ ...camera, mediaTypes: ['audio'] }, APP)).toBe(false);
    expect(grantPermissionRequest({ ...camera, mediaTypes: ['video', 'audio'] }, APP)).toBe(false);
    expect(grantPermissionRequest({ ...camera, mediaTypes: [] }, APP)).toBe(false);
  });

  it('denies every other permission, even from the app page', () => {
    for (const permission of ['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'midi', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen'])
      expect(grantPermissionRequest({ ...camera, permission, mediaTypes: [] }, APP), permission).toBe(false);
  });

  it('denies another origin, a sub-frame, another window and an unparsable URL', () => {
    expect(grantPermissionRequest({ ...camera, requestingUrl: 'https://example.org/' }, APP)).toBe(false);
    expect(grantPermissionRequest({ ...camera, requestingUrl: 'app://other/index.html' }, APP)).toBe(false);
    expect(grantPermissionRequest({ ...camera, isMainFrame: false }, APP)).toBe(false);
    expect(grantPermissionRequest({ ...camera, fromMainWindow: false }, APP)).toBe(false);
    expect(grantPermissionRequest({ ...camera, requestingUrl: 'not a url' }, APP)).toBe(false);
  });

  it('grants the dev server origin only when that is the app origin', () => {
    const dev = { ...camera, requestingUrl: 'http://localhost:5173/#/camera' };
    expect(grantPermissionRequest(dev, 'http://localhost:5173')).toBe(true);
    expect(grantPermissionRequest(dev, APP)).toBe(false);
  });
});

describe('permission checks', () => {
  const check = { permission: 'media', mediaType: 'video', requestingOrigin: 'app://minhbach', fromMainWindow: true };
  it('answers yes only for video from the app origin in the main window', () => {
    expect(grantPermissionCheck(check, APP)).toBe(true);
    expect(grantPermissionCheck({ ...check, mediaType: 'audio' }, APP)).toBe(false);
    expect(grantPermissionCheck({ ...check, mediaType: undefined }, APP)).toBe(false);
    expect(grantPermissionCheck({ ...check, permission: 'geolocation' }, APP)).toBe(false);
    expect(grantPermissionCheck({ ...check, requestingOrigin: 'https://example.org' }, APP)).toBe(false);
    expect(grantPermissionCheck({ ...check, fromMainWindow: false }, APP)).toBe(false);
  });
});
