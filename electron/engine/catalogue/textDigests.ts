/**
 * The SHA-256 of each text file as this process last staged it for a target, with the text: when
 * an export renders the same text again (most catalogue pages, search shards and feeds after one
 * change), comparing two strings replaces encoding it to UTF-8 and hashing it — 150 MB of text per
 * export at 100 000 rows. A pure function of the text, so it can never be wrong: an equal text has
 * equal bytes, hence the same digest; the staged file is verified as always.
 */
/** Texts longer than this are not kept (catalog.json and .csv change with every change anyway). */
const MAX_CHARS = 4 * 1024 * 1024;
const MAX_TARGETS = 2;

export interface TextDigest {
  text: string;
  sha256: string;
  size: number;
}

const byTarget = new Map<string, Map<string, TextDigest>>();

export function textDigestsOf(target: string): Map<string, TextDigest> {
  let digests = byTarget.get(target);
  if (!digests) {
    byTarget.set(target, (digests = new Map()));
    while (byTarget.size > MAX_TARGETS) byTarget.delete(byTarget.keys().next().value!);
  }
  return digests;
}

export function keepDigest(digests: Map<string, TextDigest>, file: string, digest: TextDigest): void {
  if (digest.text.length <= MAX_CHARS) digests.set(file, digest);
  else digests.delete(file);
}
