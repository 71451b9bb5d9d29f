/**
 * Requests for information — the engine's API for the register, deadlines, consents, notices and
 * statistics (`engine.requests`). See README.md beside this file.
 */
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { readAgencySettings } from '../catalogue/agencySettings';
import { AppError } from '../../../shared/domain/errors';
import {
  AnswerInput,
  NewRequest,
  RequestListQuery,
  type ConsentView,
  type DueCounts,
  type RequestDetail,
  type RequestSummary,
  type YearStatistics,
} from '../../../shared/contract/requests';
import { addConsent, getConsent, listConsents, revokeConsent, type NewConsentInput } from './consents';
import { localToday } from './dates';
import { generateNotice, type NoticeKind } from './notices';
import { providability, providedFile, type Providability, type ProvidedFileDeps } from './provision';
import {
  addRequest,
  answerRequest,
  dueCounts,
  extendRequest,
  listRequests,
  recomputeOpenDueDates,
  requestDetail,
  updateRequest,
  withdrawRequest,
  type RegisterContext,
  type UpdateInput,
} from './register';
import { requestRules, type RequestRules } from './requestRules';
import { statisticsPdf, statisticsXlsx, yearStatistics } from './statistics';
import {
  calendarYearView,
  workingCalendar,
  writeCalendarYear,
  type CalendarYearView,
  type YearAnnouncement,
} from './workingCalendar';

export interface RequestsDeps {
  db: Db;
  store: FileStore;
  publishedSource: ProvidedFileDeps['publishedSource'];
  rasterise: ProvidedFileDeps['rasterise'];
  actor: () => string;
  /** Override "today" (tests, CLI --today). */
  today?: () => string;
}

export class RequestsService {
  readonly rules: RequestRules;
  private readonly today: () => string;

  constructor(private readonly deps: RequestsDeps) {
    this.rules = requestRules();
    this.today = deps.today ?? (() => localToday());
  }

  private ctx(actor?: string): RegisterContext {
    return {
      db: this.deps.db,
      rules: this.rules,
      calendar: () => workingCalendar(this.deps.db),
      actor: actor ?? this.deps.actor(),
      today: this.today,
    };
  }

  /** Registers a request; its due date follows the law version in force on the received date. */
  add(input: NewRequest, actor?: string): RequestDetail {
    const id = addRequest(this.ctx(actor), NewRequest.parse(input));
    return this.get(id);
  }

  get(id: number): RequestDetail {
    return requestDetail(this.ctx(), id);
  }

  list(query: RequestListQuery = {}): { items: RequestSummary[]; counts: DueCounts } {
    return listRequests(this.ctx(), RequestListQuery.parse(query));
  }

  dueCounts(): DueCounts {
    return dueCounts(this.ctx());
  }

  update(input: UpdateInput, actor?: string): RequestDetail {
    updateRequest(this.ctx(actor), input);
    return this.get(input.id);
  }

  extend(id: number, reason: string, actor?: string): RequestDetail {
    extendRequest(this.ctx(actor), id, reason);
    return this.get(id);
  }

  withdraw(id: number, note?: string, actor?: string): RequestDetail {
    withdrawRequest(this.ctx(actor), id, note);
    return this.get(id);
  }

  /** Records the answer; refused (with a Vietnamese reason) if a document may not be provided. */
  answer(input: AnswerInput, reviewer: string): RequestDetail {
    answerRequest(this.ctx(reviewer), AnswerInput.parse(input), reviewer);
    return this.get(input.id);
  }

  /** Whether a document may be provided on a date (default today): the consent rule. */
  providability(documentId: number, onDate = this.today()): Providability {
    return providability(this.deps.db, documentId, onDate);
  }

  /** The file provided for a document of an answered request: its published version. */
  async providedFile(
    requestId: number,
    documentId: number,
  ): Promise<{ fileName: string; bytes: Uint8Array }> {
    const r = this.get(requestId);
    const doc = r.documents.find((d) => d.id === documentId && d.provided);
    if (!doc)
      throw new AppError(
        'NOT_PROVIDABLE',
        `document ${documentId} was not provided for request ${requestId}`,
        { detailVi: `Tài liệu #${documentId} không nằm trong danh sách đã cung cấp của yêu cầu số ${requestId}.` },
      );
    return providedFile(
      { db: this.deps.db, publishedSource: this.deps.publishedSource, rasterise: this.deps.rasterise },
      documentId,
      r.answeredDate ?? this.today(),
    );
  }

  notice(
    id: number,
    kind: NoticeKind,
    actor?: string,
  ): Promise<{ docx: Uint8Array; pdf: Uint8Array; fileStem: string }> {
    return generateNotice(
      {
        db: this.deps.db,
        store: this.deps.store,
        rules: this.rules,
        actor: actor ?? this.deps.actor(),
        today: this.today,
      },
      this.get(id),
      kind,
    );
  }

  addConsent(input: NewConsentInput, actor?: string): Promise<ConsentView> {
    return addConsent(
      { db: this.deps.db, store: this.deps.store, actor: actor ?? this.deps.actor(), today: this.today },
      input,
    );
  }

  consent(id: number): ConsentView {
    return getConsent(this.deps.db, id, this.today());
  }

  consents(documentId?: number): ConsentView[] {
    return listConsents(this.deps.db, this.today(), documentId);
  }

  revokeConsent(id: number, date = this.today(), actor?: string): ConsentView {
    return revokeConsent(
      { db: this.deps.db, store: this.deps.store, actor: actor ?? this.deps.actor(), today: this.today },
      id,
      date,
    );
  }

  statistics(year: number): YearStatistics {
    return yearStatistics(this.deps.db, this.rules, year, this.today());
  }

  async statisticsReport(
    year: number,
    format: 'xlsx' | 'pdf',
  ): Promise<{ fileName: string; bytes: Uint8Array }> {
    const stats = this.statistics(year);
    const agency = readAgencySettings(this.deps.db).name;
    const bytes =
      format === 'xlsx'
        ? await statisticsXlsx(stats, agency)
        : await statisticsPdf(stats, agency, this.today());
    return { fileName: `bao-cao-cung-cap-thong-tin-${year}.${format}`, bytes };
  }

  calendar(year: number): CalendarYearView {
    return calendarYearView(this.deps.db, year);
  }

  /** Saves a year's announcement (null = back to the shipped data) and moves open requests' due
   *  dates with it, in one transaction. Returns how many due dates changed. */
  setCalendar(
    year: number,
    announcement: YearAnnouncement | null,
    actor?: string,
  ): { view: CalendarYearView; recomputed: number } {
    const ctx = this.ctx(actor);
    const recomputed = this.deps.db
      .transaction(() => {
        writeCalendarYear(this.deps.db, year, announcement, ctx.actor);
        return recomputeOpenDueDates(ctx);
      })
      .immediate();
    return { view: this.calendar(year), recomputed };
  }

  /** Working-day arithmetic on the archive's calendar (CLI `request due`, tests). */
  addWorkingDays(from: string, days: number): string {
    return workingCalendar(this.deps.db).addWorkingDays(from, days);
  }
}

export type { NoticeKind, Providability, NewConsentInput, CalendarYearView, YearAnnouncement };
