/**
 * Which permission requests the app grants: the camera (video capture) for the document-camera
 * screen, asked by the app's own window for the app's own page — and nothing else, ever: not the
 * microphone, not screen capture, not a frame, not another origin or window.
 */

export interface MediaRequest {
  permission: string;
  /** What a `media` request asks for (`video`, `audio`); empty for other permissions. */
  mediaTypes: readonly string[];
  /** The URL of the page asking. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** The asking page is in the app's main window. */
  fromMainWindow: boolean;
}

/** scheme://host — WHATWG URL gives "null" as the origin of app:// URLs outside Chromium. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

/** setPermissionRequestHandler: grant only a video-only media request from the app's window. */
export function grantPermissionRequest(request: MediaRequest, appOrigin: string): boolean {
  return (
    request.permission === 'media' &&
    request.mediaTypes.length > 0 &&
    request.mediaTypes.every((t) => t === 'video') &&
    request.isMainFrame &&
    request.fromMainWindow &&
    originOf(request.requestingUrl) === appOrigin
  );
}

export interface PermissionCheck {
  permission: string;
  /** `video`, `audio` or `unknown` for media checks. */
  mediaType: string | undefined;
  requestingOrigin: string;
  fromMainWindow: boolean;
}

/** setPermissionCheckHandler: answers "may this page use the camera?" the same way. */
export function grantPermissionCheck(check: PermissionCheck, appOrigin: string): boolean {
  return (
    check.permission === 'media' &&
    check.mediaType === 'video' &&
    check.fromMainWindow &&
    originOf(check.requestingOrigin) === appOrigin
  );
}
