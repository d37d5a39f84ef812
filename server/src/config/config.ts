import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const intFromEnv = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intFromEnv(0, 65535).default(4000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, dash and underscore, at most 60')
    .default('pat'),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data')),
  CLIENT_DIST: z
    .string()
    .min(1)
    .default(path.join(repoRoot, 'client', 'dist')),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'must be a comma-separated list of origins (https://host:port)' }))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 2mb')
    .default('12mb'),
  SESSION_TTL_HOURS: intFromEnv(1, 24 * 30).default(12),
  COOKIE_SECURE: boolFromEnv.optional(),
  LOGIN_MAX_FAILURES: intFromEnv(1, 100).default(5),
  LOGIN_LOCK_MINUTES: intFromEnv(1, 24 * 60).default(15),
  UPLOAD_MAX_MB: intFromEnv(1, 500).default(20),
  SEED_DEMO: boolFromEnv.default(true),
  SEPARATE_DUTIES: boolFromEnv.default(true),
  // IATI publishing: the reporting organisation (its registered IATI identifier and names), and the
  // public address of this app for document links (default: the address the request came to).
  IATI_ORG_REF: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,80}$/, 'must be an IATI organisation identifier such as CN-USC-123')
    .default('CN-PAT-OFFICE'),
  IATI_ORG_NAME_ZH: z.string().min(1).max(200).default('市对口支援与合作交流办公室'),
  IATI_ORG_NAME_EN: z.string().min(1).max(200).default('Municipal Office for Cooperation and Exchange'),
  IATI_ORG_TYPE: z
    .string()
    .regex(/^\d{2}$/, 'must be an IATI OrganisationType code such as 10')
    .default('10'),
  IATI_PUBLIC_URL: z.url({ message: 'must be the public address of the app, e.g. https://pat.example.org' }).optional(),
});

export type Config = Omit<z.infer<typeof envSchema>, 'COOKIE_SECURE'> & { COOKIE_SECURE: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(defined);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path[0] ?? 'environment';
      const value = typeof name === 'string' ? defined[name] : undefined;
      const shown = value === undefined || /URI|SECRET|PASSWORD/.test(String(name)) ? '' : ` (got "${value}")`;
      return `${String(name)}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const c = result.data;
  return { ...c, COOKIE_SECURE: c.COOKIE_SECURE ?? c.NODE_ENV === 'production' };
}
