/*
 * The language of a document (docs/input.md, "Languages"): the one it
 * declares, else a stop-word test of its first words, else its script.
 * recount reads English; a document in another language would come out
 * "ok" with no claims, so it is skipped with the reason instead.  The
 * knowledge is in data/languages.json (embedded), read once per process.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include <utf8proc.h>
#include "ingest/ingest-priv.h"

extern const char rc__data_languages[];
extern const size_t rc__data_languages_len;

#define MAX_LANGS 64
#define SAMPLE_WORDS 2000
#define SAMPLE_BYTES ((size_t)64 << 10)
#define MAX_WORD_SLOTS 8192

typedef struct script_range {
	uint32_t lo, hi;
	int script;
} script_range;

typedef struct script_def {
	int default_lang;
	uint64_t langs;       /* languages told apart by stop words */
	int wins_over;        /* script this one takes over, or -1 */
	double min_share;     /* ... when it has this share of their letters */
} script_def;

typedef struct word_slot {
	const char *w;
	size_t n;             /* strlen(w) */
	uint64_t langs;
} word_slot;

static struct {
	rc_arena *a;
	char codes[MAX_LANGS][8];
	size_t n_langs;
	uint64_t supported;
	int english;
	/* names and codes a declaration may use, to a language index */
	const char **names;
	int *name_lang;
	size_t n_names;
	word_slot *words;     /* open addressing, cap a power of two */
	size_t cap_words;
	/* a bit per slot of words, set when it holds a word: a word whose own
	 * slot is empty is no stop word, and most words of a text are none;
	 * the bits stay in the first-level cache, the 24-byte slots do not */
	uint8_t used[MAX_WORD_SLOTS / 8];
	script_range *ranges; /* sorted */
	size_t n_ranges;
	script_def *scripts;
	size_t n_scripts;
	size_t min_words, min_hits, min_distinct;
	double min_share, over_english;
	bool ok;
} L;

static pthread_once_t once = PTHREAD_ONCE_INIT;

#define WORD_SEED 0x243f6a8885a308d3ULL

/* rc__hash64(s, n, WORD_SEED) a byte at a time, as detect() reads a
 * word: start from word_hash_init(), add each byte with word_hash_step(),
 * end with rc__mix64(). */
static inline uint64_t word_hash_init(void)
{
	return RC_FNV_OFFSET ^ WORD_SEED;
}

static inline uint64_t word_hash_step(uint64_t h, unsigned char c)
{
	return rc__fnv_step(h, c);
}

/* The slot of the word s[0..n) whose hash, rc__hash64 with WORD_SEED, is
 * h: its own, or the empty one where it would go. */
static word_slot *word_find_hashed(const char *s, size_t n, uint64_t h)
{
	if (!L.cap_words)
		return NULL;
	for (size_t i = h & (L.cap_words - 1);; i = (i + 1) & (L.cap_words - 1)) {
		word_slot *w = &L.words[i];
		if (!w->w)
			return w;
		if (w->n == n && memcmp(w->w, s, n) == 0)
			return w;
	}
}

static word_slot *word_find(const char *s, size_t n)
{
	return word_find_hashed(s, n, rc__hash64(s, n, WORD_SEED));
}

static int lang_index(const char *code)
{
	for (size_t i = 0; i < L.n_langs; i++)
		if (strcmp(L.codes[i], code) == 0)
			return (int)i;
	return -1;
}

static int script_index(json_t *scripts, const char *name)
{
	size_t i;
	json_t *s;
	json_array_foreach(scripts, i, s) {
		const char *n = json_string_value(json_object_get(s, "script"));
		if (n && strcmp(n, name) == 0)
			return (int)i;
	}
	return -1;
}

