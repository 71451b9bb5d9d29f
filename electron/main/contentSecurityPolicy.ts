/**
 * The renderer's Content-Security-Policy: only its own bundled scripts and styles, images from
 * itself or data:/blob: URLs (page images arrive as bytes over IPC), no network, no frames, no
 * plugins. Sent as a header by the app:// protocol and by the browser preview.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
