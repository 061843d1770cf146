import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  test('keeps a plain token from the load balancer', () => {
    expect(requestIdFrom('lb-1234.abc_DEF')).toBe('lb-1234.abc_DEF');
  });

  test.each([[undefined], [''], ['x'.repeat(65)], ['id with spaces'], ['<script>'], ['a\r\nSet-Cookie: x']])(
    'replaces %p with a fresh UUID',
    (incoming) => {
      expect(requestIdFrom(incoming)).toMatch(/^[0-9a-f-]{36}$/);
    }
  );
});
