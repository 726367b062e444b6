/**
 * Words people type in chat for longer ones ("ppl", "govt"), and chat filler that says nothing
 * about what is asked ("lol", "rn", "tho"). Questions only: articles are not written like this.
 * Our own list. An empty expansion drops the word.
 */
const EXPANSIONS = `
ppl:people ppls:people peeps:people govt:government govts:governments gov:government prez:president
dept:department intl:international natl:national approx:approximately info:information pics:pictures
vid:video vids:videos mins:minutes hrs:hours yrs:years yr:year wk:week wks:weeks
aussie:australian aussies:australian brit:british brits:british yank:american yanks:american
ref:referee refs:referees reffed:refereed reffing:refereeing
wat:what wut:what wot:what u:you ur:your r:are y:why b4:before bc:because cuz:because coz:because
abt:about thru:through tho: rn: lol: lmao: lmfao: rofl: omg: wtf: idk: imo: imho: tbh: ngl: smh:
btw: fyi: pls: plz: thx: ty: ya: yeah: yep: nah: ok: okay: kinda: sorta: gonna: wanna: gotta: dunno:
`;

export const CHAT_WORDS: ReadonlyMap<string, string> = new Map(
  EXPANSIONS.trim()
    .split(/\s+/u)
    .map((entry): [string, string] => {
      const [word = '', expansion = ''] = entry.split(':');
      return [word, expansion];
    }),
);
