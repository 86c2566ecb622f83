// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
export * from './access.js';
export * from './citizen.js';
export * from './dialogue.js';
export * from './economy.js';
export * from './family.js';
export * from './instrument.js';
export * from './measurement.js';
export * from './merge.js';
export * from './organisation.js';
export * from './plan.js';
export * from './series-end.js';
