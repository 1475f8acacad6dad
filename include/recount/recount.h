/*
 * recount: source-discrepancy reconciliation for news articles.
 *
 * The umbrella header.  The pipeline is
 *   ingest (document.h) -> segment, extract, link (record.h, pipeline.h)
 *   -> reconcile (reconcile.h) -> report (report.h).
 * See docs/architecture.md.
 */
#ifndef RECOUNT_RECOUNT_H
#define RECOUNT_RECOUNT_H

#include <recount/version.h>
#include <recount/status.h>
#include <recount/text.h>
#include <recount/interval.h>
#include <recount/document.h>
#include <recount/quantity.h>
#include <recount/claim.h>
#include <recount/event.h>
#include <recount/record.h>
#include <recount/pipeline.h>
#include <recount/engine.h>
#include <recount/reconcile.h>
#include <recount/report.h>
#include <recount/check.h>
#include <recount/verify.h>

#endif
