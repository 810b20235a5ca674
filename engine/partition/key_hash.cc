#include "engine/partition/key_hash.h"

#include <string>

namespace ddbpg::partition {
namespace {

constexpr uint64_t kFnvOffsetBasis = 14695981039346656037ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Fnv1a(uint64_t hash, const std::string& bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

uint64_t SplitMix64Finalize(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace

uint64_t PartitionKeyHash(const value::AttributeValue& partition_key) {
  std::string type(value::AttributeTypeName(partition_key.type()));
  uint64_t hash = Fnv1a(kFnvOffsetBasis, type);
  hash = Fnv1a(hash, partition_key.type() == value::AttributeType::kN
                         ? partition_key.AsNumber().ToString()
                         : partition_key.AsString());
  return SplitMix64Finalize(hash);
}

}  // namespace ddbpg::partition
