/**
 * Rules → an access-class suggestion with reasons. Precedence: secret > conditional > public; a
 * document with no signal is left for a person ("needs review", class null) — never public by
 * default.
 */
import type { AccessClass } from '../../../shared/domain/access';
import type { ExtractedHeader } from './headerExtractor';
import type { PageText } from './pageText';
import { findPersonalData, STRONG_KINDS, type PersonalFinding } from './personalData';
import { findStamps, type Stamp } from './stamps';
import { findBusinessSecrets, findInternalSignals, findPublicationSignal, type Signal } from './signals';
import { legalRegistry, type LegalRegistry } from './legalRegistry';

export const ENGINE_VERSION = 'understanding-1';

export interface Reason {
  text: string;
  page: number;
  rule: string;
}

export interface Suggestion {
  class: AccessClass | null;
  basisId: string | null;
  basisVersion: string;
  reasons: Reason[];
}

export interface Evidence {
  stamps: Stamp[];
  personal: PersonalFinding[];
  signals: Signal[];
}

const MAX_REASONS = 8;

/** A personal finding that belongs to a private person: an identifier, or anything next to a
 *  named person or an identifier (an office phone in a public invitation is not). */
export function tiedToPerson(f: PersonalFinding, all: PersonalFinding[]): boolean {
  if (f.kind === 'cccd' || f.kind === 'cmnd') return true;
  if (!STRONG_KINDS.includes(f.kind)) return false;
  return all.some((o) => o !== f && o.page === f.page && (o.kind === 'name' || o.kind === 'cccd' || o.kind === 'cmnd') && Math.abs(o.start - f.start) <= 500);
}

export function gatherEvidence(pages: PageText[], header: ExtractedHeader): Evidence {
  const docType = header.docType?.value ?? null;
  const subject = header.subject?.value ?? null;
  return {
    stamps: findStamps(pages),
    personal: findPersonalData(pages),
    signals: [...findInternalSignals(pages, docType, subject), ...findBusinessSecrets(pages, subject)],
  };
}

export function suggestAccess(header: ExtractedHeader, evidence: Evidence, registry: LegalRegistry = legalRegistry()): Suggestion {
  const version = registry.defaultVersion;
  const basis = (ground: string) => registry.byGround(ground, version).id;
  const reasons = (items: Reason[]) => items.slice(0, MAX_REASONS);

  const secrecy = evidence.stamps.filter((s) => s.kind === 'secrecy');
  const selfClassified = evidence.signals.filter((s) => s.ground === 'state-secret');
  if (secrecy.length > 0 || selfClassified.length > 0) {
    return {
      class: 'secret',
      basisId: basis('state-secret'),
      basisVersion: version,
      reasons: reasons([
        ...secrecy.map((s) => ({ text: s.text, page: s.page, rule: 'secret.stamp' })),
        ...selfClassified.map((s) => ({ text: s.text, page: s.page, rule: s.rule })),
      ]),
    };
  }
  const internal = evidence.signals.filter((s) => s.ground === 'internal-or-harmful');
  const strongInternal = internal.filter((s) => s.rule !== 'secret.internal-mark' || /luu hanh noi bo|luu hành nội bộ|lưu hành nội bộ/i.test(s.text));
  if (strongInternal.length > 0) {
    return { class: 'secret', basisId: basis('internal-or-harmful'), basisVersion: version, reasons: reasons(internal.map((s) => ({ text: s.text, page: s.page, rule: s.rule }))) };
  }
  const personal = evidence.personal.filter((f) => tiedToPerson(f, evidence.personal));
  if (personal.length > 0) {
    return {
      class: 'conditional',
      basisId: basis('private-life'),
      basisVersion: version,
      reasons: reasons(personal.map((f) => ({ text: f.text.replace(/\s+/g, ' '), page: f.page, rule: f.rule }))),
    };
  }
  const business = evidence.signals.filter((s) => s.ground === 'business-secret');
  if (business.length > 0) {
    return { class: 'conditional', basisId: basis('business-secret'), basisVersion: version, reasons: reasons(business.map((s) => ({ text: s.text, page: s.page, rule: s.rule }))) };
  }
  const subject = header.subject ? { text: header.subject.value, page: header.subject.page, start: header.subject.spanStart } : null;
  const publication = findPublicationSignal(header.docType?.value ?? null, subject);
  if (publication) {
    return { class: 'public', basisId: basis(publication.ground), basisVersion: version, reasons: [{ text: publication.text, page: publication.page, rule: publication.rule }] };
  }
  return { class: null, basisId: null, basisVersion: version, reasons: [{ text: 'Không có dấu hiệu nào đủ để đề xuất; cần người xem xét.', page: 1, rule: 'needs-review' }] };
}
