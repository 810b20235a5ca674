#include "engine/api/journal_policy.h"

#include <array>

namespace ddbpg::api {

bool IsReadOnlyTarget(std::string_view target) {
  // Reads consume capacity, and the journal does not keep that: a reopened playground starts
  // its capacity from the writes alone (docs/differences.md, "Persistence").
  static constexpr std::array<std::string_view, 33> kReadOnly = {
      "DynamoDB_20120810.GetItem",
      "DynamoDB_20120810.BatchGetItem",
      "DynamoDB_20120810.Query",
      "DynamoDB_20120810.Scan",
      "DynamoDB_20120810.TransactGetItems",
      "DynamoDB_20120810.DescribeTable",
      "DynamoDB_20120810.ListTables",
      "DynamoDB_20120810.DescribeTimeToLive",
      "DynamoDB_20120810.DescribeContributorInsights",
      "DynamoDB_20120810.ListContributorInsights",
      "DynamoDB_20120810.ListTagsOfResource",
      "DynamoDB_20120810.GetResourcePolicy",
      "DynamoDB_20120810.DescribeBackup",
      "DynamoDB_20120810.ListBackups",
      "DynamoDB_20120810.DescribeContinuousBackups",
      "DynamoDB_20120810.DescribeExport",
      "DynamoDB_20120810.ListExports",
      "DynamoDB_20120810.DescribeImport",
      "DynamoDB_20120810.ListImports",
      "DynamoDB_20120810.DescribeGlobalTable",
      "DynamoDB_20120810.ListGlobalTables",
      "DynamoDB_20120810.DescribeGlobalTableSettings",
      "DynamoDB_20120810.DescribeTableReplicaAutoScaling",
      "Playground.DescribeReplication",
      "DynamoDBStreams_20120810.ListStreams",
      "DynamoDBStreams_20120810.DescribeStream",
      "DynamoDBStreams_20120810.GetShardIterator",
      "DynamoDBStreams_20120810.GetRecords",
      "Playground.GetMetrics",
      "Playground.EstimateCost",
      "Playground.Advise",
      "Playground.ListObjects",
      "Playground.GetObject",
  };
  for (std::string_view read_only : kReadOnly) {
    if (target == read_only) return true;
  }
  return false;
}

}  // namespace ddbpg::api
