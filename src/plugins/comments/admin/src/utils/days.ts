/** A calendar day (YYYY-MM-DD, from a date input) as the API's ISO date-time at the start or the end of that local day. */
export const dayBound = (day: string | undefined, end: boolean): string | undefined =>
  day && /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString()
    : undefined;
