import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';

type Key = keyof typeof en;

/** Translations live in translations/<locale>.json, prefixed with the plugin id by registerTrads. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (key: Key, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values);
};

export const prefixTranslations = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
