/*
 * Internal: what the one-call API of the reconcile stage (src/reconcile/run.c)
 * shares with the engine, and the tables the engine and the extractor own.
 */
#ifndef RC_ENGINE_PRIV_H
#define RC_ENGINE_PRIV_H

#include <recount/engine.h>

/* RC_ERR_INVALID when o (NULL is fine) has a version this library does not know. */
rc_status rc__run_options_check(const rc_run_options *o, rc_error *err);

/*
 * The read-only tables of the map step that an engine or an extractor
 * builds and owns: the engine builds all three (and then loads --rules
 * into the rules), the extractor those its options do not lend.
 */
typedef struct rc__map_tables {
	rc_recognizer *rec;
	rc_rules *rules;
	rc_event_vocab *vocab;
} rc__map_tables;

/* Build into own each table that lent (NULL: none lent) does not hold, the
 * recognizer with ro (NULL: its defaults).  On failure own keeps what was
 * built, for rc__map_tables_dispose(). */
rc_status rc__map_tables_build(rc__map_tables *own, const rc_extractor_options *lent,
                               const rc_recognizer_options *ro, rc_error *err);
void rc__map_tables_dispose(rc__map_tables *own);

#endif
