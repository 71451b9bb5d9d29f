import { z } from 'zod';
import type { Header } from '../../../../shared/domain/header';

export const FORM_FIELDS = [
  'numberNotation',
  'docType',
  'issuer',
  'place',
  'issuedDate',
  'signer',
  'signerTitle',
  'subject',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;

const MAX: Record<FormField, number> = {
  numberNotation: 100,
  docType: 100,
  issuer: 300,
  place: 100,
  issuedDate: 10,
  signer: 200,
  signerTitle: 200,
  subject: 2000,
};

/** dd/mm/yyyy → yyyy-mm-dd for a real calendar date, else null. */
export function parseDateVi(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900)
    return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Form values → error keys per field (i18n keys with their parameters). */
export const HeaderFormSchema = z.object(
  Object.fromEntries(
    FORM_FIELDS.map((f) => [
      f,
      f === 'issuedDate'
        ? z
            .string()
            .refine((v) => v.trim() === '' || parseDateVi(v) !== null, { message: 'header.invalidDate' })
        : z.string().max(MAX[f], { message: `header.tooLong:${MAX[f]}` }),
    ]),
  ) as unknown as Record<FormField, z.ZodType<string>>,
);

export function toFormValues(header: Header): FormValues {
  const iso = header.issuedDate ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return Object.fromEntries(
    FORM_FIELDS.map((f) => [
      f,
      f === 'issuedDate' ? (m ? `${m[3]}/${m[2]}/${m[1]}` : iso) : (header[f] ?? ''),
    ]),
  ) as FormValues;
}

/** Only the fields the person changed; an emptied field becomes null. */
export function changedFields(before: FormValues, after: FormValues): Header {
  const patch: Header = {};
  for (const f of FORM_FIELDS) {
    if (after[f].trim() === before[f].trim()) continue;
    const value = after[f].trim();
    patch[f] = value === '' ? null : f === 'issuedDate' ? parseDateVi(value) : value;
  }
  return patch;
}
