/*
 * Near-duplicate signatures: MinHash over word 5-shingles of the
 * normalised, lower-cased text.  Each of the RC_MINHASH_K slots keeps the
 * least value of one hash over all shingles, h_k(s) = the high 32 bits of
 * a_k s + b_k for a well-mixed 64-bit shingle hash s (multiply-shift, one
 * multiplication per slot instead of a full mixer); the share of equal
 * slots between two signatures estimates the Jaccard similarity of their
 * shingle sets with standard error sqrt(J(1-J)/K), about 0.05 at K = 64
 * around the 0.8 threshold (docs/reconcile.md).
 */
#include <string.h>
#include "core/core.h"
#include "record/signature.h"

#define SHINGLE 5

/* The next word of text from *i: letters and digits, lower-cased hash. */
static bool next_word(const char *text, size_t len, size_t *i, uint64_t *h)
{
	size_t p = *i;
	while (p < len && !rc__is_alnum((unsigned char)text[p]) && (unsigned char)text[p] < 0x80)
		p++;
	if (p >= len)
		return false;
	uint64_t x = RC_FNV_OFFSET;
	while (p < len && (rc__is_alnum((unsigned char)text[p]) || (unsigned char)text[p] >= 0x80)) {
		x = rc__fnv_step(x, (unsigned char)rc__lower((unsigned char)text[p]));
		p++;
	}
	*i = p;
	*h = x;
	return true;
}

/* The slot hashes: odd multipliers and offsets from splitmix64 (128 mixes
 * per document, against 64 per shingle before). */
typedef struct slots {
	uint64_t a[RC_MINHASH_K], b[RC_MINHASH_K];
} slots;

static void slots_init(slots *h)
{
	uint64_t x = 0;
	for (size_t k = 0; k < RC_MINHASH_K; k++) {
		h->a[k] = rc__mix64(x += 0x9E3779B97F4A7C15ULL) | 1;
		h->b[k] = rc__mix64(x += 0x9E3779B97F4A7C15ULL);
	}
}

static void slots_min(const slots *h, uint32_t out[RC_MINHASH_K], uint64_t s)
{
	for (size_t k = 0; k < RC_MINHASH_K; k++) {
		uint32_t v = (uint32_t)((h->a[k] * s + h->b[k]) >> 32);
		out[k] = v < out[k] ? v : out[k];
	}
}

/* The same loop where the machine multiplies 64-bit lanes (AVX-512 DQ):
 * the compiler vectorises it, eight slots an instruction; the same values
 * on every machine. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RC_WIDE_SLOTS 1
__attribute__((target("avx512f,avx512dq"), optimize("tree-vectorize")))
static void slots_min_wide(const slots *h, uint32_t out[RC_MINHASH_K], uint64_t s)
{
	for (size_t k = 0; k < RC_MINHASH_K; k++) {
		uint32_t v = (uint32_t)((h->a[k] * s + h->b[k]) >> 32);
		out[k] = v < out[k] ? v : out[k];
	}
}
#endif

void rc__minhash(uint32_t out[RC_MINHASH_K], const char *text, size_t len)
{
	slots h;
	slots_init(&h);
	void (*mix)(const slots *, uint32_t *, uint64_t) = slots_min;
#ifdef RC_WIDE_SLOTS
	if (__builtin_cpu_supports("avx512dq"))
		mix = slots_min_wide;
#endif
	for (size_t k = 0; k < RC_MINHASH_K; k++)
		out[k] = UINT32_MAX;
	uint64_t win[SHINGLE] = {0};
	size_t n = 0, i = 0;
	uint64_t wh;
	while (next_word(text, len, &i, &wh)) {
		win[n % SHINGLE] = wh;
		n++;
		if (n < SHINGLE)
			continue;
		/* the shingle: the last SHINGLE words in order, one mix */
		uint64_t s = 0;
		for (size_t w = 0; w < SHINGLE; w++)
			s = s * 0x100000001b3ULL + win[(n - SHINGLE + w) % SHINGLE];
		mix(&h, out, rc__mix64(s));
	}
	/* fewer words than a shingle: one shingle of what there is */
	if (n > 0 && n < SHINGLE) {
		uint64_t s = 0;
		for (size_t w = 0; w < n; w++)
			s = s * 0x100000001b3ULL + win[w];
		mix(&h, out, rc__mix64(s));
	}
}

double rc__minhash_similarity(const uint32_t a[RC_MINHASH_K], const uint32_t b[RC_MINHASH_K])
{
	size_t same = 0;
	for (size_t k = 0; k < RC_MINHASH_K; k++)
		same += a[k] == b[k] && a[k] != UINT32_MAX;
	return (double)same / RC_MINHASH_K;
}
