/**
 * What a failed sign-in shows, whatever failed: the reason is in the audit log and the server log, not in
 * the answer, which would otherwise tell someone probing the sign-in which check they tripped.
 */
export const signInFailedPage = `<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Soteatlas</title></head>
<body>
<p lang="fi">Kirjautuminen epäonnistui. <a href="/">Yritä uudelleen</a>.</p>
<p lang="sv">Inloggningen misslyckades. <a href="/">Försök igen</a>.</p>
<p lang="en">Sign-in failed. <a href="/">Try again</a>.</p>
</body></html>
`;
