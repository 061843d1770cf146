import { useEffect, useRef } from 'react';
import { Badge, Box, Checkbox, Td, Tr, Typography } from '@strapi/design-system';
import { ListTable } from './ListTable';
import { ageOf, type QueueRow } from '../utils/api';
import { belongsElsewhere } from '../utils/keys';
import { useT } from '../utils/translate';

interface Props {
  rows: QueueRow[];
  cursor: number;
  /** Whether the current row should hold the keyboard focus (not while a dialog or the drawer has it). */
  focusCurrent: boolean;
  selected: Set<string>;
  onToggle: (documentId: string) => void;
  onOpen: (index: number) => void;
}

/** The queue's rows: the current one highlighted and focused, so that the keyboard decides on what is seen. */
export const QueueTable = ({ rows, cursor, focusCurrent, selected, onToggle, onOpen }: Props) => {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const currentId = rows[cursor]?.documentId;

  useEffect(() => {
    // Rows that change under a filter being typed (or a live refresh) leave the focus where it is.
    if (!focusCurrent || !currentId || belongsElsewhere(document.activeElement)) return;
    container.current?.querySelector<HTMLElement>(`[data-document-id="${currentId}"]`)?.focus();
  }, [focusCurrent, currentId]);

  return (
    <Box ref={container}>
      <ListTable
        headers={[
          '✓',
          t('queue.column.comment'),
          t('queue.column.story'),
          t('queue.column.reasons'),
          t('queue.column.reporters'),
          t('queue.column.age'),
          t('queue.column.state'),
        ]}
        rowCount={rows.length}
        emptyText={t('queue.empty')}
      >
        {rows.map((row, index) => (
          <Tr
            key={row.documentId}
            data-testid="queue-row"
            data-document-id={row.documentId}
            aria-selected={index === cursor}
            tabIndex={-1}
            onClick={() => onOpen(index)}
            style={{ cursor: 'pointer', background: index === cursor ? 'rgba(73, 69, 255, 0.08)' : undefined }}
          >
            <Td onClick={(event: React.MouseEvent) => event.stopPropagation()}>
              <Checkbox
                aria-label={t('queue.select')}
                checked={selected.has(row.documentId)}
                onCheckedChange={() => onToggle(row.documentId)}
              />
            </Td>
            <Td style={{ maxWidth: 360 }}>
              <Typography data-testid="queue-body" ellipsis>
                {row.body}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {row.author.displayName}
              </Typography>
            </Td>
            <Td style={{ maxWidth: 240 }}>
              <Typography ellipsis>{row.thread.title ?? row.thread.documentId}</Typography>
            </Td>
            <Td>
              {row.reasons.map((entry) => (
                <Badge key={entry.reason}>{`${entry.reason} ×${entry.count}`}</Badge>
              ))}
              {/* Why the system flagged it (repeated post, suspect words), reported or not. */}
              {row.flagReasons.map((flag) => (
                <Badge key={flag} data-testid="flag-reason" textColor="neutral800" backgroundColor="warning200">
                  {flag}
                </Badge>
              ))}
            </Td>
            <Td>
              <Typography>{row.reporters}</Typography>
            </Td>
            <Td>
              <Typography>{ageOf(row.firstReportedAt ?? row.createdAt)}</Typography>
            </Td>
            <Td>
              <Badge data-testid="queue-state">{row.state}</Badge>
            </Td>
          </Tr>
        ))}
      </ListTable>
    </Box>
  );
};
