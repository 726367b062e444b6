import type { Article, Corpus, Sentence } from '../corpus/types.js';
import type { Analyzer } from './analyzer.js';
import { CandidateFinder, MAX_QUESTION_LENGTH } from './candidate-finder.js';
import { preferEarlierAnswers } from './follow-up.js';
import { indexCorpus, type IndexedCorpus } from './indexed-corpus.js';
import { featureIndex, matchedTermsOf } from './model/features.js';
import { LEARNED_MODELS } from './model/learned-model.js';
import { answerProbability, refusalFeatures } from './model/refusal.js';
import { type EngineOptions, resolveOptions } from './options.js';
import { passageRange, passageText, type PassageRange } from './passage.js';
import { type RankedCandidate, rankCandidates } from './rank.js';
import type { Answer, AnswerSet, ArticleSummary, AskOptions, Engine } from './types.js';
import { tokenize } from './tokenize.js';
import type { CorpusVectors } from './vectors/sentence-vectors.js';
import { wordOf } from './word-form.js';
import { sharedWordNet } from './wordnet.js';

/** The most passages one `ask` returns, whatever `limit` asks for. */
const MAX_LIMIT = 50;
const CONTEXT_COVERAGE = featureIndex('contextCoverage');
const COVERAGE = featureIndex('coverage');
const NOTHING: AnswerSet = { answers: [], confidence: 'none', probability: null };

/** Builds an engine over a loaded corpus (words only: see `engineOver` for meaning too). The corpus is not changed. */
export function createEngine(corpus: Corpus, options: EngineOptions = {}): Engine {
  return engineOver(indexCorpus(corpus, options), options);
}

/**
 * An engine over a corpus already indexed (freshly, or restored from a snapshot). With the
 * corpus's sentence vectors it compares meaning as well as words (the `hybrid` model); without
 * them, words only (the `lexical` model).
 */
