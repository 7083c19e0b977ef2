/** Words of the login page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */
import type { SignInErrorCode } from "../auth/oidc-flow.js";

export interface LoginMessages {
  readonly title: string;
  readonly lead: string;
  readonly roleHeading: string;
  readonly signInAs: (name: string) => string;
  readonly expired: string;
  readonly failed: string;
  readonly ttl: (minutes: number) => string;
  readonly signedIn: (name: string) => string;
  // Sign-in through the province's OpenID provider (Cognito's hosted UI) and its callback.
  readonly oidcLead: string;
  readonly oidcButton: string;
  readonly redirecting: string;
  readonly unavailable: string;
  readonly reload: string;
  readonly signingIn: string;
  readonly callbackFailed: string;
  readonly callbackErrors: Readonly<Record<SignInErrorCode, string>>;
  readonly errorDetail: (text: string) => string;
  readonly tryAgain: string;
  readonly backToRankings: string;
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
  oidcLead: "Cán bộ, công chức đăng nhập bằng tài khoản do tỉnh cấp. Người dân không cần đăng nhập để xem bảng xếp hạng.",
  oidcButton: "Đăng nhập bằng tài khoản của tỉnh",
  redirecting: "Đang chuyển đến trang đăng nhập…",
  unavailable: "Chưa đọc được cấu hình đăng nhập của trang. Vui lòng tải lại trang sau ít phút.",
  reload: "Tải lại trang",
  signingIn: "Đang đăng nhập…",
  callbackFailed: "Không đăng nhập được",
  callbackErrors: {
    access_denied: "Yêu cầu đăng nhập bị từ chối: bạn đã không đồng ý, hoặc tài khoản này không được phép dùng trang.",
    state_mismatch:
      "Phản hồi đăng nhập không khớp với lần đăng nhập bắt đầu từ thẻ này (có thể bắt đầu từ thẻ khác hoặc đã quá lâu). Để an toàn, phản hồi này đã bị bỏ qua.",
    no_pending: "Không có lần đăng nhập nào đang chờ trong thẻ này (trang có thể đã được tải lại).",
    no_role: "Tài khoản chưa được gán vai trò trên trang (lãnh đạo UBND tỉnh, Sở Nội vụ hoặc cán bộ đơn vị). Vui lòng liên hệ Sở Nội vụ.",
    provider: "Máy chủ đăng nhập từ chối yêu cầu.",
    network: "Không kết nối được máy chủ đăng nhập. Vui lòng kiểm tra mạng rồi thử lại.",
  },
  errorDetail: (text) => `Chi tiết: ${text}`,
  tryAgain: "Thử đăng nhập lại",
  backToRankings: "Về trang xếp hạng",
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
  oidcLead: "Staff sign in with the account the province issued them. The public needs no account to see the rankings.",
  oidcButton: "Sign in with your province account",
  redirecting: "Taking you to the sign-in page…",
  unavailable: "The site's sign-in settings could not be read. Please reload the page in a few minutes.",
  reload: "Reload the page",
  signingIn: "Signing you in…",
  callbackFailed: "Sign-in did not complete",
  callbackErrors: {
    access_denied: "The sign-in was refused: you declined, or this account may not use the dashboard.",
    state_mismatch:
      "The sign-in response does not match the sign-in started in this tab (it may have been started in another tab, or long ago). For safety it was ignored.",
    no_pending: "No sign-in is waiting in this tab (the page may have been reloaded).",
    no_role: "This account has no role on the dashboard (provincial leadership, Home Affairs or unit officer). Please contact the Department of Home Affairs.",
    provider: "The sign-in server refused the request.",
    network: "The sign-in server could not be reached. Please check the connection and try again.",
  },
  errorDetail: (text) => `Details: ${text}`,
  tryAgain: "Try signing in again",
  backToRankings: "Back to the rankings",
};
