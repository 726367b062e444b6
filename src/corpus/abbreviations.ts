/**
 * Word lists the sentence splitter consults when a token ends in a period.
 *
 * Entries are written without their final period and matched case-sensitively,
 * because case is the evidence: "Mar." is a month, "mar." is not an abbreviation.
 *
 * Deliberately absent: "etc." It is followed by lower-case text or a comma when a
 * sentence goes on, so a capital after it means a new sentence, which is exactly
 * how an ordinary word ending in a period is treated.
 */

/**
 * Abbreviations that introduce the word after them and so never end a sentence:
 * titles before a name, "vs." and "e.g." before the next item.
 */
export const PREFIX_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Civil titles.
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mme', 'Mlle', 'Dr', 'Drs', 'Prof', 'Profs',
  'Rev', 'Fr', 'Msgr', 'Hon', 'Amb', 'Atty', 'Supt', 'Det', 'Insp', 'Pres',
  // Political titles.
  'Gov', 'Govs', 'Sen', 'Sens', 'Rep', 'Reps', 'Sec', 'Ald',
  // Military ranks.
  'Gen', 'Gens', 'Lt', 'Col', 'Capt', 'Cpt', 'Sgt', 'Maj', 'Adm', 'Cmdr', 'Cdr',
  'Brig', 'Cpl', 'Pvt', 'Pfc', 'Spc',
  // Place prefixes: "Mt. Everest", "Ft. Worth".
  'Mt', 'Ft',
  // Connectives that always have something after them.
  'vs', 'v', 'e.g', 'i.e', 'cf', 'viz', 'a.k.a',
]);

/**
 * Abbreviations that may or may not end a sentence. One of these ends a sentence
 * only when the next word is a typical sentence opener (see SENTENCE_STARTERS):
 * "Apple Inc. The company said" splits, "Martin Luther King Jr. Day" does not.
 * Dotted initialisms (U.S., a.m.) and single capital initials (F.) are treated the
 * same way without being listed; the common ones are listed anyway as documentation.
 */
export const AMBIGUOUS_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Name and company suffixes.
  'Jr', 'Sr', 'Inc', 'Corp', 'Ltd', 'Co', 'Cos', 'Bros', 'Intl', 'Assn', 'Dept', 'Univ',
  // "et al."
  'al',
  // Streets; "St." is also "Saint", which comes before a name.
  'St', 'Ave', 'Blvd', 'Rd',
  // Months as AP abbreviates them before a day: "Sept. 11", "Jan. 20".
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  // US states as AP abbreviates them after a city: "Tampa, Fla."
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind',
  'Kan', 'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev',
  'Okla', 'Ore', 'Pa', 'Tenn', 'Vt', 'Va', 'Wash', 'Wis', 'Wyo',
  // Initialisms, also caught by their shape.
  'U.S', 'U.K', 'U.N', 'E.U', 'D.C', 'N.Y', 'a.m', 'p.m', 'A.M', 'P.M',
]);

/**
 * Abbreviations used before a number ("No. 1", "Fig. 3", "6 ft. 2 in."). They do
 * not end a sentence before a digit; before anything else they are ordinary words,
 * since "No." is also the word "no".
 */
export const NUMBERING_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'No', 'no', 'Nos', 'nos', 'Fig', 'Figs', 'fig', 'Vol', 'vol', 'Art', 'art', 'Ch', 'ch',
  'p', 'pp', 'para', 'Para', 'approx', 'ca', 'Apt', 'Ste', 'Rm', 'Rte', 'Hwy',
  'ft', 'lb', 'lbs', 'oz', 'mi', 'yd', 'sq',
]);

/**
 * Capitalised words that typically open a sentence and are unlikely to be part of
 * a name. After an ambiguous abbreviation ("...sanctions on the U.S. The Kremlin
 * said") they mark a new sentence. Left out on purpose because they continue a
 * name or title: Under (Under Secretary), First (First Lady), Acting, New, May,
 * Will, and No (the U.S. No. 2 diplomat).
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  // Articles, demonstratives, pronouns and possessives.
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'There', 'Here',
  'I', 'It', 'Its', 'He', 'His', 'Him', 'She', 'Her', 'They', 'Their', 'Them',
  'We', 'Our', 'You', 'Your', 'My', 'Mr', 'Mrs', 'Ms',
  // Conjunctions and sentence adverbs.
  'But', 'And', 'Or', 'Nor', 'So', 'Yet', 'If', 'When', 'Whenever', 'While', 'Where',
  'Whether', 'Although', 'Though', 'Because', 'Since', 'Until', 'Once', 'Unless',
  'However', 'Meanwhile', 'Moreover', 'Furthermore', 'Nevertheless', 'Nonetheless',
  'Instead', 'Still', 'Also', 'Then', 'Thus', 'Therefore', 'Indeed', 'Even', 'Only',
  'Separately', 'Overall', 'Finally', 'According',
  // Prepositions that open a sentence with a phrase.
  'As', 'At', 'In', 'On', 'Of', 'To', 'By', 'For', 'With', 'Without', 'From', 'Into',
  'About', 'After', 'Before', 'During', 'Despite', 'Among', 'Amid', 'Against',
  'Through', 'Throughout', 'Following', 'Unlike', 'Over',
  // Question words and auxiliaries.
  'What', 'Which', 'Who', 'Whom', 'Whose', 'Why', 'How',
  'Is', 'Are', 'Was', 'Were', 'Do', 'Does', 'Did', 'Has', 'Have', 'Had',
  'Can', 'Could', 'Would', 'Should', 'Shall', 'Must', 'Let', 'Yes',
  // Time and quantity openers.
  'Now', 'Today', 'Yesterday', 'Tomorrow', 'Tonight', 'Earlier', 'Later', 'Last', 'Next',
  'Former', 'Some', 'Many', 'Most', 'Much', 'All', 'Any', 'Both', 'Each', 'Every',
  'Few', 'Several', 'Such', 'Other', 'Others', 'Another', 'None', 'Neither', 'Either',
  'Not', 'One',
]);
