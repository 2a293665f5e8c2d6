import { StatusMessage } from '@/components/ui/status-message';

export default function Forbidden() {
  return <StatusMessage kind="forbidden" landmark />;
}
