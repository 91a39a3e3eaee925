import { useI18n } from '../../i18n/I18nProvider.js';

/** The keyboard and screen-reader way to a map item: every row of the tables can open it on the map. */
export const ShowOnMapButton = ({ name, onShow }: { name: string; onShow(): void }) => {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button-small"
      aria-label={t.data.units.showContext(name)}
      onClick={onShow}
    >
      {t.data.units.show}
    </button>
  );
};
