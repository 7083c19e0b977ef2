/** Words of the login page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface LoginMessages {
  readonly title: string;
  readonly lead: string;
  readonly roleHeading: string;
  readonly signInAs: (name: string) => string;
  readonly expired: string;
  readonly failed: string;
  readonly ttl: (minutes: number) => string;
  readonly signedIn: (name: string) => string;
}

export const loginVi: LoginMessages = {
  title: "Đăng nhập",
  lead: "Môi trường chạy thử trên máy: chọn một người dùng mẫu. Trên hệ thống thật, đăng nhập qua tài khoản của tỉnh.",
  roleHeading: "Vai trò",
  signInAs: (name) => `Đăng nhập với tư cách ${name}`.trimEnd(),
  expired: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
  failed: "Không đăng nhập được. Vui lòng thử lại.",
  ttl: (m) => `Phiên đăng nhập có hiệu lực ${m} phút.`,
  signedIn: (name) => `Đang đăng nhập: ${name}.`,
};

export const loginEn: LoginMessages = {
  title: "Sign in",
  lead: "Local demo runtime: choose a demo user. In production, users sign in with the province's accounts.",
  roleHeading: "Role",
  signInAs: (name) => `Sign in as ${name}`.trimEnd(),
  expired: "Your session has expired. Please sign in again.",
  failed: "Sign-in failed. Please try again.",
  ttl: (m) => `A session lasts ${m} minutes.`,
  signedIn: (name) => `Signed in as ${name}.`,
};
