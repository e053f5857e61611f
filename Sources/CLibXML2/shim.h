#ifndef INGEST_CLIBXML2_SHIM_H
#define INGEST_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state. */
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

/* LIBXML_DOTTED_VERSION is a macro and does not import. */
static inline const char *cxml_version(void) { return LIBXML_DOTTED_VERSION; }

#endif
