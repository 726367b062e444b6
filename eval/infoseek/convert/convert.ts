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

interface Squad2Choice {
  /** A SQuAD 2.0 training article (none is in SQuAD's dev set, which the project's other sets come from). */
  readonly title: string;
  /** The set's first version: the first unanswerable question of each of the article's first paragraphs, kept so their ids stay. */
  readonly first: readonly string[];
  readonly added: readonly string[];
}

/**
 * The SQuAD 2.0 unanswerable questions used. Crowd workers wrote them while reading one
 * paragraph, to look answerable by it, mostly by changing a name, number or word of one of its
 * sentences. Of the first ten training articles in the copy, only these two have unanswerable
 * questions. `added` was chosen by reading all of each article's unanswerable questions, keeping
 * ones a person might ask and leaving out those naming something made up ("Radar Princess",
 * "MI66"), those negating a sentence of the paragraph, most of those only changing one of its
 * dates or numbers, and those a kept paragraph of the article answers (the dataset judged each
 * against its own paragraph only, and a few of its labels are wrong even there). Zelda's cluster
 * falls in dev and Spectre's in test; both splits must reach MIN_UNANSWERABLE_PER_SPLIT.
 */
const SQUAD2_CHOSEN: readonly Squad2Choice[] = [
  {
    title: 'The_Legend_of_Zelda:_Twilight_Princess',
    first: [
      'What category of game is Legend of Zelda: Australia Twilight?',
      'What land does Ocarina serve to protect?',
      'What accolade did Radar Princess receive after its release?',
      'What are the three main activities in The Legend of Zelda: Clawshot Princess?',
      'Many different types of interaction can be controlled by how many rocks?',
    ],
    added: [
      'What does Epona fight in dungeons?',
      'What must Epona solve throughout the game?',
      'What form does Epona take in the Twilight Realm?',
      "What is Epona's main form of offense in wolf form?",
      "Who provided the basis for Zelda's voice?",
      'What does Zelda say when attacking?',
      'What does Link assist Gorons in collecting?',
      'Where do the Eldin come from?',
      'What does Link obtain that gives him control over Hyrule?',
      'What possession of Link does Ganondorf destroy?',
      'Where does Ganondorf depart from at the end of the game?',
      'To what part of his body does Zelda deliver the killing blow to Ganondorf?',
      'In what year did Nintendo reveal the start of development on what would become The Wind Waker?',
      'What does Zelda morph into in A Link to the Past?',
      'Aonuma left the A Link to the Past development team to work on which other game?',
      'What was the working name for A Link to the Past prior to release?',
      'Who created the scripts for the Game Boy Advance?',
      'How many units of the Wii version of Twilight Princess had been purchased by the end of March 2007?',
      'The Twilight Princess game was only available in what country?',
    ],
  },
  {
    title: 'Spectre_(2015_film)',
    first: [
      'What is the name of the thirty-fourth James Bond film?',
      'Spectre is pitted against which global crime organization?',
      'What James Bond movie was released on 16 October 2015?',
      '007 James Bond kills four men in a mission in which city?',
    ],
    added: [
      'Daniel Craig stars as Ernst Stavro Blofeld in what 2015 film?',
      'John Logan directed what 2015 film?',
      'Dave Bautista portrays Max Denbigh in which James Bond film?',
      'Andrew Scott portrays Mr. Hinx in which James Bond film?',
      'Which 2015 James Bond film received overwhelmingly positive reviews?',
      'Spectre won an Academy Award in which category?',
      "Bond steals which assassin's necklace?",
      'Q suspends whom from field duty?',
      'Whose wife belonged to a criminal organization?',
      'Who is a current member of Quantum?',
      'Who travels to Australia to find Mr. White?',
      'Who is dying of potassium poisoning?',
      'Who wants his son protected?',
      'Whose son is abducted by Hinx?',
      'Who has an operations base in the forest?',
      'Oberhauser killed whose mother?',
      'Who was the youngest actress to be a Bond girl?',
      'Who became the first director to oversee three consecutive Bond films?',
      'The combined crew of what movie numbered over three thousand?',
      'A car crash was set along which river?',
      'What palace in France was used for filming?',
      'Who underwent minor surgery to fix his arm?',
      'Stunt scenes on an airplane were filmed near which bridge?',
      'Who was used to simulate snow?',
      'Mexico was the site for which Guinness World Record?',
      'Who composed the score after the film had moved into post-production?',
      'A prequel to Spectre will begin when?',
    ],
  },
];

/** Refusals are measured on each half: fewer unanswerable questions than this in a split is an error. */
const MIN_UNANSWERABLE_PER_SPLIT = 25;

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
addNqSubset(sources);
for (const example of sources.nqFarm) addNqSimplified(example);
addSquad2Unanswerable(sources.squad2, sources.squad2Ids);

const parsed = await writeArticles();
const written = await writeQuestions(parsed);
checkUnanswerablePerSplit(written);
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

