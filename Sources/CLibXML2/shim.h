#ifndef INGEST_CLIBXML2_SHIM_H
#define INGEST_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, whose headers would clash with the ICU that Foundation ships.
   Strip never touches libxml2's converters (it hands libxml2 UTF-8 only), so leave them out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state. */
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

#endif
