// Source of truth for the key set: en.ts is typed against this object.
export const zhCN = {
  app: {
    title: '对口支援项目管理系统',
    shortTitle: '对口支援',
  },
  language: {
    label: '语言 / Language',
    zhCN: '中文',
    en: 'English',
  },
  role: {
    ADMIN: '管理员',
    MANAGER: '资金管理员',
    OFFICER: '项目专员',
    COORDINATOR: '联络协调员',
    VIEWER: '只读用户（领导/审计）',
  },
  nav: {
    label: '主导航',
    home: '首页',
    regions: '受援地区',
  },
  shell: {
    signedInAs: '当前用户',
    signOut: '退出登录',
    signOutFailed: '退出时出现问题，本机会话已清除。',
    collapseMenu: '收起菜单',
    expandMenu: '展开菜单',
  },
  login: {
    heading: '登录',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    errors: {
      invalidCredentials: '用户名或密码错误，请重新输入。',
      tooManyAttempts: '登录失败次数过多，请在 {{minutes}} 分钟后再试。',
      badInput: '用户名或密码格式不正确。',
    },
  },
  auth: {
    checkingSession: '正在验证登录状态…',
    sessionCheckFailed: '无法验证登录状态',
  },
  home: {
    title: '首页',
    welcome: '欢迎，{{name}}',
    username: '用户名',
    role: '角色',
    regionScope: '负责地区',
    allRegions: '全部地区',
    regionsTitle: '受援地区',
  },
  regions: {
    title: '受援地区',
    treeLabel: '受援地区层级',
    count: '共 {{total}} 个地区',
    empty: '暂无可查看的地区',
    loadFailed: '地区列表加载失败',
    level: {
      PROVINCE: '省',
      PREFECTURE: '地州市',
      COUNTY: '县',
    },
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    unexpected: '系统出现错误，请稍后重试或联系管理员。',
    forbidden: '您没有执行此操作的权限。',
    retry: '重试',
  },
  common: {
    loading: '加载中…',
  },
  notFound: {
    title: '页面不存在',
    backHome: '返回首页',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
// Same keys as zhCN, any string values: a missing or extra key in another language is a type error.
export type Messages = Widen<typeof zhCN>;
