/** One applicant in a form's select: the carrier, and the venture for a venture programme. */
export const applicantValue = (carrierId: number, ventureId: number | null) => `${carrierId}:${ventureId ?? ''}`;
