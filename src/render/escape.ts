/**
 * Echoing user text safely. Whatever a user typed must not ping anyone or carry a link the bot
 * did not make when a card shows it back.
 */

/** Breaks URL schemes so no client turns echoed text into a link. */
function defangLinks(text: string): string {
  return text.replace(/\b(https?|ftp|mailto|slack|file):(\/\/)?/gi, '$1[:]').replace(/\bwww\./gi, 'www[.]');
}

/**
 * Slack mrkdwn: <, > and & are the only control characters; escaping them turns <!channel>,
 * <@U123> and <https://…|x> into inert text. Leading @channel/@here words are broken too.
 */
export function escapeSlack(text: string): string {
  return defangLinks(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200B$1');
}

/** Adaptive Card markdown: backslash-escape the characters that make links, emphasis or lists. */
export function escapeTeamsMarkdown(text: string): string {
  return defangLinks(text)
    .replace(/[\\`*_[\]()#>~|-]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Plain text: only links are defanged; there is no markup to escape. */
export function escapePlain(text: string): string {
  return defangLinks(text);
}
