import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSubmitOnce } from './useSubmitOnce';

describe('useSubmitOnce', () => {
  it('sends once when submitted twice before the first send has finished (double click)', async () => {
    let finish: () => void = () => undefined;
    const send = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { result } = renderHook(() => useSubmitOnce(send));
    await act(async () => {
      const first = result.current();
      const second = result.current();
      finish();
      await Promise.all([first, second]);
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('lets the person send again after a failure, with what she typed', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(undefined);
    const { result } = renderHook(() => useSubmitOnce(send));
    await act(() => result.current());
    await act(() => result.current());
    expect(send).toHaveBeenCalledTimes(2);
  });
});
