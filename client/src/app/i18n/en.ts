import type { Messages } from './zh-CN';

export const en: Messages = {
  app: {
    title: 'Partner Assistance Tracking',
    shortTitle: 'Partner Assistance',
  },
  language: {
    label: '语言 / Language',
    zhCN: '中文',
    en: 'English',
  },
  role: {
    ADMIN: 'Administrator',
    MANAGER: 'Manager',
    OFFICER: 'Program officer',
    COORDINATOR: 'Coordinator',
    VIEWER: 'Viewer',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    regions: 'Regions',
  },
  shell: {
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signOutFailed: 'Sign-out had a problem; the session on this device was cleared.',
    collapseMenu: 'Collapse menu',
    expandMenu: 'Expand menu',
  },
  login: {
    heading: 'Sign in',
    username: 'User name',
    password: 'Password',
    usernameRequired: 'Enter your user name',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errors: {
      invalidCredentials: 'The user name or password is wrong. Please try again.',
      tooManyAttempts: 'Too many failed sign-in attempts. Try again in {{minutes}} min.',
      badInput: 'The user name or password is not in a valid format.',
    },
  },
  auth: {
    checkingSession: 'Checking your session…',
    sessionCheckFailed: 'Could not check your session',
  },
  home: {
    title: 'Home',
    welcome: 'Welcome, {{name}}',
    username: 'User name',
    role: 'Role',
    regionScope: 'Regions in charge',
    allRegions: 'All regions',
    regionsTitle: 'Assisted regions',
  },
  regions: {
    title: 'Assisted regions',
    treeLabel: 'Assisted region hierarchy',
    count: 'Regions: {{total}}',
    empty: 'No regions to show',
    loadFailed: 'Could not load the regions',
    level: {
      PROVINCE: 'Province',
      PREFECTURE: 'Prefecture',
      COUNTY: 'County',
    },
  },
  errors: {
    network: 'Cannot reach the server. Check the network and try again.',
    unexpected: 'Something went wrong. Try again later or contact the administrator.',
    forbidden: 'You are not allowed to do this.',
    retry: 'Retry',
  },
  common: {
    loading: 'Loading…',
  },
  notFound: {
    title: 'Page not found',
    backHome: 'Back to home',
  },
};
