import { NOT_BLANK } from '../src';

describe('NOT_BLANK', () => {
  it('accepts a string exactly when trim() leaves something, over the whole Basic Multilingual Plane', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const text = String.fromCharCode(code);
      if (NOT_BLANK.test(text) !== (text.trim() !== '')) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });

  it('finds one printable character among blanks, and none in blanks alone', () => {
    expect(NOT_BLANK.test(' \u00a0\u000b x\u3000')).toBe(true);
    expect(NOT_BLANK.test(' \u00a0\u000b\ufeff\u3000\n')).toBe(false);
    expect(NOT_BLANK.test('')).toBe(false);
  });

  it('is spelled without \\s, so that every regex dialect reads it alike', () => {
    expect(NOT_BLANK.source).not.toMatch(/\\s/i);
  });
});
