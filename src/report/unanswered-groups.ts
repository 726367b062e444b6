import { Analyzer, type Term } from '../search/analyzer.js';
import { builtInAliasGroups } from '../search/built-in-aliases.js';

/** Unanswered questions that ask about the same thing: what to add to the corpus. */
export interface UnansweredGroup {
  /** What they share, as people typed it: the key term first, then terms many of them also use. */
  readonly label: readonly string[];
  /** Questions in the group, each time it was asked counted. */
  readonly count: number;
  /** The most asked of its questions (then the latest), with how often each was asked. */
  readonly examples: readonly { readonly question: string; readonly times: number }[];
}

export interface GroupingOptions {
  /** Groups returned at most, largest first. Default 20. */
  readonly maxGroups?: number;
  /** Example questions per group. Default 4. */
  readonly examples?: number;
}

/** Answered questions analysed before sampling thins out (see `addAnswered`). */
const ANSWERED_SAMPLE = 20_000;
/** Distinct unanswered questions whose text is kept, for examples and to count repeats exactly. */
const KEPT_TEXTS = 50_000;
/** A share of a group's questions a term must be in to join its label. */
const LABEL_SHARE = 0.3;
const LABEL_TERMS = 3;

/**
 * Groups unanswered questions by what they ask about, with the engine's own analysis: names and
 * key terms (stemmed, so "elections" meets "election"; alias groups, so "Zelenskyy" meets
 * "Zelensky"; stop words and question framing dropped). Each question joins the group of its most
 * telling term: the one most unanswered questions share, discounted by how often answered
 * questions use it too ("say" or "people" are asked about everywhere; a name the articles lack
 * appears only in what went unanswered). A term only one unanswered question has makes no group:
 * those questions are counted in "asked once" (the last group, labelled `[]`).
 *
 * Memory: each distinct unanswered question is kept as its count and its terms' ids (a few
 * bytes), and its text for the first `KEPT_TEXTS` of them only (the examples come from those):
 * a log of a million different questions stays in a few tens of megabytes.
 */
