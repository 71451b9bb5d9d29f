/**
 * The named methods the preload exposes on `window.api`, one per Electron channel. Kept free of
 * zod values so the preload bundle stays small; `satisfies` keeps it in step with the contract.
 */
import type { Channel, Input, Output, Result, JobProgress } from './index';
import type { MenuCommand } from './events';

export const API_METHODS = {
  listDocuments: 'documents:list',
  getDocument: 'documents:get',
  searchDocuments: 'documents:search',
  updateHeader: 'documents:updateHeader',
  pageImage: 'documents:pageImage',
  confirmHeader: 'documents:confirmHeader',
  importFiles: 'import:files',
  chooseImport: 'import:choose',
  listJobs: 'jobs:list',
  cancelJob: 'jobs:cancel',
  retryJob: 'jobs:retry',
  runOcr: 'ocr:run',
  analyseDocuments: 'review:analyse',
  reviewQueue: 'review:queue',
  reviewEvidence: 'review:evidence',
  decideAccess: 'review:decide',
  planApproval: 'review:plan',
  approveSuggestions: 'review:approve',
  legalRegistry: 'review:registry',
  verifyAudit: 'review:auditVerify',
  undoDecision: 'review:undo',
  similarDocuments: 'review:similar',
  decideGroup: 'review:decideGroup',
  nextToReview: 'review:next',
  reviewCounts: 'review:counts',
  exportPlan: 'export:plan',
  runExport: 'export:run',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  chooseFolder: 'settings:chooseFolder',
  appInfo: 'app:info',
  openExternal: 'app:openExternal',
  listRequests: 'requests:list',
  requestDueCounts: 'requests:dueCounts',
  getRequest: 'requests:get',
  addRequest: 'requests:add',
  updateRequest: 'requests:update',
  extendRequest: 'requests:extend',
  withdrawRequest: 'requests:withdraw',
  answerRequest: 'requests:answer',
  requestNotice: 'requests:notice',
  providedFile: 'requests:providedFile',
  requestStats: 'requests:stats',
  requestStatsReport: 'requests:statsReport',
  listConsents: 'consents:list',
  addConsent: 'consents:add',
  revokeConsent: 'consents:revoke',
  getCalendar: 'calendar:get',
  setCalendar: 'calendar:set',
  modelStatus: 'model:status',
  trainModel: 'model:train',
  exportModel: 'model:export',
  importModel: 'model:import',
  publishedTitle: 'review:publishedTitle',
  scanDevices: 'scan:devices',
  scanCapabilities: 'scan:capabilities',
  scanProfiles: 'scan:profiles',
  saveScanProfile: 'scan:saveProfile',
  deleteScanProfile: 'scan:deleteProfile',
  startScan: 'scan:start',
  cancelScan: 'scan:cancel',
  scanBatch: 'scan:batch',
  scanBatches: 'scan:batches',
  scanPageImage: 'scan:pageImage',
  removeScanPage: 'scan:removePage',
  archiveScan: 'scan:archive',
  discardScan: 'scan:discard',
  separatorSheet: 'scan:separatorSheet',
  detectPage: 'camera:detect',
  addCameraPage: 'camera:addPage',
  getAgency: 'agency:get',
  setAgency: 'agency:set',
  chooseAgencyForm: 'agency:chooseForm',
  removeAgencyForm: 'agency:removeForm',
  redactionRegions: 'redaction:regions',
  proposeRedactions: 'redaction:propose',
  setRedactionState: 'redaction:setState',
  drawRedaction: 'redaction:draw',
  redactText: 'redaction:fromText',
  setRedactionGround: 'redaction:setGround',
  buildRedacted: 'redaction:build',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;

type MethodsOf = {
  [M in ApiMethod]: (
    input: Input<(typeof API_METHODS)[M]>,
  ) => Promise<Result<Output<(typeof API_METHODS)[M]>>>;
};

/** `window.api` in the desktop app. */
export interface DesktopApi extends MethodsOf {
  /** Subscribes to job progress; returns the unsubscribe function. */
  onJobProgress(callback: (progress: JobProgress) => void): () => void;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Paths of files dropped on the window (Electron's webUtils); the renderer never sees them
   *  otherwise. Arguments are DOM `File`s, typed loosely because shared/ has no DOM types. */
  pathsForFiles(files: readonly unknown[]): string[];
}
