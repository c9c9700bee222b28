import type { Messages } from './messages';

/**
 * A division's name in the page's language, one list for the resident's and the staff's pages
 * (and the access log); a code no list knows is shown as it is.
 */
export function departmentName(text: Messages, department: string): string {
  return (text.portal.departments as Readonly<Record<string, string>>)[department] ?? department;
}
