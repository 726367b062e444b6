/**
 * Plain text of one paragraph of Markdown: heading and quote markers, emphasis and link
 * syntax go, the words stay (a link keeps its text, an image its alt text).
 */
export function markdownToText(paragraph: string): string {
  return paragraph
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?)/gmu, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gu, '$2')
    .replace(/(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])/gu, '$2');
}
