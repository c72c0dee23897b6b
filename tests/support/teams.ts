export const SERVICE_ORIGIN = 'https://smba.test';
export const SERVICE_URL = `${SERVICE_ORIGIN}/amer/`;
export const BOT_ID = '28:whoowns-bot';

let counter = 0;

/** A Teams message activity as the Bot Connector posts it. */
export function messageActivity(text: string, options: { conversationType?: 'personal' | 'groupChat' | 'channel'; id?: string; value?: unknown; mention?: boolean; conversationId?: string } = {}): Record<string, unknown> {
  const id = options.id ?? `17000000${Date.now()}${++counter}`;
  const mention = options.mention ?? options.conversationType === 'channel';
  const conversationId = options.conversationId ?? (options.conversationType === 'channel' ? '19:general@thread.tacv2;messageid=1700' : 'a:1personal-conv');
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: { id: '29:user-1', name: 'Alex', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: { conversationType: options.conversationType ?? 'personal', tenantId: 'tenant-1', id: conversationId, ...(options.conversationType === 'channel' ? { isGroup: true } : {}) },
    recipient: { id: BOT_ID, name: 'whoowns' },
    textFormat: 'plain',
    locale: 'en-US',
    text: mention ? `<at>whoowns</at> ${text}` : text,
    ...(mention ? { entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'whoowns' }, text: '<at>whoowns</at>' }] } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

export function replyPath(activity: Record<string, unknown>): string {
  const conversation = (activity.conversation as { id: string }).id;
  return `/amer/v3/conversations/${encodeURIComponent(conversation)}/activities/${encodeURIComponent(String(activity.id))}`;
}

interface CardAttachment {
  contentType: string;
  content: { version: string; body: unknown[]; actions?: Array<{ title: string; data: unknown }> };
}

export function cardOf(reply: Record<string, unknown>): CardAttachment['content'] {
  const attachments = reply.attachments as CardAttachment[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error('reply carries no Adaptive Card');
  return card.content;
}