export function engineOver(indexed: IndexedCorpus, engineOptions: EngineOptions = {}, vectors: CorpusVectors | null = null): Engine {
  const { corpus, analyzer, index } = indexed;
  const options = resolveOptions(engineOptions);
  const thesaurus = engineOptions.thesaurus === undefined ? sharedWordNet() : engineOptions.thesaurus;
  const finder = new CandidateFinder(indexed, options, thesaurus);
  const models = {
    lexical: { ...LEARNED_MODELS.lexical, weights: { ...LEARNED_MODELS.lexical.ranker, ...options.weights } },
    hybrid: { ...LEARNED_MODELS.hybrid, weights: { ...LEARNED_MODELS.hybrid.ranker, ...options.weights } },
  };
  const articlesById = new Map(corpus.articles.map((article) => [article.id, article]));

  const answer = (question: string, askOptions: AskOptions, questionVector: Float32Array | null): AnswerSet => {
    const limit = clampCount(askOptions.limit ?? options.defaultLimit, MAX_LIMIT);
    const offset = clampCount(askOptions.offset ?? 0, Number.MAX_SAFE_INTEGER);
    if (limit === 0 || (askOptions.article !== undefined && !articlesById.has(askOptions.article))) return NOTHING;

    const meaning = vectors === null || questionVector === null ? null : { vectors, question: questionVector };
    const { refusal, topic, weights } = models[meaning === null ? 'lexical' : 'hybrid'];
    const found = finder.find(question, { article: askOptions.article, meaning, context: askOptions.context });
    const ranked =
      found.followUp === null
        ? rankCandidates(found.candidates, weights)
        : preferEarlierAnswers(rankCandidates(found.candidates, weights), found.followUp, index, options.followUp);
    // With context, the answer says whether the question was read as a follow-up of it.
    const reading = askOptions.context === undefined || askOptions.context.length === 0 ? {} : { followedUp: found.followUp !== null };
    const features = refusalFeatures(found.summary, ranked);
    if (features === null) return { ...NOTHING, ...reading };
    const probability = answerProbability(features, refusal);
    // A follow-up's carried words count less, which the refusal rule (learned on questions asked alone) reads as less covered.
    const lowThreshold = found.followUp === null ? refusal.lowThreshold : Math.min(refusal.lowThreshold, options.followUp.refusalThreshold);
    // Nothing relevant: a question about nothing in the articles, or one they are unlikely to answer.
    if (answerProbability(features, topic) < topic.threshold || probability < lowThreshold)
      return { answers: [], confidence: 'none', probability, ...reading };
    const confidence = probability >= refusal.threshold ? 'high' : 'low';

    const answers: Answer[] = [];
    const shown: Array<{ articleId: string; range: PassageRange; text: string }> = [];
    for (const hit of ranked) {
      if (answers.length >= offset + limit) break;
      // A passage after the first must be relevant on its own, not just ride on the best one.
      if (answers.length > 0 && ((hit.features[CONTEXT_COVERAGE] ?? 0) < options.minCoverage || (hit.features[COVERAGE] ?? 0) === 0))
        continue;
      const range = passageRange(index.sentences, hit.id, options.passageMaxSentences);
      const sentence = index.sentences[hit.id];
      if (sentence === undefined) continue;
      const passage = passageText(index.sentences, range);
      const repeat = shown.some(
        (earlier) =>
          (earlier.articleId === sentence.articleId && overlaps(earlier.range, range)) ||
          nearDuplicate(earlier.text, passage, options.nearDuplicateShare),
      );
      if (repeat) continue;
      shown.push({ articleId: sentence.articleId, range, text: passage });
      answers.push(
        toAnswer(
          hit,
          // A follow-up's passages show its own words in bold, not the earlier questions'.
          matchedTermsOf(index, found.followUp?.own ?? found.question, hit.id),
          passage,
          articlesById.get(sentence.articleId),
          sentence,
          analyzer,
        ),
      );
    }
    return { answers: answers.slice(offset), confidence, probability, ...reading };
  };

  // A question the embedder cannot take (its workers failed after start-up) is answered by words.
  const questionVectorOf = async (question: string): Promise<Float32Array | null> => {
    if (vectors === null) return null;
    try {
      return await vectors.embedQuestion(String(question).slice(0, MAX_QUESTION_LENGTH));
    } catch {
      return null;
    }
  };

  const articles = [...corpus.articles].sort(byDateThenId).map(summarise);
  return {
    // Asynchronous so that the question is embedded off the main thread; the rest is synchronous.
    ask: async (question, askOptions = {}) => answer(question, askOptions, await questionVectorOf(question)),
    articles,
    paragraph: (articleId, paragraph) => articlesById.get(articleId)?.paragraphs[paragraph - 1],
  };
}

function toAnswer(
  hit: RankedCandidate,
  matchedTerms: ReadonlySet<string>,
  passage: string,
  article: Article | undefined,
  sentence: Sentence,
  analyzer: Analyzer,
): Answer {
  const terms = new Set<string>();
  for (const term of analyzer.analyze(passage)) if (matchedTerms.has(term.term)) terms.add(passage.slice(term.start, term.end));
  return {
    text: sentence.text,
    passage,
    score: Math.round(hit.score * 1000) / 1000,
    terms: [...terms],
    source: {
      article: sentence.articleId,
      title: article?.title ?? sentence.articleId,
      date: article?.date ?? null,
      url: article?.url ?? null,
      paragraph: sentence.paragraph,
      sentence: sentence.sentence,
    },
  };
}

function overlaps(a: PassageRange, b: PassageRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Two passages that say the same thing in (almost) the same words, e.g. one story syndicated twice. */
function nearDuplicate(a: string, b: string, share: number): boolean {
  const words = (text: string) => new Set(tokenize(text).map((token) => wordOf(token.surface)));
  const [left, right] = [words(a), words(b)];
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  const union = left.size + right.size - shared;
  return union > 0 && shared / union >= share;
}

function clampCount(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(0, Math.floor(value))) : 0;
}

function byDateThenId(a: Article, b: Article): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id);
}

function summarise(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    url: article.url,
    source: article.source,
    added: article.added,
    feed: article.feed,
    paragraphs: article.paragraphs.length,
    sentences: article.sentences.length,
  };
}
