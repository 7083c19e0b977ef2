/**
 * Home Affairs' marks of improper returns in the demo (issue 20, item 6; seed/README.md, planted
 * patterns): the returns the generator decided were improper (`DossierSummary.improperReturn`) are
 * marked once their month is over — an inspection concludes after the fact — by a decision of
 * Home Affairs dated the 10th of the following month. Returns of the running month, and those
 * whose decision would fall after the generation day, stay unmarked (as they would be in life).
 */
import type { ImproperReturnMarkInput } from "@scorecard/shared/contracts/admin-requests";
import { localDateOf } from "@scorecard/shared";
import type { DossierSummary } from "./catalog.js";

export interface DemoImproperReturnMark {
  readonly caseId: string;
  readonly input: ImproperReturnMarkInput;
}

const nextMonthTenth = (date: string) => {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return `${next}-10`;
};

/** The marks the demo enters for the improper returns of `dossiers`, as of `now` (deterministic, in dossier order). */
export function demoImproperReturnMarks(dossiers: readonly DossierSummary[], now: Date): DemoImproperReturnMark[] {
  const today = localDateOf(now);
  const out: DemoImproperReturnMark[] = [];
  for (const d of dossiers) {
    const r = d.improperReturn;
    if (r === undefined) continue;
    const decisionDate = nextMonthTenth(localDateOf(r.returnedAt));
    if (decisionDate >= today) continue;
    out.push({
      caseId: d.caseId,
      input: {
        unitId: r.unitId,
        basis: {
          kind: "HOME_AFFAIRS_DECISION",
          decisionNumber: `${out.length + 1}/KL-SNV`,
          decisionDate,
          evidence: "Kết luận kiểm tra trách nhiệm công vụ: hồ sơ đủ thành phần, hợp lệ khi bị trả lại (dữ liệu mẫu)",
        },
        note: "Dữ liệu mẫu / demo data",
      },
    });
  }
  return out;
}
