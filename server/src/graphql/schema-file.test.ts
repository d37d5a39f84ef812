import fs from 'node:fs';
import { SCHEMA_FILE, schemaText } from '../../../scripts/print-schema';

describe('the schema file the client is generated from', () => {
  it('matches the server schema (run `npm run codegen` after changing the schema)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });
});
