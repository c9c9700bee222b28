import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { valueAt } from '../procedures/conditions';
import { updateApplication } from './application.repository';
import { loadForViewer, lockApplication, requireStatus, type Viewer } from './application-access';
import { type AnswerProblem, answerProblems } from './form-logic';

export interface SaveAnswersInput {
  readonly lgCode: string;
  readonly applicationId: string;
  /** Top-level answers to set; each replaces that answer whole (an array or object with it). */
  readonly answers: Readonly<Record<string, unknown>>;
}

/**
 * Saves answers of a draft, as a page of the form sends them (save and come back later). The answers
 * given are checked against the procedure's schema and refused with every problem (ANSWERS_INVALID,
 * field by field) without saving; answers not given yet are not required yet. An answer filled in
 * from the register that the law does not let the resident change is refused (LOCKED).
 */
export async function saveAnswers(
  db: Database,
  actor: Actor,
  input: SaveAnswersInput,
  viewer: Viewer,
): Promise<{ readonly answers: Record<string, unknown> }> {
  const { procedure } = await loadForViewer(db, actor, input, viewer, 'procedure.case.handle');
  return db.kysely.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, input.lgCode, input.applicationId);
    requireStatus(application, ['draft'], 'change the answers');
    const keys = Object.keys(input.answers);
    const merged: Record<string, unknown> = { ...application.answers, ...input.answers };
    for (const key of keys) if (input.answers[key] === null) delete merged[key];
    const problems: AnswerProblem[] = application.lockedAnswers
      .filter((path) => keys.includes(path.split('.')[0] as string))
      .filter((path) => JSON.stringify(valueAt(merged, path)) !== JSON.stringify(valueAt(application.answers, path)))
      .map((path) => ({
        field: path,
        code: 'LOCKED',
        message: `${path} is the register's entry and cannot be changed here (ask at the counter)`,
      }));
    const key = `${input.lgCode}/${procedure.procedureId}/${procedure.version}`;
    for (const problem of answerProblems(key, procedure.definition, merged)) {
      const top = problem.field.split('.')[0] as string;
      if (keys.includes(top) && !problems.some((p) => p.field === problem.field)) problems.push(problem);
    }
    if (problems.length > 0) {
      throw new AppError('ANSWERS_INVALID', `${problems.length} answer(s) are not valid; nothing was saved`, {
        problems,
      });
    }
    await updateApplication(trx, input.lgCode, input.applicationId, { answers: merged });
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.answers.save',
        purpose: procedure.definition.prefillPurpose,
        result: 'allowed',
        subjectPersonIds: [application.applicantPersonId],
        details: { applicationId: input.applicationId, answers: keys },
      },
    ]);
    return { answers: merged };
  });
}
