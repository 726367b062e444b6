/**
 * Irregular English verb forms mapped to their base form, which the Porter stemmer cannot
 * do ("said" and "say" stem differently). News questions and sentences disagree on tense
 * all the time: "What did Trump say?" is answered by "Trump said ...". Also the few regular verbs
 * the stemmer splits ("died" stems to "di" but "die" to "die").
 */
const FORMS = `
say:said tell:told speak:spoke,spoken meet:met take:took,taken give:gave,given make:made
hold:held go:went,gone come:came run:ran win:won lose:lost begin:began,begun leave:left
lead:led pay:paid send:sent bring:brought think:thought buy:bought build:built fight:fought
catch:caught sell:sold find:found keep:kept know:knew,known write:wrote,written
choose:chose,chosen rise:rose,risen fall:fell,fallen break:broke,broken drive:drove,driven
become:became grow:grew,grown throw:threw,thrown strike:struck shoot:shot stand:stood
understand:understood seek:sought teach:taught feel:felt hear:heard mean:meant see:saw,seen
fly:flew,flown draw:drew,drawn eat:ate,eaten spend:spent lend:lent deal:dealt feed:fed
flee:fled hang:hung lay:laid withdraw:withdrew,withdrawn beat:beaten bind:bound dig:dug
forget:forgot,forgotten freeze:froze,frozen hide:hid,hidden ride:rode,ridden ring:rang,rung
sing:sang,sung sink:sank,sunk slide:slid spin:spun steal:stole,stolen stick:stuck
sweep:swept swear:swore,sworn tear:tore,torn wake:woke,woken weave:wove,woven wear:wore,worn
sleep:slept light:lit bear:bore,borne forbid:forbade,forbidden overcome:overcame
undertake:undertook,undertaken arise:arose,arisen shake:shook,shaken awake:awoke
die:died,dies,dying tie:tied,ties,tying lie:lied,lies,lying vie:vied,vies,vying
`;

export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  FORMS.trim()
    .split(/\s+/u)
    .flatMap((entry) => {
      const [base = '', forms = ''] = entry.split(':');
      return forms.split(',').map((form): [string, string] => [form, base]);
    }),
);
