import { POLICY_PLACEHOLDER_MARKER, placeholderFields } from './policy-completeness';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const list = (...items: string[]) => ({
  type: 'list',
  format: 'unordered',
  children: items.map((text) => ({ type: 'list-item', children: [{ type: 'text', text }] })),
});

describe('placeholderFields', () => {
  test('a policy written in full has none', () => {
    expect(
      placeholderFields({
        title: 'Comments & Moderation',
        rules: [paragraph('Be civil.'), list('No spam.', 'Stay on topic.')],
        termsVersion: '2024-11-16',
        lastUpdated: '2024-11-16',
        moderationHoursText: null,
      })
    ).toEqual([]);
  });

  test('finds the marker in a plain text field and deep inside a Blocks tree', () => {
    expect(
      placeholderFields({
        title: 'Comments & Moderation',
        liabilityNotice: `${POLICY_PLACEHOLDER_MARKER} Write the notice.`,
        rules: [paragraph('Be civil.'), list('No spam.', `${POLICY_PLACEHOLDER_MARKER} the rest of the rules`)],
      })
    ).toEqual(['liabilityNotice', 'rules']);
  });

  test('only the exact marker counts: the word on its own is ordinary text', () => {
    expect(placeholderFields({ rules: [paragraph('A placeholder is not a rule. [placeholder]')] })).toEqual([]);
  });
});
