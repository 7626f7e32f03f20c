import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/guides' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    provider: z.enum(['hashicorp-vault', 'aws-parameter-store', 'aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault']),
    order: z.number(),
  }),
});

export const collections = { guides };
