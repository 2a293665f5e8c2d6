import 'server-only';
import { applications, programs } from '../../schema';

/** What every list of applications shows first: the application and its programme (applications joined with programs). */
export type ApplicationHead = {
  id: number;
  refNo: string;
  programId: number;
  programCode: string;
  programNameZh: string;
  programNameEn: string;
  year: number;
};

export const applicationHeadColumns = {
  id: applications.id,
  refNo: applications.refNo,
  programId: programs.id,
  programCode: programs.code,
  programNameZh: programs.nameZh,
  programNameEn: programs.nameEn,
  year: programs.year,
};

/** Which application, under which programme, by whom: the carrier and, for a venture's application, the venture. */
export const applicantColumns = {
  id: applications.id,
  refNo: applications.refNo,
  programId: applications.programId,
  carrierId: applications.carrierId,
  ventureId: applications.ventureId,
};
