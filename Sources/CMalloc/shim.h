// glibc's malloc extensions (malloc_trim), which the Glibc module does not export.
// Used by the CLI to give memory an import freed back before the analysis runs.
#if __has_include(<malloc.h>) && defined(__linux__)
#include <malloc.h>
#endif
