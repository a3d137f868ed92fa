import { runNotificationsFlow, type ReceivedMail } from '@relais/testing';
import { startTestStandalone, type StandaloneUnderTest } from './support/standalone-fixture';

describe('notifications in standalone mode', () => {
  let relais: StandaloneUnderTest;
  beforeAll(async () => {
    relais = await startTestStandalone();
  });
  afterAll(async () => relais.stop());

  it('shows a trainer’s reply in the teacher’s notification centre and as a mail at /dev/mails, leaking nothing', async () => {
    await runNotificationsFlow(relais, async (address) => {
      const page = await fetch(`${relais.standalone.baseUrl}/dev/mails`, {
        headers: { accept: 'application/json' },
      });
      const { mails } = (await page.json()) as { mails: ReceivedMail[] };
      return mails.filter((mail) => mail.to === address);
    });
  }, 60_000);

  it('shows the mails as a French page to a browser', async () => {
    const page = await fetch(`${relais.standalone.baseUrl}/dev/mails`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<h1>Courriels envoyés (démonstration)</h1>');
  });
});
