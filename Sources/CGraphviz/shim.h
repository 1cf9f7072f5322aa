#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <dlfcn.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// agtail/aghead are macros, which Swift cannot import.
static inline Agnode_t *cgraphviz_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *cgraphviz_head(Agedge_t *e) { return aghead(e); }

// sfdp (and srand-based engines) draw from the C library generators; reseeding before each
// layout makes every render equal to the first one in a fresh process and to the CLI.
static inline void cgraphviz_reseed(void) {
  srand48(1);
  srand(1);
}

// Writes a parsed graph back as DOT into a malloc'ed buffer (free with cgraphviz_free).
// Returns NULL on failure. agwrite's default I/O discipline writes through fputs on a FILE*.
static inline char *cgraphviz_write(Agraph_t *g, size_t *length) {
  char *buffer = NULL;
  size_t size = 0;
  FILE *stream = open_memstream(&buffer, &size);
  if (stream == NULL) return NULL;
  int rc = agwrite(g, stream);
  if (fclose(stream) != 0 || rc != 0) {
    free(buffer);
    return NULL;
  }
  *length = size;
  return buffer;
}

// Graphviz 2.42's DOT scanner (flex, prefix "aag") keeps its input buffer, start condition
// and line counter across agmemread calls. Measured: after agmemread("graph A {a} graph B
// {evil}"), the next agmemread("graph C {b}") returned graph B; after an unterminated
// comment the next valid input returned NULL; after a multi-line input, errors reported the
// wrong line. aaglex_destroy resets all scanner state (flex re-initialises on the next
// call). It is not in the public headers, so it is looked up at run time and skipped when a
// newer Graphviz no longer exports it. dlsym(NULL, ...) is RTLD_DEFAULT on glibc.
static inline void cgraphviz_reset_scanner(void) {
  int (*destroy)(void) = (int (*)(void))dlsym((void *)0, "aaglex_destroy");
  if (destroy != NULL) destroy();
  agreadline(1);
}

static inline void cgraphviz_free(void *p) { free(p); }

#endif
