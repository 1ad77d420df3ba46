/**
 * The reader's language: the dashboard sends its locale as Accept-Language; Simplified Chinese is the
 * default. Errors carry their message in both languages until the response is sent, when this plugin
 * keeps the reader's.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Locale, Text } from '@suiji/domain';
import type { Context } from './context.js';

export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export const localizePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
          const { text, ...extensions } = (error.extensions ?? {}) as { text?: Text };
          return text ? { ...error, message: text[contextValue.locale], extensions } : error;
        });
      },
    };
  },
};
