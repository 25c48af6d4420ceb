export * from './fields.ts';
export * from './lead.ts';
export * from './user.ts';
export * from './activity.ts';
export * from './api.ts';
