#ifndef AWARENESS_CLIBCSV_SHIM_H
#define AWARENESS_CLIBCSV_SHIM_H
// libcsv from Debian's libcsv-dev (`apt-get install -y libcsv-dev`).
#include <csv.h>

#endif