static int cmp_range(const void *a, const void *b)
{
	const script_range *x = a, *y = b;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static bool load(void)
{
	json_error_t je;
	json_t *root = json_loadb(rc__data_languages, rc__data_languages_len, 0, &je);
	json_t *langs = json_object_get(root, "languages");
	json_t *scripts = json_object_get(root, "scripts");
	bool ok = json_is_array(langs) && json_is_array(scripts) &&
	          json_array_size(langs) <= MAX_LANGS && (L.a = rc__arena_new(16384)) != NULL;
	L.min_words = (size_t)json_integer_value(json_object_get(root, "min_words"));
	L.min_hits = (size_t)json_integer_value(json_object_get(root, "min_hits"));
	L.min_distinct = (size_t)json_integer_value(json_object_get(root, "min_distinct"));
	L.min_share = json_number_value(json_object_get(root, "min_share"));
	L.over_english = json_number_value(json_object_get(root, "over_english"));
	size_t i, k, n_words = 0, n_names = 0;
	json_t *l, *v;
	if (ok) {
		json_array_foreach(langs, i, l) {
			const char *code = json_string_value(json_object_get(l, "code"));
			if (!code || strlen(code) >= sizeof L.codes[0]) {
				ok = false;
				break;
			}
			snprintf(L.codes[i], sizeof L.codes[i], "%s", code);
			n_words += json_array_size(json_object_get(l, "stopwords"));
			n_names += json_array_size(json_object_get(l, "names")) + 1;
		}
		L.n_langs = json_array_size(langs);
	}
	L.english = lang_index("en");
	ok = ok && L.english >= 0;
	if (ok) {
		L.cap_words = 64;
		while (L.cap_words < 2 * n_words + 2)
			L.cap_words *= 2;
		ok = L.cap_words <= MAX_WORD_SLOTS;
		L.words = rc__arena_calloc(L.a, L.cap_words, sizeof *L.words);
		L.names = rc__arena_calloc(L.a, n_names + 1, sizeof *L.names);
		L.name_lang = rc__arena_calloc(L.a, n_names + 1, sizeof *L.name_lang);
		ok = ok && L.words && L.names && L.name_lang;
	}
	if (ok) {
		json_array_foreach(langs, i, l) {
			L.name_lang[L.n_names] = (int)i;
			L.names[L.n_names++] = L.codes[i];
			json_array_foreach(json_object_get(l, "names"), k, v) {
				if (!json_is_string(v))
					continue;
				L.name_lang[L.n_names] = (int)i;
				L.names[L.n_names++] = json_string_value(v) ? rc__arena_strdup(L.a, json_string_value(v)) : "";
			}
			json_array_foreach(json_object_get(l, "stopwords"), k, v) {
				const char *w = json_string_value(v);
				if (!w)
					continue;
				word_slot *slot = word_find(w, strlen(w));
				if (!slot->w && !(slot->w = rc__arena_strdup(L.a, w))) {
					ok = false;
					break;
				}
				slot->n = strlen(w);
				slot->langs |= (uint64_t)1 << i;
			}
		}
		for (size_t sl = 0; sl < L.cap_words; sl++)
			if (L.words[sl].w)
				L.used[sl / 8] |= (uint8_t)(1u << (sl % 8));
		json_array_foreach(json_object_get(root, "supported"), i, v) {
			int li = json_string_value(v) ? lang_index(json_string_value(v)) : -1;
			if (li >= 0)
				L.supported |= (uint64_t)1 << li;
		}
	}
	if (ok) {
		size_t n_ranges = 0;
		json_array_foreach(scripts, i, l)
			n_ranges += json_array_size(json_object_get(l, "ranges"));
		L.n_scripts = json_array_size(scripts);
		L.ranges = rc__arena_calloc(L.a, n_ranges + 1, sizeof *L.ranges);
		L.scripts = rc__arena_calloc(L.a, L.n_scripts + 1, sizeof *L.scripts);
		ok = L.ranges && L.scripts;
		json_array_foreach(scripts, i, l) {
			if (!ok)
				break;
			script_def *d = &L.scripts[i];
			const char *def = json_string_value(json_object_get(l, "default"));
			d->default_lang = def ? lang_index(def) : -1;
			json_array_foreach(json_object_get(l, "languages"), k, v) {
				int li = json_string_value(v) ? lang_index(json_string_value(v)) : -1;
				if (li >= 0)
					d->langs |= (uint64_t)1 << li;
			}
			const char *over = json_string_value(json_object_get(l, "wins_over"));
			d->wins_over = over ? script_index(scripts, over) : -1;
			d->min_share = json_number_value(json_object_get(l, "min_share"));
			json_array_foreach(json_object_get(l, "ranges"), k, v) {
				const char *lo = json_string_value(json_array_get(v, 0));
				const char *hi = json_string_value(json_array_get(v, 1));
				if (!lo || !hi || d->default_lang < 0) {
					ok = false;
					break;
				}
				L.ranges[L.n_ranges++] = (script_range){(uint32_t)strtoul(lo, NULL, 16),
				                                        (uint32_t)strtoul(hi, NULL, 16),
				                                        (int)i};
			}
		}
		if (ok)
			rc__qsort(L.ranges, L.n_ranges, sizeof *L.ranges, cmp_range);
	}
	json_decref(root);
	return ok;
}

static void load_once(void)
{
	L.ok = load();
}

/* The script of a letter outside the Latin alphabet, or -1. */
static int script_of(uint32_t cp)
{
	size_t lo = 0, hi = L.n_ranges;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < L.ranges[mid].lo)
			hi = mid;
		else if (cp > L.ranges[mid].hi)
			lo = mid + 1;
		else
			return L.ranges[mid].script;
	}
	return -1;
}

