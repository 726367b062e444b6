/**
 * Builds eval/infoseek (articles/*.md and questions.json) from the source copies named in
 * eval/infoseek/README.md. Not needed at run time: the converted set is kept in the repo, and
 * this script is here so that it can be rebuilt and checked.
 *
 *   npx tsx eval/infoseek/convert/convert.ts <folder holding the source files> [output folder]
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticle } from '../../../src/corpus/parse-article.js';
import type { Article } from '../../../src/corpus/types.js';
import { type AnswerSpot, goldTexts } from './gold.js';
import { cleanNqText, flattenedPageParagraphs, nqTokensText, type PageParagraph } from './nq-page.js';
import { type NqSimplified, readSources, type SquadFile, type Sources } from './sources.js';

type Origin = 'tydi' | 'nq' | 'squad2' | 'own';

interface DraftArticle {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly source: string;
  readonly licence: string;
  readonly story: string;
  readonly paragraphs: readonly string[];
}

interface DraftQuestion {
  readonly origin: Origin;
  readonly sourceId: string;
  readonly question: string;
  readonly article: string;
  /** Empty for an unanswerable question. */
  readonly answers: readonly AnswerSpot[];
}

/**
 * NQ questions the NQ-to-SQuAD conversion marks `is_impossible` whose page, read by us, does not
 * answer them. The conversion drops annotations that gave only a long answer (a paragraph, no
 * short span) before taking the majority, so `is_impossible` there can mean "answered by a whole
 * paragraph"; the README lists the ones left out and why.
 */
const NQ_UNANSWERABLE_CHECKED = new Set([
  'who has a green white and red flag',
  'what happened to lt dan in forrest gump',
  'which of the following is the biggest threat to the survival of local cultures and traditions today',
  'treaty on the functioning of the european union eur-lex',
  'consolidated version of the treaty on the functioning of the european union 2012',
  'history of 1st world war in bangla language',
  'what is the packing factor of sic in that structure',
  'the rza the gza the ol dirty bza',
  'top 10 most viewed youtube videos in india',
]);

/** Written by us: things people ask a bot that no encyclopedia article answers. */
const OFF_TOPIC = [
  'what time does the pharmacy on main street close tonight',
  'is it going to rain in lisbon this weekend',
  "what's the wifi password for the office",
  'how many unread messages do i have',
  'who is on call for the server team this week',
  'when is my dentist appointment',
  'what should i cook tonight with chicken and rice',
  "what was the score of last night's hockey game",
  'how do i cancel my gym membership',
  'can you remind me to call my mother at six',
];

/** SQuAD 2.0 training articles (none of them is in SQuAD's dev set, which the project's other sets come from). */
const SQUAD2_ARTICLES = ['The_Legend_of_Zelda:_Twilight_Princess', 'Spectre_(2015_film)'];

const MAX_PARAGRAPHS = 15;
const WIKIPEDIA = 'https://en.wikipedia.org/wiki/';

const sourcesDir = process.argv[2];
const outDir = process.argv[3] ?? 'eval/infoseek';
if (sourcesDir === undefined) {
  process.stderr.write('usage: npx tsx eval/infoseek/convert/convert.ts <sources folder> [output folder]\n');
  process.exit(2);
}

const sources = await readSources(sourcesDir);
const articles = new Map<string, DraftArticle>();
const questions: DraftQuestion[] = [];
const dropped: string[] = [];

addTydi(sources);
const nqUnanswerable = addNqSubset(sources) + sources.nqFarm.filter((example) => addNqSimplified(example)).length;
// SQuAD 2.0's unanswerables were written by people who had read the paragraph: keep them a minority.
addSquad2Unanswerable(sources.squad2, sources.squad2Ids, nqUnanswerable - 1);

const parsed = await writeArticles();
const written = await writeQuestions(parsed);
await updateReadme(written);
for (const line of dropped) process.stderr.write(`left out: ${line}\n`);

