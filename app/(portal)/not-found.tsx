import { StatusMessage } from '@/components/ui/status-message';

/** A record not found (or outside the user's scope) inside the portal: within the layout's <main>. */
export default function PortalNotFound() {
  return <StatusMessage kind="notFound" landmark={false} />;
}
