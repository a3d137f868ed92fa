import { assertPublishable, decodeEnvelope } from '../src/delivery/envelope-validation';
import { InvalidEnvelopeError } from '../src/errors';
import { anEnvelope } from '../src/testing/envelopes';

describe('decodeEnvelope', () => {
  it('decodes a valid envelope from bytes', () => {
    const envelope = anEnvelope('enrollment.course.created.v1', { title: 'x' });
    expect(decodeEnvelope(Buffer.from(JSON.stringify(envelope)))).toEqual({ ok: true, envelope });
  });

  it('says that a value is not JSON without quoting it', () => {
    const decoded = decodeEnvelope('{"name": "Jeanne Martin"');
    expect(decoded).toEqual({ ok: false, reason: 'PoisonMessage: value is not JSON' });
  });

  it('names the invalid fields of an envelope but never their values or unknown keys', () => {
    const decoded = decodeEnvelope(
      JSON.stringify({ ...anEnvelope('a.b.c.v1', {}), id: 'Jeanne', jeanneMartin: 1 }),
    );
    expect(decoded.ok).toBe(false);
    const reason = decoded.ok ? '' : decoded.reason;
    expect(reason).toContain('id: invalid_format');
    expect(reason).toContain('unrecognized_keys');
    expect(reason.toLowerCase()).not.toContain('jeanne');
  });

  it('treats an empty value as poison', () => {
    expect(decodeEnvelope(null)).toEqual({ ok: false, reason: 'PoisonMessage: empty value' });
  });
});

describe('assertPublishable', () => {
  it('throws InvalidEnvelopeError naming the topic and the problem', () => {
    const invalid = { ...anEnvelope('a.b.c.v1', {}), type: 'NotAType' };
    expect(() => assertPublishable('enrollment.events.v1', [{ key: 'k', envelope: invalid }])).toThrow(
      new InvalidEnvelopeError('enrollment.events.v1', ['type: invalid_format']),
    );
  });
});
