#include "engine/api/prepare_write.h"

#include "engine/api/expression_params.h"
#include "engine/api/legacy_parameters.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/base/limits.h"
#include "engine/expr/update_evaluator.h"
#include "engine/value/attribute_names.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"

namespace ddbpg::api {
namespace {

bool UsesLegacy(const json& request) {
  for (const char* member : {"Expected", "ConditionalOperator", "AttributeUpdates"}) {
    if (!Member(request, member).is_null()) return true;
  }
  return false;
}

base::Result<RequestExpressions> TranslateLegacyWrite(const json& request) {
  // A legacy request has no expressions, so it may hold no ExpressionAttributeNames or Values.
  if (base::Status s = CheckPlaceholdersNeedExpressions(request, {}); !s.ok()) return s;
  LegacyTranslation translation;
  if (base::Status s = TranslateExpected(Member(request, "Expected"),
                                         Member(request, "ConditionalOperator"), translation);
      !s.ok()) {
    return s;
  }
  if (base::Status s = TranslateAttributeUpdates(Member(request, "AttributeUpdates"), translation);
      !s.ok()) {
    return s;
  }
  return RequestExpressions::FromLegacy(std::move(translation.values),
                                        std::move(translation.condition),
                                        std::move(translation.update), std::nullopt, std::nullopt);
}

}  // namespace

base::Result<PreparedWrite> PrepareWrite(core::EngineState& state, const json& request,
                                         WriteKind kind, bool envelope,
                                         ExpressionOwner owner) {
  PreparedWrite write;
  write.kind = kind;
  const bool is_put = kind == WriteKind::kPut;
  if (kind == WriteKind::kUpdate) {
    if (base::Status s =
            CheckExpressionMixing(request,
                                  {{"UpdateExpression", expr::ExpressionKind::kUpdate},
                                   {"ConditionExpression", expr::ExpressionKind::kCondition}},
                                  {"AttributeUpdates", "Expected"});
        !s.ok()) {
      return s;
    }
  } else {
    if (base::Status s = CheckExpressionMixing(
            request, {{"ConditionExpression", expr::ExpressionKind::kCondition}}, {"Expected"});
        !s.ok()) {
      return s;
    }
  }
  base::Result<value::Item> attributes = value::DecodeItem(Member(request, is_put ? "Item" : "Key"),
                                                           {.envelope_value_errors = envelope});
  if (!attributes.ok()) return attributes.status();
  if (is_put && value::ItemSize(*attributes) > base::limits::kMaxItemBytes) {
    return base::Status::Validation(kItemTooLargeMessage);
  }
  if (is_put) {
    if (base::Status s = value::CheckAttributeNames(*attributes); !s.ok()) return s;
  }
  base::Result<RequestExpressions> expressions =
      UsesLegacy(request) ? TranslateLegacyWrite(request)
      : kind == WriteKind::kUpdate
          ? ParseRequestExpressions(request,
                                    {{"UpdateExpression", expr::ExpressionKind::kUpdate},
                                     {"ConditionExpression", expr::ExpressionKind::kCondition}},
                                    {"AttributeUpdates", "Expected"}, owner)
          : ParseRequestExpressions(request,
                                    {{"ConditionExpression", expr::ExpressionKind::kCondition}},
                                    {"Expected"}, owner);
  if (!expressions.ok()) {
    // PutItem, UpdateItem and DeleteItem wrap every fault of their expressions, the placeholders
    // and the legacy members, as the service has since 2026 (captured in us-east-1 and eu-west-2,
    // October 2026).
    if (envelope && expressions.status().type() == base::ErrorType::kValidation) {
      return base::Status::Validation("1 validation error detected: " +
                                      expressions.status().message());
    }
    return expressions.status();
  }
  write.expressions = std::move(*expressions);
  write.return_old_on_condition_failure =
      Member(request, "ReturnValuesOnConditionCheckFailure") == "ALL_OLD";

  write.table = state.FindTable(Member(request, "TableName").get<std::string>());
  if (write.table == nullptr) return base::Status::ResourceNotFound(kItemNotFoundInTableMessage);
  base::Result<value::PrimaryKey> key =
      is_put ? write.table->KeyOfItem(*attributes) : write.table->KeyFromKeyParameter(*attributes);
  if (!key.ok()) return key.status();
  write.key = std::move(*key);
  if (is_put) write.put_item = std::move(*attributes);

  if (write.expressions.update()) {
    std::vector<std::string> key_names = {write.table->partition_key_name()};
    if (write.table->has_sort_key()) key_names.push_back(write.table->sort_key_name());
    if (base::Status s =
            expr::CheckUpdate(*write.expressions.update(), write.expressions.context(), key_names);
        !s.ok()) {
      return s;
    }
  }
  return write;
}

}  // namespace ddbpg::api
