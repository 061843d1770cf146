import * as w from '../../../shared/contracts/webhooks';
import { ACTIONS } from '../config/actions';
import { json, type ContractRoute, type RouteContract } from './contract';

type AdminRoute = (
  method: ContractRoute['method'],
  path: string,
  handler: string,
  action: string,
  contract: Omit<RouteContract, 'audience'>
) => ContractRoute;

/** The webhook endpoints' admin routes (docs/events.md), built with admin.ts's `adminRoute`. */
export const webhookRoutes = (adminRoute: AdminRoute): ContractRoute[] => {
  const route = (
    method: ContractRoute['method'],
    path: string,
    handler: string,
    contract: Omit<RouteContract, 'audience'>
  ) => adminRoute(method, path, `webhooks.${handler}`, ACTIONS.webhooksManage, contract);
  return [
    route('GET', '/webhooks', 'list', {
      summary: 'The webhook endpoints',
      responses: { 200: json('Every endpoint (never its secret)', w.WebhookListResponse) },
      errors: [],
    }),
    route('POST', '/webhooks', 'create', {
      summary: 'Add a webhook endpoint',
      description:
        'The URL must resolve to public addresses (or ones WEBHOOK_ALLOWED_HOSTS names): 400 WEBHOOK_URL_REFUSED otherwise. The answer carries the signing secret, shown this once.',
      body: w.WebhookCreateBody,
      responses: { 201: json('The endpoint and its signing secret', w.WebhookCreated) },
      errors: [400],
    }),
    // Declared before `/webhooks/:id…`: the first matching route wins.
    route('POST', '/webhooks/deliveries/:id/redeliver', 'redeliver', {
      summary: 'Deliver an event to its endpoint once more',
      description: 'A new delivery of the same event (the same `webhook-id`), due now.',
      params: w.WebhookParams,
      responses: { 202: json('The new delivery', w.WebhookDeliveryResponse) },
      errors: [400, 404],
    }),
    route('PUT', '/webhooks/:id', 'update', {
      summary: 'Change an endpoint (any of name, URL, events, enabled)',
      params: w.WebhookParams,
      body: w.WebhookUpdateBody,
      responses: { 200: json('The endpoint', w.WebhookResponse) },
      errors: [400, 404],
    }),
    route('DELETE', '/webhooks/:id', 'remove', {
      summary: 'Delete an endpoint',
      description: 'Its pending deliveries are cancelled; its delivery log stays.',
      params: w.WebhookParams,
      responses: { 200: json('The deleted endpoint', w.WebhookResponse) },
      errors: [400, 404],
    }),
    route('POST', '/webhooks/:id/test', 'test', {
      summary: 'Send a test event (`webhook.test`) to an endpoint now',
      params: w.WebhookParams,
      responses: { 200: json('The test delivery after its first attempt', w.WebhookDeliveryResponse) },
      errors: [400, 404],
    }),
    route('GET', '/webhooks/:id/deliveries', 'deliveries', {
      summary: "An endpoint's delivery log, newest first",
      params: w.WebhookParams,
      query: w.DeliveriesQuery,
      responses: { 200: json('A page of deliveries', w.WebhookDeliveriesResponse) },
      errors: [400, 404],
    }),
  ];
};
