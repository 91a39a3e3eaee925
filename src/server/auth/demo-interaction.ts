import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { DemoUser } from '../../model/index.js';

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The demo provider's sign-in page: a button per user, the one the app asked for (login_hint) first. */
export const demoSignInPage = (uid: string, users: readonly DemoUser[], hint: unknown): string => {
  const ordered = [...users].sort((a, b) => Number(b.id === hint) - Number(a.id === hint));
  const buttons = ordered
    .map(
      (user, i) =>
        `<li><button name="user" value="${escapeHtml(user.id)}"${i === 0 && user.id === hint ? ' autofocus' : ''}>${escapeHtml(user.name)}</button> ${escapeHtml(user.roles.join(', '))}${user.producerCode ? ` (${escapeHtml(user.producerCode)})` : ''}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Soteatlas demo sign-in</title></head>
<body>
<h1>Soteatlas demo sign-in</h1>
<p>A demo identity provider: choose whom to sign in as. No password.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}"><ul>
${buttons}
</ul></form>
</body></html>
`;
};

const formOf = async (request: IncomingMessage): Promise<URLSearchParams> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

/** `GET /interaction/:uid` shows the page; `POST` signs in the user whose button was pressed. */
export const demoInteraction = async (
  provider: Provider,
  users: readonly DemoUser[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const details = await provider.interactionDetails(request, response);
  if (request.method === 'POST') {
    const id = (await formOf(request)).get('user');
    const user = users.find((u) => u.id === id);
    if (!user) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No such demo user.');
      return;
    }
    await provider.interactionFinished(request, response, { login: { accountId: user.id } });
    return;
  }
  response
    .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(demoSignInPage(details.uid, users, details.params.login_hint));
};
