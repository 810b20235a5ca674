#include "engine/sim/key_distribution.h"

#include <algorithm>
#include <cmath>

namespace ddbpg::sim {
namespace {

std::vector<double> Normalised(const std::vector<double>& weights) {
  std::vector<double> cumulative;
  double total = 0;
  for (double weight : weights) total += weight;
  double running = 0;
  for (double weight : weights) {
    running += weight / total;
    cumulative.push_back(running);
  }
  if (!cumulative.empty()) cumulative.back() = 1.0;
  return cumulative;
}

}  // namespace

KeyDistribution KeyDistribution::Uniform(size_t key_count) {
  KeyDistribution distribution;
  distribution.key_count_ = std::max<size_t>(1, key_count);
  return distribution;
}

KeyDistribution KeyDistribution::Zipf(size_t key_count, double exponent) {
  KeyDistribution distribution;
  distribution.key_count_ = std::max<size_t>(1, key_count);
  std::vector<double> weights(distribution.key_count_);
  for (size_t k = 0; k < weights.size(); ++k) weights[k] = 1.0 / std::pow(double(k + 1), exponent);
  distribution.cumulative_ = Normalised(weights);
  return distribution;
}

KeyDistribution KeyDistribution::HotKey(size_t key_count, double hot_share) {
  KeyDistribution distribution;
  distribution.key_count_ = std::max<size_t>(1, key_count);
  if (distribution.key_count_ == 1) return distribution;
  std::vector<double> weights(distribution.key_count_,
                              (1 - hot_share) / double(distribution.key_count_ - 1));
  weights[0] = hot_share;
  distribution.cumulative_ = Normalised(weights);
  return distribution;
}

KeyDistribution KeyDistribution::Weighted(std::vector<std::string> keys,
                                          std::vector<double> weights) {
  KeyDistribution distribution;
  distribution.key_count_ = keys.size();
  distribution.names_ = std::move(keys);
  distribution.cumulative_ = Normalised(weights);
  return distribution;
}

size_t KeyDistribution::Sample(base::Rng& rng) const {
  if (cumulative_.empty()) return rng.Below(key_count_);
  double u = rng.NextDouble();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  return std::min(static_cast<size_t>(it - cumulative_.begin()), key_count_ - 1);
}

}  // namespace ddbpg::sim
