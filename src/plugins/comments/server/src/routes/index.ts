import contentApi from './content-api';

export default {
  'content-api': contentApi,
  admin: { type: 'admin', routes: [] },
};
