/** The corpus folder itself cannot be read, so there is nothing to load. */
export class CorpusFolderError extends Error {
  constructor(
    readonly dir: string,
    reason: string,
  ) {
    super(`the corpus folder "${dir}" cannot be read (${reason}); point CORPUS_DIR or --corpus at a folder of .md or .txt articles`);
    this.name = 'CorpusFolderError';
  }
}
