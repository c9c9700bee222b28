import {
  ACTIONS_SHOWN_TO_RESIDENTS,
  AUDIT_ACTIONS,
  DATA_CATEGORIES,
  PERMISSIONS,
  PURPOSE_PROFILES,
} from '@madoguchi/core';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../web/src/messages';
import { DEPARTMENTS } from '../../../web/src/procedures/procedure-definition';

// The resident's access log (POST /api/v1/me/access-log) answers with codes; the web app says them
// in the resident's language. A code without a label would be shown as it is: these keep every code
// a resident can meet labelled in all three languages, and no label for a code that no longer exists.
const PURPOSES_OF_STAFF_ACCESS = [...PURPOSE_PROFILES.map((p) => p.purpose), 'case-handling', 'support-measure'];

describe.each(Object.entries(messages))('the access log in %s', (_locale, text) => {
  const t = text.me;

  it('names every action a resident can find in their access log', () => {
    expect(ACTIONS_SHOWN_TO_RESIDENTS.length).toBeGreaterThan(10);
    expect(ACTIONS_SHOWN_TO_RESIDENTS.filter((action) => !t.actionLabels[action])).toEqual([]);
  });

  it('names every purpose staff read the register for, every kind of data and every division', () => {
    expect(PURPOSES_OF_STAFF_ACCESS.filter((purpose) => !t.purposeLabels[purpose])).toEqual([]);
    expect(Object.keys(DATA_CATEGORIES).filter((category) => !t.dataCategoryLabels[category])).toEqual([]);
    expect(DEPARTMENTS.filter((department) => !text.portal.departments[department])).toEqual([]);
  });

  it('has no label for an action that does not exist', () => {
    const known = new Set<string>([...Object.keys(AUDIT_ACTIONS), ...PERMISSIONS]);
    expect(Object.keys(t.actionLabels).filter((action) => !known.has(action))).toEqual([]);
  });
});
