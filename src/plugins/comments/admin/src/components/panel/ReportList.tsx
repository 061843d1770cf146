import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import { Section } from './Section';
import { ToneBadge } from './StatusBadge';
import type { Detail } from './hooks';

type Report = Detail['reports'][number];

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);

/** What the report weighed when it was made, and how the reporter's reports have been judged since. */
const Weight = ({ report }: { report: Report }) => {
  const t = useT();
  const { standing, reliability, record } = report.reporter;
  return (
    <Box data-testid="report-reliability">
      <Typography tag="p" variant="pi">
        {t('panel.report.weight', {
          standing: t(`panel.standing.${standing ?? 'unknown'}`),
          reliability: percent(reliability),
        })}{' '}
        <ToneBadge tone={report.trusted ? 'success' : 'neutral'} size="S">
          {t(report.trusted ? 'panel.report.trusted' : 'panel.report.untrusted')}
        </ToneBadge>
      </Typography>
      <Typography tag="p" variant="pi" textColor="neutral600">
        {t('panel.report.record', {
          upheld: record.upheld,
          notUpheld: record.notUpheld,
          reliability: percent(record.reliability),
        })}
      </Typography>
    </Box>
  );
};

/** The reports, oldest first, each with its reason, reporter, weight and outcome. */
export const ReportList = ({ reports, total }: { reports: Report[]; total: number }) => {
  const t = useT();
  return (
    <Section id="panel-reports" title={t('panel.reports.count', { count: total })}>
      {reports.length === 0 && <Typography textColor="neutral600">{t('panel.reports.none')}</Typography>}
      {total > reports.length && (
        <Typography variant="pi" textColor="neutral600">
          {t('panel.reports.newest', { shown: reports.length, total })}
        </Typography>
      )}
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        {reports.map((report) => (
          <Box tag="li" key={report.documentId} data-testid="report-row" paddingBottom={2}>
            <Flex gap={2} wrap="wrap">
              <Badge>{report.reason}</Badge>
              <Typography fontWeight="bold">{report.reporter.displayName ?? '–'}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {new Date(report.createdAt).toLocaleString()} · {t(`panel.report.state.${report.state}`)}
              </Typography>
            </Flex>
            <Weight report={report} />
            {report.note && (
              <Typography tag="p" variant="pi">
                {t('panel.report.note')}: {report.note}
              </Typography>
            )}
          </Box>
        ))}
      </Flex>
    </Section>
  );
};
