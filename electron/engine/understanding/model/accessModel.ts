/**
 * The agency's access model: a naive Bayes text classifier (wink-naive-bayes-text-classifier,
 * binarised: a word counts once per document) that learns, from approved decisions, which legal
 * ground (and so which class) documents like this one were given. Paperless-ngx learns tags from
 * its users' assignments the same way.
 *
 * Its file (stored in the archive, exported to share a starter model) is a JSON envelope around
 * the library's own export, with the labels' classes and the thresholds. Probabilities: the
 * library gives one-vs-rest log2 odds per ground; they are tempered by the square root of the
 * number of known words (naive Bayes grows over-confident with every word it multiplies in) and
 * normalised over the grounds. Temperature 1 and the thresholds (0.8 for a protective ground,
 * 0.85 for a public one) were chosen by 5-fold cross-validation on ../shared/corpus and the own
 * corpus: at 0.8, 25 of 27 proposals named the right ground and none proposed public for a
 * protected document. They are kept in the file, so a province can ship its own.
 */
import naiveBayes, { type NaiveBayesTextClassifier } from 'wink-naive-bayes-text-classifier';
import { z } from 'zod';
import { ACCESS_CLASSES, type AccessClass } from '../../../../shared/domain/access';
import { FEATURES_VERSION, modelTokens, readableToken } from './features';
import type { AccessModel, ModelInput, ModelPrediction, ModelSettings } from './types';

export const MODEL_FORMAT = 'minhbach-access-model';
export const MODEL_LIBRARY = 'wink-naive-bayes-text-classifier@2.2.1';
/** Laplace-style smoothing; 0.5 keeps rare words from dominating a small archive's model. */
const SMOOTHING = 0.5;

export const DEFAULT_MODEL_SETTINGS = {
  proposeAt: 0.8,
  proposePublicAt: 0.85,
  holdBackAt: 0.95,
  refinePublicBelow: 0.7,
  /** The model proposes nothing before it has learned this many decisions… */
  minExamples: 10,
  /** …nor a ground it has seen fewer times than this. */
  minLabelExamples: 3,
  temperature: 1,
};

export const ModelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  formatVersion: z.literal(1),
  library: z.string(),
  features: z.string(),
  createdAt: z.string(),
  /** Who trained it: "local" or the agency a starter model came from. */
  source: z.string().max(300),
  /** The starter model (its createdAt) this one was built on, if any. */
  basedOn: z.string().nullable().default(null),
  examples: z.number().int().min(0),
  labels: z.record(z.string(), z.object({ accessClass: z.enum(ACCESS_CLASSES), examples: z.number().int().min(0) })),
  settings: z.object({
    proposeAt: z.number().min(0.5).max(1),
    proposePublicAt: z.number().min(0.5).max(1),
    holdBackAt: z.number().min(0.5).max(1),
    refinePublicBelow: z.number().min(0).max(1),
    minExamples: z.number().int().min(0),
    minLabelExamples: z.number().int().min(0),
    temperature: z.number().positive().max(10),
  }),
  /** The classifier's own export (exportJSON). */
  learnings: z.string(),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

export interface TrainingExample {
  tokens: string[];
  ground: string;
  accessClass: AccessClass;
}

type Learnings = [{ considerOnlyPresence: boolean; smoothingFactor: number }, Record<string, number>, Record<string, Record<string, number>>, Record<string, number>, string[]];

function classifier(): NaiveBayesTextClassifier {
  const nb = naiveBayes();
  nb.definePrepTasks([]); // inputs are tokens already (features.ts)
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: SMOOTHING });
  return nb;
}

/** Learns `examples` on top of `base` (a starter or the current model), or from nothing. */
export function trainModel(
  examples: TrainingExample[],
  base: ModelFile | null,
  options: { source?: string; basedOn?: string | null; now?: string } = {},
): ModelFile {
  const nb = classifier();
  if (base) nb.importJSON(base.learnings);
  const labels: ModelFile['labels'] = structuredClone(base?.labels ?? {});
  for (const ex of examples) {
    if (ex.tokens.length === 0) continue;
    nb.learn(ex.tokens, ex.ground);
    labels[ex.ground] = { accessClass: ex.accessClass, examples: (labels[ex.ground]?.examples ?? 0) + 1 };
  }
  return {
    format: MODEL_FORMAT,
    formatVersion: 1,
    library: MODEL_LIBRARY,
    features: FEATURES_VERSION,
    createdAt: options.now ?? new Date().toISOString(),
    source: options.source ?? base?.source ?? 'local',
    basedOn: options.basedOn !== undefined ? options.basedOn : (base?.basedOn ?? null),
    examples: Object.values(labels).reduce((s, l) => s + l.examples, 0),
    labels,
    settings: base?.settings ?? DEFAULT_MODEL_SETTINGS,
    learnings: nb.exportJSON(),
  };
}

