/** One document of the own evaluation corpus: what is printed, and the truth about it. */
export interface OwnDocument {
  id: string;
  /** Issuer block in capitals, parent body first (["UBND TỈNH AN GIANG", "SỞ TƯ PHÁP"]). */
  issuer: string[];
  /** The issuer as the header extractor should read it ("Sở Tư pháp tỉnh An Giang"). */
  issuerName: string;
  number: string;
  notation: string;
  place: string;
  /** yyyy-mm-dd */
  date: string;
  type: string;
  /** The title in capitals; omitted for a Công văn (its subject is the "V/v" line). */
  title?: string;
  /** The subject as printed, one string per printed line. */
  subject: string[];
  /** Lines printed between the number and the title (stamps, markings), left column. */
  marks?: string[];
  /** The authority line and the legal grounds (decisions). */
  preamble?: string[];
  /** "Kính gửi: …" for letters and notices. */
  to?: string;
  body: string[];
  recipients: string[];
  sign: { lines: string[]; name: string; title: string };
  access: 'public' | 'conditional' | 'secret';
  /** "Điều 17 khoản 1 điểm g", "Điều 6 khoản 2", … */
  basis: string;
  personal?: string[];
  secrecy?: string | null;
  urgency?: string | null;
}
