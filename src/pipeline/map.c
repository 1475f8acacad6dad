/*
 * The map phase: documents from a reader through rc_record_extract() to a
 * callback, in the reader's order, on N worker threads.
 *
 * The calling thread reads documents (readers are not thread-safe) into a
 * ring of slots, workers take the oldest unclaimed slot and extract it,
 * and the calling thread hands finished records to the callback strictly
 * in ring order.  The ring holds at most 4 documents per worker, so memory
 * stays bounded however large the input; the output cannot depend on
 * which worker finished first, so it is byte-identical for every N.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <recount/pipeline.h>
#include "core/core.h"

#define SLOTS_PER_THREAD 4
#define PROGRESS_EVERY 0.1 /* seconds */

unsigned rc_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1u;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct progress {
	const rc_map_options *opts;
	rc_progress p;
	double start, last;
} progress;

static void progress_tick(progress *pg, size_t bytes, bool force)
{
	pg->p.documents++;
	pg->p.bytes += bytes;
	if (!pg->opts || !pg->opts->progress)
		return;
	double t = now();
	if (force || t - pg->last >= PROGRESS_EVERY) {
		pg->last = t;
		pg->p.seconds = t - pg->start;
		pg->opts->progress(pg->opts->progress_user, &pg->p);
	}
}

static void progress_done(progress *pg)
{
	if (!pg->opts || !pg->opts->progress)
		return;
	pg->p.seconds = now() - pg->start;
	pg->p.done = true;
	pg->opts->progress(pg->opts->progress_user, &pg->p);
}

/* One thread: the reference the parallel run must equal. */
static rc_status run_serial(rc_reader *r, const rc_extractor *ex, progress *pg,
                            rc_record_fn fn, void *user, rc_error *err)
{
	for (;;) {
		rc_document *doc = NULL;
		rc_status st = rc_reader_next(r, &doc, err);
		if (st != RC_OK)
			return st;
		if (!doc)
			return RC_OK;
		size_t bytes = doc->text_len;
		rc_record *rec = NULL;
		st = rc_record_extract(&rec, ex, doc, err);
		rc_document_free(doc);
		if (st == RC_OK && pg->opts && pg->opts->prepare)
			st = pg->opts->prepare(pg->opts->prepare_user, rec, err);
		if (st != RC_OK) {
			rc_record_free(rec);
			return st;
		}
		if ((st = fn(user, rec, err)) != RC_OK)
			return st;
		progress_tick(pg, bytes, false);
	}
}

enum { S_READY = 1, S_TAKEN, S_DONE };

typedef struct slot {
	rc_document *doc;
	rc_record *rec;
	rc_status st;
	rc_error err;
	size_t bytes;
	int state;
} slot;

typedef struct pool {
	pthread_mutex_t mu;
	pthread_cond_t work;     /* a slot is ready, or stop */
	pthread_cond_t done;     /* a slot is done */
	slot *ring;
	size_t n_slots;
	size_t head, tail, next; /* sequence numbers: emit, fill, claim */
	bool stop;
	const rc_extractor *ex;
	const rc_map_options *opts;
} pool;

