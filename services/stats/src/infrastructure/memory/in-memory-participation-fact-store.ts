import { InMemoryDocuments } from '@relais/store';
import type { ParticipationFact } from '../../domain/enrollment-table';
import type { ParticipationFactStore } from '../../application/ports';

export class InMemoryParticipationFactStore implements ParticipationFactStore {
  private readonly facts = new InMemoryDocuments<ParticipationFact>();

  async record(factId: string, fact: ParticipationFact): Promise<boolean> {
    if (this.facts.get(factId)) return false;
    this.facts.set(factId, fact);
    return true;
  }

  async inMonths(months: readonly string[]): Promise<ParticipationFact[]> {
    return this.facts.find((fact) => months.includes(fact.month));
  }
}