export class UnansweredGrouper {
  readonly #analyzer = new Analyzer(builtInAliasGroups());
  /** Every term met in an unanswered question, by id. */
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];
  /** By term id: how many unanswered questions hold it, how it was first typed. */
  readonly #unanswered: number[] = [];
  readonly #firstSurface: string[] = [];
  /** By term id, from its second time on: each way it was typed, and how often. */
  readonly #surfaces = new Map<number, Map<string, number>>();
  /** Answered questions holding each term (sampled: see `addAnswered`). */
  readonly #answered = new Map<string, number>();
  /** Terms of recent answered questions, so that a question asked again is not analysed again. */
  readonly #answeredTerms = new Map<string, readonly string[]>();
  #answeredSeen = 0;
  #answeredSampled = 0;
  #stride = 1;
  /** Distinct unanswered questions: their entry by text (for the first `KEPT_TEXTS`), then by entry. */
  readonly #entryOf = new Map<string, number>();
  readonly #texts: (string | null)[] = [];
  readonly #counts: number[] = [];
  /** When each was last asked, in the order questions came: for "latest". */
  readonly #last: number[] = [];
  readonly #termStart: number[] = [];
  readonly #termCount: number[] = [];
  #pool = new Uint32Array(1024);
  #poolLength = 0;
  #order = 0;

  addUnanswered(question: string): void {
    this.#order += 1;
    let entry = this.#entryOf.get(question);
    if (entry === undefined) {
      entry = this.#newEntry(question);
    } else {
      this.#counts[entry] = (this.#counts[entry] ?? 0) + 1;
      this.#last[entry] = this.#order;
    }
    for (const id of this.#termsOfEntry(entry)) this.#unanswered[id] = (this.#unanswered[id] ?? 0) + 1;
  }
  /**
   * Answered questions only discount the words they share with unanswered ones, so an estimate
   * does: past `ANSWERED_SAMPLE` of them, one in two is analysed (counting twice), then one in
   * four, and so on. A large log then costs the analysis of a few ten thousand answered questions,
   * not of every one.
   */
  addAnswered(question: string): void {
    this.#answeredSeen += 1;
    if (this.#answeredSeen % this.#stride !== 0) return;
    this.#answeredSampled += 1;
    if (this.#answeredSampled >= ANSWERED_SAMPLE) {
      this.#answeredSampled = 0;
      this.#stride *= 2;
    }
    let terms = this.#answeredTerms.get(question);
    if (terms === undefined) {
      terms = this.#termsOf(question, false).map(({ term }) => term);
      // Bounded: a log of a million different questions must not keep a million term lists.
      if (this.#answeredTerms.size >= 5_000) this.#answeredTerms.clear();
      this.#answeredTerms.set(question, terms);
    }
    for (const term of terms) this.#answered.set(term, (this.#answered.get(term) ?? 0) + this.#stride);
  }

  groups(options: GroupingOptions = {}): UnansweredGroup[] {
    const maxGroups = options.maxGroups ?? 20;
    const examples = options.examples ?? 4;
    const members = new Map<number, number[]>();
    const once: number[] = [];
    for (let entry = 0; entry < this.#counts.length; entry += 1) {
      const key = this.#keyTerm(this.#termsOfEntry(entry));
      if (key === null) {
        once.push(entry);
        continue;
      }
      const group = members.get(key);
      if (group === undefined) members.set(key, [entry]);
      else group.push(entry);
    }
    const groups = [...members].map(([key, entries]) => ({ key, ...this.#group(key, entries, examples) }));
    groups.sort((a, b) => b.count - a.count || (a.label[0] ?? '').localeCompare(b.label[0] ?? ''));
    const kept = groups.slice(0, maxGroups);
    const rest = [...once, ...groups.slice(maxGroups).flatMap((group) => members.get(group.key) ?? [])];
    const result: UnansweredGroup[] = kept.map(({ label, count, examples: shown }) => ({ label, count, examples: shown }));
    if (rest.length > 0) result.push({ label: [], count: this.#total(rest), examples: this.#examples(rest, examples) });
    return result;
  }

  /** The term most unanswered questions share, discounted by its use in answered ones; null when none is shared. */
  #keyTerm(ids: Iterable<number>): number | null {
    let best: number | null = null;
    let bestScore = 0;
    for (const id of ids) {
      const unanswered = this.#unanswered[id] ?? 0;
      if (unanswered < 2) continue;
      const score = (unanswered * unanswered) / (unanswered + (this.#answered.get(this.#terms[id] ?? '') ?? 0));
      if (score > bestScore || (score === bestScore && best !== null && (this.#terms[id] ?? '') < (this.#terms[best] ?? ''))) {
        best = id;
        bestScore = score;
      }
    }
    return best;
  }

  #group(key: number, entries: readonly number[], examples: number): UnansweredGroup {
    const count = this.#total(entries);
    const together = new Map<number, number>();
    for (const entry of entries) {
      const times = this.#counts[entry] ?? 0;
      for (const id of this.#termsOfEntry(entry)) if (id !== key) together.set(id, (together.get(id) ?? 0) + times);
    }
    const also = [...together]
      .filter(([, times]) => times >= 2 && times >= count * LABEL_SHARE)
      .sort((a, b) => b[1] - a[1] || (this.#terms[a[0]] ?? '').localeCompare(this.#terms[b[0]] ?? ''))
      .map(([id]) => this.#surface(id));
    // Two terms can be typed the same (a name and the alias group it belongs to): shown once.
    const label = [this.#surface(key), ...also].filter(
      (surface, index, all) => all.findIndex((other) => other.toLowerCase() === surface.toLowerCase()) === index,
    );
    return { label: label.slice(0, LABEL_TERMS), count, examples: this.#examples(entries, examples) };
  }

  #total(entries: readonly number[]): number {
    return entries.reduce((sum, entry) => sum + (this.#counts[entry] ?? 0), 0);
  }

  /** The most asked of the entries whose text was kept (then the latest asked), with how often. */
  #examples(entries: readonly number[], count: number): { question: string; times: number }[] {
    return entries
      .filter((entry) => this.#texts[entry] !== null)
      .sort((a, b) => (this.#counts[b] ?? 0) - (this.#counts[a] ?? 0) || (this.#last[b] ?? 0) - (this.#last[a] ?? 0))
      .slice(0, count)
      .map((entry) => ({ question: this.#texts[entry] ?? '', times: this.#counts[entry] ?? 0 }));
  }

  #newEntry(question: string): number {
    const entry = this.#counts.length;
    const ids = this.#termsOf(question, true).map((term) => this.#idOf(term.term, term.surface));
    const keep = this.#entryOf.size < KEPT_TEXTS;
    if (keep) this.#entryOf.set(question, entry);
    this.#texts.push(keep ? question : null);
    this.#counts.push(1);
    this.#last.push(this.#order);
    this.#termStart.push(this.#poolLength);
    this.#termCount.push(ids.length);
    if (this.#poolLength + ids.length > this.#pool.length) {
      const grown = new Uint32Array(Math.max(this.#pool.length * 2, this.#poolLength + ids.length));
      grown.set(this.#pool);
      this.#pool = grown;
    }
    this.#pool.set(ids, this.#poolLength);
    this.#poolLength += ids.length;
    return entry;
  }

  #termsOfEntry(entry: number): Uint32Array {
    const start = this.#termStart[entry] ?? 0;
    return this.#pool.subarray(start, start + (this.#termCount[entry] ?? 0));
  }

  /** The term's id, made on first sight; notes how it was typed. */
  #idOf(term: string, surface: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#termIds.set(term, id);
      this.#terms.push(term);
      this.#unanswered.push(0);
      // Most terms of a large log are typed once (typos, numbers): one string each, no map.
      this.#firstSurface.push(surface);
      return id;
    }
    let surfaces = this.#surfaces.get(id);
    if (surfaces === undefined) {
      surfaces = new Map([[this.#firstSurface[id] ?? surface, 1]]);
      this.#surfaces.set(id, surfaces);
    }
    // Few ways to type one term are worth telling apart; a bounded map keeps hostile logs small.
    if (surfaces.size < 20 || surfaces.has(surface)) surfaces.set(surface, (surfaces.get(surface) ?? 0) + 1);
    return id;
  }

  /** The way a term was typed most often. */
  #surface(id: number): string {
    let best = this.#firstSurface[id] ?? this.#terms[id] ?? '';
    let bestCount = 0;
    for (const [surface, count] of this.#surfaces.get(id) ?? []) {
      if (count > bestCount) {
        best = surface;
        bestCount = count;
      }
    }
    return best;
  }

  /** The question's key terms, each once, with how it typed them. */
  #termsOf(question: string, withSurfaces: boolean): { term: string; surface: string }[] {
    const analysed = this.#analyzer.analyzeQuestion(question);
    // A name of an alias group stands for the group: its words are not terms of their own too.
    const groups = analysed.filter((term) => term.term.startsWith('='));
    const terms = new Map<string, string>();
    for (const term of analysed) {
      if (!term.term.startsWith('=') && groups.some((group) => within(term, group))) continue;
      if (!terms.has(term.term)) terms.set(term.term, withSurfaces ? question.slice(term.start, term.end) : '');
    }
    return [...terms].map(([term, surface]) => ({ term, surface }));
  }
}

function within(term: Term, group: Term): boolean {
  return term.start >= group.start && term.end <= group.end;
}
