/** Every string the start page shows. Each language file fills all of them, so none falls back silently. */
export interface Messages {
  /** The document `<title>`. */
  readonly documentTitle: string;
  readonly skipLink: string;
  /** Label of the group of language buttons. */
  readonly languageLabel: string;
  readonly heading: string;
  readonly intro: string;
  readonly tenantsHeading: string;
  readonly tenantsLoading: string;
  readonly tenantsError: string;
  readonly tenantsRetry: string;
  readonly tenantsEmpty: string;
  /** Label before the 6-digit 地方公共団体コード. */
  readonly lgCodeLabel: string;
  readonly footerNavLabel: string;
  readonly apiDocs: string;
}
