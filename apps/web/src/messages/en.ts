import type { Messages } from './messages';

export const en: Messages = {
  documentTitle: 'Madoguchi (窓口) | Local government services online',
  skipLink: 'Skip to main content',
  languageLabel: 'Language',
  heading: 'Local government services, online',
  intro:
    'Madoguchi (窓口, “service counter”) is an open-source service that lets you send applications and notifications to your local government from a smartphone or computer, at any time.',
  tenantsHeading: 'Municipalities served',
  tenantsLoading: 'Loading the list of municipalities…',
  tenantsError: 'The list of municipalities could not be loaded. Please wait a moment and try again.',
  tenantsRetry: 'Try again',
  tenantsEmpty: 'No municipalities use this service yet.',
  lgCodeLabel: 'Local government code',
  footerNavLabel: 'More information',
  apiDocs: 'API documentation',
};
