/** The message files under messages/<locale>/, one per area. */
export const MESSAGE_FILES = ['core', 'validation', 'residency', 'reports', 'carriers', 'transfer', 'ventures', 'graduation', 'dashboard', 'subsidies', 'applications', 'review', 'statistics', 'network-dashboard', 'committee-carriers', 'accounts', 'audit', 'administrators', 'sign-in', 'sessions', 'two-factor', 'ownership'] as const;
