/* Record allocation: one arena per record. */
#include <stdlib.h>
#include "record/record-priv.h"

rc_record *rc__record_new(void)
{
	rc_record *rec = calloc(1, sizeof(*rec));
	struct rc_record_priv *priv = calloc(1, sizeof(*priv));
	rc_arena *a = rc__arena_new(4096);
	if (!rec || !priv || !a) {
		free(rec);
		free(priv);
		rc__arena_free(a);
		return NULL;
	}
	priv->arena = a;
	rec->priv = priv;
	return rec;
}

void rc_record_free(rc_record *rec)
{
	if (!rec)
		return;
	free(rec->rendered);
	if (rec->priv) {
		rc__arena_free(rec->priv->arena);
		free(rec->priv);
	}
	free(rec);
}
