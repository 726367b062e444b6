import type { IncomingMessage } from 'node:http';

/** A file part of a multipart request (discord.js names them `files[0]`, `files[1]`, ...). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The upload's index parsed from `files[n]`, matching `attachments[].id` in the payload. */
  index: number | null;
  /** The file's bytes, so that a test can read what the bot attached (a `/stats` report). */
  data: Buffer;
}

export interface ParsedBody {
  /** Parsed JSON, the parsed `payload_json` part of a multipart body, or null when empty. */
  json: unknown;
  files: RecordedFile[];
  /** The raw body as text when it was neither JSON nor multipart (kept for debugging). */
  text: string | null;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks);
}

export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { json: null, files: [], text: null };
  const type = contentType ?? '';
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  const text = raw.toString('utf8');
  if (type.startsWith('application/json')) {
    try {
      return { json: JSON.parse(text), files: [], text: null };
    } catch {
      return { json: null, files: [], text };
    }
  }
  return { json: null, files: [], text };
}

/** Multipart is parsed with the platform's own FormData parser (undici) rather than by hand. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let json: unknown = null;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = JSON.parse(value);
      continue;
    }
    const indexMatch = /^files\[(\d+)\]$/.exec(field);
    files.push({
      field,
      filename: value.name,
      contentType: value.type,
      size: value.size,
      index: indexMatch?.[1] !== undefined ? Number(indexMatch[1]) : null,
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { json, files, text: null };
}
