import type { ApplicationStatus } from '../procedures/application-view';
import type { Department } from '../procedures/procedure-definition';
import type { AssuranceLevel } from './assurance';

/**
 * Strings of the resident portal (procedures and applications). Each language file fills all of
 * them. Procedure texts (names, questions, options) come from the definitions, in all three languages.
 * `{name}` placeholders are filled in by the pages.
 */
export interface PortalMessages {
  readonly titles: {
    readonly procedures: string;
    readonly applications: string;
    readonly application: string;
    readonly check: string;
    readonly done: string;
    /** A procedure's start page while it loads. */
    readonly procedure: string;
    /** A step of the form while it loads. */
    readonly step: string;
    /** A page's title with the procedure's: `{page}`, `{procedure}`. */
    readonly withProcedure: string;
    /** Before the title of a page that shows problems: 「エラー：」. */
    readonly errorPrefix: string;
  };
  /** The label of the site navigation (a nav landmark). */
  readonly navLabel: string;
  /** Link in the site navigation to the catalog. */
  readonly navProcedures: string;
  /** Link in the site navigation to the resident's applications. */
  readonly navApplications: string;
  readonly common: PortalCommonMessages;
  readonly departments: Readonly<Record<Department, string>>;
  readonly statuses: Readonly<Record<ApplicationStatus, string>>;
  readonly catalog: CatalogMessages;
  readonly start: StartMessages;
  readonly form: FormMessages;
  readonly problems: ProblemMessages;
  readonly attachments: AttachmentMessages;
  readonly check: CheckMessages;
  readonly done: DoneMessages;
  readonly applications: ApplicationsMessages;
  readonly status: StatusMessages;
}

export interface PortalCommonMessages {
  readonly loading: string;
  readonly loadError: string;
  readonly retry: string;
  readonly signedOutTitle: string;
  readonly signedOut: string;
  readonly sessionExpired: string;
  readonly loginLink: string;
  /** 「マイナンバーカードでのログインが必要です」, per level. */
  readonly loginNeeded: Readonly<Record<AssuranceLevel, string>>;
  /** The ways to log in at a level, for `{method}`. */
  readonly loginMethods: Readonly<Record<AssuranceLevel, string>>;
  /** Logged in too weakly: `{method}`. */
  readonly stepUp: string;
  readonly notFound: string;
  readonly toApplications: string;
}

export interface CatalogMessages {
  readonly intro: string;
  /** Before the municipality's name (only one is served). */
  readonly municipality: string;
  /** Before the municipality's name (the one of the login). */
  readonly municipalityOfLogin: string;
  readonly chooseMunicipality: string;
  readonly chooseHint: string;
  readonly filterLabel: string;
  readonly filterHint: string;
  /** `{count}` procedures shown. */
  readonly count: string;
  /** No procedure's name contains `{query}`. */
  readonly noMatch: string;
  readonly empty: string;
  /** Before the login a procedure needs. */
  readonly loginLabel: string;
}

export interface StartMessages {
  readonly factsHeading: string;
  readonly loginLabel: string;
  readonly attachmentsLabel: string;
  readonly noAttachments: string;
  readonly required: string;
  readonly optional: string;
  readonly onlyIfApplies: string;
  readonly feeLabel: string;
  readonly noFee: string;
  readonly processingLabel: string;
  /** `{days}` calendar days. */
  readonly processingDays: string;
  readonly departmentLabel: string;
  readonly legalBasisLabel: string;
  readonly signedOutTitle: string;
  /** `{method}`: the login the procedure needs. */
  readonly signedOut: string;
  readonly startButton: string;
  readonly starting: string;
  /** `{link}`: the link to the resident's applications. */
  readonly continueHint: string;
  readonly notFound: string;
  readonly toCatalog: string;
}

export interface LocationMessages {
  readonly latitude: string;
  readonly longitude: string;
  readonly description: string;
  readonly useMyLocation: string;
  readonly locating: string;
  readonly located: string;
  readonly locateFailed: string;
  readonly typeHint: string;
  /** `{latitude}`, `{longitude}`. */
  readonly coordinates: string;
}

export interface FormMessages {
  readonly back: string;
  readonly continue: string;
  readonly saving: string;
  /** What is saved, with `{link}`: the way out of the form. */
  readonly savedSoFar: string;
  readonly saveLater: string;
  /** A question that may be left out: `{label}`. */
  readonly optional: string;
  readonly monthHint: string;
  readonly selectPlaceholder: string;
  readonly errorSummaryTitle: string;
  readonly saveFailed: string;
  readonly notDraft: string;
  readonly toStatus: string;
  /** A step number past the end: `{count}` steps. */
  readonly noSuchStep: string;
  readonly toFirstStep: string;
  readonly lockedHeading: string;
  readonly lockedNote: string;
  /** Between the items of a list written on one line. */
  readonly listSeparator: string;
  readonly notAnswered: string;
  /** A repeating page's heading: `{title}`, `{item}`. */
  readonly repeatHeading: string;
  /** `{item}`: the next item's title. */
  readonly addAnother: string;
  /** `{item}`: this item's title. */
  readonly removeItem: string;
  readonly itemRemoved: string;
  /** A repeating page's items wait to be saved: `{title}` of the page. */
  readonly unsavedItems: string;
  readonly membersHint: string;
  readonly noMembers: string;
  /** `{date}`. */
  readonly memberBorn: string;
  /** `{name}`, `{relationship}`. */
  readonly memberWithRelationship: string;
  readonly location: LocationMessages;
}

