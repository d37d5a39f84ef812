export * from './roles';
export * from './limits';
export * from './validation';
export * from './projects';
export * from './agreements';
export * from './dates';
export * from './regions';
export * from './liaison';
