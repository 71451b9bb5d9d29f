import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgency } from '../api/agencyQueries';
import { useApi } from '../api/ApiContext';
import { useLiveRefresh, useSettings } from '../api/queries';
import { DocumentScreen } from '../screens/Document/DocumentScreen';
import { ExportScreen } from '../screens/Export/ExportScreen';
import { ImportScreen } from '../screens/Import/ImportScreen';
import { JobsScreen } from '../screens/Jobs/JobsScreen';
import { LibraryScreen } from '../screens/Library/LibraryScreen';
import { ReviewScreen } from '../screens/Review/ReviewScreen';
import { SettingsScreen } from '../screens/Settings/SettingsScreen';
import { ConsentsScreen } from '../screens/Requests/ConsentsScreen';
import { RequestScreen } from '../screens/Requests/RequestScreen';
import { RequestsScreen } from '../screens/Requests/RequestsScreen';
import { StatisticsScreen } from '../screens/Requests/StatisticsScreen';
import { ScanScreen } from '../screens/Scan/ScanScreen';
import { CameraScreen } from '../screens/Camera/CameraScreen';
import { navigate, useRoute } from './router';
import { FirstStartDialog } from './FirstStartDialog';
import { Shell } from './Shell';

export function App() {
  const route = useRoute();
  const api = useApi();
  const { i18n } = useTranslation();
  const settings = useSettings();
  const agency = useAgency();
  useLiveRefresh();
  // First start: nobody has said who works here yet (the OS account is never used instead).
  const firstStart = settings.data !== undefined && settings.data.settings.reviewerName.trim() === '';

  // The saved interface language wins over the default once settings arrive.
  const savedLanguage = settings.data?.settings.language;
  useEffect(() => {
    if (savedLanguage && savedLanguage !== i18n.language) void i18n.changeLanguage(savedLanguage);
  }, [savedLanguage, i18n]);

  // Application-menu commands (Electron) become navigation.
  useEffect(
    () =>
      api.transport.onMenuCommand((command) => {
        if (command === 'import-files' || command === 'import-folder') navigate({ name: 'import' });
        else navigate({ name: command });
      }),
    [api],
  );

  return (
    <Shell route={route}>
      {route.name === 'library' && <LibraryScreen />}
      {route.name === 'document' && <DocumentScreen key={route.id} id={route.id} page={route.page} />}
      {route.name === 'import' && <ImportScreen />}
      {route.name === 'jobs' && <JobsScreen />}
      {route.name === 'review' && <ReviewScreen />}
      {route.name === 'export' && <ExportScreen />}
      {route.name === 'settings' && <SettingsScreen />}
      {route.name === 'requests' && <RequestsScreen />}
      {route.name === 'request' && <RequestScreen key={route.id} id={route.id} />}
      {route.name === 'consents' && <ConsentsScreen />}
      {route.name === 'statistics' && <StatisticsScreen />}
      {route.name === 'scan' && <ScanScreen />}
      {route.name === 'camera' && <CameraScreen />}
      {firstStart && agency.data ? <FirstStartDialog agency={agency.data} /> : null}
    </Shell>
  );
}
