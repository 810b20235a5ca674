#include "engine/api/resource_policy_document.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <vector>

#include "engine/base/json_writer.h"
#include "engine/base/limits.h"
#include "engine/base/service_text.h"
#include "engine/value/json_reader.h"

namespace ddbpg::api {
namespace {

using json = nlohmann::json;

base::Status InvalidDocument(std::string_view detail) {
  return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                  "Invalid policy document: " + std::string(detail));
}

// A member of a JSON object, or null.
const json& Field(const json& object, const char* name) {
  static const json kNull;
  auto it = object.find(name);
  return it == object.end() ? kNull : *it;
}

// Appends a value as it is (an object's members in name order, as nlohmann prints them).
void WriteAsIs(base::JsonWriter& out, const json& value) {
  out.Raw(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

// Lists of strings become one string when one remains after removing duplicates (the service
// reads {"Action": ["dynamodb:GetItem"]} back as "dynamodb:GetItem").
void WriteCollapsedStrings(base::JsonWriter& out, const json& value) {
  if (!value.is_array()) return WriteAsIs(out, value);
  std::vector<const json*> kept;
  bool all_strings = true;
  for (const json& element : value) {
    all_strings = all_strings && element.is_string();
    auto same = [&element](const json* earlier) { return *earlier == element; };
    if (std::none_of(kept.begin(), kept.end(), same)) kept.push_back(&element);
  }
  if (all_strings && kept.size() == 1) return WriteAsIs(out, *kept[0]);
  out.BeginArray();
  for (const json* element : kept) WriteAsIs(out, *element);
  out.EndArray();
}

bool IsAccountId(const json& value) {
  if (!value.is_string()) return false;
  const std::string& text = value.get_ref<const std::string&>();
  return text.size() == 12 && std::all_of(text.begin(), text.end(), ::isdigit);
}

// {"AWS": "123456789012"} names the account's root user, and reads back as its ARN.
json RootArns(const json& principals) {
  auto root = [](const json& id) {
    return IsAccountId(id) ? json("arn:aws:iam::" + id.get<std::string>() + ":root") : id;
  };
  if (!principals.is_array()) return root(principals);
  json rewritten = json::array();
  for (const json& id : principals) rewritten.push_back(root(id));
  return rewritten;
}

void WriteCanonicalPrincipal(base::JsonWriter& out, const json& principal) {
  if (!principal.is_object()) return WriteAsIs(out, principal);
  out.BeginObject();
  for (const auto& [kind, ids] : principal.items()) {
    out.Key(kind);
    WriteCollapsedStrings(out, kind == "AWS" ? RootArns(ids) : ids);
  }
  out.EndObject();
}

// `object`'s members: first those named in `order`, each written by `write_member`, then the
// others in name order as they are. The document is written rather than built as an ordered
// tree: nlohmann's ordered_json would be a second instantiation of the whole library (about
// 39 KB of the wasm module).
template <typename WriteMember>
void WriteInOrder(base::JsonWriter& out, const json& object, const std::vector<const char*>& order,
                  WriteMember write_member) {
  out.BeginObject();
  for (const char* name : order) {
    if (!object.contains(name)) continue;
    out.Key(name);
    write_member(name, Field(object, name));
  }
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& name = it.key();
    auto known = [&name](const char* listed) { return name == listed; };
    if (std::any_of(order.begin(), order.end(), known)) continue;
    out.Key(name);
    WriteAsIs(out, it.value());
  }
  out.EndObject();
}

void WriteCanonicalStatement(base::JsonWriter& out, const json& statement) {
  WriteInOrder(out, statement,
               {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                "NotResource", "Condition"},
               [&out](std::string_view name, const json& value) {
                 if (name == "Principal" || name == "NotPrincipal") {
                   return WriteCanonicalPrincipal(out, value);
                 }
                 if (name == "Sid" || name == "Effect" || name == "Condition") {
                   return WriteAsIs(out, value);
                 }
                 WriteCollapsedStrings(out, value);
               });
}

// Whether a principal is everyone: "*", or "*" as an AWS principal.
bool NamesEveryone(const json& principal) {
  auto star = [](const json& ids) {
    if (ids == "*") return true;
    return ids.is_array() && std::find(ids.begin(), ids.end(), json("*")) != ids.end();
  };
  return star(principal) || (principal.is_object() && star(Field(principal, "AWS")));
}

// The statement's required fields, as IAM's grammar has them: an effect, a principal (a
// resource-based policy names whom it applies to), an action and a resource.
base::Status CheckStatement(const json& statement) {
  if (!statement.is_object()) return InvalidDocument("This policy contains invalid Json");
  const json& effect = Field(statement, "Effect");
  if (effect.is_null()) return InvalidDocument("Missing required field Effect");
  if (effect != "Allow" && effect != "Deny") {
    return InvalidDocument("Invalid effect: " +
                           (effect.is_string() ? effect.get<std::string>() : effect.dump()));
  }
  if (Field(statement, "Principal").is_null() && Field(statement, "NotPrincipal").is_null()) {
    return InvalidDocument("Missing required field Principal");
  }
  if (Field(statement, "Action").is_null() && Field(statement, "NotAction").is_null()) {
    return InvalidDocument("Missing required field Action");
  }
  if (Field(statement, "Resource").is_null() && Field(statement, "NotResource").is_null()) {
    return InvalidDocument("Missing required field Resource");
  }
  return base::Status::OK();
}

}  // namespace

base::Result<std::string> CanonicalPolicyDocument(const std::string& text) {
  if (text.size() > base::limits::kMaxPolicyDocumentBytes) {
    return base::Status::Validation(
        std::string(base::kParameterValuesInvalid) + "Maximum policy size of " +
        std::to_string(base::limits::kMaxPolicyDocumentBytes) + " bytes exceeded");
  }
  const json document = value::ReadJsonOrDiscarded(text);
  if (document.is_discarded() || !document.is_object()) {
    return InvalidDocument("This policy contains invalid Json");
  }
  // IAM's two policy language versions; a document without one is read as the older.
  const json& version = Field(document, "Version");
  if (!version.is_null() && version != "2012-10-17" && version != "2008-10-17") {
    return InvalidDocument("The policy must contain a valid version string");
  }
  const json& statements = Field(document, "Statement");
  if (statements.is_null()) return InvalidDocument("Missing required field Statement");
  // A document may hold one statement as an object instead of a list of them.
  const json list = statements.is_array() ? statements : json::array({statements});
  if (list.empty()) return InvalidDocument("Could not parse the policy: Statement is empty!");
  std::set<std::string> sids;
  for (const json& statement : list) {
    if (base::Status s = CheckStatement(statement); !s.ok()) return s;
    if (const json& sid = Field(statement, "Sid"); sid.is_string()) {
      if (!sids.insert(sid.get<std::string>()).second) {
        return InvalidDocument("The Statement Ids in the policy are not unique");
      }
    }
  }
  // DynamoDB refuses to let a table be public: an Allow to everyone without a condition narrowing
  // it (measured; a Deny to everyone is accepted).
  for (const json& statement : list) {
    if (Field(statement, "Effect") == "Allow" && NamesEveryone(Field(statement, "Principal")) &&
        Field(statement, "Condition").is_null()) {
      return base::Status::Validation(
          "Resource-based policy grants unbounded access in one or more elements. Please revise "
          "the policy to ensure least-privilege form of access");
    }
  }

  std::string canonical;
  base::JsonWriter out(canonical);
  WriteInOrder(out, document, {"Version", "Id", "Statement"},
               [&](std::string_view name, const json& value) {
                 if (name != "Statement") return WriteAsIs(out, value);
                 if (!statements.is_array()) return WriteCanonicalStatement(out, statements);
                 out.BeginArray();
                 for (const json& statement : list) WriteCanonicalStatement(out, statement);
                 out.EndArray();
               });
  return canonical;
}

std::string NextRevisionId(const base::ResourcePolicy& slot, double now) {
  long long revision = std::llround(now * 1000);
  // strtoll rather than stoll: a damaged id reads as 0 instead of throwing.
  long long previous = std::strtoll(slot.revision_id.c_str(), nullptr, 10);
  if (!slot.revision_id.empty()) revision = std::max(revision, previous + 1);
  return std::to_string(revision);
}

}  // namespace ddbpg::api
