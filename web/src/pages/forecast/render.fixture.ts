import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nProvider } from '../../i18n/I18nProvider.js';

/** A component's HTML as the app renders it, in Finnish (the language a fresh browser gets). */
export const renderHtml = (element: ReactElement): string =>
  renderToStaticMarkup(createElement(I18nProvider, null, element));

/** The text of the cells of each row of the table with the id, in order. */
export const tableRows = (html: string, id: string): string[][] => {
  const table = new RegExp(`<table id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/[ \t\r\n]+/g, ' ')
        .trim(),
    ),
  );
};
