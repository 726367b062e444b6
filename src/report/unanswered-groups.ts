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

interface Asked {
  count: number;
  /** Order of the last time it was asked, for "latest". */
  last: number;
  /** Its key terms, each once. */
  readonly terms: readonly string[];
}

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
 * Memory is bounded by the distinct unanswered questions, not by the log's length.
 */
export class UnansweredGrouper {
  readonly #analyzer = new Analyzer(builtInAliasGroups());
  readonly #asked = new Map<string, Asked>();
  /** How many unanswered / answered questions hold each term. */
  readonly #unanswered = new Map<string, number>();
  readonly #answered = new Map<string, number>();
  /** How each term was typed, and how often. */
  readonly #surfaces = new Map<string, Map<string, number>>();
  /** Terms of recent answered questions, so that a question asked again is not analysed again. */
  readonly #answeredTerms = new Map<string, readonly string[]>();
  #order = 0;

  addUnanswered(question: string): void {
    this.#order += 1;
    const known = this.#asked.get(question);
    const terms = known?.terms ?? this.#termsOf(question, true);
    if (known !== undefined) {
      known.count += 1;
      known.last = this.#order;
    } else {
      this.#asked.set(question, { count: 1, last: this.#order, terms });
    }
    for (const term of terms) this.#unanswered.set(term, (this.#unanswered.get(term) ?? 0) + 1);
  }

  addAnswered(question: string): void {
    let terms = this.#answeredTerms.get(question);
    if (terms === undefined) {
      terms = this.#termsOf(question, false);
      // Bounded: a log of a million different questions must not keep a million term lists.
      if (this.#answeredTerms.size >= 50_000) this.#answeredTerms.clear();
      this.#answeredTerms.set(question, terms);
    }
    for (const term of terms) this.#answered.set(term, (this.#answered.get(term) ?? 0) + 1);
  }

  groups(options: GroupingOptions = {}): UnansweredGroup[] {
    const maxGroups = options.maxGroups ?? 20;
    const examples = options.examples ?? 4;
    const members = new Map<string, [string, Asked][]>();
    const once: [string, Asked][] = [];
    for (const entry of this.#asked) {
      const key = this.#keyTerm(entry[1].terms);
      if (key === null) {
        once.push(entry);
        continue;
      }
      const group = members.get(key);
      if (group === undefined) members.set(key, [entry]);
      else group.push(entry);
    }
    const groups = [...members].map(([key, asked]) => this.#group(key, asked, examples));
    groups.sort((a, b) => b.count - a.count || (a.label[0] ?? '').localeCompare(b.label[0] ?? ''));
    const kept = groups.slice(0, maxGroups);
    const rest = [...once, ...[...members].filter(([key]) => !kept.some((group) => group.key === key)).flatMap(([, asked]) => asked)];
    const result: UnansweredGroup[] = kept.map(({ label, count, examples: shown }) => ({ label, count, examples: shown }));
    if (rest.length > 0) result.push({ label: [], count: total(rest), examples: exampleQuestions(rest, examples) });
    return result;
  }

  /** The term of `terms` most unanswered questions share, discounted by its use in answered ones; null when none is shared. */
  #keyTerm(terms: readonly string[]): string | null {
    let best: string | null = null;
    let bestScore = 0;
    for (const term of terms) {
      const unanswered = this.#unanswered.get(term) ?? 0;
      if (unanswered < 2) continue;
      const score = (unanswered * unanswered) / (unanswered + (this.#answered.get(term) ?? 0));
      if (score > bestScore || (score === bestScore && best !== null && term < best)) {
        best = term;
        bestScore = score;
      }
    }
    return best;
  }

  #group(key: string, asked: readonly [string, Asked][], examples: number): UnansweredGroup & { key: string } {
    const count = total(asked);
    const together = new Map<string, number>();
    for (const [, { terms, count: times }] of asked) {
      for (const term of terms) if (term !== key) together.set(term, (together.get(term) ?? 0) + times);
    }
    const also = [...together]
      .filter(([, times]) => times >= 2 && times >= count * LABEL_SHARE)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([term]) => this.#surface(term));
    // Two terms can be typed the same (a name and the alias group it belongs to): shown once.
    const label = [this.#surface(key), ...also].filter(
      (surface, index, all) => all.findIndex((other) => other.toLowerCase() === surface.toLowerCase()) === index,
    );
    return { key, label: label.slice(0, LABEL_TERMS), count, examples: exampleQuestions(asked, examples) };
  }

  /** The way a term was typed most often. */
  #surface(term: string): string {
    let best = term;
    let bestCount = 0;
    for (const [surface, count] of this.#surfaces.get(term) ?? []) {
      if (count > bestCount) {
        best = surface;
        bestCount = count;
      }
    }
    return best;
  }

  #termsOf(question: string, unanswered: boolean): string[] {
    const analysed = this.#analyzer.analyzeQuestion(question);
    // A name of an alias group stands for the group: its words are not terms of their own too.
    const groups = analysed.filter((term) => term.term.startsWith('='));
    const terms = new Set<string>();
    for (const term of analysed) {
      if (!term.term.startsWith('=') && groups.some((group) => within(term, group))) continue;
      terms.add(term.term);
      if (unanswered) this.#noteSurface(term.term, question.slice(term.start, term.end));
    }
    return [...terms];
  }

  #noteSurface(term: string, surface: string): void {
    let surfaces = this.#surfaces.get(term);
    if (surfaces === undefined) {
      surfaces = new Map();
      this.#surfaces.set(term, surfaces);
    }
    // Few ways to type one term are worth telling apart; a bounded map keeps hostile logs small.
    if (surfaces.size < 20 || surfaces.has(surface)) surfaces.set(surface, (surfaces.get(surface) ?? 0) + 1);
  }
}

function within(term: Term, group: Term): boolean {
  return term.start >= group.start && term.end <= group.end;
}

function total(asked: readonly [string, Asked][]): number {
  return asked.reduce((sum, [, { count }]) => sum + count, 0);
}

function exampleQuestions(asked: readonly [string, Asked][], count: number): { question: string; times: number }[] {
  return [...asked]
    .sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last)
    .slice(0, count)
    .map(([question, { count: times }]) => ({ question, times }));
}