static bool is_latin(uint32_t cp)
{
	return (cp < 0x80 && rc__is_alpha((int)cp)) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 &&
	                                                 cp != 0xF7) ||
	       (cp >= 0x1E00 && cp <= 0x1EFF);
}

static bool is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return rc__is_alpha((int)cp);
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

/* The language a declaration names ("de", "de-AT", "deu", "German"), or -1. */
static int declared_lang(const char *s)
{
	char low[48];
	size_t n = 0;
	for (; s[n] && n + 1 < sizeof low; n++)
		low[n] = (char)rc__lower((unsigned char)s[n]);
	low[n] = '\0';
	while (n && rc__is_space((unsigned char)low[n - 1]))
		low[--n] = '\0';
	/* "en-US", "pt_BR": the language part */
	char part[48];
	size_t p = strcspn(low, "-_");
	memcpy(part, low, p);
	part[p] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		const char *want = pass ? part : low;
		for (size_t i = 0; i < L.n_names; i++)
			if (strcmp(L.names[i], want) == 0)
				return L.name_lang[i];
	}
	return -1;
}

typedef struct guess {
	int lang;             /* -1: no decision */
	bool by_script;
	size_t words, hits, english_hits;
} guess;

/* The language of text[0..n) by its stop words and its script. */
static guess detect(const char *text, size_t n)
{
	guess g = {.lang = -1};
	size_t hits[MAX_LANGS] = {0}, distinct[MAX_LANGS] = {0}, letters[64] = {0}, latin = 0,
	       other = 0;
	/* stop words met at least once: a language shows in several of them,
	 * not in one word repeated */
	unsigned char seen[MAX_WORD_SLOTS / 8] = {0};
	const unsigned char *u = (const unsigned char *)text;
	if (n > SAMPLE_BYTES)
		n = SAMPLE_BYTES;
	char word[64];
	size_t wl = 0;
	bool word_ok = true;
	uint64_t wh = word_hash_init();   /* the word's hash as it is read */
	for (size_t i = 0; i <= n && g.words < SAMPLE_WORDS;) {
		uint32_t cp = 0;
		size_t l = 1;
		if (i < n && u[i] < 0x80) {
			/* ASCII: most of the text; no decoding, no tables.  A run
			 * of letters is read at once. */
			int c = u[i];
			if (rc__is_alpha(c)) {
				size_t j = i;
				unsigned k;
				for (; j < n && ((k = rc__byte_class[u[j]]) & RC_CB_ALPHA); j++, wl++) {
					unsigned char lc = (unsigned char)(u[j] | (k & RC_CB_UPPER));
					if (wl + 1 < sizeof word)
						word[wl] = (char)lc;
					else
						word_ok = false;
					wh = word_hash_step(wh, lc);
				}
				latin += j - i;
				i = j;
				continue;
			}
			cp = (uint32_t)c;
		} else if (i < n) {
			l = rc__utf8_decode(u + i, n - i, &cp);
			if (!l) {
				cp = 0xFFFD;
				l = 1;
			}
		}
		bool letter = i < n && is_letter(cp);
		bool inner = i < n && wl && (cp == '\'' || cp == 0x2019) && i + l < n &&
		             rc__is_alpha(u[i + l]);
		if (letter || inner) {
			if (letter && is_latin(cp)) {
				latin++;
			} else if (letter) {
				int sc = script_of(cp);
				if (sc >= 0 && (size_t)sc < RC_ARRAY_LEN(letters))
					letters[sc]++;
				other++;
			}
			/* lower case, by Unicode's simple mapping */
			uint32_t lc = cp < 0x80 ? (uint32_t)rc__lower((int)cp)
			                        : (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
			char enc[4];
			size_t el = rc__utf8_encode(lc, enc);
			if (wl + el < sizeof word)
				memcpy(word + wl, enc, el);
			else
				word_ok = false;
			for (size_t b = 0; b < el; b++)
				wh = word_hash_step(wh, (unsigned char)enc[b]);
			wl += el;
		} else if (wl) {
			g.words++;
			uint64_t h = rc__mix64(wh);
			size_t home = (size_t)h & (L.cap_words - 1);
			if (word_ok && (L.used[home / 8] >> (home % 8) & 1)) {
				const word_slot *w = word_find_hashed(word, wl, h);
				if (w && w->w) {
					size_t slot = (size_t)(w - L.words);
					bool fresh = !(seen[slot / 8] >> (slot % 8) & 1);
					seen[slot / 8] |= (unsigned char)(1u << (slot % 8));
					/* the languages of the word: its set bits */
					for (uint64_t m = w->langs; m; m &= m - 1) {
						unsigned k = (unsigned)__builtin_ctzll(m);
						hits[k]++;
						distinct[k] += fresh;
					}
				}
			}
			wl = 0;
			word_ok = true;
			wh = word_hash_init();
		}
		i += l;
	}
	g.english_hits = hits[L.english];
	/* mostly another script than Latin: judged by the script */
	if (other >= 2 * latin && other >= 2 * L.min_words) {
		int best = -1;
		for (size_t s = 0; s < L.n_scripts && s < RC_ARRAY_LEN(letters); s++)
			if (letters[s] && (best < 0 || letters[s] > letters[best]))
				best = (int)s;
		for (size_t s = 0; best >= 0 && s < L.n_scripts && s < RC_ARRAY_LEN(letters); s++) {
			const script_def *d = &L.scripts[s];
			if (d->wins_over == best && letters[s] &&
			    (double)letters[s] >= d->min_share * (double)(letters[s] + letters[best]))
				best = (int)s;
		}
		if (best < 0)
			return g;
		const script_def *d = &L.scripts[best];
		g.lang = d->default_lang;
		g.by_script = true;
		size_t top = 0;
		for (size_t k = 0; k < L.n_langs; k++)
			if ((d->langs >> k & 1) && hits[k] > top && hits[k] >= L.min_hits &&
			    distinct[k] >= L.min_distinct) {
				top = hits[k];
				g.lang = (int)k;
				g.by_script = false;
			}
		g.hits = top;
		return g;
	}
	if (g.words < L.min_words)
		return g;
	int best = -1;
	for (size_t k = 0; k < L.n_langs; k++)
		if ((int)k != L.english && (best < 0 || hits[k] > hits[best]))
			best = (int)k;
	if (best >= 0 && hits[best] >= L.min_hits && distinct[best] >= L.min_distinct &&
	    (double)hits[best] >= L.min_share * (double)g.words &&
	    (double)hits[best] > L.over_english * (double)hits[L.english]) {
		g.lang = best;
		g.hits = hits[best];
	} else {
		g.lang = L.english;
		g.hits = hits[L.english];
	}
	return g;
}

rc_status rc__language_check(rc_document *doc, const char *declared, bool any)
{
	pthread_once(&once, load_once);
	if (!L.ok || doc->status != RC_DOC_OK)
		return RC_OK;
	rc_arena *a = doc->priv->arena;
	int lang = -1;
	const char *how = NULL;
	rc_status st;
	if (declared && *declared) {
		lang = declared_lang(declared);
		if (lang < 0 &&
		    (st = rc__document_diag(doc, RC_SEV_WARNING, RC_ERR_INVALID, doc->record_line, 0,
		                            (size_t)-1,
		                            "unknown language '%.40s': told from the text instead",
		                            declared)) != RC_OK)
			return st;
		how = "declared by the document";
	}
	if (lang < 0) {
		guess g = detect(doc->text + doc->body_start, doc->text_len - doc->body_start);
		lang = g.lang;
		how = g.by_script ? "told by its script" : "told by its stop words";
	}
	if (lang < 0) {
		doc->language = NULL;
		return RC_OK;
	}
	if (!(doc->language = rc__arena_strdup(a, L.codes[lang])))
		return RC_ERR_NOMEM;
	if (any || (L.supported >> lang & 1))
		return RC_OK;
	return rc__document_skip(doc, RC_ERR_UNSUPPORTED, doc->record_line, (size_t)-1,
	                         "language %s is not supported (%s; recount reads English, "
	                         "--any-language reads it anyway)",
	                         L.codes[lang], how);
}
