/**
 * Words too common to tell sentences apart. Dropping them from questions is what keeps
 * "What did the U.S. say?" from scoring every sentence that contains "the" or "what";
 * dropping them from the index keeps it small. Apostrophes are removed before lookup
 * ("didn't" -> "didnt"). Only ever applied to folded, unstemmed words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are arent as at be because been
  before being below between both but by can cant cannot could couldnt did didnt do does doesnt
  doing dont down during each either few for from further had hadnt has hasnt have havent having
  he hed hell hes her here heres hers herself him himself his how hows i id ill im ive if in into
  is isnt it its itself just lets many me more most much mustnt my myself no nor not of off on once only or
  other ought our ours ourselves out over own same shant she shed shell shes should shouldnt so
  some such than that thats the their theirs them themselves then there theres these they theyd
  theyll theyre theyve this those through to too under until up upon us very was wasnt we wed well
  were weve werent what whats when whens where wheres whether which while who whos whom why whys
  whose will with wont would wouldnt you youd youll youre youve your yours yourself yourselves
  s t d ll m re ve
  `
    .split(/\s+/u)
    .filter((word) => word !== ''),
);

/**
 * Words that frame a question rather than say what it is about ("tell me what the article
 * says about ..."). Dropped from questions only: in an article they can carry meaning.
 */
export const QUESTION_FRAME_WORDS: ReadonlySet<string> = new Set(
  `according actually anything article articles basically bot exactly hey please really something mention mentioned mentions`
    .split(/\s+/u)
    .filter((word) => word !== ''),
);
