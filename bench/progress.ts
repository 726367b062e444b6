/** Progress on stderr, one line per step, so stdout holds only the tables. */
export class Progress {
  readonly #total: number;
  readonly #started = performance.now();
  #done = 0;

  constructor(total: number) {
    this.#total = total;
  }

  /** A run (one engine at one size) begins; returns how to report its steps. */
  begin(articles: number, engine: string): (step: string) => void {
    const index = this.#done + 1;
    const label = `[${String(index).padStart(String(this.#total).length)}/${this.#total}] ${articles.toLocaleString('en-US')} article${articles === 1 ? '' : 's'} · ${engine}`;
    return (step) => this.note(`${label} · ${step}`);
  }

  end(): void {
    this.#done += 1;
  }

  note(line: string): void {
    const elapsed = ((performance.now() - this.#started) / 1000).toFixed(0).padStart(5);
    process.stderr.write(`${elapsed}s ${line}\n`);
  }
}
