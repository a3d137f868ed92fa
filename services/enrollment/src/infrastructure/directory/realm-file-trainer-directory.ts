import { readFileSync } from 'node:fs';
import type { DirectoryTrainer, TrainerDirectory } from '../../application/ports';

interface RealmUser {
  id?: string;
  username: string;
  firstName?: string;
  lastName?: string;
  realmRoles?: string[];
  attributes?: Record<string, string[] | undefined>;
}

/**
 * Trainers as listed in a Keycloak realm export: the directory of standalone mode and tests, where
 * the realm file is the single source of truth for users (docs/design.md §6).
 */
export class RealmFileTrainerDirectory implements TrainerDirectory {
  private readonly trainers: Map<string, DirectoryTrainer>;

  constructor(realmFile: string) {
    const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as { users?: RealmUser[] };
    this.trainers = new Map(
      (realm.users ?? [])
        .filter((user) => user.id && user.realmRoles?.includes('trainer'))
        .map((user) => [
          user.id as string,
          {
            userId: user.id as string,
            name: [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username,
            ...(user.attributes?.['academy']?.[0] ? { academy: user.attributes['academy'][0] } : {}),
          },
        ]),
    );
  }

  async findTrainers(userIds: readonly string[]): Promise<DirectoryTrainer[]> {
    return userIds.flatMap((id) => {
      const trainer = this.trainers.get(id);
      return trainer ? [trainer] : [];
    });
  }

  async trainersOf(academy: string): Promise<DirectoryTrainer[]> {
    return [...this.trainers.values()]
      .filter((trainer) => trainer.academy === academy)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
}
