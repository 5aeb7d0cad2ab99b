#ifndef AWARENESS_CLIBCRYPTO_SHIM_H
#define AWARENESS_CLIBCRYPTO_SHIM_H
// OpenSSL's libcrypto from Debian's libssl-dev (`apt-get install -y libssl-dev`): only the EVP digest API is
// used, for SHA-256.
#include <openssl/evp.h>

#endif
