// ObjectStore: the playground's simulated S3, the buckets exports write to and imports read
// from. Objects are bytes under a key in a bucket; a bucket exists once something is put in it.
// The engine keeps it with its state (snapshots and the journal carry it), and node mirrors it
// into the data directory, the page offers it as a download (docs/export-import.md).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ddbpg::exchange {

class ObjectStore {
 public:
  using Bucket = std::map<std::string, std::string>;  // key -> bytes

  void Put(const std::string& bucket, const std::string& key, std::string body) {
    buckets_[bucket][key] = std::move(body);
  }
  const std::string* Get(const std::string& bucket, const std::string& key) const {
    auto b = buckets_.find(bucket);
    if (b == buckets_.end()) return nullptr;
    auto o = b->second.find(key);
    return o == b->second.end() ? nullptr : &o->second;
  }
  // The objects of `bucket` whose keys start with `prefix`, in key order (S3's listing order).
  std::vector<std::pair<std::string, const std::string*>> List(const std::string& bucket,
                                                               const std::string& prefix) const {
    std::vector<std::pair<std::string, const std::string*>> objects;
    auto b = buckets_.find(bucket);
    if (b == buckets_.end()) return objects;
    for (auto it = b->second.lower_bound(prefix);
         it != b->second.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
      objects.push_back({it->first, &it->second});
    }
    return objects;
  }
  const std::map<std::string, Bucket>& buckets() const { return buckets_; }

 private:
  std::map<std::string, Bucket> buckets_;
};

}  // namespace ddbpg::exchange
