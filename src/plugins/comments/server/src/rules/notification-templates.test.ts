import { DEFAULT_TEMPLATES, placeholdersOf, renderNotification } from './notification-templates';

describe('notification templates', () => {
  test('placeholders are filled: as given in the text, HTML-escaped in the HTML', () => {
    const message = renderNotification('moderation-notice', {
      action: 'hidden',
      comment: 'c1',
      publicReason: '<script>alert("x")</script> & more',
      decision: 'd1',
      unsubscribeUrl: 'https://news.example/u?token=a&b',
    });
    expect(message.subject).toBe('Your comment was hidden by a moderator');
    expect(message.text).toContain('Reason: <script>alert("x")</script> & more');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('href="https://news.example/u?token=a&amp;b"');
  });

  test('an override replaces only the parts it gives; unknown placeholders are left empty', () => {
    const message = renderNotification('reply', { comment: 'c2' }, { subject: 'New reply {{comment}} {{nope}}' });
    expect(message.subject).toBe('New reply c2');
    expect(message.text.startsWith('There is a new reply (c2)')).toBe(true);
  });

  test('placeholdersOf lists each placeholder of every part once, in order of first use', () => {
    expect(
      placeholdersOf({ subject: 'Hi {{ name }}', text: '{{name}} {{link}}', html: '<a href="{{link}}">{{other}}</a>' })
    ).toEqual(['name', 'link', 'other']);
    expect(placeholdersOf(DEFAULT_TEMPLATES['report-outcome'])).toEqual(['outcome', 'comment', 'unsubscribeUrl']);
  });

  test('a value cannot break the subject header onto a second line', () => {
    expect(renderNotification('report-outcome', { outcome: 'upheld\r\nBcc: x@y.z' }).subject).toBe(
      'Your report was upheld Bcc: x@y.z'
    );
  });

  test('every default offers the unsubscribe link in text and HTML', () => {
    for (const template of Object.values(DEFAULT_TEMPLATES)) {
      expect(template.text).toContain('{{unsubscribeUrl}}');
      expect(template.html).toContain('{{unsubscribeUrl}}');
    }
  });
});
