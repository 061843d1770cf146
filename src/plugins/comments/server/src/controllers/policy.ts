import { getService } from '../utils/get-service';
import type { ApiContext } from './helpers';

const policy = () => ({
  async read(ctx: ApiContext) {
    ctx.body = { data: await getService('policy').describe() };
  },
});

export default policy;
