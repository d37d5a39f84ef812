import { pino, type Logger } from 'pino';

export type { Logger };

// Secrets never reach the log: cookies, auth headers and anything called password or token.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'pat-server' },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        'variables.password',
        'variables.input.password',
      ],
      censor: '[redacted]',
    },
  });
}
