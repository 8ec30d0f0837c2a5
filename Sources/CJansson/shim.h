#include <jansson.h>

/* jansson's reference counting lives in static inline functions and macros,
   which Swift cannot call; these wrappers expose them. */
static inline void kg_json_decref(json_t *json) { json_decref(json); }
static inline json_t *kg_json_incref(json_t *json) { return json_incref(json); }
static inline int kg_json_is_integer(const json_t *json) { return json_is_integer(json); }
static inline int kg_json_typeof(const json_t *json) { return json_typeof(json); }
static inline size_t kg_json_indent(int n) { return JSON_INDENT(n); }
static inline size_t kg_json_real_precision(int n) { return JSON_REAL_PRECISION(n); }
