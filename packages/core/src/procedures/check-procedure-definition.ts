import { purposeProfile } from '../access/purpose-profiles';
import { isAppError } from '../errors';
import { leafPaths, type SchemaNode, schemaAt, schemaType } from './answer-schema';
import { conditionFields } from './conditions';
import { createJsonSchemaValidator, dotPath } from './json-schema';
import { PROCEDURE_DEFINITION_SCHEMA } from './procedure-definition.schema';
import type {
  PageDefinition,
  PrefillSource,
  ProcedureDefinition,
  QuestionDefinition,
  RegistryOperationName,
} from './procedure-definition.types';

/** What is wrong with a definition, and where: `path` points into the definition (`pages.3.questions.0`). */
export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
}

const ajv = createJsonSchemaValidator();
const validateShape = ajv.compile(PROCEDURE_DEFINITION_SCHEMA);

/** The answer type each input needs; `null`: any. */
const INPUT_TYPES: Record<QuestionDefinition['input'], { type: string; format?: string } | null> = {
  text: { type: 'string' },
  textarea: { type: 'string' },
  date: { type: 'string', format: 'date' },
  month: { type: 'string', format: 'month' },
  number: { type: 'integer' },
  email: { type: 'string', format: 'email' },
  tel: { type: 'string', format: 'tel' },
  'postal-code': { type: 'string', format: 'postal-code' },
  radios: { type: 'string' },
  select: { type: 'string' },
  checkboxes: { type: 'array' },
  location: { type: 'object' },
  'household-members': { type: 'array' },
};

/** Registry items a prefill source reads: the purpose profile must allow them. */
const SOURCE_ITEMS: Record<PrefillSource, readonly string[]> = {
  'applicant.fullName': ['familyName', 'givenName'],
  'applicant.fullNameKana': ['familyNameKana', 'givenNameKana'],
  'applicant.birthDate': ['birthDate'],
  'applicant.sex': ['sex'],
  'applicant.postalCode': ['postalCode'],
  'applicant.address': ['address'],
  'applicant.addressDetail': ['addressDetail'],
  'household.members': ['personId', 'familyName', 'givenName', 'birthDate', 'relationship'],
  'household.children': ['personId', 'familyName', 'givenName', 'birthDate', 'relationship'],
};

/** The inputs each registry operation takes from the answers, and which it cannot do without. */
const OPERATION_INPUTS: Record<RegistryOperationName, { required: string[]; optional: string[] }> = {
  recordRelocation: {
    required: ['effectiveOn', 'destination.address'],
    optional: ['destination.postalCode', 'destination.addressDetail', 'personIds'],
  },
  recordMoveOut: { required: ['plannedMoveOn', 'plannedDestination'], optional: ['personIds', 'abroad'] },
};

/**
 * Checks a procedure definition: its shape (PROCEDURE_DEFINITION_SCHEMA), that its answer schema is
 * valid JSON Schema, and that its parts agree — every question asks for a place the answer schema
 * has, with a fitting type; every answer is asked or filled in; conditions read answers asked on
 * earlier pages; prefills fit their sources and the purpose allows them; approval's registry
 * operation gets every input it needs. Returns every problem, or none.
 */
export function checkProcedureDefinition(value: unknown): DefinitionProblem[] {
  if (!validateShape(value)) {
    return (validateShape.errors ?? []).map((e) => ({
      path: dotPath(e.instancePath),
      message: e.message ?? 'invalid',
    }));
  }
  const definition = value as unknown as ProcedureDefinition;
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  try {
    ajv.compile(definition.answers);
  } catch (error) {
    add('answers', `is not a valid JSON Schema: ${(error as Error).message}`);
    return problems;
  }
  const answers = definition.answers as SchemaNode;
  checkUnique(
    definition.pages.map((p) => p.id),
    'pages',
    add,
  );
  checkUnique(
    definition.attachments.map((a) => a.id),
    'attachments',
    add,
  );
  const asked = checkPages(definition.pages, answers, add);
  checkPrefill(definition, answers, add);
  for (const field of leafPaths(answers)) {
    const filled = definition.prefill.some((p) => field === p.answer || field.startsWith(`${p.answer}.`));
    if (!asked.has(field) && !filled) add('answers', `${field} is never asked and never filled in`);
  }
  checkDecisions(definition, add);
  if (definition.onApproval) checkOperation(definition, answers, add);
  return problems;
}

type Add = (path: string, message: string) => void;

function checkUnique(ids: readonly string[], path: string, add: Add): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) add(`${path}.${i}.id`, `repeats the id "${id}"`);
  });
}

