// Validation limits used by the server's schemas and the client's forms alike.
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 40,
  passwordMin: 8,
  passwordMax: 200,
  displayNameMax: 80,
  shortText: 200,
  longText: 5000,
  pageSizeDefault: 20,
  pageSizeMax: 100,
} as const;

export const OFFICE_TIME_ZONE = 'Asia/Shanghai';
