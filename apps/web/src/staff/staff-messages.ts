/** Strings of the staff screens (case handling). Each language file fills all of them. */
export interface StaffMessages {
  readonly titles: {
    readonly login: string;
    readonly cases: string;
    readonly case: string;
  };
  readonly common: StaffCommonMessages;
  readonly login: StaffLoginMessages;
  readonly inbox: StaffInboxMessages;
  readonly case: StaffCaseMessages;
  readonly actions: StaffActionMessages;
  readonly decision: StaffDecisionMessages;
}

/** Why the staff login did not work; each gets its own explanation. */
export type StaffLoginErrorKey =
  /** Any wrong factor: the answer does not say which, so neither does the page. */
  | 'LOGIN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_REQUESTS'
  /** 403: this terminal is not in a configured network zone. */
  | 'TERMINAL_NOT_ALLOWED'
  | 'VALIDATION_FAILED'
  | 'NETWORK'
  | 'OTHER';

export type StaffLoginFieldError =
  | 'tenantMissing'
  | 'loginNameMissing'
  | 'passwordMissing'
  | 'totpMissing'
  | 'totpInvalid';

/** Why a step on a case (take, write, decide, notify) did not work. */
export type CaseActionErrorKey =
  | 'SIGNED_OUT'
  | 'ACCESS_DENIED'
  /** 409: the case moved on meanwhile (decided, withdrawn, or notified already). */
  | 'APPLICATION_STATE'
  /** 422 MOVEMENT_REFUSED and the like: the registry refused the approval's operation. */
  | 'REGISTRY_REFUSED'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'TOO_MANY_REQUESTS'
  | 'NETWORK'
  | 'OTHER';

export interface StaffCommonMessages {
  /** `{tenant}`: the municipality, e.g. デモ市（999997）. */
  readonly signedInAs: string;
  readonly logout: string;
  readonly logoutError: string;
  readonly checkingSession: string;
  readonly sessionError: string;
  readonly retry: string;
  readonly signedOut: string;
  readonly sessionExpired: string;
  /** Logged in as a resident, not as staff. */
  readonly notStaff: string;
  readonly loginLink: string;
  readonly backToInbox: string;
  /** The assignee when it is the reader. */
  readonly you: string;
  readonly unassigned: string;
  /** Beside a target date that has passed: words, not colour alone. */
  readonly overdue: string;
  /** Application statuses; an unknown one is shown as its code. */
  readonly statuses: Readonly<Record<string, string>>;
  /** Departments (課); an unknown one is shown as its code. */
  /** Between items of a list written as one line: 「、」 or ", ". */
  readonly listSeparator: string;
}

export interface StaffLoginMessages {
  readonly intro: string;
  /** Only from a registered terminal (a network zone of the office). */
  readonly terminalNote: string;
  readonly tenantLabel: string;
  readonly loginNameLabel: string;
  readonly passwordLabel: string;
  readonly totpLabel: string;
  readonly totpHint: string;
  readonly submit: string;
  readonly submitting: string;
  readonly errorSummaryTitle: string;
  readonly failedTitle: string;
  readonly fieldErrors: Readonly<Record<StaffLoginFieldError, string>>;
  readonly apiErrors: Readonly<Record<StaffLoginErrorKey, string>>;
  readonly alreadyTitle: string;
  readonly inboxLink: string;
  /** When a resident is logged in on this browser: logging in as staff ends that login. */
  readonly residentNote: string;
}

export interface StaffInboxMessages {
  readonly intro: string;
  readonly filtersHeading: string;
  readonly procedureLabel: string;
  readonly procedureAll: string;
  readonly statusLabel: string;
  readonly statusAll: string;
  readonly stateLegend: string;
  readonly stateOpen: string;
  readonly stateClosed: string;
  readonly stateAll: string;
  readonly conditionsLegend: string;
  readonly overdueOnly: string;
  readonly mineOnly: string;
  readonly apply: string;
  readonly reset: string;
  readonly loading: string;
  readonly loadError: string;
  readonly caption: string;
  /** `{count}`: the number of cases shown. */
  readonly count: string;
  /** `{count}` shown, `{overdue}` of them overdue. */
  readonly countWithOverdue: string;
  readonly empty: string;
  /** `{count}`: the limit; more cases match than are shown. */
  readonly truncated: string;
  readonly deniedTitle: string;
  readonly denied: string;
  readonly columns: {
    readonly receiptNo: string;
    readonly procedure: string;
    readonly status: string;
    readonly submittedOn: string;
    readonly dueOn: string;
    readonly assignee: string;
  };
}