/** A copy safe to share: words seen in fewer than `minDocuments` documents (names, places, one
 *  case's details) are dropped, so the file carries the agency's vocabulary, not its cases. */
export function shareableModel(file: ModelFile, minDocuments = 3): ModelFile {
  const [config, samples, count, words, voc] = JSON.parse(file.learnings) as Learnings;
  const frequency = new Map<string, number>();
  for (const label of Object.keys(count)) for (const [w, n] of Object.entries(count[label]!)) frequency.set(w, (frequency.get(w) ?? 0) + n);
  const kept = voc.filter((w) => (frequency.get(w) ?? 0) >= minDocuments);
  const keep = new Set(kept);
  for (const label of Object.keys(count)) {
    for (const [w, n] of Object.entries(count[label]!)) {
      if (keep.has(w)) continue;
      delete count[label]![w];
      words[label] = (words[label] ?? 0) - n;
    }
  }
  return { ...file, learnings: JSON.stringify([config, samples, count, words, kept]) };
}

/** The model as suggestions use it. */
export class WinkAccessModel implements AccessModel {
  readonly settings: ModelSettings;
  readonly examples: number;
  private readonly nb: NaiveBayesTextClassifier | null;
  private readonly learnings: Learnings;

  constructor(readonly file: ModelFile) {
    const { proposeAt, proposePublicAt, holdBackAt, refinePublicBelow } = file.settings;
    this.settings = { proposeAt, proposePublicAt, holdBackAt, refinePublicBelow };
    this.examples = file.examples;
    this.learnings = JSON.parse(file.learnings) as Learnings;
    let nb: NaiveBayesTextClassifier | null = classifier();
    try {
      nb.importJSON(file.learnings);
      nb.consolidate();
    } catch {
      nb = null; // fewer than two grounds or ten words: nothing to predict with yet
    }
    this.nb = nb;
  }

  /** Per ground, the tempered and normalised probability of the document's tokens. */
  probabilities(input: ModelInput): { ground: string; probability: number; tokens: string[] }[] {
    if (!this.nb) return [];
    const vocabulary = new Set(this.learnings[4]);
    const tokens = modelTokens(input).filter((t) => vocabulary.has(t));
    if (tokens.length === 0) return [];
    const odds = this.nb.computeOdds(tokens).filter(([label]) => label !== 'unknown');
    const scale = Math.LN2 / (this.file.settings.temperature * Math.sqrt(tokens.length));
    const top = Math.max(...odds.map(([, o]) => o));
    const weights = odds.map(([label, o]) => [label, Math.exp((o - top) * scale)] as const);
    const total = weights.reduce((s, [, w]) => s + w, 0);
    return weights.map(([ground, w]) => ({ ground, probability: w / total, tokens })).sort((a, b) => b.probability - a.probability);
  }

  predict(input: ModelInput): ModelPrediction | null {
    if (this.examples < this.file.settings.minExamples) return null;
    const [best] = this.probabilities(input);
    const label = best ? this.file.labels[best.ground] : undefined;
    if (!best || !label || label.examples < this.file.settings.minLabelExamples) return null;
    return { ground: best.ground, accessClass: label.accessClass, probability: best.probability, terms: this.strongestTerms(best.tokens, best.ground) };
  }

  /** The words that weigh most for a ground: each word's log-ratio of its smoothed frequency under
   *  the ground and under the others (the library keeps these per-word figures to itself). */
  strongestTerms(tokens: string[], ground: string, limit = 3): string[] {
    const [config, , count, words, voc] = this.learnings;
    const s = config.smoothingFactor;
    const v = voc.length;
    const others = Object.keys(count).filter((l) => l !== ground);
    const restWords = others.reduce((sum, l) => sum + (words[l] ?? 0), 0);
    const scored = tokens.map((t) => {
      const inGround = Math.log2(((count[ground]?.[t] ?? 0) + s) / ((words[ground] ?? 0) + v * s));
      const inRest = Math.log2((others.reduce((sum, l) => sum + (count[l]?.[t] ?? 0), 0) + s) / (restWords + v * s));
      return { t, score: inGround - inRest };
    });
    const terms = scored
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((x) => readableToken(x.t));
    return [...new Set(terms)].slice(0, limit);
  }
}