/** Checks each page against the schema; returns the answer paths asked (arrays as `field.[].leaf`). */
function checkPages(pages: readonly PageDefinition[], answers: SchemaNode, add: Add): Set<string> {
  const asked = new Set<string>();
  pages.forEach((page, p) => {
    const base = `pages.${p}`;
    for (const field of page.showIf ? conditionFields(page.showIf) : []) {
      const known = field.startsWith('item.') ? Boolean(page.repeat) : asked.has(field) || isPrefix(asked, field);
      if (!known) add(`${base}.showIf`, `reads ${field}, which no earlier page asks`);
    }
    let scope = '';
    if (page.repeat) {
      const array = schemaAt(answers, page.repeat.field);
      if (!array || schemaType(array) !== 'array') {
        add(`${base}.repeat.field`, `${page.repeat.field} is not an array in the answers schema`);
        return;
      }
      if (page.repeat.min > page.repeat.max) add(`${base}.repeat`, 'min is more than max');
      scope = `${page.repeat.field}.[]`;
    }
    page.questions.forEach((question, q) => {
      const path = scope ? `${scope}.${question.field}` : question.field;
      checkQuestion(question, schemaAt(answers, path), `${base}.questions.${q}`, add);
      asked.add(path);
      if (question.input === 'location') {
        for (const leaf of ['latitude', 'longitude', 'description']) asked.add(`${path}.${leaf}`);
      }
    });
  });
  return asked;
}

function isPrefix(asked: Set<string>, field: string): boolean {
  return [...asked].some((a) => field.startsWith(`${a}.`));
}

function checkQuestion(question: QuestionDefinition, node: SchemaNode | null, path: string, add: Add): void {
  if (node === null) {
    add(`${path}.field`, `${question.field} is not in the answers schema`);
    return;
  }
  const expected = INPUT_TYPES[question.input];
  const type = schemaType(node);
  if (expected && type !== expected.type && !(expected.type === 'integer' && type === 'number')) {
    add(`${path}.input`, `${question.input} needs an answer of type ${expected.type}, the schema says ${type}`);
  }
  if (expected?.format && node.format !== expected.format) {
    add(`${path}.input`, `${question.input} needs format ${expected.format} in the answers schema`);
  }
  const needsOptions = ['radios', 'select', 'checkboxes'].includes(question.input);
  if (needsOptions !== Boolean(question.options)) {
    add(`${path}.options`, needsOptions ? `${question.input} needs options` : `${question.input} takes no options`);
  }
  if (question.options) {
    const allowed = (question.input === 'checkboxes' ? (node.items as SchemaNode | undefined)?.enum : node.enum) as
      | unknown[]
      | undefined;
    const values = question.options.map((o) => o.value);
    if (!allowed || allowed.length !== values.length || values.some((v) => !allowed.includes(v))) {
      add(`${path}.options`, 'must list exactly the values the answers schema allows (enum)');
    }
  }
}

function checkPrefill(definition: ProcedureDefinition, answers: SchemaNode, add: Add): void {
  let allowed: readonly string[] = [];
  try {
    allowed = purposeProfile(definition.prefillPurpose, 'basic-resident-record').fields;
  } catch (error) {
    if (!isAppError(error)) throw error;
    add('prefillPurpose', `no purpose profile "${definition.prefillPurpose}" reads the resident record`);
  }
  definition.prefill.forEach((rule, i) => {
    const node = schemaAt(answers, rule.answer);
    if (!node) add(`prefill.${i}.answer`, `${rule.answer} is not in the answers schema`);
    const wantsArray = rule.source.startsWith('household.');
    if (node && (schemaType(node) === 'array') !== wantsArray) {
      add(`prefill.${i}.answer`, `${rule.source} fills ${wantsArray ? 'an array' : 'a single value'}`);
    }
    const missing = SOURCE_ITEMS[rule.source].filter((item) => allowed.length > 0 && !allowed.includes(item));
    if (missing.length > 0) {
      add(`prefill.${i}.source`, `the purpose ${definition.prefillPurpose} may not read ${missing.join(', ')}`);
    }
  });
}

function checkDecisions(definition: ProcedureDefinition, add: Add): void {
  checkUnique(
    definition.decisions.map((d) => d.id),
    'decisions',
    add,
  );
  for (const outcome of ['approved', 'rejected'] as const) {
    if (!definition.decisions.some((d) => d.outcome === outcome))
      add('decisions', `needs a decision that is ${outcome}`);
  }
  definition.decisions.forEach((decision, i) => {
    if (decision.outcome === 'rejected' && !decision.requiresReason) {
      add(`decisions.${i}.requiresReason`, 'a refusal must give its reason (行政手続法第8条)');
    }
  });
}

function checkOperation(definition: ProcedureDefinition, answers: SchemaNode, add: Add): void {
  const { operation, fields } = definition.onApproval as NonNullable<ProcedureDefinition['onApproval']>;
  const inputs = OPERATION_INPUTS[operation];
  for (const input of inputs.required) {
    if (!(input in fields)) add('onApproval.fields', `${operation} needs ${input}`);
  }
  for (const [input, answer] of Object.entries(fields)) {
    if (![...inputs.required, ...inputs.optional].includes(input)) {
      add(`onApproval.fields.${input}`, `${operation} takes no input ${input}`);
    }
    if (!schemaAt(answers, answer)) add(`onApproval.fields.${input}`, `${answer} is not in the answers schema`);
  }
}
