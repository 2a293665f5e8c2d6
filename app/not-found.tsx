import { StatusMessage } from '@/components/ui/status-message';

/** An address that matches no page: outside any layout's landmark, so this page gives the <main>. */
export default function NotFound() {
  return <StatusMessage kind="notFound" landmark />;
}
