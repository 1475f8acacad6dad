/*
 * Internal: what the one-call API of the reconcile stage (src/reconcile/run.c)
 * shares with the engine.
 */
#ifndef RC_ENGINE_PRIV_H
#define RC_ENGINE_PRIV_H

#include <recount/engine.h>

/* RC_ERR_INVALID when o (NULL is fine) has a version this library does not know. */
rc_status rc__run_options_check(const rc_run_options *o, rc_error *err);

#endif