function addArticle(draft: DraftArticle): string {
  let id = draft.id;
  for (let n = 2; articles.has(id); n++) id = `${draft.id}-${n}`;
  articles.set(id, { ...draft, id });
  return id;
}

function addTydi({ tydi, tydiIds }: Sources): void {
  const byTitle = new Map<string, { contexts: string[]; qas: Array<{ question: string; context: number; answers: AnswerSpot[] }> }>();
  for (const entry of tydi.data) {
    const group = byTitle.get(entry.title) ?? { contexts: [], qas: [] };
    byTitle.set(entry.title, group);
    for (const { context, qas } of entry.paragraphs) {
      const text = context.replace(/\s+/gu, ' ').trim();
      if (!group.contexts.includes(text)) group.contexts.push(text);
      const index = group.contexts.indexOf(text);
      for (const qa of qas) {
        const answers = qa.answers.map((answer) => ({ paragraph: index, near: answer.answer_start, text: answer.text }));
        group.qas.push({ question: qa.question, context: index, answers });
      }
    }
  }
  for (const [title, group] of byTitle) {
    const id = addArticle({
      id: slug(title),
      title,
      url: wikipediaUrl(title),
      source: 'Wikipedia (via TyDi QA)',
      licence: 'CC BY-SA 3.0',
      story: `Wikipedia: ${title} (the passage a TyDi QA question was matched to)`,
      paragraphs: group.contexts,
    });
    for (const qa of group.qas) {
      questions.push({ origin: 'tydi', sourceId: tydiIds.get(qa.question) ?? '', question: qa.question, article: id, answers: qa.answers });
    }
  }
}

/** Adds the NQ dev subset's answerable questions and its checked unanswerable ones; returns how many unanswerable. */
function addNqSubset({ nqSubset, nqSubsetIds }: Sources): number {
  let unanswerable = 0;
  for (const entry of nqSubset.data) {
    for (const { context, qas } of entry.paragraphs) {
      const used = qas.filter((qa) => qa.is_impossible !== true || NQ_UNANSWERABLE_CHECKED.has(qa.question));
      if (used.length === 0) continue;
      const page = flattenedPageParagraphs(context, entry.title);
      const drafts = used.map((qa) => {
        const spots = qa.answers.flatMap((answer) => spotIn(page, answer.answer_start, answer.text));
        if (qa.is_impossible !== true && qa.answers.length === 0) dropped.push(`nq "${qa.question}": the copy gives no answer span`);
        else if (qa.is_impossible !== true && spots.length === 0)
          dropped.push(`nq "${qa.question}": its answer is outside the page's kept text`);
        return { qa, spots };
      });
      const kept = drafts.filter(({ qa, spots }) => qa.is_impossible === true || spots.length > 0);
      if (kept.length === 0) continue;
      const chosen = chooseParagraphs(
        page.length,
        kept.flatMap(({ spots }) => spots.map((spot) => spot.paragraph)),
      );
      const id = addArticle({
        id: slug(entry.title),
        title: entry.title,
        url: revisionUrl(context) ?? wikipediaUrl(entry.title),
        source: 'Wikipedia (via Natural Questions)',
        licence: 'CC BY-SA 3.0',
        story: `Wikipedia: ${entry.title} (paragraphs of the page a Natural Questions query was matched to)`,
        paragraphs: chosen.map((index) => page[index]?.text ?? ''),
      });
      for (const { qa, spots } of kept) {
        if (qa.is_impossible === true) unanswerable++;
        const answers = spots.map((spot) => ({ ...spot, paragraph: chosen.indexOf(spot.paragraph) }));
        questions.push({ origin: 'nq', sourceId: nqSubsetIds.get(qa.question) ?? '', question: qa.question, article: id, answers });
      }
    }
  }
  return unanswerable;
}

function spotIn(page: readonly PageParagraph[], start: number, text: string): AnswerSpot[] {
  const paragraph = page.findIndex((candidate) => candidate.start <= start && start + text.length <= candidate.end);
  const found = page[paragraph];
  return found === undefined ? [] : [{ paragraph, near: start - found.start, text: cleanNqText(text) }];
}

