import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiErrorFrom, NetworkError } from '../../api/errors';
import { fr } from '../../i18n/fr';
import { ErasureForm } from './ErasureForm';

const t = fr.erasure.form;
const personId = '7c3be2bb-362e-5337-b45c-3dac7fe345a6';
const reason = 'Demande de la personne au titre de l’article 17.';

const personIdField = () =>
  screen.getByRole<HTMLInputElement>('textbox', { name: new RegExp(`^${t.personId}`) });
const reasonField = () =>
  screen.getByRole<HTMLTextAreaElement>('textbox', { name: new RegExp(`^${t.reason}`) });

async function fillAndSend({ confirm = true } = {}) {
  fireEvent.change(personIdField(), { target: { value: personId } });
  fireEvent.change(reasonField(), { target: { value: reason } });
  if (confirm) fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(`^${t.confirm}`) }));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: t.submit }));
  });
}

describe('ErasureForm', () => {
  afterEach(cleanup);

  it('sends nothing until the administrator confirms, and says so on the checkbox', async () => {
    const send = vi.fn().mockResolvedValue({});
    render(<ErasureForm send={send} />);
    await fillAndSend({ confirm: false });
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByText(t.confirmRequired)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('checkbox'));
  });

  it('shows the service’s refusal on the refused field and keeps what was typed', async () => {
    const send = vi.fn().mockRejectedValue(
      apiErrorFrom(400, {
        code: 'VALIDATION_FAILED',
        errors: [{ in: 'body', path: 'reason', message: 'reason must say why, not whom' }],
      }),
    );
    render(<ErasureForm send={send} />);
    await fillAndSend();
    expect(send).toHaveBeenCalledWith({ personId, reason });
    // The sentence is the field's description: a screen reader says it with the field.
    expect(screen.getByRole('textbox', { description: t.reasonRefused })).toBe(reasonField());
    expect(document.activeElement).toBe(reasonField());
    expect(reasonField().value).toBe(reason);
    expect(personIdField().value).toBe(personId);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says in French when Relais did not answer, above the button', async () => {
    render(<ErasureForm send={vi.fn().mockRejectedValue(new NetworkError(new TypeError('fetch')))} />);
    await fillAndSend();
    expect(screen.getByRole('alert').textContent).toContain(fr.errors.network);
    expect(reasonField().value).toBe(reason);
  });

  it('confirms the request and empties the form for the next one, confirmation included', async () => {
    const send = vi.fn().mockResolvedValue({});
    render(<ErasureForm send={send} />);
    await fillAndSend();
    expect(send).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain(t.sent);
    expect(personIdField().value).toBe('');
    expect(reasonField().value).toBe('');
    expect(screen.getByRole<HTMLInputElement>('checkbox').checked).toBe(false);
  });
});