/** Adds the NQ dev subset's answerable questions and its checked unanswerable ones. */
function addNqSubset({ nqSubset, nqSubsetIds }: Sources): void {
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
        const answers = spots.map((spot) => ({ ...spot, paragraph: chosen.indexOf(spot.paragraph) }));
        questions.push({ origin: 'nq', sourceId: nqSubsetIds.get(qa.question) ?? '', question: qa.question, article: id, answers });
      }
    }
  }
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

/** Adds one simplified-format NQ example: unanswerable when no annotator found a long answer. */
function addNqSimplified(example: NqSimplified): void {
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
    return;
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
}

/**
 * Adds the SQUAD2_CHOSEN questions, each article with the paragraphs its questions were written
 * about (in the article's order); numbered all articles' `first` questions, then their `added` ones.
 */
function addSquad2Unanswerable(file: SquadFile, ids: ReadonlyMap<string, string>): void {
  const drafts = SQUAD2_CHOSEN.map((choice) => {
    const entry = file.data.find((candidate) => candidate.title === choice.title) ?? missing(choice.title);
    const find = (question: string) => {
      const paragraph = entry.paragraphs.findIndex(({ qas }) => qas.some((qa) => qa.question === question && qa.is_impossible === true));
      const sourceId = ids.get(question);
      if (paragraph < 0 || sourceId === undefined) throw new Error(`${choice.title} has no unanswerable question "${question}"`);
      return { question, paragraph, sourceId };
    };
    const first = choice.first.map(find);
    const added = choice.added.map(find);
    const used = [...new Set([...first, ...added].map(({ paragraph }) => paragraph))].sort((a, b) => a - b);
    if (used.length > MAX_PARAGRAPHS)
      throw new Error(`${choice.title}: questions from ${used.length} paragraphs, more than ${MAX_PARAGRAPHS}`);
    const title = entry.title.replaceAll('_', ' ');
    const id = addArticle({
      id: slug(title),
      title,
      url: wikipediaUrl(title),
      source: 'Wikipedia (via SQuAD 2.0)',
      licence: 'CC BY-SA 4.0',
      story: `Wikipedia: ${title} (paragraphs SQuAD 2.0 unanswerable questions were written about)`,
      paragraphs: used.map((index) => (entry.paragraphs[index]?.context ?? '').replace(/\s+/gu, ' ').trim()),
    });
    return { id, first, added };
  });
  for (const part of ['first', 'added'] as const) {
    for (const draft of drafts) {
      for (const { question, sourceId } of draft[part])
        questions.push({ origin: 'squad2', sourceId, question, article: draft.id, answers: [] });
    }
  }
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
    'Information-seeking questions (asked by people who had not seen the answer) from TyDi QA GoldP (English dev), Natural Questions and SQuAD 2.0 (unanswerable only: written by crowd workers who had read the paragraph, so adversarial rather than information-seeking; most of the unanswerable questions), over the Wikipedia passages and page paragraphs those datasets give; see eval/infoseek/README.md for sources, licences and counts. One cluster per article, split dev/test by a hash of the article id; off-topic questions are our own and alternate.';
  const json = `{\n "about": ${JSON.stringify(about)},\n "clusters": {\n  ${clusters.join(',\n  ')}\n },\n "questions": [\n  ${entries.join(',\n  ')}\n ]\n}\n`;
  await writeFile(join(outDir, 'questions.json'), json);
  return entries.map((entry): WrittenQuestion => JSON.parse(entry));
}

function checkUnanswerablePerSplit(written: readonly WrittenQuestion[]): void {
  for (const split of ['dev', 'test']) {
    const count = written.filter((question) => question.split === split && question.kind === 'unanswerable').length;
    if (count < MIN_UNANSWERABLE_PER_SPLIT)
      throw new Error(
        `${split} has ${count} unanswerable questions, fewer than ${MIN_UNANSWERABLE_PER_SPLIT}: choose more in SQUAD2_CHOSEN`,
      );
  }
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
  const unanswerable = count((q) => q.kind === 'unanswerable');
  const shares = origins
    .map((origin) => ({ origin, n: count((q) => q.kind === 'unanswerable' && q.origin === origin) }))
    .filter(({ n }) => n > 0)
    .map(({ origin, n }) => `${n} ${origin} (${Math.round((100 * n) / unanswerable)}%)`);
  const perSplit = ['dev', 'test'].map((split) => `${split} ${count((q) => q.kind === 'unanswerable' && q.split === split)}`);
  const counts = [
    `| split | kind | ${origins.join(' | ')} | all |`,
    `|---|---|${origins.map(() => '---:').join('|')}|---:|`,
    ...rows,
    `| **all** | | ${totals.join(' | ')} | ${written.length} |`,
    '',
    `${unanswerable} unanswerable questions (${perSplit.join(', ')}): ${shares.join(', ')}.`,
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
