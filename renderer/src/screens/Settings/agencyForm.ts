import { SITE_URL_PATTERN, type AgencyPatch, type AgencySettings } from '../../../../shared/contract/agency';

/** The agency details form: text in, a patch of the changed fields out, errors as i18n keys. */

export const AGENCY_TEXT_FIELDS = [
  'name',
  'address',
  'focalName',
  'focalPosition',
  'focalPhone',
  'focalEmail',
  'requestAddress',
  'feedbackAddress',
  'siteUrl',
] as const;
export type AgencyTextField = (typeof AGENCY_TEXT_FIELDS)[number];
export type AgencyField = AgencyTextField | 'defaultPeriodMonths';
export type AgencyValues = Record<AgencyField, string>;

const MAX: Record<AgencyTextField, number> = {
  name: 300,
  address: 500,
  focalName: 200,
  focalPosition: 200,
  focalPhone: 100,
  focalEmail: 200,
  requestAddress: 500,
  feedbackAddress: 500,
  siteUrl: 2048,
};

// Enough to catch a slip ("lan@", "lan.gov.vn"), not an RFC parser: the address is only printed.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^[0-9+().\s-]{6,}$/;

export function toAgencyValues(agency: AgencySettings): AgencyValues {
  const values = Object.fromEntries(AGENCY_TEXT_FIELDS.map((f) => [f, agency[f] ?? ''])) as Record<
    AgencyTextField,
    string
  >;
  return { ...values, defaultPeriodMonths: agency.defaultPeriodMonths ? String(agency.defaultPeriodMonths) : '' };
}

/** Per field, the i18n key of what is wrong with it (with the limit for "too long"). */
export function agencyErrors(values: AgencyValues): Partial<Record<AgencyField, { key: string; max?: number }>> {
  const errors: Partial<Record<AgencyField, { key: string; max?: number }>> = {};
  for (const f of AGENCY_TEXT_FIELDS) {
    if (values[f].trim().length > MAX[f]) errors[f] = { key: 'agency.error.tooLong', max: MAX[f] };
  }
  const site = values.siteUrl.trim();
  if (site && !errors.siteUrl && !SITE_URL_PATTERN.test(site)) errors.siteUrl = { key: 'agency.error.siteUrl' };
  const email = values.focalEmail.trim();
  if (email && !errors.focalEmail && !EMAIL.test(email)) errors.focalEmail = { key: 'agency.error.email' };
  const phone = values.focalPhone.trim();
  if (phone && !errors.focalPhone && !PHONE.test(phone)) errors.focalPhone = { key: 'agency.error.phone' };
  const months = values.defaultPeriodMonths.trim();
  if (months && !(/^\d{1,4}$/.test(months) && Number(months) >= 1 && Number(months) <= 1200))
    errors.defaultPeriodMonths = { key: 'agency.error.period' };
  return errors;
}

/** Only what changed; an emptied field is cleared (null). */
export function agencyPatch(before: AgencyValues, after: AgencyValues): AgencyPatch {
  const patch: AgencyPatch = {};
  for (const f of AGENCY_TEXT_FIELDS) {
    const value = after[f].trim();
    if (value !== before[f].trim()) patch[f] = value === '' ? null : value;
  }
  const months = after.defaultPeriodMonths.trim();
  if (months !== before.defaultPeriodMonths.trim()) patch.defaultPeriodMonths = months === '' ? null : Number(months);
  return patch;
}
