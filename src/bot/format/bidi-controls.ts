/**
 * Unicode's bidirectional controls: the embeddings and overrides (U+202A–U+202E), the isolates
 * (U+2066–U+2069) and the three marks (U+061C, U+200E, U+200F). Discord's clients obey them, so
 * a right-to-left override in a question or an article would reverse the rest of a quoted
 * passage or of the echoed question. Right-to-left text needs none of them to read right: the
 * letters carry their own direction.
 */
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

/** The text without bidirectional controls: what the bot sends, whoever wrote the text. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
