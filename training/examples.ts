/**
 * Training examples: a question asked of an index, its candidates with their features (once
 * with words only, once with meaning too), and which candidates answer it. Questions to refuse
 * are the sets' own unanswerable and off-topic ones, and answerable ones asked where the answer
 * is not: their article without the paragraphs that answer them, or another article of their story.
 */
import { parseArticle } from '../src/corpus/parse-article.js';
import type { Article, Corpus } from '../src/corpus/types.js';
import type { NewsQuestion } from '../eval/news-set.js';
import type { SquadQuestion, SquadSet } from '../eval/squad.js';
import { answersNewsQuestion } from '../eval/evaluate.js';
import { CandidateFinder, type FoundCandidates } from '../src/search/candidate-finder.js';
import { indexCorpus } from '../src/search/indexed-corpus.js';
import type { Variant } from '../src/search/model/model-file.js';
import type { ResolvedOptions } from '../src/search/options.js';
import { passageRange, passageText } from '../src/search/passage.js';
import type { Thesaurus } from '../src/search/wordnet.js';
import type { VectorTable } from './meaning.js';
import { QA_SETS, type SetHalf } from './sets.js';

export type Kind = 'answerable' | 'unanswerable' | 'off-topic';
/**
 * How a question was asked: of the whole set, of its own article, of a copy without its answer,
 * of another article of its story, or of an article about something else altogether.
 */
export type Scope = 'pooled' | 'article' | 'answer removed' | 'other article' | 'elsewhere';

/** One variant's view of a question asked: its candidates and which of them answer it. */
export interface Found {
  readonly found: FoundCandidates;
  readonly correct: readonly boolean[];
  /** Whether each candidate is from an article that answers the question. */
  readonly rightArticle: readonly boolean[];
}

/** One question asked of one index. */
export interface Asked {
  /** The set it comes from: `squad`, or a question set's name. */
  readonly set: string;
  readonly questionId: string;
  readonly kind: Kind;
  readonly scope: Scope;
  /**
   * What cross-validation folds by: the article (SQuAD) or the story cluster it belongs to,
   * named by its articles' folder, so that two question sets over the same articles fold alike.
   */
  readonly group: string;
  readonly weight: number;
  /** The ids of the articles of the index it was asked of. */
  readonly articles: readonly string[];
  readonly variants: Readonly<Record<Variant, Found>>;
}

/** An index over some articles that asks questions with words only and with meaning too. */
export interface AskableIndex {
  readonly articles: readonly string[];
  ask(question: string, article?: string): Readonly<Record<Variant, FoundCandidates>>;
  /** The sentences of the index, by id. */
  readonly sentences: CandidateFinder['index']['sentences'];
}

export interface ExampleSettings {
  readonly options: ResolvedOptions;
  readonly thesaurus: Thesaurus | null;
  readonly vectors: VectorTable;
  /** How much a news-style question counts against a SQuAD one. */
  readonly setWeight: number;
}

/** An index over `articles`, asking with words only and with meaning. */
export function askableIndex(articles: readonly Article[], settings: ExampleSettings): AskableIndex {
  const corpus: Corpus = { articles, aliasGroups: [], problems: [] };
  const indexed = indexCorpus(corpus);
  const finder = new CandidateFinder(indexed, settings.options, settings.thesaurus);
  const vectors = settings.vectors.corpusVectors(indexed);
  return {
    articles: articles.map((article) => article.id),
    sentences: finder.index.sentences,
    ask: (question, article) => ({
      lexical: finder.find(question, { article }),
      hybrid: finder.find(question, { article, meaning: settings.vectors.meaningOf(vectors, question) }),
    }),
  };
}

/**
 * Every SQuAD question asked of its own article, and again of its article without the paragraph
 * that answers it (on-topic, to refuse); every `elsewhereEvery`-th also of the next article, which
 * is about something else (off-topic, to refuse).
 */
export function squadExamples(squad: SquadSet, settings: ExampleSettings, elsewhereEvery = 4): Asked[] {
  const asked: Asked[] = [];
  const indexes = squad.articles.map((article) => askableIndex([article], settings));
  for (const [position, article] of squad.articles.entries()) {
    const questions = squad.questions.filter((question) => question.articleId === article.id);
    const index = indexes[position];
    const elsewhere = indexes[(position + 1) % indexes.length];
    if (index === undefined || elsewhere === undefined) continue;
    for (const question of questions) asked.push(squadAsked(index, question, article.id, 'article', 'answerable'));
    for (const question of questions.filter((_, at) => at % elsewhereEvery === 0))
      asked.push(squadAsked(elsewhere, question, article.id, 'elsewhere', 'off-topic'));
    for (const paragraph of new Set(questions.map((question) => question.paragraph))) {
      const without = withoutParagraphs(article, new Set([paragraph]));
      if (without === null) continue;
      const variant = askableIndex([without], settings);
      for (const question of questions.filter((entry) => entry.paragraph === paragraph)) {
        asked.push(squadAsked(variant, question, article.id, 'answer removed', 'unanswerable'));
      }
    }
  }
  return asked;
}

