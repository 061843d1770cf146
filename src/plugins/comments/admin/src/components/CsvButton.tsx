import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useDownload, type Params } from '../utils/queries';

/** Downloads a CSV of the admin API with the admin's session. */
export const CsvButton = ({
  url,
  filename,
  params,
  label,
}: {
  url: string;
  filename: string;
  params?: Params;
  label: string;
}) => {
  const download = useDownload();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    await download(url, filename, params);
    setBusy(false);
  };
  return (
    <Button variant="secondary" startIcon={<Download />} loading={busy} onClick={start}>
      {label}
    </Button>
  );
};
