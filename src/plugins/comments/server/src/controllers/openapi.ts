import { getService } from '../utils/get-service';
import type { ApiContext } from './helpers';

const openapi = () => ({
  /** The generated description, as checked in at docs/openapi.json. */
  async document(ctx: ApiContext) {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = getService('openapi').document();
  },
});

export default openapi;
