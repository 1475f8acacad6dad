/*
 * recount: RC_API marks what the library exports.  The library is built
 * with -fvisibility=hidden, so a declaration of include/recount/ without
 * RC_API, and every internal rc__* function, stays out of the shared
 * library's symbol table (tests/layout/exports.py checks both ways).
 */
#ifndef RECOUNT_EXPORT_H
#define RECOUNT_EXPORT_H

#if defined(_WIN32) || defined(__CYGWIN__)
#  ifdef RC_BUILDING_LIBRARY
#    define RC_API __declspec(dllexport)
#  else
#    define RC_API
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define RC_API __attribute__((visibility("default")))
#else
#  define RC_API
#endif

#endif
