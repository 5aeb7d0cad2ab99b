#ifndef AWARENESS_CCMARKGFM_SHIM_H
#define AWARENESS_CCMARKGFM_SHIM_H
// GitHub's CommonMark parser from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev
// (`apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev`): the reports' markdown rendered as HTML.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#endif
