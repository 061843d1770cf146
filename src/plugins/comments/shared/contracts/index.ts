export * from './common';
export * from './vocabulary';
export * as contentApi from './content-api';
export * as admin from './admin';
export * as settings from './settings';
