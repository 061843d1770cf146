import { takeViolations } from '../helpers/contract';

// An answer that differs from the documented contract fails the test that received it.
afterEach(() => {
  const violations = takeViolations();
  if (violations.length > 0) {
    throw new Error(
      `Answers that do not match docs/openapi.json:\n${violations.map((v) => `- ${v.request}: ${v.problem}`).join('\n')}`
    );
  }
});
