import type { AccessClass } from '../../../../shared/domain/access';

/** What the model reads of a document: the header fields that say what it is about, and page 1. */
export interface ModelInput {
  subject: string | null;
  docType: string | null;
  issuer: string | null;
  firstPage: string;
}

export interface ModelPrediction {
  /** The registry ground the agency's past decisions point to ("publish:budget"). */
  ground: string;
  accessClass: AccessClass;
  /** 0–1, calibrated on the training decisions (see model/README in understanding/README.md). */
  probability: number;
  /** The words that weighed most for it (folded, as the model sees them). */
  terms: string[];
}

export interface ModelSettings {
  /** A protective prediction at or above this is proposed where no rule decided… */
  proposeAt: number;
  /** …and a public one at or above this (stricter: a wrong public proposal is the costly error). */
  proposePublicAt: number;
  /** A protective prediction at or above this holds a public rule suggestion back for review. */
  holdBackAt: number;
  /** Below this strength a public rule's point may be replaced by the model's (public) ground. */
  refinePublicBelow: number;
}

export interface AccessModel {
  readonly settings: ModelSettings;
  /** Decisions the model learned from. */
  readonly examples: number;
  predict(input: ModelInput): ModelPrediction | null;
}
