import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApi, Operation } from './fuzz-requests.fixture.js';

// ajv-formats is CommonJS with its function as `default` beside `module.exports`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** An answer as the client received it. */
export interface Answer {
  status: number;
  /** The media type without parameters ("application/json"). */
  mediaType: string;
  text: string;
}

/** Checks answers against the JSON Schemas of an OpenAPI document's responses. */
export type AnswerCheck = (operation: Operation, answer: Answer) => string[];

const documentId = 'soteatlas-openapi';

const errorsOf = (validate: ValidateFunction): string =>
  (validate.errors ?? [])
    .slice(0, 3)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'} (${JSON.stringify(e.data)?.slice(0, 60)})`,
    )
    .join('; ');

/**
 * What is wrong with an answer: a 5xx at all; a 2xx whose body the operation's response schema refuses;
 * a 4xx that is not the API's error shape ({error, message}, the ApiError component).
 */
export const answerCheckFor = (document: OpenApi): AnswerCheck => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
  addFormats(ajv);
  // The components keep their "#/components/schemas/…" references, resolved against this document.
  ajv.addSchema({ $id: documentId, components: document.components });
  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (ref: string): ValidateFunction => {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.getSchema(`${documentId}${ref}`);
      if (!validate) throw new Error(`the document has no schema ${ref}`);
      validators.set(ref, validate);
    }
    return validate;
  };
  const validateJson = (ref: string, text: string): string[] => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`the body is not JSON: ${text.slice(0, 80)}`];
    }
    const validate = validatorOf(ref);
    return validate(body) ? [] : [`the body does not fit ${ref.split('/').pop()}: ${errorsOf(validate)}`];
  };

  return (operation, answer) => {
    const problems: string[] = [];
    if (answer.status >= 500) problems.push(`answered ${answer.status}`);
    if (answer.status >= 400) {
      if (answer.mediaType !== 'application/json')
        return [...problems, `an error answered as ${answer.mediaType || 'no media type'}`];
      return [...problems, ...validateJson('#/components/schemas/ApiError', answer.text)];
    }
    const content = operation.responses[String(answer.status)]?.content;
    if (!content) return [...problems, `answered ${answer.status}, which the document does not list`];
    const documented = content[answer.mediaType];
    if (!documented)
      return [...problems, `answered ${answer.mediaType}, documented ${Object.keys(content).join(', ')}`];
    const ref = (documented.schema as { $ref?: string }).$ref;
    if (ref === undefined || !answer.mediaType.endsWith('json')) return problems;
    return [...problems, ...validateJson(ref, answer.text)];
  };
};
