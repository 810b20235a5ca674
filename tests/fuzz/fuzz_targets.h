// The fuzz targets, as plain functions so both libFuzzer (tests/fuzz/*_fuzzer.cc) and the
// corpus replay test (tests/fuzz/replay_corpus.cc) can drive them. Each aborts only when an
// invariant breaks, which is what the fuzzer reports.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ddbpg::fuzz {

// Parses the input as each expression kind and evaluates whatever parses against a fixed item.
void FuzzExpression(const uint8_t* data, size_t size);

// Sends the input to Engine::Handle as the body of an operation chosen by its first byte,
// against an engine holding a table, and checks the response is one of DynamoDB's.
void FuzzHandle(const uint8_t* data, size_t size);

}  // namespace ddbpg::fuzz
