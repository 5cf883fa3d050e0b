/*
 * malloc_trim(0) for Node, through Node-API (one binary for every Node version that has Node-API 8:
 * 20, 22, 24). glibc keeps the memory a process frees inside its heaps; only malloc_trim hands the
 * whole free pages of every arena back to the OS (src/index.ts says when Cordon calls it). Elsewhere
 * than glibc (musl, macOS) trim() answers false and does nothing.
 */
#define NAPI_VERSION 8
#include <node_api.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static napi_value trim(napi_env env, napi_callback_info info) {
  (void)info;
  int released = 0;
#ifdef __GLIBC__
  released = malloc_trim(0);
#endif
  napi_value result;
  if (napi_get_boolean(env, released == 1, &result) != napi_ok) return NULL;
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "trim", NAPI_AUTO_LENGTH, trim, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "trim", fn) != napi_ok) return NULL;
  return exports;
}
