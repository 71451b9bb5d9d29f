import { z } from 'zod';
import { UploadId } from './importing';

/**
 * The agency's details for the access-to-information section (Decree 13/2018 Art. 11 cl. 1): who
 * publishes, whom citizens contact, where requests and feedback go, the request forms 01a–06 and
 * the default disclosure period. Kept in the archive (engine/catalogue/agencySettings.ts), so an
 * export depends on the archive alone; edited in Settings and with `minhbach agency`.
 */

export const FORM_CODES = ['01a', '01b', '02', '03', '04', '05', '06'] as const;
export const FormCode = z.enum(FORM_CODES);
export type FormCode = z.infer<typeof FormCode>;

export const AgencyForm = z.object({
  code: FormCode,
  sha256: z.string(),
  /** File extension it is published under (pdf, doc, docx). */
  ext: z.string(),
  size: z.number().int(),
});
export type AgencyForm = z.infer<typeof AgencyForm>;

export const AgencySettings = z.object({
  name: z.string().nullable(),
  address: z.string().nullable(),
  focalName: z.string().nullable(),
  focalPosition: z.string().nullable(),
  focalPhone: z.string().nullable(),
  focalEmail: z.string().nullable(),
  /** Address for sending requests over the network (e-mail or web address). */
  requestAddress: z.string().nullable(),
  /** Address for feedback and complaints. */
  feedbackAddress: z.string().nullable(),
  /** Where the section will be published ("https://example.gov.vn/tiep-can/"). */
  siteUrl: z.string().nullable(),
  /** Default disclosure period in months from approval; null = no end ("thường xuyên"). */
  defaultPeriodMonths: z.number().int().positive().nullable(),
  forms: z.array(AgencyForm),
});
export type AgencySettings = z.infer<typeof AgencySettings>;

/** A web address the site can be published under (what the engine accepts for siteUrl). */
export const SITE_URL_PATTERN = /^https?:\/\/[^\s<>"]+$/;

const text = (max: number) => z.string().max(max).nullable().optional();

/** Fields left out are unchanged; null or an empty string clears a field. */
export const AgencyPatch = z.object({
  name: text(300),
  address: text(500),
  focalName: text(200),
  focalPosition: text(200),
  focalPhone: text(100),
  focalEmail: text(200),
  requestAddress: text(500),
  feedbackAddress: text(500),
  siteUrl: z
    .string()
    .max(2048)
    .refine((v) => v.trim() === '' || SITE_URL_PATTERN.test(v.trim()))
    .nullable()
    .optional(),
  defaultPeriodMonths: z.number().int().min(1).max(1200).nullable().optional(),
});
export type AgencyPatch = z.infer<typeof AgencyPatch>;

export const agency = {
  'agency:get': { input: z.object({}), output: AgencySettings, hosts: 'all' },
  'agency:set': { input: AgencyPatch, output: AgencySettings, hosts: 'all' },
  /** Desktop: a native open dialog for the form's file, stored at once; `chosen` is false when
   *  the dialog was cancelled (nothing changes). */
  'agency:chooseForm': {
    input: z.object({ code: FormCode }),
    output: z.object({ chosen: z.boolean(), settings: AgencySettings }),
    hosts: 'electron',
  },
  /** Preview: a form file staged with the upload endpoint. */
  'agency:uploadForm': {
    input: z.object({ code: FormCode, uploadId: UploadId }),
    output: AgencySettings,
    hosts: 'preview',
  },
  'agency:removeForm': { input: z.object({ code: FormCode }), output: AgencySettings, hosts: 'all' },
} as const;
