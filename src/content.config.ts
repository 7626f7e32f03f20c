import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { PROVIDER_IDS } from './generators/types.ts';

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/guides' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    provider: z.enum(PROVIDER_IDS),
    order: z.number(),
  }),
});

export const collections = { guides };