/** Problems of the answers, by the server's codes; `{label}` is the question's label. */
export interface ProblemMessages {
  /** The label when a problem belongs to no question. */
  readonly thisAnswer: string;
  readonly required: string;
  readonly requiredChoice: string;
  readonly format: string;
  readonly notAllowed: string;
  /** `{limit}` characters. */
  readonly tooLong: string;
  readonly tooShort: string;
  readonly notNumber: string;
  /** `{min}`, `{max}`. */
  readonly range: string;
  /** `{limit}` items. */
  readonly tooFew: string;
  readonly tooFewChoices: string;
  readonly tooMany: string;
  readonly tooManyChoices: string;
  readonly locked: string;
  readonly duplicate: string;
  readonly invalid: string;
  readonly attachmentRequired: string;
  /** A problem of an item of a repeating page: `{item}`, `{message}`. */
  readonly inItem: string;
}

export interface AttachmentMessages {
  readonly heading: string;
  readonly intro: string;
  readonly typeSeparator: string;
  /** `{types}`, `{size}` megabytes. */
  readonly formats: string;
  /** `{label}`. */
  readonly uploadedTitle: string;
  readonly uploadAnother: string;
  /** The button that takes back an attached file (its name follows, for screen readers). */
  readonly remove: string;
  /** `{file}`: said (live region) once a file is taken back. */
  readonly removed: string;
  readonly removing: string;
  readonly uploading: string;
  readonly errorSummaryTitle: string;
  /** `{label}`, `{formats}`. */
  readonly wrongType: string;
  readonly tooLarge: string;
  readonly invalidFile: string;
  /** `{label}`. */
  readonly uploadFailed: string;
}

export interface CheckMessages {
  readonly intro: string;
  readonly change: string;
  /** Read after 「変更」 by screen readers: `{label}`. */
  readonly changeHidden: string;
  /** What a change link changes: `{heading}`, `{label}`. */
  readonly changeTarget: string;
  readonly fromRegister: string;
  readonly notAnswered: string;
  readonly noFile: string;
  readonly errorSummaryTitle: string;
  readonly problemsTitle: string;
  readonly declarationHeading: string;
  readonly declarationConfirm: string;
  readonly declarationRequired: string;
  readonly submit: string;
  readonly submitting: string;
}

export interface DoneMessages {
  readonly receiptLabel: string;
  readonly nextHeading: string;
  readonly next: string;
  /** `{date}`: the target date. */
  readonly nextWithDate: string;
  readonly followUp: string;
  readonly keepReceipt: string;
  readonly copyLink: string;
  readonly statusLink: string;
  readonly proceduresLink: string;
  readonly notSubmittedTitle: string;
  readonly notSubmitted: string;
  readonly toCheck: string;
}

export interface ApplicationsMessages {
  readonly intro: string;
  readonly empty: string;
  readonly findProcedure: string;
  readonly receiptLabel: string;
  readonly createdLabel: string;
  readonly submittedLabel: string;
  readonly dueLabel: string;
  readonly decidedLabel: string;
  readonly draftHint: string;
}

export interface StatusMessages {
  readonly statusLabel: string;
  readonly draftNotice: string;
  readonly continueDraft: string;
  readonly timelineHeading: string;
  readonly noEvents: string;
  readonly events: {
    readonly created: string;
    /** `{receiptNo}`. */
    readonly submitted: string;
    readonly submittedPlain: string;
    /** `{department}`. */
    readonly informationRequested: string;
    readonly residentReplied: string;
    /** `{department}`. */
    readonly message: string;
    readonly approved: string;
    readonly rejected: string;
    /** `{reason}`. */
    readonly reason: string;
    readonly withdrawn: string;
  };
  readonly documentsHeading: string;
  readonly noDocuments: string;
  readonly submissionCopy: string;
  readonly decisionNotice: string;
  /** `{label}`, `{file}`. */
  readonly attachmentLink: string;
  readonly attachmentUnknown: string;
  readonly decisionApproved: string;
  readonly decisionRejected: string;
  readonly decisionApprovedNext: string;
  readonly decisionRejectedNext: string;
  readonly requestTitle: string;
  readonly requestIntro: string;
  readonly requestAnswerLink: string;
  readonly replyHeading: string;
  readonly replyHeadingRequested: string;
  readonly replyLabel: string;
  readonly replyHint: string;
  readonly replySend: string;
  readonly replySending: string;
  readonly replySent: string;
  readonly replyRequired: string;
  readonly replyFailed: string;
  readonly addFilesHeading: string;
  readonly addFilesIntro: string;
  readonly addFilesSend: string;
  readonly addFilesSent: string;
  readonly addFilesFailed: string;
  readonly withdrawHeading: string;
  readonly withdrawIntro: string;
  readonly withdrawButton: string;
  readonly withdrawConfirmTitle: string;
  readonly withdrawConfirmBody: string;
  readonly withdrawConfirm: string;
  readonly withdrawCancel: string;
  readonly withdrawFailed: string;
  readonly withdrawn: string;
  readonly discardHeading: string;
  readonly discardIntro: string;
  readonly discardButton: string;
  readonly discardConfirmTitle: string;
  readonly discardConfirmBody: string;
  readonly discardConfirm: string;
  readonly discarded: string;
}
