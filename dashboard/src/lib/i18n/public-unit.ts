/** Words of the publicUnit page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface PublicUnitMessages {
  readonly lead: string;
  readonly notFound: string;
  readonly back: string;
}

export const publicUnitVi: PublicUnitMessages = {
  lead: "Chỉ số tổng hợp công khai của đơn vị trong kỳ. Không có dữ liệu từng hồ sơ.",
  notFound: "Không có đơn vị này trong bảng xếp hạng của kỳ.",
  back: "Về bảng xếp hạng",
};

export const publicUnitEn: PublicUnitMessages = {
  lead: "The unit's public aggregate indicators for the period. No dossier-level data.",
  notFound: "This unit is not in the period's ranking.",
  back: "Back to the rankings",
};
