/**
 * The text of a document's bytes in the encoding it declares: the `charset` of its content type,
 * else (for HTML) a `<meta charset>` in its first 1024 bytes, else an XML declaration's, else
 * UTF-8, the web's default. An encoding name the decoder does not know falls back to UTF-8.
 */
export function decodeDocument(bytes: Uint8Array, contentTypeHeader: string | null): string {
  const charset = charsetOf(contentTypeHeader ?? '', Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function charsetOf(header: string, bytes: Buffer): string {
  const declared = /;\s*charset\s*=\s*"?([\w.:-]+)"?/iu.exec(header)?.[1];
  if (declared !== undefined) return declared;
  const head = bytes.subarray(0, 1024).toString('latin1');
  const xml = /^(?:\uFEFF)?<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/iu.exec(head)?.[1];
  if (xml !== undefined) return xml;
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/iu.exec(head)?.[1] ?? 'utf-8';
}
