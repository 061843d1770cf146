import type { ReactNode } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

interface Props {
  headers: string[];
  rowCount: number;
  emptyText: string;
  children: ReactNode;
}

/** A design-system table with column headers and a row that says so when there is nothing to list. */
export const ListTable = ({ headers, rowCount, emptyText, children }: Props) => (
  <Table colCount={headers.length} rowCount={rowCount + 1}>
    <Thead>
      <Tr>
        {headers.map((header) => (
          <Th key={header}>
            <Typography variant="sigma">{header}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      {rowCount === 0 && (
        <Tr>
          <Td colSpan={headers.length}>
            <Typography>{emptyText}</Typography>
          </Td>
        </Tr>
      )}
      {children}
    </Tbody>
  </Table>
);