export interface StaffCaseMessages {
  readonly loading: string;
  readonly loadError: string;
  readonly notFound: string;
  readonly deniedTitle: string;
  readonly denied: string;
  readonly summaryHeading: string;
  readonly receiptNo: string;
  readonly status: string;
  readonly department: string;
  readonly channel: string;
  readonly channels: Readonly<Record<string, string>>;
  readonly submittedAt: string;
  readonly dueOn: string;
  readonly decidedAt: string;
  readonly notYet: string;
  readonly assignee: string;
  readonly take: string;
  readonly taking: string;
  readonly taken: string;
  /** The session does not say who the staff member is, so the case cannot be taken from here. */
  readonly takeUnavailable: string;
  readonly answersHeading: string;
  /** Marks an answer the register filled in and the applicant could not change. */
  readonly fromRegister: string;
  readonly noAnswer: string;
  readonly yes: string;
  readonly no: string;
  /** A repeating group with no items. */
  readonly noItems: string;
  readonly documentsHeading: string;
  readonly submissionCopy: string;
  readonly decisionNotice: string;
  /** `{label}` of the attachment, `{file}` name, `{size}`. */
  readonly attachment: string;
  readonly noAttachments: string;
  readonly historyHeading: string;
  readonly historyEmpty: string;
  readonly eventKinds: Readonly<Record<string, string>>;
  readonly actorKinds: Readonly<Record<string, string>>;
  readonly visibleToResident: string;
  /** Marks entries the resident does not see (internal notes, assignments, a decision not yet notified). */
  readonly internalOnly: string;
  /** `{decision}`: the decision's label. */
  readonly eventDecision: string;
  /** `{staff}`: the staff id the case was given to. */
  readonly eventAssigned: string;
  readonly eventUnassigned: string;
  readonly eventStatus: string;
}

export interface StaffActionMessages {
  readonly heading: string;
  readonly closedNote: string;
  readonly request: TextActionMessages;
  readonly message: TextActionMessages;
  readonly note: TextActionMessages;
  readonly required: string;
  /** `{max}` characters. */
  readonly tooLong: string;
  /** A text field's hint with the limit: `{hint}`, then `{max}` characters at most. */
  readonly hintWithMax: string;
  readonly errorSummaryTitle: string;
  readonly failedTitle: string;
  readonly errors: Readonly<Record<CaseActionErrorKey, string>>;
  /** Before the server's own words about a refusal (they are in English). */
  readonly serverSaid: string;
  readonly errorCodeLabel: string;
}

export interface TextActionMessages {
  readonly heading: string;
  readonly label: string;
  readonly hint: string;
  readonly submit: string;
  readonly pending: string;
  readonly done: string;
}

export interface StaffDecisionMessages {
  readonly heading: string;
  readonly legend: string;
  readonly reasonLabel: string;
  /** The label when the chosen decision needs a reason. */
  readonly reasonRequiredLabel: string;
  /** `{decisions}`: the labels of the decisions that need a reason. */
  readonly reasonHint: string;
  readonly notify: string;
  readonly notifyHint: string;
  readonly submit: string;
  readonly pending: string;
  readonly chooseDecision: string;
  readonly reasonRequired: string;
  /** The 続柄 of each mover when only part of a household moves (an approval that changes the register). */
  readonly relationshipsLegend: string;
  readonly relationshipsHint: string;
  /** `{name}`: the mover's name. */
  readonly relationshipLabel: string;
  /** `{name}`, `{max}`. */
  readonly relationshipTooLong: string;
  readonly resultTitle: string;
  /** `{decision}`. */
  readonly resultDecision: string;
  readonly resultNotified: string;
  readonly resultNotNotified: string;
  /** What the registry operation did, by operation name. */
  readonly registryOperations: Readonly<Record<string, string>>;
  /** `{operation}`: an operation without its own sentence. */
  readonly registryOther: string;
  readonly householdsWithoutHead: string;
  readonly noticeLink: string;
  readonly notifyHeading: string;
  readonly notifyBody: string;
  readonly notifyButton: string;
  readonly notifyPending: string;
  readonly notifyDone: string;
}
