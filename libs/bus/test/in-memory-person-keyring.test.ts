import { describePersonKeyringContract } from '@relais/bus/testing';
import { InMemoryPersonKeyring } from '../src/sealing/in-memory-person-keyring';

describePersonKeyringContract('in memory', async (erasedBy) => new InMemoryPersonKeyring(erasedBy));
