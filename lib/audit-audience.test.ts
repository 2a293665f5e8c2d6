import { describe, expect, it } from 'vitest';
import {
  ACTION_AUDIENCE,
  actionAudience,
  fieldAudience,
  identityAudience,
  INVOLVED_ACTIONS,
  readerAudience,
  reads,
  redactAuditEntry,
  redactTimelineEvent,
  redactValues,
} from './audit-audience';
import { SECURITY_ACTIONS } from './audit-kinds';
import { applicationSources } from '@/tests/helpers/source-files';

/** Every audit action the code writes: the quoted codes on `action:` lines under db/, lib/ and app/. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const { rel, text } of applicationSources()) {
    // The domain, the audiences themselves and the audit log's presentation (its filter labels) write nothing.
    if (rel.startsWith('lib/domain') || rel.startsWith('lib/server/audit-view/') || rel === 'lib/audit-audience.ts') continue;
    // The workflow's steps are written as `application.<step>` by recordStep.
    const step = /^db\/queries\/subsidies\/(applications|choices|files|funding|reads|review|steps)\.ts$/.test(rel);
    for (const line of text.split('\n')) {
      // What follows `action:` up to the next field: one code, or the codes of a conditional.
      const value = /\baction:\s([^,}]*)/.exec(line)?.[1];
      if (!value) continue;
      for (const m of value.matchAll(/'([a-z][a-zA-Z_]*(?:\.[a-zA-Z_]+)*)'/g)) {
        const code = m[1]!;
        if (code.includes('.') || ['export', 'download'].includes(code)) found.add(code);
        else if (step) found.add(`application.${code}`);
      }
    }
  }
  return found;
}

describe('the audience of audit actions', () => {
  it('has decided about every action the code writes', () => {
    const written = writtenActions();
    // The scan finds the workflow's steps and the reads of the log, so it is looking in the right places.
    for (const a of ['application.review', 'application.approve', 'venture.admit', 'report.file', 'export', 'user.created'])
      expect(written.has(a), a).toBe(true);
    const missing = [...written].filter((a) => !(a in ACTION_AUDIENCE));
    expect(missing, 'actions with no audience in lib/audit-audience.ts').toEqual([]);
  });

  it('keeps reviews, programmes, targets, accounts and every security event from the applicant', () => {
    for (const a of ['application.review', 'programme.create', 'programme.update', 'target.update', 'user.updated', 'notification.read', ...SECURITY_ACTIONS]) {
      expect(actionAudience(a), a).toBe('committee');
      expect(INVOLVED_ACTIONS).not.toContain(a);
    }
  });

  it("lets the applicant read the committee's decisions and their own steps", () => {
    for (const a of [
      'application.submit',
      'application.accept',
      'application.return',
      'application.approve',
      'application.reject',
      'application.pay',
      'application.inspect',
      'graduation.reject',
      'venture.admit',
    ]) {
      expect(actionAudience(a), a).toBe('involved');
      expect(INVOLVED_ACTIONS).toContain(a);
    }
  });

  it('treats an action nobody has decided about as internal', () => {
    expect(actionAudience('application.secondOpinion')).toBe('committee');
    expect(INVOLVED_ACTIONS).not.toContain('application.secondOpinion');
  });
});

describe('the audience of fields', () => {
  it('keeps the reviews and the people of the committee internal whoever wrote the entry', () => {
    for (const f of [
      'review',
      'score',
      'recommendation',
      'recommendedFen',
      'reviewerId',
      'acceptedBy',
      'decidedBy',
      'inspectedBy',
      'verifiedBy',
      'remainingFen',
    ]) {
      expect(fieldAudience(f, 'committee'), f).toBe('committee');
      expect(fieldAudience(f, 'operator'), f).toBe('committee');
    }
  });

  it("lets the applicant read the outcome of the committee's steps", () => {
    for (const f of ['status', 'approvedFen', 'inspectionDueOn', 'paidFen', 'finalFen', 'disbursement', 'actuals', 'rejectionReason']) {
      expect(fieldAudience(f, 'committee'), f).toBe('involved');
    }
  });

  it("keeps an undecided field of a committee member's entry internal, and the operators' own fields open", () => {
    expect(fieldAudience('createdBy', 'committee')).toBe('committee');
    expect(fieldAudience('someNewField', 'committee')).toBe('committee');
    expect(fieldAudience('someNewField', 'admin')).toBe('committee');
    expect(fieldAudience('purpose', 'operator')).toBe('involved');
    expect(fieldAudience('createdBy', 'operator')).toBe('involved');
  });

  it("names only the carrier's operators (and the system) to the applicant", () => {
    expect(identityAudience('operator')).toBe('involved');
    expect(identityAudience(null)).toBe('involved');
    for (const r of ['committee', 'admin', 'security', 'auditor'] as const) expect(identityAudience(r)).toBe('committee');
  });

  it('reads as the committee for every role but the operator', () => {
    expect(readerAudience('operator')).toBe('involved');
    for (const r of ['committee', 'admin', 'security', 'auditor'] as const) expect(readerAudience(r)).toBe('committee');
    expect(reads('committee', 'committee')).toBe(true);
    expect(reads('committee', 'involved')).toBe(true);
    expect(reads('involved', 'involved')).toBe(true);
    expect(reads('involved', 'committee')).toBe(false);
  });
});

describe('redaction', () => {
  const approval = {
    action: 'application.approve',
    role: 'committee' as const,
    userId: 42,
    userName: '王评委',
    ip: '203.0.113.77',
    before: { status: 'reviewed', version: 5 },
    after: { status: 'approved', approvedFen: 1_000_000, inspectionDueOn: '2026-12-31', decidedBy: 42, version: 6, remainingFen: 98_000_000 },
  };

  it("shows an operator the decision without the decider's name, id, address or the budget left", () => {
    const seen = redactAuditEntry(approval, 'involved');
    expect(seen).toMatchObject({ userId: null, userName: null, ip: null, actorHidden: true });
    expect(seen.before).toEqual({ status: 'reviewed', version: 5 });
    expect(seen.after).toEqual({ status: 'approved', approvedFen: 1_000_000, inspectionDueOn: '2026-12-31', version: 6 });
    expect(JSON.stringify(seen)).not.toMatch(/王评委|203\.0\.113\.77|98000000|"decidedBy"|\b42\b/);
  });

  it('shows the committee the whole entry', () => {
    expect(redactAuditEntry(approval, 'committee')).toEqual({ ...approval, actorHidden: false });
  });

  it("keeps an operator's own entry whole for the operators", () => {
    const own = {
      action: 'application.submit',
      role: 'operator' as const,
      userId: 7,
      userName: '张运营',
      ip: '198.51.100.9',
      before: { status: 'draft' },
      after: { status: 'submitted', purpose: '房租' },
    };
    expect(redactAuditEntry(own, 'involved')).toEqual({ ...own, actorHidden: false });
  });

  it("tells the earlier carrier that its venture was admitted elsewhere without naming the other carrier's operator", () => {
    const notice = {
      action: 'venture.admitted_elsewhere',
      role: 'operator' as const,
      userId: 9,
      userName: '李另园',
      ip: '198.51.100.20',
      before: null,
      after: { enteredOn: '2026-11-02' },
    };
    const seen = redactAuditEntry(notice, 'involved');
    expect(seen).toMatchObject({ userId: null, userName: null, ip: null, actorHidden: true, after: { enteredOn: '2026-11-02' } });
  });

  it('empties a review entry that reaches an operator anyway', () => {
    const review = {
      ...approval,
      action: 'application.review',
      after: { status: 'reviewed', review: { id: 1, score: 91, recommendation: 'fund', recommendedFen: 800_000 } },
    };
    const seen = redactAuditEntry(review, 'involved');
    expect(seen).toMatchObject({ userName: null, ip: null, before: null, after: null });
    expect(JSON.stringify(seen)).not.toMatch(/91|fund|800000/);
  });

  it('leaves out the nested review of an entry and keeps payments', () => {
    expect(redactValues({ status: 'paid', review: { score: 90 }, disbursement: { amountFen: 5, voucherNo: 'V-1' } }, 'committee', 'involved')).toEqual({
      status: 'paid',
      disbursement: { amountFen: 5, voucherNo: 'V-1' },
    });
    expect(redactValues(null, 'committee', 'involved')).toBeNull();
    expect(redactValues('text', 'committee', 'involved')).toBeNull();
    expect(redactValues('text', 'operator', 'involved')).toBe('text');
  });

  it("names the operator in the timeline and not the committee's staff", () => {
    expect(redactTimelineEvent({ actorName: '张运营', actorRole: 'operator' }, 'involved').actorName).toBe('张运营');
    expect(redactTimelineEvent({ actorName: '王评委', actorRole: 'committee' }, 'involved').actorName).toBeNull();
    expect(redactTimelineEvent({ actorName: '王评委', actorRole: 'committee' }, 'committee').actorName).toBe('王评委');
  });
});
