/** Discord's documented limits for what a bot sends. Exceeding any of them makes the request fail. */
export const DISCORD_LIMITS = {
  messageContent: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  /** Title, description, field names and values, footer text and author name together. */
  embedTotal: 6000,
  autocompleteChoices: 25,
  autocompleteChoiceName: 100,
  autocompleteChoiceValue: 100,
  /** Any URL in an embed (Discord answers 400 "Must be 2048 or fewer in length" beyond it). */
  embedUrl: 2048,
  customId: 100,
  buttonLabel: 80,
} as const;