/**
 * Which paragraphs of a page to keep (indices, in order): those holding answers and their
 * neighbours, then the lead, then the paragraphs after it, up to MAX_PARAGRAPHS.
 */
function chooseParagraphs(count: number, answering: readonly number[]): number[] {
  const chosen = new Set<number>();
  const add = (index: number) => {
    if (index >= 0 && index < count && chosen.size < MAX_PARAGRAPHS) chosen.add(index);
  };
  for (const index of answering) add(index);
  for (const index of answering) [index - 1, index + 1].forEach(add);
  for (let index = 0; index < count && chosen.size < Math.max(8, answering.length * 3 + 2); index++) add(index);
  return [...chosen].sort((a, b) => a - b);
}

/** Adds one simplified-format NQ example; returns whether it was unanswerable (no annotator found a long answer). */
function addNqSimplified(example: NqSimplified): boolean {
  const tokens = example.document_text.split(' ');
  const title = example.document_text.slice(0, example.document_text.indexOf(' - wikipedia')).trim();
  const paragraphs = example.long_answer_candidates
    .map((candidate, index) => ({ candidate, index }))
    .filter(({ candidate }) => candidate.top_level && tokens[candidate.start_token] === '<P>');
  const annotations = example.annotations.filter((annotation) => annotation.yes_no_answer === 'NONE');
  const unanswerable = example.annotations.every((annotation) => annotation.long_answer.candidate_index === -1);
  const spots = annotations.flatMap((annotation) =>
    annotation.short_answers.map((short) => ({
      paragraph: paragraphs.findIndex(({ index }) => index === annotation.long_answer.candidate_index),
      near: 0,
      text: nqTokensText(tokens.slice(short.start_token, short.end_token)),
    })),
  );
  if (!unanswerable && (spots.length === 0 || spots.some((spot) => spot.paragraph < 0))) {
    dropped.push(`nq "${example.question_text}": no short answer in a paragraph`);
    return false;
  }
  const chosen = chooseParagraphs(
    paragraphs.length,
    spots.map((spot) => spot.paragraph),
  );
  const id = addArticle({
    id: slug(title),
    title,
    url: example.document_url.replaceAll('&amp;', '&').replace('.org//', '.org/'),
    source: 'Wikipedia (via Natural Questions)',
    licence: 'CC BY-SA 3.0',
    story: `Wikipedia: ${title} (paragraphs of the page a Natural Questions query was matched to)`,
    paragraphs: chosen.map((index) => {
      const candidate = paragraphs[index]?.candidate;
      return candidate === undefined ? '' : nqTokensText(tokens.slice(candidate.start_token, candidate.end_token));
    }),
  });
  const answers = unanswerable ? [] : spots.map((spot) => ({ ...spot, paragraph: chosen.indexOf(spot.paragraph) }));
  questions.push({ origin: 'nq', sourceId: example.id, question: example.question_text, article: id, answers });
  return unanswerable;
}

/** Takes `count` unanswerable questions, one per paragraph, alternating between SQUAD2_ARTICLES. */
function addSquad2Unanswerable(file: SquadFile, ids: ReadonlyMap<string, string>, count: number): void {
  const squad = { data: SQUAD2_ARTICLES.map((title) => file.data.find((entry) => entry.title === title) ?? missing(title)) };
  const picks = squad.data.map((entry) =>
    entry.paragraphs.flatMap(({ context, qas }) => {
      const qa = qas.find((candidate) => candidate.is_impossible === true);
      return qa === undefined ? [] : [{ context, qa }];
    }),
  );
  const taken = squad.data.map(() => 0);
  for (let n = 0; n < count; n++) {
    const which = n % squad.data.length;
    taken[which] = (taken[which] ?? 0) + 1;
  }
  squad.data.forEach((entry, which) => {
    const chosen = (picks[which] ?? []).slice(0, taken[which] ?? 0);
    if (chosen.length === 0) return;
    const title = entry.title.replaceAll('_', ' ');
    const id = addArticle({
      id: slug(title),
      title,
      url: wikipediaUrl(title),
      source: 'Wikipedia (via SQuAD 2.0)',
      licence: 'CC BY-SA 4.0',
      story: `Wikipedia: ${title} (paragraphs SQuAD 2.0 unanswerable questions were written about)`,
      paragraphs: chosen.map(({ context }) => context.replace(/\s+/gu, ' ').trim()),
    });
    for (const { qa } of chosen)
      questions.push({ origin: 'squad2', sourceId: ids.get(qa.question) ?? '', question: qa.question, article: id, answers: [] });
  });
}

