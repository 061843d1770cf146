import type { NotificationTemplate } from '../config';
import type { NotificationKind } from '../../../shared/contracts/settings';

/**
 * The wording of each notification, in English, plain text and HTML. `{{name}}` placeholders are
 * filled from the notice's values: as they are in the subject and the text, HTML-escaped in the
 * HTML; an unknown placeholder is left empty. The settings may override any part of any kind.
 * Every message ends with the unsubscribe link (`{{unsubscribeUrl}}`).
 */
const FOOTER_TEXT = '\n\n--\nStop these emails: {{unsubscribeUrl}}\n';
const FOOTER_HTML = '<hr><p><small><a href="{{unsubscribeUrl}}">Stop these emails</a></small></p>';

export const DEFAULT_TEMPLATES: Record<NotificationKind, NotificationTemplate> = {
  'moderation-notice': {
    subject: 'Your comment was {{action}} by a moderator',
    text:
      'A moderator {{action}} your comment {{comment}}.\n\nReason: {{publicReason}}\n\n' +
      'You may appeal this decision: send POST {{appealUrl}} with {"data": {"decision": "{{decision}}", ' +
      '"statement": "why the decision is wrong"}}, or use "Appeal" next to the decision in your account.' +
      FOOTER_TEXT,
    html:
      '<p>A moderator {{action}} your comment <code>{{comment}}</code>.</p><p><strong>Reason:</strong> ' +
      '{{publicReason}}</p><p>You may appeal this decision: send <code>POST {{appealUrl}}</code> with the decision ' +
      'id <code>{{decision}}</code> and your statement, or use “Appeal” next to the decision in your account.</p>' +
      FOOTER_HTML,
  },
  reply: {
    subject: 'Someone replied to your comment',
    text: 'There is a new reply ({{comment}}) to your comment {{parent}} on story {{story}}.' + FOOTER_TEXT,
    html:
      '<p>There is a new reply (<code>{{comment}}</code>) to your comment <code>{{parent}}</code> on story ' +
      '<code>{{story}}</code>.</p>' +
      FOOTER_HTML,
  },
  'report-outcome': {
    subject: 'Your report was {{outcome}}',
    text:
      'Thank you for reporting comment {{comment}}. A moderator looked at it: your report was {{outcome}}.' +
      FOOTER_TEXT,
    html:
      '<p>Thank you for reporting comment <code>{{comment}}</code>. A moderator looked at it: your report was ' +
      '<strong>{{outcome}}</strong>.</p>' +
      FOOTER_HTML,
  },
  'complaint-outcome': {
    subject: 'Your factual-error complaint was resolved',
    text: 'An editor resolved your complaint: {{outcome}}.\n\n{{correctionNote}}' + FOOTER_TEXT,
    html:
      '<p>An editor resolved your complaint: <strong>{{outcome}}</strong>.</p><p>{{correctionNote}}</p>' + FOOTER_HTML,
  },
  'duty-alert': {
    subject: 'Comments: {{what}} needs a moderator',
    text: 'Comment {{comment}}: {{what}}. Open the moderation queue: {{queueUrl}}' + FOOTER_TEXT,
    html:
      '<p>Comment <code>{{comment}}</code>: {{what}}.</p><p><a href="{{queueUrl}}">Open the moderation queue</a></p>' +
      FOOTER_HTML,
  },
  'duty-digest': {
    subject: 'Comments: {{openItems}} items in the moderation queue',
    text:
      'Full-time cover has started. The queue holds {{openItems}} comments awaiting review and {{openReports}} ' +
      'open reports ({{urgentReports}} illegal or harassment). Open it: {{queueUrl}}' +
      FOOTER_TEXT,
    html:
      '<p>Full-time cover has started. The queue holds <strong>{{openItems}}</strong> comments awaiting review and ' +
      '{{openReports}} open reports ({{urgentReports}} illegal or harassment).</p><p><a href="{{queueUrl}}">Open the ' +
      'moderation queue</a></p>' +
      FOOTER_HTML,
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => ESCAPES[char]);

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

const fill = (template: string, vars: Record<string, string>, escape: (value: string) => string) =>
  template.replace(PLACEHOLDER, (_, name: string) => (Object.hasOwn(vars, name) ? escape(vars[name]) : ''));

/** The placeholders a template uses in any part, each once, in order of first use: what an editor of the wording may use. */
export const placeholdersOf = (template: NotificationTemplate): string[] => [
  ...new Set(
    [template.subject, template.text, template.html].flatMap((part) => [...part.matchAll(PLACEHOLDER)].map((m) => m[1]))
  ),
];

/** The message of one kind: the default wording, with the settings' overrides part by part. */
export const renderNotification = (
  kind: NotificationKind,
  vars: Record<string, string>,
  overrides: Partial<NotificationTemplate> = {}
): NotificationTemplate => {
  const template = { ...DEFAULT_TEMPLATES[kind], ...overrides };
  const plain = (value: string) => value;
  return {
    // A header: no line breaks, whatever a value holds.
    subject: fill(template.subject, vars, plain)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    text: fill(template.text, vars, plain),
    html: fill(template.html, vars, escapeHtml),
  };
};
