import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// zod 4 copies prototype methods onto each schema when it is created, so `.openapi()` (needed to
// register components, and handy to services for examples) exists only on schemas created after
// this runs. Modules that create such schemas import this module first. Idempotent.
extendZodWithOpenApi(z);
