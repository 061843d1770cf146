import { MODERATOR_ACTIONS, ACTIONS } from '../config/actions';
import { readerActions } from '../routes/content-api';

/** What the app needs to know to grant the plugin's routes: readers' scopes and admin roles' actions. */
const access = () => ({
  readerActions,
  moderatorActions: () => [...MODERATOR_ACTIONS],
  editorActions: () => [ACTIONS.editorialRead, ACTIONS.editorialResolve],
});

export type AccessService = ReturnType<typeof access>;
export default access;
