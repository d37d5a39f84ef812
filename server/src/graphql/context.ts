import type { Request, Response } from 'express';
import type { Role } from '@pat/shared';
import type { Config } from '../config/config';
import type { Logger } from '../logger';
import type { Loaders } from './loaders';

export type CurrentUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionScope: string[];
};

export type Context = {
  config: Config;
  log: Logger;
  requestId: string;
  req: Request;
  res: Response;
  user: CurrentUser | null;
  sessionTokenHash: string | null;
  loaders: Loaders;
};