/**
 * Every question of a set's half asked of the half's articles pooled; answerable and on-topic
 * unanswerable ones also of their own article; answerable ones also of the half without the
 * paragraphs that answer them, and of each other article of their story (as questions to refuse).
 */
export function setExamples(half: SetHalf, settings: ExampleSettings, scopes: readonly Scope[] = ALL_SCOPES): Asked[] {
  const asked: Asked[] = [];
  const pooled = askableIndex(half.corpus.articles, settings);
  for (const question of half.questions) {
    const cluster = question.cluster;
    if (scopes.includes('pooled')) asked.push(setAsked(half, pooled, question, 'pooled', question.kind, settings));
    if (question.kind === 'off-topic') continue;
    if (question.kind === 'unanswerable') {
      if (scopes.includes('article')) asked.push(setAsked(half, pooled, question, 'article', 'unanswerable', settings, question.about));
      continue;
    }
    const goldArticles = new Set(question.gold.map((gold) => gold.article));
    if (scopes.includes('article'))
      asked.push(setAsked(half, pooled, question, 'article', 'answerable', settings, question.gold[0]?.article));
    if (scopes.includes('answer removed')) {
      const articles = half.corpus.articles.flatMap((article) => {
        const paragraphs = new Set(
          article.sentences
            .filter((sentence) => question.gold.some((gold) => gold.article === article.id && sentence.text.includes(gold.text)))
            .map((sentence) => sentence.paragraph),
        );
        const kept = paragraphs.size === 0 ? article : withoutParagraphs(article, paragraphs);
        return kept === null ? [] : [kept];
      });
      asked.push(setAsked(half, askableIndex(articles, settings), question, 'answer removed', 'unanswerable', settings));
    }
    if (scopes.includes('other article')) {
      for (const other of half.clusters[cluster]?.articles ?? []) {
        if (!goldArticles.has(other)) asked.push(setAsked(half, pooled, question, 'other article', 'unanswerable', settings, other));
      }
    }
  }
  return asked;
}

export const ALL_SCOPES: readonly Scope[] = ['pooled', 'article', 'answer removed', 'other article'];

function squadAsked(index: AskableIndex, question: SquadQuestion, group: string, scope: Scope, kind: Kind): Asked {
  const variants = index.ask(question.question);
  const labelled = (found: FoundCandidates): Found => ({
    found,
    correct: found.candidates.map((candidate) => {
      const sentence = index.sentences[candidate.id];
      return (
        kind === 'answerable' &&
        sentence?.paragraph === question.paragraph &&
        question.answers.some((answer) => sentence.text.includes(answer))
      );
    }),
    rightArticle: found.candidates.map(() => kind === 'answerable'),
  });
  return {
    set: 'squad',
    questionId: question.id,
    kind,
    scope,
    group,
    weight: 1,
    articles: index.articles,
    variants: { lexical: labelled(variants.lexical), hybrid: labelled(variants.hybrid) },
  };
}

function setAsked(
  half: SetHalf,
  index: AskableIndex,
  question: NewsQuestion,
  scope: Scope,
  kind: Kind,
  settings: ExampleSettings,
  article?: string,
): Asked {
  const { passageMaxSentences } = settings.options;
  const variants = index.ask(question.question, article);
  const gold = new Set(question.gold.map((entry) => entry.article));
  const labelled = (found: FoundCandidates): Found => ({
    found,
    correct: found.candidates.map((candidate) => {
      if (kind !== 'answerable') return false;
      const sentence = index.sentences[candidate.id];
      if (sentence === undefined) return false;
      const passage = passageText(index.sentences, passageRange(index.sentences, candidate.id, passageMaxSentences));
      return answersNewsQuestion(question, { articleId: sentence.articleId, paragraph: sentence.paragraph, text: sentence.text, passage });
    }),
    rightArticle: found.candidates.map((candidate) => gold.has(index.sentences[candidate.id]?.articleId ?? '')),
  });
  return {
    set: half.name,
    questionId: question.id,
    kind,
    scope,
    group:
      question.cluster === 'off-topic' ? `off-topic:${half.name}:${question.id}` : `${QA_SETS[half.name].articles}:${question.cluster}`,
    weight: settings.setWeight,
    articles: index.articles,
    variants: { lexical: labelled(variants.lexical), hybrid: labelled(variants.hybrid) },
  };
}

/** The article without some of its paragraphs, or null when none would be left. */
export function withoutParagraphs(article: Article, removed: ReadonlySet<number>): Article | null {
  const kept = article.paragraphs.filter((_, at) => !removed.has(at + 1));
  if (kept.length === 0) return null;
  const parsed = parseArticle(article.file, article.id, 'txt', kept.join('\n\n')).article;
  return parsed === null ? null : { ...parsed, title: article.title };
}

/** The texts a set of examples will embed: every article's sentences and title, and every question. */
export function textsOf(squad: SquadSet | null, halves: readonly SetHalf[]): string[] {
  const articles = [...(squad?.articles ?? []), ...halves.flatMap((half) => half.corpus.articles)];
  const questions = [...(squad?.questions ?? []), ...halves.flatMap((half) => half.questions)].map((question) => question.question);
  return [...articles.flatMap((article) => [article.title, ...article.sentences.map((sentence) => sentence.text)]), ...questions];
}
