/**
 * How far a reporter's word can be trusted: the share of their past reports that moderators
 * upheld, with one upheld and one dismissed report assumed up front, so a newcomer starts at 0.5
 * and one lucky report does not make anyone infallible. It orders the queue and is shown to moderators.
 */
export interface ReportHistory {
  upheld: number;
  notUpheld: number;
}

export const reporterReliability = ({ upheld, notUpheld }: ReportHistory): number =>
  (upheld + 1) / (upheld + notUpheld + 2);
