export * from './roles';
export * from './limits';
export * from './validation';
