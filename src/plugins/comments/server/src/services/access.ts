import { readerActions } from '../routes/content-api';

/** What the app needs to know to grant the plugin's content-API routes to readers' roles. */
const access = () => ({
  readerActions,
});

export type AccessService = ReturnType<typeof access>;
export default access;
