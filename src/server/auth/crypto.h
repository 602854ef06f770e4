// The server's cryptography, all from libsodium: random tokens, hashing of stored tokens, keyed secrets and
// password hashing with Argon2id.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bhabin::server::auth {

// Must run once before any other function here (and before threads start); throws if libsodium cannot start.
void initCrypto();

std::string randomBytes(std::size_t count);
// `bytes` random bytes as URL-safe base64 without padding (a 32-byte token: 43 characters, 256 bits).
std::string randomToken(std::size_t bytes);
std::string toHex(std::string_view bytes);
std::string sha256Hex(std::string_view data);
// HMAC-SHA-256 of `message` under `key` (raw bytes), as raw bytes.
std::string hmacSha256(std::string_view key, std::string_view message);
bool constantTimeEquals(std::string_view a, std::string_view b);

// Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane) or more.
struct PasswordHashing {
  unsigned long long opsLimit = 2;
  std::size_t memLimitBytes = 19u * 1024u * 1024u;
};

// libsodium's encoded form ("$argon2id$v=19$m=19456,t=2,p=1$..."), with a random salt.
std::string hashPassword(std::string_view password, const PasswordHashing& settings = {});
bool verifyPassword(const std::string& encodedHash, std::string_view password);

}  // namespace bhabin::server::auth
