/**
 * The plugin's only source of "now", so rules that depend on the time (staffing cover, edit
 * window, suspensions, closing times) can be tested at a chosen moment.
 */
const clock = () => ({
  now(): Date {
    return new Date();
  },
});

export type ClockService = ReturnType<typeof clock>;
export default clock;
