import type { MapItemDescription } from './selection.js';

/** Popup content built as text nodes: names come from imported files and must never be parsed as HTML. */
export const popupContent = ({ title, detail }: MapItemDescription): HTMLElement => {
  const root = document.createElement('div');
  root.className = 'map-popup';
  const heading = document.createElement('strong');
  heading.textContent = title;
  const body = document.createElement('p');
  body.textContent = detail;
  root.append(heading, body);
  return root;
};
