// memcpy for the wasm build, as one `memory.copy` instruction.
//
// This Emscripten's libc copies anything of 512 bytes or more by calling out to JavaScript
// (`emscripten_memcpy_big`, a `copyWithin` on the heap) unless the whole program is linked with
// bulk memory, which would rebuild libc in Emscripten's cache, read-only where Debian installs it.
// Every item and every answer over 512 bytes crosses that call: in wasm it was a quarter of a
// Query's time. Defined here, this memcpy is the one the program links, libc's own calls included;
// it is compiled with -mbulk-memory (engine/CMakeLists.txt), which every browser and node that
// runs the module's wasm exceptions also supports.
#include <cstddef>

// Without bulk memory, __builtin_memcpy below becomes a call to memcpy: this very function.
#ifndef __wasm_bulk_memory__
#error "bulk_memory_copy.cc needs -mbulk-memory (engine/CMakeLists.txt)"
#endif

extern "C" void* memcpy(void* __restrict destination, const void* __restrict source, size_t count) {
  __builtin_memcpy(destination, source, count);  // memory.copy under -mbulk-memory
  return destination;
}
