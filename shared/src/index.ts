export * from './roles';
export * from './limits';
export * from './validation';
export * from './projects';
export * from './dates';
