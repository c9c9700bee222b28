import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import type { ProcedureSummary } from '../procedures/procedure-summary';
import { paths } from '../router';
import { assuranceLevelOf } from './assurance';
import { localized } from './localized';

/** One procedure of the catalog: its name (the link), what it is for, and the login it needs. */
export function ProcedureCard({
  text,
  locale,
  procedure,
}: {
  readonly text: Messages;
  readonly locale: Locale;
  readonly procedure: ProcedureSummary;
}) {
  const level = assuranceLevelOf(procedure.minimumAssurance);
  return (
    <li className="procedure-card">
      <h3 className="procedure-card__name">
        <Link to={paths.procedure(procedure.procedureId)}>{localized(procedure.names, locale)}</Link>
      </h3>
      <p className="procedure-card__summary">{localized(procedure.summary, locale)}</p>
      <p className="procedure-card__login">
        <span className="procedure-card__login-label">{text.portal.catalog.loginLabel}</span>
        {text.portal.common.loginNeeded[level]}
      </p>
    </li>
  );
}
