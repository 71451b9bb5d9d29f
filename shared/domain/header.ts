/** Header fields of an administrative document (Decree 30/2020/NĐ-CP layout). */
export const HEADER_KEYS = [
  'numberNotation',
  'number',
  'notation',
  'docType',
  'issuer',
  'place',
  'issuedDate',
  'subject',
  'signer',
  'signerTitle',
  'secrecy',
  'urgency',
] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];

export const SECRECY_LEVELS = ['Mật', 'Tối mật', 'Tuyệt mật'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

export type Header = Partial<Record<HeaderKey, string | null>>;
