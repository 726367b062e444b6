/**
 * Starts the playground in this process the way `npm start` does without a token
 * (`loadConfig` + `startPlayground`), on a free port, with a temp copy of the corpus (plus any
 * files a test adds) and a temp feedback file.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../../src/bot/logger.js';
import { loadConfig } from '../../../src/config.js';
import { startPlayground, type RunningPlayground } from '../../../src/playground/start-playground.js';
import { parseLogLine, SHIPPED_CORPUS, type LogLine } from '../../e2e/support/harness.js';

export interface TestPlayground {
  readonly playground: RunningPlayground;
  readonly url: string;
  readonly port: number;
  readonly feedbackFile: string;
  /** The playground bot's question log (QUESTION_LOG). */
  readonly questionLog: string;
  /** The playground bot's corpus folder (a copy of the shipped one). */
  readonly corpusDir: string;
  readonly logs: LogLine[];
  close(): Promise<void>;
}

export async function startTestPlayground(
  corpusFiles: Readonly<Record<string, string>> = {},
  env: Readonly<Record<string, string>> = {},
): Promise<TestPlayground> {
  const tempDir = await mkdtemp(join(tmpdir(), 'article-qa-playground-'));
  try {
    const corpusDir = join(tempDir, 'corpus');
    await cp(SHIPPED_CORPUS, corpusDir, { recursive: true });
    for (const [file, text] of Object.entries(corpusFiles)) await writeFile(join(corpusDir, file), text, 'utf8');
    const feedbackFile = join(tempDir, 'feedback.jsonl');
    const questionLog = join(tempDir, 'data', 'questions.jsonl');
    const config = loadConfig({
      CORPUS_DIR: corpusDir,
      FEEDBACK_FILE: feedbackFile,
      QUESTION_LOG: questionLog,
      PLAYGROUND_PORT: '0',
      // The tests ask more than a person would in 30 s.
      RATE_LIMIT_QUESTIONS: '1000',
      LOG_LEVEL: 'info',
      VECTORS: 'off',
      ...env,
    });
    const logs: LogLine[] = [];
    const logger = createLogger({
      level: config.logLevel,
      pretty: false,
      destination: { write: (line: string) => void logs.push(parseLogLine(line)) },
    });
    const playground = await startPlayground(config, { logger });
    return {
      playground,
      url: playground.url,
      port: Number(new URL(playground.url).port),
      feedbackFile,
      questionLog,
      corpusDir,
      logs,
      close: async () => {
        await playground.stop();
        await rm(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

const PageMessageShape = z.object({ id: z.string(), channel_id: z.string(), content: z.string() });

const PageStateShape = z.object({
  manageServer: z.boolean(),
  commands: z.array(z.object({ name: z.string(), type: z.number() })),
  messages: z.array(PageMessageShape),
  /** Whether the channel and the DM have messages before those given. */
  earlier: z.object({ channel: z.boolean(), dm: z.boolean() }),
  /** What the page shows before anyone types; null while the bot starts. */
  welcome: z
    .object({
      articleCount: z.number(),
      articles: z.array(z.object({ title: z.string(), date: z.string().nullable(), sentences: z.number() })),
      examples: z.array(z.string()),
    })
    .nullable(),
});

/** What the page reads at start (`GET /state`), with the fields tests look at. */
export async function fetchPageState(url: string): Promise<z.infer<typeof PageStateShape>> {
  const response = await fetch(`${url}/state`);
  return PageStateShape.parse(await response.json());
}

const EarlierShape = z.object({ messages: z.array(PageMessageShape), hasEarlier: z.boolean() });

/** What the page reads when a person scrolls back (`GET /messages?where=…&before=…`). */
export async function fetchEarlier(url: string, where: 'channel' | 'dm', before: string): Promise<z.infer<typeof EarlierShape>> {
  const response = await fetch(`${url}/messages?where=${where}&before=${before}`);
  return EarlierShape.parse(await response.json());
}
