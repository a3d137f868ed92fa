/** Mailpit's HTTP API, as much as the mail tests read of it. */
export interface MailpitMessage {
  ID: string;
  Subject: string;
  To: { Address: string }[];
  Text: string;
  HTML: string;
}

export function mailpitFromEnvironment(): { url: string; smtpHost: string; smtpPort: number } {
  const url = process.env['MAILPIT_URL'];
  const smtp = process.env['MAILPIT_SMTP'];
  if (!url || !smtp) {
    throw new Error(
      'MAILPIT_URL and MAILPIT_SMTP are not set: start Mailpit (scripts/infra/infra up mailpit) and ' +
        'export them (eval "$(scripts/infra/infra env)"), or let the integration setup start it.',
    );
  }
  const [smtpHost, port] = smtp.split(':') as [string, string];
  return { url: url.replace(/\/+$/, ''), smtpHost, smtpPort: Number(port) };
}

export async function messagesTo(url: string, address: string): Promise<MailpitMessage[]> {
  const search = await fetch(`${url}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`);
  const { messages } = (await search.json()) as { messages: { ID: string }[] };
  return Promise.all(
    messages.map(
      async ({ ID }) => (await (await fetch(`${url}/api/v1/message/${ID}`)).json()) as MailpitMessage,
    ),
  );
}

export async function headersOf(url: string, id: string): Promise<Record<string, string[]>> {
  return (await (await fetch(`${url}/api/v1/message/${id}/headers`)).json()) as Record<string, string[]>;
}

/** Mailpit's chaos: answer every RCPT TO with this code (0 turns it off). */
export async function refuseRecipients(url: string, code: number): Promise<void> {
  const response = await fetch(`${url}/api/v1/chaos`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      Recipient: { ErrorCode: code === 0 ? 451 : code, Probability: code === 0 ? 0 : 100 },
    }),
  });
  if (!response.ok)
    throw new Error(`Mailpit's chaos API answered ${response.status}: start it with --enable-chaos`);
}
