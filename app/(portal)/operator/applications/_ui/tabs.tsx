import { getTranslations } from 'next-intl/server';
import { TabLinks } from '../../graduations/_ui/tabs';

/** The operator's applications and the open programmes, two views of one area. */
export async function ApplicationTabs({ current }: { current: 'mine' | 'open' }) {
  const t = await getTranslations('applications.tabs');
  return (
    <TabLinks
      label={t('label')}
      tabs={[
        { href: '/operator/applications', label: t('mine'), current: current === 'mine' },
        { href: '/operator/applications/programmes', label: t('open'), current: current === 'open' },
      ]}
    />
  );
}
