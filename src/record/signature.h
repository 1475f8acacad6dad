/*
 * Internal: near-duplicate signatures.  The map phase signs each body
 * (rc__minhash); the reduce phase groups records whose estimated Jaccard
 * similarity reaches the threshold into one origin.
 */
#ifndef RC_SIGNATURE_H
#define RC_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>
#include <recount/record.h>

/* MinHash of the word shingles of a normalised text. */
void rc__minhash(uint32_t out[RC_MINHASH_K], const char *text, size_t len);

/* Estimated Jaccard similarity of two signatures, 0..1. */
double rc__minhash_similarity(const uint32_t a[RC_MINHASH_K], const uint32_t b[RC_MINHASH_K]);

#endif
