#include "engine/base/json_writer.h"

#include <charconv>
#include <cstring>

#include "engine/base/json_string_bytes.h"
#include "engine/base/utf8.h"

namespace ddbpg::base {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

void AppendControl(std::string& out, unsigned char c) {
  switch (c) {
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

// Output gathered on the stack and appended to `out` in as few appends as it can: every append
// to the string is a call, and a Query's answer would make a dozen per item. A piece that does
// not fit is appended on its own, after what was gathered before it.
class Pieces {
 public:
  explicit Pieces(std::string& out) : out_(out) {}
  ~Pieces() { Flush(); }
  Pieces& Add(char c) { return Add(std::string_view(&c, 1)); }
  Pieces& Add(std::string_view piece) {
    if (used_ + piece.size() <= sizeof buffer_) {
      std::memcpy(buffer_ + used_, piece.data(), piece.size());
      used_ += piece.size();
    } else {
      Flush();
      out_.append(piece);
    }
    return *this;
  }

 private:
  void Flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }

  std::string& out_;
  size_t used_ = 0;
  char buffer_[64];
};

}  // namespace

void AppendEscaped(std::string& out, std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t plain_from = 0;  // the start of a run of bytes copied as they are
  size_t i = 0;
  auto flush = [&](size_t until) { out.append(text.data() + plain_from, until - plain_from); };
  while (i < size) {
    i = NextJsonStringStop(bytes, i, size);
    if (i == size) break;
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      flush(i);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else {
        AppendControl(out, c);
      }
      plain_from = ++i;
      continue;
    }
    const Utf8Sequence sequence = MultiByteSequenceAt(text.substr(i));
    if (sequence.length > 0) {
      i += sequence.length;
      continue;
    }
    // A broken sequence is replaced up to the byte that broke it, which is read again.
    flush(i);
    out += kReplacementCharacter;
    i += sequence.broken_length;
    plain_from = i;
  }
  flush(size);
}

void JsonWriter::BeforeValue() {
  if (after_value_) out_ += ',';
  after_value_ = true;
}

void JsonWriter::OpenValue(char bracket) {
  BeforeValue();
  out_ += bracket;
  after_value_ = false;
}

void JsonWriter::Close(char bracket) {
  out_ += bracket;
  after_value_ = true;
}

void JsonWriter::Key(std::string_view name) {
  if (IsPlainJsonString(name)) return PlainKey(name);
  BeforeValue();
  out_ += '"';
  AppendEscaped(out_, name);
  out_.append("\":", 2);
  after_value_ = false;
}

void JsonWriter::PlainKey(std::string_view name) {
  BeforeValue();
  Pieces(out_).Add('"').Add(name).Add('"').Add(':');
  after_value_ = false;
}

void JsonWriter::PlainStringObject(std::string_view name, std::string_view text) {
  BeforeValue();
  Pieces(out_).Add('{').Add('"').Add(name).Add('"').Add(':').Add('"').Add(text).Add('"').Add('}');
}

void JsonWriter::String(std::string_view text) {
  BeforeValue();
  out_ += '"';
  AppendEscaped(out_, text);
  out_ += '"';
}

void JsonWriter::PlainString(std::string_view text) {
  BeforeValue();
  out_ += '"';
  out_.append(text);
  out_ += '"';
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Unsigned(uint64_t value) {
  BeforeValue();
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  (void)error;  // 24 characters hold any uint64_t
  out_.append(digits, end);
}

void JsonWriter::Raw(std::string_view json_text) {
  BeforeValue();
  out_ += json_text;
}

}  // namespace ddbpg::base
