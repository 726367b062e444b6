import { ApiErrorCode, type ApiErrorBody } from './api-errors.js';
import { hasVisibleContent, type MessageBody } from './message-store.js';
import { isRecord } from './payloads.js';

/** Discord's documented message limits; breaking one gets a 400 just like in production. */
export const MessageLimits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  autocompleteChoices: 25,
  autocompleteChoiceName: 100,
} as const;

interface FieldError {
  path: string[];
  code: string;
  message: string;
}

/** Validates a message create/edit body; returns Discord's 50035/50006 error body or null. */
export function validateMessageBody(body: MessageBody, { creating }: { creating: boolean }): ApiErrorBody | null {
  if (creating && !hasVisibleContent(body) && (body.components?.length ?? 0) === 0) {
    return { message: 'Cannot send an empty message', code: 50006 };
  }
  const errors: FieldError[] = [];
  if (body.content !== undefined && body.content.length > MessageLimits.content) {
    errors.push(maxLength(['content'], MessageLimits.content));
  }
  const embeds = body.embeds ?? [];
  if (embeds.length > MessageLimits.embeds) {
    errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${MessageLimits.embeds} or fewer in length.` });
  }
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isRecord(embed)) return;
    const at = ['embeds', String(i)];
    total += checkText(errors, [...at, 'title'], embed.title, MessageLimits.embedTitle);
    total += checkText(errors, [...at, 'description'], embed.description, MessageLimits.embedDescription);
    if (isRecord(embed.footer)) total += checkText(errors, [...at, 'footer', 'text'], embed.footer.text, MessageLimits.embedFooterText);
    if (isRecord(embed.author)) total += checkText(errors, [...at, 'author', 'name'], embed.author.name, MessageLimits.embedAuthorName);
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > MessageLimits.embedFields) {
      errors.push({
        path: [...at, 'fields'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${MessageLimits.embedFields} or fewer in length.`,
      });
    }
    fields.forEach((field, j) => {
      if (!isRecord(field)) return;
      total += checkText(errors, [...at, 'fields', String(j), 'name'], field.name, MessageLimits.embedFieldName);
      total += checkText(errors, [...at, 'fields', String(j), 'value'], field.value, MessageLimits.embedFieldValue);
    });
  });
  if (total > MessageLimits.embedTotal) {
    errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }
  return errors.length > 0 ? formBodyError(errors) : null;
}

/** Validates autocomplete choices (type 8 callback data). */
export function validateAutocompleteChoices(data: unknown): ApiErrorBody | null {
  const choices = isRecord(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    return formBodyError([{ path: ['data', 'choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
  }
  const errors: FieldError[] = [];
  if (choices.length > MessageLimits.autocompleteChoices) {
    errors.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  choices.forEach((choice, i) => {
    const name = isRecord(choice) ? choice.name : undefined;
    if (typeof name !== 'string' || name.length < 1 || name.length > MessageLimits.autocompleteChoiceName) {
      errors.push({
        path: ['data', 'choices', String(i), 'name'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
  });
  return errors.length > 0 ? formBodyError(errors) : null;
}

function checkText(errors: FieldError[], path: string[], value: unknown, limit: number): number {
  if (typeof value !== 'string') return 0;
  if (value.length > limit) errors.push(maxLength(path, limit));
  return value.length;
}

function maxLength(path: string[], limit: number): FieldError {
  return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit} or fewer in length.` };
}

/** Discord nests field errors by path: `{content: {_errors: [{code, message}]}}`. */
function formBodyError(fieldErrors: FieldError[]): ApiErrorBody {
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of fieldErrors) {
    let node = errors;
    for (const key of path) {
      const next = node[key];
      if (isRecord(next)) {
        node = next;
      } else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? node._errors : [];
    node._errors = [...list, { code, message }];
  }
  return { message: 'Invalid Form Body', code: ApiErrorCode.InvalidFormBody, errors };
}
