export const PLUGIN_ID = 'comments';
