import type { Core } from '@strapi/strapi';

type OnCommit = (callback: () => void | Promise<void>) => void;

/**
 * Domain events on Strapi's event hub, emitted only once the write has committed (never for a
 * rolled-back one), with ids only and no personal data.
 */
const events = ({ strapi }: { strapi: Core.Strapi }) => ({
  afterCommit(onCommit: OnCommit, name: string, payload: Record<string, unknown>) {
    onCommit(() => {
      strapi.eventHub.emit(name, { ...payload, at: new Date().toISOString() });
    });
  },
});

export type EventsService = ReturnType<typeof events>;
export default events;
