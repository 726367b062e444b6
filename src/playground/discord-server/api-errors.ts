/** Discord JSON error codes this server uses (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const ApiErrorCode = {
  General: 0,
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  InteractionAlreadyAcknowledged: 40060,
} as const;

const MESSAGES: Record<number, string> = {
  [ApiErrorCode.UnknownChannel]: 'Unknown Channel',
  [ApiErrorCode.UnknownMessage]: 'Unknown Message',
  [ApiErrorCode.UnknownUser]: 'Unknown User',
  [ApiErrorCode.UnknownWebhook]: 'Unknown Webhook',
  [ApiErrorCode.UnknownInteraction]: 'Unknown interaction',
  [ApiErrorCode.MissingPermissions]: 'Missing Permissions',
  [ApiErrorCode.InvalidFormBody]: 'Invalid Form Body',
  [ApiErrorCode.InteractionAlreadyAcknowledged]: 'Interaction has already been acknowledged.',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export interface ApiErrorBody {
  message: string;
  code: number;
  [key: string]: unknown;
}

/** Builds the `{message, code}` body Discord sends with an error status. */
export function apiErrorBody(status: number, code: number = ApiErrorCode.General, message?: string): ApiErrorBody {
  const text = message ?? MESSAGES[code] ?? `${status}: ${STATUS_TEXT[status] ?? 'Error'}`;
  return { message: text, code };
}
