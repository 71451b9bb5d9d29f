/** What the first bytes of a file say it is. The extension is never trusted. */
export type SniffedType =
  | { kind: 'pdf'; mime: 'application/pdf' }
  | { kind: 'image'; mime: 'image/png' | 'image/jpeg' | 'image/tiff' | 'image/webp' }
  | { kind: 'other'; mime: string; label: string };

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const PDF_MARKER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function hasPdfMarker(bytes: Uint8Array): boolean {
  // Some producers put garbage before the header; readers accept it within the first KiB.
  const limit = Math.min(bytes.length - PDF_MARKER.length, 1024);
  for (let i = 0; i <= limit; i += 1) if (startsWith(bytes, PDF_MARKER, i)) return true;
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control += 1;
  return control === 0;
}

export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'image', mime: 'image/tiff' };
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { kind: 'image', mime: 'image/webp' };
  }
  if (startsWith(bytes, PDF_MARKER)) return { kind: 'pdf', mime: 'application/pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'other', mime: 'application/zip', label: 'ZIP archive' };
  }
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { kind: 'other', mime: 'image/gif', label: 'GIF image' };
  if (startsWith(bytes, [0x42, 0x4d])) return { kind: 'other', mime: 'image/bmp', label: 'BMP image' };
  if (hasPdfMarker(bytes)) return { kind: 'pdf', mime: 'application/pdf' };
  if (looksLikeText(bytes)) return { kind: 'other', mime: 'text/plain', label: 'plain text' };
  return { kind: 'other', mime: 'application/octet-stream', label: 'unknown binary' };
}

const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/tiff': ['tif', 'tiff'],
  'image/webp': ['webp'],
};

/** True when the name's extension claims a type we accept. Used only to word the error. */
export function extensionClaimsSupportedType(fileName: string): boolean {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext !== undefined && Object.values(EXTENSIONS).some((list) => list.includes(ext));
}
