/*
 * The quantity recognizer's linguistic knowledge, as data.
 *
 * To teach recount a new word, add a line to the right table: nothing else
 * changes.  Phrases are lower case, words separated by single spaces, and
 * are matched against the text's words case-insensitively (hyphens and
 * punctuation in the text are words of their own, so "upwards of" matches
 * "upwards  of" and ">=" matches "> =").  Where two phrases start at the
 * same word the longest wins.  docs/quantities.md explains every table.
 */
#include "extract/quantity-priv.h"

const rc__word_value rc__q_numbers[] = {
	{"zero", 0}, {"nought", 0}, {"naught", 0}, {"nil", 0},
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
	{"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10},
	{"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14},
	{"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
	{"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40},
	{"fourty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70},
	{"eighty", 80}, {"ninety", 90},
	{NULL, 0}
};

/* Scale words multiply what comes before them ("two hundred", "1.5
 * million"); alone after "a" they count one ("a hundred", "a dozen"). */
const rc__word_value rc__q_scales[] = {
	{"dozen", 12}, {"dozens", 12}, {"hundred", 100}, {"hundreds", 100},
	{"thousand", 1e3}, {"thousands", 1e3}, {"lakh", 1e5}, {"lakhs", 1e5},
	{"million", 1e6}, {"millions", 1e6}, {"crore", 1e7}, {"crores", 1e7},
	{"billion", 1e9}, {"billions", 1e9}, {"trillion", 1e12}, {"trillions", 1e12},
	/* abbreviations written apart from the number: "1.5 bn", "10 mln" */
	{"mn", 1e6}, {"mln", 1e6}, {"bn", 1e9}, {"bln", 1e9}, {"tn", 1e12}, {"tln", 1e12},
	{"dz", 12}, {"dzs", 12}, {"doz", 12}, {"dozs", 12},
	{NULL, 0}
};

/* Letters glued to digits that scale them: "10k", "1.2bn", "10M".  A
 * lower-case "m" or "b" scales only a decimal ("2.3m") or money ("$5m"):
 * "a 10m wall" is ten metres (see the units table). */
const rc__word_value rc__q_suffixes[] = {
	{"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"m", 1e6}, {"mn", 1e6}, {"mln", 1e6},
	{"mil", 1e6}, {"MM", 1e6}, {"mm", 1e6}, {"B", 1e9}, {"b", 1e9}, {"bn", 1e9},
	{"bln", 1e9}, {"tn", 1e12}, {"tln", 1e12},
	{NULL, 0}
};

const rc__word_value rc__q_ordinals[] = {
	{"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
	{"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10},
	{"eleventh", 11}, {"twelfth", 12}, {"thirteenth", 13}, {"fourteenth", 14},
	{"fifteenth", 15}, {"sixteenth", 16}, {"seventeenth", 17},
	{"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
	{"thirtieth", 30}, {"fortieth", 40}, {"fiftieth", 50}, {"sixtieth", 60},
	{"seventieth", 70}, {"eightieth", 80}, {"ninetieth", 90},
	{"hundredth", 100}, {"thousandth", 1e3}, {"millionth", 1e6},
	{NULL, 0}
};

/* Month names; matched only when capitalised ("May 4", not "may 4"). */
const rc__word_value rc__q_months[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
	{"june", 6}, {"july", 7}, {"august", 8}, {"september", 9},
	{"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
	{"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
	{NULL, 0}
};

/*
 * Qualifiers before a number.  Strict comparisons are exact statements
 * ("over 90" is (90, inf)); the approximate ones keep the figure and set
 * approx, and rc_interval_widen() alone decides how far they reach.
 */
const rc__qualifier rc__q_prefix[] = {
	/* more than n: (n, inf) */
	{"over", RC_B_GT, NULL}, {"more than", RC_B_GT, NULL}, {"above", RC_B_GT, NULL},
	{"in excess of", RC_B_GT, NULL}, {"exceeding", RC_B_GT, NULL},
	{"exceeded", RC_B_GT, NULL}, {"exceeds", RC_B_GT, NULL},
	{"surpassing", RC_B_GT, NULL}, {"surpassed", RC_B_GT, NULL}, {"surpass", RC_B_GT, NULL},
	{"exceed", RC_B_GT, NULL}, {"topped", RC_B_GT, NULL},
	/* level verbs: "the toll tops 350", "passed 40", "rose past 500" */
	{"tops", RC_B_GT, NULL}, {"topping", RC_B_GT, NULL}, {"surpasses", RC_B_GT, NULL},
	{"passes", RC_B_GT, NULL}, {"passed", RC_B_GT, NULL}, {"passing", RC_B_GT, NULL},
	{"past", RC_B_GT, NULL},
	{"upwards of", RC_B_GT, NULL}, {"upward of", RC_B_GT, NULL},
	{"well over", RC_B_GT, NULL}, {"well above", RC_B_GT, NULL},
	{"far more than", RC_B_GT, NULL}, {"many more than", RC_B_GT, NULL},
	{"greater than", RC_B_GT, NULL}, {"higher than", RC_B_GT, NULL},
	{"larger than", RC_B_GT, NULL}, {"bigger than", RC_B_GT, NULL},
	{">", RC_B_GT, NULL},
	/* at least n: [n, inf) */
	{"at least", RC_B_GE, NULL}, {"at the very least", RC_B_GE, "at least"},
	{"no fewer than", RC_B_GE, NULL}, {"no less than", RC_B_GE, NULL},
	{"not fewer than", RC_B_GE, NULL}, {"not less than", RC_B_GE, NULL},
	{"a minimum of", RC_B_GE, NULL}, {"minimum of", RC_B_GE, NULL},
	{"at least or equal to", RC_B_GE, NULL},
	{"greater than or equal to", RC_B_GE, NULL}, {"more than or equal to", RC_B_GE, NULL},
	{"equal to or more than", RC_B_GE, NULL}, {"equal to or greater than", RC_B_GE, NULL},
	{"greater or equal than", RC_B_GE, NULL}, {"higher or equal than", RC_B_GE, NULL},
	{"bigger or equal than", RC_B_GE, NULL}, {"larger or equal than", RC_B_GE, NULL},
	{"more or equal than", RC_B_GE, NULL},
	{"> =", RC_B_GE, ">="}, {"\xe2\x89\xa5", RC_B_GE, ">="},
	/* fewer than n: (-inf, n) */
	{"fewer than", RC_B_LT, NULL}, {"less than", RC_B_LT, NULL}, {"under", RC_B_LT, NULL},
	{"below", RC_B_LT, NULL}, {"lower than", RC_B_LT, NULL}, {"smaller than", RC_B_LT, NULL},
	{"well under", RC_B_LT, NULL}, {"well below", RC_B_LT, NULL},
	{"far fewer than", RC_B_LT, NULL}, {"far less than", RC_B_LT, NULL},
	{"<", RC_B_LT, NULL},
	/* at most n: (-inf, n] */
	{"up to", RC_B_LE, NULL}, {"as many as", RC_B_LE, NULL}, {"as much as", RC_B_LE, NULL},
	{"at most", RC_B_LE, NULL}, {"no more than", RC_B_LE, NULL},
	{"not more than", RC_B_LE, NULL}, {"a maximum of", RC_B_LE, NULL},
	{"maximum of", RC_B_LE, NULL}, {"at the most", RC_B_LE, "at most"},
	{"less than or equal to", RC_B_LE, NULL}, {"fewer than or equal to", RC_B_LE, NULL},
	{"equal to or less than", RC_B_LE, NULL}, {"equal to or fewer than", RC_B_LE, NULL},
	{"less or equal than", RC_B_LE, NULL}, {"smaller or equal than", RC_B_LE, NULL},
	{"lower or equal than", RC_B_LE, NULL},
	{"< =", RC_B_LE, "<="}, {"\xe2\x89\xa4", RC_B_LE, "<="},
	/* exactly n */
	{"exactly", RC_B_EXACT, NULL}, {"precisely", RC_B_EXACT, NULL},
	{"equal to", RC_B_EXACT, NULL}, {"equals", RC_B_EXACT, NULL},
	{"equals to", RC_B_EXACT, NULL}, {"equaling", RC_B_EXACT, NULL},
	{"equaling to", RC_B_EXACT, NULL}, {"equalling", RC_B_EXACT, NULL},
	{"equalling to", RC_B_EXACT, NULL}, {"a total of", RC_B_EXACT, NULL},
	/* about n: n, approximate */
	{"about", RC_B_APPROX, NULL}, {"around", RC_B_APPROX, NULL},
	{"approximately", RC_B_APPROX, NULL}, {"approx", RC_B_APPROX, "approximately"},
	{"roughly", RC_B_APPROX, NULL}, {"some", RC_B_APPROX, NULL},
	{"an estimated", RC_B_APPROX, NULL}, {"estimated", RC_B_APPROX, NULL},
	{"an approximate", RC_B_APPROX, NULL}, {"circa", RC_B_APPROX, NULL},
	{"ca", RC_B_APPROX, "circa"}, {"c", RC_B_APPROX, "circa"},
	{"in the region of", RC_B_APPROX, NULL}, {"on the order of", RC_B_APPROX, NULL},
	{"in the order of", RC_B_APPROX, NULL}, {"upward of about", RC_B_APPROX, NULL},
	{"~", RC_B_APPROX, NULL}, {"\xe2\x89\x88", RC_B_APPROX, "~"},
	/* nearly n: just under n, approximate */
	{"nearly", RC_B_APPROX_LT, NULL}, {"almost", RC_B_APPROX_LT, NULL},
	{"just under", RC_B_APPROX_LT, NULL}, {"just below", RC_B_APPROX_LT, NULL},
	{"just shy of", RC_B_APPROX_LT, NULL}, {"close to", RC_B_APPROX_LT, NULL},
	{"approaching", RC_B_APPROX_LT, NULL}, {"not quite", RC_B_APPROX_LT, NULL},
	{"a little under", RC_B_APPROX_LT, NULL}, {"slightly fewer than", RC_B_APPROX_LT, NULL},
	{"slightly less than", RC_B_APPROX_LT, NULL}, {"just fewer than", RC_B_APPROX_LT, NULL},
	{"just less than", RC_B_APPROX_LT, NULL}, {"nigh on", RC_B_APPROX_LT, NULL},
	/* just over n: a little more than n, approximate */
	{"just over", RC_B_APPROX_GT, NULL}, {"just above", RC_B_APPROX_GT, NULL},
	{"just more than", RC_B_APPROX_GT, NULL}, {"slightly more than", RC_B_APPROX_GT, NULL},
	{"slightly over", RC_B_APPROX_GT, NULL}, {"a little over", RC_B_APPROX_GT, NULL},
	{"a little more than", RC_B_APPROX_GT, NULL},
	/* ranges */
	{"between", RC_B_RANGE, NULL}, {"from", RC_B_RANGE, NULL},
	{NULL, 0, NULL}
};

/* Qualifiers after a number: "100 or more", "40-plus", "100+", "50 or so". */
const rc__qualifier rc__q_postfix[] = {
	{"or more", RC_B_GE, NULL}, {"or greater", RC_B_GE, NULL}, {"or above", RC_B_GE, NULL},
	{"or higher", RC_B_GE, NULL}, {"or over", RC_B_GE, NULL}, {"and more", RC_B_GE, NULL},
	{"and above", RC_B_GE, NULL}, {"and over", RC_B_GE, NULL}, {"or more than", RC_B_GE, "or more"},
	{"or greater than", RC_B_GE, "or greater"},
	{"plus", RC_B_GE, NULL}, {"- plus", RC_B_GE, "plus"}, {"+", RC_B_GE, NULL},
	{"or fewer", RC_B_LE, NULL}, {"or less", RC_B_LE, NULL}, {"or below", RC_B_LE, NULL},
	{"or under", RC_B_LE, NULL}, {"or lower", RC_B_LE, NULL}, {"and under", RC_B_LE, NULL},
	{"and below", RC_B_LE, NULL}, {"or fewer than", RC_B_LE, "or fewer"},
	{"or less than", RC_B_LE, "or less"},
	{"or so", RC_B_APPROX, NULL}, {"or thereabouts", RC_B_APPROX, NULL},
	{"more or less", RC_B_APPROX, NULL}, {"give or take", RC_B_APPROX, NULL},
	{"odd", RC_B_APPROX_GE, NULL}, {"- odd", RC_B_APPROX_GE, "odd"},
	{"or equal", RC_B_OR_EQUAL, NULL}, {"or equal to", RC_B_OR_EQUAL, NULL},
	{NULL, 0, NULL}
};

/*
 * Vague terms and their default intervals (hi < 0: no upper bound).  The
 * lower bound is the least the words can mean (two dozen for "dozens").
 * Plural scale words ("dozens", "hundreds", "thousands of") have no upper
 * bound: "hundreds" says at least 200, and a report of 1,200 does not
 * contradict it (a closed top would make it a contradiction and stretch
 * every range to 999).  Small vague words keep a closed top ("a few",
 * "several": up to 9), so "several hundred" stays [300, 900].  In the
 * spirit of casualty recorders who keep the lowest figure a report
 * supports; see docs/quantities.md.  Override with --vague TERM=LO,HI.
 */
const rc__vague rc__q_vague[] = {
	{"a couple of", 2, 3}, {"a couple", 2, 3}, {"a few", 2, 9}, {"a handful of", 2, 9},
	{"several", 3, 9}, {"a number of", 2, 99},
	{"dozens", 24, -1}, {"dozens of", 24, -1}, {"scores", 40, -1}, {"scores of", 40, -1},
	{"tens", 20, -1}, {"tens of", 20, -1},
	{"hundreds", 200, -1}, {"hundreds of", 200, -1},
	{"thousands", 2000, -1}, {"thousands of", 2000, -1},
	{"tens of thousands", 20000, -1}, {"tens of thousands of", 20000, -1},
	{"hundreds of thousands", 200000, -1}, {"hundreds of thousands of", 200000, -1},
	{"millions", 2e6, -1}, {"millions of", 2e6, -1},
	{"many", 3, -1}, {"numerous", 3, -1}, {"countless", 3, -1}, {"multiple", 2, -1},
	{NULL, 0, 0}
};

/* Words after a number that make it a measure, money, a percentage, a
 * clock time or an age rather than a count. */
const rc__unit rc__q_units[] = {
	/* percentages */
	{"%", RC_QK_PERCENT}, {"percent", RC_QK_PERCENT}, {"per cent", RC_QK_PERCENT},
	{"pct", RC_QK_PERCENT}, {"percentage points", RC_QK_PERCENT},
	{"percentage point", RC_QK_PERCENT}, {"per - cent", RC_QK_PERCENT},
	/* money */
	{"dollars", RC_QK_MONEY}, {"dollar", RC_QK_MONEY}, {"cents", RC_QK_MONEY},
	{"euros", RC_QK_MONEY}, {"euro", RC_QK_MONEY}, {"pounds", RC_QK_MONEY},
	{"pounds sterling", RC_QK_MONEY}, {"rupees", RC_QK_MONEY}, {"rupee", RC_QK_MONEY},
	{"rials", RC_QK_MONEY}, {"rial", RC_QK_MONEY}, {"tomans", RC_QK_MONEY},
	{"yuan", RC_QK_MONEY}, {"yen", RC_QK_MONEY}, {"rubles", RC_QK_MONEY},
	{"roubles", RC_QK_MONEY}, {"lira", RC_QK_MONEY}, {"naira", RC_QK_MONEY},
	{"shekels", RC_QK_MONEY}, {"dirhams", RC_QK_MONEY}, {"riyals", RC_QK_MONEY},
	{"francs", RC_QK_MONEY}, {"pesos", RC_QK_MONEY}, {"rand", RC_QK_MONEY},
	{"taka", RC_QK_MONEY}, {"afghanis", RC_QK_MONEY}, {"hryvnias", RC_QK_MONEY},
	{"usd", RC_QK_MONEY}, {"eur", RC_QK_MONEY}, {"gbp", RC_QK_MONEY},
	{"sek", RC_QK_MONEY}, {"bitcoin", RC_QK_MONEY}, {"bitcoins", RC_QK_MONEY},
	/* lengths, areas, weights, volumes, speeds, energy */
	{"meters", RC_QK_MEASURE}, {"meter", RC_QK_MEASURE}, {"metres", RC_QK_MEASURE},
	{"metre", RC_QK_MEASURE}, {"m", RC_QK_MEASURE}, {"km", RC_QK_MEASURE},
	{"kilometers", RC_QK_MEASURE}, {"kilometer", RC_QK_MEASURE},
	{"kilometres", RC_QK_MEASURE}, {"kilometre", RC_QK_MEASURE}, {"cm", RC_QK_MEASURE},
	{"centimeters", RC_QK_MEASURE}, {"centimetres", RC_QK_MEASURE}, {"mm", RC_QK_MEASURE},
	{"millimeters", RC_QK_MEASURE}, {"millimetres", RC_QK_MEASURE},
	{"miles", RC_QK_MEASURE}, {"mile", RC_QK_MEASURE}, {"feet", RC_QK_MEASURE},
	{"foot", RC_QK_MEASURE}, {"ft", RC_QK_MEASURE}, {"inches", RC_QK_MEASURE},
	{"inch", RC_QK_MEASURE}, {"yards", RC_QK_MEASURE}, {"yard", RC_QK_MEASURE},
	{"kg", RC_QK_MEASURE}, {"kilograms", RC_QK_MEASURE}, {"kilogram", RC_QK_MEASURE},
	{"kilos", RC_QK_MEASURE}, {"grams", RC_QK_MEASURE}, {"gram", RC_QK_MEASURE},
	{"g", RC_QK_MEASURE}, {"mg", RC_QK_MEASURE}, {"ml", RC_QK_MEASURE},
	{"tons", RC_QK_MEASURE}, {"ton", RC_QK_MEASURE}, {"tonnes", RC_QK_MEASURE},
	{"tonne", RC_QK_MEASURE}, {"lbs", RC_QK_MEASURE}, {"lb", RC_QK_MEASURE},
	{"litres", RC_QK_MEASURE}, {"liters", RC_QK_MEASURE}, {"litre", RC_QK_MEASURE},
	{"liter", RC_QK_MEASURE}, {"gallons", RC_QK_MEASURE}, {"barrels", RC_QK_MEASURE},
	{"acres", RC_QK_MEASURE}, {"hectares", RC_QK_MEASURE}, {"square", RC_QK_MEASURE},
	{"sq", RC_QK_MEASURE}, {"degrees", RC_QK_MEASURE}, {"degree", RC_QK_MEASURE},
	{"\xc2\xb0" , RC_QK_MEASURE}, {"magnitude", RC_QK_MEASURE}, {"mph", RC_QK_MEASURE},
	{"kph", RC_QK_MEASURE}, {"km / h", RC_QK_MEASURE}, {"knots", RC_QK_MEASURE},
	{"mw", RC_QK_MEASURE}, {"gw", RC_QK_MEASURE}, {"kw", RC_QK_MEASURE},
	{"kwh", RC_QK_MEASURE}, {"megawatts", RC_QK_MEASURE}, {"storey", RC_QK_MEASURE},
	{"story", RC_QK_MEASURE}, {"storeys", RC_QK_MEASURE}, {"floors", RC_QK_MEASURE},
	/* durations */
	{"seconds", RC_QK_MEASURE}, {"second", RC_QK_MEASURE}, {"secs", RC_QK_MEASURE},
	{"minutes", RC_QK_MEASURE}, {"minute", RC_QK_MEASURE}, {"mins", RC_QK_MEASURE},
	{"min", RC_QK_MEASURE}, {"hours", RC_QK_MEASURE}, {"hour", RC_QK_MEASURE},
	{"hrs", RC_QK_MEASURE}, {"days", RC_QK_MEASURE}, {"day", RC_QK_MEASURE},
	{"nights", RC_QK_MEASURE}, {"night", RC_QK_MEASURE}, {"weeks", RC_QK_MEASURE},
	{"week", RC_QK_MEASURE}, {"fortnight", RC_QK_MEASURE}, {"months", RC_QK_MEASURE},
	{"month", RC_QK_MEASURE}, {"years", RC_QK_MEASURE}, {"year", RC_QK_MEASURE},
	{"decades", RC_QK_MEASURE}, {"decade", RC_QK_MEASURE}, {"centuries", RC_QK_MEASURE},
	{"century", RC_QK_MEASURE},
	/* ages: "22 years old", "22-year-old", "a 3-month-old" */
	{"years old", RC_QK_AGE}, {"year old", RC_QK_AGE}, {"- year - old", RC_QK_AGE},
	{"- years - old", RC_QK_AGE}, {"- month - old", RC_QK_AGE},
	{"- months - old", RC_QK_AGE}, {"months old", RC_QK_AGE}, {"- week - old", RC_QK_AGE},
	{"- day - old", RC_QK_AGE}, {"- year - olds", RC_QK_AGE},
	/* clock times: "3 p.m.", "0800 GMT", "7 o'clock" */
	{"a.m", RC_QK_TIME}, {"p.m", RC_QK_TIME}, {"am", RC_QK_TIME}, {"pm", RC_QK_TIME},
	{"gmt", RC_QK_TIME}, {"utc", RC_QK_TIME}, {"o'clock", RC_QK_TIME},
	{"local time", RC_QK_TIME}, {"hrs local", RC_QK_TIME},
	{NULL, 0}
};

/* Currency signs and codes written before the amount. */
const char *const rc__q_currency_before[] = {
	"$", "us$", "a$", "c$", "hk$", "nz$", "\xe2\x82\xac" /* € */, "\xc2\xa3" /* £ */,
	"\xc2\xa5" /* ¥ */, "\xe2\x82\xb9" /* ₹ */, "\xe2\x82\xbd" /* ₽ */, "\xe2\x82\xba" /* ₺ */,
	"\xe2\x82\xaa" /* ₪ */, "\xe2\x82\xa6" /* ₦ */, "usd", "eur", "gbp", "inr", "rs",
	"rs.", "irr", "rmb", "cny", "jpy", "chf", "aud", "cad",
	NULL
};

/* Words before a four-digit number that make it a year ("in 1986",
 * "since 2019", "post-1979").  Years 1900-2099 are years without a cue
 * unless a qualifier, unit or scale makes them a count (docs). */
const char *const rc__q_year_cues[] = {
	"in", "since", "until", "till", "by", "from", "of", "during", "before", "after",
	"year", "years", "early", "late", "mid", "post", "pre", "circa", "spring", "summer",
	"autumn", "fall", "winter", "founded", "established", "born", "built", "through",
	"between", "and", "to", "fiscal", "fy", "season", "class", "vintage",
	NULL
};

/* Words before a number that make it a name or identifier ("Flight 752",
 * "No. 1", "Resolution 2231"). */
const char *const rc__q_id_cues[] = {
	"no.", "nos.", "nr.", "nrs.", "#", "flight", "route", "highway", "interstate",
	"resolution", "article", "section", "chapter", "page", "pp.", "room", "platform",
	"gate", "ward", "sector", "version", "apollo", "channel", "terminal", "precinct",
	"tel", "tel.", "phone", "fax", "amendment", "paragraph", "exhibit", "appendix",
	"fig.", "vol.", "episode", "battalion", "brigade", "regiment",
	NULL
};

/* Words that make the qualifier after them an ordinary word: "how about". */
const char *const rc__q_not_qualifier[] = {"how", "what",
	/* "revised up to 368" is revised up, to 368: not at most 368 */
	"revised", "revise", "revises", "revising", "raised", "raise", "raises", "raising",
	"scaled", "ratcheted", "marked", NULL};

/* Possessives before "20s": an age ("in their 20s"), not a decade. */
const char *const rc__q_possessives[] = {"their", "his", "her", "its", "my", "our", "your", NULL};

/* Counted nouns: a bare 1900-2099 before one of these is a count, not a
 * year ("2000 people"). */
const char *const rc__q_count_nouns[] = {
	"people", "persons", "civilians", "victims", "soldiers", "troops", "dead",
	"deaths", "injured", "wounded", "casualties", "homes", "houses", "families",
	"children", "students", "workers", "members", "protesters", "migrants",
	"refugees", "prisoners", "detainees", "officers", "militants", "fighters",
	"residents", "passengers", "pilgrims", "patients", "cases", "arrests",
	NULL
};

/* Words before a number that make it an age ("aged 22"). */
const char *const rc__q_age_cues[] = {"aged", "age", "ages", "ageing", NULL};

/* "the one", "which one", "no one": the word one as a pronoun. */
const char *const rc__q_one_pronoun[] = {
	"the", "this", "that", "which", "each", "every", "any", "no", "another",
	"other", "someone", "anyone", "everyone", "no-one",
	NULL
};

/* "rose from 84 to 95" reports a change, not a range. */
const char *const rc__q_change_verbs[] = {
	"rose", "risen", "rise", "rises", "rising", "climbed", "climb", "climbs",
	"climbing", "increased", "increase", "increases", "increasing", "jumped",
	"jumps", "grew", "grown", "grows", "growing", "went", "gone", "soared",
	"surged", "revised", "raised", "raising", "upped", "updated", "fell", "fallen",
	"falls", "falling", "dropped", "drops", "dropping", "decreased", "declined",
	"lowered", "reduced", "changed", "corrected", "moved", "doubled", "spiked",
	"up", "down", "by",
	NULL
};

const char *const rc__q_sign_words[] = {"minus", "negative", NULL};

/* Words between two numbers that make them one range. */
const char *const rc__q_range_links[] = {
	"to", "-", "~", "through", "thru", "or",
	NULL
};

/* Hour words: after 1-12 they make a clock time ("3 p.m.", "7 o'clock"). */
const char *const rc__q_meridiem[] = {"a.m", "p.m", "am", "pm", "o'clock", NULL};

/* Idioms with a number word that make no figure: "one of the victims". */
const char *const rc__q_phrases[] = {
	"one of the", "one of", "one another", "one by one", "one - off", "one - time",
	"one - sided", "one - way",
	NULL
};

/*
 * Words that make the figure next to them a count of people (or of other
 * whole things, with rc__q_count_nouns): a dot before three digits is then
 * a thousands separator ("5.000 were injured" is 5,000), and a dash before
 * the figure is no minus sign ("-5 were injured").
 */
const char *const rc__q_people_after[] = {
	"were", "are", "have", "had", "died", "perished", "drowned", "remain", "remained",
	"killed", "hurt", "missing", "survived", "fled",
	NULL
};

/* ... and the same from a few words before it, in its clause ("killed
 * about 5.000", "the death toll rose to 1.200"). */
const char *const rc__q_people_before[] = {
	"killed", "killing", "kills", "injured", "injuring", "wounded", "wounding", "hurt",
	"arrested", "detained", "evacuated", "displaced", "rescued", "toll", "tally",
	NULL
};
