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

  it('shows the inspector, the CHSCT and the ministry their own pages only', () => {
    expect(navigationFor(['inspector']).map((entry) => entry.to)).toEqual(['/circonscription']);
    expect(navigationFor(['chsct']).map((entry) => entry.to)).toEqual([
      '/chsct/tendances',
      '/statistiques/methode',
    ]);
    expect(navigationFor(['ministry']).map((entry) => entry.to)).toEqual([
      '/ministere/statistiques',
      '/statistiques/methode',
    ]);
  });

  it('shows an administrator the erasures only', () => {
    expect(navigationFor(['ops']).map((entry) => entry.to)).toEqual(['/exploitation/effacements']);
    expect(homeOf(['ops'])).toBe('/exploitation/effacements');
  });
});
