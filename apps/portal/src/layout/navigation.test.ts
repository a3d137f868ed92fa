import { describe, expect, it } from 'vitest';
import { homeOf, navigationFor } from './navigation';

describe('navigation per audience', () => {
  it('shows a teacher her pages only', () => {
    expect(navigationFor(['teacher']).map((entry) => entry.to)).toEqual([
      '/catalogue',
      '/mes-parcours',
      '/mes-retours',
      '/messages',
    ]);
  });

  it('shows a training manager no teacher or trainer page', () => {
    expect(navigationFor(['training-manager']).map((entry) => entry.to)).toEqual(['/gestion']);
  });

  it('shows nothing to someone without a portal role', () => {
    expect(navigationFor([])).toEqual([]);
    expect(homeOf([])).toBe('/');
  });

  it('lists messages once for a person who is both teacher and trainer', () => {
    const targets = navigationFor(['teacher', 'trainer']).map((entry) => entry.to);
    expect(targets.filter((to) => to === '/messages')).toHaveLength(1);
  });
});
