import { z } from 'zod';

export const userId = z.string().min(1).max(64).describe('identity provider subject (sub)');
export const courseId = z.uuid();
export const displayName = z.string().min(1).max(200);
/** A school is identified by its UAI code: 7 digits and a letter. */
export const schoolCode = z.string().regex(/^\d{7}[A-Z]$/, 'a UAI code: 7 digits and a letter');
export const academy = z.string().regex(/^[a-z][a-z-]{1,39}$/, 'an academy slug such as lyon');
export const theme = z.string().min(1).max(60);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
/** A calendar day, YYYY-MM-DD (as Paris counts days). */
export const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day YYYY-MM-DD');
export const hours = z.number().positive().max(200);
