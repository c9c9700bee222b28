import { useId, useState } from 'react';
import { FormField } from '../form-field';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import { DEPARTMENTS } from '../procedures/procedure-definition';
import type { ProcedureSummary } from '../procedures/procedure-summary';
import { localized } from './localized';
import { ProcedureCard } from './procedure-card';

interface ProcedureCatalogProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly items: readonly ProcedureSummary[];
}

/** Full-width and half-width forms, upper and lower case: all the same to the filter. */
const normalize = (value: string) => value.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function departmentOrder(department: string): number {
  const index = (DEPARTMENTS as readonly string[]).indexOf(department);
  return index === -1 ? DEPARTMENTS.length : index;
}

/** The procedures by department, narrowed by a filter on their names in the page's language. */
export function ProcedureCatalog({ text, locale, items }: ProcedureCatalogProps) {
  const t = text.portal.catalog;
  const [query, setQuery] = useState('');
  const headingIdBase = useId();
  const wanted = normalize(query);
  const shown = items.filter((item) => normalize(localized(item.names, locale)).includes(wanted));
  const departments = [...new Set(shown.map((item) => item.department))].sort(
    (a, b) => departmentOrder(a) - departmentOrder(b),
  );
  const departmentName = (id: string) => (text.portal.departments as Readonly<Record<string, string>>)[id] ?? id;

  return (
    <div className="procedure-catalog">
      <FormField id="procedure-filter" label={t.filterLabel} hint={t.filterHint} errorPrefix={text.errorPrefix}>
        {(control) => (
          <input
            {...control}
            className="form-field__input"
            type="search"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        )}
      </FormField>
      {/* Announced as the list narrows, without moving focus from the filter. */}
      <p className="catalog-count" role="status">
        {shown.length === 0 ? fill(t.noMatch, { query: query.trim() }) : fill(t.count, { count: shown.length })}
      </p>
      {departments.map((department, index) => {
        const headingId = `${headingIdBase}-${index}`;
        return (
          <section key={department} className="procedure-group" aria-labelledby={headingId}>
            <h2 id={headingId}>{departmentName(department)}</h2>
            <ul className="procedure-group__list">
              {shown
                .filter((item) => item.department === department)
                .map((item) => (
                  <ProcedureCard key={item.procedureId} text={text} locale={locale} procedure={item} />
                ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
