/**
 * Procedure fields (lĩnh vực) by name: the source systems send codes (LAND, GENERAL…), pages and
 * files show the name in the reader's language — never the code on a Vietnamese page. A code not
 * listed here is shown as "Lĩnh vực khác (CODE)" / "Other field (CODE)". Pure.
 */
import type { Lang } from "./i18n.js";

export const FIELD_NAMES: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  LAND: { vi: "Đất đai", en: "Land" },
  CONSTRUCTION: { vi: "Xây dựng", en: "Construction" },
  INVESTMENT: { vi: "Đầu tư", en: "Investment" },
  CONDITIONAL_BUSINESS: { vi: "Kinh doanh có điều kiện", en: "Conditional business" },
  ENTERPRISE: { vi: "Thành lập và hoạt động doanh nghiệp", en: "Business registration" },
  JUSTICE: { vi: "Tư pháp", en: "Justice" },
  CIVIL_STATUS: { vi: "Hộ tịch", en: "Civil status" },
  EDUCATION: { vi: "Giáo dục", en: "Education" },
  HEALTH: { vi: "Y tế", en: "Health" },
  LABOUR: { vi: "Lao động", en: "Labour" },
  TRANSPORT: { vi: "Giao thông", en: "Transport" },
  CULTURE: { vi: "Văn hóa", en: "Culture" },
  FINANCE: { vi: "Tài chính", en: "Finance" },
  HOME_AFFAIRS: { vi: "Nội vụ", en: "Home affairs" },
  SOCIAL_PROTECTION: { vi: "Bảo trợ xã hội", en: "Social protection" },
  SCIENCE: { vi: "Khoa học và công nghệ", en: "Science and technology" },
  GENERAL: { vi: "Tổng hợp", en: "General" },
};

const OTHER: Readonly<Record<Lang, (code: string) => string>> = { vi: (c) => `Lĩnh vực khác (${c})`, en: (c) => `Other field (${c})` };

/**
 * A field's name; an unknown code named as such.
 * @example fieldLabel("LAND", "vi") === "Đất đai"
 */
export function fieldLabel(code: string | null | undefined, lang: Lang): string {
  if (!code) return "—";
  return FIELD_NAMES[code]?.[lang] ?? OTHER[lang](code);
}