static void *worker(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next == p->tail)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->stop)
			break;
		slot *s = &p->ring[p->next % p->n_slots];
		p->next++;
		s->state = S_TAKEN;
		rc_document *doc = s->doc;
		pthread_mutex_unlock(&p->mu);

		rc_record *rec = NULL;
		rc_error e;
		rc__error_clear(&e);
		rc_status st = rc_record_extract(&rec, p->ex, doc, &e);
		rc_document_free(doc);
		if (st == RC_OK && p->opts && p->opts->prepare)
			st = p->opts->prepare(p->opts->prepare_user, rec, &e);

		pthread_mutex_lock(&p->mu);
		s->doc = NULL;
		s->rec = rec;
		s->st = st;
		s->err = e;
		s->state = S_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static rc_status run_parallel(rc_reader *r, const rc_extractor *ex, unsigned threads,
                              progress *pg, rc_record_fn fn, void *user, rc_error *err)
{
	pool p = {.n_slots = (size_t)threads * SLOTS_PER_THREAD, .ex = ex, .opts = pg->opts};
	p.ring = calloc(p.n_slots, sizeof *p.ring);
	pthread_t *tids = calloc(threads, sizeof *tids);
	if (!p.ring || !tids) {
		free(p.ring);
		free(tids);
		return rc__error_set(err, RC_ERR_NOMEM, "out of memory");
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	unsigned started = 0;
	for (; started < threads; started++)
		if (pthread_create(&tids[started], NULL, worker, &p) != 0)
			break;
	rc_status st = RC_OK;
	if (started == 0)
		st = rc__error_set(err, RC_ERR_NOMEM, "cannot start worker threads: %s", strerror(errno));
	bool eof = false;
	pthread_mutex_lock(&p.mu);
	while (st == RC_OK && (!eof || p.head < p.tail)) {
		/* fill the ring (reading happens outside the lock) */
		while (!eof && p.tail - p.head < p.n_slots) {
			pthread_mutex_unlock(&p.mu);
			rc_document *doc = NULL;
			rc_status rst = rc_reader_next(r, &doc, err);
			pthread_mutex_lock(&p.mu);
			if (rst != RC_OK) {
				st = rst;
				break;
			}
			if (!doc) {
				eof = true;
				break;
			}
			slot *s = &p.ring[p.tail % p.n_slots];
			*s = (slot){.doc = doc, .bytes = doc->text_len, .state = S_READY};
			p.tail++;
			pthread_cond_signal(&p.work);
		}
		if (st != RC_OK)
			break;
		/* hand finished records over, oldest first */
		bool emitted = false;
		while (p.head < p.tail && p.ring[p.head % p.n_slots].state == S_DONE) {
			slot *s = &p.ring[p.head % p.n_slots];
			rc_record *rec = s->rec;
			rc_status xst = s->st;
			size_t bytes = s->bytes;
			if (xst != RC_OK && err)
				*err = s->err;
			s->rec = NULL;
			s->state = 0;
			p.head++;
			emitted = true;
			pthread_mutex_unlock(&p.mu);
			if (xst == RC_OK) {
				xst = fn(user, rec, err);
				if (xst == RC_OK)
					progress_tick(pg, bytes, false);
			} else {
				rc_record_free(rec);
			}
			pthread_mutex_lock(&p.mu);
			if (xst != RC_OK) {
				st = xst;
				break;
			}
		}
		if (st != RC_OK)
			break;
		if (!emitted && p.head < p.tail && (eof || p.tail - p.head == p.n_slots))
			pthread_cond_wait(&p.done, &p.mu);
	}
	/* stop: let workers finish what they hold, then free what is left */
	p.stop = true;
	pthread_cond_broadcast(&p.work);
	pthread_mutex_unlock(&p.mu);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	for (; p.head < p.tail; p.head++) {
		slot *s = &p.ring[p.head % p.n_slots];
		rc_document_free(s->doc);
		rc_record_free(s->rec);
	}
	pthread_cond_destroy(&p.done);
	pthread_cond_destroy(&p.work);
	pthread_mutex_destroy(&p.mu);
	free(tids);
	free(p.ring);
	return st;
}

rc_status rc_map_options_init(rc_map_options *o, unsigned version, rc_error *err)
{
	static const rc_map_options init = RC_MAP_OPTIONS_INIT;
	return rc__options_init(o, sizeof *o, &init, "rc_map_options", version, RC_MAP_OPTIONS_VERSION, err);
}

rc_status rc_map_run(rc_reader *r, const rc_extractor *ex, const rc_map_options *opts,
                     rc_record_fn fn, void *user, rc_error *err)
{
	if (opts && rc__options_check("rc_map_options", opts->version, RC_MAP_OPTIONS_VERSION, err) != RC_OK)
		return RC_ERR_INVALID;
	unsigned threads = opts && opts->threads ? opts->threads : rc_cpu_count();
	if (threads > 256)
		threads = 256;
	progress pg = {.opts = opts, .start = now()};
	pg.last = pg.start;
	rc_status st = threads <= 1 ? run_serial(r, ex, &pg, fn, user, err)
	                            : run_parallel(r, ex, threads, &pg, fn, user, err);
	if (st == RC_OK)
		progress_done(&pg);
	return st;
}
