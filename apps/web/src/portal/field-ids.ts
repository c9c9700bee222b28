import type { QuestionInput } from '../procedures/procedure-definition';

/**
 * Element ids of the form's controls, fixed so the error summary (and tests) can find them:
 * `answer-<dot path of the answer>` on a text control or on the first choice of a group.
 */
export function fieldId(path: string): string {
  return `answer-${path}`;
}

/** A location is three controls; its answer path with `.latitude`, `.longitude`, `.description`. */
export const LOCATION_PARTS = ['latitude', 'longitude', 'description'] as const;
export type LocationPart = (typeof LOCATION_PARTS)[number];

/** The control a problem about this answer links to (a location's part when the problem names one). */
export function problemTargetId(input: QuestionInput, answerPath: string, problemField: string): string {
  if (input !== 'location') return fieldId(answerPath);
  const part = problemField.slice(answerPath.length + 1).split('.')[0];
  const known = LOCATION_PARTS.find((name) => name === part);
  return fieldId(`${answerPath}.${known ?? 'latitude'}`);
}

export function attachmentFieldId(attachmentId: string): string {
  return `attachment-${attachmentId}`;
}
