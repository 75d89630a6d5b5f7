import { z } from 'zod';

/** Words shown to people, in both UI languages. */
export const LocalizedTextSchema = z.object({ ja: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
