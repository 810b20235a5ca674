#include "engine/exchange/gzip.h"

#include <array>

namespace ddbpg::exchange {
namespace {

constexpr unsigned char kMagic1 = 0x1f, kMagic2 = 0x8b, kDeflate = 8;
constexpr unsigned char kFlagHeaderCrc = 2, kFlagExtra = 4, kFlagName = 8, kFlagComment = 16;
constexpr size_t kMaxStoredBlock = 65535;

void PutLittleEndian32(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>(value >> (8 * i));
}

uint32_t LittleEndian32(std::string_view bytes, size_t at) {
  uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// Inflate (RFC 1951), written for clarity over speed: a bit reader and canonical Huffman codes
// decoded a bit at a time. Every malformed input ends in failure, never in reading past the end.
class Inflater {
 public:
  Inflater(std::string_view in, size_t at, size_t max_bytes, std::string& out)
      : in_(in), at_(at), max_bytes_(max_bytes), out_(out) {}

  // Inflates one deflate stream; false when it is malformed or too large.
  bool Run() {
    bool last = false;
    while (!last) {
      last = Bits(1) == 1;
      const int type = Bits(2);
      bool ok = false;
      if (type == 0) ok = Stored();
      if (type == 1) ok = Fixed();
      if (type == 2) ok = Dynamic();
      if (!ok || failed_) return false;
    }
    return true;
  }
  // Where the byte after the stream is (the gzip trailer).
  size_t end() const { return at_; }

 private:
  static constexpr int kMaxBits = 15;
  struct Huffman {
    std::array<short, kMaxBits + 1> count{};
    std::array<short, 320> symbol{};
  };

  int Bits(int need) {
    int value = 0;
    for (int i = 0; i < need; ++i) {
      if (bit_count_ == 0) {
        if (at_ >= in_.size()) {
          failed_ = true;
          return 0;
        }
        bit_buffer_ = static_cast<unsigned char>(in_[at_++]);
        bit_count_ = 8;
      }
      value |= (bit_buffer_ & 1) << i;
      bit_buffer_ >>= 1;
      --bit_count_;
    }
    return value;
  }

  bool Stored() {
    bit_count_ = 0;  // the rest of the byte is padding
    if (at_ + 4 > in_.size()) return false;
    const unsigned length =
        static_cast<unsigned char>(in_[at_]) | static_cast<unsigned char>(in_[at_ + 1]) << 8;
    const unsigned check =
        static_cast<unsigned char>(in_[at_ + 2]) | static_cast<unsigned char>(in_[at_ + 3]) << 8;
    if ((length ^ 0xffff) != check) return false;
    at_ += 4;
    if (at_ + length > in_.size() || out_.size() + length > max_bytes_) return false;
    out_.append(in_.substr(at_, length));
    at_ += length;
    return true;
  }

  // Builds the decoding tables from code lengths; false when the lengths over-subscribe a length.
  static bool Build(Huffman& h, const short* lengths, int n) {
    h.count.fill(0);
    for (int s = 0; s < n; ++s) ++h.count[lengths[s]];
    if (h.count[0] == n) return true;  // no codes: only an error if a symbol is read
    int left = 1;
    for (int len = 1; len <= kMaxBits; ++len) {
      left = left * 2 - h.count[len];
      if (left < 0) return false;
    }
    std::array<short, kMaxBits + 1> offsets{};
    for (int len = 1; len < kMaxBits; ++len) offsets[len + 1] = offsets[len] + h.count[len];
    for (int s = 0; s < n; ++s) {
      if (lengths[s] != 0) h.symbol[offsets[lengths[s]]++] = static_cast<short>(s);
    }
    return true;
  }

  int Decode(const Huffman& h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= kMaxBits; ++len) {
      code |= Bits(1);
      if (failed_) return -1;
      const int count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return -1;
  }

  bool Codes(const Huffman& lengths, const Huffman& distances) {
    static constexpr short kLengthBase[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                              15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                              67, 83, 99, 115, 131, 163, 195, 227, 258};
    static constexpr short kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                               2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static constexpr short kDistanceBase[30] = {
        1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
        193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static constexpr short kDistanceExtra[30] = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                 4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    for (;;) {
      const int symbol = Decode(lengths);
      if (symbol < 0) return false;
      if (symbol == 256) return true;
      if (out_.size() >= max_bytes_) return false;
      if (symbol < 256) {
        out_ += static_cast<char>(symbol);
        continue;
      }
      const int length_code = symbol - 257;
      if (length_code >= 29) return false;
      const size_t length = kLengthBase[length_code] + Bits(kLengthExtra[length_code]);
      const int distance_code = Decode(distances);
      if (distance_code < 0 || distance_code >= 30) return false;
      const size_t distance = kDistanceBase[distance_code] + Bits(kDistanceExtra[distance_code]);
      if (failed_ || distance > out_.size() || out_.size() + length > max_bytes_) return false;
      const size_t from = out_.size() - distance;
      for (size_t i = 0; i < length; ++i) out_ += out_[from + i];
    }
  }

  bool Fixed() {
    static const std::pair<Huffman, Huffman> tables = [] {
      std::pair<Huffman, Huffman> t;
      short lengths[288];
      for (int s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
      Build(t.first, lengths, 288);
      for (int s = 0; s < 30; ++s) lengths[s] = 5;
      Build(t.second, lengths, 30);
      return t;
    }();
    return Codes(tables.first, tables.second);
  }

  bool Dynamic() {
    static constexpr short kOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                         11, 4,  12, 3, 13, 2, 14, 1, 15};
    const int literal_count = Bits(5) + 257;
    const int distance_count = Bits(5) + 1;
    const int code_count = Bits(4) + 4;
    if (failed_ || literal_count > 286 || distance_count > 30) return false;
    short lengths[320] = {};
    for (int i = 0; i < code_count; ++i) lengths[kOrder[i]] = static_cast<short>(Bits(3));
    Huffman code_lengths;
    if (!Build(code_lengths, lengths, 19)) return false;
    int filled = 0;
    while (filled < literal_count + distance_count) {
      const int symbol = Decode(code_lengths);
      if (symbol < 0) return false;
      if (symbol < 16) {
        lengths[filled++] = static_cast<short>(symbol);
        continue;
      }
      short repeated = 0;
      int times = 0;
      if (symbol == 16) {
        if (filled == 0) return false;
        repeated = lengths[filled - 1];
        times = 3 + Bits(2);
      } else if (symbol == 17) {
        times = 3 + Bits(3);
      } else {
        times = 11 + Bits(7);
      }
      if (failed_ || filled + times > literal_count + distance_count) return false;
      while (times-- > 0) lengths[filled++] = repeated;
    }
    if (lengths[256] == 0) return false;  // a block must be able to end
    Huffman literals, distances;
    if (!Build(literals, lengths, literal_count)) return false;
    if (!Build(distances, lengths + literal_count, distance_count)) return false;
    return Codes(literals, distances);
  }

  std::string_view in_;
  size_t at_;
  size_t max_bytes_;
  std::string& out_;
  int bit_buffer_ = 0;
  int bit_count_ = 0;
  bool failed_ = false;
};

// The offset of the deflate stream after the gzip header at `at`, or 0 when it is not one.
size_t SkipHeader(std::string_view bytes, size_t at) {
  if (at + 10 > bytes.size() || static_cast<unsigned char>(bytes[at]) != kMagic1 ||
      static_cast<unsigned char>(bytes[at + 1]) != kMagic2 ||
      static_cast<unsigned char>(bytes[at + 2]) != kDeflate) {
    return 0;
  }
  const unsigned char flags = static_cast<unsigned char>(bytes[at + 3]);
  size_t pos = at + 10;
  if (flags & kFlagExtra) {
    if (pos + 2 > bytes.size()) return 0;
    pos += 2 + (static_cast<unsigned char>(bytes[pos]) | static_cast<unsigned char>(bytes[pos + 1])
                                                             << 8);
  }
  for (unsigned char flag : {kFlagName, kFlagComment}) {
    if (!(flags & flag)) continue;
    while (pos < bytes.size() && bytes[pos] != '\0') ++pos;
    ++pos;
  }
  if (flags & kFlagHeaderCrc) pos += 2;
  return pos <= bytes.size() ? pos : 0;
}

}  // namespace

uint32_t Crc32(std::string_view bytes, uint32_t crc) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (unsigned char byte : bytes) crc = table[(crc ^ byte) & 0xff] ^ (crc >> 8);
  return ~crc;
}

std::string GzipStored(std::string_view bytes) {
  // Header: magic, deflate, no flags, no time, no extra flags, OS "unknown".
  std::string out = {
      static_cast<char>(kMagic1), static_cast<char>(kMagic2), kDeflate, 0, 0, 0, 0, 0, 0,
      static_cast<char>(255)};
  size_t at = 0;
  do {
    const size_t length = std::min(kMaxStoredBlock, bytes.size() - at);
    const bool last = at + length == bytes.size();
    out += static_cast<char>(last ? 1 : 0);  // BFINAL, BTYPE 00 (stored), padded to the byte
    out += static_cast<char>(length & 0xff);
    out += static_cast<char>(length >> 8);
    out += static_cast<char>(~length & 0xff);
    out += static_cast<char>((~length >> 8) & 0xff);
    out.append(bytes.substr(at, length));
    at += length;
  } while (at < bytes.size());
  PutLittleEndian32(out, Crc32(bytes));
  PutLittleEndian32(out, static_cast<uint32_t>(bytes.size()));
  return out;
}

std::optional<std::string> Gunzip(std::string_view bytes, size_t max_bytes) {
  std::string out;
  size_t at = 0;
  do {
    const size_t stream = SkipHeader(bytes, at);
    if (stream == 0) return std::nullopt;
    const size_t member_start = out.size();
    Inflater inflater(bytes, stream, max_bytes, out);
    if (!inflater.Run()) return std::nullopt;
    at = inflater.end();
    if (at + 8 > bytes.size()) return std::nullopt;
    const std::string_view member = std::string_view(out).substr(member_start);
    if (LittleEndian32(bytes, at) != Crc32(member) ||
        LittleEndian32(bytes, at + 4) != static_cast<uint32_t>(member.size())) {
      return std::nullopt;
    }
    at += 8;
  } while (at < bytes.size());
  return out;
}

}  // namespace ddbpg::exchange
