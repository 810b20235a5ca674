#include "engine/exchange/export_files.h"

#include "engine/base/json_writer.h"
#include "engine/base/utc_time.h"
#include "engine/exchange/gzip.h"
#include "engine/exchange/ion_text.h"
#include "engine/exchange/md5.h"
#include "engine/value/base64.h"

namespace ddbpg::exchange {
namespace {

// A data file's most text before a new one starts: it keeps each object, and so each section of
// a snapshot that holds it, well under the format's 32 MiB.
constexpr size_t kMaxDataFileBytes = size_t{8} << 20;

// A data file's name: 26 characters of base32 ([a-z2-7]) as the service's names have, derived
// from the export and the file's position so that a replayed journal writes the same names.
std::string DataFileName(const ExportRecord& record, size_t position) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  const std::string digest = Md5Digest(record.export_id + "/" + std::to_string(position));
  std::string name;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char byte : digest) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5 && name.size() < 26) {
      name += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) name += kAlphabet[(buffer << (5 - bits)) & 31];  // 128 bits: the 26th character
  return name + (record.format == "ION" ? ".ion.gz" : ".json.gz");
}

std::string DataLine(const ExportRecord& record, const nlohmann::json& document) {
  // Each Ion line starts with the version marker (Developer Guide: "Each line begins with an Ion
  // version marker, followed by an item in Ion format").
  if (record.format == "ION") return "$ion_1_0 " + IonStruct(document) + "\n";
  // Items are UTF-8 (requests and imports check it); replacing keeps a line writable regardless.
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// 2020-11-04T07:28:34.028Z, as the manifests show times.
std::string IsoTime(double seconds) { return base::FormatUtcIsoMillis(seconds) + "Z"; }

// The manifests are written with base::JsonWriter (not nlohmann's ordered_json, whose template
// alone costs the wasm module tens of kilobytes), in the service's member order.
void StringOrNull(base::JsonWriter& writer, const std::string& text) {
  if (text.empty()) {
    writer.Raw("null");
  } else {
    writer.String(text);
  }
}

std::string SummaryJson(const ExportRecord& record, const std::string& files_key) {
  const bool incremental = record.type == "INCREMENTAL_EXPORT";
  std::string out;
  base::JsonWriter writer(out);
  auto member = [&](const char* name, const std::string& value) {
    writer.Key(name);
    writer.String(value);
  };
  writer.BeginObject();
  member("version", incremental ? "2023-08-01" : "2020-06-30");
  member("exportArn", record.arn);
  member("startTime", IsoTime(record.start_time));
  member("endTime", IsoTime(record.end_time));
  member("tableArn", record.table_arn);
  member("tableId", record.table_id);
  if (incremental) {
    member("exportFromTime", IsoTime(record.from_time));
    member("exportToTime", IsoTime(record.to_time));
  } else {
    member("exportTime", IsoTime(record.export_time));
  }
  member("s3Bucket", record.s3_bucket);
  writer.Key("s3Prefix");
  StringOrNull(writer, record.s3_prefix);
  member("s3SseAlgorithm", record.s3_sse_algorithm);
  writer.Key("s3SseKmsKeyId");
  StringOrNull(writer, record.s3_sse_kms_key_id);
  member("manifestFilesS3Key", files_key);
  writer.Key("billedSizeBytes");
  writer.Unsigned(static_cast<uint64_t>(record.billed_size_bytes));
  writer.Key("itemCount");
  writer.Unsigned(static_cast<uint64_t>(record.item_count));
  member("outputFormat", record.format);
  if (incremental) member("outputView", record.view_type);
  member("exportType", record.type);
  writer.EndObject();
  return out + "\n";
}

// One line of manifest-files.json.
std::string FilesManifestLine(size_t item_count, const std::string& body, const std::string& key) {
  std::string out;
  base::JsonWriter writer(out);
  writer.BeginObject();
  writer.Key("itemCount");
  writer.Unsigned(item_count);
  writer.Key("md5Checksum");
  writer.String(value::Base64Encode(Md5Digest(body)));
  writer.Key("etag");
  writer.String(Md5Hex(body));
  writer.Key("dataFileS3Key");
  writer.String(key);
  writer.EndObject();
  return out + "\n";
}

// A manifest and its two checksum files: .md5 holds the base64 MD5, .checksum the hex one.
void PutWithChecksums(ObjectStore& store, const std::string& bucket, const std::string& key,
                      std::string body) {
  const std::string base = key.substr(0, key.rfind('.'));
  store.Put(bucket, base + ".md5", value::Base64Encode(Md5Digest(body)));
  store.Put(bucket, base + ".checksum", Md5Hex(body));
  store.Put(bucket, key, std::move(body));
}

}  // namespace

std::string ExportRoot(const ExportRecord& record) {
  std::string root = record.s3_prefix;
  if (!root.empty() && root.back() != '/') root += '/';
  return root + "AWSDynamoDB/";
}

void WriteExportObjects(ExportRecord& record, const std::vector<std::vector<nlohmann::json>>& files,
                        ObjectStore& store) {
  const std::string root = ExportRoot(record);
  const std::string folder = root + record.export_id + "/";
  // An incremental export's data goes to the folder its exports share (AWSDynamoDB/data/).
  const std::string data_folder = (record.type == "INCREMENTAL_EXPORT" ? root : folder) + "data/";
  store.Put(record.s3_bucket, folder + "_started", "");
  std::string files_manifest;
  record.item_count = 0;
  size_t written = 0;  // data files so far: their names follow this count
  auto write_file = [&](const std::string& text, size_t items) {
    std::string body = GzipStored(text);
    const std::string key = data_folder + DataFileName(record, written++);
    files_manifest += FilesManifestLine(items, body, key);
    record.item_count += static_cast<long long>(items);
    store.Put(record.s3_bucket, key, std::move(body));
  };
  // At least one file per partition (an empty one for an empty partition), and a new file once
  // one holds kMaxDataFileBytes, as the service also writes several files for a big partition.
  for (const std::vector<nlohmann::json>& partition : files) {
    std::string text;
    size_t items = 0;
    for (const nlohmann::json& document : partition) {
      text += DataLine(record, document);
      ++items;
      if (text.size() >= kMaxDataFileBytes) {
        write_file(text, items);
        text.clear();
        items = 0;
      }
    }
    if (items > 0 || partition.empty()) write_file(text, items);
  }
  const std::string files_key = folder + "manifest-files.json";
  PutWithChecksums(store, record.s3_bucket, files_key, std::move(files_manifest));
  record.manifest_key = folder + "manifest-summary.json";
  PutWithChecksums(store, record.s3_bucket, record.manifest_key, SummaryJson(record, files_key));
}

}  // namespace ddbpg::exchange
