import { loggerConfig } from '../src/platform/logging';

export default loggerConfig();
