// Debian's libxml2 is built with ICU; its headers would pull in the system ICU headers, which clash
// with Foundation's own ICU module on a clean build. Read the version header first, then switch the
// ICU part off before the parser headers see it (see ../shared/NOTES.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
