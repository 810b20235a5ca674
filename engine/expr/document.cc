#include "engine/expr/document.h"

#include <algorithm>
#include <map>

namespace ddbpg::expr {
namespace {

// AttributeValue exposes its containers read-only, so writes rebuild the containers on the way
// back up: clone-modify-replace keeps AttributeValue's invariants in one place.
std::optional<value::AttributeValue> SetInValue(const value::AttributeValue& current,
                                                const Path& path, size_t step,
                                                const value::AttributeValue& value) {
  const PathElement& element = path.elements[step];
  bool last = step + 1 == path.elements.size();
  if (element.is_index) {
    if (current.type() != value::AttributeType::kL) return std::nullopt;
    value::AttributeValue::List list = current.AsList();
    if (last) {
      if (element.index >= list.size()) {
        list.push_back(value);
      } else {
        list[element.index] = value;
      }
      return value::AttributeValue::OfList(std::move(list));
    }
    if (element.index >= list.size()) return std::nullopt;
    std::optional<value::AttributeValue> child =
        SetInValue(list[element.index], path, step + 1, value);
    if (!child) return std::nullopt;
    list[element.index] = std::move(*child);
    return value::AttributeValue::OfList(std::move(list));
  }
  if (current.type() != value::AttributeType::kM) return std::nullopt;
  value::AttributeValue::Map map = current.AsMap();
  if (last) {
    map[element.name] = value;
    return value::AttributeValue::OfMap(std::move(map));
  }
  auto it = map.find(element.name);
  if (it == map.end()) return std::nullopt;
  std::optional<value::AttributeValue> child = SetInValue(it->second, path, step + 1, value);
  if (!child) return std::nullopt;
  it->second = std::move(*child);
  return value::AttributeValue::OfMap(std::move(map));
}

// nullopt: the path crosses a wrong kind or a missing document; otherwise the rebuilt value
// (unchanged when only the last element is missing: removing what is not there is no error).
std::optional<value::AttributeValue> RemoveInValue(const value::AttributeValue& current,
                                                   const Path& path, size_t step) {
  const PathElement& element = path.elements[step];
  bool last = step + 1 == path.elements.size();
  if (element.is_index) {
    if (current.type() != value::AttributeType::kL) return std::nullopt;
    value::AttributeValue::List list = current.AsList();
    if (element.index >= list.size())
      return last ? std::optional<value::AttributeValue>(current) : std::nullopt;
    if (last) {
      list.erase(list.begin() + static_cast<long>(element.index));
    } else {
      std::optional<value::AttributeValue> child =
          RemoveInValue(list[element.index], path, step + 1);
      if (!child) return std::nullopt;
      list[element.index] = std::move(*child);
    }
    return value::AttributeValue::OfList(std::move(list));
  }
  if (current.type() != value::AttributeType::kM) return std::nullopt;
  value::AttributeValue::Map map = current.AsMap();
  auto it = map.find(element.name);
  if (it == map.end()) return last ? std::optional<value::AttributeValue>(current) : std::nullopt;
  if (last) {
    map.erase(it);
  } else {
    std::optional<value::AttributeValue> child = RemoveInValue(it->second, path, step + 1);
    if (!child) return std::nullopt;
    it->second = std::move(*child);
  }
  return value::AttributeValue::OfMap(std::move(map));
}

}  // namespace

const value::AttributeValue* FindAtPath(const value::Item& item, const Path& path) {
  if (path.elements.empty() || path.elements[0].is_index) return nullptr;
  auto it = item.find(path.elements[0].name);
  if (it == item.end()) return nullptr;
  const value::AttributeValue* current = &it->second;
  for (size_t i = 1; i < path.elements.size(); ++i) {
    const PathElement& element = path.elements[i];
    if (element.is_index) {
      if (current->type() != value::AttributeType::kL) return nullptr;
      const value::AttributeValue::List& list = current->AsList();
      if (element.index >= list.size()) return nullptr;
      current = &list[element.index];
    } else {
      if (current->type() != value::AttributeType::kM) return nullptr;
      const value::AttributeValue::Map& map = current->AsMap();
      auto child = map.find(element.name);
      if (child == map.end()) return nullptr;
      current = &child->second;
    }
  }
  return current;
}

bool SetAtPath(value::Item& item, const Path& path, value::AttributeValue value) {
  if (path.elements.empty() || path.elements[0].is_index) return false;
  const std::string& name = path.elements[0].name;
  if (path.elements.size() == 1) {
    item[name] = std::move(value);
    return true;
  }
  auto it = item.find(name);
  if (it == item.end()) return false;
  std::optional<value::AttributeValue> rebuilt = SetInValue(it->second, path, 1, value);
  if (!rebuilt) return false;
  it->second = std::move(*rebuilt);
  return true;
}

bool RemoveAtPath(value::Item& item, const Path& path) {
  if (path.elements.empty() || path.elements[0].is_index) return false;
  auto it = item.find(path.elements[0].name);
  // A missing attribute is removed without fuss; a path through it is invalid (ScyllaDB's tests
  // against DynamoDB: REMOVE c.c when the item has no c).
  if (it == item.end()) return path.elements.size() == 1;
  if (path.elements.size() == 1) {
    item.erase(it);
    return true;
  }
  std::optional<value::AttributeValue> rebuilt = RemoveInValue(it->second, path, 1);
  if (!rebuilt) return false;
  it->second = std::move(*rebuilt);
  return true;
}

namespace {

// A projection is built as a tree mirroring the paths; list elements are collected by index
// and compacted at the end, as DynamoDB returns them.
struct ProjectionNode {
  std::optional<value::AttributeValue> whole;  // the entire value, when a path ends here
  std::map<std::string, ProjectionNode> members;
  std::map<size_t, ProjectionNode> elements;
};

void AddPath(ProjectionNode& node, const value::AttributeValue& value, const Path& path,
             size_t step) {
  if (node.whole) return;  // an enclosing path already takes the whole value
  if (step == path.elements.size()) {
    node.whole = value;
    node.members.clear();
    node.elements.clear();
    return;
  }
  const PathElement& element = path.elements[step];
  if (element.is_index) {
    if (value.type() != value::AttributeType::kL || element.index >= value.AsList().size()) return;
    AddPath(node.elements[element.index], value.AsList()[element.index], path, step + 1);
    return;
  }
  if (value.type() != value::AttributeType::kM) return;
  auto it = value.AsMap().find(element.name);
  if (it == value.AsMap().end()) return;
  AddPath(node.members[element.name], it->second, path, step + 1);
}

// A document that none of the paths through it reached is left out, as DynamoDB leaves it out:
// projecting a.b[3] of an item whose list a.b has three elements returns no `a` at all, not an
// empty map (ScyllaDB's tests against the service). A path that ends at an empty map or list
// still returns it.
std::optional<value::AttributeValue> Build(const ProjectionNode& node) {
  if (node.whole) return node.whole;
  if (!node.members.empty()) {
    value::AttributeValue::Map map;
    for (const auto& [name, child] : node.members) {
      if (std::optional<value::AttributeValue> built = Build(child)) map.emplace(name, *built);
    }
    if (map.empty()) return std::nullopt;
    return value::AttributeValue::OfMap(std::move(map));
  }
  if (!node.elements.empty()) {
    value::AttributeValue::List list;
    for (const auto& [index, child] : node.elements) {
      if (std::optional<value::AttributeValue> built = Build(child)) list.push_back(*built);
    }
    if (list.empty()) return std::nullopt;
    return value::AttributeValue::OfList(std::move(list));
  }
  return std::nullopt;
}

}  // namespace

value::Item Project(const value::Item& item, const std::vector<Path>& paths) {
  std::map<std::string, ProjectionNode> roots;
  for (const Path& path : paths) {
    if (path.elements.empty() || path.elements[0].is_index) continue;
    auto it = item.find(path.elements[0].name);
    if (it == item.end()) continue;
    AddPath(roots[path.elements[0].name], it->second, path, 1);
  }
  value::Item projected;
  for (const auto& [name, node] : roots) {
    if (std::optional<value::AttributeValue> built = Build(node)) projected.emplace(name, *built);
  }
  return projected;
}

std::string DescribePath(const Path& path) {
  std::string out = "[";
  for (size_t i = 0; i < path.elements.size(); ++i) {
    if (i > 0) out += ", ";
    const PathElement& element = path.elements[i];
    if (element.is_index) {
      out.push_back('[');
      out.append(std::to_string(element.index)).push_back(']');
    } else {
      out.append(element.name);
    }
  }
  return out + "]";
}

base::Status CheckPathsDisjoint(const std::vector<Path>& paths, const std::string& prefix) {
  for (size_t i = 0; i < paths.size(); ++i) {
    for (size_t j = i + 1; j < paths.size(); ++j) {
      const Path& a = paths[i];
      const Path& b = paths[j];
      size_t common = std::min(a.elements.size(), b.elements.size());
      bool diverged = false;
      for (size_t k = 0; k < common && !diverged; ++k) {
        const PathElement& x = a.elements[k];
        const PathElement& y = b.elements[k];
        if (x.is_index != y.is_index) {
          return base::Status::Validation(
              prefix +
              "Two document paths conflict with each other; must remove or "
              "rewrite one of these paths; path one: " +
              DescribePath(a) + ", path two: " + DescribePath(b));
        }
        diverged = x.is_index ? x.index != y.index : x.name != y.name;
      }
      if (!diverged) {
        return base::Status::Validation(
            prefix +
            "Two document paths overlap with each other; must remove or "
            "rewrite one of these paths; path one: " +
            DescribePath(a) + ", path two: " + DescribePath(b));
      }
    }
  }
  return base::Status::OK();
}

namespace {

void CollectTopLevelNames(const Condition& condition, std::set<std::string>& names) {
  for (const Operand& operand : condition.operands) {
    const Path* path = operand.kind == Operand::Kind::kPath ? &operand.path
                       : operand.kind == Operand::Kind::kSize && !operand.arguments.empty()
                           ? &operand.arguments[0].path
                           : nullptr;
    if (path && !path->elements.empty()) names.insert(path->elements[0].name);
  }
  for (const Condition& child : condition.children) CollectTopLevelNames(child, names);
}

}  // namespace

std::set<std::string> TopLevelNames(const Condition& condition) {
  std::set<std::string> names;
  CollectTopLevelNames(condition, names);
  return names;
}

}  // namespace ddbpg::expr