function missing(title: string): never {
  throw new Error(`the SQuAD 2.0 file has no article ${title}`);
}

function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .slice(0, 60)
    .replace(/-$/u, '');
}

function wikipediaUrl(title: string): string {
  return WIKIPEDIA + encodeURIComponent(title.replaceAll(' ', '_')).replace(/%(28|29|2C|3A|27)/gu, (code) => decodeURIComponent(code));
}

/** The exact revision the NQ page was taken from, when its "Retrieved from" line survived. */
function revisionUrl(page: string): string | null {
  return /Retrieved from ``(https:\/\/en\.wikipedia\.org\/w\/index\.php\?title=[^']+?&oldid=\d+)''/u.exec(page)?.[1] ?? null;
}

function splitOf(cluster: string): 'dev' | 'test' {
  const first = createHash('sha256').update(cluster).digest()[0] ?? 0;
  return first % 2 === 0 ? 'dev' : 'test';
}

async function writeArticles(): Promise<Map<string, Article>> {
  const dir = join(outDir, 'articles');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const parsed = new Map<string, Article>();
  for (const draft of articles.values()) {
    const front = [
      '---',
      `title: ${JSON.stringify(draft.title)}`,
      `url: ${draft.url}`,
      `source: ${draft.source}`,
      `licence: ${draft.licence}`,
      '---',
    ];
    const text = `${[...front, '', draft.paragraphs.join('\n\n')].join('\n')}\n`;
    const file = join(dir, `${draft.id}.md`);
    const { article, problems } = parseArticle(file, draft.id, 'md', text);
    if (article === null || article.paragraphs.length !== draft.paragraphs.length) {
      throw new Error(`${file} does not read back: ${problems.map((problem) => problem.message).join('; ')}`);
    }
    await writeFile(file, text);
    parsed.set(draft.id, article);
  }
  return parsed;
}

interface WrittenQuestion {
  readonly split: string;
  readonly kind: string;
  readonly origin: string;
}

async function writeQuestions(parsed: ReadonlyMap<string, Article>): Promise<WrittenQuestion[]> {
  const used = new Set<string>();
  const entries: string[] = [];
  const counters = new Map<Origin, number>();
  const nextId = (origin: Origin) => {
    const n = (counters.get(origin) ?? 0) + 1;
    counters.set(origin, n);
    return `${origin}-${String(n).padStart(3, '0')}`;
  };
  for (const draft of questions) {
    const article = parsed.get(draft.article);
    if (article === undefined) throw new Error(`no article ${draft.article}`);
    const base = { id: '', split: splitOf(draft.article), cluster: draft.article };
    if (draft.answers.length === 0) {
      used.add(draft.article);
      const entry = { ...base, id: nextId(draft.origin), kind: 'unanswerable', question: draft.question, about: draft.article, gold: [] };
      entries.push(JSON.stringify({ ...entry, origin: draft.origin, sourceId: draft.sourceId }));
      continue;
    }
    const texts = draft.answers.map((spot) => goldTexts(article, spot));
    if (texts.some((found) => found === null)) {
      dropped.push(`${draft.origin} "${draft.question}": its answer is not in a sentence of ${draft.article}`);
      continue;
    }
    // Annotators' spans often differ by a word or two: one gold text per answering sentence.
    const bySentence = new Map<number, string>();
    for (const { sentence, text } of texts.flatMap((found) => found ?? [])) if (!bySentence.has(sentence)) bySentence.set(sentence, text);
    const gold = [...bySentence].sort(([a], [b]) => a - b).map(([, text]) => ({ article: draft.article, text }));
    used.add(draft.article);
    const entry = { ...base, id: nextId(draft.origin), kind: 'answerable', question: draft.question, gold };
    entries.push(JSON.stringify({ ...entry, origin: draft.origin, sourceId: draft.sourceId }));
  }
  OFF_TOPIC.forEach((question, index) => {
    const entry = {
      id: nextId('own'),
      split: index % 2 === 0 ? 'dev' : 'test',
      cluster: 'off-topic',
      kind: 'off-topic',
      question,
      gold: [],
    };
    entries.push(JSON.stringify({ ...entry, origin: 'own' }));
  });
  for (const id of [...articles.keys()].filter((id) => !used.has(id))) {
    dropped.push(`article ${id}: no question of it is left`);
    articles.delete(id);
    await rm(join(outDir, 'articles', `${id}.md`));
  }

  const clusters = [...articles.values()].map((draft) =>
    JSON.stringify(draft.id).concat(': ', JSON.stringify({ split: splitOf(draft.id), story: draft.story, articles: [draft.id] })),
  );
  const about =
    'Information-seeking questions (asked by people who had not seen the answer) from TyDi QA GoldP (English dev), Natural Questions and SQuAD 2.0 (unanswerable only, a minority), over the Wikipedia passages and page paragraphs those datasets give; see eval/infoseek/README.md for sources, licences and counts. One cluster per article, split dev/test by a hash of the article id; off-topic questions are our own and alternate.';
  const json = `{\n "about": ${JSON.stringify(about)},\n "clusters": {\n  ${clusters.join(',\n  ')}\n },\n "questions": [\n  ${entries.join(',\n  ')}\n ]\n}\n`;
  await writeFile(join(outDir, 'questions.json'), json);
  return entries.map((entry): WrittenQuestion => JSON.parse(entry));
}

/** Rewrites the README's generated parts (between `<!-- name:start -->` and `<!-- name:end -->`): the counts and the article list. */
async function updateReadme(written: readonly WrittenQuestion[]): Promise<void> {
  const file = join(outDir, 'README.md');
  const readme = await readFile(file, 'utf8').catch(() => null);
  if (readme === null) return;
  const kinds = ['answerable', 'unanswerable', 'off-topic'];
  const origins = ['tydi', 'nq', 'squad2', 'own'];
  const count = (test: (question: WrittenQuestion) => boolean) => written.filter(test).length;
  const rows = ['dev', 'test'].flatMap((split) =>
    kinds.flatMap((kind) => {
      const cells = origins.map((origin) => count((q) => q.split === split && q.kind === kind && q.origin === origin));
      return cells.every((cell) => cell === 0)
        ? []
        : [`| ${split} | ${kind} | ${cells.join(' | ')} | ${cells.reduce((a, b) => a + b, 0)} |`];
    }),
  );
  const totals = origins.map((origin) => count((q) => q.origin === origin));
  const counts = [
    `| split | kind | ${origins.join(' | ')} | all |`,
    `|---|---|${origins.map(() => '---:').join('|')}|---:|`,
    ...rows,
    `| **all** | | ${totals.join(' | ')} | ${written.length} |`,
  ].join('\n');
  const list = [...articles.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (draft) =>
        `- \`${draft.id}\` — ${draft.title} — ${draft.url} — Wikipedia contributors, ${draft.source.replace(/^Wikipedia \(via (.*)\)$/u, 'via $1')} — ${draft.licence}`,
    )
    .join('\n');
  const replaced = replaceBetween(replaceBetween(readme, 'counts', counts), 'articles', list);
  await writeFile(file, replaced);
}

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end}`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
