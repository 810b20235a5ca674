// Key distributions for workload simulation: which partition key each simulated request uses.
#pragma once

#include <string>
#include <vector>

#include "engine/base/rng.h"

namespace ddbpg::sim {

class KeyDistribution {
 public:
  // Every key equally likely.
  static KeyDistribution Uniform(size_t key_count);
  // Key k (0-based) drawn with probability proportional to 1 / (k + 1)^exponent.
  static KeyDistribution Zipf(size_t key_count, double exponent);
  // Key 0 takes `hot_share` of the requests; the others share the rest equally.
  static KeyDistribution HotKey(size_t key_count, double hot_share);
  // Explicit keys with weights (for example country codes and their share of users).
  static KeyDistribution Weighted(std::vector<std::string> keys, std::vector<double> weights);

  // The index of the next key, in [0, key_count()).
  size_t Sample(base::Rng& rng) const;
  size_t key_count() const { return key_count_; }
  // Named keys of a Weighted distribution; empty for generated ones ("key-<index>").
  const std::vector<std::string>& names() const { return names_; }

 private:
  size_t key_count_ = 1;
  std::vector<double> cumulative_;  // empty for Uniform
  std::vector<std::string> names_;
};

}  // namespace ddbpg::sim
