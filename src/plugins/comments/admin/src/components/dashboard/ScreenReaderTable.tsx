import { VisuallyHidden } from '@strapi/design-system';

interface Props {
  caption: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

/** A chart's figures as a plain table that only assistive technology reads. */
export const ScreenReaderTable = ({ caption, headers, rows }: Props) => (
  <VisuallyHidden>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index}>{cell}</td>
              )
            )}
          </tr>
        ))}
      </tbody>
    </table>
  </VisuallyHidden>
);
