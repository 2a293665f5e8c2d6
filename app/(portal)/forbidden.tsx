import { StatusMessage } from '@/components/ui/status-message';

/** A page of another role inside the portal: within the layout's <main>. */
export default function PortalForbidden() {
  return <StatusMessage kind="forbidden" landmark={false} />;
}
